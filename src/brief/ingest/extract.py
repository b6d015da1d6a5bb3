"""The extractor: source text + actor registry -> candidate statements, mentions, new people."""

from __future__ import annotations

from dataclasses import dataclass, field

from brief.corpus.models import Actor
from brief.ingest.attribution import attribute
from brief.ingest.boilerplate import boilerplate_spans
from brief.ingest.mentions import (
    ActorIndex,
    Mention,
    NewActor,
    find_mentions,
    find_nested,
    find_new_people,
    registry_words,
    with_namesakes,
    without_other_names,
)
from brief.ingest.names import NameBook
from brief.ingest.quotes import Attributed, find_quotations
from brief.ingest.ranker import ModelRanker, Ranker
from brief.ingest.speakers import Resolver
from brief.ingest.transcripts import attribute_transcript, transcript_lines


@dataclass
class Extraction:
    quotes: list[Attributed] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    new_people: list[NewActor] = field(default_factory=list)


def extract(
    text: str, actors: list[Actor], boilerplate: list[str], ranker: Ranker | None = None
) -> Extraction:
    """Quotes with their speakers, mentions and new people; `ranker` chooses among
    candidates for quotes no rule attributes (the shipped model when not given)."""
    ranker = ranker if ranker is not None else ModelRanker()
    skip = boilerplate_spans(text, boilerplate)
    index = ActorIndex(actors)
    known = [m for m in find_mentions(text, index) if not any(s <= m.start < e for s, e in skip)]
    not_names = registry_words(actors)
    known = without_other_names(text, known, index.names, not_names)
    new_people, new_mentions = find_new_people(text, known, skip, not_names)
    known = with_namesakes(text, known, index.names, (new_people, new_mentions))
    mentions = sorted(known + new_mentions, key=lambda m: m.start)
    names = NameBook(text, new_people, mentions, not_names, tuple(skip))
    resolver, attributed = _attributed(text, skip, mentions, actors, names, ranker)
    nested = find_nested(text, index, known)
    for item in attributed:
        if item.speaker is not None:
            names.adopt(item.speaker)
    linked = _speaker_mentions(attributed, {**names.kinds, **resolver.unnamed.kinds})
    everything = _unique(mentions + nested + linked + names.guessed)
    unnamed = [p for p in resolver.unnamed.created if p.id in {q.speaker for q in attributed}]
    return Extraction(attributed, everything, [*new_people, *names.created, *unnamed])


def _attributed(
    text: str,
    skip: list[tuple[int, int]],
    mentions: list[Mention],
    actors: list[Actor],
    names: NameBook,
    ranker: Ranker,
) -> tuple[Resolver, list[Attributed]]:
    """Every quotation with its speaker: quotation marks, and transcript lines."""
    transcript = transcript_lines(text, skip)
    quotes = [
        q
        for q in find_quotations(text, skip)
        if not any(s <= q.open_mark < e for s, _, _, e in transcript)
    ]
    resolver = Resolver(text, mentions, quotes, actors, names)
    attributed = attribute(text, quotes, resolver, ranker)
    if transcript:
        attributed = sorted(
            attributed + attribute_transcript(text, transcript, resolver),
            key=lambda a: a.quote.start,
        )
    return resolver, attributed


def _unique(mentions: list[Mention]) -> list[Mention]:
    """Each mention once, in text order; one linked by a guess keeps its namesakes."""
    found: dict[tuple[int, int, str, str, bool], Mention] = {}
    for m in mentions:
        key = (m.start, m.end, m.actor, m.kind, m.new)
        if key not in found or m.namesakes:
            found[key] = m
    return sorted(found.values(), key=lambda m: (m.start, m.end, m.actor))


def _speaker_mentions(attributed: list[Attributed], kinds: dict[str, str]) -> list[Mention]:
    """Where each attribution names its speaker, as a mention of that speaker."""
    return [
        Mention(q.speaker_start, q.speaker_end, q.speaker, kinds[q.speaker], True)
        for q in attributed
        if q.speaker in kinds and q.speaker_start is not None and q.speaker_end is not None
    ]
