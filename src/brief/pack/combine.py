"""The combined pack PDF: a cover (contents, what changed) then every brief.

The cover is a small `Document` rendered by the PDF renderer, so it looks
like the briefs; pypdf appends the briefs, one outline entry each.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

from brief import __version__
from brief.document import Document, Heading, ListBlock, Metadata, Paragraph, Table, Text


@dataclass(frozen=True)
class PackedBrief:
    title: str
    subject: str
    marking: str
    pdf: bytes


def _t(text: str) -> tuple[Text, ...]:
    return (Text(text),)


def cover_document(
    meta: Metadata,
    intro: str,
    briefs: list[PackedBrief],
    first_pages: list[int] | None,
    changes: list[tuple[str, list[str]]],
    changes_intro: str,
) -> Document:
    rows = tuple(
        (_t(b.title), _t(b.subject), _t(str(first_pages[i]) if first_pages else ""))
        for i, b in enumerate(briefs)
    )
    blocks = [
        Paragraph(_t(intro)),
        Heading(2, _t("Contents"), anchor="contents"),
        Table(
            header=(_t("Brief"), _t("Subject"), _t("Page")),
            rows=rows,
            widths=(0.6, 0.28, 0.12),
            align=("left", "left", "right"),
        ),
        Heading(2, _t("What changed"), anchor="changes"),
        Paragraph(_t(changes_intro)),
    ]
    for title, lines in changes:
        blocks.append(Heading(3, _t(title)))
        blocks.append(ListBlock(items=tuple((Paragraph(_t(line)),) for line in lines)))
    return Document(meta=meta, blocks=tuple(blocks))


def page_count(pdf: bytes) -> int:
    from pypdf import PdfReader

    return len(PdfReader(io.BytesIO(pdf)).pages)


def combine(
    render_pdf, meta: Metadata, intro: str, briefs: list[PackedBrief], changes, changes_intro: str
) -> bytes:
    """Cover + briefs as one PDF. `render_pdf(document) -> bytes` renders the cover."""
    from pypdf import PdfReader, PdfWriter

    # The contents list page numbers, which depend on the cover's own length:
    # render once to count its pages (it does not grow by adding numbers).
    draft = render_pdf(cover_document(meta, intro, briefs, None, changes, changes_intro))
    page = page_count(draft) + 1
    first_pages = []
    for brief in briefs:
        first_pages.append(page)
        page += page_count(brief.pdf)
    cover = render_pdf(cover_document(meta, intro, briefs, first_pages, changes, changes_intro))

    writer = PdfWriter()
    writer.append(PdfReader(io.BytesIO(cover)), outline_item=meta.title, import_outline=False)
    for brief in briefs:
        writer.append(PdfReader(io.BytesIO(brief.pdf)), outline_item=brief.title)
    writer.add_metadata(
        {
            "/Title": meta.title,
            "/Subject": meta.subtitle,
            "/Creator": f"brief {__version__}",
            "/Producer": f"brief {__version__} (pypdf)",
        }
    )
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
