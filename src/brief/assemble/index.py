"""Extracts indexed by subject, speaker, actor and issue, each list sorted by date.

Built once per corpus in one pass; a section then asks for "statements by
this speaker between these dates" and gets them by bisection, without
scanning the whole corpus again (the corpus may hold 100,000 extracts).
"""

from __future__ import annotations

import datetime as dt
import unicodedata
import weakref
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TypeVar

from brief.corpus import AnyExtract, Corpus
from brief.corpus.models import Event, Judgment, OpenIssue, Statement
from brief.corpus.provenance import normalize


@dataclass
class _Dated:
    """Extracts sorted by date (latest day it can mean) and id, with those days
    alongside for bisection: the cut-off keeps only what cannot lie after it."""

    dates: list[dt.date] = field(default_factory=list)
    extracts: list[AnyExtract] = field(default_factory=list)

    def between(self, since: dt.date | None, until: dt.date) -> list[AnyExtract]:
        lo = 0 if since is None else bisect_left(self.dates, since)
        hi = bisect_right(self.dates, until)
        return self.extracts[lo:hi]


def _dated(extracts: list[AnyExtract], last: dict[str, dt.date] | None = None) -> _Dated:
    """Extracts already in (when.key, id) order; `last`: each one's `when.last` by id,
    if known (a dict lookup, where `when` builds a date each time it is asked)."""
    if last is None:
        return _Dated([e.when.last for e in extracts], extracts)
    return _Dated([last[e.id] for e in extracts], extracts)


_TABLES = ("subject", "speaker", "actor", "issue", "background")


@dataclass
class ExtractIndex:
    by_subject: dict[str, _Dated]
    by_speaker: dict[str, _Dated]
    by_actor: dict[str, _Dated]  # event participants
    by_issue: dict[str, _Dated]
    background: dict[str, _Dated]  # by subject: the background parts of sources
    members: dict[str, list[str]]  # country id -> ids of actors belonging to it
    judgments: dict[str, list[Judgment]]  # by subject, by date made
    issues: dict[str, list[OpenIssue]]  # by subject, by id
    newest: dt.date | None
    size: int

    @classmethod
    def build(cls, corpus: Corpus) -> ExtractIndex:
        tables: dict[str, dict[str, list[AnyExtract]]] = {t: defaultdict(list) for t in _TABLES}
        # One sort of the whole corpus: every list below is filled in order.
        keyed = sorted((e.when.key, e.id, e) for e in corpus.extracts.values())
        last = {ident: key[0] for key, ident, _ in keyed}
        ordered = [extract for *_, extract in keyed]
        for extract in ordered:
            _file(extract, tables)
        members: dict[str, list[str]] = defaultdict(list)
        for member in sorted(corpus.actors.values(), key=lambda a: a.id):
            if member.country:
                members[member.country].append(member.id)
        return cls(
            by_subject=_all_dated(tables["subject"], last),
            by_speaker=_all_dated(tables["speaker"], last),
            by_actor=_all_dated(tables["actor"], last),
            by_issue=_all_dated(tables["issue"], last),
            background=_all_dated(tables["background"], last),
            members=dict(members),
            judgments=_by_subject(sorted(corpus.judgments.values(), key=lambda j: (j.made, j.id))),
            issues=_by_subject(sorted(corpus.issues.values(), key=lambda i: i.id)),
            newest=ordered[-1].when.last if ordered else None,
            size=len(corpus.extracts),
        )

    def about(self, actor_id: str, since: dt.date | None, until: dt.date) -> list[AnyExtract]:
        """Extracts whose subjects include `actor_id`, in date order."""
        return _get(self.by_subject, actor_id, since, until)

    def said_by(self, actor_id: str, since: dt.date | None, until: dt.date) -> list[AnyExtract]:
        return _get(self.by_speaker, actor_id, since, until)

    def took_part(self, actor_id: str, since: dt.date | None, until: dt.date) -> list[AnyExtract]:
        return _get(self.by_actor, actor_id, since, until)

    def on_issue(self, issue_id: str, since: dt.date | None, until: dt.date) -> list[AnyExtract]:
        return _get(self.by_issue, issue_id, since, until)

    def background_of(self, actor_id: str, until: dt.date) -> list[AnyExtract]:
        """`about(actor_id, None, until)`, background parts only, in date order."""
        return _get(self.background, actor_id, None, until)


def normalise_quote(text: str) -> str:
    """Quote text for comparison: typographic quotes, whitespace and outer quote marks ignored."""
    return normalize(unicodedata.normalize("NFC", text)).strip("\"' ")


QuoteKey = tuple[str, str]
"""The same words of the same speaker: (speaker, normalised quote)."""


def quote_key(statement: Statement) -> QuoteKey:
    return (statement.speaker, normalise_quote(statement.quote))


@dataclass
class IssueHistory:
    """Everything recorded on one issue (extracts tagged with it and those listed as its
    evidence), in date order, with its statements grouped by speaker and words: the
    latest development as of any day is then found from the end (`Assembly.issue_view`)
    instead of by walking the whole history, which grows with the corpus."""

    dated: _Dated
    groups: dict[QuoteKey, list[Statement]]  # each in date order
    keys: dict[str, QuoteKey]  # statement id -> its group

    @classmethod
    def build(cls, index: ExtractIndex, corpus: Corpus, issue: OpenIssue) -> IssueHistory:
        tagged = index.by_issue.get(issue.id, _Dated()).extracts
        listed = [corpus.extracts[i] for i in issue.evidence if i in corpus.extracts]
        ordered = sorted({e.id: e for e in [*tagged, *listed]}.values(), key=_by_date)
        groups: dict[QuoteKey, list[Statement]] = {}
        keys: dict[str, QuoteKey] = {}
        for extract in ordered:
            if isinstance(extract, Statement):
                key = keys[extract.id] = quote_key(extract)
                groups.setdefault(key, []).append(extract)
        return cls(_dated(ordered), groups, keys)


def _by_date(extract: AnyExtract) -> tuple[tuple[dt.date, dt.date], str]:
    return (extract.when.key, extract.id)


def issue_history(corpus: Corpus, issue: OpenIssue) -> IssueHistory:
    """The issue's history, built on first use (once per corpus)."""
    histories: dict[str, IssueHistory] = per_corpus(corpus, "issue-histories", lambda _c: {})
    if issue.id not in histories:
        histories[issue.id] = IssueHistory.build(index_for(corpus), corpus, issue)
    return histories[issue.id]


def _file(extract: AnyExtract, tables: dict[str, dict[str, list[AnyExtract]]]) -> None:
    """Add `extract` to each table's list of every key it is filed under."""
    for key in set(extract.subjects):
        tables["subject"][key].append(extract)
    for key in set(extract.issues):
        tables["issue"][key].append(extract)
    if isinstance(extract, Statement):
        tables["speaker"][extract.speaker].append(extract)
    elif isinstance(extract, Event):
        for key in set(extract.actors):
            tables["actor"][key].append(extract)
    if getattr(extract, "part", "body") == "background":
        for key in set(extract.subjects):
            tables["background"][key].append(extract)


def _all_dated(table: dict[str, list[AnyExtract]], last: dict[str, dt.date]) -> dict[str, _Dated]:
    return {key: _dated(extracts, last) for key, extracts in table.items()}


R = TypeVar("R", Judgment, OpenIssue)


def _by_subject(records: list[R]) -> dict[str, list[R]]:
    """Subject id -> its records, in the order given, each once per subject."""
    table: dict[str, list[R]] = defaultdict(list)
    for record in records:
        for key in dict.fromkeys(record.subjects):
            table[key].append(record)
    return dict(table)


def _get(
    table: dict[str, _Dated], key: str, since: dt.date | None, until: dt.date
) -> list[AnyExtract]:
    dated = table.get(key)
    return dated.between(since, until) if dated else []


T = TypeVar("T")

# A Corpus is an unhashable dataclass: key by identity, hold it weakly.
_CACHE: dict[tuple[int, str], tuple[weakref.ref[Corpus], int, object]] = {}


def per_corpus(corpus: Corpus, name: str, make: Callable[[Corpus], T]) -> T:
    """`make(corpus)`, computed once per corpus object (again if files were added)."""
    key = (id(corpus), name)
    size = len(corpus.extracts) + len(corpus.actors) + len(corpus.input_files)
    entry = _CACHE.get(key)
    if entry and entry[0]() is corpus and entry[1] == size:
        return entry[2]  # type: ignore[return-value]
    value = make(corpus)
    _CACHE[key] = (weakref.ref(corpus, lambda _ref: _CACHE.pop(key, None)), size, value)
    return value


def index_for(corpus: Corpus) -> ExtractIndex:
    """The corpus's index, built on first use."""
    return per_corpus(corpus, "index", ExtractIndex.build)
