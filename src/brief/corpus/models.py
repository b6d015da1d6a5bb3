"""The curated corpus: pydantic models for every YAML file an analyst edits.

One file kind, one top-level model (see `FILE_KINDS`); `brief schema`
exports each as JSON Schema into `schemas/` so editors validate and complete
the YAML. Models are strict and forbid unknown fields: a typo in a key is an
error, not silently ignored data.

No `from __future__ import annotations` here: pydantic would evaluate every
field annotation from its string as each model class is built (~15 M
instructions of each cold command); methods name their own class in quotes.
"""

import datetime as dt
import re
from enum import StrEnum
from typing import Annotated, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    GetCoreSchemaHandler,
    GetJsonSchemaHandler,
    StringConstraints,
    model_validator,
)
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import PydanticCustomError, core_schema

from brief.dates import PartialDate, Precision

ID_PATTERN = r"^[a-z0-9][a-z0-9-]*[a-z0-9]$"

Id = Annotated[str, StringConstraints(pattern=ID_PATTERN, max_length=80)]
"""A stable, lower-case, hyphenated identifier, e.g. `jane-roe`."""

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

    model_config = ConfigDict(
        extra="forbid", frozen=True, str_strip_whitespace=False, defer_build=True
    )


DatePrecision = Precision
"""How precisely a date is given: day, month, year, range (with its end) or approximate."""


def _date_end_problem(field: str, precision: Precision, day: dt.date, end: dt.date | None) -> None:
    """A range needs its end, after its start; only a range has one."""
    if precision == Precision.RANGE:
        if end is None:
            raise ValueError(f"{field}_end: a range needs its last day in '{field}_end'")
        if end <= day:
            raise ValueError(f"{field}_end: the range ends ({end}) before it starts ({day})")
    elif end is not None:
        raise ValueError(
            f"{field}_end: only a date with precision 'range' has an end "
            f"(this one's precision is '{precision}')"
        )


class Dated(BaseModel):
    """A record dated by `date` at `date_precision` (+ `date_end` for a range)."""

    model_config = ConfigDict(defer_build=True)

    date: dt.date = Field(
        description="The date; for precision month or year any day in it (e.g. 2024-10-01)"
    )
    date_precision: DatePrecision = DatePrecision.DAY
    date_end: dt.date | None = Field(
        default=None, description="Last day of a range (precision 'range' only)"
    )

    @property
    def when(self) -> PartialDate:
        """The days the date can mean; sort and cut off by `when.last`."""
        return PartialDate.of(self.date, self.date_precision, self.date_end)

    @model_validator(mode="after")
    def _range_has_its_end(self) -> "Dated":
        _date_end_problem("date", self.date_precision, self.date, self.date_end)
        return self


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
    outlet: NonEmpty = Field(description="Publisher or outlet, e.g. 'OSSU' or 'The Riverton Times'")
    author: str | None = None
    url: str | None = Field(default=None, description="Where the text was published, if known")
    published: dt.date
    published_precision: DatePrecision = DatePrecision.DAY
    published_end: dt.date | None = Field(
        default=None, description="Last day of a range (published_precision 'range' only)"
    )
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

    @property
    def published_when(self) -> PartialDate:
        return PartialDate.of(self.published, self.published_precision, self.published_end)

    @model_validator(mode="after")
    def _range_has_its_end(self) -> "Source":
        _date_end_problem("published", self.published_precision, self.published, self.published_end)
        return self


# ------------------------------------------------------------------- actors


class ActorKind(StrEnum):
    PERSON = "person"
    COUNTRY = "country"
    REGION = "region"  # e.g. the Southern Uplands: briefed like a country
    ORGANISATION = "organisation"
    MISSION = "mission"
    OFFICE = "office"  # e.g. an organisation's press office
    OUTLET = "outlet"  # a news outlet, when it speaks in its own voice
    GROUP = "group"  # e.g. the QUINT


class Role(Strict):
    """A post held, backed by the sources that establish it.

    `start`/`end` are the dates the sources establish, each with the source
    that gives it (`start_source`/`end_source`, and ideally its words in
    `start_evidence`/`end_evidence`); leave either out when no source gives
    it. `end` is exclusive: on `end` the role is over. Without an end a brief
    says when the role was last reported, never that it is held "on" a date.
    """

    title: NonEmpty
    organisation: ActorId | None = None
    start: dt.date | None = None
    start_precision: DatePrecision = DatePrecision.DAY
    start_source: SourceId | None = Field(default=None, description="The source giving `start`")
    start_evidence: NonEmpty | None = Field(
        default=None, description="Verbatim passage of `start_source` giving the start"
    )
    end: dt.date | None = None
    end_precision: DatePrecision = DatePrecision.DAY
    end_source: SourceId | None = Field(default=None, description="The source giving `end`")
    end_evidence: NonEmpty | None = Field(
        default=None, description="Verbatim passage of `end_source` giving the end"
    )
    acting: bool = Field(
        default=False, description="Held in an acting capacity; `start_evidence` must say so"
    )
    sources: list[SourceId] = Field(min_length=1)
    note: str | None = None

    @model_validator(mode="after")
    def _start_before_end(self) -> "Role":
        if self.start and self.end and self.end <= self.start:
            raise ValueError(f"end: role ends ({self.end}) before it starts ({self.start})")
        for field in ("start", "end"):
            if getattr(self, f"{field}_precision") == Precision.RANGE:
                raise ValueError(f"{field}_precision: a role's {field} is one date, not a range")
        return self

    @property
    def start_when(self) -> PartialDate | None:
        return PartialDate.of(self.start, self.start_precision) if self.start else None

    @property
    def end_when(self) -> PartialDate | None:
        return PartialDate.of(self.end, self.end_precision) if self.end else None

    def all_sources(self) -> list[SourceId]:
        """`sources` plus the start and end sources, once each, in that order."""
        return list(
            dict.fromkeys([*self.sources, *filter(None, [self.start_source, self.end_source])])
        )

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
    description: str | None = Field(
        default=None,
        description="Who or what it is; printed as the curator's note unless description_source",
    )
    description_source: SourceId | None = Field(
        default=None, description="The source supporting the description"
    )
    description_evidence: NonEmpty | None = Field(
        default=None, description="Verbatim passage of description_source supporting it"
    )
    abbreviation: str | None = Field(
        default=None, description="Abbreviation a brief may use, for its glossary (e.g. OSSU)"
    )
    expansion: str | None = Field(
        default=None, description="What the abbreviation stands for; default: the name"
    )
    roles: list[Role] = Field(default_factory=list)

    def glossary_entry(self) -> tuple[str, str] | None:
        """(abbreviation, expansion) for a brief's glossary, if it has one."""
        if not self.abbreviation:
            return None
        return (self.abbreviation, self.expansion or self.name)


class ActorsFile(Strict):
    actors: list[Actor]


# ----------------------------------------------------------------- extracts


class StatementMode(StrEnum):
    DIRECT = "direct"  # the speaker's own words, in quotation marks in the source
    INDIRECT = "indirect"  # reported speech: the source's words for what was said


class ExtractPart(StrEnum):
    """Where in its source an extract stands: only the body reports what happened then."""

    BODY = "body"  # the report itself
    CAPTION = "caption"  # a photo caption: undated, never an event of the day
    BACKGROUND = "background"  # the outlet's or release's background paragraph: context


class ExtractBase(Dated, Strict):
    id: ExtractId
    source: SourceId
    part: ExtractPart = Field(
        default=ExtractPart.BODY,
        description="body, caption or background; only the body enters a chronology",
    )
    location: str | None = Field(default=None, description="Place, e.g. 'Riverton, Norland'")
    subjects: list[ActorId] = Field(
        min_length=1, description="Countries, organisations and people the extract concerns"
    )
    issues: list[IssueId] = Field(default_factory=list)
    credibility: Credibility
    corroborated_by: list[ExtractId] = Field(
        default_factory=list,
        description="Extracts from other sources confirming it; credibility 1 needs one",
    )
    sic: list[NonEmpty] = Field(
        default_factory=list,
        description="Errors of the source in the quote or evidence, printed with [sic]",
    )
    note: str | None = Field(default=None, description="Analyst's note; never printed as fact")


class Statement(ExtractBase):
    """Who said what: `quote` is character-for-character in the source text."""

    kind: Literal["statement"] = "statement"
    speaker: ActorId
    quote: NonEmpty
    mode: StatementMode = StatementMode.DIRECT
    occasion: NonEmpty = Field(description="Occasion or venue, e.g. 'interview with N1'")
    reported_by: ActorId | None = Field(
        default=None,
        description="Whose account reported speech is, e.g. ossu-press-office (indirect only)",
    )
    refers_to: ActorId | None = Field(
        default=None,
        description=(
            "Who a pronoun means out of context: reported speech's leading 'He ...' "
            "prints as '[Roe] ...'; a quote's first he/she/they as 'he [Roe]'"
        ),
    )
    excerpt: NonEmpty | None = Field(
        default=None,
        description=(
            "What briefs print of a long quote: passages of `quote` in their order, "
            "joined by ' … ' (U+2026); the quote itself stays whole for the checks"
        ),
    )

    @model_validator(mode="after")
    def _paraphrase_fields(self) -> "Statement":
        if self.mode == StatementMode.DIRECT and self.reported_by is not None:
            raise ValueError("reported_by: only reported speech (mode: indirect) has it")
        return self


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


AnyExtract = Statement | Event | Fact
"""Any one extract, as code handles it."""

Extract = Annotated[AnyExtract, Field(discriminator="kind")]
"""An extract as read from YAML: its `kind` says which."""


class ExtractsFile(Strict):
    extracts: list[Extract]


# ------------------------------------------------------------------- issues


class IssueStatus(StrEnum):
    ACTIVE = "active"
    ESCALATING = "escalating"
    STALLED = "stalled"
    IMPROVING = "improving"
    RESOLVED = "resolved"


class StatusEntry(Dated, Strict):
    """The issue's status as assessed on `date`, on the extracts in `basis`."""

    status: IssueStatus
    assessment: NonEmpty = Field(description="The assessment in words, e.g. 'limited progress'")
    basis: list[ExtractId] = Field(min_length=1, description="Extracts it rests on")


class GlossaryEntry(Strict):
    abbreviation: NonEmpty
    expansion: NonEmpty


class OpenIssue(Strict):
    id: IssueId
    title: NonEmpty
    aliases: list[NonEmpty] = Field(default_factory=list)
    subjects: list[ActorId] = Field(min_length=1)
    status_history: list[StatusEntry] = Field(
        min_length=1, description="Dated, sourced assessments, oldest first"
    )
    summary: NonEmpty
    evidence: list[ExtractId] = Field(min_length=1)
    last_development: dt.date = Field(description="Date of the newest evidence extract")
    last_development_precision: DatePrecision = DatePrecision.DAY
    glossary: list[GlossaryEntry] = Field(
        default_factory=list, description="Abbreviations the issue brings (e.g. PfP)"
    )

    @property
    def last_development_when(self) -> PartialDate:
        return PartialDate.of(self.last_development, self.last_development_precision)

    def status_on(self, day: dt.date) -> StatusEntry | None:
        """The latest assessment known on `day` (its date's latest day not after it)."""
        known = [e for e in self.status_history if e.when.on_or_before(day)]
        return max(known, key=lambda e: e.when.key, default=None)


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
    confidence_basis: NonEmpty = Field(description="The basis in words: why this confidence")
    key_assumption: NonEmpty = Field(description="The assumption the judgment most depends on")
    horizon: NonEmpty = Field(description="Time horizon, e.g. 'through March 2025'")
    made: dt.date = Field(description="Date of the judgment; hidden from briefs cut off earlier")
    key: bool = Field(default=False, description="Also shown among the key judgments")
    basis: list[ExtractId] = Field(min_length=1)
    indicators: list[NonEmpty] = Field(
        min_length=1, description="What would change the view: at least one indicator"
    )

    @model_validator(mode="after")
    def _text_uses_its_term(self) -> "Judgment":
        # "almost certainly" uses "almost certain"
        term = re.escape(self.likelihood).replace(r"\ ", r"\s+")
        if not re.search(rf"\b{term}(?:ly)?\b", self.text, re.IGNORECASE):
            raise ValueError(f"text: must use its likelihood term '{self.likelihood}'")
        return self


class JudgmentsFile(Strict):
    judgments: list[Judgment]


# --------------------------------------------------------------- briefings


def _section_types() -> list[str]:
    # The section types are the assembly's registry (name -> builder, heading):
    # read when a briefing is validated, because the assembly is built on the
    # corpus and cannot be imported while the corpus is.
    from brief.assemble.registry import SECTIONS

    return list(SECTIONS)


def _known_section(name: str) -> str:
    names = _section_types()
    if name not in names:
        expected = ", ".join(repr(n) for n in names[:-1]) + f" or {names[-1]!r}"
        raise PydanticCustomError(
            "literal_error", "Input should be {expected}", {"expected": expected}
        )
    return name


class _SectionType:
    """A section name: a key of `brief.assemble.registry.SECTIONS`."""

    @classmethod
    def __get_pydantic_core_schema__(
        cls, source: object, handler: GetCoreSchemaHandler
    ) -> core_schema.CoreSchema:
        return core_schema.no_info_after_validator_function(_known_section, handler(str))

    @classmethod
    def __get_pydantic_json_schema__(
        cls, schema: core_schema.CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        return {"enum": _section_types(), "type": "string"}


SectionName = Annotated[str, _SectionType]

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
        default=5, description="Key statements shown: direct quotes on the subject's issues first"
    )
    actors: Annotated[int, Field(ge=1, le=500)] = Field(
        default=7,
        description="Key actors shown: the subject's own first, then the most active",
    )


class FrontMatter(Strict):
    """What an organisation prints on page 1: who issues the brief, its reference, a disclaimer."""

    issuing_unit: NonEmpty | None = Field(default=None, description="e.g. 'Southern Uplands desk'")
    reference: NonEmpty | None = Field(default=None, description="e.g. 'WB-2024-117'")
    disclaimer: NonEmpty | None = Field(
        default=None, description="One line, e.g. 'Open sources only; not an official position.'"
    )

    def over(self, base: "FrontMatter") -> "FrontMatter":
        """These settings, each unset one taken from `base`."""
        # Both are validated: validating the merge again would only build the model's
        # validator (pydantic's plugin loader, importlib.metadata) in every render.
        return FrontMatter.model_construct(
            **{name: getattr(self, name) or getattr(base, name) for name in type(self).model_fields}
        )


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


class DocxSettings(Strict):
    """Word house style of every brief (what `--reference-docx` gives one render)."""

    reference: NonEmpty | None = Field(
        default=None,
        description="A .docx under briefings/ (path relative to it, e.g. 'style/ours.docx') "
        "whose styles, page size, margins, header and footer the Word briefs take",
    )
    styles: dict[NonEmpty, NonEmpty] = Field(
        default_factory=dict,
        description="brief's style name -> the reference's, e.g. {'Heading 2': 'Org Heading 2'}",
    )


_HEX_COLOUR = r"^#[0-9a-fA-F]{6}$"


def _hex_colour(value: str) -> str:
    if not re.fullmatch(_HEX_COLOUR, value):
        raise ValueError("a colour is written #rrggbb, e.g. '#1f3a5f'")
    return value


HexColour = Annotated[
    str, AfterValidator(_hex_colour), Field(json_schema_extra={"pattern": _HEX_COLOUR})
]
Margin = Annotated[float, Field(ge=10, le=60)]
TopBottomMargin = Annotated[float, Field(ge=24, le=60)]  # room for the banner and header


class PdfMargins(Strict):
    """Page margins in millimetres (top and bottom hold the banners, header and footer)."""

    top: TopBottomMargin = 27.0
    bottom: TopBottomMargin = 27.0
    left: Margin = 25.0
    right: Margin = 25.0


class PdfColors(Strict):
    """Colours as #rrggbb."""

    headings: HexColour = Field(
        default="#1f3a5f", description="Title, headings, table header lines, quote bars"
    )
    rules: HexColour = Field(
        default="#9aa5b1", description="Header and footer rules, table rows, footnote rule"
    )
    banner: HexColour = Field(default="#1a1a1a", description="The marking banners")
    links: HexColour = Field(default="#1f4e8c", description="Web links")


class PdfFontFiles(Strict):
    """A font family as TrueType files under briefings/ (paths relative to it)."""

    regular: NonEmpty
    bold: NonEmpty | None = None
    italic: NonEmpty | None = None
    bold_italic: NonEmpty | None = None


class PdfSettings(Strict):
    """PDF theme of every brief and pack: page, fonts, colours, logo (defaults: today's look)."""

    page_size: Literal["A4", "Letter"] = "A4"
    margins: PdfMargins = Field(default_factory=PdfMargins)
    font: NonEmpty | None = Field(
        default=None,
        description="A font family installed from PyPI (a fontpkg-* package), "
        "e.g. 'IBM Plex Sans' (default: IBM Plex Serif)",
    )
    font_files: PdfFontFiles | None = Field(
        default=None, description="Or the family's .ttf/.otf files under briefings/ (not both)"
    )
    colors: PdfColors = Field(default_factory=PdfColors)
    logo: NonEmpty | None = Field(
        default=None, description="A PNG or JPEG under briefings/, printed at the top of page 1"
    )
    logo_width: Annotated[float, Field(ge=5, le=120)] = Field(
        default=30.0, description="The logo's width in millimetres"
    )
    logo_in_header: bool = Field(
        default=False, description="Also print the logo, 5 mm tall, in every page's header"
    )


class WorkspaceSettings(Strict):
    """`briefings/_workspace.yaml` (optional): settings for every brief of the workspace.

    One sub-model per concern; every field has a default, so a workspace
    without the file behaves as one with an empty file.
    """

    front_matter: FrontMatter = Field(default_factory=FrontMatter)
    templates: TemplateBudgets = Field(default_factory=TemplateBudgets)
    docx: DocxSettings = Field(default_factory=DocxSettings)
    pdf: PdfSettings = Field(default_factory=PdfSettings)


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
    front_matter: FrontMatter | None = Field(
        default=None, description="Overrides the workspace's front matter, field by field"
    )

    @model_validator(mode="after")
    def _marking_is_publishable(self) -> "Briefing":
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
    reported_by: ActorId | None = Field(
        default=None, description="Reported speech: whose account it is"
    )
    refers_to: ActorId | None = Field(
        default=None, description="Reported speech: who its leading 'He ...' means"
    )
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


# -------------------------------------------------------------- file kinds

FILE_KINDS: dict[str, type[BaseModel]] = {
    "source": Source,
    "actors": ActorsFile,
    "extracts": ExtractsFile,
    "issues": IssuesFile,
    "judgments": JudgmentsFile,
    "briefing": Briefing,
    "draft": DraftFile,
    "workspace": WorkspaceSettings,
}
"""Schema name -> model. Files live in seeds/sources/, seeds/actors/,
seeds/extracts/, seeds/issues/, seeds/judgments/, seeds/drafts/ and briefings/
(`briefings/_workspace.yaml` for the workspace settings)."""
