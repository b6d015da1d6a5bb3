"""The Markdown dialect: escaping, parsing into the document model, rendering back."""

from __future__ import annotations

import re

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from brief.document import (
    BlockQuote,
    Emphasis,
    Heading,
    LineBreak,
    Link,
    ListBlock,
    Note,
    PageBreak,
    Paragraph,
    Strong,
    Table,
    Text,
    numbered_notes,
    plain_text,
)
from brief.document.from_markdown import parse_markdown
from brief.document.markdown_escape import _escaped, escape_markdown
from brief.document.model import Document
from brief.render.markdown import closing_blocks, render_text, title_blocks
from sample_docs import HOSTILE, minimal_document, rich_document


@given(st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc"))))
def test_any_text_escaped_reads_back_as_itself(text: str) -> None:
    blocks = parse_markdown("Before " + escape_markdown(text, line_start=False) + " after")
    expected = "Before " + re.sub(r"[\r\n\u2028\u2029]+", " ", text) + " after"
    assert blocks == (Paragraph((Text(expected),)),)


_PIECES = ["a", "b", " ", "  ", "1.", "2)", "-", "+", "=", "&a;", "&#1;", "&", "#", "*", "_"]
_PIECES += ["[", "]", "<", ">", "|", "~", "`", "\\", "\r", "\n", "\u2028", "\x0c", "\x0b"]


@given(st.lists(st.sampled_from(_PIECES), max_size=6).map("".join), st.booleans())
@example("AT&amp;T", False)
@example("words  ", False)
@example("two\nlines", False)
@example("1. first", True)
def test_text_without_markup_characters_is_returned_as_every_escape_would_write_it(
    text: str, line_start: bool
) -> None:
    # The shortcut for values that need no escape answers what the escapes answer.
    assert escape_markdown(text, line_start=line_start) == _escaped(text, line_start)


def test_trailing_spaces_of_a_value_are_kept_but_never_a_hard_break() -> None:
    assert parse_markdown(escape_markdown("words  ") + "\nmore") == (
        Paragraph((Text("words   more"),)),
    )


@pytest.mark.parametrize(
    "text",
    [
        HOSTILE,
        "# not a heading",
        "- not a list",
        "+ not a list",
        "1. not a list",
        "2) not a list",
        "> not a quote",
        "=== not a rule",
        "a | b | c",
        "[^1] and [link](https://x.org) and ![img](x.png)",
        "&amp; &#32; &copy;",
        "\\pagebreak",
        "ends with a backslash \\",
        "Vučić, Đurić, Ulutaş, Вучић",
    ],
)
def test_escaped_text_at_line_start_is_one_literal_paragraph(text: str) -> None:
    assert parse_markdown(escape_markdown(text)) == (Paragraph((Text(text),)),)


def test_dialect_parses_every_block_and_inline_kind() -> None:
    source = "\n".join(
        [
            "# Key judgments",
            "",
            "Some *emphasis*, **strong**, a [link](https://nato.int) and a note.[^a]",
            "Hard break here\\",
            "next line.",
            "",
            "- one",
            "- two",
            "",
            "1. first",
            "",
            "> quoted[^a]",
            "",
            "| Actor | Role |",
            "| :--- | ---: |",
            "| Ruge | ASG[^b] |",
            "",
            "\\pagebreak",
            "",
            "## Key judgments",
            "",
            "[^a]: Source *A*.",
            "[^b]: Source B.",
        ]
    )
    blocks = parse_markdown(source)
    note_a = Note((Text("Source "), Emphasis((Text("A"),)), Text(".")))
    assert blocks == (
        Heading(1, (Text("Key judgments"),), anchor="key-judgments"),
        Paragraph(
            (
                Text("Some "),
                Emphasis((Text("emphasis"),)),
                Text(", "),
                Strong((Text("strong"),)),
                Text(", a "),
                Link("https://nato.int", (Text("link"),)),
                Text(" and a note."),
                note_a,
                Text(" Hard break here"),
                LineBreak(),
                Text("next line."),
            )
        ),
        ListBlock(((Paragraph((Text("one"),)),), (Paragraph((Text("two"),)),))),
        ListBlock(((Paragraph((Text("first"),)),),), ordered=True),
        BlockQuote((Paragraph((Text("quoted"), note_a)),)),
        Table(
            header=((Text("Actor"),), (Text("Role"),)),
            rows=(((Text("Ruge"),), (Text("ASG"), Note((Text("Source B."),)))),),
            align=("left", "right"),
        ),
        PageBreak(),
        Heading(2, (Text("Key judgments"),), anchor="key-judgments-2"),
    )


def test_markdown_outside_the_dialect_stays_literal_text() -> None:
    source = "Code `x`, <b>html</b>, ![image](a.png)\n\n```\nfence\n```\n\n    indented"
    blocks = parse_markdown(source)
    text = " ".join(plain_text(b.children) for b in blocks if isinstance(b, Paragraph))
    for literal in ("`x`", "<b>html</b>", "!", "```", "fence", "indented"):
        assert literal in text


def _round_trip(document):  # type: ignore[no-untyped-def]
    return parse_markdown(render_text(document))


@pytest.mark.parametrize("document", [minimal_document(), rich_document(sections=2)])
def test_rendered_markdown_reads_back_to_the_same_blocks(document) -> None:  # type: ignore[no-untyped-def]
    blocks = _round_trip(document)
    expected = (*title_blocks(document.meta), *document.blocks, *closing_blocks(document.meta))
    assert len(blocks) == len(expected)
    for got, want in zip(blocks, expected, strict=True):
        # Anchors come from the heading text; table widths and non-web links
        # have no Markdown form.
        if isinstance(want, Heading):
            assert (got.level, got.children) == (want.level, want.children)
        elif isinstance(want, Table):
            assert (got.header, got.rows) == (want.header, want.rows)
        elif isinstance(want, Paragraph) and any(
            isinstance(i, Link) and not i.url.startswith("http") for i in want.children
        ):
            assert plain_text(got.children) == plain_text(want.children)
        else:
            assert got == want


def test_markdown_notes_are_real_footnotes_numbered_like_the_model() -> None:
    document = rich_document(sections=1, notes_per_section=3)
    text = render_text(document)
    notes = numbered_notes(document)
    for number, note in notes:
        assert f"[^{number}]" in text
        definition = next(line for line in text.splitlines() if line.startswith(f"[^{number}]: "))
        assert plain_text(note.children)[:20].split()[0] in definition
    assert f"[^{len(notes) + 1}]" not in text


def test_markdown_title_block_holds_the_metadata() -> None:
    document = minimal_document()
    text = render_text(document)
    head = text.split("---")[1]
    assert 'title: "Kosovo: country brief"' in head
    assert 'marking: "UNCLASSIFIED"' in head
    assert 'as_of: "2024-09-17"' in head
    assert text.count("**UNCLASSIFIED**") == 2
    assert "Information as of 17 September 2024" in text


def test_markdown_render_is_deterministic() -> None:
    assert render_text(rich_document()) == render_text(rich_document())


@pytest.mark.parametrize(
    ("url", "printed"),
    [
        ("https://rks.news/?p=19366", "<https://rks.news/?p=19366>"),
        # `&amp;` would read back as `&` from an autolink: the long form keeps it.
        ("https://example.org/a?b=1&amp;c=2", "](<https://example.org/a?b=1"),
    ],
)
def test_a_bare_url_prints_once_and_reads_back_exactly(url: str, printed: str) -> None:
    paragraph = Paragraph((Text("See "), Link(url, (Text(url),)), Text(".")))
    md = render_text(Document(minimal_document().meta, (paragraph,)))
    assert printed in md
    assert paragraph in parse_markdown(md)
