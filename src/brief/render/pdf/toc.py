"""The cover block and the table of contents.

The contents are known before layout (every heading down to `TOC_LEVELS`), so
they are laid out once with their final height; only the page numbers wait
for the end of layout, drawn as forward references.
"""

from __future__ import annotations

import io
from typing import Any

from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Image, Spacer, Table, TableStyle
from reportlab.platypus.flowables import HRFlowable
from reportlab.platypus.tableofcontents import TableOfContents, drawPageNumbers

from brief.document import Metadata
from brief.document.dates import long_date
from brief.render.pdf.forward import Forward
from brief.render.pdf.markup import literal
from brief.render.pdf.styles import Styles
from brief.render.pdf.theme import Logo
from brief.render.pdf.wrapcache import Paragraph

# Levels shown in the table of contents (0-based); the outline has all three.
TOC_LEVELS = 2
LABEL_WIDTH = 36 * mm


def cover(meta: Metadata, styles: Styles, width: float) -> list[Flowable]:
    rows: list[tuple[str, str]] = []
    # "Subject: Norland" under "Norland: country brief" would only repeat the title.
    if meta.subject and meta.subject.casefold() not in meta.title.casefold():
        rows.append(("Subject", meta.subject))
    rows.append(("Information as of", meta.information_as_of))
    if meta.since:
        rows.append(("Period covered", f"{long_date(meta.since)} to {long_date(meta.as_of)}"))
    if meta.source_count:
        rows.append(("Sources", str(meta.source_count)))
    rows += list(meta.front)
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
                ("FONT", (0, 0), (-1, -1), styles.look.faces.regular, 9),
                ("VALIGN", (0, 0), (-1, -1), "BASELINE"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 1.5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
            ]
        )
    )
    logo = styles.look.theme.logo
    story: list[Flowable] = [*(_logo(logo, width) if logo else [Spacer(1, 28)])]
    story.append(Paragraph(literal(meta.title), styles.title))
    if meta.subtitle:
        story.append(Paragraph(literal(meta.subtitle), styles.subtitle))
    story += [
        HRFlowable(
            width="100%", thickness=1.2, color=styles.look.accent, spaceBefore=10, spaceAfter=10
        ),
        details,
    ]
    if meta.disclaimer:
        story.append(Paragraph(literal(meta.disclaimer), styles.cover_label))
    story.append(Spacer(1, 30 if meta.contents else 12))
    return story


LOGO_MAX_HEIGHT = 30 * mm


def _logo(logo: Logo, room: float) -> list[Flowable]:
    """The organisation's logo at the top right of page 1, `width_mm` wide (or less,
    keeping its proportions, so that it is at most `LOGO_MAX_HEIGHT` tall and no
    wider than the text, `room`)."""
    image = io.BytesIO(logo.data)
    pixels_wide, pixels_high = ImageReader(image).getSize()
    width = min(logo.width_mm * mm, room)
    height = width * pixels_high / pixels_wide
    if height > LOGO_MAX_HEIGHT:
        width, height = width * LOGO_MAX_HEIGHT / height, LOGO_MAX_HEIGHT
    image.seek(0)
    return [Image(image, width=width, height=height, hAlign="RIGHT"), Spacer(1, 12)]


class Contents(TableOfContents):
    """reportlab's table of contents, its entries given up front, laid out in
    one pass; each page number (and its dot leader, whose length depends on
    the number's width) is a form filled in when the pages are known."""

    def __init__(
        self,
        entries: list[tuple[int, str, str]],
        pages: dict[str, int],
        forward: Forward,
        **kwargs: Any,
    ) -> None:
        super().__init__(**kwargs)
        self._given = [(level, markup, 0, key) for level, markup, key in entries]
        self._pages = pages
        self._forward = forward
        self._avail = (0.0, 0.0)

    # reportlab's stubs say a TableOfContents always indexes; this one never
    # does (its entries are given), so the build needs no second pass.
    def isIndexing(self) -> int:  # type: ignore[override]
        return 0

    def isSatisfied(self) -> bool:
        return True

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self._lastEntries = self._given
        size = super().wrap(availWidth, availHeight)
        self._avail = (availWidth, availHeight)
        self.canv.setNamedCB("drawTOCEntryEnd", self._entry_end)
        return size

    def _entry_end(self, canv: Canvas, kind: str | None, label: str) -> None:
        # The label is "page,level,key" as TableOfContents writes it; the key
        # is the heading's bookmark (h1, h2, ...), unique in the document.
        _, level, key = label.split(",")
        key = key.strip("'")
        style = self.getLevelStyle(int(level))
        dot = " . " if 0 <= self.dotsMinLevel <= int(level) else ""
        # Where the entry's text ended: reportlab's text cursor, internal to its canvas.
        cursor = canv._curr_tx_info  # type: ignore[attr-defined]
        x, y = cursor["cur_x"], cursor["cur_y"]
        width, height = self._avail
        # A form cannot hold a link: the page holds it, over the leader and
        # the number (whose width is not known yet).
        canv.linkRect("", key, (x, y, width, y + style.leading), relative=1)

        def fill(form: Canvas) -> None:
            page = self._pages.get(key)
            if page is None:  # a heading never placed whole: no number to show
                return
            # drawPageNumbers starts where the entry's text ended; no key: no link.
            form._curr_tx_info = {"cur_x": x, "cur_y": y}  # type: ignore[attr-defined]
            drawPageNumbers(form, style, [(page, None)], width, height, dot)

        self._forward.refer(canv, f"brieftoc{key}", fill)


def contents(
    styles: Styles, entries: list[tuple[int, str, str]], pages: dict[str, int], forward: Forward
) -> list[Flowable]:
    table_style = TableStyle(
        [
            # Tables set a font of their own: without this one, Helvetica.
            ("FONT", (0, 0), (-1, -1), styles.look.faces.regular, 10),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ("TOPPADDING", (0, 0), (-1, -1), 1),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
        ]
    )
    toc = Contents(
        entries,
        pages,
        forward,
        levelStyles=list(styles.toc_levels),
        tableStyle=table_style,
        dotsMinLevel=0,
        rightColumnWidth=30,
    )
    return [Paragraph("Contents", styles.toc_title), toc]
