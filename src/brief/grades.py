"""Admiralty grades as a user types them: the one rule for `--grade` and ingest metadata.

A source carries its reliability (A-F); each extract carries the credibility
of its information (1-6); a brief prints both together (`B2`). So a
two-character grade typed for a source is split in the user's head, not
silently cut: brief says where each half goes.
"""

from __future__ import annotations

import re

from brief.corpus.models import CREDIBILITY_LABELS, RELIABILITY_LABELS

RELIABILITY = tuple(RELIABILITY_LABELS)
"""A-F."""

_FULL_GRADE = re.compile(r"^([A-Fa-f])\s*([1-6])$")


def reliability_choices() -> list[tuple[str, str]]:
    """(letter, meaning) for help and shell completion."""
    return list(RELIABILITY_LABELS.items())


def reliability_problem(text: str) -> str | None:
    """Why `text` is not a source reliability grade, or None when it is one."""
    value = text.strip().upper()
    if value in RELIABILITY_LABELS:
        return None
    full = _FULL_GRADE.match(value)
    if full:
        letter, digit = full.group(1).upper(), int(full.group(2))
        return (
            f"'{text}' is a full Admiralty grade: a source takes only its reliability "
            f"letter ({letter}, {RELIABILITY_LABELS[letter]}); the credibility digit "
            f"({digit}, {CREDIBILITY_LABELS[digit]}) goes on each extract, in the draft"
        )
    choices = ", ".join(f"{k} {v}" for k, v in RELIABILITY_LABELS.items())
    return f"'{text}' is not a reliability grade; choose one of {choices}"


def parse_reliability(text: str) -> str:
    """The grade letter, upper case; `ValueError` with `reliability_problem`'s words."""
    if why := reliability_problem(text):
        raise ValueError(why)
    return text.strip().upper()
