"""Typographic repairs applied to source words on output, never to the corpus.

Quotes stay character-for-character as the source prints them (the
verbatim check reads the YAML); what a reader sees is mended here: an acute
accent or backtick typed for an apostrophe ("OSSU´s") becomes the
apostrophe, and a known error the curator marked is followed by "[sic]".

Neutral: imports nothing from brief.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

# An acute accent (U+00B4) or grave accent/backtick (U+0060) standing between
# two letters is an apostrophe typed on the wrong key: "OSSU´s", "don`t".
_FALSE_APOSTROPHE = re.compile(r"(?<=\w)[\u00b4`](?=\w)")
APOSTROPHE = "\u2019"


def normalise_apostrophes(text: str) -> str:
    """`text` with accents used as apostrophes replaced by the apostrophe (U+2019)."""
    return _FALSE_APOSTROPHE.sub(APOSTROPHE, text)


def mark_sic(text: str, sic: Sequence[str]) -> str:
    """`text` with " [sic]" after the first occurrence of each listed error.

    The marker goes after the whole word the error sits in, so "(P4P)" reads
    "(P4P [sic])" and a marked letter inside a word does not split it.
    """
    marks: set[int] = set()
    for error in sic:
        start = text.find(error)
        if start < 0:
            continue
        end = start + len(error)
        while end < len(text) and text[end].isalnum():
            end += 1
        marks.add(end)
    out: list[str] = []
    previous = 0
    for end in sorted(marks):
        out.append(text[previous:end])
        out.append(" [sic]")
        previous = end
    out.append(text[previous:])
    return "".join(out)
