"""What the section templates see: pydantic models of a brief's sections.

The assembler fills these from the corpus; templates only print them. Every
item that states something carries `sources` (with the Admiralty grade of
that source for that item): a template cites them with `cite(item)`.
Dates come both as `date` objects and as ready prose (`date_text`).
See `briefings/templates/README.md` for the template side.

No `from __future__ import annotations`: pydantic would evaluate every field
annotation from its string as each view class is built (~11 M instructions of
each cold command); a view names only views defined above it.
"""

import datetime as dt
from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel, ConfigDict


class View(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)

    def __init__(self, **data: Any) -> None:
        """Made as `model_construct` makes it, not validated: the assembler fills views
        from the validated corpus, and mypy checks every call's fields and types.
        Validating built the validators of ~30 view models in each render (~45 M
        instructions of a cold command). tests/test_section_views.py validates every
        view of the shipped briefs and expects the same views."""
        self.__setstate__(self.model_construct(**data).__getstate__())


def views_in(value: object) -> Iterator[View]:
    """Every view in `value` (a view, or a list or tuple of them), and every view in
    their fields, depth first."""
    if isinstance(value, View):
        yield value
        for name in type(value).model_fields:
            yield from views_in(getattr(value, name))
    elif isinstance(value, list | tuple):
        for item in value:
            yield from views_in(item)


class SourceRef(View):
    """One source behind an item, graded for that item, e.g. `B2`."""

    source: str
    grade: str


class Cited(View):
    sources: list[SourceRef]

    @property
    def single_source(self) -> bool:
        return len({ref.source for ref in self.sources}) == 1


class RoleView(Cited):
    title: str  # "Acting Deputy Secretary General"
    organisation: str | None  # display name, e.g. "OSSU"
    label: str  # title and organisation: "Acting Deputy Secretary General, OSSU"
    start: dt.date | None
    end: dt.date | None  # exclusive; None when open or after the cut-off
    dates_text: str  # "since 10 September 2024", "until 10 September 2024", ...
    current: bool  # held on the as-of date
    note: str | None = None
    # Only what the sources give: "appointed 10 September 2024"[start_sources];
    # "last reported 17 September 2024"[last_reported_sources]; an end with its source.
    start_text: str | None = None
    start_sources: list[SourceRef] = []
    end_text: str | None = None
    end_sources: list[SourceRef] = []
    last_reported_text: str | None = None
    last_reported_sources: list[SourceRef] = []


class ExtractView(Cited):
    """A statement, event or fact, with the speaker's role on its date."""

    id: str
    kind: str  # "statement", "event" or "fact"
    date: dt.date
    date_text: str  # "23 August 2024", "August 2024", "around 23 August 2024"
    location: str | None
    issues: list[str]  # issue titles
    part: str = "body"  # where in its source: "body", "caption" or "background"
    # statements
    speaker: str | None = None  # display name
    speaker_id: str | None = None
    speaker_role: str | None = None  # role label held on `date`
    occasion: str | None = None
    quote: str | None = None  # as printed: apostrophes set right, "[sic]" where curated
    verbatim: str | None = None  # the words exactly as the source has them
    direct: bool = True  # False: reported speech, the source's words
    reported_by: str | None = None  # reported speech: whose account it is (display name)
    # events and facts
    summary: str | None = None  # analyst's one-line account
    evidence: str | None = None  # verbatim passage
    actors: list[str] = []  # names of participants (events)
    # where the brief prints it: each item is printed once, referred to elsewhere
    number: int | None = None  # statements: "statement 4" in this brief
    see: str | None = None  # set where the item is only referred to: "statement 4", "Chronology"


class StatementGroup(View):
    """Consecutive statements by one speaker on one occasion: one attribution line."""

    speaker: str
    speaker_id: str
    speaker_role: str | None
    date_text: str
    location: str | None
    occasion: str | None
    statements: list[ExtractView]


class ActorView(Cited):
    """An actor as of the as-of date; `sources` establish the role."""

    id: str
    name: str
    kind: str
    description: str | None
    description_is_note: bool = False  # no source gives it: the curator's note, shown as such
    description_sources: list[SourceRef] = []
    role: str | None  # label of the role held on the as-of date
    statements: int  # in the window
    events: int
    issues: list[str]  # titles of issues it spoke or acted on in the window
    last_seen_text: str | None


class JudgmentView(Cited):
    """A 'we assess' judgment; `sources` are those of its basis extracts."""

    id: str
    text: str  # uses `likelihood` verbatim
    likelihood: str
    confidence: str  # high, moderate, low
    confidence_basis: str | None
    horizon: str
    made: dt.date
    made_text: str
    key: bool
    issues: list[str]
    indicators: list[str]
    basis: list[ExtractView]
    key_assumption: str | None = None  # what the judgment most depends on
    number: int | None = None  # position among the key judgments, if key
    topic: str = ""  # what it is about: its first issue's title, else its other subjects


class StatusView(Cited):
    """An issue's status as we assessed it on a date, with the extracts' sources as basis."""

    status: str  # active, stalled, ...
    assessment: str  # "limited progress"
    date_text: str  # "17 September 2024"


class IssueView(View):
    id: str
    title: str
    status: str | None  # None when only recorded after the cut-off
    assessed: StatusView | None = None  # the latest assessment known on the as-of date
    summary: str | None
    description: str | None = None  # what the issue is: the summary's first sentence
    latest: ExtractView | None  # latest development up to the as-of date
    evidence: list[ExtractView]  # in the window, newest first, not printed elsewhere
    statements: list[int] = []  # numbers of the other statements on it, printed elsewhere
    elsewhere: list[str] = []  # headings of sections printing its other events and facts


class IssueGroup(View):
    """Stated positions of a person on one issue."""

    title: str
    statements: list[ExtractView]
    groups: list[StatementGroup] = []  # `statements` by occasion: one attribution each


class SourceView(View):
    id: str
    number: int  # position in the source list
    author: str | None
    title: str
    outlet: str
    published_text: str
    accessed_text: str | None  # None when accessed after the as-of date
    url: str | None
    kind: str  # "official release", ...
    reliability: str  # "B"
    reliability_label: str  # "usually reliable"
    reliability_note: str
    summary: str | None
    language: str
    proposed_by: str | None
    items: int  # items of this brief resting on it


class Count(View):
    label: str
    count: int


class Claim(View):
    """An item of the brief that rests on one source only."""

    text: str
    date_text: str
    source: str  # source title


class SingleSource(View):
    """The items of the brief resting on one source alone."""

    source: str  # title
    outlet: str
    statements: int
    events: int  # events and facts
    judgments: list[str]  # texts of judgments whose whole basis is this source


class SourceSummary(View):
    count: int
    kinds: list[Count]  # "official release": 3
    reliability: list[Count]  # "B": 4
    grades: list[Count]  # "B2": 5, over the items cited
    items: int  # statements, events, facts and judgments cited
    corroborated: int  # items with two or more sources
    single_source: list[Claim]  # every single-source item, by date
    single_source_groups: list[SingleSource]  # the same, by source
    automated: list[str]  # tools that proposed source records


# -------------------------------------------------------------- sections


class Section(View):
    name: str
    heading: str


class KeyJudgments(Section):
    judgments: list[JudgmentView]
    in_summary: bool = False  # the summary prints each judgment's text: refer to it


class Actors(Section):
    actors: list[ActorView]
    total: int = 0  # actors in the period; `actors` holds the most active of them


class KeyStatements(Section):
    statements: list[ExtractView]
    total: int  # statements in the period; `statements` holds the most relevant of them
    groups: list[StatementGroup] = []  # `statements` by speaker and occasion
    others: list[StatementGroup] = []  # the period's other statements, printed once here


class SummaryPoint(View):
    """One bullet of the summary: a key judgment, or an open issue's latest development."""

    judgment: JudgmentView | None = None
    issue: IssueView | None = None


class Summary(Section):
    points: list[SummaryPoint]
    judgments_here: bool = False  # no key-judgments section follows: the summary holds them


class Voice(View):
    """A party to the subject's open issues, and whether it was heard in the period."""

    name: str
    heard: bool


class Gaps(Section):
    """What the period's reporting lacks: computed, never curated."""

    parties: list[Voice]  # the subject and the countries party to its open issues
    missing: list[str]  # names of parties with no statement of their own in the period
    single_statements: list[int]  # numbers of printed statements resting on one source
    corroborated_statements: list[int] = []  # numbers of those reported by two or more
    statement_count: int  # statements printed
    single_events: int  # events and facts printed resting on one source
    event_count: int  # events and facts printed
    single_judgments: list[str]  # topics of judgments whose whole basis is one source


class GlossaryEntry(View):
    abbreviation: str
    expansion: str


class Glossary(Section):
    entries: list[GlossaryEntry]


class Background(Section):
    facts: list[ExtractView]


class OpenIssues(Section):
    issues: list[IssueView]


class Outlook(Section):
    judgments: list[JudgmentView]


class Chronology(Section):
    events: list[ExtractView]


class Sources(Section):
    sources: list[SourceView]
    summary: SourceSummary


class Positions(Section):
    roles: list[RoleView]  # oldest first


class StatedPositions(Section):
    groups: list[IssueGroup]


class Meetings(Section):
    events: list[ExtractView]


class BriefView(View):
    """The brief as a whole, available to every template as `brief`."""

    title: str
    kind: str  # country or person
    subject: str  # display name
    subject_id: str
    subject_role: str | None  # persons: role held on the as-of date
    subject_description: str | None
    marking: str
    as_of: dt.date
    as_of_text: str
    since: dt.date
    since_text: str
    window_days: int
    # "reporting up to 17 September 2024; two items dated only October 2024"
    cutoff_text: str = ""
    profile: str = "full"  # "note": the two-page note (templates print it compactly)
    issuing_unit: str | None = None
    reference: str | None = None
    disclaimer: str | None = None
