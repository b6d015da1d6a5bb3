"""PDF renderer: a professional brief with true page-bottom footnotes.

    EXTENSION = "pdf"
    render(document) -> bytes   # same document, same bytes

Built with reportlab on IBM Plex Serif (embedded subsets, from pip). Notes sit
at the bottom of the page that references them (see `footnotes`); the table of
contents, outline and "Page X of Y" come from one layout pass, their page
numbers drawn as forward references (see `forward`).
"""

from __future__ import annotations

import io

from reportlab.platypus import Flowable, NextPageTemplate, PageBreak

from brief.document import Document, Heading, numbered_notes
from brief.render.collection import one_collection
from brief.render.pdf import markup, widths
from brief.render.pdf.flowables import StoryBuilder, note_paragraphs
from brief.render.pdf.footnotes import FlushNotes, Footnotes
from brief.render.pdf.page import BODY, BriefDocTemplate
from brief.render.pdf.styles import styles
from brief.render.pdf.theme import DEFAULT, Theme
from brief.render.pdf.toc import TOC_LEVELS, contents, cover

EXTENSION = "pdf"


def render(document: Document, theme: Theme | None = None) -> bytes:
    """`theme`: page size, margins, fonts, colours and logo (None: the house look)."""
    with one_collection():
        return _render(document, theme)


def _render(document: Document, theme: Theme | None) -> bytes:
    style = styles(theme or DEFAULT)
    markup.begin_document(style.look.faces.regular)
    widths.begin_document()
    footnotes = Footnotes({})
    footnotes.rule = style.look.rule
    buffer = io.BytesIO()
    doc = BriefDocTemplate(buffer, document.meta, footnotes, style.look)
    builder = StoryBuilder(style, doc.width)
    body = builder.blocks(document.blocks)
    _check_numbering(document, builder)
    footnotes.paragraphs = note_paragraphs(builder.inliner, builder.notes, style.note)
    story: list[Flowable] = [*cover(document.meta, style, doc.width)]
    if not document.meta.contents:  # page 1: title block and the brief's opening
        story += [NextPageTemplate(BODY), *body]
    else:
        if any(isinstance(b, Heading) and b.level <= TOC_LEVELS for b in document.blocks):
            story += contents(style, _toc_entries(body), doc.heading_pages, doc.forward)
        story += [NextPageTemplate(BODY), PageBreak(), *body]
    if builder.notes:
        story.append(FlushNotes(footnotes))
    doc.build(story)
    markup.report_missing(document.meta.title)
    return buffer.getvalue()


def _toc_entries(body: list[Flowable]) -> list[tuple[int, str, str]]:
    """(level, markup, bookmark key) of each heading the contents list, in order."""
    found = (getattr(flowable, "brief_heading", None) for flowable in body)
    return [(i.level, i.markup, i.key) for i in found if i is not None and i.level < TOC_LEVELS]


def _check_numbering(document: Document, builder: StoryBuilder) -> None:
    # The numbers printed must be those every other renderer prints.
    expected = [note for _, note in numbered_notes(document)]
    if builder.notes != expected:
        raise RuntimeError("PDF note numbering differs from the document's reading order")
