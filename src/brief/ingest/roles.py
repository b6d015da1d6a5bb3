"""Dated roles the text states: `X took over as special representative on 3 June`.

For each person mention, the sentence holding it is read for a change of
post (data/role_changes.txt): the title after the phrase, the organisation
after `of`/`for`/`at`/`in`, and the date the sentence states (at the
precision it states it). `succeeding Y` ends Y's holding of the same post on
the same date. Each role carries the sentence as evidence for the analyst.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from brief.dates import Precision
from brief.ingest.dates import StatedDate
from brief.ingest.lexicon import alternation, lines, words
from brief.ingest.mentions import Mention, NewActor
from brief.ingest.quotes import Quotation, sentence_end, sentence_start


@dataclass(frozen=True)
class StatedRole:
    actor: str
    title: str
    organisation: str | None
    start: dt.date | None
    end: dt.date | None
    precision: Precision
    evidence: str


def _phrases(kind: str) -> str:
    return "|".join(e.split("\t", 1)[1] for e in lines("role_changes") if e.startswith(kind))


_TITLE = (
    r"(?:(?:the|a|an|its|his|her|their)\s+)?(?P<post>[^,.;:“”\"]+?)"
    r"(?=\s+(?:on|from|in|at|last|this|with|after|before|until|effective)\s+"
    r"(?:\d|the\s\d|[A-Z][a-z]+\s\d|[A-Z][a-z]+day)|[,.;:]|$)"
)
# `Erik Lind, the mayor's son, took over as`; `His son, Erik Lind, took over as`
_BETWEEN = r"^\s*(?:,\s[^,]{2,80},\s*|,\s*)?"
_START = re.compile(rf"{_BETWEEN}(?:{_phrases('start')})\s+{_TITLE}")
_END = re.compile(rf"{_BETWEEN}(?:{_phrases('end')})\s+{_TITLE}")
_SUCCEEDING = re.compile(rf",?\s*(?:{alternation('successor_words')})\s+$")
_ORG = re.compile(r"\s(?:of|for|at|in)\s+(?:the\s+)?(?P<org>.+)$")


def stated_roles(
    text: str,
    people: list[Mention],
    dates: list[StatedDate],
    quotes: list[Quotation],
) -> list[StatedRole]:
    """Every start or end of a post the text states for the given people."""
    found: list[StatedRole] = []
    for mention in people:
        if any(q.start <= mention.start < q.end for q in quotes):
            continue
        s_start, s_end = _sentence_of(text, mention.start, mention.end, quotes)
        after = text[mention.end : s_end]
        stated = [d for d in dates if s_start <= d.start < s_end]
        date, precision = (stated[0].date, stated[0].precision) if stated else (None, Precision.DAY)
        evidence = text[s_start:s_end].strip()
        for pattern, is_start in ((_START, True), (_END, False)):
            match = pattern.match(after)
            if match is None:
                continue
            title, organisation = _split_post(match.group("post"))
            found.append(
                StatedRole(
                    mention.actor,
                    title,
                    organisation,
                    date if is_start else None,
                    None if is_start else date,
                    precision,
                    evidence,
                )
            )
            if is_start:
                found.extend(
                    _predecessors(
                        text, people, mention, s_end, title, organisation, date, precision, evidence
                    )
                )
    return _unique(found)


def _predecessors(
    text: str,
    people: list[Mention],
    successor: Mention,
    s_end: int,
    title: str,
    organisation: str | None,
    date: dt.date | None,
    precision: Precision,
    evidence: str,
) -> list[StatedRole]:
    """`..., succeeding Y`: Y held the same post until that date."""
    roles = []
    for other in people:
        between = text[successor.end : other.start]
        if (
            successor.end < other.start < s_end
            and other.actor != successor.actor
            and _SUCCEEDING.search(between)
        ):
            roles.append(
                StatedRole(other.actor, title, organisation, None, date, precision, evidence)
            )
    return roles


def apposition_role(text: str, person: NewActor, quotes: list[Quotation]) -> StatedRole | None:
    """`Mia Strand, director of the Harbour Union, said`: the role the text gives in
    apposition, split into title and organisation, undated (the text dates nothing).
    None when the role names no organisation or does not split cleanly."""
    apposed = _APPOSED.match(text, person.end)
    if person.role is None or apposed is None or not text.startswith(person.role, apposed.end()):
        return None  # `Secretary of State Jane Roe`: a title, not an apposition
    title, organisation = _split_post(person.role)
    if organisation is None or not _clean_split(title, organisation):
        return None
    organisation = _before_clause(organisation)
    s_start, s_end = _sentence_of(text, person.start, person.end, quotes)
    evidence = text[s_start:s_end].strip()
    return StatedRole(person.id, title, organisation, None, None, Precision.DAY, evidence)


_APPOSED = re.compile(r",\s+(?:the\s+|a\s+|an\s+)?")
_ROLE_NOUN_END = re.compile(rf"\b(?:{alternation('role_nouns')})$", re.IGNORECASE)


def _clause_words() -> frozenset[str]:
    """Words that open a clause, not a name (`who`, `which`, `familiar`)."""
    return (words("phrase_cuts") | words("description_cuts")) - words("minor_words")


def _clean_split(title: str, organisation: str) -> bool:
    """A title of at most four words ending in a role noun (`executive director`, not
    `customer based`, `who is chairman`, `son and director`) and an organisation that is a name (not
    `Thomas B`, cut at an initial's full stop)."""
    return (
        len(title.split()) <= 4
        and _ROLE_NOUN_END.search(title) is not None
        and not any(w.casefold() in _clause_words() | words("minor_words") for w in title.split())
        and organisation[:1].isupper()
        and not re.search(r"\s[A-Z]$", organisation)
    )


def _before_clause(organisation: str) -> str:
    """`New York who made his name ...` -> `New York`."""
    kept = []
    for word in organisation.split():
        if word.casefold() in _clause_words():
            break
        kept.append(word)
    return " ".join(kept)


def _sentence_of(text: str, start: int, end: int, quotes: list[Quotation]) -> tuple[int, int]:
    """Where the sentence holding `text[start:end]` starts and ends, within its paragraph."""
    para_start = text.rfind("\n", 0, start) + 1
    para_end = text.find("\n", end)
    para_end = len(text) if para_end == -1 else para_end
    return (
        sentence_start(text, start, para_start, quotes),
        sentence_end(text, end, para_end, quotes),
    )


def _split_post(post: str) -> tuple[str, str | None]:
    """`special representative of the OSCE` -> (`special representative`, `OSCE`)."""
    post = post.strip()
    match = _ORG.search(post)
    if match is None:
        return post, None
    return post[: match.start()].strip(), match.group("org").strip()


def _unique(roles: list[StatedRole]) -> list[StatedRole]:
    seen = []
    for role in roles:
        if role not in seen:
            seen.append(role)
    return seen
