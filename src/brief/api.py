"""The Python API: what the CLI calls, and what tests and other programs call.

Each function is one step of the pipeline; the CLI adds nothing but argument
parsing and error printing.

    corpus = load(workspace)                     # corpus: load + validate
    document = build_document(corpus, "kosovo")  # assemble + templates -> document
    write_document(document, "pdf", path)        # render, written atomically
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from brief.corpus import Corpus, load_corpus
from brief.document import Document
from brief.fsutil import atomic_write_bytes


def load(workspace: Path) -> Corpus:
    """Load and validate the workspace; raises `InvalidInput` listing every problem."""
    return load_corpus(Path(workspace))


def validate(workspace: Path) -> dict[str, int]:
    """Load and check everything; return the counts of records by kind.

    Raises `InvalidInput` listing every problem, each located at
    file:line:column and field.
    """
    return load(workspace).counts()


def write_schemas(workspace: Path, *, check: bool = False) -> list[Path]:
    """Export the JSON Schema of each YAML file kind into `workspace/schemas/`.

    Returns the files that were (with `check`: that would be) rewritten.
    """
    from brief.corpus.schema import stale_schemas
    from brief.corpus.schema import write_schemas as _write

    return stale_schemas(Path(workspace)) if check else _write(Path(workspace))


def build_document(
    corpus: Corpus,
    subject: str,
    *,
    as_of: dt.date | None = None,
    since: dt.date | None = None,
    marking: str | None = None,
) -> Document:
    """Assemble the brief of `subject` (any spelling of a country or person)."""
    from brief.assemble import build_document as _build  # owned by the assembler stage

    return _build(corpus, subject, as_of=as_of, since=since, marking=marking)


def render_bytes(document: Document, fmt: str) -> bytes:
    from brief.render import renderer

    return renderer(fmt).render(document)


def write_document(document: Document, fmt: str, path: Path) -> Path:
    """Render and write atomically: on failure an earlier file at `path` stays as it was."""
    data = render_bytes(document, fmt)
    atomic_write_bytes(Path(path), data)
    return Path(path)
