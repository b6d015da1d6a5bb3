"""The cover block and the table of contents."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer, Table, TableStyle
from reportlab.platypus.flowables import HRFlowable
from reportlab.platypus.tableofcontents import TableOfContents

from brief.document import Metadata
from brief.document.dates import long_date
from brief.render.pdf.fonts import FAMILY
from brief.render.pdf.markup import literal
from brief.render.pdf.styles import ACCENT, Styles

# Levels shown in the table of contents (0-based); the outline has all three.
TOC_LEVELS = 2
LABEL_WIDTH = 36 * mm


def cover(meta: Metadata, styles: Styles, width: float) -> list[Flowable]:
    rows: list[tuple[str, str]] = []
    if meta.subject:
        rows.append(("Subject", meta.subject))
    rows.append(("Information as of", long_date(meta.as_of)))
    if meta.since:
        rows.append(("Period covered", f"{long_date(meta.since)} to {long_date(meta.as_of)}"))
    if meta.source_count:
        rows.append(("Sources", str(meta.source_count)))
    rows.append(("Marking", meta.marking))
    details = Table(
        [
            [
                Paragraph(literal(label), styles.cover_label),
                Paragraph(literal(value), styles.cover_value),
            ]
            for label, value in rows
        ],
        colWidths=[LABEL_WIDTH, width - LABEL_WIDTH],
        hAlign="LEFT",
    )
    details.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), FAMILY, 9),
                ("VALIGN", (0, 0), (-1, -1), "BASELINE"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 1.5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
            ]
        )
    )
    story: list[Flowable] = [Spacer(1, 28), Paragraph(literal(meta.title), styles.title)]
    if meta.subtitle:
        story.append(Paragraph(literal(meta.subtitle), styles.subtitle))
    story += [
        HRFlowable(width="100%", thickness=1.2, color=ACCENT, spaceBefore=10, spaceAfter=10),
        details,
        Spacer(1, 30),
    ]
    return story


def contents(styles: Styles) -> list[Flowable]:
    table_style = TableStyle(
        [
            # Tables set a font of their own: without this one, Helvetica.
            ("FONT", (0, 0), (-1, -1), FAMILY, 10),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ("TOPPADDING", (0, 0), (-1, -1), 1),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
        ]
    )
    toc = TableOfContents(
        levelStyles=list(styles.toc_levels),
        tableStyle=table_style,
        dotsMinLevel=0,
        rightColumnWidth=30,
    )
    return [Paragraph("Contents", styles.toc_title), toc]
