"""Dates at the precision the source gives: parsed, validated, sorted, cut off and printed."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from brief.cli import app
from brief.corpus import load_corpus
from brief.dates import PartialDate, Precision, describe_cutoff
from tiny_workspace import edit, line_of, make_workspace, problems

D = dt.date
EXTRACTS = "seeds/extracts/n1-ruge.yaml"
SOURCE = "seeds/sources/n1-ruge.yaml"
QUOTE = "We will not allow any type of security vacuum to emerge."
STATEMENT_DATE = "    date: 2024-08-20\n    subjects: [kosovo]\n"


@pytest.fixture
def ws(tmp_path: Path) -> Path:
    return make_workspace(tmp_path / "ws")


def date_the_statement_august(ws: Path) -> None:
    """The statement dated only "August 2024", and the issue resting on it to match."""
    edit(ws, EXTRACTS, STATEMENT_DATE, "    date: 2024-08-01\n    date_precision: month\n"
         "    subjects: [kosovo]\n")  # fmt: skip
    issues = "seeds/issues/issues.yaml"
    edit(ws, issues, "      - date: 2024-08-20", "      - date: 2024-08-31")
    edit(ws, issues, "last_development: 2024-08-20",
         "last_development: 2024-08-01\n    last_development_precision: month")  # fmt: skip


def render_md(ws: Path, *args: str) -> tuple[Path, str]:
    out = ws / "out"
    result = CliRunner().invoke(
        app, ["kosovo", "--format", "md", "-w", str(ws), "-o", str(out), *args], env={"CI": "true"}
    )
    assert result.exit_code == 0, result.output
    path = Path(result.stdout.strip())
    return path, path.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("date", "text", "chicago"),
    [
        (PartialDate.of(D(2024, 8, 22)), "22 August 2024", "August 22, 2024"),
        (PartialDate.of(D(2024, 10, 17), "month"), "October 2024", "October 2024"),
        (PartialDate.of(D(2024, 10, 17), "year"), "2024", "2024"),
        (
            PartialDate.of(D(2024, 8, 16), "range", D(2024, 8, 22)),
            "16-22 August 2024",
            "August 16-22, 2024",
        ),
        (
            PartialDate.of(D(2024, 8, 30), "range", D(2024, 9, 2)),
            "30 August - 2 September 2024",
            "August 30 - September 2, 2024",
        ),
        (
            PartialDate.of(D(2024, 12, 30), "range", D(2025, 1, 2)),
            "30 December 2024 - 2 January 2025",
            "December 30, 2024 - January 2, 2025",
        ),
        (
            PartialDate.of(D(2024, 8, 22), "approximate"),
            "around 22 August 2024",
            "ca. August 22, 2024",
        ),
    ],
)
def test_each_precision_prints_as_given(date: PartialDate, text: str, chicago: str) -> None:
    assert (date.text(), date.chicago()) == (text, chicago)


def test_a_month_means_every_day_of_it_and_sorts_and_cuts_by_its_last() -> None:
    october = PartialDate.of(D(2024, 10, 1), Precision.MONTH)
    assert (october.first, october.last) == (D(2024, 10, 1), D(2024, 10, 31))
    mid_october = PartialDate.of(D(2024, 10, 17))
    assert sorted([october, mid_october], key=lambda d: d.key) == [mid_october, october]
    assert not october.on_or_before(D(2024, 10, 17))  # it may lie after the 17th
    assert october.on_or_before(D(2024, 10, 31))


def test_the_cutoff_in_words_names_no_made_up_day() -> None:
    dates = [
        PartialDate.of(D(2024, 8, 16), "range", D(2024, 8, 22)),
        PartialDate.of(D(2024, 9, 17)),
        PartialDate.of(D(2024, 9, 1), "month"),  # ends after the 17th, but not later
        PartialDate.of(D(2024, 10, 1), "month"),
        PartialDate.of(D(2024, 10, 1), "month"),
    ]
    assert describe_cutoff(dates) == (
        "reporting up to 17 September 2024; one item dated only September 2024; "
        "two items dated only October 2024"
    )
    assert describe_cutoff([PartialDate.of(D(2024, 10, 1), "month")]) == (
        "reporting dated only to October 2024 (one item)"
    )
    two_months = [PartialDate.of(D(2024, 9, 1), "month"), PartialDate.of(D(2024, 10, 1), "month")]
    assert describe_cutoff(two_months) == (
        "reporting dated only to September 2024 (one item) and October 2024 (one item)"
    )


def test_a_month_date_parses_and_prints_as_the_month_in_a_brief(ws: Path) -> None:
    edit(ws, SOURCE, "published: 2024-08-22", "published: 2024-08-01\npublished_precision: month")
    date_the_statement_august(ws)
    corpus = load_corpus(ws)
    assert corpus.extracts["ruge-no-vacuum"].when.text() == "August 2024"
    _path, text = render_md(ws, "--as-of", "2024-09-30")
    assert QUOTE in text
    assert re.search(r"(?<!\d\s)(?<!\d)August 2024", text)
    # A month is never turned into its first day.
    assert not re.search(r"(?<!\d)1 August 2024|2024-08-01|August 1, 2024", text)
    assert "August 2024" in text.split("[^1]:", 1)[1]  # the citation too


def test_a_month_date_is_not_known_before_the_month_ends(ws: Path) -> None:
    date_the_statement_august(ws)
    _path, text = render_md(ws, "--as-of", "2024-08-25")
    assert QUOTE not in text
    _path, text = render_md(ws, "--as-of", "2024-08-31")
    assert QUOTE in text


def test_a_range_prints_as_a_range_in_a_brief(ws: Path) -> None:
    edit(ws, EXTRACTS, STATEMENT_DATE, "    date: 2024-08-16\n    date_precision: range\n"
         "    date_end: 2024-08-20\n    subjects: [kosovo]\n")  # fmt: skip
    _path, text = render_md(ws, "--as-of", "2024-09-30")
    assert "16-20 August 2024" in text


@pytest.mark.parametrize(
    ("new", "column", "message"),
    [
        (
            "    date: 2024-08-16\n    date_end: 2024-08-20\n",
            15,
            "extracts[0].date_end: only a date with precision 'range' has an end "
            "(this one's precision is 'day')",
        ),
        (
            "    date: 2024-08-16\n    date_precision: range\n",
            5,
            "extracts[0].date_end: a range needs its last day in 'date_end'",
        ),
        (
            "    date: 2024-08-16\n    date_precision: range\n    date_end: 2024-08-10\n",
            15,
            "extracts[0].date_end: the range ends (2024-08-10) before it starts (2024-08-16)",
        ),
    ],
)
def test_an_inconsistent_date_is_a_located_error(
    ws: Path, new: str, column: int, message: str
) -> None:
    edit(
        ws,
        EXTRACTS,
        "    date: 2024-08-20\n    subjects: [kosovo]\n",
        new + "    subjects: [kosovo]\n",
    )
    found = problems(ws)
    assert len(found) == 1, found
    field = "date_end" if "date_end:" in new else "id: ruge-no-vacuum"
    line = line_of(ws, EXTRACTS, field)
    assert found[0] == f"{EXTRACTS}:{line}:{column}: {message}"


def test_the_default_as_of_includes_a_source_published_after_the_newest_extract(
    ws: Path,
) -> None:
    # The tiny workspace's extracts are dated 20 August, its source 22 August:
    # a cut-off on the newest extract would leave the whole source out.
    corpus = load_corpus(ws)
    assert max(e.when.last for e in corpus.extracts.values()) == D(2024, 8, 20)
    assert corpus.default_as_of() == D(2024, 8, 22)
    path, text = render_md(ws)
    assert path.name == "kosovo_2024-08-22.md"
    assert QUOTE in text


def test_a_month_date_prints_as_the_month_in_word_and_pdf_too(ws: Path) -> None:
    import docx
    from pypdf import PdfReader

    date_the_statement_august(ws)
    out = ws / "out"
    result = CliRunner().invoke(
        app,
        ["kosovo", "--format", "all", "--as-of", "2024-09-30", "-w", str(ws), "-o", str(out)],
        env={"CI": "true"},
    )
    assert result.exit_code == 0, result.output
    word = docx.Document(str(out / "kosovo_2024-09-30.docx"))
    pdf = PdfReader(out / "kosovo_2024-09-30.pdf")
    for text in (
        "\n".join(p.text for p in word.paragraphs),
        "\n".join(page.extract_text() for page in pdf.pages),
    ):
        # "August 2024" on its own (the statement), not only as part of a day
        # ("covering 31 August 2024"); never as its first day.
        assert re.search(r"(?<!\d\s)(?<!\d)August 2024", text)
        assert not re.search(r"(?<!\d)1 August 2024", text)
