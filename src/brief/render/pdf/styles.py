"""Page geometry, colours and paragraph styles: the brief's typography."""

from __future__ import annotations

import functools
from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm

from brief.render.pdf import breaks
from brief.render.pdf.fonts import BOLD, FAMILY, ITALIC, SEMIBOLD, register_fonts

PAGE_SIZE = A4
LEFT_MARGIN = RIGHT_MARGIN = 25 * mm
TOP_MARGIN = 27 * mm
BOTTOM_MARGIN = 27 * mm

INK = colors.HexColor("#1a1a1a")
ACCENT = colors.HexColor("#1f3a5f")  # dark navy: headings, rules, links
MUTED = colors.HexColor("#5a5a5a")
RULE = colors.HexColor("#9aa5b1")
SHADE = colors.HexColor("#e8edf3")
LINK = colors.HexColor("#1f4e8c")


def hex_color(color: colors.Color) -> str:
    """`#rrggbb`, as reportlab's paragraph markup takes it."""
    return "#" + color.hexval()[2:]


BODY_SIZE = 10.5
NOTE_SIZE = 8
INDENT = 16  # points per list level


@dataclass(frozen=True)
class Styles:
    body: ParagraphStyle
    title: ParagraphStyle
    subtitle: ParagraphStyle
    cover_label: ParagraphStyle
    cover_value: ParagraphStyle
    marking: ParagraphStyle
    toc_title: ParagraphStyle
    toc_levels: tuple[ParagraphStyle, ...]
    headings: tuple[ParagraphStyle, ...]
    quote: ParagraphStyle
    note: ParagraphStyle
    cell: ParagraphStyle
    header_cell: ParagraphStyle


def _style(name: str, **kwargs: object) -> ParagraphStyle:
    base: dict[str, object] = {
        "fontName": FAMILY,
        "fontSize": BODY_SIZE,
        "leading": 14.5,
        "textColor": INK,
        "bulletFontName": FAMILY,
        "bulletFontSize": kwargs.get("fontSize", BODY_SIZE),
        "splitLongWords": 1,
        "allowWidows": 0,
        "allowOrphans": 0,
    }
    base.update(kwargs)
    return ParagraphStyle(name, **base)  # type: ignore[arg-type]


@functools.cache
def styles() -> Styles:
    register_fonts()
    breaks.install()
    heading_sizes = ((15, 19, 16, 5), (12, 15.5, 12, 3), (10.5, 14, 9, 2))
    headings = tuple(
        _style(
            f"Heading{level}",
            fontName=SEMIBOLD if level < 3 else BOLD,
            fontSize=size,
            leading=leading,
            spaceBefore=before,
            spaceAfter=after,
            textColor=ACCENT if level < 3 else INK,
            keepWithNext=1,
            allowWidows=0,
        )
        for level, (size, leading, before, after) in enumerate(heading_sizes, start=1)
    )
    toc_levels = tuple(
        _style(
            f"TOC{level}",
            fontName=SEMIBOLD if level == 0 else FAMILY,
            fontSize=10.5 if level == 0 else 10,
            leading=14 if level == 0 else 13,
            leftIndent=level * 14,
            firstLineIndent=0,
            spaceBefore=5 if level == 0 else 0,
            rightIndent=24,
        )
        for level in range(3)
    )
    return Styles(
        body=_style("Body", alignment=TA_LEFT, spaceAfter=6),
        title=_style(
            "Title", fontName=SEMIBOLD, fontSize=24, leading=29, textColor=ACCENT, spaceAfter=4
        ),
        subtitle=_style(
            "Subtitle", fontName=ITALIC, fontSize=13, leading=17, textColor=MUTED, spaceAfter=2
        ),
        cover_label=_style("CoverLabel", fontSize=9, leading=12, textColor=MUTED),
        cover_value=_style("CoverValue", fontSize=10, leading=13),
        marking=_style("Marking", fontName=BOLD, fontSize=9, leading=11, alignment=TA_CENTER),
        toc_title=_style(
            "TOCTitle", fontName=SEMIBOLD, fontSize=12, leading=15, textColor=ACCENT, spaceAfter=4
        ),
        toc_levels=toc_levels,
        headings=headings,
        quote=_style(
            "Quote",
            fontName=ITALIC,
            alignment=TA_LEFT,
            leftIndent=INDENT + 4,
            rightIndent=INDENT,
            spaceBefore=2,
            spaceAfter=8,
        ),
        note=_style(
            "Note",
            fontSize=NOTE_SIZE,
            leading=10,
            leftIndent=16,
            bulletIndent=0,
            bulletFontSize=NOTE_SIZE,
            alignment=TA_LEFT,
        ),
        cell=_style("Cell", fontSize=9, leading=11.5, alignment=TA_LEFT),
        header_cell=_style("HeaderCell", fontName=BOLD, fontSize=9, leading=11.5, textColor=ACCENT),
    )


@functools.cache
def indented(
    base: ParagraphStyle, level: int, bulleted: bool, extra: float = 0.0
) -> ParagraphStyle:
    """`base` moved right by `level` list levels (and `extra` room for wide
    numbers such as "12."); with the bullet hanging in the margin if asked."""
    indent = base.leftIndent + level * INDENT + extra
    return ParagraphStyle(
        f"{base.name}-L{level}+{extra:g}{'-b' if bulleted else ''}",
        parent=base,
        leftIndent=indent,
        bulletIndent=indent - INDENT - extra + 3 if bulleted else 0,
        alignment=TA_LEFT,
        spaceAfter=3,
    )
