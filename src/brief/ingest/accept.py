"""`brief extract --accept`: move reviewed candidates of a draft into the corpus.

Accepting checks the accepted items, then loads the workspace as it would
be, with the same validation as `brief validate`, in a scratch copy; only
when that passes are the files written (each atomically). Accepted items
leave the draft; the rest wait for review.
"""

from __future__ import annotations

import re
import shutil
import tempfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from brief.confine import RefusedFile, read_input
from brief.corpus import load_corpus
from brief.corpus.load import load_model_file, schema_line
from brief.corpus.models import (
    DraftActor,
    DraftEvent,
    DraftFile,
    DraftRole,
    DraftStatement,
    Event,
    Source,
    Statement,
)
from brief.corpus.provenance import find_verbatim
from brief.errors import InvalidInput, Problem
from brief.fsutil import atomic_write_bytes
from brief.ingest import yamlio
from brief.ingest.append import CannotAppend, append_records
from brief.ingest.boilerplate import boilerplate_spans
from brief.ingest.draft import draft_path, source_of


@dataclass
class Accepted:
    statements: int
    events: int
    actors: int
    extracts_file: Path
    remaining: int


def read_draft(root: Path, path: Path) -> DraftFile:
    """The reviewed draft, its errors located as `brief validate` locates them."""
    rel = path.relative_to(root).as_posix()
    try:
        raw = read_input(root, path)
    except RefusedFile as refused:
        why = str(refused)
        if why == "not found":
            why = f"no draft: run `brief extract {path.stem}` first"
        raise InvalidInput(Problem(rel, message=why)) from None
    return load_model_file(rel, raw, DraftFile)


def accept_draft(root: Path, source_id: str) -> Accepted:
    """Move the accepted candidates into the corpus, after validating the result."""
    root = Path(root)
    path = draft_path(root, source_id)
    rel = path.relative_to(root).as_posix()
    corpus = load_corpus(root)
    source = source_of(corpus, source_id)
    draft = read_draft(root, path)
    problems = _check(draft, corpus.texts[source_id], rel, source)
    new_actors = [a for a in draft.new_actors if a.accept]
    known = set(corpus.actors) | {a.id for a in new_actors}
    extracts = _extracts(draft, source_id, rel, known, problems)
    problems += [
        Problem(rel, field=e.id, message="an extract with this id already exists")
        for e in extracts
        if e.id in corpus.extracts
    ]
    if problems:
        raise InvalidInput(problems)
    if not extracts and not new_actors:
        raise InvalidInput(
            Problem(rel, message="nothing to accept: set `accept: true` on the items to keep")
        )
    files = _new_files(root, source_id, source, extracts, new_actors, draft.proposed_by)
    _validate_as_written(root, files)
    for file, data in files.items():
        atomic_write_bytes(root / file, data)
    left = _write_remaining(path, draft)
    return Accepted(
        statements=sum(isinstance(e, Statement) for e in extracts),
        events=sum(isinstance(e, Event) for e in extracts),
        actors=len(new_actors),
        extracts_file=root / "seeds" / "extracts" / f"{source_id}.yaml",
        remaining=left,
    )


def _extracts(
    draft: DraftFile, source_id: str, rel: str, known: set[str], problems: list[Problem]
) -> list[Statement | Event]:
    """The accepted candidates as corpus extracts; what is wrong with them goes to `problems`."""
    note = f"Proposed by {draft.proposed_by}; reviewed and accepted by an analyst."
    extracts: list[Statement | Event] = []
    for where, item in _accepted(draft):
        if isinstance(item, DraftStatement) and item.speaker is None:
            problems.append(Problem(rel, field=f"{where}.speaker", message="not set"))
            continue
        try:
            extracts.append(_extract(item, source_id, note))
        except ValidationError as exc:
            problems.extend(_problems(rel, where, exc))
        problems.extend(_unknown(rel, where, _actors_named(item), known))
    return extracts


def _accepted(draft: DraftFile) -> Iterator[tuple[str, DraftStatement | DraftEvent]]:
    """(where in the draft, item) for each candidate the analyst accepted: `statements.2`."""
    groups: tuple[tuple[str, Sequence[DraftStatement | DraftEvent]], ...] = (
        ("statements", draft.statements),
        ("events", draft.events),
    )
    for group, items in groups:
        for index, item in enumerate(items):
            if item.accept:
                yield f"{group}.{index}", item


def _extract(item: DraftStatement | DraftEvent, source_id: str, note: str) -> Statement | Event:
    """The corpus extract a candidate proposes: every field the two models share, the
    source, the analyst's note (else who proposed it) and who it concerns (else its
    speaker or actors)."""
    model: type[Statement | Event] = Statement if isinstance(item, DraftStatement) else Event
    shared = item.model_dump(include=set(model.model_fields) & set(type(item).model_fields))
    shared.update(
        source=source_id,
        note=item.note or note,
        subjects=item.subjects or _default_subjects(item),
    )
    return model(**shared)


def _default_subjects(item: DraftStatement | DraftEvent) -> list[str]:
    if isinstance(item, DraftStatement):
        return [item.speaker] if item.speaker else []
    return list(item.actors)


def _actors_named(item: DraftStatement | DraftEvent) -> list[str]:
    """The actor ids a candidate names, each to be in the registry (or accepted with it)."""
    if isinstance(item, DraftStatement):
        speaker = item.speaker
        return [speaker, *(item.subjects or [speaker])] if speaker else list(item.subjects)
    return [*item.actors, *item.subjects]


def _write_remaining(path: Path, draft: DraftFile) -> int:
    """The draft without its accepted items, written back; how many items it still holds."""
    remaining = draft.model_copy(
        update={
            "statements": [s for s in draft.statements if not s.accept],
            "events": [e for e in draft.events if not e.accept],
            "new_actors": [a for a in draft.new_actors if not a.accept],
        }
    )
    atomic_write_bytes(path, yamlio.dump(remaining.model_dump(mode="python"), schema="draft"))
    return len(remaining.statements) + len(remaining.events) + len(remaining.new_actors)


def _check(draft: DraftFile, text: str, rel: str, source: Source) -> list[Problem]:
    problems: list[Problem] = []
    boilerplate = boilerplate_spans(text, list(source.boilerplate))
    if draft.source != source.id:
        problems.append(Problem(rel, field="source", message=f"is not '{source.id}'"))
    for where, item in _accepted(draft):
        words = item.quote if isinstance(item, DraftStatement) else item.evidence
        span = find_verbatim(text, words)
        if span is None:
            message = "not character-for-character in the source text"
            problems.append(Problem(rel, field=where, message=message))
        elif any(s < span[1] and span[0] < e for s, e in boilerplate):
            problems.append(Problem(rel, field=where, message="is site boilerplate"))
    return problems


def _unknown(rel: str, where: str, ids: list[str], known: set[str]) -> list[Problem]:
    return [
        Problem(
            rel,
            field=where,
            message=f"unknown actor '{actor}': add it to seeds/actors or accept it in new_actors",
        )
        for actor in dict.fromkeys(ids)
        if actor not in known
    ]


def _problems(rel: str, where: str, exc: ValidationError) -> list[Problem]:
    return [
        Problem(
            rel,
            field=".".join([where, *(str(p) for p in error["loc"])]),
            message=error["msg"],
        )
        for error in exc.errors()
    ]


def _new_files(
    root: Path,
    source_id: str,
    source: Source,
    extracts: list[Statement | Event],
    actors: list[DraftActor],
    proposed_by: str,
) -> dict[str, bytes]:
    """Relative path -> new bytes of every file accepting changes."""
    files: dict[str, bytes] = {}
    extracts_rel = f"seeds/extracts/{source_id}.yaml"
    files[extracts_rel] = _appended(
        root, extracts_rel, "extracts", [_record(e) for e in extracts], "extracts"
    )
    if actors:
        actors_rel = f"seeds/actors/from-{source_id[:70]}.yaml"
        records = []
        for actor in actors:
            record: dict[str, Any] = {"id": actor.id, "name": actor.name, "kind": actor.kind.value}
            roles = [_role(role, source_id) for role in actor.roles]
            if actor.role and not any(r["title"] == actor.role for r in roles):
                roles.insert(0, {"title": actor.role, "sources": [source_id]})
            if roles:
                record["roles"] = roles
            records.append(record)
        files[actors_rel] = _appended(root, actors_rel, "actors", records, "actors")
    source_rel = f"seeds/sources/{source_id}.yaml"
    files[source_rel] = _with_proposed_by((root / source_rel).read_bytes(), proposed_by)
    return files


def _role(role: DraftRole, source_id: str) -> dict[str, Any]:
    """A dated role as the corpus records it; the organisation as written goes in the note."""
    record: dict[str, Any] = {"title": role.title}
    for key in ("start", "end"):
        if getattr(role, key) is not None:
            record[key] = getattr(role, key)
    record["sources"] = [source_id]
    if role.organisation:
        record["note"] = f"Organisation as the source names it: {role.organisation}"
    return record


def _appended(root: Path, rel: str, key: str, records: list[dict[str, Any]], schema: str) -> bytes:
    """The file at `rel` with `records` added to its list, its own text kept as written."""
    path = root / rel
    old = path.read_text(encoding="utf-8") if path.exists() else ""
    header = f"{schema_line(root, path, schema)}\n"
    try:
        return append_records(old, key, records, header).encode("utf-8")
    except CannotAppend as error:
        raise InvalidInput(
            Problem(rel, message=f"cannot add the accepted items: {error}; nothing was written")
        ) from None


def _record(extract_: Statement | Event) -> dict[str, Any]:
    data = extract_.model_dump(mode="python", exclude_defaults=True)
    return {"id": data.pop("id"), "kind": extract_.kind, **data}


def _with_proposed_by(raw: bytes, proposed_by: str) -> bytes:
    """The source record saying which tool proposed content, edited in place."""
    text = raw.decode("utf-8")
    line = f"proposed_by: {proposed_by}"
    if re.search(r"(?m)^proposed_by:.*$", text):
        text = re.sub(r"(?m)^proposed_by:.*$", line, text)
    else:
        text = text.rstrip("\n") + "\n" + line + "\n"
    return text.encode("utf-8")


def _validate_as_written(root: Path, files: dict[str, bytes]) -> None:
    """Load the workspace with `files` in place, in a scratch copy: same checks as validate."""
    with tempfile.TemporaryDirectory(prefix="brief-accept-") as scratch:
        copy = Path(scratch) / "ws"
        copy.mkdir()
        for folder in ("seeds", "briefings"):
            if (root / folder).is_dir():
                shutil.copytree(root / folder, copy / folder)
        for file, data in files.items():
            (copy / file).parent.mkdir(parents=True, exist_ok=True)
            (copy / file).write_bytes(data)
        try:
            load_corpus(copy)
        except ValidationError as exc:
            raise InvalidInput(_problems("seeds", "", exc)) from exc
        except InvalidInput as exc:
            raise InvalidInput([_as_written(p, str(copy), files) for p in exc.problems]) from exc


def _as_written(problem: Problem, scratch: str, files: dict[str, bytes]) -> Problem:
    """A problem of the scratch copy, named by workspace path; said to be in the
    would-be file when accepting wrote it (the real file is unchanged)."""
    rel = problem.file.replace(scratch + "/", "")
    message = problem.message
    if rel in files:
        message += " (in the file as accepting would write it; nothing was written)"
    return Problem(rel, problem.line, problem.column, problem.field, message)
