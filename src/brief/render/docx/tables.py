"""Tables: fixed column widths (given, or estimated from the text), a repeated header."""

from __future__ import annotations

import math
from collections.abc import Callable

from lxml.etree import _Element

from brief.document import Inline, Table, plain_text
from brief.render.docx.styles import TABLE_STYLE, TEXT_WIDTH
from brief.render.docx.text import element, paragraph

# Estimates for the table style's 9.5 pt text: an average character's width and
# the cell's left and right margins, in twips.
CHAR_WIDTH = 95
CELL_PADDING = 170


def column_widths(table: Table, columns: int, total: int = TEXT_WIDTH) -> list[int]:
    """Column widths in twips summing to `total`.

    Given relative widths are kept. Otherwise a column's share grows with the
    square root of its average text length (so a long-text column is wide
    without starving the others), and no column is narrower than its longest
    word, which would otherwise break mid-word.
    """
    if len(table.widths) == columns and sum(table.widths) > 0:
        weights = list(table.widths)
        minimum = [0] * columns
    else:
        cells = [
            [plain_text(row[c]) if c < len(row) else "" for row in (table.header, *table.rows)]
            for c in range(columns)
        ]
        weights = [math.sqrt(max(sum(map(len, texts)) / len(texts), 1.0)) for texts in cells]
        minimum = [
            max((len(word) for text in texts for word in text.split()), default=1) * CHAR_WIDTH
            + CELL_PADDING
            for texts in cells
        ]
        if sum(minimum) > total:
            minimum = [m * total // sum(minimum) for m in minimum]
    widths = _share(weights, minimum, total)
    widths[-1] += total - sum(widths)  # rounding
    return widths


def _share(weights: list[float], minimum: list[int], total: int) -> list[int]:
    """Split `total` by `weights`, lifting columns below their minimum to it."""
    fixed: dict[int, int] = {}
    while True:
        free = [c for c in range(len(weights)) if c not in fixed]
        room = total - sum(fixed.values())
        weight = sum(weights[c] for c in free) or 1.0
        widths = {c: round(room * weights[c] / weight) for c in free}
        short = [c for c in free if widths[c] < minimum[c]]
        if not short:
            return [fixed.get(c, widths.get(c, 0)) for c in range(len(weights))]
        for c in short:
            fixed[c] = minimum[c]


def render_table(
    table: Table, runs: Callable[[tuple[Inline, ...]], list[_Element]]
) -> list[_Element]:
    """A `w:tbl` in the Brief Table style; `runs` renders a cell's inlines."""
    columns = max(len(row) for row in (table.header, *table.rows))
    if not columns:  # Word rejects a table without cells
        return []
    twips = column_widths(table, columns)

    tbl = element("w:tbl")
    tbl_pr = element("w:tblPr")
    tbl_pr.append(element("w:tblStyle", val=TABLE_STYLE))
    tbl_pr.append(element("w:tblW", w=str(sum(twips)), type="dxa"))
    tbl_pr.append(element("w:tblLayout", type="fixed"))
    tbl_pr.append(
        element(
            "w:tblLook",
            val="04A0",
            firstRow="1",
            lastRow="0",
            firstColumn="0",
            lastColumn="0",
            noHBand="1",
            noVBand="1",
        )
    )
    tbl.append(tbl_pr)
    grid = element("w:tblGrid")
    for width in twips:
        grid.append(element("w:gridCol", w=str(width)))
    tbl.append(grid)

    for index, row in enumerate((table.header, *table.rows)):
        tr = element("w:tr")
        tr_pr = element("w:trPr")
        tr_pr.append(element("w:cantSplit"))
        if index == 0:  # repeated at the top of every page the table runs over
            tr_pr.append(element("w:tblHeader"))
        tr.append(tr_pr)
        for column in range(columns):
            cell = row[column] if column < len(row) else ()
            tc = element("w:tc")
            tc_pr = element("w:tcPr")
            tc_pr.append(element("w:tcW", w=str(twips[column]), type="dxa"))
            tc.append(tc_pr)
            align = table.align[column] if column < len(table.align) else "left"
            p = paragraph(keep_next=index == 0, align="" if align == "left" else align)
            for run in runs(cell):
                p.append(run)
            tc.append(p)
            tr.append(tc)
        tbl.append(tr)
    return [tbl]
