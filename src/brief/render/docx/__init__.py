"""Word renderer: a `Document` as a .docx with real footnotes, styles and fields.

python-docx builds the package from its template; the modules here add what
it lacks (footnotes, fields, numbering, settings) and make the bytes
reproducible. The renderer reads only the document model.
"""

from __future__ import annotations

import dataclasses

import docx
from docx.oxml.ns import qn

from brief.document import Document, Metadata
from brief.render.collection import one_collection
from brief.render.docx import body, fonts, front, package, settings, styles
from brief.render.docx.footnotes import Footnotes
from brief.render.docx.numbering import Numbering
from brief.render.docx.text import Cleaner, building

EXTENSION = "docx"


def render(document: Document) -> bytes:
    """The .docx bytes of `document`: the same document always gives the same bytes."""
    # Like the PDF render: the collector paused, one young collection at the end
    # (see brief.render.collection). What a render makes lives until its end or is
    # freed by reference counting: the collections during it found nothing to free.
    with one_collection(), building():
        return _render(document)


def _render(document: Document) -> bytes:
    clean = Cleaner()
    meta = _clean_meta(document.meta, clean)
    word = docx.Document()
    package.drop_stale_parts(word)
    styles.apply(word.styles.element, meta.language or "en")
    front.setup_page(word.sections[0], meta.marking)

    headings = list(body.heading_entries(document.blocks))
    bookmarks = [f"_Toc{index + 1:08d}" for index in range(len(headings))]
    ctx = body.Context(
        cleaner=clean,
        footnotes=Footnotes(word.part),
        numbering=Numbering(word.part.numbering_part.element),
        part=word.part,
        bookmarks=bookmarks,
    )
    entries = [(level, text, name) for (level, text), name in zip(headings, bookmarks, strict=True)]
    elements = [
        *front.title_block(meta),
        *(front.contents(entries, clean) if meta.contents else []),
        *body.blocks(document.blocks, ctx),
    ]
    target = word.element.body
    section = target.find(qn("w:sectPr"))
    for element in elements:
        section.addprevious(element)

    settings.configure(word.settings.element)
    package.set_properties(word, meta)
    embedded = fonts.embed(word.part.package)
    data = package.save(word, embedded)
    clean.report(meta.title)
    return data


def _clean_meta(meta: Metadata, clean: Cleaner) -> Metadata:
    return dataclasses.replace(
        meta,
        title=clean(meta.title),
        subtitle=clean(meta.subtitle),
        marking=clean(meta.marking),
        subject=clean(meta.subject),
        kind=clean(meta.kind),
        author=clean(meta.author),
        keywords=tuple(clean(k) for k in meta.keywords),
        language=clean(meta.language),
        generator=clean(meta.generator),
        inputs_hash=clean(meta.inputs_hash),
        as_of_text=clean(meta.as_of_text),
        front=tuple((clean(k), clean(v)) for k, v in meta.front),
        disclaimer=clean(meta.disclaimer),
    )
