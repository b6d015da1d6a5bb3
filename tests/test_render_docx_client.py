"""Real-client check: LibreOffice opens the .docx and prints what Word would.

One conversion, shared by the tests below (a conversion takes seconds).
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from brief.document import numbered_notes, plain_text
from brief.render.docx import render
from sample_docs import rich_document

pytestmark = pytest.mark.client


@pytest.fixture(scope="module")
def converted(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, int]:
    """(text of the PDF LibreOffice made, page count)."""
    work = tmp_path_factory.mktemp("soffice")
    source = work / "rich.docx"
    source.write_bytes(render(rich_document()))
    profile = (work / "profile").as_uri()
    result = subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation={profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(work),
            str(source),
        ],
        capture_output=True,
        text=True,
        timeout=180,
    )
    pdf = work / "rich.pdf"
    assert result.returncode == 0 and pdf.exists(), result.stderr
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    return text, _pages(pdf)


def _pages(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    return int(re.search(r"^Pages:\s+(\d+)", info.stdout, re.M).group(1))


def _squeeze(text: str) -> str:
    return " ".join(text.split())


def test_footnotes_come_through_numbered(converted: tuple[str, int]) -> None:
    text, _ = converted
    pages = [_squeeze(page) for page in text.split("\f")]
    page = 0
    for number, note in numbered_notes(rich_document()):
        words = _squeeze(plain_text(note.children))[:40]
        # The note's text on this page or a later one (notes run in reading order),
        # with its number on the same page. Where pdftotext puts a superscript
        # number depends on the fonts, so only the page is compared.
        while page < len(pages) and not (
            words in pages[page] and re.search(rf"(?<!\d){number}(?!\d)", pages[page])
        ):
            page += 1
        assert page < len(pages), f"note {number} not found after its predecessor"
        if number == 1:  # page-bottom footnotes, not endnotes: the first is on page 1
            assert page == 0


def test_headings_and_hard_characters_come_through(converted: tuple[str, int]) -> None:
    text, _ = converted
    for heading in ("Key judgments", "Section 3: Ulutaş and Đurić", "Key statements 2", "Sources"):
        assert heading in text
    assert "Вучић је рекао да Србија остаје посвећена дијалогу." in _squeeze(text)
    assert "AT&T <b>not bold</b> *stars*" in text


def test_every_page_has_both_banners_and_page_x_of_y(converted: tuple[str, int]) -> None:
    text, pages = converted
    assert pages >= 5
    printed = text.split("\f")[:pages]
    for number, page in enumerate(printed, start=1):
        lines = [line.strip() for line in page.strip().splitlines() if line.strip()]
        assert lines[0] == "UNCLASSIFIED", number
        assert lines[-1] == "UNCLASSIFIED", number
        assert lines[-2] == f"Page {number} of {pages}", number
