"""The PDF theme (`pdf:` in briefings/_workspace.yaml): page size, margins, fonts,
colours, logo; for renders and packs; bad values are located errors of `brief validate`."""

from __future__ import annotations

import io
import shutil
import subprocess
from pathlib import Path

import pdfplumber
import pytest
import reportlab
from PIL import Image
from pypdf import PdfReader
from typer.testing import CliRunner

from brief import api
from brief.cli import app
from brief.render.pdf import render
from brief.render.pdf.theme import Theme
from tiny_workspace import edit, line_of, make_workspace, problems

SETTINGS = "briefings/_workspace.yaml"
VERA = Path(reportlab.__file__).parent / "fonts"  # Latin only: no Đ, no Cyrillic


@pytest.fixture
def ws(tmp_path: Path) -> Path:
    root = make_workspace(tmp_path / "ws")
    style = root / "briefings" / "style"
    style.mkdir()
    logo = Image.new("RGB", (300, 100), (200, 16, 46))
    logo.save(style / "logo.png")
    return root


def _settings(ws: Path, body: str) -> None:
    (ws / SETTINGS).write_text(body, encoding="utf-8")


def _pdf(ws: Path, out: Path) -> bytes:
    (path,) = api.render("kosovo", ["pdf"], workspace=ws, out=out)
    return path.read_bytes()


def _fonts(data: bytes, tmp_path: Path) -> str:
    path = tmp_path / "fonts.pdf"
    path.write_bytes(data)
    return subprocess.run(
        ["pdffonts", str(path)], capture_output=True, text=True, check=True
    ).stdout


def test_without_a_pdf_setting_the_pdf_is_the_default_one_byte_for_byte(
    ws: Path, tmp_path: Path
) -> None:
    plain = _pdf(ws, tmp_path / "plain")
    _settings(ws, "pdf:\n  page_size: A4\n  margins: {top: 27, left: 25}\n")
    assert _pdf(ws, tmp_path / "spelled-out") == plain
    # The renderer's own default theme is the same look as no theme.
    document = api.brief_document("kosovo", workspace=ws)
    assert render(document, Theme()) == render(document)


def test_page_size_margins_colours_logo_and_font_family_are_applied(
    ws: Path, tmp_path: Path
) -> None:
    _settings(
        ws,
        "pdf:\n"
        "  page_size: Letter\n"
        "  margins: {left: 40, right: 30}\n"
        "  font: Fira Sans\n"
        '  colors: {headings: "#8b0000", banner: "#0000aa"}\n'
        "  logo: style/logo.png\n"
        "  logo_width: 45\n",
    )
    data = _pdf(ws, tmp_path / "out")
    reader = PdfReader(io.BytesIO(data))
    assert {(float(p.mediabox.width), float(p.mediabox.height)) for p in reader.pages} == {
        (612.0, 792.0)
    }
    fonts = _fonts(data, tmp_path)
    assert "FiraSans-Regular" in fonts and "FiraSans-SemiBold" in fonts
    assert "IBMPlexSerif" not in fonts  # every letter of this brief is in Fira Sans
    (image,) = reader.pages[0].images
    assert Image.open(io.BytesIO(image.data)).size == (300, 100)
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        first = pdf.pages[0]
        logo = first.images[0]
        assert logo["x1"] == pytest.approx(612 - 30 / 25.4 * 72, abs=0.5)  # right margin
        assert logo["x1"] - logo["x0"] == pytest.approx(45 / 25.4 * 72, abs=0.5)
        words = first.extract_words(extra_attrs=["non_stroking_color", "size"])
        title = next(w for w in words if w["size"] > 20)
        assert tuple(title["non_stroking_color"]) == pytest.approx((0x8B / 255, 0, 0), abs=0.01)
        banner = next(w for w in words if w["text"] == "UNCLASSIFIED" and w["top"] < 40)
        assert tuple(banner["non_stroking_color"]) == pytest.approx((0, 0, 0xAA / 255), abs=0.01)
        body = [w for w in words if 100 < w["top"] < 700 and w["size"] < 12]
        assert min(w["x0"] for w in body) == pytest.approx(40 / 25.4 * 72, abs=1)


def test_font_files_under_briefings_and_the_fallback_for_letters_they_lack(
    ws: Path, tmp_path: Path
) -> None:
    style = ws / "briefings" / "style"
    shutil.copy(VERA / "Vera.ttf", style / "house.ttf")
    shutil.copy(VERA / "VeraBd.ttf", style / "house-bold.ttf")
    _settings(ws, "pdf:\n  font_files: {regular: style/house.ttf, bold: style/house-bold.ttf}\n")
    # Cyrillic and Đ, which Vera lacks: on the cover (a paragraph) and in the
    # running header (drawn straight on the page).
    edit(ws, "briefings/kosovo.yaml", "title: Kosovo", "title: Косово, Đakovica")
    data = _pdf(ws, tmp_path / "out")
    fonts = _fonts(data, tmp_path)
    assert "BitstreamVeraSans-Roman" in fonts and "BitstreamVeraSans-Bold" in fonts
    vera = set(fontpkg_free_cmap(VERA / "Vera.ttf"))
    set_elsewhere = []
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for page in pdf.pages:
            for char in page.chars:
                if char["text"].isspace():
                    continue
                if "Vera" in char["fontname"]:
                    assert ord(char["text"]) in vera, char  # never a missing glyph
                else:
                    set_elsewhere.append(char["text"])
    assert {"К", "о", "Đ"} <= set(set_elsewhere)


def fontpkg_free_cmap(path: Path) -> list[int]:
    from reportlab.pdfbase.ttfonts import TTFontFile

    # Glyph 0 is .notdef: Vera maps Đ to it, a box where the letter should be.
    return [code for code, glyph in TTFontFile(str(path)).charToGlyph.items() if glyph]


def test_bad_settings_are_located_errors_of_validate_all_at_once(ws: Path) -> None:
    (ws / "briefings" / "style" / "notes.txt").write_text("x", encoding="utf-8")
    (ws / "briefings" / "style" / "evil.png").symlink_to(ws.parent.parent / "x.png")
    _settings(
        ws,
        "pdf:\n"
        "  page_size: A5\n"
        "  margins: {top: 5}\n"
        "  colors: {headings: red}\n"
        "  font_files: {regular: style/notes.txt, bold: ../../x.ttf}\n"
        "  logo: style/evil.png\n",
    )
    found = problems(ws)

    def at(needle: str, column: int, rest: str) -> str:
        return f"{SETTINGS}:{line_of(ws, SETTINGS, needle)}:{column}: {rest}"

    assert found == [
        at("page_size", 14, "pdf.page_size: Input should be 'A4' or 'Letter' (got 'A5')"),
        at("margins", 18, "pdf.margins.top: Input should be greater than or equal to 24 (got 5)"),
        at("colors", 22, "pdf.colors.headings: a colour is written #rrggbb, e.g. '#1f3a5f'"),
    ]  # the file checks wait for settings that validate
    _settings(
        ws,
        "pdf:\n"
        "  font_files: {regular: style/notes.txt, bold: ../../x.ttf}\n"
        "  logo: style/evil.png\n",
    )
    assert problems(ws) == [
        at("font_files", 25, "pdf.font_files.regular: briefings/style/notes.txt: "
           "not a TrueType or OpenType font file"),
        at("font_files", 48, "pdf.font_files.bold: '../../x.ttf' is outside briefings/"),
        at("logo", 9, "pdf.logo: briefings/style/evil.png: a symlink to nothing (not found)"),
    ]  # fmt: skip
    _settings(ws, "pdf:\n  font: Noto Serif\n  logo: style/notes.txt\n")
    assert problems(ws) == [
        at("font:", 9, "pdf.font: font family 'Noto Serif' has no static regular face (only "
           "variable fonts, which the PDF renderer prints at one weight); choose another or "
           "give font_files"),
        at("logo", 9, "pdf.logo: briefings/style/notes.txt: not a PNG or JPEG image"),
    ]  # fmt: skip
    _settings(ws, "pdf:\n  font: No Such Family\n")
    (problem,) = problems(ws)
    assert problem.startswith(
        f"{SETTINGS}:2:9: pdf.font: font family 'No Such Family' is not installed"
    )


def test_validate_exits_2_on_a_bad_theme(ws: Path) -> None:
    _settings(ws, "pdf:\n  logo: style/missing.png\n")
    result = CliRunner().invoke(app, ["validate", "--workspace", str(ws)])
    assert result.exit_code == 2
    assert result.stderr.splitlines()[0] == (
        f"{SETTINGS}:2:9: pdf.logo: briefings/style/missing.png: not found"
    )


def test_a_pack_takes_the_theme_and_renders_again_when_the_logo_changes(
    ws: Path, tmp_path: Path
) -> None:
    _settings(ws, "pdf:\n  page_size: Letter\n  logo: style/logo.png\n  logo_in_header: true\n")
    out = tmp_path / "packs"
    first = api.pack(ws, formats=["pdf"], out=out)
    assert not first.failures
    (brief,) = out.rglob("kosovo_*.pdf")
    before = brief.read_bytes()
    assert PdfReader(io.BytesIO(before)).pages[0].mediabox.width == 612
    combined = [p for p in out.rglob("*.pdf") if p != brief]
    assert combined and all(
        PdfReader(p).pages[0].mediabox.width == 612 for p in combined
    )  # the pack's own cover too
    Image.new("RGB", (300, 100), (0, 80, 160)).save(ws / "briefings" / "style" / "logo.png")
    api.pack(ws, formats=["pdf"], out=out)
    after = brief.read_bytes()
    assert after != before
    pages = PdfReader(io.BytesIO(after)).pages
    (image,) = pages[0].images
    assert Image.open(io.BytesIO(image.data)).getpixel((0, 0)) == (0, 80, 160)
    assert len(pages) > 1 and all(len(page.images) == 1 for page in pages)  # in the header
