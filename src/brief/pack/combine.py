"""The combined pack PDF: a cover (contents, what changed) then every brief.

The cover is a small `Document` rendered by the PDF renderer, so it looks
like the briefs; pypdf appends the briefs, one outline entry each.

`PackWriter` builds it while the briefs are being rendered: each brief's
pages go in as soon as it and every brief before it (in pack order) have
arrived, whatever order the workers finish in, so the result is the same
bytes for any `--jobs`. The cover, which lists their first pages, goes in
front at the end, rendered once when its length is guessed right (its
length does not depend on the numbers it prints).
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass
from typing import IO, TYPE_CHECKING, cast

from brief import __version__
from brief.document import Block, Document, Heading, ListBlock, Metadata, Paragraph, Table, Text

if TYPE_CHECKING:
    from pypdf import PdfWriter

Changes = list[tuple[str, list[str]]]
"""The cover's "What changed": a heading and its lines, per briefing."""


@dataclass(frozen=True)
class PackedBrief:
    title: str
    subject: str
    marking: str
    pdf: bytes


def _t(text: str) -> tuple[Text, ...]:
    return (Text(text),)


def cover_document(
    meta: Metadata,
    intro: str,
    briefs: list[PackedBrief],
    first_pages: list[int] | None,
    changes: Changes,
    changes_intro: str,
) -> Document:
    rows = tuple(
        (_t(b.title), _t(b.subject), _t(str(first_pages[i]) if first_pages else ""))
        for i, b in enumerate(briefs)
    )
    blocks: list[Block] = [
        Paragraph(_t(intro)),
        Heading(2, _t("Contents"), anchor="contents"),
        Table(
            header=(_t("Brief"), _t("Subject"), _t("Page")),
            rows=rows,
            widths=(0.6, 0.28, 0.12),
            align=("left", "left", "right"),
        ),
        Heading(2, _t("What changed"), anchor="changes"),
        Paragraph(_t(changes_intro)),
    ]
    for title, lines in changes:
        blocks.append(Heading(3, _t(title)))
        blocks.append(ListBlock(items=tuple((Paragraph(_t(line)),) for line in lines)))
    return Document(meta=meta, blocks=tuple(blocks))


def page_count(pdf: bytes) -> int:
    from pypdf import PdfReader

    return len(PdfReader(io.BytesIO(pdf)).pages)


SEPARATE_PAGES = 20
"""From this many briefs on, a pack joins its PDF in a helper process (see PackWriter)."""


class PackWriter:
    """The briefs' pages appended in pack order as they arrive; the cover at the end.

    `separate`: the pages are joined in a helper process of their own
    (`brief.pack.pages`): pypdf holds some 20 times the PDFs' size in objects
    (about 250 MB for the 1,300 pages of a 50-brief pack), which must not add
    to the pack process's corpus. Same operations, same bytes."""

    def __init__(self, order: list[str], *, separate: bool = False) -> None:
        self.sink: Pages = HelperPages() if separate else Pages()
        self.order = order  # the stems that may bring a PDF, in pack order
        self.waiting: dict[str, tuple[str, bytes | None]] = {}
        self.next = 0
        self.pages: dict[str, int] = {}  # stem -> its number of pages, once appended
        self.given_order = set(order)
        self.given: set[str] = set()

    def add(self, stem: str, title: str, pdf: bytes | None) -> None:
        """A brief's PDF (None: it has none, e.g. it failed). The first word on a
        stem counts; a stem not in the order is ignored."""
        if stem in self.given or stem not in self.given_order:
            return
        self.given.add(stem)
        self.waiting[stem] = (title, pdf)
        while self.next < len(self.order) and self.order[self.next] in self.waiting:
            name = self.order[self.next]
            title, data = self.waiting.pop(name)
            self.next += 1
            if data is not None:
                self.sink.append(title, data)
                self.pages[name] = page_count(data)

    @property
    def complete(self) -> bool:
        return self.next == len(self.order)

    def finish(
        self,
        render_pdf: Callable[[Document], bytes],
        meta: Metadata,
        intro: str,
        briefs: list[PackedBrief],
        changes: Changes,
        changes_intro: str,
        cover_pages: int = 1,
    ) -> tuple[bytes, int]:
        """The pack PDF and its cover's length. `briefs` are those appended, in order;
        `cover_pages` is the guess of the cover's length (right: rendered once)."""
        counts = list(self.pages.values())
        cover = b""
        for _ in range(3):
            first, numbers = cover_pages + 1, []
            for count in counts:
                numbers.append(first)
                first += count
            cover = render_pdf(cover_document(meta, intro, briefs, numbers, changes, changes_intro))
            actual = page_count(cover)
            if actual == cover_pages:
                break
            cover_pages = actual  # the numbers do not change its length: the next one fits
        return self.sink.finish(cover, meta.title, meta.subtitle), cover_pages

    def close(self) -> None:
        self.sink.close()


class Pages:
    """pypdf's writer in this process."""

    def __init__(self) -> None:
        from pypdf import PdfWriter

        self.writer = PdfWriter()

    def append(self, title: str, pdf: bytes) -> None:
        from pypdf import PdfReader

        self.writer.append(PdfReader(io.BytesIO(pdf)), outline_item=title)

    def finish(self, cover: bytes, title: str, subtitle: str) -> bytes:
        from pypdf import PdfReader

        self.writer.merge(0, PdfReader(io.BytesIO(cover)), import_outline=False)
        _outline_first(self.writer, title)
        return _write(self.writer, title, subtitle)

    def close(self) -> None:
        pass


class HelperPages(Pages):
    """`Pages` in a helper process (`python -m brief.pack.pages`), fed through a pipe."""

    def __init__(self) -> None:
        import subprocess
        import sys

        self.process = subprocess.Popen(
            [sys.executable, "-m", "brief.pack.pages"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
        )

    def append(self, title: str, pdf: bytes) -> None:
        from brief.pack.pages import send

        send(self._stdin(), b"A", title.encode("utf-8"), pdf)

    def finish(self, cover: bytes, title: str, subtitle: str) -> bytes:
        from brief.pack.pages import receive, send

        send(self._stdin(), b"F", title.encode("utf-8"), subtitle.encode("utf-8"), cover)
        assert self.process.stdout is not None
        reply = receive(self.process.stdout)
        self.close()
        if reply is None or reply[0] != b"P":
            raise RuntimeError("the pack PDF's helper process stopped before the end")
        return reply[1]

    def _stdin(self) -> IO[bytes]:
        if self.process.stdin is None or self.process.poll() is not None:
            raise RuntimeError("the pack PDF's helper process stopped")
        return self.process.stdin

    def close(self) -> None:
        import contextlib

        with contextlib.suppress(OSError):
            if self.process.stdin is not None:
                self.process.stdin.close()
        try:
            self.process.wait(timeout=30)
        except Exception:
            self.process.kill()
            self.process.wait()


def _outline_first(writer: PdfWriter, title: str) -> None:
    """An outline entry for the cover, first (pypdf adds entries at the end)."""
    from pypdf.generic import DictionaryObject, NameObject

    root = writer.get_outline_root()
    first = root.get("/First")
    item = writer.add_outline_item(title=title, page_number=0)
    if first is None or first == item:
        return
    # Outline items are dictionaries; pypdf types get_object() as any PDF object.
    entry = cast(DictionaryObject, item.get_object())
    previous = entry["/Prev"]
    del cast(DictionaryObject, previous.get_object())[NameObject("/Next")]
    root[NameObject("/Last")] = previous
    del entry[NameObject("/Prev")]
    entry[NameObject("/Next")] = first
    cast(DictionaryObject, first.get_object())[NameObject("/Prev")] = item
    root[NameObject("/First")] = item


def combine(
    render_pdf: Callable[[Document], bytes],
    meta: Metadata,
    intro: str,
    briefs: list[PackedBrief],
    changes: Changes,
    changes_intro: str,
) -> bytes:
    """Cover + briefs as one PDF, all at once. `render_pdf(document) -> bytes` renders the cover."""
    writer = PackWriter([str(i) for i in range(len(briefs))])
    for index, brief in enumerate(briefs):
        writer.add(str(index), brief.title, brief.pdf)
    return writer.finish(render_pdf, meta, intro, briefs, changes, changes_intro)[0]


def _write(writer: PdfWriter, title: str, subtitle: str) -> bytes:
    writer.add_metadata(
        {
            "/Title": title,
            "/Subject": subtitle,
            "/Creator": f"brief {__version__}",
            "/Producer": f"brief {__version__} (pypdf)",
        }
    )
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
