"""The Word renderer: real footnotes and styles, literal text, reproducible bytes."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import itertools
import logging
import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import docx
import pytest
from docx2python import docx2python
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

import doc_strategies
from brief import __version__
from brief.api import write_document
from brief.document import (
    BlockQuote,
    Document,
    Heading,
    Note,
    Paragraph,
    Table,
    Text,
    numbered_notes,
)
from brief.document import plain_text as model_text
from brief.render import renderer
from brief.render.docx import package, render
from brief.render.docx.settings import SETTINGS_ORDER
from brief.render.typography import curly_apostrophes
from sample_docs import HOSTILE, META, minimal_document, nested_document, rich_document

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PR = "http://schemas.openxmlformats.org/package/2006/relationships"
NS = {"w": W, "r": R, "pr": PR}


def w(name: str) -> str:
    return f"{{{W}}}{name}"


@pytest.fixture(scope="module")
def rich() -> Document:
    return rich_document()


@pytest.fixture(scope="module")
def rich_bytes(rich: Document) -> bytes:
    return render(rich)


def part(data: bytes, name: str) -> etree._Element:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return etree.fromstring(archive.read(name))


def text_of(node: etree._Element) -> str:
    """The visible text under `node` (field instructions are not visible)."""
    return "".join(t.text or "" for t in node.iter(w("t")))


def notes_of(data: bytes) -> list[etree._Element]:
    footnotes = part(data, "word/footnotes.xml")
    return [n for n in footnotes.findall("w:footnote", NS) if int(n.get(w("id"))) > 0]


def rels_of(data: bytes, name: str) -> dict[str, etree._Element]:
    rels = part(data, name)
    return {rel.get("Id"): rel for rel in rels.findall("pr:Relationship", NS)}


# ------------------------------------------------------------- reproducible


def test_same_document_gives_identical_bytes(rich: Document, rich_bytes: bytes) -> None:
    assert render(rich) == rich_bytes
    assert render(rich_document()) == rich_bytes  # an equal document built anew


def test_identical_bytes_across_processes(rich_bytes: bytes) -> None:
    # another interpreter, another hash seed: nothing may depend on either
    code = (
        "import sys, sample_docs; from brief.render.docx import render; "
        "sys.stdout.buffer.write(render(sample_docs.rich_document()))"
    )
    tests = Path(__file__).parent
    env = {**os.environ, "PYTHONHASHSEED": "12345", "PYTHONPATH": f"{tests.parent / 'src'}:{tests}"}
    other = subprocess.run([sys.executable, "-c", code], capture_output=True, env=env, check=True)
    assert other.stdout == rich_bytes


def test_zip_entries_have_fixed_dates_and_content_types_first(rich_bytes: bytes) -> None:
    with zipfile.ZipFile(io.BytesIO(rich_bytes)) as archive:
        infos = archive.infolist()
        assert archive.testzip() is None
    assert infos[0].filename == "[Content_Types].xml"
    assert {info.date_time for info in infos} == {package.ZIP_DATE}
    names = [info.filename for info in infos]
    assert "docProps/thumbnail.jpeg" not in names  # the template's blank page
    assert not [n for n in names if n.startswith("customXml")]


def test_the_registry_finds_the_renderer() -> None:
    assert renderer("docx").EXTENSION == "docx"


# ------------------------------------------------------------------ footnotes


def test_every_note_is_a_real_word_footnote(rich: Document, rich_bytes: bytes) -> None:
    expected = numbered_notes(rich)
    assert len(expected) == 128
    notes = notes_of(rich_bytes)
    assert [int(n.get(w("id"))) for n in notes] == [n for n, _ in expected]
    for note, (_, model_note) in zip(notes, expected, strict=True):
        first = note.find("w:p", NS)
        assert first.find("w:pPr/w:pStyle", NS).get(w("val")) == "FootnoteText"
        mark = first.find("w:r", NS)
        assert mark.find("w:rPr/w:rStyle", NS).get(w("val")) == "FootnoteReference"
        assert mark.find("w:footnoteRef", NS) is not None
        assert text_of(note).strip() == model_text(model_note.children)

    document = part(rich_bytes, "word/document.xml")
    references = document.findall(".//w:footnoteReference", NS)
    assert [int(r.get(w("id"))) for r in references] == [n for n, _ in expected]
    for reference in references:
        style = reference.getparent().find("w:rPr/w:rStyle", NS)
        assert style.get(w("val")) == "FootnoteReference"


def test_footnote_part_is_declared_with_separators(rich_bytes: bytes) -> None:
    footnotes = part(rich_bytes, "word/footnotes.xml")
    special = {n.get(w("type")): n.get(w("id")) for n in footnotes if n.get(w("type"))}
    assert special == {"separator": "-1", "continuationSeparator": "0"}
    assert footnotes.find(".//w:separator", NS) is not None
    assert footnotes.find(".//w:continuationSeparator", NS) is not None

    settings_xml = part(rich_bytes, "word/settings.xml")
    ids = [f.get(w("id")) for f in settings_xml.findall("w:footnotePr/w:footnote", NS)]
    assert ids == ["-1", "0"]

    types = part(rich_bytes, "[Content_Types].xml")
    overrides = {o.get("PartName"): o.get("ContentType") for o in types}
    assert overrides["/word/footnotes.xml"].endswith("wordprocessingml.footnotes+xml")
    document_rels = rels_of(rich_bytes, "word/_rels/document.xml.rels")
    assert any(r.get("Target") == "footnotes.xml" for r in document_rels.values())


def test_a_document_without_notes_or_headings_is_still_complete() -> None:
    data = render(Document(META, ()))
    assert notes_of(data) == []
    document = part(data, "word/document.xml")
    assert [i.text.strip() for i in document.iter(w("instrText"))] == ['TOC \\o "1-3" \\h \\z \\u']
    assert docx.Document(io.BytesIO(data)).paragraphs[0].text == META.title


def test_word_opens_it_in_its_current_mode(rich_bytes: bytes) -> None:
    settings_xml = part(rich_bytes, "word/settings.xml")
    modes = settings_xml.findall("w:compat/w:compatSetting[@w:name='compatibilityMode']", NS)
    assert [m.get(w("val")) for m in modes] == ["15"]  # not "Compatibility Mode"


def test_settings_children_follow_the_schema_order(rich_bytes: bytes) -> None:
    settings_xml = part(rich_bytes, "word/settings.xml")
    names = [etree.QName(child).localname for child in settings_xml]
    known = [name for name in names if name in SETTINGS_ORDER]
    assert known == sorted(known, key=SETTINGS_ORDER.index)
    assert names.index("embedTrueTypeFonts") < names.index("footnotePr") < names.index("compat")
    # The contents is filled at write time: Word must not ask to update fields.
    assert settings_xml.find("w:updateFields", NS) is None


# ---------------------------------------------------------------- hyperlinks


def test_links_in_notes_are_related_from_the_footnotes_part(rich_bytes: bytes) -> None:
    rels = rels_of(rich_bytes, "word/_rels/footnotes.xml.rels")
    links = part(rich_bytes, "word/footnotes.xml").findall(".//w:hyperlink", NS)
    assert len(links) == 37  # the notes citing a source: 1 + 3 sections x 12
    for link in links:
        rel = rels[link.get(f"{{{R}}}id")]
        assert rel.get("Target") == "https://www.miragenews.com/nato-pledges-stability/"
        assert rel.get("TargetMode") == "External"
        style = link.find("w:r/w:rPr/w:rStyle", NS)
        assert style.get(w("val")) == "Hyperlink"


def test_only_http_and_https_become_links() -> None:
    data = render(nested_document())
    document = part(data, "word/document.xml")
    rels = rels_of(data, "word/_rels/document.xml.rels")
    linked = {
        text_of(link): rels[link.get(f"{{{R}}}id")].get("Target")
        for link in document.findall(".//w:hyperlink[@r:id]", NS)
    }
    assert linked == {
        "secure link": "https://example.org/a?b=1&c=2",
        "plain http link": "http://example.org/plain",
        "spaced link": "https://example.org/with%20space",
    }
    body_text = text_of(document)
    assert "mail link" in body_text and "ftp link" in body_text


def test_a_javascript_link_is_plain_text(rich_bytes: bytes) -> None:
    document = part(rich_bytes, "word/document.xml")
    assert "do not click" in text_of(document)
    assert all("do not click" not in text_of(h) for h in document.iter(w("hyperlink")))
    with zipfile.ZipFile(io.BytesIO(rich_bytes)) as archive:
        for name in archive.namelist():
            assert b"javascript:" not in archive.read(name).lower(), name


# -------------------------------------------------------------------- styles

WORD_STYLES = {
    "Normal": "Normal",
    "Title": "Title",
    "Subtitle": "Subtitle",
    "Heading1": "heading 1",
    "Heading2": "heading 2",
    "Heading3": "heading 3",
    "ListBullet": "List Bullet",
    "ListBullet2": "List Bullet 2",
    "ListNumber": "List Number",
    "ListNumber2": "List Number 2",
    "Quote": "Quote",
    "FootnoteText": "footnote text",
    "FootnoteReference": "footnote reference",
    "Hyperlink": "Hyperlink",
    "TOC1": "toc 1",
    "TOC2": "toc 2",
    "TOC3": "toc 3",
    "TOCHeading": "TOC Heading",
    "Header": "header",
    "Footer": "footer",
}


def test_styles_carry_words_own_names_and_ids(rich_bytes: bytes) -> None:
    styles = part(rich_bytes, "word/styles.xml")
    found = {
        s.get(w("styleId")): s.find("w:name", NS).get(w("val"))
        for s in styles.findall("w:style", NS)
    }
    assert {k: found.get(k) for k in WORD_STYLES} == WORD_STYLES
    assert len(found) == len(styles.findall("w:style", NS))  # no id defined twice


@pytest.mark.parametrize("make", [rich_document, nested_document, minimal_document])
def test_every_style_used_is_defined(make) -> None:
    data = render(make())
    defined = {s.get(w("styleId")) for s in part(data, "word/styles.xml").findall("w:style", NS)}
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        names = [n for n in archive.namelist() if n.startswith("word/") and n.endswith(".xml")]
    for name in names:
        root = part(data, name)
        for tag in ("pStyle", "rStyle", "tblStyle"):
            for ref in root.iter(w(tag)):
                assert ref.get(w("val")) in defined, (name, ref.get(w("val")))


def test_quotes_use_the_quote_style(rich: Document, rich_bytes: bytes) -> None:
    document = part(rich_bytes, "word/document.xml")
    quoted = [
        p for p in document.iter(w("p")) if p.find("w:pPr/w:pStyle[@w:val='Quote']", NS) is not None
    ]
    quotes = [b for b in rich.blocks if isinstance(b, BlockQuote)]
    assert len(quoted) == len(quotes) == 36


def test_tables_use_a_table_style_and_repeat_their_header(rich_bytes: bytes) -> None:
    document = part(rich_bytes, "word/document.xml")
    tables = document.findall(".//w:tbl", NS)
    assert len(tables) == 3
    for table in tables:
        assert table.find("w:tblPr/w:tblStyle", NS).get(w("val")) == "BriefTable"
        rows = table.findall("w:tr", NS)
        assert rows[0].find("w:trPr/w:tblHeader", NS) is not None
        assert all(r.find("w:trPr/w:tblHeader", NS) is None for r in rows[1:])
        widths = [int(c.get(w("w"))) for c in table.findall("w:tblGrid/w:gridCol", NS)]
        assert widths == [2268, 3174, 3628]  # 0.25 / 0.35 / 0.4 of the text width


def test_nested_lists_take_deeper_levels_and_numbered_lists_restart() -> None:
    data = render(nested_document())
    document = part(data, "word/document.xml")
    items = {}
    for p in document.iter(w("p")):
        num = p.find("w:pPr/w:numPr", NS)
        if num is not None and text_of(p):
            items[text_of(p)] = (
                p.find("w:pPr/w:pStyle", NS).get(w("val")),
                num.find("w:numId", NS).get(w("val")),
                num.find("w:ilvl", NS).get(w("val")),
            )
    assert items["Level one, first"][::2] == ("ListBullet", "0")
    assert items["Level two, first"][::2] == ("ListNumber2", "1")
    assert items["Level three, first"][::2] == ("ListBullet3", "2")
    first, second = items["First list, one"][1], items["Second list, one"][1]
    assert first != second
    numbering = part(data, "word/numbering.xml")
    for num_id in (first, second):
        num = numbering.find(f"w:num[@w:numId='{num_id}']", NS)
        assert num.find("w:lvlOverride/w:startOverride", NS).get(w("val")) == "1"


# ---------------------------------------------------- title, banners, fields


def test_title_block_then_the_contents_then_the_body(rich_bytes: bytes) -> None:
    document = part(rich_bytes, "word/document.xml")
    paragraphs = document.findall("w:body/w:p", NS)
    texts = [text_of(p) for p in paragraphs]
    assert texts[:5] == [
        "Kosovo: country brief",
        "NATO and the Western Balkans",
        "Information as of 17 September 2024",
        "Period covered: 18 August 2024 to 17 September 2024",
        "UNCLASSIFIED",
    ]
    instructions = [i.text.strip() for i in document.iter(w("instrText"))]
    # the contents, filled at write time, links to a bookmark on every heading
    # and gives its page by a PAGEREF field (LibreOffice fills it on opening)
    assert instructions[:2] == ["PAGEREF _Toc00000001 \\h", "PAGEREF _Toc00000002 \\h"]
    anchors = [h.get(w("anchor")) for h in document.iter(w("hyperlink")) if h.get(w("anchor"))]
    bookmarks = [b.get(w("name")) for b in document.iter(w("bookmarkStart"))]
    assert anchors == bookmarks and len(bookmarks) == 11  # 1 + 3 x 3 + 1 headings
    assert texts.index("Key judgments", 7) > texts.index("Sources")  # TOC entry, then heading


def test_the_subject_is_named_unless_the_title_names_it() -> None:
    def first_lines(meta) -> list[str]:
        data = render(Document(meta, ()))
        return [text_of(p) for p in part(data, "word/document.xml").findall("w:body/w:p", NS)][:3]

    assert "Subject: kosovo" not in first_lines(META)  # "Kosovo: country brief"
    other = dataclasses.replace(META, title="Weekly brief", subtitle="", subject="Kosovo")
    assert first_lines(other)[1] == "Subject: Kosovo"


def test_marking_in_header_and_footer_with_page_x_of_y(rich_bytes: bytes) -> None:
    rels = rels_of(rich_bytes, "word/_rels/document.xml.rels").values()
    targets = {r.get("Target") for r in rels}
    header = next(t for t in targets if t.startswith("header"))
    footer = next(t for t in targets if t.startswith("footer"))
    assert text_of(part(rich_bytes, f"word/{header}")) == "UNCLASSIFIED"
    footer_xml = part(rich_bytes, f"word/{footer}")
    assert [i.text.strip() for i in footer_xml.iter(w("instrText"))] == ["PAGE", "NUMPAGES"]
    assert [text_of(p) for p in footer_xml.findall("w:p", NS)] == ["Page 1 of 1", "UNCLASSIFIED"]


def test_core_properties_come_from_the_metadata() -> None:
    word = docx.Document(io.BytesIO(render(minimal_document())))
    core = word.core_properties
    assert core.title == META.title
    assert core.subject == META.subject
    assert core.keywords == "Kosovo, KFOR, NATO"
    assert core.author == "brief"
    assert core.last_modified_by == f"brief {__version__}"
    midnight = dt.datetime(2024, 9, 17, tzinfo=dt.UTC)
    assert core.created == core.modified == midnight
    assert core.revision == 1
    assert META.inputs_hash in core.comments


def test_long_properties_are_shortened_not_refused() -> None:
    meta = dataclasses.replace(
        META, title="T" * 400, keywords=tuple(f"keyword number {i}" for i in range(40))
    )
    data = render(Document(meta, minimal_document().blocks))
    core = docx.Document(io.BytesIO(data)).core_properties
    assert core.title == "T" * 254 + "…"
    assert core.keywords.startswith("keyword number 0, keyword number 1, ")
    assert core.keywords.endswith("keyword number 13")  # whole keywords only
    assert text_of(part(data, "word/document.xml")).startswith("T" * 400)  # the page has all


def test_without_an_author_the_generator_is_the_author() -> None:
    meta = dataclasses.replace(META, author="")
    word = docx.Document(io.BytesIO(render(Document(meta, minimal_document().blocks))))
    assert word.core_properties.author == f"brief {__version__}"


# --------------------------------------------------------- text and read-back


def test_read_back_finds_every_quote_and_footnote(rich: Document, rich_bytes: bytes) -> None:
    with docx2python(io.BytesIO(rich_bytes)) as read:
        body = read.text
        notes = read.footnotes
        # docx2python writes links as HTML anchors: keep their text only
        flat_notes = _squeeze(re.sub(r"</?a[^>]*>", "", " ".join(_flatten(notes))))
    for block in rich.blocks:
        if isinstance(block, BlockQuote):
            for paragraph in block.children:
                # Word for word; apostrophes print typographic (issue 12).
                assert curly_apostrophes(model_text(paragraph.children)) in body
    for _, note in numbered_notes(rich):
        assert _squeeze(curly_apostrophes(model_text(note.children))) in flat_notes
    assert HOSTILE in body


def _squeeze(text: str) -> str:
    return " ".join(text.split())


def _flatten(nested) -> list[str]:
    if isinstance(nested, str):
        return [nested]
    return [s for item in nested for s in _flatten(item)]


def test_hard_characters_are_kept(rich_bytes: bytes) -> None:
    document = text_of(part(rich_bytes, "word/document.xml"))
    for name in ("Vučić", "Đurić", "Ulutaş", "Вучић", "Ђурић"):
        assert name in document


def test_control_characters_are_removed_with_a_warning(caplog) -> None:
    meta = dataclasses.replace(META, title="Bad\x07 title", marking="UNCLAS\x00SIFIED")
    doc = Document(
        meta,
        (
            Heading(1, (Text("Head\x1bing"),)),
            Paragraph((Text("keep\x01 this\x0b text\ufffe"),)),
        ),
    )
    with caplog.at_level(logging.WARNING, logger="brief.render.docx"):
        data = render(doc)
    assert [r.getMessage() for r in caplog.records] == [
        "docx: removed 6 character(s) that XML cannot hold "
        "(U+0000, U+0001, U+0007, U+000B, U+001B, U+FFFE) from 'Bad title'"
    ]
    word = docx.Document(io.BytesIO(data))
    assert [p.text for p in word.paragraphs][-1] == "keep this text"
    assert word.core_properties.title == "Bad title"
    assert "UNCLASSIFIED" in text_of(part(data, "word/header1.xml"))


def test_clean_text_gives_no_warning(caplog) -> None:
    with caplog.at_level(logging.WARNING, logger="brief.render.docx"):
        render(rich_document(sections=1))
    assert caplog.records == []


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=40))
def test_any_text_renders_to_a_readable_file(text: str) -> None:
    doc = Document(META, (Paragraph((Text(text), Text("end"))),))
    data = render(doc)
    legal = re.sub("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]", "", text)
    # Apostrophes print typographic (issue 12), as the renderer sees each run.
    expected = re.sub(r"\r\n|\r|\n|\t", "", curly_apostrophes(legal)) + "end"
    last = part(data, "word/document.xml").findall("w:body/w:p", NS)[-1]
    assert "".join(t.text or "" for t in last.iter(w("t"))) == expected


# ------------------------------------------------------------------- writing


def test_a_failed_render_leaves_the_earlier_file_alone(tmp_path: Path, monkeypatch) -> None:
    target = tmp_path / "kosovo.docx"
    write_document(minimal_document(), "docx", target)
    before = target.read_bytes()

    def broken(document: object, *embedded: object) -> bytes:
        raise RuntimeError("disk on fire")

    # The render's last step (the package's bytes) fails.
    monkeypatch.setattr(package, "save", broken)
    with pytest.raises(RuntimeError, match="disk on fire"):
        write_document(rich_document(), "docx", target)
    assert target.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["kosovo.docx"]


def test_without_given_widths_columns_follow_their_text() -> None:
    long_text = "A long explanation of why this actor matters, " * 4
    table = Table(
        header=((Text("Actor"),), (Text("Role"),), (Text("Why it matters"),)),
        rows=tuple(
            ((Text("Aleksandar Vučić"),), (Text("President of Serbia"),), (Text(long_text),))
            for _ in range(5)
        ),
    )
    document = part(render(Document(META, (table,))), "word/document.xml")
    widths = [int(c.get(w("w"))) for c in document.findall(".//w:tblGrid/w:gridCol", NS)]
    assert sum(widths) == 9070  # the text width of an A4 page with 2.5 cm margins
    assert widths[2] > widths[1] > widths[0] * 0.9
    assert widths[0] >= len("Aleksandar") * 95 + 170  # the longest word fits on one line


def test_a_note_inside_a_note_keeps_its_words_in_the_outer_note() -> None:
    inner = Note((Text("inner words"),))
    doc = Document(META, (Paragraph((Text("x"), Note((Text("outer "), inner)))),))
    data = render(doc)
    notes = notes_of(data)
    assert [text_of(n).strip() for n in notes] == ["outer inner words"]
    assert part(data, "word/footnotes.xml").find(".//w:footnoteReference", NS) is None


# ------------------------------------------------ any document the model allows


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(doc_strategies.blocks)
def test_any_document_renders_with_one_footnote_per_note(blocks) -> None:
    doc = Document(META, blocks)
    data = render(doc)
    assert len(notes_of(data)) == len(numbered_notes(doc))
    document = part(data, "word/document.xml")
    references = [int(r.get(w("id"))) for r in document.iter(w("footnoteReference"))]
    assert references == list(range(1, len(references) + 1))
    for table in document.iter(w("tbl")):  # every row has a cell per column
        columns = len(table.findall("w:tblGrid/w:gridCol", NS))
        assert {len(row.findall("w:tc", NS)) for row in table.findall("w:tr", NS)} == {columns}


# ------------------------------------------------------ schema (what Word checks)


@pytest.fixture(scope="module")
def schema_check(tmp_path_factory: pytest.TempPathFactory):
    """Validates against the ECMA-376 schemas and Word's semantic rules: the
    order and kind of every element and attribute, as Word checks on opening."""
    from openxml_audit import FileFormat, OpenXmlValidator

    folder = tmp_path_factory.mktemp("schema")
    checked = itertools.count()

    def check(data: bytes) -> list[str]:
        path = folder / f"check-{next(checked)}.docx"
        path.write_bytes(data)
        # A new validator each time: openxml-audit 0.8 caches cross-part lookups
        # by id() of the package object, and a later package can reuse that id.
        validator = OpenXmlValidator(file_format=FileFormat.MICROSOFT_365, max_errors=0)
        return [str(error) for error in validator.validate(path).errors]

    return check


def _control_characters() -> Document:
    meta = dataclasses.replace(META, title="Bad\x07 title", marking="UNCLAS\x00SIFIED")
    return Document(meta, (Paragraph((Text("keep\x01 this\x0b"), Note((Text("n\x02"),)))),))


@pytest.mark.parametrize(
    "make",
    [rich_document, nested_document, minimal_document, lambda: Document(META, ())],
    ids=["rich", "nested", "minimal", "empty"],
)
def test_the_file_is_valid_wordprocessingml(make, schema_check) -> None:
    assert schema_check(render(make())) == []


def test_the_schema_check_finds_what_word_would_reject(schema_check, rich_bytes) -> None:
    # the check itself: a pStyle after jc is out of schema order
    source = zipfile.ZipFile(io.BytesIO(rich_bytes))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for name in source.namelist():
            data = source.read(name)
            if name == "word/document.xml":
                data = data.replace(
                    b'<w:pPr><w:pStyle w:val="Title"/></w:pPr>',
                    b'<w:pPr><w:jc w:val="center"/><w:pStyle w:val="Title"/></w:pPr>',
                )
            target.writestr(name, data)
    assert any("pStyle" in error for error in schema_check(out.getvalue()))


def test_text_with_control_characters_gives_a_valid_file(schema_check) -> None:
    data = render(_control_characters())
    assert schema_check(data) == []


@settings(max_examples=5, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(blocks=st.lists(doc_strategies.block, min_size=1, max_size=4).map(tuple))
def test_any_document_is_valid_wordprocessingml(blocks, schema_check) -> None:
    data = render(Document(META, blocks))
    assert schema_check(data) == []
