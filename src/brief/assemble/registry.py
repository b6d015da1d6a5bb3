"""The section types a brief can hold: name -> builder, heading, build stage.

A section type is one `SectionType` entry in `SECTIONS` plus a template
`templates/<name>.md.j2` (built in, under `brief/resources/`, or a
workspace's own, under `briefings/`). A briefing lists it in `sections:`;
to print it in every brief of a kind, add its name to `DEFAULT_SECTIONS`.
The builder gets the `Assembly` (every selection helper: `window()`,
`statements()`, `judgments()`, ...), the section's name and heading, and the
sections built before it; it returns a `Section` model, which the template
prints as `section`.

Entries hold functions, not `Assembly` methods, so that the assembler can
read headings here without this module importing the assembler.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from brief.assemble import extras
from brief.assemble.sections import (
    Actors,
    Background,
    Chronology,
    ExtractView,
    KeyJudgments,
    Meetings,
    OpenIssues,
    Outlook,
    Positions,
    Section,
    StatedPositions,
)

if TYPE_CHECKING:
    from brief.assemble.assembler import Assembly

Builder = Callable[["Assembly", str, str, list[Section]], Section]
"""(assembly, name, heading, sections built so far) -> the section's model."""


@dataclass(frozen=True)
class SectionType:
    heading: str
    build: Builder
    # Events and facts this section prints in full (their home: other sections
    # refer to it). Homes are given in registry order, the first one wins.
    homes: Callable[[Assembly], list[ExtractView]] | None = None
    # 0: built in print order. Higher: built after the others, in this order,
    # because the section covers what they cite (the summary, printed first,
    # refers to all of them, so it is built last).
    stage: int = 0


def _summary(a: Assembly, name: str, heading: str, built: list[Section]) -> Section:
    if "key_judgments" not in a.sections:  # the summary holds them then
        heading = "Summary and key judgments"
    return extras.summary(a, name, heading, built)


def _key_judgments(a: Assembly, name: str, heading: str, built: list[Section]) -> Section:
    judgments = [j for j in a.judgments() if j.key]
    return KeyJudgments(
        name=name, heading=heading, judgments=judgments, in_summary="summary" in a.sections
    )


def _actors(a: Assembly, name: str, heading: str, built: list[Section]) -> Section:
    actors = a.actors()
    return Actors(name=name, heading=heading, actors=actors[: a.limits.actors], total=len(actors))


def _outlook(a: Assembly, name: str, heading: str, built: list[Section]) -> Section:
    # Key judgments are printed once: in their section, else in the summary.
    judgments = [j for j in a.judgments() if j.id not in a.key_shown()]
    return Outlook(name=name, heading=heading, judgments=judgments)


def _chronology(a: Assembly, name: str, heading: str, built: list[Section]) -> Section:
    events = [a.placing.placed(v, heading) for v in a.chronology_views()]
    # A fact a printed statement tells in the speaker's words is that statement's.
    events = [e for e in events if e.kind != "statement"]
    return Chronology(name=name, heading=heading, events=events)


def _meetings(a: Assembly, name: str, heading: str, built: list[Section]) -> Section:
    events = [a.placing.placed(v, heading) for v in a.meeting_views()]
    return Meetings(name=name, heading=heading, events=events)


def _background(a: Assembly, name: str, heading: str, built: list[Section]) -> Section:
    facts = [a.placing.placed(v, heading) for v in a.background_views()]
    return Background(name=name, heading=heading, facts=facts)


def _key_statements(a: Assembly, name: str, heading: str, built: list[Section]) -> Section:
    return a.key_statements(name, heading)


def _open_issues(a: Assembly, name: str, heading: str, built: list[Section]) -> Section:
    return OpenIssues(name=name, heading=heading, issues=a.open_issues())


def _positions(a: Assembly, name: str, heading: str, built: list[Section]) -> Section:
    return Positions(name=name, heading=heading, roles=a.positions())


def _stated_positions(a: Assembly, name: str, heading: str, built: list[Section]) -> Section:
    return StatedPositions(name=name, heading=heading, groups=a.stated_positions())


def _sources(a: Assembly, name: str, heading: str, built: list[Section]) -> Section:
    return a.sources(name, heading, built)


def _chronology_homes(a: Assembly) -> list[ExtractView]:
    return a.chronology_views()


def _meeting_homes(a: Assembly) -> list[ExtractView]:
    return a.meeting_views()


def _background_homes(a: Assembly) -> list[ExtractView]:
    return a.background_views()


SECTIONS: dict[str, SectionType] = {
    "summary": SectionType("Summary", _summary, stage=4),
    "key_judgments": SectionType("Key judgments", _key_judgments),
    "actors": SectionType("Key actors", _actors),
    "key_statements": SectionType("Key statements", _key_statements),
    "open_issues": SectionType("Open issues", _open_issues),
    "outlook": SectionType("Outlook", _outlook),
    "chronology": SectionType("Chronology", _chronology, homes=_chronology_homes),
    "sources": SectionType("Sources", _sources, stage=3),
    "positions": SectionType("Positions held", _positions),
    "stated_positions": SectionType("Stated positions", _stated_positions),
    "meetings": SectionType("Meetings and travel", _meetings, homes=_meeting_homes),
    "background": SectionType("Background", _background, homes=_background_homes),
    "gaps": SectionType("Gaps in the reporting", extras.gaps, stage=2),
    "glossary": SectionType("Abbreviations", extras.glossary, stage=1),
}
"""Every section type, by the name briefings list it under."""

DEFAULT_SECTIONS: dict[str, tuple[str, ...]] = {
    "country": (
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
    ),
    "person": (
        "summary",
        "positions",
        "stated_positions",
        "meetings",
        "outlook",
        "gaps",
        "glossary",
        "sources",
    ),
}
"""A brief's sections, in print order, where its briefing lists none."""


def heading(name: str) -> str:
    return SECTIONS[name].heading


def build_order(names: tuple[str, ...]) -> list[str]:
    """`names` in the order to build them: by stage, then in print order.

    The sources are always built: the document's metadata counts them.
    """
    wanted = [*names, *(["sources"] if "sources" not in names else [])]
    return sorted(wanted, key=lambda n: SECTIONS[n].stage)
