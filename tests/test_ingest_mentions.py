"""Actor mentions: matched to the registry accent-insensitively; unknown people proposed."""

from __future__ import annotations

import datetime as dt

from brief.fold import id_fold
from brief.ingest.dates import date_of, find_dates
from brief.ingest.mentions import ActorIndex, find_mentions
from ingest_helpers import registry


def mentioned(text: str) -> list[tuple[str, str]]:
    return [(text[m.start : m.end], m.actor) for m in find_mentions(text, ActorIndex(registry()))]


def test_names_match_without_their_accents() -> None:
    assert mentioned("Major General Ozkan Ulutas met Marko Djuric.") == [
        ("Ozkan Ulutas", "ozkan-ulutas"),
        ("Marko Djuric", "marko-djuric"),
    ]


def test_names_match_with_their_accents_and_in_any_case() -> None:
    assert mentioned("ULUTAŞ and Vučić") == [
        ("ULUTAŞ", "ozkan-ulutas"),
        ("Vučić", "aleksandar-vucic"),
    ]


def test_surname_alone_and_cyrillic_alias_match() -> None:
    assert mentioned("Ruge spoke to Вучић.") == [
        ("Ruge", "boris-ruge"),
        ("Вучић", "aleksandar-vucic"),
    ]


def test_longest_name_wins_and_lowercase_words_are_not_names() -> None:
    assert mentioned("The NATO Press office said serbia, not Serbia.") == [
        ("NATO Press office", "nato-press-office"),
        ("Serbia", "serbia"),
    ]


def test_offsets_survive_letters_that_fold_to_two() -> None:
    text = "Đurić and Đurić met Ruge."
    assert mentioned(text)[-1] == ("Ruge", "boris-ruge")
    assert id_fold("Đurić") == "djuric"


def test_stated_dates_and_publication_fallback() -> None:
    text = "On 13 September 2024 Ruge visited Podgorica. Later, “we will stay,” he said."
    dates = find_dates(text, dt.date(2024, 9, 20))
    assert date_of(text.index("“"), dates, dt.date(2024, 9, 20)) == (dt.date(2024, 9, 13), "day")
    assert date_of(0, dates, dt.date(2024, 9, 20)) == (dt.date(2024, 9, 20), "approximate")


def test_ranges_and_month_first_dates() -> None:
    dates = find_dates("from 16 to 22 August 2024 and on September 3, 2024", dt.date(2024, 9, 5))
    assert [(d.date, d.precision) for d in dates] == [
        (dt.date(2024, 8, 16), "approximate"),
        (dt.date(2024, 9, 3), "day"),
    ]


def test_language_is_detected_deterministically() -> None:
    from brief.ingest.language import detect_language

    english = "NATO reaffirmed its commitment to the security of the Western Balkans region."
    bosnian = "Kakvo je tvoje mišljenje o ovome? Budi prvi koji će ostaviti komentar na članak."
    assert detect_language(english) == "en"
    assert detect_language(bosnian) != "en"
    assert len({detect_language(bosnian) for _ in range(5)}) == 1
