"""Document model blocks -> reportlab flowables."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Literal, cast

from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Indenter, PageBreak, Table, TableStyle

from brief import document as model
from brief.document import Block, BlockQuote, Heading, ListBlock, Note, plain_text
from brief.document.keep import item_keeps_with_next, item_may_split, keeps_with_next
from brief.render.columns import fit_columns, natural_and_minimum
from brief.render.pdf import breaks
from brief.render.pdf.fonts import BOLD
from brief.render.pdf.markup import Inliner, literal, note_target
from brief.render.pdf.styles import ACCENT, BODY_SIZE, INDENT, SHADE, Styles, indented
from brief.render.pdf.wrapcache import Paragraph
from brief.render.typography import curly_apostrophes

_Alignment = Literal[0, 1, 2]  # reportlab's TA_LEFT, TA_CENTER, TA_RIGHT
_ALIGN: dict[str, _Alignment] = {"left": TA_LEFT, "center": TA_CENTER, "right": TA_RIGHT}


@dataclass(frozen=True)
class HeadingInfo:
    """What the outline and the table of contents need of a heading flowable."""

    level: int  # 0-based
    title: str  # plain text, for the outline
    markup: str  # literal markup without notes, for the table of contents
    key: str  # bookmark name


class BodyParagraph(Paragraph):
    """A paragraph that never ends a page on a line ending in a colon: a label such
    as "Key assumption:" stays on the page of what it introduces."""

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        pieces: list[Flowable] = super().split(availWidth, availHeight)
        leading = self.style.leading
        if len(pieces) == 2 and _last_line(pieces[0]).rstrip().endswith(":"):
            if availHeight - leading < leading:
                return []  # no line may stay: the paragraph moves whole
            return self.split(availWidth, availHeight - leading)
        return pieces


def _last_line(paragraph: Flowable) -> str:
    """The text of a split paragraph's last line (reportlab keeps plain lines as
    (space, words) and styled ones as lines of fragments)."""
    lines = getattr(getattr(paragraph, "blPara", None), "lines", None)
    if not lines:
        return ""
    last = lines[-1]
    words = last[1] if isinstance(last, tuple) else getattr(last, "words", [])
    return " ".join(w if isinstance(w, str) else getattr(w, "text", "") for w in words)


class QuoteParagraph(BodyParagraph):
    """A paragraph of a block quote: indented, with a rule in the left margin."""

    bar = ACCENT  # the rule's colour (a theme's headings colour)

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        pieces = super().split(availWidth, availHeight)
        # reportlab's Paragraph.split makes its pieces of the paragraph's own class.
        for piece in cast(list[QuoteParagraph], pieces):  # new paragraphs: they keep the colour
            piece.bar = self.bar
        return pieces

    def draw(self) -> None:
        super().draw()
        canv = self.canv
        canv.saveState()
        canv.setStrokeColor(self.bar)
        canv.setLineWidth(1.6)
        x = self.style.leftIndent - 9
        # Paragraphs of one quote share one unbroken rule.
        bottom = -1 - (self.style.spaceAfter if getattr(self, "joins_next", False) else 0)
        canv.line(x, bottom, x, self.height + 1)
        canv.restoreState()


class WholeParagraph(BodyParagraph):
    """A list item or source entry: moves to the next page whole rather than
    split (Word's keepLines), unless it starts a page. A long item is not one
    (`keep.item_may_split`, the rule Word follows too)."""

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        if getattr(getattr(self, "_frame", None), "_atTop", False):
            return super().split(availWidth, availHeight)
        return []


class BriefTable(Table):
    """A table whose header row repeats on every page, unless the header alone
    is too tall for a page: then it is printed once and split like any row."""

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        parts = super().split(availWidth, availHeight)
        frame = getattr(self, "_frame", None)
        if not parts and self.repeatRows and getattr(frame, "_atTop", False):
            self.repeatRows = 0
            parts = super().split(availWidth, availHeight)
        return parts


class StoryBuilder:
    """Walks the blocks in reading order, numbering notes as it goes."""

    def __init__(self, styles: Styles, width: float) -> None:
        self.styles = styles
        self.width = width
        look = styles.look
        self.inliner = Inliner(look.accent, look.link)
        self._headings = 0

    @property
    def notes(self) -> list[Note]:
        return self.inliner.notes

    def blocks(
        self, blocks: tuple[Block, ...], depth: int = 0, quote: bool = False
    ) -> list[Flowable]:
        story: list[Flowable] = []
        for index, block in enumerate(blocks):
            flowables = self.block(block, depth, quote)
            following = blocks[index + 1] if index + 1 < len(blocks) else None
            previous = blocks[index - 1] if index else None
            if flowables and keeps_with_next(previous, block, following):
                flowables[-1].keepWithNext = 1
            story.extend(flowables)
        return story

    def block(self, block: Block, depth: int, quote: bool) -> list[Flowable]:
        match block:
            case Heading():
                return [self.heading(block)]
            case model.Paragraph(children=children):
                return [self.paragraph(self.inliner.markup(children), depth, quote)]
            case ListBlock():
                return self.list_block(block, depth, quote)
            case BlockQuote(children=children):
                flowables = self.blocks(children, depth, quote=True)
                quoted = [f for f in flowables if isinstance(f, QuoteParagraph)]
                for paragraph in quoted[:-1]:
                    # Read back with getattr by draw(): a mark on these paragraphs only.
                    paragraph.joins_next = True  # type: ignore[attr-defined]
                return flowables
            case model.Table(header=header, rows=rows):
                # A table without a single cell has nothing to show.
                if not any((header, *rows)):
                    return []
                if not depth:
                    return [self.table(block, self.width)]
                # In a list item: aligned with the item's text.
                indent = depth * INDENT
                return [
                    Indenter(left=indent),
                    self.table(block, self.width - indent),
                    Indenter(left=-indent),
                ]
            case model.PageBreak():
                return [PageBreak()]
        raise TypeError(f"not a block: {block!r}")

    def heading(self, block: Heading) -> Paragraph:
        level = min(max(block.level, 1), 3) - 1
        self._headings += 1
        key = f"h{self._headings}"
        markup = self.inliner.markup(block.children)
        flowable = Paragraph(markup, breaks.for_urls(self.styles.headings[level], markup))
        title = curly_apostrophes(" ".join(plain_text(block.children).split()))
        # Read back with getattr (outline, contents): a mark on heading paragraphs only.
        flowable.brief_heading = HeadingInfo(level, title, literal(title), key)  # type: ignore[attr-defined]
        return flowable

    def _style(
        self, depth: int, quote: bool, bulleted: bool = False, extra: float = 0.0
    ) -> ParagraphStyle:
        base = self.styles.quote if quote else self.styles.body
        if depth == 0 and not bulleted:
            return base
        return indented(base, depth, bulleted, extra)

    def paragraph(
        self,
        markup: str,
        depth: int,
        quote: bool,
        bullet: str | None = None,
        extra: float = 0.0,
        whole: bool = False,
    ) -> Paragraph:
        style = breaks.for_urls(self._style(depth, quote, bullet is not None, extra), markup)
        if quote:
            paragraph = QuoteParagraph(markup, style, bulletText=bullet)
            paragraph.bar = self.styles.look.accent
            return paragraph
        kind = WholeParagraph if whole else BodyParagraph
        return kind(markup, style, bulletText=bullet)

    def list_block(self, block: ListBlock, depth: int, quote: bool) -> list[Flowable]:
        story: list[Flowable] = []
        # Room for the widest number ("12.") beside the text, as for a bullet.
        regular = self.styles.look.faces.regular
        widest = stringWidth(f"{len(block.items)}.", regular, BODY_SIZE) if block.ordered else 0
        extra = max(0.0, widest + 0.6 * BODY_SIZE + 1 - (INDENT - 3))
        for number, item in enumerate(block.items, start=1):
            bullet = f"{number}." if block.ordered else "•"
            flowables: list[Flowable] = []
            whole = not item_may_split(item)
            for index, sub in enumerate(item):
                if isinstance(sub, model.Paragraph):
                    markup = self.inliner.markup(sub.children)
                    lead = bullet if index == 0 else None
                    flowables.append(self.paragraph(markup, depth + 1, quote, lead, extra, whole))
                else:
                    flowables.extend(self.block(sub, depth + 1, quote))
            if flowables and item_keeps_with_next(block, number - 1):
                flowables[-1].keepWithNext = 1
            story.extend(flowables)
        return story

    def table(self, block: model.Table, width: float) -> Table:
        columns = max((len(row) for row in (block.header, *block.rows)), default=0)
        widths = self._widths(block, columns, width)
        aligns: list[_Alignment] = [_ALIGN.get(a, TA_LEFT) for a in block.align]
        aligns += [TA_LEFT] * columns
        data = [
            self._row(block.header, columns, aligns, self.styles.header_cell),
            *(self._row(row, columns, aligns, self.styles.cell) for row in block.rows),
        ]
        table = BriefTable(
            data, colWidths=widths, repeatRows=1, splitByRow=1, splitInRow=1, hAlign="LEFT"
        )
        look = self.styles.look
        table.setStyle(
            TableStyle(
                [
                    ("FONT", (0, 0), (-1, -1), look.faces.regular, 9),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("BACKGROUND", (0, 0), (-1, 0), SHADE),
                    ("LINEABOVE", (0, 0), (-1, 0), 0.8, look.accent),
                    ("LINEBELOW", (0, 0), (-1, 0), 0.8, look.accent),
                    ("LINEBELOW", (0, 1), (-1, -1), 0.25, look.rule),
                    ("LEFTPADDING", (0, 0), (-1, -1), 5),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 5),
                    ("TOPPADDING", (0, 0), (-1, -1), 3.5),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
                ]
            )
        )
        table.spaceBefore = 4
        table.spaceAfter = 10
        return table

    def _widths(self, block: model.Table, columns: int, width: float) -> list[float]:
        relative = block.widths
        if len(relative) != columns or not all(w > 0 for w in relative):
            relative = content_widths(block, columns, width, self.styles.look.faces.bold)
        total = sum(relative)
        return [width * w / total for w in relative] if total else []

    def _row(
        self,
        cells: tuple[tuple[model.Inline, ...], ...],
        columns: int,
        aligns: list[_Alignment],
        style: ParagraphStyle,
    ) -> list[Paragraph]:
        row = []
        for index in range(columns):
            markup = self.inliner.markup(cells[index]) if index < len(cells) else ""
            row.append(Paragraph(markup, breaks.for_urls(_aligned(style, aligns[index]), markup)))
        return row


def content_widths(
    block: model.Table, columns: int, total: float, bold: str = BOLD
) -> tuple[float, ...]:
    """Column widths from the cells' text when the model gives none: no column
    narrower than its longest word (see `brief.render.columns`); measured in `bold`."""
    texts: list[list[str]] = [[] for _ in range(columns)]
    for row in (block.header, *block.rows):
        for index, cell in enumerate(row[:columns]):
            texts[index].append(plain_text(cell))
    natural, minimum = natural_and_minimum(texts, functools.partial(_measure, bold), _CELL_PADDING)
    return tuple(fit_columns(natural, minimum, total))


_CELL_PADDING = 10.0 + 2.0  # left and right padding, and a little slack


def _measure(bold: str, text: str) -> float:
    # Cells are set in 9 pt; bold (the header) is the widest face.
    return stringWidth(text, bold, 9)


@functools.cache
def _aligned(style: ParagraphStyle, alignment: _Alignment) -> ParagraphStyle:
    if style.alignment == alignment:
        return style
    return ParagraphStyle(f"{style.name}-a{alignment}", parent=style, alignment=alignment)


def note_paragraphs(
    inliner: Inliner, notes: list[Note], style: ParagraphStyle
) -> dict[int, Paragraph]:
    """Each note as a paragraph with its number hanging before it."""
    out: dict[int, Paragraph] = {}
    for number, note in enumerate(notes, start=1):
        markup = inliner.markup(note.children, in_note=True)
        out[number] = Paragraph(
            f'<a name="{note_target(number)}"/>{markup}',
            breaks.for_urls(style, markup),
            bulletText=str(number),
        )
    return out
