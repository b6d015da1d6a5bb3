"""The real briefs of the shipped corpus as Word files: nothing lost on the way."""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator

import pytest
from docx2python import docx2python
from lxml import etree

from brief.api import build_document, load
from brief.document import (
    BlockQuote,
    Document,
    Emphasis,
    Heading,
    Link,
    ListBlock,
    Note,
    Paragraph,
    Strong,
    Table,
    Text,
    numbered_notes,
    plain_text,
)
from brief.render.docx import render
from brief.render.typography import curly_apostrophes
from shipped_workspace import REPO

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@pytest.fixture(scope="module")
def corpus():
    return load(REPO)


@pytest.fixture(scope="module", params=["kosovo", "ruge"])
def brief(request, corpus) -> tuple[Document, bytes]:
    document = build_document(corpus, request.param)
    return document, render(document)


def _visible(data: bytes, name: str) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        root = etree.fromstring(archive.read(name))
    return "".join(t.text or "" for t in root.iter(f"{W}t"))


def _texts(children) -> Iterator[str]:
    for node in children:
        match node:
            case Text(text=text):
                yield text
            case Emphasis(children=c) | Strong(children=c) | Link(children=c) | Note(children=c):
                yield from _texts(c)
            case _:
                pass


def _block_texts(blocks) -> Iterator[str]:
    for block in blocks:
        match block:
            case Heading(children=c) | Paragraph(children=c):
                yield from _texts(c)
            case ListBlock(items=items):
                for item in items:
                    yield from _block_texts(item)
            case BlockQuote(children=c):
                yield from _block_texts(c)
            case Table(header=header, rows=rows):
                for row in (header, *rows):
                    for cell in row:
                        yield from _texts(cell)
            case _:
                pass


def test_every_note_is_a_word_footnote_in_order(brief) -> None:
    document, data = brief
    notes = numbered_notes(document)
    assert notes, "a real brief cites its sources"
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        root = etree.fromstring(archive.read("word/footnotes.xml"))
    printed = [
        "".join(t.text or "" for t in note.iter(f"{W}t")).strip()
        for note in root.iter(f"{W}footnote")
        if int(note.get(f"{W}id")) > 0
    ]
    # Word for word; apostrophes print typographic (issue 12).
    assert printed == [curly_apostrophes(plain_text(note.children)).strip() for _, note in notes]


def test_every_piece_of_text_is_in_the_file(brief) -> None:
    document, data = brief
    body = _visible(data, "word/document.xml") + _visible(data, "word/footnotes.xml")
    for text in _block_texts(document.blocks):
        for piece in re.split(r"[\r\n\t]+", text):
            assert curly_apostrophes(piece) in body


def test_the_file_is_valid_wordprocessingml(brief, tmp_path) -> None:
    from openxml_audit import FileFormat, OpenXmlValidator

    _, data = brief
    path = tmp_path / "brief.docx"
    path.write_bytes(data)
    validator = OpenXmlValidator(file_format=FileFormat.MICROSOFT_365, max_errors=0)
    assert [str(error) for error in validator.validate(path).errors] == []


def test_read_back_finds_every_quote(brief) -> None:
    document, data = brief
    with docx2python(io.BytesIO(data)) as read:
        body = " ".join(read.text.split())
    quotes = [
        " ".join(plain_text(p.children).split())
        for block in document.blocks
        if isinstance(block, BlockQuote)
        for p in block.children
        if isinstance(p, Paragraph)
    ]
    assert quotes, "a real brief quotes its sources"
    for quote in quotes:
        assert curly_apostrophes(quote) in body
