"""The PDF renderer: footnotes on their page, fonts, literal text, structure."""

from __future__ import annotations

import io
import re
import subprocess
import sys
from pathlib import Path

import pypdf
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import doc_strategies
from brief.api import write_document
from brief.document import (
    Document,
    Heading,
    LineBreak,
    ListBlock,
    Note,
    Paragraph,
    Table,
    Text,
    numbered_notes,
    plain_text,
)
from brief.render import pdf, renderer
from brief.render.typography import curly_apostrophes
from sample_docs import (
    HOSTILE,
    META,
    NAMES,
    QUOTES,
    long_note_document,
    minimal_document,
    rich_document,
)

ROOT = Path(__file__).resolve().parents[1]


def squash(text: str) -> str:
    """Text without any whitespace: line breaks in a PDF fall anywhere."""
    return re.sub(r"\s+", "", text)


class Rendered:
    def __init__(self, document: Document) -> None:
        self.document = document
        self.data = pdf.render(document)
        self.reader = pypdf.PdfReader(io.BytesIO(self.data))
        self.pages = [page.extract_text() or "" for page in self.reader.pages]
        self.squashed = [squash(text) for text in self.pages]

    def page_of(self, obj: object) -> int:
        """0-based index of the page an indirect page reference points to."""
        return self.reader.get_page_number(obj)  # type: ignore[arg-type]

    def note_links(self) -> list[tuple[int, int]]:
        """(page of the reference, page of the note) for every note reference, in order."""
        links: dict[tuple[int, float], tuple[int, int]] = {}
        for index, page in enumerate(self.reader.pages):
            if index == 0:  # the cover holds the table of contents' links
                continue
            for annot in page.get("/Annots") or []:
                annot = annot.get_object()
                if annot.get("/Subtype") == "/Link" and "/Dest" in annot:
                    dest = annot["/Dest"]
                    target = self.page_of(dest[0].get_object())
                    # A reference broken over two lines makes two link
                    # rectangles to the same note: count it once.
                    links.setdefault((target, float(dest[3])), (index, target))
        return list(links.values())

    def outline(self) -> list[tuple[str, int, int]]:
        """(title, depth, page) of every bookmark, depth first."""
        found: list[tuple[str, int, int]] = []

        def walk(items: list, depth: int) -> None:
            for item in items:
                if isinstance(item, list):
                    walk(item, depth + 1)
                else:
                    found.append((item.title, depth, self.reader.get_destination_page_number(item)))

        walk(self.reader.outline, 0)
        return found


@pytest.fixture(scope="module")
def rich() -> Rendered:
    return Rendered(rich_document())


@pytest.fixture(scope="module")
def long_note() -> Rendered:
    return Rendered(long_note_document())


def test_registered_as_the_pdf_format() -> None:
    assert renderer("pdf").EXTENSION == "pdf"
    assert pdf.render(minimal_document()).startswith(b"%PDF-")


def test_every_name_of_the_corpus_prints(rich: Rendered) -> None:
    text = "\n".join(rich.pages)
    for name in NAMES:
        assert name in text


def test_markup_like_text_prints_literally(rich: Rendered) -> None:
    text = " ".join(" ".join(rich.pages).split())
    assert "AT&T <b>not bold</b>" in text
    assert squash(HOSTILE) in "".join(rich.squashed)


def test_every_quote_prints(rich: Rendered) -> None:
    everything = "".join(rich.squashed)
    for quote in QUOTES:
        # Word for word; apostrophes print typographic (issue 12).
        assert squash(curly_apostrophes(quote)) in everything


def test_each_note_sits_on_the_page_of_its_reference(rich: Rendered) -> None:
    notes = numbered_notes(rich.document)
    links = rich.note_links()
    assert len(links) == len(notes) == 128
    for (number, note), (ref_page, note_page) in zip(notes, links, strict=True):
        assert note_page == ref_page, f"note {number} is not on its reference's page"
        text = squash(plain_text(note.children))
        if number < len(notes):  # the very long last note may continue overleaf
            assert text in rich.squashed[ref_page], f"text of note {number} not on its page"
        # The note starts with its number.
        assert squash(f"{number}{plain_text(note.children)[:20]}") in rich.squashed[ref_page]


def test_notes_in_table_cells_and_quotes_are_numbered_in_reading_order(rich: Rendered) -> None:
    # Role notes come from table cells, source notes from block quotes; the
    # sequence of their texts on the pages follows the document's numbering.
    everything = "".join(rich.squashed[1:])
    position = 0
    for number, note in numbered_notes(rich.document):
        found = everything.find(squash(f"{number}{plain_text(note.children)[:25]}"), position)
        assert found >= 0, f"note {number} missing or out of order"
        position = found


def test_a_note_longer_than_a_page_continues_on_the_next(long_note: Rendered) -> None:
    links = long_note.note_links()
    assert all(ref == note for ref, note in links)
    pages_with_long = [i for i, text in enumerate(long_note.pages) if "Continued note text" in text]
    start = next(i for i, text in enumerate(long_note.pages) if "LONG START" in text)
    end = next(i for i, text in enumerate(long_note.pages) if "LONG END" in text)
    assert start == pages_with_long[0] and end == pages_with_long[-1]
    assert end - start >= 2, "the long note should span at least three pages"
    assert pages_with_long == list(range(start, end + 1))
    # Every sentence of it printed, once.
    everything = "".join(long_note.squashed)
    for i in range(0, 375, 37):
        assert everything.count(squash(f"sentence {i}.")) == 1


def test_links_are_clickable_only_for_http(rich: Rendered) -> None:
    uris = set()
    for page in rich.reader.pages:
        for annot in page.get("/Annots") or []:
            action = annot.get_object().get("/A")
            if action is not None:
                uris.add(action.get("/URI"))
    assert "https://www.miragenews.com/nato-pledges-stability/" in uris
    assert not any(str(uri).lower().startswith("javascript") for uri in uris)
    assert "do not click" in rich.pages[-1]


def test_marking_on_every_page_and_page_x_of_y(rich: Rendered) -> None:
    total = len(rich.pages)
    assert 8 <= total <= 20
    for number, text in enumerate(rich.pages, start=1):
        assert text.count("UNCLASSIFIED") >= 2, f"page {number} lacks its banners"
        assert f"Page {number} of {total}" in text


def test_minimal_document_is_a_cover_and_one_page() -> None:
    reader = pypdf.PdfReader(io.BytesIO(pdf.render(minimal_document())))
    assert len(reader.pages) == 2
    assert "Page 2 of 2" in reader.pages[1].extract_text()


def test_cover_has_title_block_and_contents(rich: Rendered) -> None:
    cover = " ".join(rich.pages[0].split())
    for expected in (
        "Kosovo: country brief",
        "NATO and the Western Balkans",
        "Information as of 17 September 2024",
        "UNCLASSIFIED",
        "Contents",
    ):
        assert expected in cover


def test_outline_has_every_heading_and_contents_links_to_them(rich: Rendered) -> None:
    headings = [b for b in rich.document.blocks if isinstance(b, Heading)]
    outline = rich.outline()
    assert [title for title, _, _ in outline] == [plain_text(h.children) for h in headings]
    assert [depth for _, depth, _ in outline][:4] == [0, 0, 1, 2]
    assert rich.reader.trailer["/Root"]["/PageMode"] == "/UseOutlines"
    for title, _, page in outline:
        assert title in rich.pages[page]
    # Contents (levels 1-2) link from the cover to the headings' pages.
    # (The title and the page number of an entry are both links.)
    destinations = [annot.get_object()["/Dest"] for annot in rich.reader.pages[0]["/Annots"]]
    targets = dict.fromkeys(
        (rich.page_of(dest[0].get_object()), float(dest[3])) for dest in destinations
    )
    assert [page for page, _ in targets] == [page for _, depth, page in outline if depth < 2]


@pytest.mark.client
def test_contents_print_the_page_of_each_heading(rich: Rendered, tmp_path: Path) -> None:
    path = tmp_path / "rich.pdf"
    path.write_bytes(rich.data)
    cover = subprocess.run(
        ["pdftotext", "-layout", "-f", "1", "-l", "1", "-enc", "UTF-8", str(path), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    contents = cover.split("Contents", 1)[1]
    for title, depth, page in rich.outline():
        if depth < 2:
            entry = re.search(re.escape(title) + r"[\s.]*(\d+)", contents)
            assert entry and int(entry.group(1)) == page + 1, title


def test_table_header_repeats_on_every_page_of_a_split_table(rich: Rendered) -> None:
    # 3 tables of 30 rows each need more than 3 pages; each piece repeats the header.
    pieces = sum(text.count("Why it matters") for text in rich.pages)
    assert pieces > 3


def test_metadata(rich: Rendered) -> None:
    info = rich.reader.metadata
    assert info.title == META.title
    assert info.author == META.author
    assert info.creator == META.generator
    assert info.subject == META.subtitle
    assert "KFOR" in info["/Keywords"]
    assert rich.reader.trailer["/Root"]["/Lang"] == "en"


def test_same_document_same_bytes_across_processes(rich: Rendered) -> None:
    assert pdf.render(rich.document) == rich.data
    code = (
        "import sys; sys.path[:0] = ['tests', 'src']\n"
        "from sample_docs import rich_document\n"
        "from brief.render import pdf\n"
        "sys.stdout.buffer.write(pdf.render(rich_document()))\n"
    )
    other = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, check=True
    ).stdout
    assert other == rich.data
    # Without reportlab's C helpers (rl_accel, e.g. where no wheel installs): the same bytes.
    plain = subprocess.run(
        [sys.executable, "-c", "import sys; sys.modules['_rl_accel'] = None\n" + code],
        cwd=ROOT,
        capture_output=True,
        check=True,
    ).stdout
    assert plain == rich.data


def test_written_atomically_through_the_api(tmp_path: Path) -> None:
    target = tmp_path / "brief.pdf"
    target.write_bytes(b"old")
    document = Document(META, (Paragraph((Text("x"),)),))
    write_document(document, "pdf", target)
    assert target.read_bytes().startswith(b"%PDF-")
    assert [p.name for p in tmp_path.iterdir()] == ["brief.pdf"]


def test_document_without_headings_has_no_contents() -> None:
    reader = pypdf.PdfReader(io.BytesIO(pdf.render(Document(META, ()))))
    assert len(reader.pages) == 1
    assert "Contents" not in reader.pages[0].extract_text()


@pytest.mark.client
def test_qpdf_finds_no_errors(rich: Rendered, tmp_path: Path) -> None:
    path = tmp_path / "rich.pdf"
    path.write_bytes(rich.data)
    result = subprocess.run(["qpdf", "--check", str(path)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No syntax or stream encoding errors" in result.stdout


@pytest.mark.client
def test_only_embedded_plex_fonts(rich: Rendered, tmp_path: Path) -> None:
    path = tmp_path / "rich.pdf"
    path.write_bytes(rich.data)
    lines = subprocess.run(
        ["pdffonts", str(path)], capture_output=True, text=True, check=True
    ).stdout.splitlines()[2:]
    assert lines
    for line in lines:
        name, emb = line.split()[0], line.split()[-5]
        assert "IBMPlexSerif" in name, line
        assert emb == "yes", line


def test_plex_faces_are_the_files_fontpkg_names() -> None:
    # The renderer reads the family from its own package (no scan of every installed
    # distribution); each face must still be the file fontpkg itself resolves.
    import fontpkg

    from brief.render.pdf.fonts import _FACES, plex_path

    for weight, style in _FACES.values():
        assert plex_path(weight, style) == fontpkg.path("IBM Plex Serif", weight, style)


@given(st.integers(min_value=0, max_value=0xFFFFFF))
def test_markup_colours_are_the_theme_colours(value: int) -> None:
    # Links and note numbers take the theme's colour through the paragraph markup.
    from reportlab.lib.colors import HexColor, toColor

    from brief.render.pdf.styles import markup_color

    colour = HexColor(f"#{value:06x}")
    assert toColor(markup_color(colour)).rgba() == colour.rgba()


@pytest.mark.client
def test_pdftotext_finds_the_names(rich: Rendered, tmp_path: Path) -> None:
    path = tmp_path / "rich.pdf"
    path.write_bytes(rich.data)
    text = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    for name in NAMES:
        assert name in text


@pytest.mark.client
def test_pdftotext_page_by_page_keeps_notes_with_references(
    long_note: Rendered, tmp_path: Path
) -> None:
    path = tmp_path / "long.pdf"
    path.write_bytes(long_note.data)
    for page in range(2, len(long_note.pages) + 1):
        text = subprocess.run(
            ["pdftotext", "-f", str(page), "-l", str(page), "-enc", "UTF-8", str(path), "-"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for number in re.findall(r"paragraph (\d+)", text):
            assert f"Short {number}." in text, f"note of paragraph {number} not on page {page}"


def test_nested_lists_quotes_links_and_a_note_in_a_heading() -> None:
    from sample_docs import nested_document

    rendered = Rendered(nested_document())
    text = " ".join(" ".join(rendered.pages[1:]).split())
    for expected in ("Level three, second", "After the table.", "Second paragraph.", "mail link"):
        assert expected in text
    links = rendered.note_links()
    assert len(links) == len(numbered_notes(rendered.document))
    assert all(ref == note for ref, note in links)
    assert rendered.outline()[0][0] == "Lists"


def test_table_without_widths_keeps_short_columns_on_one_line() -> None:
    from brief.document import Table

    long_text = "What happened, at length, with all the detail a reader needs. " * 4
    table = Table(
        header=((Text("Date"),), (Text("Place"),), (Text("What happened"),)),
        rows=tuple(
            ((Text("Around 22 August 2024"),), (Text("Pristina, Kosovo"),), (Text(long_text),))
            for _ in range(5)
        ),
    )
    reader = pypdf.PdfReader(io.BytesIO(pdf.render(Document(META, (table,)))))
    lines = reader.pages[-1].extract_text().splitlines()
    assert sum("Around 22 August 2024" in line for line in lines) == 5
    assert sum("Pristina, Kosovo" in line for line in lines) == 5


def test_a_long_title_is_shortened_in_the_running_header_not_overprinted() -> None:
    from dataclasses import replace

    title = "A very long title " + "that goes on and on " * 8 + "END"
    document = Document(replace(META, title=title), (Paragraph((Text("Body."),)),))
    reader = pypdf.PdfReader(io.BytesIO(pdf.render(document)))
    body_page = reader.pages[-1].extract_text()  # the cover prints the title in full
    assert "A very long title" in body_page and "…" in body_page
    assert "END" not in body_page
    assert "Information as of 17 September 2024" in body_page
    assert reader.metadata.title == title


def test_a_lead_in_line_is_never_left_alone_at_the_foot_of_a_page(rich: Rendered) -> None:
    lead_in = squash("Belgrade, 22 August 2024:")
    openings = [squash(quote[:30]) for quote in QUOTES]
    for number, text in enumerate(rich.squashed, start=1):
        if lead_in not in text:
            continue
        after = text[text.rindex(lead_in) + len(lead_in) :]
        assert any(opening in after for opening in openings), f"lead-in alone on page {number}"


# ------------------------------------------------ any document the model allows


@settings(max_examples=25, deadline=None)
@given(doc_strategies.blocks)
def test_any_document_renders_with_each_note_on_its_page(blocks: tuple) -> None:
    rendered = Rendered(Document(META, blocks))
    links = rendered.note_links()
    assert len(links) == len(numbered_notes(rendered.document))
    assert all(ref == note for ref, note in links)


def test_items_of_a_long_numbered_list_start_in_one_column() -> None:
    wrap = " with enough text to wrap onto a second line of the page, so it hangs."
    items = tuple((Paragraph((Text(f"Item {i}{wrap}"),)),) for i in range(1, 14))
    reader = pypdf.PdfReader(io.BytesIO(pdf.render(Document(META, (ListBlock(items, True),)))))
    starts: list[float] = []

    def visit(text: str, cm: list, tm: list, font: object, size: float) -> None:
        if text.startswith("Item"):
            starts.append(round(cm[4] + tm[4], 1))

    reader.pages[-1].extract_text(visitor_text=visit)
    assert len(starts) == 13
    assert len(set(starts)) == 1, starts  # "10." does not push its item's text right


def _lines(count: int) -> tuple:
    return tuple(x for i in range(count) for x in (Text(f"line {i}"), LineBreak()))


def test_a_table_header_taller_than_a_page_prints_once_and_splits() -> None:
    table = Table(header=(_lines(200),), rows=(((Text("only row"),),),))
    rendered = Rendered(Document(META, (table,)))
    text = "".join(rendered.squashed)
    assert "line199" in text and "onlyrow" in text


def test_notes_of_one_line_taller_than_a_page_continue_on_the_next() -> None:
    notes = tuple(Note((Text(f"note {i} " * 20),)) for i in range(60))
    rendered = Rendered(Document(META, (Paragraph((Text("Claim"), *notes)),)))
    text = "".join(rendered.squashed)
    assert all(squash(f"note {i} note {i}") in text for i in range(60))
    assert len(rendered.note_links()) == 60
    # The first notes share the page of their reference; the rest follow.
    assert rendered.note_links()[0] == (1, 1)


def test_a_heading_taller_than_a_page_splits_like_a_paragraph() -> None:
    blocks = (Heading(1, _lines(200)), Paragraph((Text("After the heading"),)))
    text = "".join(Rendered(Document(META, blocks)).squashed)
    assert "line199" in text and "Aftertheheading" in text
