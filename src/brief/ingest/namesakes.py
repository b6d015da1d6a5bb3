"""Which of several people sharing a surname a bare surname names.

`Tomas Lind … his son, Erik Lind … “…,” Lind said`: the text names two
Linds in full, so `Lind` alone is ambiguous unless something decides it: the
honorific's gender (`Ms. Lind` when only one of them can be a woman), or one
of them named in full earlier in the same paragraph and the other not. When
nothing decides, the link is a guess (the one the text introduced first) and
the others are kept, so that the analyst is told to check.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from brief.ingest.lexicon import lines, words


@functools.cache
def gender_words() -> dict[str, str]:
    """`mr.` -> m, `spokeswoman` -> f (data/gender.txt)."""
    found = {}
    for entry in lines("gender"):
        word, mark = entry.split()
        found[word.casefold()] = mark
    return found


@dataclass(frozen=True)
class Holder:
    """A person the text names in full, whose surname a bare surname may stand for."""

    id: str
    name: str
    spans: tuple[tuple[int, int], ...]
    """Where the text names them in full, in text order."""


@dataclass(frozen=True)
class Choice:
    holder: Holder
    others: tuple[str, ...]
    """Names of the other holders when nothing decided between them (a guess)."""


def same_person(name: str, other: str) -> bool:
    """`Hillary Clinton` and `Hillary Rodham Clinton` are one person; `Bill Clinton`
    another: the same surname and the same first word."""
    a, b = name.split(), other.split()
    return a[0].casefold() == b[0].casefold() and a[-1].casefold() == b[-1].casefold()


def choose(text: str, start: int, holders: list[Holder]) -> Choice:
    """The holder the bare surname at `text[start:]` names (`holders`: two or more
    distinct people, each named in full in the text, or registered and not)."""
    candidates = [h for h in holders if _first(h, text) < start] or holders
    candidates = _by_gender(text, start, candidates)
    if len(candidates) > 1:
        paragraph = text.rfind("\n", 0, start) + 1
        here = [h for h in candidates if any(paragraph <= s < start for s, _ in h.spans)]
        candidates = here if len(here) == 1 else candidates
    # Undecided: the one the text introduced first, as news names the person the
    # article is about first and others (`his son, Erik Lind`) after.
    guess = min(candidates, key=lambda h: _first(h, text))
    others = tuple(h.name for h in candidates if h is not guess)
    return Choice(guess, others)


def _first(holder: Holder, text: str) -> int:
    """Where the text first names the holder in full (its end for a registered person
    it names only by surname)."""
    return holder.spans[0][0] if holder.spans else len(text)


def _by_gender(text: str, start: int, candidates: list[Holder]) -> list[Holder]:
    """`Ms. Lind`: the candidates who may be women (all when none may)."""
    gender = _honorific_gender(text, start)
    if gender is None:
        return candidates
    return [h for h in candidates if _gender(text, h) in {gender, None}] or candidates


def _honorific_gender(text: str, start: int) -> str | None:
    """`m` for `Mr. Lind`, `f` for `Ms. Lind`, None for a surname alone."""
    before = text[max(0, start - 8) : start]
    if not before.endswith(" "):
        return None
    word = before.split()[-1].casefold() if before.split() else ""
    if word not in words("honorifics") and word.rstrip(".") not in words("honorifics"):
        return None
    return gender_words().get(word) or gender_words().get(word.rstrip("."))


def _gender(text: str, holder: Holder) -> str | None:
    """`m` or `f` when a gendered word stands right before a full mention (`his son,
    Erik Lind`, `Ms. Anna Lind`) or in apposition after it (`Anna Lind, his wife,`)."""
    marks = gender_words()
    found = set()
    for start, end in holder.spans:
        before = text[max(0, start - 30) : start].split()[-2:]
        after = text[end : end + 40].split(",")
        apposed = after[1].split() if len(after) > 2 and not after[0].strip() else []
        for word in [*before, *apposed]:
            mark = marks.get(word.strip(".,;:").casefold()) or marks.get(word.casefold())
            if mark:
                found.add(mark)
    return found.pop() if len(found) == 1 else None
