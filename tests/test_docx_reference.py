"""`--reference-docx`: a brief in an organisation's Word house style, as Pandoc's
--reference-doc does, with footnotes, contents and banners still working."""

from __future__ import annotations

import io
import re
import shutil
import struct
import zipfile
import zlib
from pathlib import Path

import docx
import pytest
from docx.shared import Inches, Pt, RGBColor
from typer.testing import CliRunner

from brief import api
from brief.cli import app
from brief.errors import InvalidInput
from brief.render.docx.reference import apply_reference
from shipped_workspace import copy_shipped_workspace

LOGO_COLOUR = (0, 60, 140)


def _png(width: int = 60, height: int = 20) -> bytes:
    raw = b"".join(b"\x00" + bytes(LOGO_COLOUR) * width for _ in range(height))

    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
        return struct.pack(">I", len(data)) + kind + data + crc

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(raw))
        + chunk(b"IEND", b"")
    )


def make_reference(path: Path) -> Path:
    """An organisation's template: US Letter, 1-inch margins, logo header, address footer,
    red Arial headings, its own "Org Heading 2", and body text that must not leak."""
    document = docx.Document()
    section = document.sections[0]
    section.page_width, section.page_height = Inches(8.5), Inches(11)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Inches(1))
    header = section.header.paragraphs[0]
    header.add_run().add_picture(io.BytesIO(_png()), width=Inches(1.2))
    header.add_run("  Ministry of Examples")
    section.footer.paragraphs[0].text = "1 Example Street, Exampletown"
    heading = document.styles["Heading 1"]
    heading.font.name, heading.font.color.rgb, heading.font.size = (
        "Arial",
        RGBColor(192, 0, 0),
        Pt(20),
    )
    org = document.styles.add_style("Org Heading 2", 1)
    org.font.name, org.font.color.rgb = "Arial", RGBColor(0, 96, 0)
    document.add_paragraph("Template body text that must not appear.")
    document.save(path)
    return path


@pytest.fixture(scope="module")
def plain(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, bytes]:
    ws = copy_shipped_workspace(tmp_path_factory.mktemp("ref") / "ws", keep=("kosovo",))
    return ws, api.render_bytes(api.brief_document("kosovo", workspace=ws), "docx")


def _xml(data: bytes, name: str) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return package.read(name).decode("utf-8")


def _parts(data: bytes, prefix: str) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        names = sorted(n for n in package.namelist() if n.startswith(prefix))
        return "".join(package.read(n).decode("utf-8") for n in names)


def _texts(xml: str) -> list[str]:
    return re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", xml)


def test_the_brief_takes_styles_page_header_and_footer_and_keeps_its_content(
    plain: tuple[Path, bytes], tmp_path: Path
) -> None:
    _ws, data = plain
    reference = make_reference(tmp_path / "ours.docx").read_bytes()
    styled = apply_reference(data, reference, {"Heading 2": "Org Heading 2"})
    assert styled == apply_reference(data, reference, {"Heading 2": "Org Heading 2"})
    body = _xml(styled, "word/document.xml")
    # Page: US Letter, 1-inch margins (twentieths of a point).
    assert re.search(r'<w:pgSz w:w="12240" w:h="15840"', body)
    assert re.search(r'<w:pgMar w:top="1440" w:right="1440" w:bottom="1440" w:left="1440"', body)
    # The content is the brief's, every word of it, and none of the template's.
    assert _texts(body) == _texts(_xml(data, "word/document.xml"))
    assert "Template body text" not in body
    assert _xml(styled, "word/footnotes.xml") == _xml(data, "word/footnotes.xml")
    # The contents, where the document has them (issue 12: filled at write time,
    # each entry a PAGEREF to its heading), survive the house style; a brief has
    # none since issue 11 (page 1 holds its title block and summary).
    assert ("PAGEREF _Toc" in body) == ("PAGEREF _Toc" in _xml(data, "word/document.xml"))
    # Styles: the organisation's heading, and its own style where mapped.
    styles = _xml(styled, "word/styles.xml")
    heading1 = re.search(r'<w:style [^>]*w:styleId="Heading1".*?</w:style>', styles, re.S)
    assert heading1 and 'w:ascii="Arial"' in heading1.group(0) and "C00000" in heading1.group(0)
    assert '<w:pStyle w:val="Heading2"/>' not in body
    assert '<w:pStyle w:val="OrgHeading2"/>' in body
    # Header and footer: logo and address first, then the marking banner and page numbers.
    headers, footers = _parts(styled, "word/header"), _parts(styled, "word/footer")
    assert "<a:blip" in headers and "Ministry of Examples" in headers
    assert headers.index("Ministry of Examples") < headers.index("UNCLASSIFIED")
    assert "1 Example Street" in footers and "NUMPAGES" in footers and "UNCLASSIFIED" in footers
    with zipfile.ZipFile(io.BytesIO(styled)) as package:
        images = [n for n in package.namelist() if n.startswith("word/media/")]
        assert [package.read(n) for n in images] == [_png()]
    # Still a file Word opens without repairs.
    from openxml_audit import FileFormat, OpenXmlValidator

    (tmp_path / "styled.docx").write_bytes(styled)
    validator = OpenXmlValidator(file_format=FileFormat.MICROSOFT_365, max_errors=0)
    assert [str(e) for e in validator.validate(tmp_path / "styled.docx").errors] == []


def test_a_style_mapping_names_styles_that_exist(plain: tuple[Path, bytes], tmp_path: Path) -> None:
    _ws, data = plain
    reference = make_reference(tmp_path / "ours.docx").read_bytes()
    with pytest.raises(InvalidInput) as caught:
        apply_reference(data, reference, {"Heading 2": "Org Heading 9", "Sidebar": "Title"})
    messages = sorted(str(p) for p in caught.value.problems)
    assert any("Heading 2: no style named 'Org Heading 9'" in m for m in messages)
    assert any("Sidebar: brief has no style of that name" in m for m in messages)


def test_the_command_takes_a_reference_and_refuses_what_is_not_one(
    plain: tuple[Path, bytes], tmp_path: Path
) -> None:
    ws, _data = plain
    reference = make_reference(tmp_path / "ours.docx")
    runner = CliRunner()
    args = ["kosovo", "-f", "docx", "-w", str(ws), "-o", str(tmp_path / "out")]
    result = runner.invoke(app, [*args, "--reference-docx", str(reference)])
    assert result.exit_code == 0, result.output
    written = Path(result.stdout.strip()).read_bytes()
    assert "Ministry of Examples" in _parts(written, "word/header")
    not_docx = tmp_path / "notes.txt"
    not_docx.write_text("x", encoding="utf-8")
    result = runner.invoke(app, [*args, "--reference-docx", str(not_docx)])
    assert result.exit_code == 2
    assert (
        "error: --reference-docx: " in result.stderr and "is not a Word document" in result.stderr
    )


def test_the_workspace_setting_styles_every_word_brief_and_the_pack(
    plain: tuple[Path, bytes], tmp_path: Path
) -> None:
    ws, _data = plain
    (ws / "briefings" / "style").mkdir()
    make_reference(ws / "briefings" / "style" / "ours.docx")
    settings = ws / "briefings" / "_workspace.yaml"
    settings.write_text(
        "docx:\n  reference: style/ours.docx\n  styles:\n    Heading 2: Org Heading 2\n",
        encoding="utf-8",
    )
    try:
        (path,) = api.render("kosovo", ["docx"], workspace=ws, out=tmp_path / "one")
        assert "Ministry of Examples" in _parts(path.read_bytes(), "word/header")
        assert '<w:pStyle w:val="OrgHeading2"/>' in _xml(path.read_bytes(), "word/document.xml")
        result = api.pack(ws, formats=["docx"], out=tmp_path / "packs")
        assert not result.failures
        (packed,) = (tmp_path / "packs").rglob("kosovo_*.docx")
        assert "Ministry of Examples" in _parts(packed.read_bytes(), "word/header")
        settings.write_text("docx:\n  reference: ../../ours.docx\n", encoding="utf-8")
        with pytest.raises(InvalidInput) as caught:
            api.render("kosovo", ["docx"], workspace=ws, out=tmp_path / "two")
        (problem,) = caught.value.problems
        assert str(problem) == (
            "briefings/_workspace.yaml: docx.reference: '../../ours.docx' is outside briefings/"
        )
    finally:  # the workspace is shared by this module's tests
        settings.unlink()
        shutil.rmtree(ws / "briefings" / "style")
