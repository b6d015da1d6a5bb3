"""IBM Plex Serif, from the `fontpkg-ibm-plex-serif` pip package, as one family.

The fonts come with the project's own dependencies, never from the operating
system, so every machine prints the same glyphs (Latin Extended, Cyrillic).
reportlab embeds TrueType fonts as subsets.
"""

from __future__ import annotations

import functools

import fontpkg
from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

FAMILY = "PlexSerif"
BOLD = f"{FAMILY}-Bold"
ITALIC = f"{FAMILY}-Italic"
BOLD_ITALIC = f"{FAMILY}-BoldItalic"
# SemiBold reads better than Bold in large headings; it forms its own family
# so that markup inside a heading still finds its italic.
SEMIBOLD = f"{FAMILY}-SemiBold"
SEMIBOLD_ITALIC = f"{FAMILY}-SemiBoldItalic"

_FACES = {
    FAMILY: (400, "normal"),
    BOLD: (700, "normal"),
    ITALIC: (400, "italic"),
    BOLD_ITALIC: (700, "italic"),
    SEMIBOLD: (600, "normal"),
    SEMIBOLD_ITALIC: (600, "italic"),
}


@functools.cache
def _register(name: str) -> str:
    weight, style = _FACES[name]
    path = fontpkg.path("IBM Plex Serif", weight, style)
    pdfmetrics.registerFont(TTFont(name, str(path)))
    return name


def measure_bold(text: str, size: float) -> float:
    """The width of `text` in bold at `size` points (the Word renderer's measure too)."""
    return pdfmetrics.stringWidth(text, _register(BOLD), size)


@functools.cache
def register_fonts() -> str:
    """Register the faces once per process; returns the regular face's name."""
    for name in _FACES:
        _register(name)
    pdfmetrics.registerFontFamily(
        FAMILY, normal=FAMILY, bold=BOLD, italic=ITALIC, boldItalic=BOLD_ITALIC
    )
    # <b> inside a SemiBold heading goes to Bold; <i> to SemiBold Italic.
    addMapping(SEMIBOLD, 0, 0, SEMIBOLD)
    addMapping(SEMIBOLD, 1, 0, BOLD)
    addMapping(SEMIBOLD, 0, 1, SEMIBOLD_ITALIC)
    addMapping(SEMIBOLD, 1, 1, BOLD_ITALIC)
    return FAMILY
