"""Tables: fixed column widths (given, or estimated from the text), a repeated header."""

from __future__ import annotations

from collections.abc import Callable

from lxml.etree import _Element

from brief.document import Inline, Table, plain_text
from brief.render.columns import fit_columns, natural_and_minimum
from brief.render.docx.styles import TABLE_STYLE, TEXT_WIDTH
from brief.render.docx.text import element, paragraph
from brief.render.pdf.fonts import measure_bold

# The table style's text is 9.5 pt IBM Plex Serif (as in the PDF); the cell's
# left and right margins, in twips (20 to the point).
FONT_SIZE = 9.5
CELL_PADDING = 170 + 30  # the margins and a little slack


def column_widths(table: Table, columns: int, total: int = TEXT_WIDTH) -> list[int]:
    """Column widths in twips summing to `total`.

    Given relative widths are kept. Otherwise they come from the text, as in
    the PDF (`brief.render.columns`): no column narrower than its longest
    word, which would otherwise break mid-word.
    """
    if len(table.widths) == columns and sum(table.widths) > 0:
        weights = list(table.widths)
    else:
        cells = [
            [plain_text(row[c]) if c < len(row) else "" for row in (table.header, *table.rows)]
            for c in range(columns)
        ]
        natural, minimum = natural_and_minimum(cells, _measure, CELL_PADDING)
        weights = fit_columns(natural, minimum, total)
        if sum(weights) < total:  # a table of short columns still spans the page
            weights = [w + (total - sum(weights)) / columns for w in weights]
    scale = total / (sum(weights) or 1)
    widths = [round(w * scale) for w in weights]
    widths[-1] += total - sum(widths)  # rounding
    return widths


def _measure(text: str) -> float:
    return measure_bold(text, FONT_SIZE) * 20


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
