"""`brief SUBJECT --watch`: render again whenever an input changes.

An analyst edits a section template (or a briefing, or the corpus) beside an
open PDF or Word file and sees each save. A mistake does not end the loop:
its located error is reported and the next save is awaited.

Changes are found by polling the size and modification time of every file
under `briefings/` and `seeds/` (hidden files, such as editors' swap files,
are not inputs): no file-system notification library, the same on every OS.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from pathlib import Path

from brief.errors import BriefError

INPUT_FOLDERS = ("briefings", "seeds")

Fingerprint = tuple[tuple[str, int, int], ...]


def fingerprint(root: Path) -> Fingerprint:
    """(path, size, mtime in ns) of every input file, sorted."""
    entries: list[tuple[str, int, int]] = []
    for folder in INPUT_FOLDERS:
        for base, dirs, files in os.walk(root / folder):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            for name in files:
                if name.startswith("."):
                    continue
                path = os.path.join(base, name)
                try:
                    stat = os.stat(path)
                except OSError:  # removed while we looked: the next poll sees it
                    continue
                entries.append((path, stat.st_size, stat.st_mtime_ns))
    return tuple(sorted(entries))


def watch(
    root: Path,
    render: Callable[[], list[Path]],
    on_result: Callable[[list[Path] | BriefError], None],
    *,
    interval: float = 0.5,
    renders: int | None = None,
    sleep: Callable[[float], None] = time.sleep,
) -> int:
    """Render now, then after every change of an input, until `renders` renders are done
    (None: until interrupted). Each outcome, written files or the error a user can act
    on, goes to `on_result`. Returns the number of renders."""
    done = 0
    while True:
        seen = fingerprint(root)
        try:
            result: list[Path] | BriefError = render()
        except BriefError as error:
            result = error
        done += 1
        on_result(result)
        if renders is not None and done >= renders:
            return done
        while fingerprint(root) == seen:
            sleep(interval)
