"""ISO weeks: a pack covers one week and is cut off on its Sunday."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from brief.errors import InvalidInput, Problem

_WEEK = re.compile(r"^(\d{4})-?W(\d{1,2})$", re.IGNORECASE)


@dataclass(frozen=True, order=True)
class Week:
    year: int
    number: int

    @property
    def label(self) -> str:
        return f"{self.year}-W{self.number:02d}"

    @property
    def monday(self) -> dt.date:
        return dt.date.fromisocalendar(self.year, self.number, 1)

    @property
    def sunday(self) -> dt.date:
        return dt.date.fromisocalendar(self.year, self.number, 7)

    def previous(self) -> Week:
        return week_of(self.monday - dt.timedelta(days=1))


def week_of(day: dt.date) -> Week:
    year, number, _ = day.isocalendar()
    return Week(year, number)


def parse_week(text: str) -> Week:
    """`2024-W38` (or `2024W38`) -> Week; a located error otherwise."""
    match = _WEEK.match(text.strip())
    if match:
        year, number = int(match[1]), int(match[2])
        try:
            dt.date.fromisocalendar(year, number, 1)
            return Week(year, number)
        except ValueError:
            pass
    raise InvalidInput(
        Problem(file="--week", message=f"{text!r} is not an ISO week; write it as e.g. 2024-W38")
    )
