"""The shipped corpus keeps the curation conventions analysts rely on.

`brief validate` proves every quote is verbatim; these tests check what it
cannot: that no quotation in the seed articles was left out, that only words
in quotation marks are passed off as direct quotes, and that each speaker is
shown in the post held on the day.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest

from brief.corpus import Corpus
from brief.corpus.load import load_workspace
from brief.corpus.models import ActorKind, Event, Statement, StatementMode

REPO = Path(__file__).resolve().parents[1]
MIN_WORDS = 4  # shorter quoted spans are scare quotes ("separation"), not statements
QUOTED = re.compile(r"“([^”\n]*)”|\"([^\"\n]*)\"")


@pytest.fixture(scope="module")
def corpus() -> Corpus:
    return load_workspace(REPO).corpus


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of the words inside each pair of quotation marks."""
    return [(m.start() + 1, m.end() - 1) for m in QUOTED.finditer(text)]


def statements(corpus: Corpus, source_id: str, mode: StatementMode) -> list[Statement]:
    return [
        e
        for e in corpus.extracts.values()
        if isinstance(e, Statement) and e.source == source_id and e.mode == mode
    ]


def test_every_quotation_in_the_articles_is_a_direct_statement(corpus: Corpus) -> None:
    missing = []
    for source in corpus.sources.values():
        text = corpus.texts[source.id]
        direct = [s.quote for s in statements(corpus, source.id, StatementMode.DIRECT)]
        for start, end in quoted_spans(text):
            words = text[start:end].strip().rstrip(",").strip()
            if len(words.split()) < MIN_WORDS:
                continue
            if not any(words in quote or quote in words for quote in direct):
                missing.append(f"{source.id}: {words[:60]!r}")
    assert missing == []


def test_direct_statements_are_words_in_quotation_marks(corpus: Corpus) -> None:
    paraphrases = []
    for source in corpus.sources.values():
        text = corpus.texts[source.id]
        spans = quoted_spans(text)
        for statement in statements(corpus, source.id, StatementMode.DIRECT):
            at = text.find(statement.quote)
            inside = any(s <= at and at + len(statement.quote) <= e + 1 for s, e in spans)
            if not inside:
                paraphrases.append(statement.id)
    assert paraphrases == []


def test_speakers_hold_a_recorded_post_on_the_day_they_speak(corpus: Corpus) -> None:
    without_post = []
    for extract in corpus.extracts.values():
        if not isinstance(extract, Statement):
            continue
        speaker = corpus.actors[extract.speaker]
        if speaker.roles and not any(r.held_on(extract.date) for r in speaker.roles):
            without_post.append(f"{extract.id}: {speaker.id} on {extract.date}")
    assert without_post == []


def test_outlets_speaking_in_their_own_voice_are_never_quoted_as_fact(corpus: Corpus) -> None:
    outlets = {a.id for a in corpus.actors.values() if a.kind == ActorKind.OUTLET}
    for extract in corpus.extracts.values():
        if isinstance(extract, Statement) and extract.speaker in outlets:
            assert extract.mode == StatementMode.INDIRECT, extract.id
            assert extract.credibility >= 3, extract.id


def ascii_fold(name: str) -> str:
    name = name.replace("Đ", "Dj").replace("đ", "dj")
    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))


def test_names_with_diacritics_can_be_found_without_them(corpus: Corpus) -> None:
    for actor in corpus.actors.values():
        if actor.name.isascii():
            continue
        assert ascii_fold(actor.name) in actor.aliases, actor.id


def test_issue_summaries_date_from_their_newest_evidence(corpus: Corpus) -> None:
    # A brief cut off before `last_development` hides status and summary, so
    # a later date hides them needlessly and an earlier one leaks the future.
    for issue in corpus.issues.values():
        newest = max((corpus.extracts[i].when for i in issue.evidence), key=lambda w: w.key)
        assert issue.last_development_when == newest, issue.id


def overlapping_statements(corpus: Corpus) -> list[tuple[Statement, Statement]]:
    """(outer, inner) pairs from one source where inner's quote lies within outer's."""
    by_source: dict[str, list[Statement]] = {}
    for extract in corpus.extracts.values():
        if isinstance(extract, Statement):
            by_source.setdefault(extract.source, []).append(extract)
    pairs = []
    for group in by_source.values():
        for outer in group:
            for inner in group:
                if inner.id != outer.id and inner.quote in outer.quote:
                    pairs.append((outer, inner))
    return pairs


def test_a_quote_is_stored_under_one_speaker(corpus: Corpus) -> None:
    # A brief prints each statement under its speaker: words stored twice
    # under two people put one person's sentence in the other's mouth. The
    # only exception is an office's release relaying an official ("Ambassador
    # Ruge welcomed ..."), stored as the office's statement and, inside it,
    # as the official's reported speech.
    offices = {a.id for a in corpus.actors.values() if a.kind == ActorKind.OFFICE}
    misattributed = [
        f"{inner.id} ({inner.speaker}) inside {outer.id} ({outer.speaker})"
        for outer, inner in overlapping_statements(corpus)
        if inner.speaker != outer.speaker
        and not (outer.speaker in offices and inner.mode == StatementMode.INDIRECT)
    ]
    assert misattributed == []


def test_a_speakers_words_are_stored_once_per_source(corpus: Corpus) -> None:
    # The same words twice would be counted and printed twice in a brief.
    repeated = [
        f"{inner.id} inside {outer.id}"
        for outer, inner in overlapping_statements(corpus)
        if outer.speaker == inner.speaker
    ]
    assert repeated == []


def test_an_events_place_is_in_its_evidence(corpus: Corpus) -> None:
    # The chronology prints `location` as fact: it must come from the passage
    # cited for the event, not from the curator's guess (an undated photo
    # caption gives no place).
    unplaced = [
        f"{e.id}: {e.location!r}"
        for e in corpus.extracts.values()
        if isinstance(e, Event) and e.location and e.location.split(",")[0] not in e.evidence
    ]
    assert unplaced == []


POSTS = re.compile(
    r"\b(former|president|prime minister|minister|secretary|commander|ambassador|"
    r"chancellor|director|general|representative)\b",
    re.IGNORECASE,
)


def test_person_descriptions_name_no_post(corpus: Corpus) -> None:
    # A brief of any date prints the description beside the role held on
    # that date, so a post in it ("President of Kosovo", "former Prime
    # Minister") is unsourced or false on some dates; posts belong in roles.
    dated = [
        f"{a.id}: {a.description!r}"
        for a in corpus.actors.values()
        if a.kind == ActorKind.PERSON and a.description and POSTS.search(a.description)
    ]
    assert dated == []
