"""Read a saved web page, plain text or Markdown file into text + metadata.

For HTML the article text is extracted with trafilatura, offline (no URL is
fetched): the extracted text is what the corpus stores and quotes are matched
against; the original page is kept beside it for audit and re-extraction.
Text and Markdown files are stored byte for byte; a PDF's text is extracted
with pypdf (`brief.ingest.pdf`) and the PDF kept like an HTML page.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from brief.errors import InvalidInput, Problem

HTML_SUFFIXES = (".html", ".htm")
TEXT_SUFFIXES = (".txt", ".md", ".markdown")


@dataclass
class ReadDocument:
    """What a file gave us: the text to store and whatever metadata it states."""

    text: str
    text_bytes: bytes
    original: bytes | None = None
    """The original file when the stored text was extracted from it (HTML)."""
    original_suffix: str = ""
    metadata: dict[str, str] = field(default_factory=dict)
    """title, outlet, author, published (ISO date), url: only those found."""


def read_document(path: Path) -> ReadDocument:
    path = Path(path)
    suffix = path.suffix.lower()
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise InvalidInput(Problem(file=str(path), message=f"cannot read: {exc.strerror}")) from exc
    if suffix in HTML_SUFFIXES:
        return _read_html(path, raw)
    if suffix in TEXT_SUFFIXES:
        return _read_text(path, raw)
    if suffix == ".pdf":
        return _read_pdf(path, raw)
    raise InvalidInput(
        Problem(file=str(path), message="unsupported file type: use .html, .htm, .pdf, .txt or .md")
    )


def _read_pdf(path: Path, raw: bytes) -> ReadDocument:
    from brief.ingest.pdf import pdf_text

    text, metadata = pdf_text(path, raw)
    return ReadDocument(
        text, text.encode("utf-8"), original=raw, original_suffix=".pdf", metadata=metadata
    )


def _decode(path: Path, raw: bytes) -> str:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InvalidInput(
            Problem(file=str(path), message=f"not UTF-8 text (byte {exc.start})")
        ) from exc


def _read_text(path: Path, raw: bytes) -> ReadDocument:
    text = _decode(path, raw)
    if not text.strip():
        raise InvalidInput(Problem(file=str(path), message="the file is empty"))
    metadata: dict[str, str] = {}
    if path.suffix.lower() != ".txt":
        title = _markdown_title(text)
        if title:
            metadata["title"] = title
    return ReadDocument(text=text, text_bytes=raw, metadata=metadata)


def _markdown_title(text: str) -> str | None:
    for line in text.splitlines():
        if line.startswith("# "):
            return line[2:].strip() or None
        if line.strip():
            return None
    return None


def _read_html(path: Path, raw: bytes) -> ReadDocument:
    import trafilatura
    from trafilatura.settings import Document

    html = _decode(path, raw)
    found = trafilatura.bare_extraction(
        html,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        favor_precision=True,
    )
    # as_dict is off: a Document, or None when the page has no main text.
    doc = found if isinstance(found, Document) else Document()
    text = doc.text or ""
    if not text.strip():
        raise InvalidInput(Problem(file=str(path), message="no article text found in the page"))
    if not text.endswith("\n"):
        text += "\n"
    metadata = {
        "title": doc.title,
        "outlet": doc.sitename,
        "author": doc.author,
        "published": _iso_date(doc.date),
        "url": doc.url,
    }
    return ReadDocument(
        text=text,
        text_bytes=text.encode("utf-8"),
        original=raw,
        original_suffix=path.suffix.lower(),
        metadata={key: value.strip() for key, value in metadata.items() if value and value.strip()},
    )


def _iso_date(value: str | None) -> str | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10]).isoformat()
    except ValueError:
        return None
