"""The curated corpus: pydantic models for every YAML file an analyst edits.

One file kind, one top-level model (see `FILE_KINDS`); `brief schema`
exports each as JSON Schema into `schemas/` so editors validate and complete
the YAML. Models are strict and forbid unknown fields: a typo in a key is an
error, not silently ignored data.
"""

from __future__ import annotations

import datetime as dt
import re
from enum import StrEnum
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

ID_PATTERN = r"^[a-z0-9][a-z0-9-]*[a-z0-9]$"

Id = Annotated[str, StringConstraints(pattern=ID_PATTERN, max_length=80)]
"""A stable, lower-case, hyphenated identifier, e.g. `boris-ruge`."""

SourceId = Id
ActorId = Id
ExtractId = Id
IssueId = Id
JudgmentId = Id

NonEmpty = Annotated[str, StringConstraints(min_length=1, strip_whitespace=False)]
Sha256 = Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{64}$")]


class Strict(BaseModel):
    """Base of every corpus model: unknown fields are errors.

    A rule across fields starts its message with the field to point at
    (`"end: role ends ... before it starts ..."`): validation reports it there.

    Strict typing except that dates may be written as ISO strings (YAML
    gives `date` objects for bare dates, strings for quoted ones).
    """

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=False)


class DatePrecision(StrEnum):
    DAY = "day"
    MONTH = "month"
    APPROXIMATE = "approximate"


# ------------------------------------------------------------------ sources


class SourceKind(StrEnum):
    OFFICIAL_RELEASE = "official_release"
    NEWS_REPORT = "news_report"
    INTERVIEW = "interview"
    COMMENTARY = "commentary"


class Reliability(StrEnum):
    """Admiralty code: reliability of the source (A-F)."""

    A = "A"  # completely reliable
    B = "B"  # usually reliable
    C = "C"  # fairly reliable
    D = "D"  # not usually reliable
    E = "E"  # unreliable
    F = "F"  # reliability cannot be judged


RELIABILITY_LABELS = {
    "A": "completely reliable",
    "B": "usually reliable",
    "C": "fairly reliable",
    "D": "not usually reliable",
    "E": "unreliable",
    "F": "reliability cannot be judged",
}

CREDIBILITY_LABELS = {
    1: "confirmed by other sources",
    2: "probably true",
    3: "possibly true",
    4: "doubtful",
    5: "improbable",
    6: "truth cannot be judged",
}

Credibility = Annotated[int, Field(ge=1, le=6, description="Admiralty credibility 1-6")]


class Source(Strict):
    """One article or release. Its raw text lives untouched in `text`."""

    id: SourceId
    title: NonEmpty
    outlet: NonEmpty = Field(description="Publisher or outlet, e.g. 'NATO' or 'Mirage News'")
    author: str | None = None
    url: str | None = Field(default=None, description="Where the text was published, if known")
    published: dt.date
    published_precision: DatePrecision = DatePrecision.DAY
    accessed: dt.date
    language: Annotated[str, StringConstraints(pattern=r"^[a-z]{2,3}(-[A-Za-z0-9]+)*$")] = "en"
    kind: SourceKind
    reliability: Reliability
    reliability_note: NonEmpty = Field(description="One line: why this reliability grade")
    summary: str | None = Field(default=None, description="One or two sentences on the source")
    text: NonEmpty = Field(description="Path of the raw text, relative to the seeds folder")
    sha256: Sha256 = Field(description="sha256 of the raw text file's bytes")
    boilerplate: list[NonEmpty] = Field(
        default_factory=list,
        description="Verbatim passages of site boilerplate that must never become content",
    )
    proposed_by: str | None = Field(
        default=None, description="Tool and version that proposed this record, if automated"
    )


# ------------------------------------------------------------------- actors


class ActorKind(StrEnum):
    PERSON = "person"
    COUNTRY = "country"
    REGION = "region"  # e.g. the Western Balkans: briefed like a country
    ORGANISATION = "organisation"
    MISSION = "mission"
    OFFICE = "office"  # e.g. the NATO Press office
    OUTLET = "outlet"  # a news outlet, when it speaks in its own voice
    GROUP = "group"  # e.g. the QUINT


class Role(Strict):
    """A post held, backed by the sources that establish it.

    `start`/`end` are the dates the sources establish; leave either out when
    no source gives it. `end` is exclusive: on `end` the role is over.
    """

    title: NonEmpty
    organisation: ActorId | None = None
    start: dt.date | None = None
    end: dt.date | None = None
    acting: bool = False
    sources: list[SourceId] = Field(min_length=1)
    note: str | None = None

    @model_validator(mode="after")
    def _start_before_end(self) -> Role:
        if self.start and self.end and self.end <= self.start:
            raise ValueError(f"end: role ends ({self.end}) before it starts ({self.start})")
        return self

    def held_on(self, day: dt.date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day < self.end)


class Actor(Strict):
    id: ActorId
    name: NonEmpty = Field(description="Display name with correct diacritics")
    aliases: list[NonEmpty] = Field(
        default_factory=list, description="Other spellings, with and without diacritics"
    )
    kind: ActorKind
    country: ActorId | None = Field(default=None, description="Country actor it belongs to")
    description: str | None = None
    roles: list[Role] = Field(default_factory=list)


class ActorsFile(Strict):
    actors: list[Actor]


# ----------------------------------------------------------------- extracts


class StatementMode(StrEnum):
    DIRECT = "direct"  # the speaker's own words, in quotation marks in the source
    INDIRECT = "indirect"  # reported speech: the source's words for what was said


class ExtractBase(Strict):
    id: ExtractId
    source: SourceId
    date: dt.date
    date_precision: DatePrecision = DatePrecision.DAY
    location: str | None = Field(default=None, description="Place, e.g. 'Podgorica, Montenegro'")
    subjects: list[ActorId] = Field(
        min_length=1, description="Countries, organisations and people the extract concerns"
    )
    issues: list[IssueId] = Field(default_factory=list)
    credibility: Credibility
    note: str | None = Field(default=None, description="Analyst's note; never printed as fact")


class Statement(ExtractBase):
    """Who said what: `quote` is character-for-character in the source text."""

    kind: Literal["statement"] = "statement"
    speaker: ActorId
    quote: NonEmpty
    mode: StatementMode = StatementMode.DIRECT
    occasion: NonEmpty = Field(description="Occasion or venue, e.g. 'interview with N1'")


class Event(ExtractBase):
    """Something that happened; `evidence` is the verbatim passage saying so."""

    kind: Literal["event"] = "event"
    summary: NonEmpty = Field(description="Analyst's one-line account of what happened")
    actors: list[ActorId] = Field(min_length=1, description="Who took part")
    evidence: NonEmpty = Field(description="Verbatim passage of the source")


class Fact(ExtractBase):
    kind: Literal["fact"] = "fact"
    summary: NonEmpty
    evidence: NonEmpty = Field(description="Verbatim passage of the source")


Extract = Annotated[Statement | Event | Fact, Field(discriminator="kind")]


class ExtractsFile(Strict):
    extracts: list[Extract]


# ------------------------------------------------------------------- issues


class IssueStatus(StrEnum):
    ACTIVE = "active"
    ESCALATING = "escalating"
    STALLED = "stalled"
    IMPROVING = "improving"
    RESOLVED = "resolved"


class OpenIssue(Strict):
    id: IssueId
    title: NonEmpty
    aliases: list[NonEmpty] = Field(default_factory=list)
    subjects: list[ActorId] = Field(min_length=1)
    status: IssueStatus
    summary: NonEmpty
    evidence: list[ExtractId] = Field(min_length=1)
    last_development: dt.date


class IssuesFile(Strict):
    issues: list[OpenIssue]


# ---------------------------------------------------------------- judgments

# ICD 203 estimative terms. One product uses one row; brief uses row 1.
LIKELIHOOD_ROW_1 = (
    "almost no chance",
    "very unlikely",
    "unlikely",
    "roughly even chance",
    "likely",
    "very likely",
    "almost certain",
)
LIKELIHOOD_ROW_2 = (
    "remote",
    "highly improbable",
    "improbable",
    "roughly even odds",
    "probable",
    "highly probable",
    "nearly certain",
)
Likelihood = Literal[
    "almost no chance",
    "very unlikely",
    "unlikely",
    "roughly even chance",
    "likely",
    "very likely",
    "almost certain",
]


class Confidence(StrEnum):
    HIGH = "high"
    MODERATE = "moderate"
    LOW = "low"


class Judgment(Strict):
    """An analytic judgment ("we assess"), kept apart from reported facts.

    `text` uses `likelihood` verbatim and no other estimative term;
    confidence is stated separately by the renderer, never in `text`.
    """

    id: JudgmentId
    subjects: list[ActorId] = Field(min_length=1)
    issues: list[IssueId] = Field(default_factory=list)
    text: NonEmpty
    likelihood: Likelihood
    confidence: Confidence
    confidence_basis: str | None = Field(default=None, description="Why this confidence")
    horizon: NonEmpty = Field(description="Time horizon, e.g. 'through March 2025'")
    made: dt.date = Field(description="Date of the judgment; hidden from briefs cut off earlier")
    key: bool = Field(default=False, description="Also shown among the key judgments")
    basis: list[ExtractId] = Field(min_length=1)
    indicators: list[NonEmpty] = Field(default_factory=list)

    @model_validator(mode="after")
    def _text_uses_its_term(self) -> Judgment:
        # "almost certainly" uses "almost certain"
        term = re.escape(self.likelihood).replace(r"\ ", r"\s+")
        if not re.search(rf"\b{term}(?:ly)?\b", self.text, re.IGNORECASE):
            raise ValueError(f"text: must use its likelihood term '{self.likelihood}'")
        return self


class JudgmentsFile(Strict):
    judgments: list[Judgment]


# --------------------------------------------------------------- briefings

SectionName = Literal[
    "summary",
    "key_judgments",
    "actors",
    "key_statements",
    "open_issues",
    "outlook",
    "chronology",
    "sources",
    "positions",
    "stated_positions",
    "meetings",
    "background",
    "gaps",
    "glossary",
]

COUNTRY_SECTIONS: tuple[SectionName, ...] = (
    "summary",
    "key_judgments",
    "actors",
    "key_statements",
    "open_issues",
    "outlook",
    "background",
    "chronology",
    "gaps",
    "glossary",
    "sources",
)
PERSON_SECTIONS: tuple[SectionName, ...] = (
    "summary",
    "positions",
    "stated_positions",
    "meetings",
    "outlook",
    "gaps",
    "glossary",
    "sources",
)

FORBIDDEN_MARKINGS = ("NATO UNCLASSIFIED",)
_NATO_MARKING = re.compile(r"\s*(NATO|COSMIC)\b", re.IGNORECASE)


def marking_problem(marking: str) -> str | None:
    """Why `marking` may not head an open-source brief, or None if it may.

    NATO UNCLASSIFIED, like every NATO (and COSMIC) marking, labels
    information NATO owns: never the marking of open-source work.
    """
    if not marking.strip():
        return "the marking is empty"
    if _NATO_MARKING.match(marking):
        return (
            f"'{marking}' is a NATO security marking, for information NATO owns; "
            "an open-source brief is marked e.g. UNCLASSIFIED, PUBLIC or TLP:CLEAR"
        )
    return None


class Limits(Strict):
    """How many items a brief shows where it picks the most relevant."""

    key_statements: Annotated[int, Field(ge=1, le=500)] = Field(
        default=12, description="Key statements shown: direct quotes on the subject's issues first"
    )
    actors: Annotated[int, Field(ge=1, le=500)] = Field(
        default=10, description="Key actors shown: the most active in the period first"
    )


class Briefing(Strict):
    """`briefings/*.yaml`: customises the brief of one subject."""

    subject: ActorId
    kind: Literal["country", "person"]
    title: NonEmpty | None = None
    marking: NonEmpty = "UNCLASSIFIED"
    window_days: Annotated[int, Field(ge=1, le=3660)] = 30
    sections: list[SectionName] | None = Field(
        default=None, description="Section order; default depends on kind"
    )
    templates: dict[SectionName, NonEmpty] = Field(
        default_factory=dict, description="Template overrides, paths relative to briefings/"
    )
    limits: Limits = Field(default_factory=Limits)

    @model_validator(mode="after")
    def _marking_is_publishable(self) -> Briefing:
        problem = marking_problem(self.marking)
        if problem:
            raise ValueError(f"marking: {problem}")
        return self


# ------------------------------------------------------------------- drafts

Offset = Annotated[int, Field(ge=0, description="Character offset in the source text")]


class DraftCandidate(Strict):
    """What every proposed item carries: review flag and where it came from."""

    id: ExtractId
    accept: bool = Field(default=False, description="Set true to move it into the corpus")
    start: Offset
    end: Offset
    found_by: str = Field(description="How the extractor found it; for the reviewer")


class DraftStatement(DraftCandidate):
    """A direct quotation proposed as a `Statement`; `quote` is `text[start:end]`."""

    kind: Literal["statement"] = "statement"
    quote: NonEmpty
    speaker: ActorId | None = Field(description="Actor id; null when the text does not say")
    speaker_as_written: str | None = None
    speaker_evidence: str | None = Field(
        default=None, description="Why this speaker: the cue verb, pattern or pronoun chain"
    )
    mode: StatementMode = StatementMode.DIRECT
    occasion: NonEmpty
    date: dt.date
    date_precision: DatePrecision = DatePrecision.DAY
    date_evidence: str | None = Field(
        default=None, description="Why this date: the words that state it, or publication"
    )
    location: str | None = None
    subjects: list[ActorId] = Field(default_factory=list)
    issues: list[IssueId] = Field(default_factory=list)
    credibility: Credibility
    note: str | None = None


class DraftEvent(DraftCandidate):
    """A dated or placed event proposed as an `Event`; `evidence` is `text[start:end]`."""

    kind: Literal["event"] = "event"
    summary: NonEmpty
    evidence: NonEmpty
    actors: list[ActorId] = Field(default_factory=list)
    date: dt.date
    date_precision: DatePrecision = DatePrecision.DAY
    location: str | None = None
    subjects: list[ActorId] = Field(default_factory=list)
    issues: list[IssueId] = Field(default_factory=list)
    credibility: Credibility
    note: str | None = None


class DraftRole(Strict):
    """A post the text says someone took up or left (`took over as ... on 3 June`)."""

    title: NonEmpty
    organisation: str | None = Field(default=None, description="As the text names it")
    start: dt.date | None = None
    end: dt.date | None = Field(default=None, description="Exclusive: the role is over on it")
    date_precision: DatePrecision = DatePrecision.DAY
    evidence: NonEmpty = Field(description="The sentence that states it")


class DraftActor(Strict):
    """A person the registry does not know, proposed with the role the text gives."""

    id: ActorId
    accept: bool = False
    name: NonEmpty
    kind: ActorKind = ActorKind.PERSON
    role: str | None = Field(default=None, description="Role as the text states it")
    roles: list[DraftRole] = Field(
        default_factory=list, description="Dated roles the text states, with organisation"
    )
    start: Offset
    end: Offset


class DraftMention(Strict):
    actor: ActorId
    start: Offset
    end: Offset
    as_written: NonEmpty
    new: bool = Field(default=False, description="A proposed new actor, not in the registry")


class DraftFile(Strict):
    """`seeds/drafts/<source-id>.yaml`: what the extractor proposes, for review."""

    source: SourceId
    sha256: Sha256 = Field(description="sha256 of the text the offsets refer to")
    proposed_by: NonEmpty
    statements: list[DraftStatement] = Field(default_factory=list)
    events: list[DraftEvent] = Field(default_factory=list)
    new_actors: list[DraftActor] = Field(default_factory=list)
    mentions: list[DraftMention] = Field(default_factory=list)


class TemplateBudgets(Strict):
    """Budgets of one section render (`templates:` in `briefings/_workspace.yaml`):
    a template over either is a located error, never a hung or exhausted machine."""

    seconds: Annotated[float, Field(gt=0, le=3600)] = Field(
        default=30.0, description="Time one section's template may take to render"
    )
    output_chars: Annotated[int, Field(ge=10_000, le=100_000_000)] = Field(
        default=5_000_000,
        description="Longest text a section's template may build or print, in characters",
    )


# -------------------------------------------------------------- file kinds

FILE_KINDS: dict[str, type[BaseModel]] = {
    "source": Source,
    "actors": ActorsFile,
    "extracts": ExtractsFile,
    "issues": IssuesFile,
    "judgments": JudgmentsFile,
    "briefing": Briefing,
    "draft": DraftFile,
}
"""Schema name -> model. Files live in seeds/sources/, seeds/actors/,
seeds/extracts/, seeds/issues/, seeds/judgments/, seeds/drafts/ and briefings/."""
