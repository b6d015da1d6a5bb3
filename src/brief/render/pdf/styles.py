"""Page geometry, colours and paragraph styles: the brief's typography."""

from __future__ import annotations

import functools
from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm

from brief.render.pdf import breaks, samefrag, widths
from brief.render.pdf.fonts import Faces, theme_faces
from brief.render.pdf.theme import DEFAULT, Theme

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


def markup_color(color: colors.Color) -> str:
    """`rgb(r,g,b)` for reportlab's paragraph markup: the same colour as `#rrggbb`
    (components k/255 either way), read about ten times faster. A `#rrggbb` string
    goes through reportlab's colour-expression evaluators before HexColor (~0.2 ms
    per link or note number: 5 % of a render with 350 notes)."""
    red, green, blue = (round(c * 255) for c in (color.red, color.green, color.blue))
    return f"rgb({red},{green},{blue})"


BODY_SIZE = 10.5
NOTE_SIZE = 8
INDENT = 16  # points per list level


@dataclass(frozen=True)
class Look:
    """A theme resolved for reportlab: registered faces, colours, page geometry."""

    theme: Theme
    faces: Faces
    accent: colors.Color
    rule: colors.Color
    banner: colors.Color
    link: colors.Color
    page_size: tuple[float, float]
    top: float
    bottom: float
    left: float
    right: float


@functools.cache
def look(theme: Theme = DEFAULT) -> Look:
    top, bottom, left, right = (m * mm for m in theme.margins_mm)
    return Look(
        theme=theme,
        faces=theme_faces(theme.font_family, theme.font_files),
        accent=colors.HexColor(theme.headings),
        rule=colors.HexColor(theme.rules),
        banner=colors.HexColor(theme.banner),
        link=colors.HexColor(theme.links),
        page_size=LETTER if theme.page_size == "Letter" else PAGE_SIZE,
        top=top,
        bottom=bottom,
        left=left,
        right=right,
    )


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
    look: Look


def _new_style(look: Look, name: str, **kwargs: object) -> ParagraphStyle:
    base: dict[str, object] = {
        "fontName": look.faces.regular,
        "fontSize": BODY_SIZE,
        "leading": 14.5,
        "textColor": INK,
        "bulletFontName": look.faces.regular,
        "bulletFontSize": kwargs.get("fontSize", BODY_SIZE),
        "splitLongWords": 1,
        "allowWidows": 0,
        "allowOrphans": 0,
    }
    base.update(kwargs)
    # The keywords mix value types (a dict of objects); ParagraphStyle checks each.
    return ParagraphStyle(name, **base)  # type: ignore[arg-type]


@functools.cache
def styles(theme: Theme = DEFAULT) -> Styles:
    breaks.install()
    samefrag.install()
    widths.install()
    the = look(theme)
    face, accent = the.faces, the.accent
    style = functools.partial(_new_style, the)
    heading_sizes = ((15, 19, 16, 5), (12, 15.5, 12, 3), (10.5, 14, 9, 2))
    headings = tuple(
        style(
            f"Heading{level}",
            fontName=face.semibold if level < 3 else face.bold,
            fontSize=size,
            leading=leading,
            spaceBefore=before,
            spaceAfter=after,
            textColor=accent if level < 3 else INK,
            keepWithNext=1,
            allowWidows=0,
        )
        for level, (size, leading, before, after) in enumerate(heading_sizes, start=1)
    )
    toc_levels = tuple(
        style(
            f"TOC{level}",
            fontName=face.semibold if level == 0 else face.regular,
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
        body=style("Body", alignment=TA_LEFT, spaceAfter=6),
        title=style(
            "Title", fontName=face.semibold, fontSize=24, leading=29, textColor=accent, spaceAfter=4
        ),
        subtitle=style(
            "Subtitle", fontName=face.italic, fontSize=13, leading=17, textColor=MUTED, spaceAfter=2
        ),
        cover_label=style("CoverLabel", fontSize=9, leading=12, textColor=MUTED),
        cover_value=style("CoverValue", fontSize=10, leading=13),
        marking=style("Marking", fontName=face.bold, fontSize=9, leading=11, alignment=TA_CENTER),
        toc_title=style(
            "TOCTitle",
            fontName=face.semibold,
            fontSize=12,
            leading=15,
            textColor=accent,
            spaceAfter=4,
        ),
        toc_levels=toc_levels,
        headings=headings,
        quote=style(
            "Quote",
            fontName=face.italic,
            alignment=TA_LEFT,
            leftIndent=INDENT + 4,
            rightIndent=INDENT,
            spaceBefore=2,
            spaceAfter=8,
        ),
        note=style(
            "Note",
            fontSize=NOTE_SIZE,
            leading=10,
            leftIndent=16,
            bulletIndent=0,
            bulletFontSize=NOTE_SIZE,
            alignment=TA_LEFT,
        ),
        cell=style("Cell", fontSize=9, leading=11.5, alignment=TA_LEFT),
        header_cell=style(
            "HeaderCell", fontName=face.bold, fontSize=9, leading=11.5, textColor=accent
        ),
        look=the,
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
