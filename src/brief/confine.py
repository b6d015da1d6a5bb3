"""Nothing from outside the workspace: every file brief reads as input is inside it.

A workspace is shared (git, a network folder): a symlink in `seeds/texts/` or
`briefings/templates/` pointing at `~/.ssh/id_rsa` must not pull that file
into a brief that validates and renders. So a file is read only if its real
path (every symlink resolved) is inside the workspace's real path, and is a
regular file (a folder, a symlink loop, a named pipe that would block reading
it are refused too). The reason is a short message, for a located problem.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

OUTSIDE = "a symlink to a file outside the workspace: not read"


def refusal(root: Path, path: Path) -> str | None:
    """Why `path` must not be read as an input of the workspace at `root`; None if it may."""
    try:
        real = Path(os.path.realpath(path, strict=True))
        mode = os.stat(real).st_mode
    except FileNotFoundError:
        return "not found" if not os.path.islink(path) else "a symlink to nothing (not found)"
    except (OSError, RuntimeError) as err:  # RuntimeError: a loop, Python 3.11's resolve
        if isinstance(err, RuntimeError) or err.errno == errno.ELOOP:
            return "a symlink loop"
        return f"cannot read: {err.strerror or err}"
    if not real.is_relative_to(os.path.realpath(root)):
        return OUTSIDE
    if stat.S_ISDIR(mode):
        return "a folder where a file is expected"
    if not stat.S_ISREG(mode):
        return "not a regular file"
    return None


def read_input(root: Path, path: Path) -> bytes:
    """The bytes of `path`, or `RefusedFile` saying why it is not read."""
    why = refusal(root, path)
    if why is not None:
        raise RefusedFile(why)
    try:
        return Path(path).read_bytes()
    except OSError as err:
        raise RefusedFile(f"cannot read: {err.strerror or err}") from err


class RefusedFile(Exception):
    """A file brief will not read; the message says why, for a located problem."""
