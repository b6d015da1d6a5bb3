"""The document's blocks and inlines as WordprocessingML elements."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from urllib.parse import quote, urlsplit

from docx.opc.part import Part
from docx.oxml.ns import qn
from lxml.etree import _Element

from brief.document import (
    Block,
    BlockQuote,
    Emphasis,
    Heading,
    Inline,
    LineBreak,
    Link,
    ListBlock,
    Note,
    PageBreak,
    Paragraph,
    Strong,
    Table,
    Text,
    plain_text,
)
from brief.document.keep import item_keeps_with_next, item_may_split, keeps_with_next
from brief.render.docx.footnotes import Footnotes
from brief.render.docx.links import Hyperlinks
from brief.render.docx.numbering import BULLETS, LEVELS, Numbering
from brief.render.docx.styles import SPACE_AFTER
from brief.render.docx.tables import render_table
from brief.render.docx.text import Cleaner, element, paragraph, set_paragraph, text_run
from brief.render.typography import curly_apostrophes

LINK_SCHEMES = ("http", "https")


@dataclass
class Context:
    cleaner: Cleaner
    footnotes: Footnotes
    numbering: Numbering
    part: Part  # the document part: body hyperlinks are related from it
    bookmarks: list[str]  # one per heading, in reading order
    _headings: int = field(default=0)
    hyperlinks: Hyperlinks = field(default_factory=Hyperlinks)

    def next_bookmark(self) -> tuple[int, str]:
        index = self._headings
        self._headings += 1
        return index, self.bookmarks[index]


# ------------------------------------------------------------------ inlines


@dataclass(frozen=True)
class _Format:
    bold: bool = False
    italic: bool = False
    style: str = ""  # character style, e.g. Hyperlink


def inlines(
    children: tuple[Inline, ...],
    ctx: Context,
    *,
    part: Part | None = None,
    fmt: _Format = _Format(),
    in_note: bool = False,
    in_link: bool = False,
) -> list[_Element]:
    """Runs (and hyperlinks) for `children`; relationships go to `part`."""
    part = part or ctx.part
    out: list[_Element] = []
    for node in children:
        match node:
            case Text(text=text):
                cleaned = curly_apostrophes(ctx.cleaner(text))
                if cleaned:
                    out.append(text_run(cleaned, style=fmt.style, bold=fmt.bold, italic=fmt.italic))
            case Emphasis(children=c):
                sub = _Format(fmt.bold, True, fmt.style)
                out += inlines(c, ctx, part=part, fmt=sub, in_note=in_note, in_link=in_link)
            case Strong(children=c):
                sub = _Format(True, fmt.italic, fmt.style)
                out += inlines(c, ctx, part=part, fmt=sub, in_note=in_note, in_link=in_link)
            case Link(url=url, children=c):
                out += _link(url, c, ctx, part, fmt, in_note=in_note, in_link=in_link)
            case LineBreak():
                run = element("w:r")
                run.append(element("w:br"))
                out.append(run)
            case Note(children=c):
                if in_note:  # Word has no notes within notes: keep the words
                    out += inlines(c, ctx, part=part, fmt=fmt, in_note=True, in_link=in_link)
                else:
                    reference, note_paragraph = ctx.footnotes.add()
                    for run in inlines(c, ctx, part=ctx.footnotes.part, in_note=True):
                        note_paragraph.append(run)
                    out.append(reference)
    return out


def linkable(url: str) -> bool:
    parts = urlsplit(url.strip())
    return parts.scheme.lower() in LINK_SCHEMES and bool(parts.netloc)


def _link(
    url: str,
    children: tuple[Inline, ...],
    ctx: Context,
    part: Part,
    fmt: _Format,
    *,
    in_note: bool,
    in_link: bool,
) -> list[_Element]:
    url = ctx.cleaner(url).strip()
    if in_link or not linkable(url):
        return inlines(children, ctx, part=part, fmt=fmt, in_note=in_note, in_link=in_link)
    # Word refuses relationship targets with spaces and similar: percent-encode them.
    target = quote(url, safe=":/?#[]@!$&'()*+,;=%~")
    r_id = ctx.hyperlinks.r_id(part, target)
    link = element("w:hyperlink", history="1")
    link.set("{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id", r_id)
    sub = _Format(fmt.bold, fmt.italic, "Hyperlink")
    for run in inlines(children, ctx, part=part, fmt=sub, in_note=in_note, in_link=True):
        link.append(run)
    return [link]


# ------------------------------------------------------------------- blocks


def heading_entries(blocks: tuple[Block, ...]) -> Iterator[tuple[int, str]]:
    """(level, text) of every heading, in the order `blocks()` meets them."""
    for block in blocks:
        match block:
            case Heading(level=level, children=children):
                yield _level(level), plain_text(children)
            case ListBlock(items=items):
                for item in items:
                    yield from heading_entries(item)
            case BlockQuote(children=children):
                yield from heading_entries(children)
            case _:
                pass


def _level(level: int) -> int:
    return min(max(level, 1), 3)


def blocks(items: tuple[Block, ...], ctx: Context) -> list[_Element]:
    out: list[_Element] = []
    for index, block in enumerate(items):
        rendered = _block(block, ctx, quote=False, depth=0)
        following = items[index + 1] if index + 1 < len(items) else None
        previous = items[index - 1] if index else None
        # A line introducing a quote ("X, in Riverton, said:"), a list or a
        # table stays on the page of what it introduces.
        if rendered and keeps_with_next(previous, block, following):
            set_paragraph(rendered[-1], keep_next=True)
        # List items are spaced tightly; the last one keeps a paragraph's distance.
        if isinstance(block, ListBlock) and rendered and rendered[-1].tag == qn("w:p"):
            set_paragraph(rendered[-1], space_after=SPACE_AFTER)
        # A table has no spacing of its own: the paragraph after it makes room.
        if out and out[-1].tag == qn("w:tbl") and rendered and _is_body_paragraph(rendered[0]):
            set_paragraph(rendered[0], space_before=SPACE_AFTER)
        out += rendered
    return out


def _is_body_paragraph(p: _Element) -> bool:
    """A paragraph whose style does not bring its own space before (headings do)."""
    if p.tag != qn("w:p"):
        return False
    style = p.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
    return style is None or not style.get(qn("w:val"), "").startswith("Heading")


def _block(block: Block, ctx: Context, *, quote: bool, depth: int) -> list[_Element]:
    match block:
        case Heading(level=level, children=children):
            return [_heading(_level(level), children, ctx)]
        case Paragraph(children=children):
            return [_paragraph(children, ctx, "Quote" if quote else "")]
        case ListBlock():
            return _list(block, ctx, quote=quote, depth=depth)
        case BlockQuote(children=children):
            out: list[_Element] = []
            for sub in children:
                out += _block(sub, ctx, quote=True, depth=depth)
            return out
        case Table():
            return render_table(block, lambda cell: inlines(cell, ctx))
        case PageBreak():
            p = paragraph()
            run = element("w:r")
            run.append(element("w:br", type="page"))
            p.append(run)
            return [p]
    raise TypeError(f"not a block: {block!r}")


def _paragraph(
    children: tuple[Inline, ...],
    ctx: Context,
    style: str = "",
    *,
    numbering: tuple[int, int] | None = None,
) -> _Element:
    p = paragraph(style, numbering=numbering)
    for run in inlines(children, ctx):
        p.append(run)
    return p


def _heading(level: int, children: tuple[Inline, ...], ctx: Context) -> _Element:
    index, name = ctx.next_bookmark()
    p = paragraph(f"Heading{level}")
    p.append(element("w:bookmarkStart", id=str(index), name=name))
    for run in inlines(children, ctx):
        p.append(run)
    p.append(element("w:bookmarkEnd", id=str(index)))
    return p


def _list(block: ListBlock, ctx: Context, *, quote: bool, depth: int) -> list[_Element]:
    level = min(depth, LEVELS - 1)
    suffix = str(level + 1) if level else ""
    if block.ordered:
        num_id, style = ctx.numbering.ordered_list(), f"ListNumber{suffix}"
    else:
        num_id, style = BULLETS, f"ListBullet{suffix}"
    out: list[_Element] = []
    for number, item in enumerate(block.items):
        first, rest = (item[0], item[1:]) if item else (Paragraph(()), ())
        if isinstance(first, Paragraph):
            out.append(_paragraph(first.children, ctx, style, numbering=(num_id, level)))
            if item_may_split(item):
                set_paragraph(out[-1], split_lines=True)
        else:  # the item opens with a list or table: give it its marker on its own
            out.append(paragraph(style, numbering=(num_id, level)))
            rest = (first, *rest)
        for sub in rest:
            if isinstance(sub, Paragraph):
                out.append(_paragraph(sub.children, ctx, f"ListContinue{suffix}"))
            else:
                out += _block(sub, ctx, quote=quote, depth=depth + 1)
        # As in the PDF: no page starts or ends with a lone short item.
        if item_keeps_with_next(block, number) and out[-1].tag == qn("w:p"):
            set_paragraph(out[-1], keep_next=True)
    return out
