"""Dates as every brief words them: "17 September 2024".

Day-month-year with the month spelled out is unambiguous in every English-
speaking capital. Month names are spelled here, not by `strftime`, so the
output does not depend on the machine’s locale (the names live in `brief.dates`).
"""

from __future__ import annotations

import datetime as dt

from brief.dates import MONTHS


def long_date(day: dt.date, precision: str = "day") -> str:
    """`day` worded to its precision: "day", "month" ("September 2024") or
    "approximate" ("around 17 September 2024"); the corpus's `DatePrecision`
    values are these strings."""
    month_year = f"{MONTHS[day.month - 1]} {day.year}"
    if precision == "month":
        return month_year
    text = f"{day.day} {month_year}"
    return f"around {text}" if precision == "approximate" else text
