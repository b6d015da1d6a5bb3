"""Any country or person can be briefed, however the user spells it."""

from __future__ import annotations

from pathlib import Path

import pytest

from brief.assemble.subjects import BRIEFABLE, briefable_subjects, resolve_subject
from brief.errors import InvalidInput
from brief.fold import search_key
from memory_corpus import build_corpus


@pytest.fixture
def corpus(tmp_path: Path):  # type: ignore[no-untyped-def]
    return build_corpus(tmp_path)


@pytest.mark.parametrize(
    ("query", "actor_id"),
    [
        ("kosovo", "kosovo"),
        ("Kosovo", "kosovo"),
        ("KOSOVO", "kosovo"),
        ("boris-ruge", "boris-ruge"),
        ("Boris Ruge", "boris-ruge"),
        ("  boris   ruge ", "boris-ruge"),
        ("Amb. Ruge", "boris-ruge"),
        ("Vučić", "aleksandar-vucic"),
        ("vucic", "aleksandar-vucic"),
        ("Aleksandar Vucic", "aleksandar-vucic"),
        ("Вучић", "aleksandar-vucic"),
        ("Србија", "serbia"),
        ("kurti", "albin-kurti"),
    ],
)
def test_subject_resolves_by_id_name_alias_and_surname(corpus, query: str, actor_id: str) -> None:  # type: ignore[no-untyped-def]
    assert resolve_subject(corpus, query).actor.id == actor_id


def test_subject_without_a_briefing_can_be_briefed(corpus) -> None:  # type: ignore[no-untyped-def]
    subject = resolve_subject(corpus, "Serbia")
    assert subject.briefing is None
    assert subject.kind == "country"
    assert resolve_subject(corpus, "kosovo").briefing is not None


def test_unknown_subject_names_the_closest_matches(corpus) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(InvalidInput) as err:
        resolve_subject(corpus, "kosovoo")
    message = str(err.value)
    assert "'kosovoo'" in message
    assert "Kosovo (kosovo)" in message


def test_unknown_person_suggests_by_surname(corpus) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(InvalidInput) as err:
        resolve_subject(corpus, "Vucik")
    assert "Aleksandar Vučić (aleksandar-vucic)" in str(err.value)


def test_shared_surname_is_ambiguous_and_lists_both(corpus) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(InvalidInput) as err:
        resolve_subject(corpus, "ruge")
    message = str(err.value)
    assert "boris-ruge" in message and "petar-ruge" in message


def test_organisation_is_not_briefable_and_says_why(corpus) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(InvalidInput) as err:
        resolve_subject(corpus, "NATO")
    assert "organisation" in str(err.value)


def test_fold_ignores_case_accents_and_punctuation() -> None:
    assert search_key("Đurić") == search_key("djuric".replace("dj", "d")) == "duric"
    assert search_key("Ulutaş") == "ulutas"
    assert search_key("boris-ruge") == search_key("Boris  Ruge") == "boris ruge"


def test_brief_list_shows_exactly_what_resolves(corpus) -> None:  # type: ignore[no-untyped-def]
    # `brief list` and completion must offer every subject a brief accepts, and no other.
    listed = briefable_subjects(corpus)
    assert {s.id for s in listed} == {a.id for a in corpus.actors.values() if a.kind in BRIEFABLE}
    for entry in listed:
        subject = resolve_subject(corpus, entry.id)
        assert subject.actor.id == entry.id
        assert entry.briefing == subject.briefing_name
    kinds = [s.kind for s in listed]
    assert kinds == sorted(kinds, key=lambda k: k == "person")
    for actor in corpus.actors.values():
        if actor.kind not in BRIEFABLE:
            with pytest.raises(InvalidInput):
                resolve_subject(corpus, actor.id)


@pytest.mark.parametrize("query", ["kosovo-monthly", "Kosovo-Monthly", "KOSOVO-MONTHLY"])
def test_a_briefing_file_name_picks_that_briefing_not_another_of_its_subject(
    corpus,  # type: ignore[no-untyped-def]
    query: str,
) -> None:
    from brief.corpus.models import Briefing

    corpus.briefings["kosovo-monthly"] = Briefing(subject="kosovo", kind="country", window_days=30)
    subject = resolve_subject(corpus, query)
    assert (subject.actor.id, subject.briefing_name) == ("kosovo", "kosovo-monthly")
    assert subject.briefing is corpus.briefings["kosovo-monthly"]
    assert resolve_subject(corpus, "Kosovo").briefing_name == "kosovo"
