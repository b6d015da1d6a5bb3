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
ELLIPSIS = "\u2026"

# The pronoun a quote's `refers_to` names: its first third-person subject.
QUOTE_PRONOUN = re.compile(r"\b(?:he|she|they)\b", re.IGNORECASE)


def excerpt_passages(excerpt: str) -> list[str]:
    """The passages an excerpt joins with ellipses, in order; an ellipsis at
    either end (the quote cut at its start or end) gives no passage."""
    return [part.strip() for part in excerpt.split(ELLIPSIS) if part.strip()]


def excerpt_text(excerpt: str) -> str:
    """An excerpt as printed: its passages joined by a spaced ellipsis, and an
    ellipsis kept where the curator cut the quote's start or end."""
    text = f" {ELLIPSIS} ".join(excerpt_passages(excerpt))
    if excerpt.lstrip().startswith(ELLIPSIS):
        text = f"{ELLIPSIS} {text}"
    if excerpt.rstrip().endswith(ELLIPSIS):
        text = f"{text} {ELLIPSIS}"
    return text


def excerpt_problem(excerpt: str, quote: str) -> str | None:
    """Why `excerpt` is not passages of `quote` in their order, or None."""
    passages = excerpt_passages(excerpt)
    if not passages:
        return "holds only ellipses: give the passages of the quote to print"
    position = 0
    for passage in passages:
        found = quote.find(passage, position)
        if found < 0:
            where = "not in the quote" if passage not in quote else "out of the quote's order"
            return f"'{passage[:40]}' is {where}: an excerpt joins passages of the quote with ' … '"
        position = found + len(passage)
    return None


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
