"""Stage 5: renderers. Each walks a `brief.document.Document` and nothing else.

Every renderer module exposes `EXTENSION` and `render(document) -> bytes`,
deterministically: same document, same bytes. Modules are imported only when
used, so the CLI starts fast.
"""

from __future__ import annotations

import importlib
from typing import Protocol

from brief.document import Document

FORMATS: dict[str, str] = {
    "md": "brief.render.markdown",
    "docx": "brief.render.docx",
    "pdf": "brief.render.pdf",
}


class Renderer(Protocol):
    EXTENSION: str

    def render(self, document: Document) -> bytes: ...


def renderer(fmt: str) -> Renderer:
    try:
        module = FORMATS[fmt]
    except KeyError:
        raise ValueError(f"unknown format {fmt!r}; choose from {', '.join(FORMATS)}") from None
    return importlib.import_module(module)
