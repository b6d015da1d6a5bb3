"""The combined pack PDF: a cover (contents, what changed) then every brief.

The cover is a small `Document` rendered by the PDF renderer, so it looks
like the briefs; the briefs' pages follow, one outline entry each (`Pages`).

`PackWriter` builds it while the briefs are being rendered: each brief's
pages go in as soon as it and every brief before it (in pack order) have
arrived, whatever order the workers finish in, so the result is the same
bytes for any `--jobs`. The cover, which lists their first pages, goes in
front at the end, rendered once when its length is guessed right (its
length does not depend on the numbers it prints).
"""

from __future__ import annotations

import io
import itertools
from collections.abc import Callable
from dataclasses import dataclass
from typing import IO, Any, cast

from brief import __version__
from brief.document import Block, Document, Heading, ListBlock, Metadata, Paragraph, Table, Text

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
    import pikepdf

    with pikepdf.open(io.BytesIO(pdf)) as document:
        return len(document.pages)


SEPARATE_PAGES = 20
"""From this many briefs on, a pack joins its PDF in a helper process (see PackWriter)."""


class PackWriter:
    """The briefs' pages appended in pack order as they arrive; the cover at the end.

    `separate`: the pages are joined in a helper process of their own
    (`brief.pack.pages`): the joined pages' objects (over 100 MB for the 1,100
    pages of a 50-brief pack) must not add to the pack process's corpus. Same
    operations, same bytes. The joiner counts each brief's pages: the pack
    process does not parse the PDFs again."""

    def __init__(self, order: list[str], *, separate: bool = False) -> None:
        self.sink: Pages = HelperPages() if separate else Pages()
        self.order = order  # the stems that may bring a PDF, in pack order
        self.waiting: dict[str, tuple[str, bytes | None]] = {}
        self.next = 0
        self.appended: list[str] = []  # the stems whose PDF is in, in order
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
                self.appended.append(name)

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
        counts = self.sink.page_counts()
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
    """The pack's pages joined with pikepdf (qpdf) in this process.

    qpdf copies a brief's pages with everything they refer to, its links between
    pages included, several times faster than pypdf (50 large briefs: ~2.8 s
    against ~12 s of CPU). The outline: the cover first, then one entry per brief
    holding the brief's own outline. A brief's entries are made as its pages come
    in (they point at page objects, which the cover does not move), so that only
    the cover's entry is left for the end, after the last brief."""

    def __init__(self) -> None:
        import pikepdf

        self.pdf = pikepdf.new()
        # A copied page's streams are read from its source when the pack is written.
        self.sources: list[pikepdf.Pdf] = []
        self.outlines = self.pdf.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.Outlines))
        self.tops: list[Any] = []  # each brief's outline entry, in order
        self.shown = 0  # the briefs' entries shown while all are open
        self.counts: list[int] = []

    def append(self, title: str, pdf: bytes) -> None:
        import pikepdf

        source = pikepdf.open(io.BytesIO(pdf))
        first = len(self.pdf.pages)
        index = {page.objgen: i for i, page in enumerate(source.pages)}
        marks = _marks(source.Root.get("/Outlines"), index)
        self.pdf.pages.extend(source.pages)
        self.sources.append(source)
        self.counts.append(len(source.pages))
        moved = [_moved(m, first) for m in marks]
        top = _Mark(pikepdf.String(title), first, [pikepdf.Name.Fit], 0, moved)
        # Linked to its neighbours and under the outline's root at the end.
        items, shown = _link(self.pdf, self.outlines, [top], self.pdf.pages)
        self.tops.extend(items)
        self.shown += shown

    def page_counts(self) -> list[int]:
        """Each appended brief's number of pages, in order."""
        return list(self.counts)

    def finish(self, cover: bytes, title: str, subtitle: str) -> bytes:
        import pikepdf

        source = pikepdf.open(io.BytesIO(cover))
        for i, page in enumerate(source.pages):
            self.pdf.pages.insert(i, page)
        self.sources.append(source)
        _outline(self.pdf, self.outlines, title, self.tops, self.shown)
        self.pdf.docinfo = self.pdf.make_indirect(
            pikepdf.Dictionary(
                Title=title,
                Subject=subtitle,
                Creator=f"brief {__version__}",
                Producer=f"brief {__version__} (pikepdf)",
            )
        )
        out = io.BytesIO()
        # An /ID from the content, not the clock: the same pack, the same bytes.
        # Streams are written as the briefs have them (reportlab's ASCII85 + Flate).
        # By default qpdf decodes each and compresses it again as Flate alone: a file
        # 5 % smaller, for half of this write's CPU, which comes after the last brief
        # with nothing left to run beside it.
        self.pdf.save(out, deterministic_id=True, compress_streams=False)
        return out.getvalue()

    def close(self) -> None:
        for source in self.sources:
            source.close()
        self.sources.clear()


@dataclass(frozen=True)
class _Mark:
    """An outline entry of a brief: its title, page (in the brief), the rest of its
    destination (e.g. /XYZ left top zoom), its /Count (sign: open or closed)."""

    title: Any
    page: int
    view: list[Any]
    count: int | None
    children: list[_Mark]


def _marks(outlines: Any, index: dict[Any, int]) -> list[_Mark]:
    """A brief's outline entries, each destination's page as a number in the brief."""
    import pikepdf

    marks: list[_Mark] = []
    item = outlines.get("/First") if outlines is not None else None
    while item is not None:
        dest = item.get("/Dest")
        if dest is None and isinstance(item.get("/A"), pikepdf.Dictionary):
            dest = item.A.get("/D")
        page, view = 0, [cast(Any, pikepdf.Name.Fit)]
        if isinstance(dest, pikepdf.Array) and len(dest) > 1:
            target = dest[0]
            if isinstance(target, pikepdf.Dictionary) and target.objgen in index:
                page, view = index[target.objgen], list(dest[1:])
        count = item.get("/Count")
        marks.append(
            _Mark(
                item.get("/Title", pikepdf.String("")),
                page,
                view,
                int(count) if count is not None else None,
                _marks(item, index),
            )
        )
        item = item.get("/Next")
    return marks


def _outline(pdf: Any, root: Any, title: str, tops: list[Any], shown: int) -> None:
    """The pack's outline: the cover's entry (its first page, now in front), then
    each brief's (open, with its own entries; made as the brief came in)."""
    import pikepdf

    cover = _Mark(pikepdf.String(title), 0, [pikepdf.Name.Fit], None, [])
    items = _link(pdf, root, [cover], pdf.pages)[0] + tops
    for before, after in itertools.pairwise(items):
        before.Next, after.Prev = after, before
    root.First, root.Last = items[0], items[-1]
    root.Count = 1 + shown
    pdf.Root.Outlines = root


def _moved(mark: _Mark, offset: int) -> _Mark:
    children = [_moved(c, offset) for c in mark.children]
    return _Mark(mark.title, mark.page + offset, mark.view, mark.count, children)


def _link(pdf: Any, parent: Any, marks: list[_Mark], pages: Any) -> tuple[list[Any], int]:
    """`marks` as `parent`'s children: their outline items, and the number of entries
    shown while all are open."""
    import pikepdf

    items = []
    visible = len(marks)
    for mark in marks:
        item = pdf.make_indirect(
            pikepdf.Dictionary(
                Title=mark.title,
                Parent=parent,
                Dest=pikepdf.Array([pages[mark.page].obj, *mark.view]),
            )
        )
        if mark.children:
            _, shown = _link(pdf, item, mark.children, pages)
            closed = mark.count is not None and mark.count < 0
            item.Count = -shown if closed else shown
            visible += 0 if closed else shown
        items.append(item)
    for before, after in itertools.pairwise(items):
        before.Next, after.Prev = after, before
    if items:
        parent.First, parent.Last = items[0], items[-1]
    return items, visible


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

    def page_counts(self) -> list[int]:
        from brief.pack.pages import COUNT, receive, send

        send(self._stdin(), b"N")
        assert self.process.stdout is not None
        reply = receive(self.process.stdout)
        if reply is None or reply[0] != b"C":
            raise RuntimeError("the pack PDF's helper process stopped before the end")
        return [n for (n,) in COUNT.iter_unpack(reply[1])]

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
