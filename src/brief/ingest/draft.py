"""Draft extracts: propose (`brief extract`), review by hand, accept (`brief extract --accept`).

The draft lives in `seeds/drafts/<source-id>.yaml`, outside what the corpus
loads, so nothing in it reaches a brief until an analyst sets `accept: true`
and accepts. Accepting runs the same validation as `brief validate` on the
workspace as it would be, and writes nothing unless that passes.
"""

from __future__ import annotations

import hashlib
import re
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError

from brief.corpus import Corpus, load_corpus
from brief.corpus.models import (
    DraftActor,
    DraftEvent,
    DraftFile,
    DraftMention,
    DraftStatement,
    Event,
    Source,
    Statement,
)
from brief.errors import InvalidInput, Problem
from brief.fsutil import atomic_write_bytes
from brief.ingest import tool_name, yamlio
from brief.ingest.dates import date_of, find_dates, find_places, place_of
from brief.ingest.extract import Extraction, extract
from brief.ingest.quotes import paragraphs

PLACE_KINDS = {"country", "region"}
_EVENT_VERB = re.compile(
    r"\b(?:visit(?:s|ed)?|paid a visit|met|meets|held|hosted|travell?ed|toured|attended|"
    r"signed|opened|launched|arrived|took place|chaired|addressed)\b"
)
_OCCASION = re.compile(
    r"\b(?:(?:an?\s)?interview with (?:the\s)?[A-Z][\w.-]*(?:\s[A-Z][\w.-]*)?|"
    r"(?:a\s|joint\s|special\s)*press conference|news conference|in a statement|"
    r"press release|told reporters|on social media|on X|in a post)\b"
)


_DATELINE = re.compile(r"^[A-Z][A-Za-z .’'/-]{1,40},\s[^–—]{3,30}\s[–—-]\s")


def draft_path(root: Path, source_id: str) -> Path:
    return Path(root) / "seeds" / "drafts" / f"{source_id}.yaml"


def build_draft(corpus: Corpus, source_id: str) -> DraftFile:
    """Propose statements, events, new actors and mentions for one source."""
    source = _source(corpus, source_id)
    text = corpus.texts[source_id]
    found = extract(text, list(corpus.actors.values()), list(source.boilerplate))
    curated = [
        (text.find(e.quote), len(e.quote))
        for e in corpus.extracts.values()
        if isinstance(e, Statement) and e.source == source_id
    ]
    known_kinds = {a.id: a.kind.value for a in corpus.actors.values()}
    kinds = {**{p.id: "person" for p in found.new_people}, **known_kinds}
    quote_spans = [(q.quote.open_mark, q.quote.close_mark) for q in found.quotes]
    dates = [d for d in find_dates(text, source.published) if not _inside(d.start, quote_spans)]
    places = _places(text, found, quote_spans)
    credibility = 2 if source.reliability.value in {"A", "B"} else 3
    lead = _lead(text)
    statements: list[DraftStatement] = []
    for number, item in enumerate(found.quotes, start=1):
        start, end = item.quote.start, item.quote.end
        if any(s <= start < s + n or start <= s < end for s, n in curated if s >= 0):
            continue  # already curated
        para_start = text.rfind("\n", 0, start) + 1
        day, precision = date_of(item.quote.open_mark, dates, source.published)
        sentence = text[para_start : text.find("\n", end) if "\n" in text[end:] else len(text)]
        subjects = _subjects(item.speaker, found, para_start, para_start + len(sentence), kinds)
        if len(subjects) <= 1:
            # The paragraph names no country: the article's lead sets the topic.
            subjects = _subjects(item.speaker, found, lead[0], lead[1], kinds) or subjects
        statements.append(
            DraftStatement(
                id=_candidate_id(source_id, "q", number),
                start=start,
                end=end,
                found_by=item.rule,
                quote=text[start:end],
                speaker=item.speaker,
                speaker_as_written=(
                    text[item.speaker_start : item.speaker_end]
                    if item.speaker_start is not None and item.speaker_end != item.speaker_start
                    else None
                ),
                occasion=_occasion(sentence, source),
                date=day,
                date_precision=precision,
                location=place_of(item.quote.open_mark, para_start, places),
                subjects=subjects,
                credibility=credibility,
                note=None
                if precision != "approximate" or day != source.published
                else "Date is the publication date: the text states none.",
            )
        )
    events = _events(text, source, found, quote_spans, dates, places, kinds, credibility)
    return DraftFile(
        source=source_id,
        sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
        proposed_by=tool_name(),
        statements=statements,
        events=events,
        new_actors=[
            DraftActor(id=p.id, name=p.name, role=p.role, start=p.start, end=p.end)
            for p in found.new_people
            if p.id not in corpus.actors
        ],
        mentions=[
            DraftMention(
                actor=m.actor, start=m.start, end=m.end, as_written=text[m.start : m.end], new=m.new
            )
            for m in found.mentions
        ],
    )


def _source(corpus: Corpus, source_id: str) -> Source:
    if source_id not in corpus.sources:
        known = ", ".join(sorted(corpus.sources)) or "none"
        raise InvalidInput(
            Problem(file="seeds/sources", message=f"no source '{source_id}' (known: {known})")
        )
    return corpus.sources[source_id]


def _inside(offset: int, spans: list[tuple[int, int]]) -> bool:
    return any(s <= offset <= e for s, e in spans)


def _places(
    text: str, found: Extraction, quote_spans: list[tuple[int, int]]
) -> list[tuple[int, str]]:
    not_place = [(m.start, m.end) for m in found.mentions if m.kind not in PLACE_KINDS]
    return [
        (at, place)
        for at, place in find_places(text, set())
        if not _inside(at, quote_spans) and not any(s <= at < e for s, e in not_place)
    ]


def _subjects(
    speaker: str | None, found: Extraction, start: int, end: int, kinds: dict[str, str]
) -> list[str]:
    subjects = [speaker] if speaker else []
    for mention in found.mentions:
        inside = start <= mention.start < end and mention.actor not in subjects
        if inside and kinds.get(mention.actor) in PLACE_KINDS:
            subjects.append(mention.actor)
    return subjects


def _lead(text: str) -> tuple[int, int]:
    """The first paragraph that is not a headline (a headline has no full stop)."""
    spans = paragraphs(text)
    for start, end in spans:
        if text[start:end].rstrip()[-1:] in '.!?”"»“’':
            return start, end
    return spans[0] if spans else (0, 0)


def _occasion(sentence: str, source: Source) -> str:
    match = _OCCASION.search(sentence)
    if match:
        return match.group(0).removeprefix("in ").strip()
    return f"as reported by {source.outlet}"


def _candidate_id(source_id: str, letter: str, number: int) -> str:
    return f"{source_id[:70].rstrip('-')}-{letter}{number:02d}"


def _events(
    text: str,
    source: Source,
    found: Extraction,
    quote_spans: list[tuple[int, int]],
    dates: list,
    places: list[tuple[int, str]],
    kinds: dict[str, str],
    credibility: int,
) -> list[DraftEvent]:
    """Sentences outside quotations that say someone visited or met, with a date or place."""
    from brief.ingest.quotes import Quotation, sentence_end

    quotes = [Quotation(s, e, s, e) for s, e in quote_spans]
    events: list[DraftEvent] = []
    skip = [(s, e) for s, e in quote_spans]
    for para_start, para_end in paragraphs(text):
        start = para_start
        while start < para_end:
            end = sentence_end(text, start, para_end, quotes)
            sentence = text[start:end]
            if (
                _EVENT_VERB.search(sentence)
                and not any(s < end and start < e for s, e in skip)
                and not any(b in sentence for b in source.boilerplate)
            ):
                stated = [d for d in dates if start <= d.start < end]
                place = place_of(end, start, places)
                actors = _unique(
                    m.actor
                    for m in found.mentions
                    if start <= m.start < end and kinds.get(m.actor) not in PLACE_KINDS
                )
                if actors and (stated or place):
                    day, precision = (
                        (stated[0].date, stated[0].precision)
                        if stated
                        else date_of(start, dates, source.published)
                    )
                    lead = len(sentence) - len(sentence.lstrip())
                    evidence = sentence.strip()
                    subjects = _unique(
                        [
                            *actors,
                            *(
                                m.actor
                                for m in found.mentions
                                if start <= m.start < end and m.actor not in actors
                            ),
                        ]
                    )
                    events.append(
                        DraftEvent(
                            id=_candidate_id(source.id, "e", len(events) + 1),
                            start=start + lead,
                            end=start + lead + len(evidence),
                            found_by="event verb with a stated date or place",
                            summary=_DATELINE.sub("", evidence) or evidence,
                            evidence=evidence,
                            actors=actors,
                            date=day,
                            date_precision=precision,
                            location=place,
                            subjects=subjects,
                            credibility=credibility,
                        )
                    )
            start = end
            while start < para_end and text[start].isspace():
                start += 1
    return events


def _unique(items) -> list[str]:
    seen: list[str] = []
    for item in items:
        if item not in seen:
            seen.append(item)
    return seen


def write_draft(root: Path, source_id: str, *, force: bool = False) -> tuple[Path, DraftFile]:
    """Write the draft; an existing draft that differs (review under way) needs `force`."""
    corpus = load_corpus(Path(root))
    draft = build_draft(corpus, source_id)
    path = draft_path(root, source_id)
    data = yamlio.dump(draft.model_dump(mode="python"), schema="draft")
    if path.exists() and not force and path.read_bytes() != data:
        raise InvalidInput(
            Problem(
                path.relative_to(root).as_posix(),
                message="a draft under review exists: accept it (--accept), or replace it "
                "and lose its edits (--force)",
            )
        )
    atomic_write_bytes(path, data)
    return path, draft


# ------------------------------------------------------------------ accept


@dataclass
class Accepted:
    statements: int
    events: int
    actors: int
    extracts_file: Path
    remaining: int


def read_draft(path: Path) -> DraftFile:
    data = yamlio.load(path)
    try:
        return DraftFile.model_validate(data)
    except ValidationError as exc:
        raise InvalidInput(
            [
                Problem(
                    file=str(path),
                    field=".".join(str(p) for p in error["loc"]),
                    message=error["msg"],
                )
                for error in exc.errors()
            ]
        ) from exc


def accept_draft(root: Path, source_id: str) -> Accepted:
    """Move the accepted candidates into the corpus, after validating the result."""
    root = Path(root)
    path = draft_path(root, source_id)
    rel = path.relative_to(root).as_posix()
    draft = read_draft(path)
    corpus = load_corpus(root)
    source = _source(corpus, source_id)
    text = corpus.texts[source_id]
    problems = _check(draft, text, rel, source)
    new_actors = [a for a in draft.new_actors if a.accept]
    known = set(corpus.actors) | {a.id for a in new_actors}
    extracts: list[Statement | Event] = []
    note = f"Proposed by {draft.proposed_by}; reviewed and accepted by an analyst."
    for index, item in enumerate(draft.statements):
        if not item.accept:
            continue
        if item.speaker is None:
            problems.append(Problem(rel, field=f"statements.{index}.speaker", message="not set"))
            continue
        subjects = item.subjects or [item.speaker]
        try:
            extracts.append(
                Statement(
                    id=item.id, source=source_id, date=item.date,
                    date_precision=item.date_precision, location=item.location,
                    subjects=subjects, issues=item.issues, credibility=item.credibility,
                    note=item.note or note, speaker=item.speaker, quote=item.quote,
                    mode=item.mode, occasion=item.occasion,
                )
            )  # fmt: skip
        except ValidationError as exc:
            problems.extend(_problems(rel, f"statements.{index}", exc))
        problems.extend(_unknown(rel, f"statements.{index}", [item.speaker, *subjects], known))
    for index, item in enumerate(draft.events):
        if not item.accept:
            continue
        try:
            extracts.append(
                Event(
                    id=item.id, source=source_id, date=item.date,
                    date_precision=item.date_precision, location=item.location,
                    subjects=item.subjects or item.actors, issues=item.issues,
                    credibility=item.credibility, note=item.note or note,
                    summary=item.summary, actors=item.actors, evidence=item.evidence,
                )
            )  # fmt: skip
        except ValidationError as exc:
            problems.extend(_problems(rel, f"events.{index}", exc))
        problems.extend(_unknown(rel, f"events.{index}", [*item.actors, *item.subjects], known))
    for extract_ in extracts:
        if extract_.id in corpus.extracts:
            problems.append(
                Problem(rel, field=extract_.id, message="an extract with this id already exists")
            )
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
    remaining = draft.model_copy(
        update={
            "statements": [s for s in draft.statements if not s.accept],
            "events": [e for e in draft.events if not e.accept],
            "new_actors": [a for a in draft.new_actors if not a.accept],
        }
    )
    left = len(remaining.statements) + len(remaining.events) + len(remaining.new_actors)
    atomic_write_bytes(path, yamlio.dump(remaining.model_dump(mode="python"), schema="draft"))
    return Accepted(
        statements=sum(isinstance(e, Statement) for e in extracts),
        events=sum(isinstance(e, Event) for e in extracts),
        actors=len(new_actors),
        extracts_file=root / "seeds" / "extracts" / f"{source_id}.yaml",
        remaining=left,
    )


def _check(draft: DraftFile, text: str, rel: str, source: Source) -> list[Problem]:
    problems: list[Problem] = []
    if draft.source != source.id:
        problems.append(Problem(rel, field="source", message=f"is not '{source.id}'"))
    for group, items in (("statements", draft.statements), ("events", draft.events)):
        for index, item in enumerate(items):
            if not item.accept:
                continue
            words = item.quote if isinstance(item, DraftStatement) else item.evidence
            if words not in text:
                problems.append(
                    Problem(
                        rel,
                        field=f"{group}.{index}",
                        message="not character-for-character in the source text",
                    )
                )
            elif any(words in b or b in words for b in source.boilerplate):
                problems.append(
                    Problem(rel, field=f"{group}.{index}", message="is site boilerplate")
                )
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
    existing = root / extracts_rel
    old = b""
    if existing.exists():
        old = existing.read_bytes()
    body = yamlio.dump({"extracts": [_record(e) for e in extracts]}).decode("utf-8")
    if old.strip():
        # Append items to the analyst's file, keeping its comments and layout.
        items = body.split("\n", 1)[1]
        files[extracts_rel] = old.rstrip(b"\n") + b"\n" + items.encode("utf-8")
        if b"extracts: []" in old:
            files[extracts_rel] = old.replace(b"extracts: []", b"extracts:") + items.encode()
    else:
        files[extracts_rel] = (
            "# yaml-language-server: $schema=../../schemas/extracts.schema.json\n" + body
        ).encode("utf-8")
    if actors:
        actors_rel = f"seeds/actors/from-{source_id[:70]}.yaml"
        records = []
        for actor in actors:
            record: dict = {"id": actor.id, "name": actor.name, "kind": actor.kind.value}
            if actor.role:
                record["roles"] = [{"title": actor.role, "sources": [source_id]}]
            records.append(record)
        previous = root / actors_rel
        if previous.exists():
            data = yamlio.load(previous) or {}
            records = [*data.get("actors", []), *records]
        files[actors_rel] = yamlio.dump({"actors": records}, schema="actors")
    source_rel = f"seeds/sources/{source_id}.yaml"
    files[source_rel] = _with_proposed_by((root / source_rel).read_bytes(), proposed_by)
    return files


def _record(extract_: Statement | Event) -> dict:
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
            raise InvalidInput(
                [
                    Problem(p.file.replace(str(copy) + "/", ""), p.line, p.column, p.field,
                            p.message)
                    for p in exc.problems
                ]
            ) from exc  # fmt: skip
