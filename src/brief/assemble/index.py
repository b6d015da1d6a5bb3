"""Extracts indexed by subject, speaker, actor and issue, each list sorted by date.

Built once per corpus in one pass; a section then asks for "statements by
this speaker between these dates" and gets them by bisection, without
scanning the whole corpus again (the corpus may hold 100,000 extracts).
"""

from __future__ import annotations

import datetime as dt
import weakref
from bisect import bisect_left, bisect_right
from collections import defaultdict
from dataclasses import dataclass, field

from brief.corpus import AnyExtract, Corpus
from brief.corpus.models import Event, Judgment, OpenIssue, Statement


@dataclass
class _Dated:
    """Extracts sorted by (date, id), with their dates alongside for bisection."""

    dates: list[dt.date] = field(default_factory=list)
    extracts: list[AnyExtract] = field(default_factory=list)

    def between(self, since: dt.date | None, until: dt.date) -> list[AnyExtract]:
        lo = 0 if since is None else bisect_left(self.dates, since)
        hi = bisect_right(self.dates, until)
        return self.extracts[lo:hi]


def _sorted(extracts: list[AnyExtract]) -> _Dated:
    extracts.sort(key=lambda e: (e.date, e.id))
    return _Dated([e.date for e in extracts], extracts)


@dataclass
class ExtractIndex:
    by_subject: dict[str, _Dated]
    by_speaker: dict[str, _Dated]
    by_actor: dict[str, _Dated]  # event participants
    by_issue: dict[str, _Dated]
    judgments: dict[str, list[Judgment]]  # by subject, by date made
    issues: dict[str, list[OpenIssue]]  # by subject, by id
    newest: dt.date | None
    size: int

    @classmethod
    def build(cls, corpus: Corpus) -> ExtractIndex:
        subject: dict[str, list[AnyExtract]] = defaultdict(list)
        speaker: dict[str, list[AnyExtract]] = defaultdict(list)
        actor: dict[str, list[AnyExtract]] = defaultdict(list)
        issue: dict[str, list[AnyExtract]] = defaultdict(list)
        for extract in corpus.extracts.values():
            for key in set(extract.subjects):
                subject[key].append(extract)
            for key in set(extract.issues):
                issue[key].append(extract)
            if isinstance(extract, Statement):
                speaker[extract.speaker].append(extract)
            elif isinstance(extract, Event):
                for key in set(extract.actors):
                    actor[key].append(extract)
        judgments: dict[str, list[Judgment]] = defaultdict(list)
        for judgment in sorted(corpus.judgments.values(), key=lambda j: (j.made, j.id)):
            for key in dict.fromkeys(judgment.subjects):
                judgments[key].append(judgment)
        issues: dict[str, list[OpenIssue]] = defaultdict(list)
        for open_issue in sorted(corpus.issues.values(), key=lambda i: i.id):
            for key in dict.fromkeys(open_issue.subjects):
                issues[key].append(open_issue)
        newest = max((e.date for e in corpus.extracts.values()), default=None)
        return cls(
            by_subject={k: _sorted(v) for k, v in subject.items()},
            by_speaker={k: _sorted(v) for k, v in speaker.items()},
            by_actor={k: _sorted(v) for k, v in actor.items()},
            by_issue={k: _sorted(v) for k, v in issue.items()},
            judgments=dict(judgments),
            issues=dict(issues),
            newest=newest,
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


def _get(
    table: dict[str, _Dated], key: str, since: dt.date | None, until: dt.date
) -> list[AnyExtract]:
    dated = table.get(key)
    return dated.between(since, until) if dated else []


# A Corpus is an unhashable dataclass: key by identity, hold it weakly.
_CACHE: dict[int, tuple[weakref.ref[Corpus], ExtractIndex]] = {}


def index_for(corpus: Corpus) -> ExtractIndex:
    """The corpus's index, built on first use (rebuilt if extracts were added)."""
    entry = _CACHE.get(id(corpus))
    if entry and entry[0]() is corpus and entry[1].size == len(corpus.extracts):
        return entry[1]
    index = ExtractIndex.build(corpus)
    key = id(corpus)
    _CACHE[key] = (weakref.ref(corpus, lambda _ref: _CACHE.pop(key, None)), index)
    return index
