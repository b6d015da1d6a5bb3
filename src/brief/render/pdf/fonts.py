"""IBM Plex Serif, from the `fontpkg-ibm-plex-serif` pip package, as one family.

The fonts come with the project's own dependencies, never from the operating
system, so every machine prints the same glyphs (Latin Extended, Cyrillic).
reportlab embeds TrueType fonts as subsets.
"""

from __future__ import annotations

import functools
import hashlib
import io
import json
from dataclasses import astuple, dataclass
from pathlib import Path

import fontpkg_ibm_plex_serif
from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from brief.render.pdf.font_cache import tt_font
from brief.render.pdf.subsets import Font
from brief.render.pdf.theme import FACES, FontFiles

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
def _plex_files() -> dict[tuple[int, str], Path]:
    """The static files of IBM Plex Serif by (weight, style), from its package's own
    metadata.json. Not through `fontpkg`: importing it imports importlib.metadata
    (~60 M instructions, 2 % of a cold command), and `fontpkg.path` reads the entry
    points of every installed distribution on top."""
    root = fontpkg_ibm_plex_serif.ROOT
    meta = json.loads((root / "metadata.json").read_text(encoding="utf-8"))
    return {
        (int(entry["weight"]), entry.get("style", "normal")): root / entry["path"]
        for entry in meta["files"]
        if not entry.get("variable") and entry.get("weight") is not None
    }


def plex_path(weight: int, style: str) -> Path:
    """The file of one IBM Plex Serif face (the one `fontpkg.path` chooses: a test checks)."""
    return _plex_files()[(weight, style)]


def register_tt(font: TTFont) -> None:
    """`pdfmetrics.registerFont`, with the face's ascent and descent on the font too:
    reportlab's getAscentDescent reads `font.ascent` and takes the face's only after
    an AttributeError, raised and caught ~2,200 times in a render of a seven-page brief."""
    vars(font).update(ascent=font.face.ascent, descent=font.face.descent)
    pdfmetrics.registerFont(font)


@functools.cache
def _register(name: str) -> str:
    weight, style = _FACES[name]
    register_tt(tt_font(name, plex_path(weight, style)))
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


@dataclass(frozen=True)
class Faces:
    """The registered names of the faces a theme sets text in (default: Plex Serif)."""

    regular: str = FAMILY
    bold: str = BOLD
    italic: str = ITALIC
    bold_italic: str = BOLD_ITALIC
    semibold: str = SEMIBOLD
    semibold_italic: str = SEMIBOLD_ITALIC

    def covering(self, face: str, text: str) -> str:
        """`face`, or its Plex Serif counterpart when `face` lacks a character of
        `text`: lines drawn straight on the page (banners, header, footer) have no
        fallback chain, and a theme's font must not lose a letter Plex has."""
        if face in _DEFAULT_NAMES or _has_all(face, text):
            return face
        index = [*astuple(self)].index(face)
        return _DEFAULT_NAMES[index]


_DEFAULT_NAMES = (FAMILY, BOLD, ITALIC, BOLD_ITALIC, SEMIBOLD, SEMIBOLD_ITALIC)


def _has_all(face: str, text: str) -> bool:
    font = pdfmetrics.getFont(face)
    if not isinstance(font, TTFont):  # a standard font: nothing to compare
        return True
    cmap = font.face.charToGlyph  # glyph 0 is .notdef: a character the font lacks
    return all(cmap.get(ord(char)) for char in text if not char.isspace())


# (weight, style) of each face, and the faces tried in its place when a family lacks it.
_WANTED = {
    "regular": ((400, "normal"), ()),
    "bold": ((700, "normal"), ("regular",)),
    "italic": ((400, "italic"), ("regular",)),
    "bold_italic": ((700, "italic"), ("bold", "italic", "regular")),
    "semibold": ((600, "normal"), ("bold", "regular")),
    "semibold_italic": ((600, "italic"), ("bold_italic", "italic", "regular")),
}


def family_files(family: str) -> dict[str, Path]:
    """The static files of an installed `fontpkg` family, by face; faces it lacks are
    left out. Variable files are not used: reportlab prints only their default
    instance, so bold would come out regular. Raises `fontpkg.FontpkgError`."""
    import fontpkg

    found = fontpkg.family(family)
    files: dict[str, Path] = {}
    for face, ((weight, style), _) in _WANTED.items():
        static = [f for f in found.files if not f.variable and f.style == style]
        exact = [f for f in static if f.weight == weight]
        if exact:
            files[face] = exact[0].path
    return files


def theme_faces(family: str | None, files: FontFiles | None) -> Faces:
    """Register a theme's family once per process; its face names. No family: Plex."""
    if files is not None:
        tag = hashlib.sha256(b"".join(f or b"" for f in astuple(files))).hexdigest()[:12]
        given = {face: data for face in FACES if (data := getattr(files, face)) is not None}
        return _register_theme(f"Theme-{tag}", tuple(sorted(given.items())))
    if family is None:
        register_fonts()
        return Faces()
    import fontpkg  # a family other than the default's: fontpkg finds it

    if fontpkg.slugify(family) == fontpkg.slugify("IBM Plex Serif"):
        register_fonts()
        return Faces()
    paths = family_files(family)
    if "regular" not in paths:
        raise ValueError(f"font family {family!r} has no static regular face")
    given_bytes = {face: path.read_bytes() for face, path in paths.items()}
    return _register_theme(f"Theme-{fontpkg.slugify(family)}", tuple(sorted(given_bytes.items())))


@functools.cache
def _register_theme(prefix: str, given: tuple[tuple[str, bytes], ...]) -> Faces:
    register_fonts()  # the Plex faces stand in for letters the theme lacks
    data = dict(given)
    names: dict[str, str] = {}
    for face, (_, instead) in _WANTED.items():
        source = next((f for f in (face, *instead) if f in data), "regular")
        name = f"{prefix}-{source}"
        if name not in pdfmetrics.getRegisteredFontNames():
            register_tt(Font(name, io.BytesIO(data[source])))
        names[face] = name
    faces = Faces(**names)
    pdfmetrics.registerFontFamily(
        faces.regular,
        normal=faces.regular,
        bold=faces.bold,
        italic=faces.italic,
        boldItalic=faces.bold_italic,
    )
    if faces.semibold != faces.bold:
        addMapping(faces.semibold, 0, 0, faces.semibold)
        addMapping(faces.semibold, 1, 0, faces.bold)
        addMapping(faces.semibold, 0, 1, faces.semibold_italic)
        addMapping(faces.semibold, 1, 1, faces.bold_italic)
    return faces
