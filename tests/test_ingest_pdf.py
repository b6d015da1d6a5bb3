"""`brief sources add release.pdf`: the PDF's text, stored and checked like a web page's."""

from __future__ import annotations

from pathlib import Path

import pytest

from brief import api
from brief.errors import InvalidInput
from ingest_helpers import make_workspace

QUOTE = "We will stay in Kosovo for as long as needed"


def make_pdf(path: Path, pages: list[list[str]], *, title: str = "", author: str = "") -> Path:
    """A release as an office program would print it: text lines on A4 pages."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    pdf = canvas.Canvas(str(path), pagesize=A4, invariant=True)
    pdf.setTitle(title)
    pdf.setAuthor(author)
    for lines in pages:
        y = 780
        for line in lines:
            pdf.drawString(72, y, line)
            y -= 18
        pdf.showPage()
    pdf.save()
    return path


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    return make_workspace(tmp_path / "ws")


METADATA = {"outlet": "NATO", "published": "2024-09-13", "kind": "official_release",
            "reliability": "B"}  # fmt: skip


def test_a_pdf_release_becomes_a_source_with_its_text_boilerplate_and_original(
    workspace: Path, tmp_path: Path
) -> None:
    pdf = make_pdf(
        tmp_path / "release.pdf",
        [
            ["Assistant Secretary General visits Pristina",
             f"“{QUOTE},” Boris Ruge said in Pristina on 13 September."],
            ["Share this", "© 2024 NATO. All rights reserved."],
        ],
        title="NATO official visits Pristina",
        author="NATO Press office",
    )  # fmt: skip
    added = api.add_source(pdf, workspace=workspace, metadata=METADATA)
    source = added.source
    assert source.title == "NATO official visits Pristina"
    assert source.author == "NATO Press office"
    assert added.original_file is not None and added.original_file.suffix == ".pdf"
    assert added.original_file.read_bytes() == pdf.read_bytes()
    text = added.text_file.read_text(encoding="utf-8")
    assert f"“{QUOTE},” Boris Ruge said" in text
    assert source.boilerplate == ["Share this", "© 2024 NATO. All rights reserved."]
    # The same extractor and checks as for any text: the quote is proposed, by Ruge.
    _path, draft = api.extract(source.id, workspace=workspace)
    (statement,) = draft.statements
    assert statement.quote.startswith(QUOTE) and statement.speaker == "boris-ruge"


def test_a_pdf_without_text_or_unreadable_is_a_clear_error(workspace: Path, tmp_path: Path) -> None:
    blank = make_pdf(tmp_path / "scan.pdf", [[]])
    with pytest.raises(InvalidInput, match="no text layer"):
        api.add_source(blank, workspace=workspace, metadata={**METADATA, "title": "T"})
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.4\n garbage")
    with pytest.raises(InvalidInput, match="cannot read the PDF"):
        api.add_source(broken, workspace=workspace, metadata={**METADATA, "title": "T"})
    assert not (workspace / "seeds" / "sources").exists()
