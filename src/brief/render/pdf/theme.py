"""The PDF theme: page size, margins, fonts, colours and logo, as plain render options.

The renderer knows nothing of workspaces or their settings: whoever calls it
(`brief.api`, from `pdf:` in briefings/_workspace.yaml) hands it a `Theme`
holding values and bytes. `Theme()` is the house look: A4, IBM Plex Serif,
navy headings; a PDF rendered with it is byte for byte the PDF rendered with
no theme at all.
"""

from __future__ import annotations

from dataclasses import dataclass

PAGE_SIZES = ("A4", "Letter")
FACES = ("regular", "bold", "italic", "bold_italic")


@dataclass(frozen=True)
class FontFiles:
    """A family given as TrueType files (bytes): `regular`, and the faces it has.
    A face left out is set in the nearest one given (bold italic in bold, ...)."""

    regular: bytes
    bold: bytes | None = None
    italic: bytes | None = None
    bold_italic: bytes | None = None


@dataclass(frozen=True)
class Logo:
    """A PNG or JPEG printed at the top right of page 1, `width_mm` wide; with
    `in_header`, also small at the left of every later page's running header."""

    data: bytes
    width_mm: float = 30.0
    in_header: bool = False


@dataclass(frozen=True)
class Theme:
    page_size: str = "A4"
    """"A4" or "Letter"."""
    margins_mm: tuple[float, float, float, float] = (27.0, 27.0, 25.0, 25.0)
    """Top, bottom, left, right."""
    font_family: str | None = None
    """A font family installed from PyPI as a `fontpkg-*` package, e.g. "IBM Plex Sans"."""
    font_files: FontFiles | None = None
    """Or the family's files themselves (font_family is then ignored)."""
    headings: str = "#1f3a5f"
    """Title, headings, table header lines, quote bars, note numbers."""
    rules: str = "#9aa5b1"
    """Header and footer rules, table row lines, the footnote rule."""
    banner: str = "#1a1a1a"
    """The marking banners at the top and the foot of every page."""
    links: str = "#1f4e8c"
    logo: Logo | None = None


DEFAULT = Theme()
