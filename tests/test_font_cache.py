"""Parsed TrueType faces kept between runs: the font from the cache is the font parsed."""

from __future__ import annotations

from pathlib import Path

import pytest
from reportlab.pdfbase.ttfonts import TTFont

from brief.render.pdf import font_cache
from brief.render.pdf.fonts import _FACES, plex_path

PLEX = sorted({plex_path(weight, style) for weight, style in _FACES.values()})
TEXT = "Vučić, Đurić, Курти: „quoted“ — 2024"


@pytest.fixture(autouse=True)
def cache_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("BRIEF_CACHE_DIR", str(tmp_path))
    monkeypatch.delenv("BRIEF_NO_CACHE", raising=False)
    return tmp_path


def _comparable(font: TTFont) -> tuple[dict[str, object], dict[str, object]]:
    face = {k: v for k, v in vars(font.face).items() if k != "_pdfScale"}
    other = {k: v for k, v in vars(font).items() if k not in ("face", "state", "encoding")}
    return face, other


@pytest.mark.parametrize("path", PLEX, ids=lambda p: p.name)
def test_a_face_from_the_cache_is_the_face_parsed(path: Path, cache_folder: Path) -> None:
    parsed = TTFont("Parsed", str(path))
    first = font_cache.tt_font("Cached", path)  # parses, writes the entry
    assert list((cache_folder / "fonts").glob("*.face"))
    cached = font_cache.tt_font("Cached", path)  # from the entry
    assert _comparable(first) == _comparable(cached)
    face, other = _comparable(cached)
    assert face == _comparable(parsed)[0]
    assert other == {**_comparable(parsed)[1], "fontName": "Cached"}
    assert vars(cached.encoding) == vars(parsed.encoding) and not cached.state
    for value in (0, 1, 250.5, -120):
        assert cached.face._pdfScale(value) == parsed.face._pdfScale(value)
    # What reaches the PDF: widths, and the embedded subset's bytes.
    assert cached.stringWidth(TEXT, 10.5) == parsed.stringWidth(TEXT, 10.5)
    subset = [0, *sorted({ord(c) for c in TEXT})]
    assert cached.face.makeSubset(subset) == parsed.face.makeSubset(subset)


def test_a_damaged_entry_is_parsed_afresh(cache_folder: Path) -> None:
    path = PLEX[0]
    font_cache.tt_font("Cached", path)
    (entry,) = (cache_folder / "fonts").glob("*.face")
    entry.write_bytes(b"not a pickle")
    font = font_cache.tt_font("Cached", path)
    assert font.stringWidth(TEXT, 10) == TTFont("Parsed", str(path)).stringWidth(TEXT, 10)


def test_no_cache_writes_nothing(cache_folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BRIEF_NO_CACHE", "1")
    font_cache.tt_font("Cached", PLEX[0])
    assert not (cache_folder / "fonts").exists()
