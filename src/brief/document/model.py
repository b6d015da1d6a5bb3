"""The neutral document model: blocks made of inline runs, with notes.

Shaped like Pandoc's AST: a footnote is an inline `Note` holding its own
content at the place it is referenced; renderers number notes in reading
order (``numbered_notes`` does it for them). The model knows nothing of
actors, sources or briefs: renderers only walk it.

All nodes are frozen dataclasses of tuples, so a document is hashable,
comparable and safe to share between processes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Literal

from brief.document.dates import long_date

# ---------------------------------------------------------------- inlines


@dataclass(frozen=True, slots=True)
class Text:
    """Literal text. Renderers print it as written: never markup."""

    text: str


@dataclass(frozen=True, slots=True)
class Emphasis:
    children: tuple[Inline, ...]


@dataclass(frozen=True, slots=True)
class Strong:
    children: tuple[Inline, ...]


@dataclass(frozen=True, slots=True)
class Link:
    """A hyperlink. Renderers make it clickable only for http(s) URLs."""

    url: str
    children: tuple[Inline, ...]


@dataclass(frozen=True, slots=True)
class LineBreak:
    """A hard line break inside a paragraph."""


@dataclass(frozen=True, slots=True)
class Note:
    """A footnote, referenced where it stands; its content is inline runs."""

    children: tuple[Inline, ...]


Inline = Text | Emphasis | Strong | Link | LineBreak | Note

# ----------------------------------------------------------------- blocks


@dataclass(frozen=True, slots=True)
class Heading:
    """Level 1-3 heading; `anchor` is a stable id for links and bookmarks."""

    level: int
    children: tuple[Inline, ...]
    anchor: str = ""


@dataclass(frozen=True, slots=True)
class Paragraph:
    children: tuple[Inline, ...]


@dataclass(frozen=True, slots=True)
class ListBlock:
    """A bullet (or numbered) list; each item is a sequence of blocks."""

    items: tuple[tuple[Block, ...], ...]
    ordered: bool = False


@dataclass(frozen=True, slots=True)
class BlockQuote:
    children: tuple[Block, ...]


Align = Literal["left", "center", "right"]


@dataclass(frozen=True, slots=True)
class Table:
    """A table with one header row; a cell is a sequence of inline runs.

    `widths` are relative column widths (summing to about 1), or empty to let
    the renderer decide.
    """

    header: tuple[tuple[Inline, ...], ...]
    rows: tuple[tuple[tuple[Inline, ...], ...], ...]
    widths: tuple[float, ...] = ()
    align: tuple[Align, ...] = ()


@dataclass(frozen=True, slots=True)
class PageBreak:
    pass


Block = Heading | Paragraph | ListBlock | BlockQuote | Table | PageBreak

# --------------------------------------------------------------- document


@dataclass(frozen=True, slots=True)
class Metadata:
    title: str
    subject: str
    kind: str  # "country" or "person": used only for document properties
    marking: str
    as_of: dt.date
    since: dt.date | None = None
    subtitle: str = ""
    author: str = ""
    keywords: tuple[str, ...] = ()
    language: str = "en"
    source_count: int = 0
    generator: str = ""  # e.g. "brief 0.1.0"
    inputs_hash: str = ""  # sha256 of everything the document was made from
    subject_id: str = ""  # the corpus id of the subject: output files are named from it
    # What the cut-off means in the sources' own dates, printed after "Information as of":
    # "reporting up to 17 September 2024; two items dated only October 2024" ("" = as_of's day).
    as_of_text: str = ""
    front: tuple[tuple[str, str], ...] = ()  # page-1 lines: ("Issued by", "Southern Uplands desk")
    disclaimer: str = ""  # one line on page 1
    contents: bool = True  # a table of contents on page 1 (short briefs go without)
    profile: str = "full"  # "note": the two-page note; its files are named `<id>_<as-of>_note`

    @property
    def information_as_of(self) -> str:
        """What follows "Information as of": the cut-off statement, else the as-of day."""
        return self.as_of_text or long_date(self.as_of)

    @property
    def information_line(self) -> str:
        """ "Information as of: reporting up to ...", or "Information as of 1 October 2024"."""
        if self.as_of_text:
            return f"Information as of: {self.as_of_text}"
        return f"Information as of {long_date(self.as_of)}"


@dataclass(frozen=True, slots=True)
class Document:
    meta: Metadata
    blocks: tuple[Block, ...] = field(default_factory=tuple)


# ------------------------------------------------------------------ walks


def iter_inlines(children: tuple[Inline, ...]) -> Iterator[Inline]:
    """Every inline in reading order, descending into containers (not notes)."""
    for node in children:
        yield node
        if isinstance(node, Emphasis | Strong | Link):
            yield from iter_inlines(node.children)


def _block_inlines(block: Block) -> Iterator[Inline]:
    match block:
        case Heading(children=children) | Paragraph(children=children):
            yield from iter_inlines(children)
        case ListBlock(items=items):
            for item in items:
                for sub in item:
                    yield from _block_inlines(sub)
        case BlockQuote(children=children):
            for sub in children:
                yield from _block_inlines(sub)
        case Table(header=header, rows=rows):
            for row in (header, *rows):
                for cell in row:
                    yield from iter_inlines(cell)
        case _:
            return


def numbered_notes(document: Document) -> list[tuple[int, Note]]:
    """The document's notes numbered 1..n in reading order.

    Renderers that number notes themselves must use the same order; each
    `Note` object occurrence is one number (identical content cited twice is
    two notes, as in Word).
    """
    notes: list[tuple[int, Note]] = []
    for block in document.blocks:
        for inline in _block_inlines(block):
            if isinstance(inline, Note):
                notes.append((len(notes) + 1, inline))
    return notes


def plain_text(children: tuple[Inline, ...]) -> str:
    """The visible text of inline runs, without notes."""
    parts: list[str] = []
    for node in children:
        match node:
            case Text(text=text):
                parts.append(text)
            case Emphasis(children=c) | Strong(children=c) | Link(children=c):
                parts.append(plain_text(c))
            case LineBreak():
                parts.append("\n")
            case _:
                pass
    return "".join(parts)
