"""Quotes and evidence must be in their source, verbatim, and not in boilerplate."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from brief.corpus.provenance import VerbatimIndex, find_verbatim, normalize
from tiny_workspace import edit, line_of, make_workspace, problems

EXTRACTS = "seeds/extracts/n1-ruge.yaml"
SOURCE = "seeds/sources/n1-ruge.yaml"


def test_span_is_the_passage_as_the_source_wrote_it() -> None:
    text = "He said:\n“We will   not\n  allow it.” Then left."
    start, end = find_verbatim(text, '"We will not allow it."')
    assert text[start:end] == "“We will   not\n  allow it.”"


def test_typographic_quotes_and_apostrophes_are_tolerated() -> None:
    text = "„Kosovo’s future“ and «the region» and ‘ours’ and it´s"
    assert find_verbatim(text, '"Kosovo\'s future"') == (0, 17)
    assert find_verbatim(text, '"the region"') is not None
    assert find_verbatim(text, "'ours' and it's") is not None


@pytest.mark.parametrize(
    "passage",
    [
        "Vucic said",  # diacritics are content
        "vučić said",  # so is case
        "Vučić says",  # and every letter
        "Vučić said,",  # and punctuation
        "Vučić-said",
    ],
)
def test_anything_but_quotes_and_whitespace_must_match(passage: str) -> None:
    assert find_verbatim("Vučić said: no.", passage) is None


def test_no_break_space_and_tabs_count_as_whitespace() -> None:
    assert find_verbatim("Boris\u00a0Ruge\tsaid", "Boris Ruge said") == (0, 15)


def test_find_all_finds_every_occurrence() -> None:
    index = VerbatimIndex("ab  ab\nab")
    assert index.find_all("ab") == [(0, 2), (4, 6), (7, 9)]


@given(
    words=st.lists(st.text(alphabet="abcčć“”‘’\"' .", min_size=1, max_size=6), max_size=12),
    gaps=st.lists(st.sampled_from([" ", "  ", "\n", " \n\t", "\u00a0"]), min_size=12, max_size=12),
    pick=st.tuples(st.integers(0, 11), st.integers(0, 11)),
)
def test_any_slice_of_words_is_found_at_its_place(
    words: list[str], gaps: list[str], pick: tuple[int, int]
) -> None:
    words = [w for w in (w.strip() for w in words) if w and " " not in w and "." not in w]
    text = "".join(word + gap for word, gap in zip(words, gaps, strict=False))
    if not words:
        return
    first, last = sorted(p % len(words) for p in pick)
    passage = " ".join(words[first : last + 1])
    span = find_verbatim(text, passage)
    assert span is not None
    assert normalize(text[span[0] : span[1]]) == normalize(passage)


# ---------------------------------------------------------- in the corpus


@pytest.fixture
def ws(tmp_path: Path) -> Path:
    return make_workspace(tmp_path)


def test_the_fixture_quote_spans_a_line_break_and_typographic_quotes(ws: Path) -> None:
    assert problems(ws) == []


def test_altered_quote_is_reported_with_where_it_stops_matching(ws: Path) -> None:
    edit(ws, EXTRACTS, "any type of security vacuum", "any kind of security vacuum")
    line = line_of(ws, EXTRACTS, "any kind of")
    assert problems(ws) == [
        f"{EXTRACTS}:{line}:12: extracts[0].quote: not found verbatim in source 'n1-ruge' "
        "(matches up to '...will not allow any', then differs)"
    ]


def test_altered_evidence_is_reported(ws: Path) -> None:
    edit(ws, EXTRACTS, "He met Vjosa Osmani", "He met Vjosa Osmani twice")
    line = line_of(ws, EXTRACTS, "evidence:")
    [problem] = problems(ws)
    assert problem.startswith(f"{EXTRACTS}:{line}:15: extracts[1].evidence: not found verbatim")


def test_quote_from_boilerplate_is_refused(ws: Path) -> None:
    edit(
        ws, EXTRACTS, "We will not allow any type of security vacuum to emerge.", "Leave a comment."
    )
    assert problems(ws) == [
        f"{EXTRACTS}:{line_of(ws, EXTRACTS, 'Leave a comment')}:12: extracts[0].quote: "
        "comes from the site's boilerplate, which is never content"
    ]


def test_a_passage_also_outside_boilerplate_is_fine(ws: Path) -> None:
    """'We will not allow any type of' is both in the quote and in the boilerplate."""
    edit(
        ws,
        EXTRACTS,
        "We will not allow any type of security vacuum to emerge.",
        "We will not allow any type of",
    )
    assert problems(ws) == []


def test_boilerplate_must_itself_be_verbatim(ws: Path) -> None:
    edit(ws, SOURCE, "Leave a comment.", "Leave a comment!")
    line = line_of(ws, SOURCE, "Leave a comment!")
    assert problems(ws) == [
        f"{SOURCE}:{line}:5: boilerplate[0]: not found verbatim in texts/n1-ruge.txt"
    ]


def test_direct_statement_must_be_in_quotation_marks(ws: Path) -> None:
    edit(
        ws,
        EXTRACTS,
        "We will not allow any type of security vacuum to emerge.",
        "He met Vjosa Osmani",
    )
    line = line_of(ws, EXTRACTS, "id: ruge-no-vacuum")
    assert problems(ws) == [
        f"{EXTRACTS}:{line}:5: extracts[0].mode: direct, but the source does not put these "
        "words in quotation marks: reported speech is 'indirect'"
    ]
    # Reported speech opening "He ..." also says whom it is about (refers_to).
    edit(
        ws,
        EXTRACTS,
        "    occasion: visit",
        "    mode: indirect\n    refers_to: boris-ruge\n    occasion: visit",
    )
    assert problems(ws) == []


def test_part_of_a_quotation_is_direct_too(ws: Path) -> None:
    edit(
        ws, EXTRACTS, "We will not allow any type of security vacuum to emerge.", "security vacuum"
    )
    assert problems(ws) == []


def test_interview_answers_are_direct_without_marks(ws: Path) -> None:
    edit(
        ws,
        EXTRACTS,
        "We will not allow any type of security vacuum to emerge.",
        "He met Vjosa Osmani",
    )
    edit(ws, SOURCE, "kind: news_report", "kind: interview")
    assert problems(ws) == []


def test_inside_quotes_reads_paragraphs_and_single_quotes() -> None:
    from brief.corpus.checks import _inside_quotes

    text = "He said “one\nand two” after\n\n“three\n\n“four” five ‘six’ 'seven'"

    def at(word: str) -> bool:
        start = text.index(word)
        return _inside_quotes(text, (start, start + len(word)))

    assert at("one")
    assert at("and two")  # lines wrap inside a paragraph
    assert not at("after")
    assert at("three")  # a quotation running on
    assert not at("five")
    assert at("six")
    assert at("seven")


def test_every_unicode_space_counts_as_a_space() -> None:
    # The list of spaces is written out in the module: it must be every character
    # `str.isspace` accepts, or a quote with such a space stops matching its source.
    import sys

    from brief.corpus.provenance import _WHITESPACE

    spaces = {chr(c) for c in range(sys.maxunicode + 1) if chr(c).isspace()} - {" "}
    assert set(_WHITESPACE) == spaces
    for space in spaces:
        assert normalize(f"a{space}b") == "a b"
