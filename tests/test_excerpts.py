"""A long quote is printed as its curated excerpt: passages of the quote, in
order, joined by ellipses. The brief never prints words the quote lacks, and
`brief validate` refuses an excerpt that is not the quote's own words."""

from __future__ import annotations

from pathlib import Path

import pytest

from brief import api
from brief.render.markdown import render_text
from tiny_workspace import edit, line_of, make_workspace, the_problem

EXTRACTS = "seeds/extracts/n1-ruge.yaml"
QUOTE_LINE = '    quote: "We will not allow any type of security vacuum to emerge."\n'


@pytest.fixture
def ws(tmp_path: Path) -> Path:
    return make_workspace(tmp_path / "ws")


def _with_excerpt(ws: Path, excerpt: str) -> None:
    edit(ws, EXTRACTS, QUOTE_LINE, f'{QUOTE_LINE}    excerpt: "{excerpt}"\n')


def test_a_brief_prints_the_excerpt_with_its_ellipses(ws: Path) -> None:
    _with_excerpt(ws, "We will not allow … security vacuum …")
    markdown = render_text(api.build_document(api.load(ws), "kosovo"))
    assert "“We will not allow … security vacuum …”" in markdown
    assert "any type of" not in markdown


def test_without_an_excerpt_the_whole_quote_is_printed(ws: Path) -> None:
    markdown = render_text(api.build_document(api.load(ws), "kosovo"))
    assert "“We will not allow any type of security vacuum to emerge.”" in markdown


@pytest.mark.parametrize(
    ("excerpt", "why"),
    [
        ("We will never allow … vacuum", "'We will never allow' is not in the quote"),
        ("security vacuum … We will not allow", "'We will not allow' is out of the quote's order"),
        ("… …", "holds only ellipses"),
    ],
)
def test_an_excerpt_must_be_the_quotes_own_passages_in_order(
    ws: Path, excerpt: str, why: str
) -> None:
    _with_excerpt(ws, excerpt)
    line = line_of(ws, EXTRACTS, "excerpt:")
    problem = the_problem(ws)
    assert problem.startswith(f"{EXTRACTS}:{line}:")
    assert ": extracts[0].excerpt: " in problem and why in problem
