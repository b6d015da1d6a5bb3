"""TrueType faces parsed once per machine, not once per command.

reportlab reads a font's tables (character map, widths) in Python: ~4.5 ms a
face, six faces for every PDF, ~25 ms of a cold `brief SUBJECT` (a tenth of
its PDF render). The parsed face, less the file's bytes, is kept in the cache
folder beside the compiled templates (`brief.corpus.cache.cache_root`) and
loads in under a millisecond. An entry is found by the font's bytes and by the
versions of reportlab and Python, so another font file or another reportlab
parses afresh. Loading it runs pickle, as loading a cached corpus does: it
lives in the user's cache folder, never in the workspace. `BRIEF_NO_CACHE=1`
parses every time. The PDF does not depend on the cache (tests/test_font_cache.py).
"""

from __future__ import annotations

import functools
import hashlib
import pickle
import sys
from fnmatch import fnmatch
from pathlib import Path
from typing import Any
from weakref import WeakKeyDictionary

import reportlab
from reportlab import rl_config
from reportlab.pdfbase.ttfonts import TTEncoding, TTFont, TTFontFace

from brief.render.pdf.subsets import Font

KEEP = 32
"""Parsed faces kept on disk; the least recently written beyond these are removed."""

# Set from the file's bytes on loading (kept out of the entry), or a function.
_NOT_KEPT = ("_ttf_data", "_pdfScale")


def tt_font(name: str, path: Path) -> TTFont:
    """`TTFont(name, path)`: the same font, its parsing kept between runs."""
    data = path.read_bytes()
    entry = _entry(data)
    state = _read(entry)
    if state is not None:
        try:
            return _font(name, _face(state, data))
        except Exception:  # an entry another build wrote: parse afresh
            pass
    font = Font(name, str(path))
    _write(entry, {k: v for k, v in vars(font.face).items() if k not in _NOT_KEPT})
    return font


def _face(state: dict[str, Any], data: bytes) -> TTFontFace:
    # What TTFontFace.__init__ leaves, without parsing: its attributes, the bytes,
    # and the unit scale extractInfo makes from unitsPerEm.
    face: TTFontFace = TTFontFace.__new__(TTFontFace)
    face.__dict__.update(state, _ttf_data=data, _pdfScale=_scale(state["unitsPerEm"]))
    return face


def _scale(units_per_em: int) -> Any:
    if units_per_em == 1000:
        return lambda x: x
    factor = 1000 / units_per_em
    return lambda x: x * factor


def _font(name: str, face: TTFontFace) -> TTFont:
    # TTFont.__init__ (reportlab 4-5) with the face given; the rest are settings.
    # tests/test_font_cache.py checks the result has the attributes a parse gives.
    font: TTFont = Font.__new__(Font)
    font.fontName = name
    font.face = face
    font.encoding = TTEncoding()
    font.state = WeakKeyDictionary()
    font.__dict__["_asciiReadable"] = rl_config.ttfAsciiReadable
    unshaped = rl_config.unShapedFontGlob or ()
    font.shapable = not any(fnmatch(name, glob) for glob in unshaped)
    return font


@functools.cache
def _generator() -> bytes:
    return f"reportlab {reportlab.Version}; python {sys.version}".encode()


def _entry(data: bytes) -> str:
    return hashlib.sha256(_generator() + b"\0" + data).hexdigest()


def _path(entry: str) -> Path | None:
    from brief.corpus import cache

    return cache.cache_root() / "fonts" / f"{entry}.face" if cache.enabled() else None


def _read(entry: str) -> dict[str, Any] | None:
    path = _path(entry)
    if path is None:
        return None
    try:
        state = pickle.loads(path.read_bytes())
    except Exception:  # missing, truncated or unreadable: parse afresh
        return None
    return state if isinstance(state, dict) else None


def _write(entry: str, state: dict[str, Any]) -> None:
    path = _path(entry)
    if path is None:
        return
    from brief.fsutil import write_cache_entry

    write_cache_entry(path, pickle.dumps(state, protocol=pickle.HIGHEST_PROTOCOL), "*.face", KEEP)
