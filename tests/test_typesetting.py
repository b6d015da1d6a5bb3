"""Typesetting rules, read back from the rendered PDF (positions, fonts, words).

The rules, not pictures: a table cell's word is never broken, no heading or
lead-in line is left at a page foot without what it introduces, no page
starts with a lone list item, a URL breaks only after / . - ? & = and its
pieces join back into the URL. Each layout test slides its subject down the
page (more filler before it) so that it meets a page end somewhere.
"""

from __future__ import annotations

import importlib.util
import io
import logging
import re
import subprocess
import sys
import unicodedata
import zipfile
from pathlib import Path

import fontpkg
import pypdf
import pytest
from hypothesis import given
from hypothesis import strategies as st
from lxml import etree

from brief.assemble.citations import short_title
from brief.document import (
    BlockQuote,
    Document,
    Heading,
    Link,
    ListBlock,
    Note,
    Paragraph,
    Table,
    Text,
)
from brief.render import pdf
from brief.render.docx import fonts as fonts_mod
from brief.render.docx import render as docx_render
from sample_docs import META, rich_document

ROOT = Path(__file__).resolve().parents[1]


def _layout_check():
    spec = importlib.util.spec_from_file_location(
        "layout_check", ROOT / "benchmarks" / "layout_check.py"
    )
    module = importlib.util.module_from_spec(spec)
    sys.modules["layout_check"] = module
    spec.loader.exec_module(module)
    return module


check = _layout_check()

FILLER = (
    "The mission's mandate rests on Security Council Resolution 1244 and its forces patrol "
    "the north, where the bridge over the Ibar has been closed to road traffic for years. "
)


def violations(document: Document) -> list:
    data = pdf.render(document)
    return check.check_pdf("test", data, check.vocabulary(document, check._DECORATION))


def sweep(pattern: list, repeats: int = 24) -> Document:
    """`pattern` again and again, after 1, 2, 3, ... one-line paragraphs: one
    render in which the pattern meets the page end at many different heights."""
    blocks: list = []
    for n in range(repeats):
        blocks += [Paragraph((Text(f"Filler line {n}.{k}."),)) for k in range(1 + n % 9)]
        blocks += pattern
    return Document(META, tuple(blocks))


def test_no_word_is_broken_inside_a_table_cell() -> None:
    # Most places unknown ("-"), a few long: a column sized by its typical cell
    # alone broke "Pristina" in Kosovo's chronology.
    places = ("Pristina, Kosovo", "Sarajevo, Pristina and Belgrade") + ("—",) * 10
    table = Table(
        header=((Text("Date"),), (Text("Place"),), (Text("What happened"),)),
        rows=tuple(
            (
                (Text("Around 22 August 2024"),),
                (Text(places[i % len(places)]),),
                (Text(FILLER * 2), Note((Text("A source."),))),
            )
            for i in range(12)
        ),
    )
    document = Document(META, (Heading(1, (Text("Chronology"),)), table))
    assert [v for v in violations(document) if v.rule == "broken-word"] == []


LONG_NOTE = "Boris Ruge interviewed by N1, rks.news, around 22 August 2024. " * 5


def test_a_heading_or_attribution_line_keeps_with_its_quote() -> None:
    quote = BlockQuote(
        (
            Paragraph(
                (Text(FILLER), Note((Text(LONG_NOTE),))),
            ),
        )
    )
    pattern = [
        Heading(2, (Text("Reopening of the Ibar bridge"),)),
        Paragraph((Text("Boris Ruge, Assistant Secretary General, 22 August 2024, Pristina:"),)),
        quote,
    ]
    found = violations(sweep(pattern))
    assert [v for v in found if v.rule in ("heading-stranded", "lead-in-stranded")] == []


def test_no_page_starts_with_a_lone_list_item_nor_splits_one() -> None:
    items = tuple(
        (Paragraph((Text(f"Indicator {n}: " + FILLER[: 60 + 50 * (n % 3)]),)),) for n in range(4)
    )
    pattern = [
        Paragraph((Text("Indicators to watch:"),)),
        ListBlock(items),
        Paragraph((Text("After."),)),
    ]
    found = violations(sweep(pattern))
    rules = ("lone-list-item", "item-split", "lead-in-stranded")
    assert [v for v in found if v.rule in rules] == []


def test_a_heading_and_a_table_citing_sources_flow_on_when_they_fit() -> None:
    # Kosovo's chronology (heading, then rows each citing a source) moved to
    # the next page whole, leaving up to 40% of a page blank, because the
    # table's first rows were refused for having notes at all.
    rows = tuple(
        (
            (Text("22 August 2024"),),
            (Text("Pristina"),),
            (Text(FILLER[: 80 + 40 * (i % 3)]), Note((Text(f"Source {i}."),))),
        )
        for i in range(5)
    )
    table = Table(header=((Text("Date"),), (Text("Place"),), (Text("What happened"),)), rows=rows)
    found = violations(sweep([Heading(1, (Text("Chronology"),)), table], repeats=16))
    rules = ("blank-bottom", "heading-stranded")
    assert [str(v) for v in found if v.rule in rules] == []


URL = (
    "https://n1info.ba/english/news/natos-mark-rutte-concerns-about-secessionist-rhetoric-in-bosnia"
)


def test_urls_break_only_after_separators_and_copy_back_intact() -> None:
    blocks: list = []
    for words in range(14):
        lead = "“Mark Rutte on secessionist threats,” N1, October 2024, " + "word " * words
        link = Link(URL, (Text(URL),))
        blocks += [
            Paragraph((Text(lead), link, Text(". News report."), Note((Text(lead), link)))),
            ListBlock(((Paragraph((Text(lead), link, Text("."))),),), ordered=True),
        ]
    found = violations(Document(META, tuple(blocks)))
    assert [v for v in found if v.rule == "broken-word"] == []


@pytest.mark.parametrize(("lines_on_page", "last"), [(2, "two"), (3, "two"), (4, "three")])
def test_a_paragraph_split_never_leaves_a_label_last_on_the_page(
    lines_on_page: int, last: str
) -> None:
    from reportlab.lib.styles import ParagraphStyle

    from brief.render.pdf.flowables import BodyParagraph, _last_line

    style = ParagraphStyle("body", fontName="Helvetica", fontSize=10, leading=12)
    paragraph = BodyParagraph("one<br/>two<br/>Key assumption:<br/>three<br/>four", style)
    paragraph.wrap(300, 1000)
    pieces = paragraph.split(300, lines_on_page * 12 + 1)
    assert len(pieces) == 2
    # Room for three lines: the break moves up a line, "Key assumption:" goes over.
    assert _last_line(pieces[0]).strip() == last


def test_the_sample_corpus_has_no_layout_violations() -> None:
    count, found = check.check_workspace(ROOT)
    assert count >= 4
    assert [str(v) for v in found] == []


# ------------------------------------------------------------------ short titles

_MINOR_WORDS = {
    "a", "an", "and", "as", "at", "by", "for", "in", "of", "on", "or", "the", "to", "with"
}  # fmt: skip


def _bare(word: str) -> str:
    """`word` without the Unicode punctuation around it (`A{` is the minor word `a`)."""
    start, end = 0, len(word)
    while start < end and unicodedata.category(word[start])[0] == "P":
        start += 1
    while end > start and unicodedata.category(word[end - 1])[0] == "P":
        end -= 1
    return word[start:end]


@given(
    st.lists(
        st.text(alphabet=st.characters(codec="utf-8"), min_size=1, max_size=12),
        min_size=1,
        max_size=20,
    )
)
def test_short_titles_never_end_in_punctuation_and_keep_four_significant_words(words) -> None:
    title = " ".join(words)
    short = short_title(title)
    if not short:
        return
    assert unicodedata.category(short[-1])[0] != "P" or short == title.strip()
    significant = [w for w in short.split() if _bare(w).casefold() not in _MINOR_WORDS]
    assert len(significant) <= 4 or short == title.strip()
    assert " ".join(title.split()).startswith(short) or short == title.strip()


def test_short_titles_cut_at_the_main_title_not_mid_phrase() -> None:
    assert short_title("Mark Rutte on secessionist threats in Bosnia and Herzegovina") == (
        "Mark Rutte on secessionist threats"
    )
    assert short_title("NATO officials Ruge and Goffus on Montenegro (headline not preserved)") == (
        "NATO officials Ruge and Goffus"
    )
    assert short_title("Kosovo: what the bridge means for the north") == "Kosovo"


# ------------------------------------------------------------------------- Word

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def _w(name: str) -> str:
    return f"{{{W_NS}}}{name}"


def _xml(data: bytes, name: str) -> etree._Element:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return etree.fromstring(archive.read(name))


def _style_has(styles: etree._Element, style_id: str, prop: str) -> bool:
    """Whether `style_id` (or a style it is based on) sets paragraph property `prop`."""
    by_id = {s.get(_w("styleId")): s for s in styles.iter(_w("style"))}
    while style_id in by_id:
        style = by_id[style_id]
        if style.find(f"{_w('pPr')}/{_w(prop)}") is not None:
            return True
        based = style.find(_w("basedOn"))
        style_id = based.get(_w("val")) if based is not None else ""
    return False


def _has(p: etree._Element, styles: etree._Element, prop: str) -> bool:
    if p.find(f"{_w('pPr')}/{_w(prop)}") is not None:
        return True
    style = p.find(f"{_w('pPr')}/{_w('pStyle')}")
    return _style_has(styles, style.get(_w("val")) if style is not None else "Normal", prop)


def _style_of(p: etree._Element) -> str:
    style = p.find(f"{_w('pPr')}/{_w('pStyle')}")
    return style.get(_w("val")) if style is not None else ""


@pytest.fixture(scope="module")
def word() -> bytes:
    return docx_render(rich_document())


def test_word_headings_and_lead_ins_keep_with_next_and_items_keep_lines() -> None:
    items = tuple((Paragraph((Text(f"Item {n}."),)),) for n in range(4))
    document = Document(
        META,
        (
            Heading(1, (Text("Outlook"),)),
            Paragraph((Text("Indicators to watch:"),)),
            ListBlock(items),
            Paragraph((Text("After the list."),)),
        ),
    )
    data = docx_render(document)
    body = _xml(data, "word/document.xml").find(_w("body"))
    styles = _xml(data, "word/styles.xml")
    paragraphs = {"".join(p.itertext()): p for p in body.iter(_w("p"))}
    assert _has(paragraphs["Outlook"], styles, "keepNext")
    assert _has(paragraphs["Indicators to watch:"], styles, "keepNext")
    keep = [_has(paragraphs[f"Item {n}."], styles, "keepNext") for n in range(4)]
    assert keep == [True, False, True, False]  # first with second, last two together
    assert all(_has(paragraphs[f"Item {n}."], styles, "keepLines") for n in range(4))
    assert _has(paragraphs["After the list."], styles, "widowControl")


def test_word_contents_has_one_linked_entry_per_heading_before_any_update(word: bytes) -> None:
    body = _xml(word, "word/document.xml").find(_w("body"))
    headings = [p for p in body.iter(_w("p")) if _style_of(p).startswith("Heading")]
    entries = [p for p in body.iter(_w("p")) if _style_of(p) in ("TOC1", "TOC2", "TOC3")]
    assert len(entries) == len(headings) > 0
    for entry, heading in zip(entries, headings, strict=True):
        link = entry.find(_w("hyperlink"))
        mark = heading.find(_w("bookmarkStart"))
        assert link.get(_w("anchor")) == mark.get(_w("name"))
        assert "".join(link.itertext()).startswith("".join(heading.itertext()))
    settings_xml = _xml(word, "word/settings.xml")
    assert settings_xml.find(_w("updateFields")) is None  # no prompt on opening


def test_word_names_and_embeds_the_pdf_font(word: bytes) -> None:
    styles = _xml(word, "word/styles.xml")
    default = styles.find(f"{_w('docDefaults')}//{_w('rFonts')}")
    assert default.get(_w("ascii")) == default.get(_w("hAnsi")) == "IBM Plex Serif"
    by_id = {s.get(_w("styleId")): s for s in styles.iter(_w("style"))}
    for style_id in ("Title", "Heading1", "Heading2", "Heading3"):
        fonts = by_id[style_id].find(f".//{_w('rFonts')}")
        assert fonts is None or fonts.get(_w("ascii")) == "IBM Plex Serif"
    table = _xml(word, "word/fontTable.xml")
    plex = next(f for f in table.iter(_w("font")) if f.get(_w("name")) == "IBM Plex Serif")
    embedded = {e.tag.split("}")[1]: e for e in plex if e.tag.startswith(_w("embed"))}
    assert sorted(embedded) == ["embedBold", "embedBoldItalic", "embedItalic", "embedRegular"]
    rels = _xml(word, "word/_rels/fontTable.xml.rels")
    targets = {r.get("Id"): r.get("Target") for r in rels}
    types = _xml(word, "[Content_Types].xml")
    with zipfile.ZipFile(io.BytesIO(word)) as archive:
        for face, (weight, style) in {
            "embedRegular": (400, "normal"),
            "embedBoldItalic": (700, "italic"),
        }.items():
            element = embedded[face]
            name = "word/" + targets[element.get(f"{{{R_NS}}}id")]
            overrides = {o.get("PartName"): o.get("ContentType") for o in types}
            assert overrides["/" + name].endswith("obfuscatedFont")
            original = Path(fontpkg.path("IBM Plex Serif", weight, style)).read_bytes()
            assert fonts_mod.obfuscate(archive.read(name), element.get(_w("fontKey"))) == original


# ---------------------------------------------------------- scripts and metadata

ARABIC = "قال الرئيس إن الحوار مستمر"
HEBREW = "שלום עולם"
MARKED = "Q\u0323uote"  # Q with a combining dot below: no precomposed letter exists


def _pdf_text(data: bytes, tmp_path: Path) -> str:
    source = tmp_path / "scripts.pdf"
    source.write_bytes(data)
    out = subprocess.run(["pdftotext", str(source), "-"], capture_output=True, text=True)
    text = unicodedata.normalize("NFKC", out.stdout)
    return re.sub("[\u200e\u200f\u202a-\u202e]", "", text)  # bidi marks pdftotext adds


@pytest.mark.client
def test_arabic_hebrew_and_combining_marks_come_back_from_the_pdf(tmp_path: Path) -> None:
    document = Document(
        META,
        (
            Paragraph((Text(f"He said: {ARABIC}, then left."), Note((Text(ARABIC),)))),
            BlockQuote((Paragraph((Text(HEBREW),)),)),
            Paragraph((Text(f"A {MARKED} and Đurić."),)),
        ),
    )
    text = _pdf_text(pdf.render(document), tmp_path)
    assert text.count(ARABIC) == 2  # in the body and in the note, in reading order
    assert HEBREW in text
    assert unicodedata.normalize("NFC", MARKED) in unicodedata.normalize("NFC", text)
    assert "Đurić" in text


def test_a_character_no_font_has_is_a_warning_with_its_file_and_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    odd = "\U000f0001"  # private use: no font of the chain has it
    (tmp_path / "briefings").mkdir()
    (tmp_path / "seeds" / "extracts").mkdir(parents=True)
    (tmp_path / "seeds" / "extracts" / "x.yaml").write_text(f"a: 1\nb: 2\nquote: 'x {odd}'\n")
    monkeypatch.setenv("BRIEF_WORKSPACE", str(tmp_path))
    document = Document(META, (Paragraph((Text(f"Marked {odd} here."),)),))
    with caplog.at_level(logging.WARNING, logger="brief.render.pdf"):
        pdf.render(document)
    warnings = [r.getMessage() for r in caplog.records]
    assert len(warnings) == 1
    assert "U+F0001" in warnings[0] and "seeds/extracts/x.yaml:3" in warnings[0]


def test_pdf_metadata_dates_the_brief_by_its_cut_off_in_info_and_xmp() -> None:
    data = pdf.render(rich_document())
    assert data == pdf.render(rich_document())  # same document, same bytes
    reader = pypdf.PdfReader(io.BytesIO(data))
    assert reader.metadata.creation_date.date() == META.as_of
    xmp = reader.xmp_metadata
    assert xmp.dc_title == {"x-default": META.title}
    assert xmp.dc_description == {"x-default": META.subtitle}
    assert xmp.dc_subject == list(META.keywords)
    assert xmp.xmp_create_date.date() == META.as_of


def test_notes_word_dates_as_the_text_does() -> None:
    from brief.api import build_document, load
    from brief.document import numbered_notes, plain_text

    corpus = load(ROOT)
    american = re.compile(
        r"\b(January|February|March|April|May|June|July|August|September|October|"
        r"November|December) \d{1,2}, \d{4}"
    )
    for name in ("kosovo", "boris-ruge"):
        document = build_document(corpus, name)
        notes = [plain_text(note.children) for _, note in numbered_notes(document)]
        assert notes
        assert not [n for n in notes if american.search(n) or "ca. " in n]
        assert any(re.search(r"\b\d{1,2} (July|August) 20\d\d\b", n) for n in notes)
