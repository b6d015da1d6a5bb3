"""The assembled brief as one pydantic model: what `--to json` writes, and its schema."""

from __future__ import annotations

import datetime as dt
import json
from typing import Literal, cast

from pydantic import BaseModel, ConfigDict

from brief import __version__
from brief.assemble.sections import (
    Actors,
    Background,
    BriefView,
    Chronology,
    Gaps,
    Glossary,
    KeyJudgments,
    KeyStatements,
    Meetings,
    OpenIssues,
    Outlook,
    Positions,
    Sources,
    StatedPositions,
    Summary,
)
from brief.corpus import Corpus
from brief.corpus.models import Source

FORMAT_VERSION = 1
"""Bumped when a field changes meaning or goes away; new fields keep it."""

AnySection = (
    KeyJudgments
    | Actors
    | KeyStatements
    | OpenIssues
    | Outlook
    | Chronology
    | Sources
    | Positions
    | StatedPositions
    | Meetings
    | Summary
    | Background
    | Gaps
    | Glossary
)


class ExportedSource(BaseModel):
    """A source as the brief may show it: the corpus record without the workspace's
    file paths, and without an access date later than the as-of date."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str
    title: str
    outlet: str
    author: str | None
    url: str | None
    published: dt.date
    published_precision: str  # day, month, approximate (and year, range as the corpus has them)
    accessed: dt.date | None
    language: str
    kind: str
    reliability: str  # Admiralty A-F; each item's credibility is in its grade
    reliability_note: str
    summary: str | None
    sha256: str  # of the source text: the quotes are in it verbatim
    proposed_by: str | None

    published_end: dt.date | None = None  # last day of a date range, if the record has one

    @classmethod
    def of(cls, source: Source, as_of: dt.date) -> ExportedSource:
        # Field by field, not a dump of the record: a field the corpus model gains does not
        # change the export's format (and its schema) until it is added here on purpose.
        return cls(
            id=source.id,
            title=source.title,
            outlet=source.outlet,
            author=source.author,
            url=source.url,
            published=source.published,
            published_precision=str(source.published_precision.value),
            published_end=getattr(source, "published_end", None),
            accessed=source.accessed if source.accessed <= as_of else None,
            language=source.language,
            kind=source.kind.value,
            reliability=source.reliability.value,
            reliability_note=source.reliability_note,
            summary=source.summary,
            sha256=source.sha256,
            proposed_by=source.proposed_by,
        )


class ExportNote(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    number: int
    text: str


class ExportedBrief(BaseModel):
    """A brief as `brief export --to json` writes it."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    format: Literal["brief-export"] = "brief-export"
    version: int = FORMAT_VERSION
    generator: str
    brief: BriefView
    sections: list[AnySection]
    """In the order of the brief; every item carries its sources and their grades."""
    sources: list[ExportedSource]
    """The corpus record of every source the brief cites, in the order of its source list."""
    notes: list[ExportNote]
    """The footnotes as printed, numbered in reading order."""


def assembled(
    corpus: Corpus,
    subject: str,
    *,
    as_of: dt.date | None = None,
    since: dt.date | None = None,
    marking: str | None = None,
) -> ExportedBrief:
    from brief.api import build_document
    from brief.assemble.compose import assemble_sections, plan
    from brief.document import numbered_notes, plain_text

    the_plan = plan(corpus, subject, as_of=as_of, since=since, marking=marking)
    brief, sections = assemble_sections(corpus, the_plan)
    listed = next(s for s in sections if isinstance(s, Sources))
    document = build_document(corpus, subject, as_of=as_of, since=since, marking=marking)
    return ExportedBrief(
        generator=f"brief {__version__}",
        brief=brief,
        # Each is one of the exported kinds: pydantic validates it as such.
        sections=cast(list[AnySection], [s for s in sections if s.name in the_plan.sections]),
        sources=[ExportedSource.of(corpus.sources[v.id], the_plan.as_of) for v in listed.sources],
        notes=[
            ExportNote(number=n, text=plain_text(note.children).strip())
            for n, note in numbered_notes(document)
        ],
    )


def export_schema_bytes() -> bytes:
    """JSON Schema of the export (serialisation mode: what the file holds)."""
    schema = ExportedBrief.model_json_schema(mode="serialization")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "brief export --to json"
    return (json.dumps(schema, indent=2, sort_keys=True, ensure_ascii=False) + "\n").encode()
