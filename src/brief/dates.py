"""Dates at the precision the source gives them.

A source may date something to the day, only to the month or year, to a
span ("from 16 to 22 August 2024") or roughly ("around 22 August"). A
`PartialDate` keeps the first and last day it can mean and its precision,
and is worded at exactly that precision: a month is never turned into its
first day. Sorting and cut-offs use the latest day it can mean, so nothing
that may lie after a cut-off is shown as known by then.

Neutral: imported by the corpus, the assembler and the pack, never by the
renderers, and importing nothing from brief. Month names are spelled here,
not by `strftime`, so the output does not depend on the machine's locale.
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


class Precision(StrEnum):
    DAY = "day"
    MONTH = "month"
    YEAR = "year"
    RANGE = "range"  # from `date` to `date_end`, both included
    APPROXIMATE = "approximate"  # around that day: the source does not give it exactly


# Precisions that name a day (or a few days): what "reporting up to <day>" may cite.
DAY_LEVEL = frozenset({Precision.DAY, Precision.RANGE, Precision.APPROXIMATE})


@dataclass(frozen=True)
class PartialDate:
    """The days a date can mean, `first` to `last` (both included), and how it was given."""

    first: dt.date
    last: dt.date
    precision: Precision

    @classmethod
    def of(
        cls, day: dt.date, precision: Precision | str = Precision.DAY, end: dt.date | None = None
    ) -> PartialDate:
        """The date written as `day` (+ `end` for a range) at `precision`.

        A month- or year-precision `day` may be any day in it: only its month
        (year) counts. A range without `end` is the single day `day`.
        """
        # Kept per arguments: a brief asks each record's date again and again (its
        # `when`), and a corpus has far fewer distinct dates than records.
        if cls is PartialDate:
            return _partial_date(day, precision, end)
        return cls._of(day, precision, end)

    @classmethod
    def _of(cls, day: dt.date, precision: Precision | str, end: dt.date | None) -> PartialDate:
        precision = Precision(precision)
        if precision == Precision.MONTH:
            last_day = calendar.monthrange(day.year, day.month)[1]
            return cls(day.replace(day=1), day.replace(day=last_day), precision)
        if precision == Precision.YEAR:
            return cls(dt.date(day.year, 1, 1), dt.date(day.year, 12, 31), precision)
        if precision == Precision.RANGE:
            return cls(day, end if end is not None and end >= day else day, precision)
        return cls(day, day, precision)

    @property
    def key(self) -> tuple[dt.date, dt.date]:
        """Sort key: by the latest day it can mean, then the earliest."""
        return (self.last, self.first)

    def on_or_before(self, day: dt.date) -> bool:
        """Known by a cut-off on `day`: even its latest possible day is not after it."""
        return self.last <= day

    def within(self, since: dt.date | None, until: dt.date) -> bool:
        """In the period [since, until] by its latest day (the cut-off rule)."""
        return self.last <= until and (since is None or self.last >= since)

    def text(self) -> str:
        """'22 August 2024', 'October 2024', '2024', '16-22 August 2024',
        '30 August - 2 September 2024' or 'around 22 August 2024'."""
        match self.precision:
            case Precision.MONTH:
                return _month_year(self.first)
            case Precision.YEAR:
                return str(self.first.year)
            case Precision.RANGE:
                return _range_text(self.first, self.last)
            case Precision.APPROXIMATE:
                return f"around {_day_text(self.first)}"
        return _day_text(self.first)

    def chicago(self) -> str:
        """As a Chicago citation dates it: 'August 22, 2024', 'October 2024',
        'August 16-22, 2024', 'ca. August 22, 2024'."""
        first, last = self.first, self.last
        match self.precision:
            case Precision.MONTH:
                return _month_year(first)
            case Precision.YEAR:
                return str(first.year)
            case Precision.RANGE if first != last:
                if (first.year, first.month) == (last.year, last.month):
                    return f"{MONTHS[first.month - 1]} {first.day}-{last.day}, {first.year}"
                if first.year == last.year:
                    return (
                        f"{MONTHS[first.month - 1]} {first.day} - "
                        f"{MONTHS[last.month - 1]} {last.day}, {first.year}"
                    )
                return f"{_chicago_day(first)} - {_chicago_day(last)}"
            case Precision.APPROXIMATE:
                return f"ca. {_chicago_day(first)}"
        return _chicago_day(first)

    def __str__(self) -> str:
        return self.text()


def _day_text(day: dt.date) -> str:
    return f"{day.day} {_month_year(day)}"


def _month_year(day: dt.date) -> str:
    return f"{MONTHS[day.month - 1]} {day.year}"


def _chicago_day(day: dt.date) -> str:
    return f"{MONTHS[day.month - 1]} {day.day}, {day.year}"


def _range_text(first: dt.date, last: dt.date) -> str:
    if first == last:
        return _day_text(first)
    if (first.year, first.month) == (last.year, last.month):
        return f"{first.day}-{last.day} {_month_year(first)}"
    if first.year == last.year:
        return f"{first.day} {MONTHS[first.month - 1]} - {_day_text(last)}"
    return f"{_day_text(first)} - {_day_text(last)}"


_COUNT_WORDS = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")


def _count(number: int, noun: str) -> str:
    word = _COUNT_WORDS[number] if number < len(_COUNT_WORDS) else str(number)
    return f"{word} {noun}{'' if number == 1 else 's'}"


def describe_cutoff(whens: Iterable[PartialDate]) -> str:
    """The information cut-off in plain words, from the dates of what a brief holds.

    "reporting up to 17 September 2024; two items dated only October 2024":
    the newest date given to the day (or as a range, or "around" a day), then
    the items dated only to a month or year whose period ends after it, counted
    per period. Never a made-up day. Empty when there is nothing.
    """
    dates = list(whens)
    if not dates:
        return ""
    precise = [d for d in dates if d.precision in DAY_LEVEL]
    newest = max(precise, key=lambda d: d.key) if precise else None
    coarse: dict[str, list[PartialDate]] = {}
    for date in dates:
        if date.precision not in DAY_LEVEL and (newest is None or date.last > newest.last):
            coarse.setdefault(date.text(), []).append(date)
    periods = sorted(coarse.items(), key=lambda kv: kv[1][0].key)
    if newest is None:  # "reporting dated only to October 2024 (five items)"
        counted = [f"{text} ({_count(len(items), 'item')})" for text, items in periods]
        return "reporting dated only to " + " and ".join(counted)
    parts = [f"reporting up to {newest.text()}"]
    parts += [f"{_count(len(items), 'item')} dated only {text}" for text, items in periods]
    return "; ".join(parts)


@functools.lru_cache(maxsize=65536)
def _partial_date(day: dt.date, precision: Precision | str, end: dt.date | None) -> PartialDate:
    return PartialDate._of(day, precision, end)
