"""Sections computed from the others: the summary, the gaps, the glossary.

Each is built after the sections it draws on (the summary is printed first
but built last), so it refers to what the brief prints, by number.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from pydantic import BaseModel

from brief.assemble.sections import (
    ExtractView,
    Gaps,
    Glossary,
    GlossaryEntry,
    IssueView,
    KeyStatements,
    OpenIssues,
    Section,
    StatedPositions,
    Summary,
    SummaryPoint,
    Voice,
)
from brief.corpus.models import Actor, ActorKind, Statement

if TYPE_CHECKING:
    from brief.assemble.assembler import Assembly

MAX_SUMMARY_POINTS = 5
MAX_SUMMARY_JUDGMENTS = 3
NOTE_SUMMARY_POINTS = 3  # two pages hold no more (the bullets of a full brief: 5)
_PARTY_KINDS = {ActorKind.COUNTRY, ActorKind.REGION}


# ------------------------------------------------------------------ summary


def summary(assembly: Assembly, name: str, heading: str, built: list[Section]) -> Summary:
    """Bottom line up front: the key judgments, then the latest on the top open issues."""
    judgments = [j for j in assembly.judgments() if j.key][:MAX_SUMMARY_JUDGMENTS]
    points = [SummaryPoint(judgment=j) for j in judgments]
    shown: set[str] = set()
    # An issue a summarised judgment is about has its bullet already.
    judged = {title for j in judgments for title in j.issues}
    most = MAX_SUMMARY_POINTS if assembly.profile == "full" else NOTE_SUMMARY_POINTS
    for issue in _issues(assembly, built):
        if len(points) >= most:
            break
        if issue.title in judged:
            continue
        latest = issue.latest
        if latest is None or latest.date < assembly.since:
            continue  # nothing new on it in the period
        if latest.number is not None:  # a statement printed in the brief: refer to it
            latest = latest.model_copy(update={"see": f"statement {latest.number}"})
        if latest.id in shown:
            continue  # one development, one bullet, even when it bears on two issues
        shown.add(latest.id)
        points.append(SummaryPoint(issue=issue.model_copy(update={"latest": latest})))
    here = "key_judgments" not in assembly.sections
    return Summary(name=name, heading=heading, points=points, judgments_here=here)


def _issues(assembly: Assembly, built: list[Section]) -> list[IssueView]:
    """The open issues as the brief prints them (newest development first)."""
    for section in built:
        if isinstance(section, OpenIssues):
            return list(section.issues)
    if assembly.subject.kind == "country":  # a note: the subject's issues, referred to if printed
        placing = assembly.placing
        return [
            i.model_copy(update={"latest": placing.placed(i.latest, "")})
            if i.latest and placing.knows(i.latest)
            else i
            for i in assembly.open_issues_unplaced()
        ]
    return _spoken_on(assembly, built)


def _spoken_on(assembly: Assembly, built: list[Section]) -> list[IssueView]:
    """A person's issues: those the person spoke on, each with the latest words on it."""
    by_title = {i.title: i for i in assembly.corpus.issues.values()}
    latest: dict[str, ExtractView] = {}
    for view in _statements(built):
        for title in view.issues[:1]:
            if title in by_title and (title not in latest or view.date >= latest[title].date):
                latest[title] = view
    views = []
    for title, view in latest.items():
        issue = by_title[title]
        status = issue.status_on(assembly.as_of)
        views.append(
            IssueView(
                id=issue.id,
                title=title,
                status=status.status.value if status else None,
                assessed=assembly.status_view(status) if status else None,
                summary=None,
                latest=view,
                evidence=[],
            )
        )
    return sorted(views, key=lambda v: (-v.latest.date.toordinal() if v.latest else 0, v.id))


# --------------------------------------------------------------------- gaps


def gaps(assembly: Assembly, name: str, heading: str, built: list[Section]) -> Gaps:
    """Whose voice is missing from the period, and what rests on one source."""
    heard = _heard(assembly)
    voices = [Voice(name=p.name, heard=p.id in heard) for p in _parties(assembly)]
    statements = _printed_statements(built)
    events = _printed_events(built)
    numbers = [(s.number, s.single_source) for s in statements if s.number]
    return Gaps(
        name=name,
        heading=heading,
        parties=voices,
        missing=[v.name for v in voices if not v.heard],
        single_statements=sorted(n for n, single in numbers if single),
        corroborated_statements=sorted(n for n, single in numbers if not single),
        statement_count=len(statements),
        single_events=sum(1 for e in events if e.single_source),
        event_count=len(events),
        single_judgments=_single_source_topics(built),
    )


GENERAL_OUTLOOK = "General outlook"
"""The heading of a judgment with no issue and no other subject."""


def _single_source_topics(built: list[Section]) -> list[str]:
    """The topics of the judgments that rest on one source, once each, as a sentence
    names them ("the judgment on the general outlook")."""
    judgments = [j for s in built for j in getattr(s, "judgments", [])]
    topics = dict.fromkeys(j.topic for j in judgments if j.sources and j.single_source)
    return [t if t != GENERAL_OUTLOOK else "the general outlook" for t in topics]


def _heard(assembly: Assembly) -> set[str]:
    """The speakers of the period, and the countries they speak for."""
    heard: set[str] = set()
    for extract in assembly.window():
        speaker = (
            assembly.corpus.actors.get(extract.speaker) if isinstance(extract, Statement) else None
        )
        if speaker is not None:
            heard.add(speaker.id)
            if speaker.country:
                heard.add(speaker.country)
    return heard


def _parties(assembly: Assembly) -> list[Actor]:
    """The subject (a country) and the countries its open issues concern."""
    corpus = assembly.corpus
    ids = [assembly.actor.id] if assembly.actor.kind in _PARTY_KINDS else []
    for issue in assembly.index.issues.get(assembly.actor.id, []):
        ids += issue.subjects
    actors = [corpus.actors[i] for i in dict.fromkeys(ids) if i in corpus.actors]
    return [a for a in actors if a.kind == ActorKind.COUNTRY]


def _statements(built: list[Section]) -> Iterator[ExtractView]:
    for section in built:
        if isinstance(section, KeyStatements):
            for group in [*section.groups, *section.others]:
                yield from group.statements
        elif isinstance(section, StatedPositions):
            for issue_group in section.groups:
                yield from issue_group.statements
        elif isinstance(section, OpenIssues):
            for issue in section.issues:
                yield from [x for x in [issue.latest, *issue.evidence] if x]


def _printed_statements(built: list[Section]) -> list[ExtractView]:
    """Each statement printed in full, once."""
    seen: dict[str, ExtractView] = {}
    for view in _statements(built):
        if view.see is None and view.kind == "statement":
            seen.setdefault(view.id, view)
    return list(seen.values())


def _printed_events(built: list[Section]) -> list[ExtractView]:
    seen: dict[str, ExtractView] = {}
    for section in built:
        views = [*getattr(section, "events", []), *getattr(section, "facts", [])]
        for issue in getattr(section, "issues", []):
            views += [x for x in [issue.latest, *issue.evidence] if x]
        for view in views:
            if view.see is None and view.kind != "statement":
                seen.setdefault(view.id, view)
    return list(seen.values())


# ----------------------------------------------------------------- glossary


def glossary(assembly: Assembly, name: str, heading: str, built: list[Section]) -> Glossary:
    """The abbreviations the brief's text uses, expanded: only those used."""
    text = "\n".join(_texts(built))
    entries = {
        abbreviation: expansion
        for abbreviation, expansion in assembly.corpus.glossary().items()
        if re.search(rf"(?<![\w-]){re.escape(abbreviation)}(?![\w-])", text)
    }
    return Glossary(
        name=name,
        heading=heading,
        entries=[GlossaryEntry(abbreviation=a, expansion=e) for a, e in entries.items()],
    )


# Fields no template prints as text (an event's verbatim `evidence` string is not printed).
_UNPRINTED = {"id", "speaker_id", "subject_id", "sources", "see", "basis", "kind"}


def _texts(value: object) -> Iterator[str]:
    """Every string a section holds (its printed text and more: ids never match capitals)."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, BaseModel):
        for field_name in type(value).model_fields:
            field = getattr(value, field_name)
            verbatim = field_name == "evidence" and isinstance(field, str)
            if field_name not in _UNPRINTED and not verbatim:
                yield from _texts(field)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _texts(item)
