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
from brief.corpus.models import Judgment, OpenIssue, Statement
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


def _dated(extracts: list[AnyExtract]) -> _Dated:
    """Extracts already in (when.key, id) order."""
    return _Dated([e.when.last for e in extracts], extracts)


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
        # Where each extract is filed, in date order: stored with a corpus served from
        # the cache (building them touches all 100,000 extracts, ~1.3 s per process),
        # else worked out (`brief.corpus.postings`).
        values, postings = corpus.extract_postings()
        keyed = [values[position] for position in postings.order]
        lasts = postings.lasts
        tables = {
            name: {
                key: _Dated([lasts[i] for i in ranks], [keyed[i] for i in ranks])
                for key, ranks in table.items()
            }
            for name, table in postings.tables.items()
        }
        members: dict[str, list[str]] = defaultdict(list)
        for member in sorted(corpus.actors.values(), key=lambda a: a.id):
            if member.country:
                members[member.country].append(member.id)
        return cls(
            by_subject=tables["subject"],
            by_speaker=tables["speaker"],
            by_actor=tables["actor"],
            by_issue=tables["issue"],
            background=tables["background"],
            members=dict(members),
            judgments=_by_subject(sorted(corpus.judgments.values(), key=lambda j: (j.made, j.id))),
            issues=_by_subject(sorted(corpus.issues.values(), key=lambda i: i.id)),
            newest=lasts[-1] if lasts else None,
            size=len(values),
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
