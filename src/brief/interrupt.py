"""Ctrl-C: one line on stderr, exit code 130, no traceback from any process.

The handler is set before the command's heavy imports (see `brief.__main__`),
so a Ctrl-C while Python is still importing is reported the same way.
Whatever was being written is dropped whole: files are written atomically
(`brief.fsutil`) and a pack is switched in at the end (`brief.pack.staging`).
"""

from __future__ import annotations

import os
import signal
import sys

MESSAGE = "error: interrupted"
EXIT_CODE = 130  # what a shell reports for a command stopped by Ctrl-C

_owner: int | None = None
_said = False


def _handler(signum: int, frame: object) -> None:
    global _said
    if os.getpid() != _owner:
        return  # a process forked from brief before it set its own: the parent reports
    if not _said:
        _said = True
        try:
            sys.stderr.write(MESSAGE + "\n")
            sys.stderr.flush()
        except (OSError, ValueError):
            pass
    raise KeyboardInterrupt


def install() -> None:
    """Report Ctrl-C in one line. Left alone when Ctrl-C is ignored (e.g. `nohup`)."""
    global _owner
    if signal.getsignal(signal.SIGINT) in (signal.default_int_handler, _handler):
        _owner = os.getpid()
        signal.signal(signal.SIGINT, _handler)


def reported() -> bool:
    """True once the line was printed."""
    return _said


def exit_interrupted() -> None:
    if not _said:
        sys.stderr.write(MESSAGE + "\n")
    sys.exit(EXIT_CODE)
