"""Draft extracts: propose (`brief extract`), review by hand, accept (`brief extract --accept`).

The draft lives in `seeds/drafts/<source-id>.yaml`, outside what the corpus
loads, so nothing in it reaches a brief until an analyst sets `accept: true`
and accepts (`brief.ingest.accept`).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from brief.confine import refusal
from brief.corpus import Corpus, load_corpus
from brief.corpus.models import (
    ActorKind,
    DatePrecision,
    DraftActor,
    DraftEvent,
    DraftFile,
    DraftMention,
    DraftRole,
    DraftStatement,
    Event,
    Source,
    Statement,
)
from brief.corpus.provenance import Span, verbatim_index
from brief.errors import InvalidInput, Problem
from brief.fsutil import atomic_write_bytes
from brief.ingest import tool_name, yamlio
from brief.ingest.boilerplate import boilerplate_spans
from brief.ingest.dates import StatedDate, date_of, find_dates, find_places, place_of
from brief.ingest.evidence import namesake_note, speaker_evidence, statement_date
from brief.ingest.extract import Extraction, extract
from brief.ingest.lexicon import alternation
from brief.ingest.quotes import Attributed, Quotation, paragraphs, sentence_end
from brief.ingest.roles import StatedRole, apposition_role, stated_roles

PLACE_KINDS = {"country", "region"}
_EVENT_VERB = re.compile(rf"\b(?:{alternation('event_verbs')})\b")
_OCCASION = re.compile(
    r"\b(?:(?:an?\s)?interview with (?:the\s)?[A-Z][\w.-]*(?:\s[A-Z][\w.-]*)?|"
    r"(?:a\s|joint\s|special\s)*press conference|news conference|in a statement|"
    r"press release|told reporters|on social media|on X|in a post)\b"
)


_DATELINE = re.compile(r"^[A-Z][A-Za-z .’'/-]{1,40},\s[^–—]{3,30}\s[–—-]\s")


def draft_path(root: Path, source_id: str) -> Path:
    return Path(root) / "seeds" / "drafts" / f"{source_id}.yaml"


@dataclass(frozen=True)
class _Reading:
    """One source as the extractor read it: what every candidate is built from."""

    source: Source
    text: str
    found: Extraction
    kinds: dict[str, str]  # actor id -> kind, proposed new people included
    names: dict[str, str]  # actor id -> name, proposed new people included
    quotations: list[Quotation]
    quote_spans: list[tuple[int, int]]
    dates: list[StatedDate]  # outside quotations
    places: list[tuple[int, str]]
    credibility: int
    lead: tuple[int, int]
    dateline: StatedDate | None

    @classmethod
    def of(cls, corpus: Corpus, source: Source, text: str) -> _Reading:
        found = extract(text, list(corpus.actors.values()), list(source.boilerplate))
        known_kinds = {a.id: a.kind.value for a in corpus.actors.values()}
        names = {p.id: p.name for p in found.new_people}
        quote_spans = [(q.quote.open_mark, q.quote.close_mark) for q in found.quotes]
        dates = [d for d in find_dates(text, source.published) if not _inside(d.start, quote_spans)]
        return cls(
            source=source,
            text=text,
            found=found,
            kinds={**{p.id: "person" for p in found.new_people}, **known_kinds},
            names=names | {a.id: a.name for a in corpus.actors.values()},
            quotations=[q.quote for q in found.quotes],
            quote_spans=quote_spans,
            dates=dates,
            places=_places(text, found, quote_spans),
            credibility=2 if source.reliability.value in {"A", "B"} else 3,
            lead=_lead(text),
            dateline=_dateline_date(text, dates),
        )


def build_draft(corpus: Corpus, source_id: str) -> DraftFile:
    """Propose statements, events, new actors and mentions for one source."""
    source = source_of(corpus, source_id)
    text = corpus.texts[source_id]
    reading = _Reading.of(corpus, source, text)
    found = reading.found
    curated = _Curated.of(corpus, source_id, text)
    statements = [
        _statement(reading, number, item)
        for number, item in enumerate(found.quotes, start=1)
        if not _overlaps(item.quote.start, item.quote.end, curated.quotes)  # already curated
    ]
    proposed = _events(reading)
    events = [
        event.model_copy(update={"id": _candidate_id(source_id, "e", number)})
        for number, event in enumerate((e for e in proposed if not curated.has_event(e)), 1)
    ]
    return DraftFile(
        source=source_id,
        sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
        proposed_by=tool_name(),
        statements=statements,
        events=events,
        new_actors=_new_actors(reading, corpus),
        mentions=[
            DraftMention(
                actor=m.actor, start=m.start, end=m.end, as_written=text[m.start : m.end], new=m.new
            )
            for m in found.mentions
        ],
    )


def _statement(reading: _Reading, number: int, item: Attributed) -> DraftStatement:
    """The candidate statement of one quotation: speaker, date, place, subjects, occasion."""
    text, source, found = reading.text, reading.source, reading.found
    start, end = item.quote.start, item.quote.end
    para_start = text.rfind("\n", 0, start) + 1
    day, precision, date_evidence = statement_date(
        text, item.quote, reading.quotations, reading.dates, source.published, reading.dateline
    )
    sentence = text[para_start : text.find("\n", end) if "\n" in text[end:] else len(text)]
    subjects = _subjects(item.speaker, found, para_start, para_start + len(sentence), reading.kinds)
    if len(subjects) <= 1:
        # The paragraph names no country: the article's lead sets the topic.
        lead_start, lead_end = reading.lead
        subjects = _subjects(item.speaker, found, lead_start, lead_end, reading.kinds) or subjects
    return DraftStatement(
        id=_candidate_id(source.id, "q", number),
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
        speaker_evidence=speaker_evidence(text, item, reading.names.get(item.speaker or ""))
        + namesake_note(text, item, found.mentions),
        occasion=_occasion(sentence, source),
        date=day,
        date_precision=precision,
        date_evidence=date_evidence,
        location=place_of(item.quote.open_mark, para_start, reading.places),
        subjects=subjects,
        credibility=reading.credibility,
        note=None
        if precision != "approximate" or day != source.published
        else "Date is the publication date: the text states none.",
    )


def _new_actors(reading: _Reading, corpus: Corpus) -> list[DraftActor]:
    """The people the text names that the registry lacks, with the roles it states."""
    found = reading.found
    roles = _dated_roles(reading.text, found, reading.source.published, reading.quotations)
    kinds_of_new = {m.actor: m.kind for m in found.mentions if m.new}
    actors = []
    for p in found.new_people:
        if p.id in corpus.actors:
            continue
        role, stated = p.role, roles.get(p.id, [])
        apposed = apposition_role(reading.text, p, reading.quotations)
        if apposed is not None:
            # The title alone, so that accepting records the role once, with its organisation.
            role = apposed.title
            if not any(r.title == apposed.title for r in stated):
                stated = [_draft_role(apposed), *stated]
        kind = ActorKind(kinds_of_new.get(p.id, ActorKind.PERSON))
        actors.append(
            DraftActor(
                id=p.id, name=p.name, kind=kind, role=role, roles=stated, start=p.start, end=p.end
            )
        )
    return actors


def _dateline_date(text: str, dates: list[StatedDate]) -> StatedDate | None:
    """The date of a dateline (`BRUSSELS, 2 October 2024 – ...`) opening the body."""
    for start, end in paragraphs(text)[:3]:
        match = _DATELINE.match(text[start:end])
        if match:
            return next((d for d in dates if start <= d.start < start + match.end()), None)
    return None


def _dated_roles(
    text: str, found: Extraction, published: dt.date, quotes: list[Quotation]
) -> dict[str, list[DraftRole]]:
    people = [m for m in found.mentions if m.kind == "person"]
    roles: dict[str, list[DraftRole]] = {}
    for role in stated_roles(text, people, find_dates(text, published), quotes):
        roles.setdefault(role.actor, []).append(_draft_role(role))
    return roles


def _undated_without_precision(data: dict[str, Any]) -> dict[str, Any]:
    """A role the text dates nowhere (`Mia Strand, director of ...`) shows no date
    precision: `day` there would claim a precision the text does not give."""
    for actor in data.get("new_actors", []):
        for role in actor.get("roles", []):
            if role.get("start") is None and role.get("end") is None:
                role.pop("date_precision", None)
    return data


def _draft_role(role: StatedRole) -> DraftRole:
    return DraftRole(
        title=role.title,
        organisation=role.organisation,
        start=role.start,
        end=role.end,
        date_precision=role.precision,
        evidence=role.evidence,
    )


@dataclass(frozen=True)
class _Curated:
    """What analysts already curated from a source, so that it is not proposed again."""

    quotes: list[Span]
    """Where the curated statements' quotes are in the text."""
    passages: list[Span]
    """Where every curated quote and piece of evidence is."""
    events: list[Event]

    @classmethod
    def of(cls, corpus: Corpus, source_id: str, text: str) -> _Curated:
        index = verbatim_index(text)
        quotes: list[Span] = []
        passages: list[Span] = []
        events: list[Event] = []
        for item in corpus.extracts.values():
            if item.source != source_id:
                continue
            if isinstance(item, Statement):
                quotes.extend(index.find_all(item.quote))
            else:
                passages.extend(index.find_all(item.evidence))
            if isinstance(item, Event):
                events.append(item)
        return cls(quotes, [*quotes, *passages], events)

    def has_event(self, event: DraftEvent) -> bool:
        """The same passage, or an event of the same day with the same people in it."""
        if _overlaps(event.start, event.end, self.passages):
            return True
        if event.date_precision == DatePrecision.APPROXIMATE:
            return False  # every undated event of the article shares the publication date
        ours = set(event.actors)
        return any(
            e.date == event.date
            and e.date_precision == event.date_precision
            and (set(e.actors) <= ours or ours <= set(e.actors))
            for e in self.events
        )


def _overlaps(start: int, end: int, spans: list[Span]) -> bool:
    return any(s < end and start < e for s, e in spans)


def source_of(corpus: Corpus, source_id: str) -> Source:
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


def _events(reading: _Reading) -> list[DraftEvent]:
    """Sentences outside quotations that say someone visited or met, with a date or place."""
    text = reading.text
    quotes = [Quotation(s, e, s, e) for s, e in reading.quote_spans]
    skip = [*reading.quote_spans, *boilerplate_spans(text, list(reading.source.boilerplate))]
    events: list[DraftEvent] = []
    for para_start, para_end in paragraphs(text):
        for start, end in _sentences(text, para_start, para_end, quotes):
            if _EVENT_VERB.search(text[start:end]) and not _overlaps(start, end, skip):
                event = _event(reading, start, end, len(events) + 1)
                if event is not None:
                    events.append(event)
    return events


def _sentences(
    text: str, start: int, para_end: int, quotes: list[Quotation]
) -> Iterator[tuple[int, int]]:
    """The sentences of the paragraph from `start` to `para_end`, as spans."""
    while start < para_end:
        end = sentence_end(text, start, para_end, quotes)
        yield start, end
        start = end
        while start < para_end and text[start].isspace():
            start += 1


def _event(reading: _Reading, start: int, end: int, number: int) -> DraftEvent | None:
    """The event the sentence from `start` to `end` reports, if it names who, and when or where."""
    text, found, kinds = reading.text, reading.found, reading.kinds
    stated = [d for d in reading.dates if start <= d.start < end]
    place = _event_place(text, start, end, reading.places, found, kinds)
    inside = [m for m in found.mentions if start <= m.start < end]
    actors = _unique(m.actor for m in inside if kinds.get(m.actor) not in PLACE_KINDS)
    if not actors or not (stated or place):
        return None
    day, precision = (
        (stated[0].date, stated[0].precision)
        if stated
        else date_of(start, reading.dates, reading.source.published)
    )
    sentence = text[start:end]
    lead = len(sentence) - len(sentence.lstrip())
    evidence = sentence.strip()
    return DraftEvent(
        id=_candidate_id(reading.source.id, "e", number),
        start=start + lead,
        end=start + lead + len(evidence),
        found_by="event verb with a stated date or place",
        summary=_DATELINE.sub("", evidence) or evidence,
        evidence=evidence,
        actors=actors,
        date=day,
        date_precision=precision,
        location=place,
        subjects=_unique([*actors, *(m.actor for m in inside if m.actor not in actors)]),
        credibility=reading.credibility,
    )


def _event_place(
    text: str,
    start: int,
    end: int,
    places: list[tuple[int, str]],
    found: Extraction,
    kinds: dict[str, str],
) -> str | None:
    """Where the sentence's event happened: the place its verb governs.

    "Roe, back from Riverton, met Doe in Lakeside": Lakeside, not the
    first place named. The place right after an event verb ("visited
    Norland", "met ... in Lakeside", up to the next event verb) wins;
    failing that, the nearest one before the verb ("In Brussels, X met Y").
    """
    sentence = text[start:end]
    verbs = [(start + m.start(), start + m.end()) for m in _EVENT_VERB.finditer(sentence)]
    objects = [
        (m.start, text[m.start : m.end])
        for m in found.mentions
        if start <= m.start < end and kinds.get(m.actor) in PLACE_KINDS
    ]
    for number, (_, verb_end) in enumerate(verbs):
        clause_end = verbs[number + 1][0] if number + 1 < len(verbs) else end
        governed = [(at, p) for at, p in places if verb_end <= at < clause_end]
        # The verb's own object: "visited Norland", "toured the Southern Uplands".
        governed += [
            (at, p)
            for at, p in objects
            if at >= verb_end and text[verb_end:at].strip() in {"", "the"}
        ]
        if governed:
            return min(governed)[1]
    before = verbs[0][0] if verbs else end
    return place_of(before, start, places)


def _unique(items: Iterable[str]) -> list[str]:
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
    data = yamlio.dump(_undated_without_precision(draft.model_dump(mode="python")), schema="draft")
    if os.path.lexists(path) and (why := refusal(Path(root), path)):
        raise InvalidInput(
            Problem(path.relative_to(root).as_posix(), message=f"{why}: remove it, then run again")
        )
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
