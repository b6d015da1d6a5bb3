"""A pack folder that changes all at once, or not at all.

A run builds the whole new pack in a staging folder beside the pack
(`<packs>/.<week>.staging-<pid>/`): files it renders are written there,
files it keeps are hard links to the previous pack's. Only when everything
is written does one `rename` make it the pack:

- on Linux, `renameat2(RENAME_EXCHANGE)` swaps the two folders in one
  system call, so at every instant `<week>/` is either the complete previous
  pack or the complete new one;
- elsewhere the previous pack is first renamed to `.<week>.previous-<pid>`;
  a run killed between the two renames leaves no `<week>/`, and the next run
  (or the reader of the pack, after a crash) finds the previous pack there and
  puts it back before anything else.

Killed at any other moment, a run leaves only a staging folder, which the
next run removes. Two runs into one pack folder never interleave: a lock
file beside the pack (`.<week>.lock`, kept, empty) serialises them; the
second waits and says so.
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import os
import shutil
from collections.abc import Callable
from pathlib import Path

STAGING = "staging"
PREVIOUS = "previous"


def _renameat2() -> Callable[..., int] | None:
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        fn = libc.renameat2
    except (OSError, AttributeError):
        return None
    fn.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    fn.restype = ctypes.c_int
    return fn


_AT_FDCWD = -100
_RENAME_EXCHANGE = 2


def exchange(a: Path, b: Path) -> bool:
    """Swap folders `a` and `b` atomically; False where the system cannot."""
    fn = _renameat2()
    if fn is None:
        return False
    if fn(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE) == 0:
        return True
    err = ctypes.get_errno()
    if err in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP, errno.EOPNOTSUPP):
        return False
    raise OSError(err, os.strerror(err), str(a), None, str(b))


class PackLock:
    """An exclusive lock on one pack folder, held by an open file (released on any exit,
    even SIGKILL, because the kernel drops it with the process)."""

    def __init__(self, packs: Path, label: str, note: Callable[[str], None]) -> None:
        self.path = packs / f".{label}.lock"
        self.note = note
        self.handle: int | None = None

    def __enter__(self) -> PackLock:
        import fcntl

        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.handle = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(self.handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.pread(self.handle, 32, 0).decode("ascii", "replace").strip()
            who = f" (pid {holder})" if holder.isdigit() else ""
            self.note(
                f"another `brief pack` is writing {self.path.parent / self.path.name[1:-5]}"
                f"{who}; waiting for it to finish"
            )
            fcntl.flock(self.handle, fcntl.LOCK_EX)
        os.ftruncate(self.handle, 0)
        os.pwrite(self.handle, str(os.getpid()).encode("ascii"), 0)
        return self

    def __exit__(self, *exc: object) -> None:
        if self.handle is not None:
            with contextlib.suppress(OSError):
                os.ftruncate(self.handle, 0)
            os.close(self.handle)  # closing releases the lock
            self.handle = None


def recover(packs: Path, label: str) -> list[str]:
    """Under the lock: undo what a killed run left. Returns what was done, for a note."""
    folder = packs / label
    done = []
    leftovers = sorted(packs.glob(f".{label}.{PREVIOUS}-*"))
    if not folder.exists() and leftovers:
        # Killed between the two renames of the fallback switch: the previous pack is whole.
        os.rename(leftovers.pop(), folder)
        done.append(f"restored the previous pack {label} left by an interrupted run")
    for path in [*leftovers, *packs.glob(f".{label}.{STAGING}-*")]:
        shutil.rmtree(path, ignore_errors=True)
        done.append(f"removed {path.name} left by an interrupted run")
    return done


class Staging:
    """The new pack being built; `commit()` makes it the pack, anything else drops it."""

    def __init__(self, packs: Path, label: str) -> None:
        self.packs = packs
        self.folder = packs / label
        self.path = packs / f".{label}.{STAGING}-{os.getpid()}"
        self.committed = False

    def __enter__(self) -> Staging:
        shutil.rmtree(self.path, ignore_errors=True)
        self.path.mkdir(parents=True)
        return self

    def __exit__(self, *exc: object) -> None:
        if not self.committed:
            shutil.rmtree(self.path, ignore_errors=True)

    def keep(self, name: str) -> None:
        """Take the previous pack's file `name` into the new pack unchanged."""
        source, target = self.folder / name, self.path / name
        if target.exists():
            return
        try:
            os.link(source, target)
        except OSError:  # a file system without hard links
            shutil.copy2(source, target)

    def commit(self) -> None:
        """Make the staging folder the pack, in one step (see the module's docstring)."""
        _sync_folder(self.path)
        if not self.folder.exists():
            os.rename(self.path, self.folder)
        elif exchange(self.path, self.folder):
            shutil.rmtree(self.path, ignore_errors=True)  # now the previous pack
        else:
            previous = self.packs / f".{self.folder.name}.{PREVIOUS}-{os.getpid()}"
            os.rename(self.folder, previous)
            os.rename(self.path, self.folder)
            shutil.rmtree(previous, ignore_errors=True)
        self.committed = True
        _sync_folder(self.packs)


def _sync_folder(path: Path) -> None:
    """Flush a folder's entries to disk (its files were flushed as they were written),
    so a power cut cannot put the switch on disk before the files it switches to."""
    with contextlib.suppress(OSError):
        fd = os.open(path, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
