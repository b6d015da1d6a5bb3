"""One wording of dates and one accent folding, shared by every stage."""

from __future__ import annotations

import datetime as dt

import pytest

from brief.assemble.subjects import fold
from brief.corpus.models import DatePrecision
from brief.document.dates import long_date
from brief.document.fold import strip_accents
from brief.document.from_markdown import slugify

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
    assert strip_accents("Đurić Ulutaş Łódź Ørsted Straße") == "Duric Ulutas Lodz Orsted Strasse"
    assert "Вуч" in strip_accents("Вучић")


def test_anchors_and_subject_matching_fold_alike() -> None:
    # A heading "Marko Đurić" links as marko-duric; typing "marko-duric" finds him.
    assert slugify("Marko Đurić") == "marko-duric"
    assert fold("Marko Đurić") == fold("marko-duric") == "marko duric"
    assert fold("Ørsted") == fold("orsted")
