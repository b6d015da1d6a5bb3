import datetime as dt

import pytest

from brief.errors import InvalidInput
from brief.pack.weeks import Week, parse_week, week_of


@pytest.mark.parametrize(
    ("text", "monday", "sunday"),
    [
        ("2024-W38", dt.date(2024, 9, 16), dt.date(2024, 9, 22)),
        ("2024-W34", dt.date(2024, 8, 19), dt.date(2024, 8, 25)),
        ("2025W01", dt.date(2024, 12, 30), dt.date(2025, 1, 5)),
    ],
)
def test_a_pack_week_runs_monday_to_sunday(text: str, monday: dt.date, sunday: dt.date) -> None:
    week = parse_week(text)
    assert (week.monday, week.sunday) == (monday, sunday)


def test_previous_week_crosses_the_year() -> None:
    assert Week(2025, 1).previous() == Week(2024, 52)
    assert parse_week("2024-W38").previous().label == "2024-W37"


def test_week_of_a_date() -> None:
    assert week_of(dt.date(2024, 9, 22)).label == "2024-W38"
    assert week_of(dt.date(2024, 9, 23)).label == "2024-W39"


@pytest.mark.parametrize("text", ["2024-38", "2024-W54", "W38", "2021-W53"])
def test_bad_weeks_are_invalid_input(text: str) -> None:
    with pytest.raises(InvalidInput, match="not an ISO week"):
        parse_week(text)


def test_ci_gets_plain_one_line_progress(monkeypatch) -> None:
    from brief.pack.progress import PlainProgress, RichProgress, make_progress

    monkeypatch.setenv("CI", "true")
    progress = make_progress()
    assert isinstance(progress, PlainProgress) and not isinstance(progress, RichProgress)


def test_terminal_progress_prints_errors_with_brackets_as_written() -> None:
    import io

    from rich.console import Console

    from brief.pack.progress import RichProgress
    from brief.pack.worker import Outcome

    buffer = io.StringIO()
    progress = RichProgress(Console(file=buffer, width=200))
    progress.start(1, 0)
    progress.advance(Outcome(stem="kosovo", error="x.md.j2:3: unexpected '[/b]' [^1]"))
    progress.stop()
    assert "x.md.j2:3: unexpected '[/b]' [^1]" in buffer.getvalue()
