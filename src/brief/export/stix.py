"""A brief as a STIX 2.1 bundle, built with the `stix2` library (OASIS's own).

- one `report` for the brief (name, period, marking), referring to every object;
- one `identity` per actor it shows (people `individual`, organisations,
  offices, missions and outlets `organization`, countries, regions and groups
  `group`), ids derived from the corpus ids so re-imports merge;
- one `note` per statement: the words (direct, or reported speech marked as
  such), speaker and role on the date, date and place, and every source as an
  external reference (outlet, title with its Admiralty grade for this
  statement, URL, the corpus source id);
- the marking: TLP labels as the standard TLP marking definitions (TLP:CLEAR
  is TLP 1.0's WHITE, the only one STIX 2.1 defines), any other marking as a
  statement marking, on every object.

Timestamps are the as-of date at 00:00 UTC: the brief knows dates, not times,
and the same inputs must give the same bytes.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from typing import Any

from brief.assemble.sections import ActorView, ExtractView, views_in
from brief.corpus import Corpus
from brief.export.assembled import ExportedBrief

NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "brief:stix")

IDENTITY_CLASS = {
    "person": "individual",
    "organisation": "organization",
    "mission": "organization",
    "office": "organization",
    "outlet": "organization",
    "country": "group",
    "region": "group",
    "group": "group",
}


def stix_id(kind: str, key: str) -> str:
    return f"{kind}--{uuid.uuid5(NAMESPACE, f'{kind}:{key}')}"


def _midnight(date: dt.date) -> dt.datetime:
    return dt.datetime.combine(date, dt.time(), tzinfo=dt.UTC)


def _marking(marking: str, created: dt.datetime) -> tuple[str, list[Any]]:
    """The marking definition id to put on every object, and the definition to ship (if any)."""
    import stix2

    standard = {
        "TLP:CLEAR": stix2.TLP_WHITE,
        "TLP:WHITE": stix2.TLP_WHITE,
        "TLP:GREEN": stix2.TLP_GREEN,
        "TLP:AMBER": stix2.TLP_AMBER,
        "TLP:RED": stix2.TLP_RED,
    }.get(marking.strip().upper())
    if standard is not None:
        return standard.id, [standard]
    definition = stix2.v21.MarkingDefinition(
        id=stix_id("marking-definition", marking),
        created=created,
        definition_type="statement",
        definition=stix2.v21.StatementMarking(statement=marking),
    )
    return definition.id, [definition]


def _statements(brief: ExportedBrief) -> list[ExtractView]:
    found = {v.id: v for v in views_in(brief.sections) if isinstance(v, ExtractView)}
    return sorted(
        (v for v in found.values() if v.kind == "statement"), key=lambda v: (v.date, v.id)
    )


def _actor_ids(brief: ExportedBrief, statements: list[ExtractView]) -> list[str]:
    ids = [brief.brief.subject_id]
    ids += [v.id for v in views_in(brief.sections) if isinstance(v, ActorView)]
    ids += [s.speaker_id for s in statements if s.speaker_id]
    return list(dict.fromkeys(ids))


def _references(brief: ExportedBrief, refs: list[Any]) -> list[Any]:
    import stix2

    sources = {source.id: source for source in brief.sources}
    out = []
    for ref in refs:
        source = sources[ref.source]
        extra = {"url": source.url} if source.url else {}
        out.append(
            stix2.v21.ExternalReference(
                source_name=source.outlet,
                description=f"{source.title} (graded {ref.grade})",
                external_id=source.id,
                **extra,
            )
        )
    return out


def _note_content(statement: ExtractView) -> str:
    who = statement.speaker or "Unknown speaker"
    if statement.speaker_role:
        who += f" ({statement.speaker_role})"
    when = statement.date_text + (f", {statement.location}" if statement.location else "")
    if statement.occasion:
        when += f", {statement.occasion}"
    words = f"“{statement.quote}”" if statement.direct else f"Reported: {statement.quote}"
    return f"{who}, {when}: {words}"


def stix_bundle(brief: ExportedBrief, corpus: Corpus) -> dict[str, Any]:
    import stix2

    view = brief.brief
    created = _midnight(view.as_of)
    marking_id, marking_objects = _marking(view.marking, created)
    common: dict[str, Any] = {
        "created": created,
        "modified": created,
        "object_marking_refs": [marking_id],
    }
    report_id = stix_id("report", f"{view.subject_id}:{view.since}:{view.as_of}:{view.marking}")
    identities = []
    for actor_id in _actor_ids(brief, _statements(brief)):
        actor = corpus.actors[actor_id]
        extra = {"description": actor.description} if actor.description else {}
        identities.append(
            stix2.v21.Identity(
                id=stix_id("identity", actor_id),
                name=actor.name,
                identity_class=IDENTITY_CLASS.get(actor.kind.value, "unknown"),
                **extra,
                **common,
            )
        )
    notes = []
    for statement in _statements(brief):
        refs = [report_id]
        if statement.speaker_id:
            refs.append(stix_id("identity", statement.speaker_id))
        notes.append(
            stix2.v21.Note(
                id=stix_id("note", statement.id),
                abstract=f"Statement by {statement.speaker or 'unknown speaker'}, "
                f"{statement.date_text}",
                content=_note_content(statement),
                object_refs=refs,
                external_references=_references(brief, statement.sources),
                **common,
            )
        )
    report = stix2.v21.Report(
        id=report_id,
        name=view.title,
        description=(
            f"{view.kind.capitalize()} brief on {view.subject}: information as of "
            f"{view.as_of_text}, period from {view.since_text}. Marking: {view.marking}."
        ),
        published=created,
        object_refs=[i.id for i in identities] + [n.id for n in notes],
        **common,
    )
    objects = [*marking_objects, report, *identities, *notes]
    bundle = stix2.v21.Bundle(
        objects=objects, id=stix_id("bundle", f"{report_id}:{brief.generator}")
    )
    data: dict[str, Any] = json.loads(bundle.serialize())
    return data
