"""Text of a PDF release (pypdf, pure Python, already what brief's PDF tests read with).

The extracted text is what the corpus stores and quotes are checked against,
verbatim, exactly as for a web page; the PDF itself is kept beside it in
`seeds/originals/` for audit and re-extraction. A PDF without a text layer
(a scan) is refused: brief does no OCR and invents no text.
"""

from __future__ import annotations

import io
from collections.abc import Mapping
from pathlib import Path

from brief.errors import InvalidInput, Problem


def pdf_text(path: Path, raw: bytes) -> tuple[str, dict[str, str]]:
    """The text of every page, pages apart by a blank line, and the title and author
    the file states (its creation date is not taken as a publication date)."""
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(raw))
        if reader.is_encrypted:
            raise InvalidInput(Problem(str(path), message="the PDF is encrypted"))
        pages = [_clean(page.extract_text() or "") for page in reader.pages]
        info: Mapping[str, object] = reader.metadata or {}
    except (PdfReadError, ValueError, KeyError, OSError) as err:
        raise InvalidInput(Problem(str(path), message=f"cannot read the PDF: {err}")) from None
    text = "\n\n".join(page for page in pages if page)
    if not text.strip():
        raise InvalidInput(
            Problem(str(path), message="the PDF has no text layer (a scan?): brief does no OCR")
        )
    metadata = {
        key: str(info.get(name) or "").strip()
        for key, name in (("title", "/Title"), ("author", "/Author"))
    }
    return text + "\n", {key: value for key, value in metadata.items() if value}


def _clean(page: str) -> str:
    # Trailing spaces at line ends are layout, not words; nothing else is changed.
    return "\n".join(line.rstrip() for line in page.splitlines()).strip("\n")
