"""Control characters in curated fields: removed once, at load, with a warning.

A NUL, a vertical tab or an ESC pasted into a quote or a title is invisible
in an editor and printed differently by each output (Markdown kept a raw ESC,
Word showed U+FFFD for NUL). It is removed here, upstream of everything, so
Markdown, Word and PDF print the same text, and the file, line and field are
named once in a warning. Tab, newline and carriage return are text, not
controls; lone surrogates (from YAML escapes such as "\\ud800") cannot be
written to any file and go too.
"""

from __future__ import annotations

import re
from typing import Any

CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")

Loc = tuple[str | int, ...]


def describe(chars: str) -> str:
    names = sorted({f"U+{ord(c):04X}" for c in chars})
    return (
        f"removed {len(chars)} control character{'s' if len(chars) != 1 else ''} "
        f"({', '.join(names)}): they print differently, or not at all, in each format"
    )


def strip_controls(data: Any, loc: Loc = ()) -> tuple[Any, list[tuple[Loc, str]]]:
    """`data` (parsed YAML) without control characters in its strings, and where
    each was removed with what it removed."""
    found: list[tuple[Loc, str]] = []
    return _strip(data, loc, found), found


def _strip(value: Any, loc: Loc, found: list[tuple[Loc, str]]) -> Any:
    if isinstance(value, str):
        removed = "".join(CONTROLS.findall(value))
        if removed:
            found.append((loc, removed))
            return CONTROLS.sub("", value)
        return value
    if isinstance(value, dict):
        return {key: _strip(item, (*loc, key), found) for key, item in value.items()}
    if isinstance(value, list):
        return [_strip(item, (*loc, index), found) for index, item in enumerate(value)]
    return value


def text_problem(raw: bytes) -> str | None:
    """Why `raw` cannot be a source text (None: it can): quotes are checked against it,
    so it must hold text. Not UTF-8 is reported where it is decoded."""
    if b"\0" in raw:
        return "binary, not text (it holds NUL bytes)"
    text = raw.decode("utf-8", errors="ignore")
    if not text.strip():
        return "empty: a source text must hold the words its extracts quote"
    controls = len(CONTROLS.findall(text.replace("\x0c", "")))
    if controls * 100 > len(text):
        return f"binary, not text ({controls} control characters)"
    return None
