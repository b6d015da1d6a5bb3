"""Word lists and patterns the extractor reads from `brief/ingest/data/*.txt`.

Lexicons (speech verbs, titles, name particles, boilerplate patterns) are
data, not code, so that a reviewer can read and extend them without reading
the rules. Each file holds one entry a line; `#` starts a comment.
"""

from __future__ import annotations

import functools
import re
from importlib import resources


@functools.cache
def lines(name: str) -> tuple[str, ...]:
    """The entries of `data/<name>.txt`, in file order, comments and blanks dropped."""
    raw = resources.files("brief.ingest").joinpath("data", f"{name}.txt").read_text("utf-8")
    entries = []
    for line in raw.splitlines():
        entry = line.split(" #", 1)[0].strip() if not line.startswith("#") else ""
        if entry:
            entries.append(entry)
    return tuple(entries)


@functools.cache
def words(name: str) -> frozenset[str]:
    """The entries of a word list, case-folded, for membership tests."""
    return frozenset(entry.casefold() for entry in lines(name))


@functools.cache
def alternation(name: str) -> str:
    """A regex alternation of a list's entries (regex syntax allowed), longest first."""
    return "|".join(sorted(lines(name), key=len, reverse=True))


@functools.cache
def patterns(name: str) -> tuple[re.Pattern[str], ...]:
    """Each entry compiled as a case-insensitive regex."""
    return tuple(re.compile(entry, re.IGNORECASE) for entry in lines(name))
