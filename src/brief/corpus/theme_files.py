"""The files the PDF theme names (`pdf:` in briefings/_workspace.yaml): read and checked.

A logo or a font is an input like a template: it lies under `briefings/` (so
a pack renders again when it changes), is read only if it is inside the
workspace (`brief.confine`), and a file the renderer could not use is a
located problem of `brief validate`, not a failure halfway through a render.
Its bytes are kept in `Corpus.input_files`, where the render takes them from.
"""

from __future__ import annotations

import io
import os
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from brief.confine import RefusedFile, read_input
from brief.corpus.models import PdfSettings

if TYPE_CHECKING:  # the render (pdf_theme) needs only `briefings_path`: not the checks
    from brief.corpus.checks import Finding

SETTINGS_FILE = "briefings/_workspace.yaml"
_TRUETYPE = (b"\x00\x01\x00\x00", b"true")
_PNG = b"\x89PNG\r\n\x1a\n"
_JPEG = b"\xff\xd8\xff"


def theme_inputs(settings: PdfSettings) -> Iterator[tuple[tuple[str, ...], str, str]]:
    """(field path, kind, path relative to briefings/) of each file the theme names."""
    if settings.logo is not None:
        yield ("pdf", "logo"), "logo", settings.logo
    if settings.font_files is not None:
        for face in ("regular", "bold", "italic", "bold_italic"):
            name = getattr(settings.font_files, face)
            if name is not None:
                yield ("pdf", "font_files", face), "font", name


def briefings_path(name: str) -> str | None:
    """`briefings/<name>` normalised, or None if `name` leads out of briefings/."""
    rel = os.path.normpath(os.path.join("briefings", name)).replace(os.sep, "/")
    if os.path.isabs(name) or not rel.startswith("briefings/"):
        return None
    return rel


def check_theme(root: Path, settings: PdfSettings, files: dict[str, bytes]) -> list[Finding]:
    """Read the theme's files into `files`; the problems with them and with its font."""
    from brief.corpus.checks import Finding

    findings: list[Finding] = []
    for loc, kind, name in theme_inputs(settings):
        rel = briefings_path(name)
        if rel is None:
            findings.append(Finding(SETTINGS_FILE, loc, f"'{name}' is outside briefings/"))
            continue
        try:
            data = read_input(root, root / rel)
        except RefusedFile as refused:
            findings.append(Finding(SETTINGS_FILE, loc, f"{rel}: {refused}"))
            continue
        problem = _font_problem(data) if kind == "font" else _image_problem(data)
        if problem:
            findings.append(Finding(SETTINGS_FILE, loc, f"{rel}: {problem}"))
        else:
            files[rel] = data
    if settings.font is not None and settings.font_files is not None:
        findings.append(
            Finding(SETTINGS_FILE, ("pdf", "font_files"), "give font or font_files, not both")
        )
    elif settings.font is not None:
        problem = family_problem(settings.font)
        if problem:
            findings.append(Finding(SETTINGS_FILE, ("pdf", "font"), problem))
    return findings


def family_problem(family: str) -> str | None:
    """Why the installed font family `family` cannot set a brief; None if it can."""
    import fontpkg

    from brief.render.pdf.fonts import family_files

    try:
        faces = family_files(family)
    except fontpkg.FontpkgError:
        installed = ", ".join(sorted(f.name for f in fontpkg.families().values()))
        return (
            f"font family '{family}' is not installed (families install from PyPI, e.g. "
            f"pip install fontpkg-{fontpkg.slugify(family)}); installed: {installed}"
        )
    if "regular" not in faces:
        return (
            f"font family '{family}' has no static regular face (only variable fonts, "
            "which the PDF renderer prints at one weight); choose another or give font_files"
        )
    return None


def _font_problem(data: bytes) -> str | None:
    head = data[:4]
    if head == b"OTTO":
        return (
            "an OpenType font with PostScript (CFF) outlines; the PDF renderer embeds "
            "TrueType outlines only: use the family's .ttf files"
        )
    if head == b"ttcf":
        return "a font collection (.ttc): give one font file per face"
    if head not in _TRUETYPE:
        return "not a TrueType or OpenType font file"
    from reportlab.pdfbase.ttfonts import TTFontFile

    try:
        TTFontFile(io.BytesIO(data))  # parses the tables; refuses a font that may not be embedded
    except Exception as err:  # TTFError, or a damaged file failing in another way
        return f"not a usable font: {err}"
    return None


def _image_problem(data: bytes) -> str | None:
    if not data.startswith((_PNG, _JPEG)):
        return "not a PNG or JPEG image"
    from PIL import Image

    try:
        with Image.open(io.BytesIO(data)) as image:
            image.load()
            width, height = image.size
    except Exception as err:  # damaged: PIL raises many kinds
        return f"a damaged image: {err}"
    if not width or not height:
        return "an empty image"
    return None
