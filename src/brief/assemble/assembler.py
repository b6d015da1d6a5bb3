"""Fill the section models of one brief from the corpus.

Everything is selected through the index for the subject and the window
[`since`, `as_of`]; nothing dated after `as_of` is used. Roles are those
held on the relevant date (a statement shows its speaker's role on the day it
was made). The same words of the same speaker reported by several sources
become one statement citing all of them.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TypedDict

from brief.assemble import extras
from brief.assemble.index import ExtractIndex, IssueHistory, issue_history, normalise_quote
from brief.assemble.placing import Placing, groups
from brief.assemble.registry import SECTIONS, heading
from brief.assemble.sections import (
    ActorView,
    BriefView,
    Claim,
    Count,
    ExtractView,
    IssueGroup,
    IssueView,
    JudgmentView,
    KeyStatements,
    RoleView,
    Section,
    SingleSource,
    SourceRef,
    Sources,
    SourceSummary,
    SourceView,
    StatusView,
)
from brief.assemble.subjects import Subject
from brief.assemble.words import printed_words
from brief.corpus import AnyExtract, Corpus
from brief.corpus.models import (
    CREDIBILITY_LABELS,
    RELIABILITY_LABELS,
    Actor,
    ActorKind,
    Event,
    Judgment,
    Limits,
    OpenIssue,
    Role,
    Source,
    Statement,
    StatusEntry,
)
from brief.dates import PartialDate, describe_cutoff
from brief.document.dates import long_date

MAX_ISSUE_EVIDENCE = 4
# Actor kinds that are not players in a country's affairs in their own right.
_NOT_ACTORS = {ActorKind.OUTLET}


@dataclass
class _Activity:
    """Who is active in a window: statements, events, issues and last appearance."""

    statements: Counter[str] = field(default_factory=Counter)
    events: Counter[str] = field(default_factory=Counter)
    issues: dict[str, dict[str, None]] = field(default_factory=dict)  # ordered sets
    last: dict[str, PartialDate] = field(default_factory=dict)

    @classmethod
    def of(cls, window: Iterable[AnyExtract]) -> _Activity:
        activity = cls()
        for extract in window:
            involved = [extract.speaker] if isinstance(extract, Statement) else []
            if isinstance(extract, Event):
                involved += extract.actors
            counts = activity.statements if isinstance(extract, Statement) else activity.events
            for actor_id in dict.fromkeys(involved):
                counts[actor_id] += 1
                activity.issues.setdefault(actor_id, {}).update(dict.fromkeys(extract.issues))
                last = activity.last.get(actor_id, extract.when)
                activity.last[actor_id] = max(last, extract.when, key=_key)
        return activity


@dataclass(frozen=True)
class _RoleDates:
    end: dt.date | None  # exclusive; None when open or after the cut-off
    start_text: str | None
    end_text: str | None
    last_text: str | None  # "last reported ...", when no end is printed
    last_source: str | None


def role_on(actor: Actor, day: dt.date) -> Role | None:
    """The role `actor` held on `day`; the most recently started if several."""
    held = [r for r in actor.roles if r.held_on(day)]
    return max(held, key=lambda r: r.start or dt.date.min, default=None)


@dataclass
class Assembly:
    corpus: Corpus
    index: ExtractIndex
    subject: Subject
    as_of: dt.date
    since: dt.date
    limits: Limits = field(default_factory=Limits)
    _views: dict[str, ExtractView] = field(default_factory=dict)
    _judgments: list[JudgmentView] | None = None
    _known: dict[str, bool] = field(default_factory=dict)
    placing: Placing = field(default_factory=Placing)
    sections: tuple[str, ...] = ()  # the brief's sections, in print order
    profile: str = "full"  # "note": the most relevant statements only

    @property
    def actor(self) -> Actor:
        return self.subject.actor

    # --------------------------------------------------------- helpers

    def name(self, actor_id: str) -> str:
        actor = self.corpus.actors.get(actor_id)
        return actor.name if actor else actor_id

    def role_label(self, role: Role) -> str:
        title = role.title
        if role.acting and not title.casefold().startswith("acting"):
            title = f"Acting {title}"
        org = self.corpus.actors.get(role.organisation) if role.organisation else None
        if org and not _names(title, org):
            return f"{title}, {org.name}"
        return title

    def role_at(self, actor_id: str, day: dt.date) -> str | None:
        actor = self.corpus.actors.get(actor_id)
        role = role_on(actor, day) if actor else None
        return self.role_label(role) if role else None

    def ref(self, extract: AnyExtract) -> SourceRef:
        source = self.corpus.sources[extract.source]
        return SourceRef(source=source.id, grade=f"{source.reliability}{extract.credibility}")

    def known(self, extracts: Iterable[AnyExtract]) -> list[AnyExtract]:
        """The extracts known on the as-of date: dated by then, in a source published by then."""
        # Kept per extract: an issue's whole history is asked about, more than once.
        seen = self._known
        extracts = list(extracts)
        for e in extracts:
            if e.id not in seen:
                seen[e.id] = e.when.on_or_before(self.as_of) and self.corpus.sources[
                    e.source
                ].published_when.on_or_before(self.as_of)
        return [e for e in extracts if seen[e.id]]

    def issue_titles(self, issue_ids: Iterable[str]) -> list[str]:
        return [self.corpus.issues[i].title for i in issue_ids if i in self.corpus.issues]

    def view(self, extract: AnyExtract) -> ExtractView:
        cached = self._views.get(extract.id)
        if cached:
            return cached
        common: _ViewFields = {
            "id": extract.id,
            "kind": extract.kind,
            "date": extract.when.last,
            "date_text": extract.when.text(),
            "location": extract.location,
            "issues": self.issue_titles(extract.issues),
            "part": _part(extract),
            "sources": [self.ref(extract), *self.corroboration(extract)],
        }
        if isinstance(extract, Statement):
            view = ExtractView(
                **common,
                speaker=self.name(extract.speaker),
                speaker_id=extract.speaker,
                speaker_role=self.role_at(extract.speaker, extract.date),
                occasion=extract.occasion,
                quote=printed_words(extract, self.corpus),
                verbatim=extract.quote,
                direct=extract.mode == "direct",
                reported_by=self.name(extract.reported_by) if extract.reported_by else None,
            )
        else:
            actors = extract.actors if isinstance(extract, Event) else []
            view = ExtractView(
                **common,
                summary=extract.summary,
                evidence=extract.evidence,
                actors=[self.name(a) for a in actors],
            )
        self._views[extract.id] = view
        return view

    def corroboration(self, extract: AnyExtract) -> list[SourceRef]:
        """The sources of the extracts that confirm `extract` (its credibility 1 rests on them)."""
        confirming = self.known(
            self.corpus.extracts[i]
            for i in getattr(extract, "corroborated_by", [])
            if i in self.corpus.extracts
        )
        return [self.ref(e) for e in confirming]

    def statements(self, extracts: Iterable[AnyExtract]) -> list[ExtractView]:
        """Statement views in date order, one per speaker and words, citing every source."""
        merged: dict[tuple[str, str], list[Statement]] = {}
        for extract in extracts:
            if isinstance(extract, Statement):
                key = (extract.speaker, normalise_quote(extract.quote))
                merged.setdefault(key, []).append(extract)
        views = []
        for group in merged.values():
            group.sort(key=lambda s: (s.when.key, s.id))
            first = self.view(group[0])
            refs = {(r.source, r.grade): r for s in group for r in self.view(s).sources}
            issues = list(dict.fromkeys(t for s in group for t in self.issue_titles(s.issues)))
            views.append(
                first.model_copy(update={"sources": list(refs.values()), "issues": issues})
            )
        views.sort(key=lambda v: (v.date, v.id))
        return views

    def most_relevant(self, statements: list[ExtractView]) -> list[ExtractView]:
        """The `limits.key_statements` that matter most, in date order.

        The speaker's own words before a press office's relay or a reporter's
        paraphrase, and words on the subject's open issues before passing
        remarks; newest first among equals. A plain cut by date would keep
        the last week's relays and drop the interview that defined the period.
        """
        on_issues = {i.title for i in self.index.issues.get(self.actor.id, [])}

        def rank(view: ExtractView) -> tuple[bool, bool, int, str]:
            speaker = self.corpus.actors.get(view.speaker_id or "")
            own_words = view.direct and speaker is not None and speaker.kind == ActorKind.PERSON
            on_issue = any(title in on_issues for title in view.issues)
            return (not own_words, not on_issue, -view.date.toordinal(), view.id)

        kept = sorted(statements, key=rank)[: self.limits.key_statements]
        return sorted(kept, key=lambda v: (v.date, v.id))

    def brief_view(
        self, title: str, marking: str, window_days: int, built: Iterable[Section] = ()
    ) -> BriefView:
        front = self.corpus.front_matter_for(self.subject.briefing_name)
        return BriefView(
            cutoff_text=self.cutoff_text(list(built)),
            profile=self.profile,
            issuing_unit=front.issuing_unit,
            reference=front.reference,
            disclaimer=front.disclaimer,
            title=title,
            kind=self.subject.kind,
            subject=self.actor.name,
            subject_id=self.actor.id,
            subject_role=self.role_at(self.actor.id, self.as_of),
            subject_description=self.actor.description,
            marking=marking,
            as_of=self.as_of,
            as_of_text=long_date(self.as_of),
            since=self.since,
            since_text=long_date(self.since),
            window_days=window_days,
        )

    def cutoff_text(self, built: list[Section]) -> str:
        """What the information cut-off means in days the sources give: "reporting up to
        17 September 2024; two items dated only October 2024" (never a made-up day)."""
        ids = {item.id for item in _cited_items(built).values() if isinstance(item, ExtractView)}
        whens = [self.corpus.extracts[i].when for i in sorted(ids) if i in self.corpus.extracts]
        return describe_cutoff(whens) or f"reporting up to {long_date(self.as_of)}"

    # -------------------------------------------------------- sections

    def section(self, name: str, built: list[Section]) -> Section:
        """Section `name` (a `registry.SECTIONS` entry), given the sections built before it."""
        kind = SECTIONS.get(name)
        if kind is None:
            raise ValueError(f"unknown section {name!r}")
        return kind.build(self, name, kind.heading, built)

    def prepare(self, sections: Iterable[str]) -> None:
        """Give events and facts their home section before any section refers to them."""
        self.sections = tuple(sections)
        for name, kind in SECTIONS.items():
            if kind.homes is not None and name in self.sections:
                self.placing.home(kind.homes(self), kind.heading)

    def window(self) -> list[AnyExtract]:
        """Extracts about the subject in the period, known on the as-of date."""
        return self.known(self.index.about(self.actor.id, self.since, self.as_of))

    def chronology_views(self) -> list[ExtractView]:
        # Captions and an outlet's background paragraphs did not happen on the day.
        return self.once(
            [e for e in self.window() if not isinstance(e, Statement) and _part(e) == "body"]
        )

    def once(self, extracts: list[AnyExtract]) -> list[ExtractView]:
        """Views of `extracts`, one for each fact: an extract that another one in the
        list names as corroborating it is shown by that one (which cites both sources)."""
        shown: list[AnyExtract] = []
        covered: set[str] = set()
        for extract in extracts:
            if extract.id in covered:
                continue
            shown.append(extract)
            covered.update(getattr(extract, "corroborated_by", []))
        return [self.view(e) for e in shown]

    def meeting_views(self) -> list[ExtractView]:
        took_part = self.known(self.index.took_part(self.actor.id, self.since, self.as_of))
        return self.once([e for e in took_part if _part(e) == "body"])

    def background_views(self) -> list[ExtractView]:
        return self.once(self.known(self.index.background_of(self.actor.id, self.as_of)))

    def key_statements(self, name: str, heading: str) -> KeyStatements:
        """The most relevant statements, then every other one of the period, each once."""
        statements = self.statements(self.window())
        self.placing.fold(statements)
        printed_elsewhere = (self.view(self.corpus.extracts[i]) for i in self.placing.homes)
        self.placing.fold_into_events(statements, printed_elsewhere)
        own = [s for s in statements if s.id not in self.placing.inside]
        key = self.most_relevant(own)
        chosen = {s.id for s in key}
        # The full brief shows every statement of the period once; the note the key ones.
        rest = [s for s in statements if s.id not in chosen] if self.profile == "full" else []
        key = [self.placing.statement(v) for v in key]
        rest = [self.placing.statement(v) for v in rest if v.id not in self.placing.inside]
        introduced = self.roles_in_actors()
        if self.profile == "note":  # two pages: names, not titles (the summary gives none)
            key = [v.model_copy(update={"speaker_role": None}) for v in key]
        return KeyStatements(
            name=name,
            heading=heading,
            statements=key,
            total=len(own),
            groups=groups(key, introduced),
            others=groups(rest, introduced),
        )

    def roles_in_actors(self) -> set[tuple[str, str]]:
        """(actor, role) pairs that Key actors prints: a statement by one of them in
        that role names the speaker without repeating the role."""
        if "actors" not in self.sections:
            return set()
        shown = self.actors()[: self.limits.actors]
        return {(a.id, a.role) for a in shown if a.role}

    def key_shown(self) -> set[str]:
        """Ids of the key judgments another section prints (so the outlook does not)."""
        key = [j.id for j in self.judgments() if j.key]
        if "key_judgments" in self.sections:
            return set(key)
        if "summary" in self.sections:
            return set(key[: extras.MAX_SUMMARY_JUDGMENTS])
        return set()

    def judgments(self) -> list[JudgmentView]:
        # Kept: several sections ask (the outlook once per judgment, via key_shown).
        if self._judgments is None:
            self._judgments = self._build_judgments()
        return list(self._judgments)

    def _build_judgments(self) -> list[JudgmentView]:
        views = []
        for judgment in self.index.judgments.get(self.actor.id, []):
            if judgment.made > self.as_of:
                continue
            views.append(self.judgment_view(judgment))
        # Key judgments first, then newest first.
        views.sort(key=lambda v: (not v.key, -v.made.toordinal(), v.id))
        return [
            v.model_copy(update={"number": n}) if v.key else v for n, v in enumerate(views, start=1)
        ]

    def judgment_view(self, judgment: Judgment) -> JudgmentView:
        basis_extracts = self.known(
            self.corpus.extracts[i] for i in judgment.basis if i in self.corpus.extracts
        )
        basis = [self.view(e) for e in sorted(basis_extracts, key=_by_date)]
        refs = {(r.source, r.grade): r for b in basis for r in b.sources}
        return JudgmentView(
            id=judgment.id,
            text=judgment.text,
            likelihood=judgment.likelihood,
            confidence=judgment.confidence.value,
            confidence_basis=judgment.confidence_basis,
            key_assumption=getattr(judgment, "key_assumption", None),
            horizon=judgment.horizon,
            made=judgment.made,
            made_text=long_date(judgment.made),
            key=judgment.key,
            issues=self.issue_titles(judgment.issues),
            indicators=list(judgment.indicators),
            basis=basis,
            sources=list(refs.values()),
            topic=self.topic(judgment),
        )

    def topic(self, judgment: Judgment) -> str:
        """A judgment's heading: its first issue, else what it is about besides the subject."""
        titles = self.issue_titles(judgment.issues)
        if titles:
            return titles[0]
        others = [self.name(a) for a in judgment.subjects if a != self.actor.id]
        return " and ".join(others) if others else extras.GENERAL_OUTLOOK

    def actors(self) -> list[ActorView]:
        window = self.known(self.index.about(self.actor.id, self.since, self.as_of))
        activity = _Activity.of(window)
        candidates = set(activity.statements) | set(activity.events)
        # Actors of the country hold a role there even when silent in the window.
        for member in self.index.members.get(self.actor.id, []):
            if role_on(self.corpus.actors[member], self.as_of):
                candidates.add(member)
        views = []
        for actor_id in candidates:
            actor = self.corpus.actors.get(actor_id)
            if actor is None or actor.id == self.actor.id or actor.kind in _NOT_ACTORS:
                continue
            if not actor.description and not role_on(actor, self.as_of):
                continue  # nothing to say about who they are
            views.append(self.actor_view(actor, activity))
        # The subject's own people first (the reporting names them), then the most
        # active; an office last: it relays what the actors say, it is not one of them.
        own = set(self.index.members.get(self.actor.id, []))
        views.sort(
            key=lambda v: (
                v.id not in own,
                v.kind == ActorKind.OFFICE,
                -(v.statements + v.events),
                v.name,
                v.id,
            )
        )
        return views

    def actor_view(self, actor: Actor, activity: _Activity) -> ActorView:
        role = role_on(actor, self.as_of)
        last = activity.last.get(actor.id)
        source = getattr(actor, "description_source", None)
        # A sourced description is known once its source is out (by the cut-off).
        described = actor.description if self.known_by_cutoff(source) else None
        return ActorView(
            id=actor.id,
            name=actor.name,
            kind=actor.kind.value,
            description=described,
            description_is_note=bool(described) and not source,
            description_sources=self.source_refs([source]) if described else [],
            role=self.role_label(role) if role else None,
            statements=activity.statements[actor.id],
            events=activity.events[actor.id],
            issues=self.issue_titles(activity.issues.get(actor.id, {})),
            last_seen_text=last.text() if last else None,
            sources=self.role_refs(role) if role else [],
        )

    def role_refs(self, role: Role) -> list[SourceRef]:
        """The role's sources published by the as-of date (a later one was not yet known)."""
        published = {
            s
            for s in role.all_sources()
            if s not in self.corpus.sources
            or self.corpus.sources[s].published_when.on_or_before(self.as_of)
        }
        return [self.role_ref(s) for s in role.all_sources() if s in published]

    def role_ref(self, source_id: str) -> SourceRef:
        source = self.corpus.sources.get(source_id)
        grade = source.reliability.value if source else "?"
        return SourceRef(source=source_id, grade=grade)

    def open_issues(self) -> list[IssueView]:
        """The subject's open issues, latest development first, each item printed once."""
        return [self.place_issue(v) for v in self.open_issues_unplaced()]

    def open_issues_unplaced(self, issues: list[OpenIssue] | None = None) -> list[IssueView]:
        """Issue views (of the subject's issues, or of `issues`), newest development first."""
        listed = self.index.issues.get(self.actor.id, []) if issues is None else issues
        views = [v for v in (self.issue_view(issue) for issue in listed) if v is not None]
        views.sort(key=lambda v: v.latest.date if v.latest else dt.date.min, reverse=True)
        return views

    def issue_view(self, issue: OpenIssue) -> IssueView | None:
        """The issue as known on the as-of date; None when nothing is known of it yet."""
        history = issue_history(self.corpus, issue)
        latest = self.latest_view(history)
        if latest is None:
            return None
        in_window = self.known(history.dated.between(self.since, self.as_of))
        recorded = issue.last_development_when.on_or_before(self.as_of)
        status = issue.status_on(self.as_of)
        # The latest development is shown on its own: not again as evidence.
        evidence = [v for v in self.mixed_views(in_window)[::-1] if v.id != latest.id]
        # (placed in `place_issue`, in the order the issues are printed)
        return IssueView(
            id=issue.id,
            title=issue.title,
            status=status.status.value if status else None,
            assessed=self.status_view(status) if status else None,
            summary=issue.summary if recorded else None,
            description=_first_sentence(issue.summary),
            latest=latest,
            evidence=evidence,
        )

    def status_view(self, entry: StatusEntry) -> StatusView:
        """An issue's assessed status, citing the sources of the extracts it rests on."""
        basis = self.known(
            self.corpus.extracts[i] for i in entry.basis if i in self.corpus.extracts
        )
        refs = {(r.source, r.grade): r for e in basis for r in self.view(e).sources}
        return StatusView(
            status=entry.status.value,
            assessment=entry.assessment,
            date_text=entry.when.text(),
            sources=list(refs.values()),
        )

    def place_issue(self, issue: IssueView) -> IssueView:
        """The issue with what other sections print referred to, not printed again."""
        here = f"{heading('open_issues')}: {issue.title}"
        latest = self.placing.placed(issue.latest, here, claim=True) if issue.latest else None
        evidence: list[ExtractView] = []
        numbers: list[int] = []
        elsewhere: list[str] = []
        for view in issue.evidence:
            if len(evidence) >= MAX_ISSUE_EVIDENCE and not self.placing.knows(view):
                continue  # not printed: so not numbered either
            placed = self.placing.placed(view, here)
            if placed.see is None:
                evidence.append(placed)
            elif placed.number is not None:
                numbers.append(placed.number)
            else:
                elsewhere.append(placed.see)
        if latest and latest.number is not None:
            numbers = [n for n in numbers if n != latest.number]
        return issue.model_copy(
            update={
                "latest": latest,
                "evidence": evidence,
                "statements": sorted(set(numbers)),
                "elsewhere": list(dict.fromkeys(elsewhere)),
            }
        )

    def latest_view(self, history: IssueHistory) -> ExtractView | None:
        """The last of `mixed_views` of the history known on the as-of date, without
        building the others' views, read from the end: an issue's history grows with
        the corpus, its latest development does not. None when nothing is known yet.

        A merged statement's view carries the date and id of its group's first known
        statement, so a statement stands for (the last day, id) of that one: never
        later than its own last day. The walk stops at the first extract older than
        the best found (the views' order is by last day, then id)."""
        extracts = history.dated.extracts
        best: tuple[dt.date, str] | None = None
        where: AnyExtract | None = None
        for i in range(bisect_right(history.dated.dates, self.as_of) - 1, -1, -1):
            extract = extracts[i]
            if best is not None and extract.when.last < best[0]:
                break
            if not self.known([extract]):
                continue
            if isinstance(extract, Statement):
                extract = self._first_known(history.groups[history.keys[extract.id]])
            candidate = (extract.when.last, extract.id)
            if best is None or candidate > best:
                best, where = candidate, extract
        if where is None:
            return None
        if isinstance(where, Statement):
            return self.statements(self.known(history.groups[history.keys[where.id]]))[0]
        return self.view(where)

    def _first_known(self, group: list[Statement]) -> Statement:
        """The first statement of `group` (in date order) known on the as-of date."""
        return next(s for s in group if self.known([s]))

    def mixed_views(self, extracts: list[AnyExtract]) -> list[ExtractView]:
        """Views of statements (merged) and other extracts, in date order."""
        views = self.statements(extracts)
        views += [self.view(e) for e in extracts if not isinstance(e, Statement)]
        return sorted(views, key=lambda v: (v.date, v.id))

    def positions(self) -> list[RoleView]:
        views = []
        for role in sorted(self.actor.roles, key=lambda r: (r.start or dt.date.min, r.title)):
            if role.start and role.start > self.as_of:
                continue
            if not any(self.published_by_cutoff(s) for s in role.all_sources()):
                continue  # no source reporting it was out by the cut-off
            views.append(self.role_view(role))
        return views

    def published_by_cutoff(self, source_id: str | None) -> bool:
        source = self.corpus.sources.get(source_id) if source_id else None
        return source is not None and source.published_when.on_or_before(self.as_of)

    def known_by_cutoff(self, source_id: str | None) -> bool:
        return source_id is None or self.published_by_cutoff(source_id)

    def role_view(self, role: Role) -> RoleView:
        """A role with only the dates its sources give, each with the source that gives it."""
        dates = self.role_dates(role)
        parts = [f"appointed {dates.start_text}" if dates.start_text else None]
        parts += [f"until {dates.end_text}" if dates.end_text else None]
        parts += [f"last reported {dates.last_text}" if dates.last_text else None]
        return RoleView(
            title=self.role_label(role).split(", ")[0],
            organisation=self.name(role.organisation) if role.organisation else None,
            label=self.role_label(role),
            start=role.start,
            end=dates.end,
            dates_text="; ".join(p for p in parts if p) or "dates not given by the sources",
            current=role.held_on(self.as_of),
            note=role.note,
            sources=self.role_refs(role),
            start_text=dates.start_text,
            start_sources=self.source_refs([role.start_source] if dates.start_text else []),
            end_text=dates.end_text,
            end_sources=self.source_refs([role.end_source] if dates.end_text else []),
            last_reported_text=dates.last_text,
            last_reported_sources=self.source_refs([dates.last_source]),
        )

    def role_dates(self, role: Role) -> _RoleDates:
        """The dates of a role printed as of the cut-off: only once the source giving
        each was out by then (validation requires the source with the date; a record
        built without it keeps it)."""
        end = role.end if role.end and role.end <= self.as_of else None
        start_known = role.start_when and self.known_by_cutoff(role.start_source)
        end_known = role.end_when and end and self.known_by_cutoff(role.end_source)
        start_text = role.start_when.text() if start_known and role.start_when else None
        end_text = role.end_when.text() if end_known and role.end_when else None
        last = self.corpus.role_last_reported(role, self.as_of)
        last_text = last[0].text() if last and not end_text else None
        last_source = last[1] if last and last_text else None
        return _RoleDates(end, start_text, end_text, last_text, last_source)

    def source_refs(self, source_ids: Iterable[str | None]) -> list[SourceRef]:
        return [self.role_ref(s) for s in source_ids if s]

    def stated_positions(self) -> list[IssueGroup]:
        statements = self.statements(
            self.known(self.index.said_by(self.actor.id, self.since, self.as_of))
        )
        by_issue: dict[str, list[ExtractView]] = {}
        for statement in statements:
            title = statement.issues[0] if statement.issues else "Other remarks"
            by_issue.setdefault(title, []).append(statement)
        ordered = sorted(
            by_issue.items(), key=lambda kv: (kv[0] == "Other remarks", -len(kv[1]), kv[0])
        )
        out = []
        introduced: set[tuple[str, str]] = set()
        for title, views in ordered:
            placed = [self.placing.statement(v) for v in views]
            out.append(
                IssueGroup(title=title, statements=placed, groups=groups(placed, introduced))
            )
        return out

    def sources(self, name: str, heading: str, built: list[Section]) -> Sources:
        items = _cited_items(built)
        used, grades = _source_use(items, built)
        ordered = sorted(
            (self.corpus.sources[s] for s in used if s in self.corpus.sources),
            key=lambda s: (s.published_when.key, s.title, s.id),
        )
        views = [self.source_view(s, n, used[s.id]) for n, s in enumerate(ordered, start=1)]
        summary = self.source_summary(views, items, grades)
        return Sources(name=name, heading=heading, sources=views, summary=summary)

    def source_summary(
        self,
        views: list[SourceView],
        items: dict[str, ExtractView | JudgmentView],
        grades: Counter[str],
    ) -> SourceSummary:
        """How many sources of which kinds, and which claims rest on one source only."""
        single_items = sorted(
            (i for i in items.values() if i.sources and i.single_source),
            key=lambda i: (getattr(i, "date", None) or getattr(i, "made", None), i.id),
        )
        return SourceSummary(
            count=len(views),
            kinds=_counts(v.kind for v in views),
            reliability=_counts(v.reliability for v in views),
            grades=_counts(grades.elements()),
            items=len(items),
            corroborated=sum(1 for i in items.values() if len({r.source for r in i.sources}) > 1),
            single_source=[self.claim(item) for item in single_items],
            single_source_groups=self.single_source_groups(single_items),
            automated=sorted({v.proposed_by for v in views if v.proposed_by}),
        )

    def source_view(self, s: Source, number: int, items: int) -> SourceView:
        return SourceView(
            id=s.id,
            number=number,
            author=s.author,
            title=s.title,
            outlet=s.outlet,
            published_text=s.published_when.text(),
            # A brief as of a past date prints nothing dated after it, not
            # even when the analyst retrieved the source.
            accessed_text=long_date(s.accessed) if s.accessed <= self.as_of else None,
            url=s.url,
            kind=s.kind.value.replace("_", " "),
            reliability=s.reliability.value,
            reliability_label=RELIABILITY_LABELS[s.reliability.value],
            reliability_note=s.reliability_note,
            summary=s.summary,
            language=s.language,
            proposed_by=s.proposed_by,
            items=items,
        )

    def claim(self, item: ExtractView | JudgmentView) -> Claim:
        """A claim resting on one source, for the source summary."""
        return Claim(
            text=_claim_text(item),
            date_text=item.made_text if isinstance(item, JudgmentView) else item.date_text,
            source=self.corpus.sources[item.sources[0].source].title,
        )

    def single_source_groups(
        self, single_items: list[ExtractView | JudgmentView]
    ) -> list[SingleSource]:
        """The single-source claims by source, the source most relied on first."""
        groups: dict[str, list[ExtractView | JudgmentView]] = {}
        for item in single_items:
            groups.setdefault(item.sources[0].source, []).append(item)
        return [
            SingleSource(
                source=self.corpus.sources[source_id].title,
                outlet=self.corpus.sources[source_id].outlet,
                statements=sum(1 for i in group if getattr(i, "kind", "") == "statement"),
                events=sum(1 for i in group if getattr(i, "kind", "") in ("event", "fact")),
                judgments=[i.text for i in group if isinstance(i, JudgmentView)],
            )
            for source_id, group in sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0]))
        ]


def _source_use(
    items: dict[str, ExtractView | JudgmentView], built: list[Section]
) -> tuple[Counter[str], Counter[str]]:
    """How many cited items each source backs, and how often each grade is given."""
    used: Counter[str] = Counter()
    grades: Counter[str] = Counter()
    for item in items.values():
        for ref in item.sources:
            used[ref.source] += 1
            grades[ref.grade] += 1
    for section in built:  # roles cite sources too, without being claims of the brief
        for holder in getattr(section, "actors", []) + getattr(section, "roles", []):
            for ref in holder.sources:
                used.setdefault(ref.source, 0)
    return used, grades


def _first_sentence(text: str) -> str:
    """Up to the first full stop that ends a sentence (not "U.S." or "Mr.")."""
    match = re.search(r"(?<![A-Z])(?<!\bMr)(?<!\bMs)(?<!\bDr)\.(\s+[A-Z]|$)", text)
    return text[: match.start() + 1] if match else text


def _by_date(extract: AnyExtract) -> tuple[tuple[dt.date, dt.date], str]:
    return (extract.when.key, extract.id)


def _key(when: PartialDate) -> tuple[dt.date, dt.date]:
    return when.key


def _counts(values: Iterable[str]) -> list[Count]:
    counter = Counter(values)
    return [
        Count(label=k, count=v) for k, v in sorted(counter.items(), key=lambda kv: (-kv[1], kv[0]))
    ]


def _cited_items(built: list[Section]) -> dict[str, ExtractView | JudgmentView]:
    """Every statement, event, fact and judgment the brief cites, once each."""
    items: dict[str, ExtractView | JudgmentView] = {}

    def add(item: ExtractView | JudgmentView) -> None:
        key = f"{item.kind}:{item.id}" if isinstance(item, ExtractView) else f"judgment:{item.id}"
        # A merged statement carries more sources than its single-source view.
        if key in items and len(item.sources) <= len(items[key].sources):
            return
        items[key] = item

    for section in built:
        for item in [
            *getattr(section, "statements", []),
            *getattr(section, "events", []),
            *getattr(section, "facts", []),
            *(s for g in getattr(section, "others", []) for s in g.statements),
        ]:
            add(item)
        for judgment in getattr(section, "judgments", []):
            add(judgment)
        for issue in getattr(section, "issues", []):
            for item in [issue.latest, *issue.evidence]:
                if item:
                    add(item)
        for group in getattr(section, "groups", []):
            for item in group.statements:
                add(item)
    return items


def _claim_text(item: ExtractView | JudgmentView) -> str:
    if isinstance(item, JudgmentView):
        return f"Judgment: {item.text}"
    if item.kind == "statement":
        return f"Statement by {item.speaker}, {item.occasion}"
    return item.summary or item.id


def credibility_label(grade: str) -> str:
    return CREDIBILITY_LABELS.get(int(grade[1:]), "") if len(grade) > 1 else ""


def _names(title: str, org: Actor) -> bool:
    """Whether a role's title already names its organisation ("EU Special
    Representative" names the European Union)."""
    abbreviation = getattr(org, "abbreviation", None)
    return org.name.casefold() in title.casefold() or (
        bool(abbreviation) and str(abbreviation) in title.split()
    )


def _part(extract: AnyExtract) -> str:
    """What part of its source an extract is: body text, a photo caption, background."""
    return str(getattr(extract, "part", "body"))


class _ViewFields(TypedDict):
    """What every extract's view holds, whatever its kind (`Assembly.view`)."""

    id: str
    kind: str
    date: dt.date
    date_text: str
    location: str | None
    issues: list[str]
    part: str
    sources: list[SourceRef]
