"""The pack PDF's pages joined in a process of its own (see `combine.PackWriter`).

Run as `python -m brief.pack.pages`: reads frames from stdin (`A` title pdf:
append a brief; `N`: the number of pages of each brief appended; `F` title
subtitle cover: put the cover in front and write), answers `N` with `C` counts
and `F` with `P` pdf on stdout, and ends at end of input. It holds the joined
pages' objects, and nothing of the corpus.
"""

from __future__ import annotations

import signal
import struct
import sys
from typing import IO

_HEAD = struct.Struct(">cI")  # op, number of parts
_SIZE = struct.Struct(">Q")
COUNT = struct.Struct(">I")
"""A brief's number of pages in the `C` answer, one after another."""


def send(out: IO[bytes], op: bytes, *parts: bytes) -> None:
    out.write(_HEAD.pack(op, len(parts)))
    for part in parts:
        out.write(_SIZE.pack(len(part)))
        out.write(part)
    out.flush()


def _exactly(source: IO[bytes], size: int) -> bytes | None:
    data = source.read(size)
    return data if len(data) == size else None


def receive(source: IO[bytes]) -> tuple[bytes, ...] | None:
    """(op, *parts), or None at the end of the input."""
    head = _exactly(source, _HEAD.size)
    if head is None:
        return None
    op, count = _HEAD.unpack(head)
    parts = [op]
    for _ in range(count):
        size = _exactly(source, _SIZE.size)
        part = _exactly(source, _SIZE.unpack(size)[0]) if size is not None else None
        if part is None:
            return None
        parts.append(part)
    return tuple(parts)


def main() -> None:
    # Ctrl-C reaches the whole process group: the pack process handles it and
    # closes the pipe, which ends this one without a traceback.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    from brief.pack.combine import Pages

    pages = Pages()
    while (frame := receive(sys.stdin.buffer)) is not None:
        if frame[0] == b"A":
            pages.append(frame[1].decode("utf-8"), frame[2])
        elif frame[0] == b"N":
            counts = b"".join(COUNT.pack(n) for n in pages.page_counts())
            send(sys.stdout.buffer, b"C", counts)
        elif frame[0] == b"F":
            data = pages.finish(frame[3], frame[1].decode("utf-8"), frame[2].decode("utf-8"))
            send(sys.stdout.buffer, b"P", data)
            return


if __name__ == "__main__":
    main()
