"""Escaping literal text for brief's Markdown dialect.

One function serves both directions of the pipeline: the templates print
every data value through it, and the Markdown renderer prints every `Text`
through it, so that a quote containing `*`, `_`, `[^1]`, `<b>` or `&amp;`
reads back from the Markdown exactly as written, never as markup.

Only characters that can start markup are escaped, to keep the Markdown
readable and diffable: `.` after leading digits, `-`, `+` and `=` matter only
where a line starts, entities only when `&` looks like one.
"""

from __future__ import annotations

import re

# Characters that are markup wherever they stand (in our dialect or in common
# viewers: `~` is strikethrough on GitHub, `<` raw HTML there).
_ALWAYS = re.compile(r"([\\`*_\[\]<>|~#])")
_ENTITY = re.compile(r"&(?=#?[A-Za-z0-9]+;)")
_LINE_START = re.compile(r"^(\s*)(?:([-+=])|(\d{1,9})([.)]))")
_NEWLINES = re.compile(r"[\r\n\u2028\u2029\x0b\x0c]+")
_TRAILING_SPACES = re.compile(r" {2,}$")
# Anything the substitutions below could change but a line start (most values: none).
_ANY = re.compile(r"[\\`*_\[\]<>|~#&\r\n\u2028\u2029\x0b\x0c]|  $")


def escape_markdown(text: str, *, line_start: bool = True) -> str:
    """`text` as Markdown that parses back to exactly `text` (newlines become spaces).

    With `line_start` (the safe default) a leading `-`, `+`, `=` or `1.` is
    escaped too, since the value may be printed at the start of a line.
    """
    # Templates print thousands of values per brief; most need nothing (two searches
    # instead of five substitutions).
    if _ANY.search(text) is None and not (line_start and _LINE_START.match(text)):
        return text
    return _escaped(text, line_start)


def _escaped(text: str, line_start: bool) -> str:
    text = _NEWLINES.sub(" ", text)
    text = _ALWAYS.sub(r"\\\1", text)
    text = _ENTITY.sub(r"\\&", text)
    if line_start:
        text = _LINE_START.sub(_escape_line_start, text, count=1)
    # Two trailing spaces before a template's newline would be a hard break:
    # the last one is written as an entity, which reads back as a space.
    return _TRAILING_SPACES.sub(lambda m: m[0][:-1] + "&#32;", text)


def _escape_line_start(match: re.Match[str]) -> str:
    space, sign, digits, dot = match.groups()
    if sign:
        return f"{space}\\{sign}"
    return f"{space}{digits}\\{dot}"


def escape_url(url: str) -> str:
    """A link destination in angle brackets: `<`, `>` and spaces are made safe, and an
    `&` that looks like an entity is escaped, so `?a=1&amp;b=2` stays as recorded
    (a Markdown parser would decode it to `&`)."""
    url = _NEWLINES.sub("", url)
    return "<" + _ENTITY.sub(r"\\&", re.sub(r"([\\<>])", r"\\\1", url)) + ">"
