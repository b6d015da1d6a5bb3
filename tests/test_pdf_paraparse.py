"""The PDF renderer's own markup tokenizer gives reportlab the fragments its
HTMLParser-based parser gives, for any paragraph the renderer writes."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from reportlab.platypus.paragraph import Paragraph as ReportlabParagraph
from reportlab.platypus.paragraph import cleanBlockQuotedText

import doc_strategies
from brief.document import Inline, Note, Text
from brief.render.pdf import paraparse
from brief.render.pdf.markup import Inliner, begin_document, literal, note_target
from brief.render.pdf.styles import styles
from brief.render.pdf.wrapcache import Paragraph
from brief.render.xml_text import quoteattr


def _plain(value: object) -> object:
    """A fragment (and what it holds) as plain data, comparable with ==."""
    if isinstance(value, list | tuple):
        return [_plain(item) for item in value]
    attrs = getattr(value, "__dict__", None)
    if attrs is not None and not hasattr(value, "rgb"):  # colours compare by value
        return (type(value).__name__, {k: _plain(v) for k, v in sorted(attrs.items())})
    return value


def _reportlab_frags(markup: str, bullet: str | None = None) -> object:
    style = styles().note
    return _plain(ReportlabParagraph(markup, style, bulletText=bullet).frags)


def _fast_frags(markup: str, bullet: str | None = None) -> object:
    style = styles().note
    parsed = paraparse.parse(cleanBlockQuotedText(markup), style, 1)
    assert parsed is not None, f"the renderer's own markup left to HTMLParser: {markup!r}"
    paragraph = Paragraph(markup, style, bulletText=bullet)
    assert _plain(paragraph.frags) == _plain(parsed[1])
    return _plain(paragraph.frags)


def _note_markup(children: tuple[Inline, ...], number: int) -> str:
    # As flowables.note_paragraphs writes a note: its anchor, then its text.
    return f'<a name="{note_target(number)}"/>' + Inliner().markup(children, in_note=True)


@settings(max_examples=80, deadline=None)
@given(doc_strategies.inlines)
def test_any_paragraph_gives_reportlabs_fragments(children: tuple[Inline, ...]) -> None:
    begin_document()
    markup = Inliner().markup(children)
    assert _fast_frags(markup) == _reportlab_frags(markup)


@settings(max_examples=40, deadline=None)
@given(doc_strategies.inlines, st.integers(1, 400))
def test_any_note_gives_reportlabs_fragments(children: tuple[Inline, ...], number: int) -> None:
    begin_document()
    markup = _note_markup(children, number)
    assert _fast_frags(markup, str(number)) == _reportlab_frags(markup, str(number))


def test_entities_whitespace_quotes_and_fallback_fonts() -> None:
    begin_document()
    texts = [
        "AT&T <b>not bold</b> &amp; &lt;para&gt;  two  spaces\n and a line",
        "Вучић, 東京, \u0627\u0644\u0633\u0644\u0627\u0645 and \U0001f600",
        "",
    ]
    for text in texts:
        markup = literal(text)
        assert _fast_frags(markup) == _reportlab_frags(markup)
    reference = Inliner().markup((Text("x"), Note((Text("y"),))))
    assert _fast_frags(reference) == _reportlab_frags(reference)
    for url in ('https://a.example/"q"', "https://a.example/'q'", "https://a.example/\"'\n"):
        markup = f"<a href={quoteattr(url)}>x</a>"
        assert _fast_frags(markup) == _reportlab_frags(markup)


def test_markup_outside_the_subset_is_left_to_reportlab() -> None:
    style = styles().body
    odd = ("<para>x</para>", "<u>x</u>", "a &#38; b", "a &nbsp; b", "<b >x</b>", "<B>x</B>")
    for markup in odd:
        assert paraparse.parse(markup, style, 1) is None
        # ... and reportlab's own parse still gives the paragraph its fragments.
        assert _plain(Paragraph(markup, style).frags) == _plain(
            ReportlabParagraph(markup, style).frags
        )
