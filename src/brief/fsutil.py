"""Writing files so that a failure never leaves a half-written file behind.

The new bytes go into a file with no name (Linux `O_TMPFILE`): a process
killed while writing, even by SIGKILL, leaves nothing. Only when every byte is
on disk does the file get a name, `.<name>.<pid>.<random>.part`, and at once
the real one (`rename`, atomic). Where unnamed files are not supported the
`.part` file is created first. Either way a `.part` file a killed process
left behind (its pid no longer runs) is removed by the next write into the
same folder.
"""

from __future__ import annotations

import contextlib
import os
import re
import secrets
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import BinaryIO

_PART = re.compile(r"^\..+\.(\d+)\.[0-9a-f]{8}\.part$")
_OLD_PART = re.compile(r"^\..+\.[a-z0-9_]{8}\.part$")
"""The names of an earlier version (no pid): removed once they are an hour old."""


def _part_path(path: Path) -> Path:
    return path.parent / f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}.part"


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # exists, owned by someone else
        return True
    return True


def _stale_part(entry: os.DirEntry[str]) -> bool:
    match = _PART.match(entry.name)
    if match:
        return int(match[1]) != os.getpid() and not _running(int(match[1]))
    if _OLD_PART.match(entry.name):
        try:
            return time.time() - entry.stat(follow_symlinks=False).st_mtime > 3600
        except OSError:
            return False
    return False


def clear_stale_parts(folder: Path) -> list[str]:
    """Remove `.part` files of writers that are no longer running; return their names."""
    removed: list[str] = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    for entry in entries:
        if _stale_part(entry):
            with contextlib.suppress(OSError):
                os.unlink(entry.path)
                removed.append(entry.name)
    return removed


def _unnamed(folder: Path) -> int | None:
    """An open file without a name in `folder`, or None where the system has none."""
    flag = getattr(os, "O_TMPFILE", 0)
    if not flag or not os.path.isdir("/proc/self/fd"):
        return None
    try:
        return os.open(folder, flag | os.O_RDWR, 0o644)  # readable: see _name
    except OSError:
        return None


def _name(fd: int, tmp: Path) -> None:
    """Give the unnamed file `fd` the name `tmp` (copying it where linking is refused)."""
    try:
        os.link(f"/proc/self/fd/{fd}", tmp, follow_symlinks=True)
        return
    except OSError:
        pass
    try:
        with open(tmp, "xb") as out:
            offset = 0
            while chunk := os.pread(fd, 1 << 20, offset):
                out.write(chunk)
                offset += len(chunk)
            out.flush()
            os.fsync(out.fileno())
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


@contextlib.contextmanager
def atomic_writer(path: Path) -> Iterator[BinaryIO]:
    """Open a new file for `path`; on success it replaces `path`.

    On any exception nothing is left behind and an existing `path` is untouched.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    clear_stale_parts(path.parent)
    fd = _unnamed(path.parent)
    tmp = _part_path(path)
    if fd is None:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
        named = True
    else:
        named = False
    try:
        with os.fdopen(fd, "wb", closefd=False) as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.fchmod(fd, 0o644)
        if not named:
            _name(fd, tmp)
            named = True
        try:
            os.replace(tmp, path)
        except IsADirectoryError:
            from brief.errors import InvalidInput, Problem

            raise InvalidInput(
                Problem(file=str(path), message="a folder is where this file is to be written")
            ) from None
    except BaseException:
        if named:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(tmp)
        raise
    finally:
        os.close(fd)


def atomic_write_bytes(path: Path, data: bytes) -> None:
    with atomic_writer(path) as handle:
        handle.write(data)


def atomic_write_text(path: Path, text: str) -> None:
    atomic_write_bytes(path, text.encode("utf-8"))


def write_cache_entry(
    path: Path, data: bytes | Callable[[BinaryIO], None], pattern: str, keep: int
) -> None:
    """Write one entry of a cache folder (`data`, or what `data(file)` writes), then keep
    the `keep` newest entries matching `pattern` there. A read-only or full cache folder
    costs speed, not correctness: nothing is raised."""
    try:
        if callable(data):
            with atomic_writer(path) as handle:
                data(handle)
        else:
            atomic_write_bytes(path, data)
        entries = path.parent.glob(pattern)
        newest = sorted(entries, key=lambda p: p.stat().st_mtime, reverse=True)
        for old in newest[keep:]:
            with contextlib.suppress(OSError):
                old.unlink()
    except OSError:
        pass
