"""A brief's Markdown is parsed once, though its notes are written after its body.

The notes' texts depend on the order their references are read in (the first
note citing a source gives its full form), so the body is parsed with
placeholder definitions and the notes parsed on their own. The document must be
the one the whole Markdown reads as: `CitedMarkdown(...).blocks()` equals
`parse_markdown(markdown)`, in every case, including those where the shortcut
does not hold and the whole is parsed.
"""

from __future__ import annotations

import re

import pytest

from brief.document.from_markdown import CitedMarkdown, MarkdownError, parse_markdown

_REF = re.compile(r"\[\^([^\]\s]+)\]")


def _stubs(text: str) -> str:
    return "\n".join(f"[^{label}]: -" for label in dict.fromkeys(_REF.findall(text)))


def _notes(order: list[str]) -> str:
    # Like the real notes: the text of a note depends on where it comes in the order.
    return "\n".join(
        f"[^{label}]: Note {n} on *{label}*, [link](https://example.org/{n})."
        for n, label in enumerate(dict.fromkeys(order), start=1)
    )


CASES = {
    "plain": ["# Title", "Text[^a] and more[^b].", "- item[^a]\n- other[^c]"],
    "no notes": ["# Title", "Just text."],
    "nothing": [],
    "reference link": ["See [the site][site][^a].", "[site]: https://example.org"],
    "inline note": ["Text^[an inline note] then[^a].", "More[^b]^[another]."],
    "table": ["| a | b |\n|---|---|\n| x[^a] | y |", "After[^b]."],
    "quote": ["> Quoted[^b] words[^a]", "Then[^c]."],
    # a reference read only inside an inline note: the whole Markdown is parsed
    "reference in inline note": ["Text^[see[^a]] and[^b]."],
    "escaped": ["Not a note: \\[^a] but this is[^b]."],
}


@pytest.mark.parametrize("parts", CASES.values(), ids=CASES.keys())
def test_blocks_are_those_of_the_whole_markdown(parts: list[str]) -> None:
    cited = CitedMarkdown(parts, _stubs, _notes)
    assert cited.markdown == "\n\n".join([*parts, _notes(_order(cited.markdown))]) + "\n"
    assert cited.blocks() == parse_markdown(cited.markdown)


def _order(markdown: str) -> list[str]:
    """The order the notes were written in (read back from them)."""
    return re.findall(r"^\[\^([^\]]+)\]: Note", markdown, flags=re.M)


def test_notes_follow_the_order_the_references_are_read_in() -> None:
    cited = CitedMarkdown(["B first[^b], then a[^a].", "b again[^b]."], _stubs, _notes)
    assert _order(cited.markdown) == ["b", "a"]


def test_a_note_outside_the_dialect_is_reported_at_its_line() -> None:
    def notes(order: list[str]) -> str:
        return "\n".join(f"[^{label}]: # a heading" for label in order)

    parts = ["# Title", "Text[^a]."]
    cited = CitedMarkdown(parts, _stubs, notes)
    with pytest.raises(MarkdownError) as got:
        cited.blocks()
    with pytest.raises(MarkdownError) as whole:
        parse_markdown(cited.markdown)
    assert (got.value.line, got.value.message) == (whole.value.line, whole.value.message)


NOTE_TEXTS = [
    "Alpha, “One,” *Outlet*, [https://example.org/1](<https://example.org/1>) (B2).",
    "Ibid. (A2).",
    "*Outlet* first, [a link](<https://example.org/2>).",
    "See also[^a], a note citing a note.",
    "Beta, *Other*, 2024 (C3).",
    "2024 (D1).",
]


@pytest.mark.parametrize("rotate", range(len(NOTE_TEXTS)))
def test_note_lines_seen_in_an_earlier_brief_read_the_same(rotate: int) -> None:
    """Notes read from the cache of earlier briefs' note lines (same text, any label,
    any neighbours) give the blocks the whole Markdown gives."""
    texts = NOTE_TEXTS[rotate:] + NOTE_TEXTS[:rotate]

    def notes(order: list[str]) -> str:
        labels = list(dict.fromkeys(order))
        return "\n".join(f"[^{label}]: {texts[i % len(texts)]}" for i, label in enumerate(labels))

    for parts in (["One[^a] two[^b] three[^c]."], ["Four[^d], five[^a]", "six[^e]."]):
        cited = CitedMarkdown(parts, _stubs, notes)
        assert cited.blocks() == parse_markdown(cited.markdown)
    # plain notes only: those of the earlier briefs come from the cache
    texts = [NOTE_TEXTS[4], NOTE_TEXTS[1], NOTE_TEXTS[0]]
    cited = CitedMarkdown(["x[^a] y[^z] w[^q]."], _stubs, notes)
    assert cited.blocks() == parse_markdown(cited.markdown)


def test_a_note_citing_another_note_is_not_taken_from_an_earlier_brief() -> None:
    """`[^a]` in a note is a reference where `a` is defined, else text: the same line
    reads differently in another brief."""
    nested = "[^b]: Nested, see[^a] (E1)."
    for parts, notes in (
        (["One[^a] two[^b]."], f"[^a]: Alpha (B2).\n{nested}"),
        (["Two[^b]."], nested),
    ):
        cited = CitedMarkdown(parts, _stubs, lambda order, notes=notes: notes)
        assert cited.blocks() == parse_markdown(cited.markdown)
