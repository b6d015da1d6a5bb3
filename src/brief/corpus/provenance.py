"""Finding a passage verbatim in a source text.

"Verbatim" tolerates exactly two kinds of difference, both invisible to a
reader: typographic versus straight quotation marks (“ ” „ « » ‘ ’ ´ ...
against " and ') and whitespace (any run of spaces, tabs, newlines and
no-break spaces counts as one space). Everything else, letters, diacritics,
punctuation, case, must match character for character.

Used by validation (every quote and piece of evidence must be in its
source), by the assembler (to cite the exact span) and by the extractor.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache

Span = tuple[int, int]

_DOUBLE_QUOTES = "“”„‟«»″〝〞＂"
# Backtick is not among them: it is not typographic, and a stray one in a
# quote is a transcription error worth seeing.
_SINGLE_QUOTES = "‘’‚‛‹›´′＇"
# Every character but " " that `str.isspace` accepts (as `\s` does), written out: working
# it out over range(0x3001) cost ~10 M instructions of every command (a test checks it).
_WHITESPACE = (
    "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f\x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004"
    "\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
)
_ASCII_WHITESPACE = "".join(c for c in _WHITESPACE if c.isascii())
_RUN = re.compile(" {2,}")


def _fold(text: str) -> str:
    """Straight quotes and plain spaces, one character for one (offsets unchanged).

    `str.replace` per character present beats `str.translate` by far on
    long texts, and ASCII texts only need their line breaks and tabs done.
    """
    replaced: tuple[tuple[str, str], ...] = (
        (_DOUBLE_QUOTES, '"'),
        (_SINGLE_QUOTES, "'"),
        (_WHITESPACE, " "),
    )
    if text.isascii():
        replaced = ((_ASCII_WHITESPACE, " "),)
    for chars, plain in replaced:
        for char in chars:
            if char in text:
                text = text.replace(char, plain)
    return text


def normalize(passage: str) -> str:
    """The comparison form of a passage: straight quotes, single spaces, stripped."""
    return _RUN.sub(" ", _fold(passage)).strip()


class VerbatimIndex:
    """One source text, normalised once, searched many times."""

    def __init__(self, text: str) -> None:
        self.text = text
        folded = _fold(text)
        parts: list[str] = []
        # Offsets in the normalised text where the shift back to `text` grows,
        # and the shift from there on: one entry per collapsed run of spaces.
        self._starts: list[int] = [0]
        self._shifts: list[int] = [0]
        last = 0
        shift = 0
        for match in _RUN.finditer(folded):
            start, end = match.span()
            parts.append(folded[last : start + 1])
            last = end
            self._starts.append(start - shift + 1)
            shift += end - start - 1
            self._shifts.append(shift)
        parts.append(folded[last:])
        self.normalized = "".join(parts)

    def _original(self, norm_offset: int) -> int:
        return norm_offset + self._shifts[bisect_right(self._starts, norm_offset) - 1]

    def _span(self, norm_start: int, length: int) -> Span:
        start = self._original(norm_start)
        # The last character of a match is never collapsed whitespace (the
        # needle is stripped), so map it and step past it.
        end = self._original(norm_start + length - 1) + 1
        return start, end

    def find(self, passage: str) -> Span | None:
        """Span of the first occurrence of `passage` in the original text, or None."""
        needle = normalize(passage)
        if not needle:
            return None
        at = self.normalized.find(needle)
        return None if at < 0 else self._span(at, len(needle))

    def find_all(self, passage: str) -> list[Span]:
        """Spans of every (possibly overlapping) occurrence of `passage`."""
        needle = normalize(passage)
        spans: list[Span] = []
        if not needle:
            return spans
        at = self.normalized.find(needle)
        while at >= 0:
            spans.append(self._span(at, len(needle)))
            at = self.normalized.find(needle, at + 1)
        return spans


@lru_cache(maxsize=64)
def verbatim_index(text: str) -> VerbatimIndex:
    """The cached index of `text` (callers pass the same few source texts repeatedly)."""
    return VerbatimIndex(text)


def find_verbatim(text: str, passage: str) -> Span | None:
    """Character span `(start, end)` of `passage` in `text`, or None if it is not there.

    `text[start:end]` is the passage as the source wrote it (with its own
    quotation marks and line breaks).
    """
    return verbatim_index(text).find(passage)
