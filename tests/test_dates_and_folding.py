"""One wording of dates and one accent folding, shared by every stage."""

from __future__ import annotations

import datetime as dt

import pytest

from brief.corpus.models import DatePrecision
from brief.document.dates import long_date
from brief.fold import READER, ROMANISED, ascii_slug, id_fold, id_slug, search_key, strip_accents

DAY = dt.date(2024, 9, 7)


@pytest.mark.parametrize(
    ("precision", "expected"),
    [
        (DatePrecision.DAY, "7 September 2024"),
        (DatePrecision.MONTH, "September 2024"),
        (DatePrecision.APPROXIMATE, "around 7 September 2024"),
        ("day", "7 September 2024"),
    ],
)
def test_long_date_words_each_precision(precision: str, expected: str) -> None:
    assert long_date(DAY, precision) == expected


def test_long_date_is_the_default_day_wording() -> None:
    assert long_date(dt.date(2022, 12, 25)) == "25 December 2022"


def test_strip_accents_keeps_other_scripts() -> None:
    assert (
        strip_accents("Đurić Ulutaş Łódź Ørsted Straße", READER)
        == "Duric Ulutas Lodz Orsted Strasse"
    )
    assert "Вуч" in strip_accents("Вучић", READER)


def test_anchors_and_subject_matching_fold_alike() -> None:
    # A heading "Marko Đurić" links as marko-duric; typing "marko-duric" finds him.
    assert ascii_slug("Marko Đurić") == "marko-duric"
    assert search_key("Marko Đurić") == search_key("marko-duric") == "marko duric"
    assert search_key("Ørsted") == search_key("orsted")


def test_ids_spell_the_serbian_romanisation_and_fold_alike() -> None:
    # Corpus ids write Đ as Dj (marko-djuric); a name folds as its id does.
    assert strip_accents("Đurić", ROMANISED) == "Djuric"
    assert id_slug("Marko Đurić") == "marko-djuric"
    assert id_fold("Marko Đurić").replace(" ", "-") == id_slug("Marko Đurić")


def test_one_table_of_letters_for_both_policies() -> None:
    # Kılıç and Ærø lose no letter in an id, an anchor or a file name.
    assert id_slug("Kılıç Ærø") == ascii_slug("Kılıç Ærø") == "kilic-aero"
    assert ascii_slug("Вучић") == "" and id_slug("Вучић") == ""
