"""Characters IBM Plex Serif lacks: a chain of fallback fonts, and a warning
for what none of them has.

reportlab draws a character its font lacks as nothing (or a box): an Arabic
name, a Hebrew quote, a letter with a combining mark or an emoji would vanish
silently. `Fallback.markup` splits text into runs by the first font of the
chain that holds every character of a cluster (a base letter and its
combining marks stay together), and wraps the runs Plex lacks in a
`<font>` tag. The fonts come from pip packages, never the system:

- Noto Serif (`fontpkg-noto-serif`): Latin, Greek and Cyrillic with their
  combining marks, Vietnamese;
- Noto Sans Arabic, Noto Sans Hebrew, Noto Sans Symbols, Noto Emoji (the
  monochrome one) and Noto Sans for the other scripts (`manimgx-fonts`).

The Noto files are variable fonts: reportlab reads their default instance
(Regular), so a fallback run is never bold or italic. Fallback fonts are
loaded only when a character needs them, so a brief in Latin and Cyrillic
costs nothing.

reportlab lays every line out left to right and does not join Arabic letters
(its HarfBuzz shaping fails on runs of mixed fonts). A right-to-left run is
therefore written in the joined presentation forms (`arabic-reshaper`) and in
visual order (`python-bidi`): it reads right to left on its line, and text
extraction gives the letters back (NFKC folds the presentation forms). A run
that wraps over two lines keeps its words in visual order per run, not per
line: right-to-left text longer than a line is the known limit. Combining
marks are drawn by the fallback font's zero-width mark glyphs after their
base letter (text is NFC-normalised first, so precomposed letters are used
where Unicode has them).
"""

from __future__ import annotations

import functools
import logging
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import cast

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from brief.render.pdf.subsets import Font
from brief.render.xml_text import escape

log = logging.getLogger("brief.render.pdf")


def _noto_serif() -> Path:
    import fontpkg_noto_serif

    return Path(fontpkg_noto_serif.__file__).parent / "files" / "NotoSerif[wdth,wght].ttf"


def _manim(name: str) -> Callable[[], Path]:
    def path() -> Path:
        import manimgx_fonts

        return Path(manimgx_fonts.__file__).parent / name

    return path


# (reportlab name, where the file is), in the order they are tried.
CHAIN = (
    ("FallbackNotoSerif", _noto_serif),
    ("FallbackNotoSansArabic", _manim("NotoSansArabic[wght].ttf")),
    ("FallbackNotoSansHebrew", _manim("NotoSansHebrew[wght].ttf")),
    ("FallbackNotoSans", _manim("NotoSans[wght].ttf")),
    ("FallbackNotoSansSymbols", _manim("NotoSansSymbols[wght].ttf")),
    ("FallbackNotoEmoji", _manim("NotoEmoji[wght].ttf")),
    ("FallbackNotoSansDevanagari", _manim("NotoSansDevanagari[wght].ttf")),
    ("FallbackNotoSansThai", _manim("NotoSansThai[wght].ttf")),
    ("FallbackNotoSansGeorgian", _manim("NotoSansGeorgian[wght].ttf")),
    ("FallbackNotoSansArmenian", _manim("NotoSansArmenian[wght].ttf")),
)

# Characters that are never drawn: the renderer's own controls and joiners.
_INVISIBLE = frozenset("\n\t\u200b\u200c\u200d\u2060\ufe0e\ufe0f\u00ad")
_RTL = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]")


@functools.cache
def _cmap(name: str) -> frozenset[int]:
    # A character mapped to glyph 0 (.notdef) is one the font lacks: Vera maps Đ so.
    # Every font brief registers is a TrueType font (getFont is typed as any font).
    font = cast(TTFont, pdfmetrics.getFont(name))
    return frozenset(c for c, glyph in font.face.charToGlyph.items() if glyph)


@functools.cache
def _chars(name: str) -> frozenset[str]:
    """The characters `name` draws, and those nobody draws (joiners, breaks)."""
    return frozenset(map(chr, _cmap(name))) | _INVISIBLE


@functools.cache
def _load(index: int) -> str | None:
    """Register the chain's font at `index`; None when its package is missing."""
    name, path = CHAIN[index]
    try:
        file = path()
    except ImportError:
        return None
    if not file.exists():
        return None
    from brief.render.pdf.fonts import register_tt

    register_tt(Font(name, str(file)))
    for bold in (0, 1):
        for italic in (0, 1):
            addMapping(name, bold, italic, name)
    return name


def _clusters(text: str) -> list[str]:
    """A base character with the combining marks after it, one cluster each."""
    out: list[str] = []
    for char in text:
        if out and unicodedata.combining(char):
            out[-1] += char
        else:
            out.append(char)
    return out


@dataclass
class Fallback:
    """Splits text into font runs for one document; remembers what nothing covers."""

    base: str  # the registered name of the main font (Plex Serif regular)
    missing: dict[str, str] = field(default_factory=dict)  # character -> its context

    def font_for(self, cluster: str) -> str | None:
        """The first font of the chain holding every character of `cluster`
        (None: the main font; "" when none does)."""
        codes = [ord(c) for c in cluster if c not in _INVISIBLE]
        if all(code in _cmap(self.base) for code in codes):
            return None
        return _first_covering(tuple(codes))

    def markup(self, text: str) -> str:
        """`text` (already free of control characters) as escaped reportlab
        markup, runs the main font lacks wrapped in the font that has them."""
        text = unicodedata.normalize("NFC", text)
        if not set(text) - _chars(self.base):  # the usual case, at C speed
            return escape(text)
        parts: list[str] = []
        run: list[str] = []
        current: str | None = None
        for cluster in _clusters(text):
            font = self.font_for(cluster)
            if font is None and current and cluster.isspace() and _covers(current, cluster):
                font = current  # a run of words stays one run: shaped as a whole
            if font == "":
                for char in cluster:
                    if ord(char) not in _cmap(self.base) and char not in _INVISIBLE:
                        self.missing.setdefault(char, text)
                font = None
            if font != current and run:
                parts.append(_wrap("".join(run), current))
                run = []
            current = font
            run.append(cluster)
        if run:
            parts.append(_wrap("".join(run), current))
        return "".join(parts)

    def report(self, title: str) -> None:
        """Warn once per document about the characters no font has, with the
        files and lines of the workspace that hold them."""
        if not self.missing:
            return
        for char in sorted(self.missing):
            where = ", ".join(locate(char)) or "not found in the workspace's files"
            log.warning(
                "pdf: no font has U+%04X %s (%r) in %r; it is not drawn; at %s",
                ord(char),
                unicodedata.name(char, "unnamed"),
                char,
                title,
                where,
            )


def locate(char: str, limit: int = 3) -> list[str]:
    """Up to `limit` places ("seeds/extracts/x.yaml:12") holding `char` in the
    current workspace (the renderer sees only the document, not its sources)."""
    from brief.workspace import find_workspace

    try:
        root = find_workspace()
    except Exception:  # no workspace: a document built by hand
        return []
    places: list[str] = []
    for folder in ("briefings", "seeds"):
        for file in sorted((root / folder).rglob("*")):
            if not file.is_file() or file.suffix not in (".yaml", ".yml", ".txt", ".j2", ".md"):
                continue
            text = file.read_text(encoding="utf-8", errors="replace")
            if char not in text:
                continue
            for number, line in enumerate(text.splitlines(), start=1):
                if char in line:
                    places.append(f"{file.relative_to(root)}:{number}")
                    if len(places) >= limit:
                        return places
    return places


@functools.cache
def _first_covering(codes: tuple[int, ...]) -> str:
    for index in range(len(CHAIN)):
        name = _load(index)
        if name and all(code in _cmap(name) for code in codes):
            return name
    return ""


def _covers(font: str, text: str) -> bool:
    return all(ord(c) in _cmap(font) for c in text)


def _wrap(text: str, font: str | None) -> str:
    if font is None:
        return escape(text)
    if _RTL.search(text):
        text = _visual(text)
    return f'<font name="{font}">{escape(text)}</font>'


def _visual(text: str) -> str:
    """A right-to-left run joined and in the order it is drawn, left to right."""
    import arabic_reshaper
    from bidi import get_display

    visual: str = get_display(arabic_reshaper.reshape(text))  # both untyped libraries
    return visual
