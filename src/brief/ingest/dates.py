"""Dates and places the text states, for the events and statements it reports."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from brief.dates import Precision

MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DAY_FIRST = re.compile(
    rf"\b(?:(?P<from>\d{{1,2}})(?:\s*(?:-|–|to|and)\s*))?(?P<day>\d{{1,2}})(?:st|nd|rd|th)?"
    rf"\s+(?:of\s+)?{_MONTH}(?:,?\s+(?P<year>\d{{4}}))?\b",
    re.IGNORECASE,
)
_MONTH_FIRST = re.compile(
    rf"\b{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(?P<year>\d{{4}}))?\b",
    re.IGNORECASE,
)
_MONTH_YEAR = re.compile(rf"\b(?:in\s+)?{_MONTH}\s+(?P<year>\d{{4}})\b", re.IGNORECASE)
_WEEKDAY = re.compile(
    r"\b(?:on|last)\s+(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
)
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


@dataclass(frozen=True)
class StatedDate:
    start: int
    end: int
    date: dt.date
    precision: Precision
    """day, month or approximate (a range, or a weekday placed by the publication date)."""


def find_dates(text: str, published: dt.date) -> list[StatedDate]:
    """Every date the text states, in text order; a missing year is the publication's."""
    found: dict[int, StatedDate] = {}
    _day_first(text, published, found)
    for match in _MONTH_FIRST.finditer(text):
        date = _make(published, match.group("year"), match.group("month"), match.group("day"))
        if date and not _covered(found, match.start(), match.end()):
            found[match.start()] = StatedDate(match.start(), match.end(), date, Precision.DAY)
    for match in _MONTH_YEAR.finditer(text):
        if _covered(found, match.start(), match.end()):
            continue
        date = _make(published, match.group("year"), match.group("month"), "1")
        if date:
            found[match.start()] = StatedDate(match.start(), match.end(), date, Precision.MONTH)
    _weekdays(text, published, found)
    return [found[key] for key in sorted(found)]


def _day_first(text: str, published: dt.date, found: dict[int, StatedDate]) -> None:
    """`23 August 2024`, and `from 2 to 4 October` (its first day, approximate)."""
    for match in _DAY_FIRST.finditer(text):
        date = _make(published, match.group("year"), match.group("month"), match.group("day"))
        if date:
            precision = Precision.APPROXIMATE if match.group("from") else Precision.DAY
            if match.group("from"):
                start = _make(published, match.group("year"), match.group("month"), match["from"])
                date = start or date
            found[match.start()] = StatedDate(match.start(), match.end(), date, precision)


def _weekdays(text: str, published: dt.date, found: dict[int, StatedDate]) -> None:
    """`on Tuesday`: the last such day by the publication, where its paragraph states
    no date of its own (the dates `found` so far)."""
    explicit = list(found.values())
    for match in _WEEKDAY.finditer(text):
        paragraph = (text.rfind("\n", 0, match.start()), text.find("\n", match.start()))
        if any(
            paragraph[0] < d.start and (paragraph[1] == -1 or d.start < paragraph[1])
            for d in explicit
        ):
            continue  # the paragraph states the date outright
        wanted = WEEKDAYS.index(match.group("weekday").lower())
        back = (published.weekday() - wanted) % 7
        date = published - dt.timedelta(days=back)
        found[match.start()] = StatedDate(match.start(), match.end(), date, Precision.APPROXIMATE)


def _covered(found: dict[int, StatedDate], start: int, end: int) -> bool:
    return any(d.start < end and start < d.end for d in found.values())


def _make(published: dt.date, year: str | None, month: str, day: str) -> dt.date | None:
    try:
        return dt.date(
            int(year) if year else published.year, MONTHS[month.lower().rstrip(".")], int(day)
        )
    except (ValueError, KeyError):
        return None


def date_of(
    offset: int, dates: list[StatedDate], published: dt.date, window_days: int = 60
) -> tuple[dt.date, Precision]:
    """The date of what the text reports at `offset`.

    The last date stated before it that falls in the weeks before publication;
    otherwise the publication date, marked approximate (said on or before it).
    """
    for stated in reversed([d for d in dates if d.end <= offset]):
        if published - dt.timedelta(days=window_days) <= stated.date <= published:
            return stated.date, stated.precision
    return published, Precision.APPROXIMATE


_DATELINE = re.compile(r"^(?P<place>[A-Z][A-Z .’'-]{2,30}?)(?:,\s[^–—-]{3,40})?\s*[–—-]\s", re.M)
_PLACE = re.compile(
    r"\b(?:[Ii]n|[Ff]rom|[Aa]t|to)\s+(?P<place>(?:[A-Z][\w’'-]+)(?:\s(?:and\s)?[A-Z][\w’'-]+){0,2})"
)


def find_places(text: str, not_places: set[str]) -> list[tuple[int, str]]:
    """(offset, place) for datelines and `in/from/at Place`, excluding known non-places."""
    found: list[tuple[int, str]] = []
    for match in _DATELINE.finditer(text):
        place = match.group("place").strip().title()
        found.append((match.start(), place))
    for match in _PLACE.finditer(text):
        place = match.group("place")
        if place.endswith(("’s", "'s")) or place.split()[0].lower() in MONTHS:
            continue
        if place.split()[0] in WEEKDAYS_TITLE or place in not_places:
            continue
        found.append((match.start("place"), place))
    return sorted(found)


WEEKDAYS_TITLE = {day.title() for day in WEEKDAYS}


def place_of(offset: int, floor: int, places: list[tuple[int, str]]) -> str | None:
    """The last place stated between `floor` (paragraph start) and `offset`."""
    candidates = [place for at, place in places if floor <= at < offset]
    return candidates[-1] if candidates else None
