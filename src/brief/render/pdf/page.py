"""The page: document template, frames, marking banners, running header and
"Page X of Y" footer, outline and the contents' page numbers.

One layout pass: the page total and the contents' page numbers are forward
references (`forward.Forward`), filled in once the last page is known.
"""

from __future__ import annotations

import io
from typing import IO, TYPE_CHECKING, cast

from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, KeepTogether, PageTemplate
from reportlab.platypus.doctemplate import FrameBreak

from brief.document import Metadata
from brief.document.dates import long_date
from brief.render.pdf import metadata
from brief.render.pdf.footnotes import FootnoteFrame, Footnotes, note_numbers
from brief.render.pdf.forward import Forward
from brief.render.pdf.styles import MUTED, Look
from brief.render.pdf.toc import TOC_LEVELS

if TYPE_CHECKING:
    from reportlab.platypus.doctemplate import _CanvasMaker  # only in reportlab's stubs

COVER = "cover"
BODY = "body"

_MARKING_SIZE = 8.5
_SMALL_SIZE = 7.5
_HEADER_LOGO_HEIGHT = 5 * mm  # between the banner and the header's rule


def fit(text: str, font: str, size: float, width: float) -> str:
    """`text` cut at a word and ended with an ellipsis if wider than `width`."""
    text = " ".join(text.split())
    if stringWidth(text, font, size) <= width:
        return text
    words = text.split()
    while words and stringWidth(" ".join(words) + " …", font, size) > width:
        words.pop()
    return " ".join(words) + " …" if words else "…"


class KeepWithNext(KeepTogether):
    """What reportlab groups for keepWithNext: a heading or lead-in and what follows.

    The group flows on this page when all of it fits, or when all but its
    last member fit and the last one splits with a first piece here (a long
    quote under its attribution line): no heading or lead-in is stranded at a
    page foot, and no page bottom is left blank for a quote that could split.
    Otherwise it moves to the next page whole.
    """

    # KeepTogether's internals (reportlab sets them; its stubs leave them out).
    _content: list[Flowable]
    _H: float

    def split(self, aW: float, aH: float) -> list[Flowable]:
        if getattr(self, "_wrapInfo", None) != (aW, aH):
            self.wrap(aW, aH)
        content = self._content[:]
        frame = getattr(self, "_frame", None)
        at_top = bool(getattr(frame, "_atTop", False))
        if at_top:
            if content and content[0].wrap(aW, aH)[1] > aH:
                # A heading taller than the page itself: split it like a paragraph.
                first = content[0].split(aW, aH)
                if len(first) > 1:
                    return [*first, *content[1:]]
            return content
        # The frame reserved room for the notes of all but the last member.
        if aH >= self._H and aH - _extra_notes(frame, content[:-1], content[-1]) >= self._H:
            return content
        pieces = _split_last(content, aW, aH, frame)
        if pieces:
            return [*content[:-1], *pieces]
        return [FrameBreak(), *content]


def _split_last(
    content: list[Flowable], aW: float, aH: float, frame: object
) -> list[Flowable] | None:
    """If all of `content` but the last member fit in `aH` and the last one
    splits with a first piece that fits, with its notes, in what is left: the
    last member's pieces (handed to the frame as they are, not split again)."""
    if len(content) < 2 or getattr(content[-1], "keepWithNext", False):
        return None
    used = 0.0
    for flowable in content[:-1]:
        # The group's wrap has just laid every member out at this width.
        height = getattr(flowable, "height", None)
        if height is None or getattr(flowable, "width", None) != aW:
            height = flowable.wrap(aW, aH)[1]
        used += flowable.getSpaceBefore() + height + flowable.getSpaceAfter()
    last = content[-1]
    room = aH - used - last.getSpaceBefore()
    # Its split may ask whether it stands at the top (reportlab reads `_frame`).
    last._frame = frame  # type: ignore[attr-defined]
    target = room
    for _ in range(4):  # again with less room while the piece's own notes do not fit
        if target <= 0:
            return None
        parts = last.split(aW, target)
        if not parts:
            return None
        # A first piece with notes (a table's first rows) fits when it does
        # together with them: asking for no notes at all moved every group
        # whose last member was a table citing sources in its rows.
        extra = _extra_notes(frame, content[:-1], parts[0])
        if parts[0].wrap(aW, target)[1] + extra <= room:
            return parts
        target = min(target - 1, room - extra)
    return None


def _extra_notes(frame: object, leading: list[Flowable], piece: Flowable) -> float:
    """The height the notes first referenced in `piece` add at the page foot."""
    if not isinstance(frame, FootnoteFrame):
        return 0.0
    placed = frame.footnotes.placed
    added = [n for n in _notes_of(piece) if n not in placed]
    if not added:
        return 0.0
    paragraphs = frame.footnotes.paragraphs
    before = [n for f in leading for n in _notes_of(f) if n not in placed]
    added = [n for n in added if n not in before]
    if not added:
        return 0.0
    reserved = [*frame.page_notes, *(paragraphs[n] for n in before)]
    with_piece = [*reserved, *(paragraphs[n] for n in added)]
    return frame.notes_height(with_piece) - frame.notes_height(reserved)


def _notes_of(flowable: Flowable) -> list[int]:
    # A flowable's notes never change (a split makes new flowables): asked
    # again and again while groups are placed, they are read once.
    found = flowable.__dict__.get("_brief_notes")
    if found is None:
        found = flowable.__dict__["_brief_notes"] = note_numbers(flowable)
    return found


class BriefDocTemplate(BaseDocTemplate):
    frame: FootnoteFrame  # the current frame: every page template's frame is one (`_frame`)

    def __init__(self, buffer: IO[bytes], meta: Metadata, footnotes: Footnotes, look: Look) -> None:
        super().__init__(
            buffer,
            pagesize=look.page_size,
            leftMargin=look.left,
            rightMargin=look.right,
            topMargin=look.top,
            bottomMargin=look.bottom,
            title=meta.title,
            author=meta.author or meta.generator,
            subject=meta.subtitle or meta.subject,
            keywords=list(meta.keywords),
            creator=meta.generator,
            lang=meta.language,
            invariant=1,
            initialFontName=look.faces.regular,
            displayDocTitle=1,
            keepTogetherClass=KeepWithNext,
        )
        self.meta = meta
        self.footnotes = footnotes
        self.look = look
        self.forward = Forward()
        self.heading_pages: dict[str, int] = {}
        self.total_pages = 0
        self._outline_level = -1
        self.addPageTemplates(
            [
                PageTemplate(
                    COVER,
                    [self._frame()],
                    onPage=self._decorate_cover,
                    onPageEnd=self._draw_notes,
                    autoNextPageTemplate=BODY,
                ),
                PageTemplate(
                    BODY, [self._frame()], onPage=self._decorate_body, onPageEnd=self._draw_notes
                ),
            ]
        )

    def _frame(self) -> FootnoteFrame:
        return FootnoteFrame(
            self.footnotes,
            self.leftMargin,
            self.bottomMargin,
            self.width,
            self.height,
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
        )

    # ------------------------------------------------------------ passes

    def handle_documentBegin(self) -> None:
        self.footnotes.begin_pass()
        self._outline_level = -1
        super().handle_documentBegin()
        # Open with the bookmarks panel: the outline is how a reader navigates.
        self.canv.showOutline()
        metadata.apply(self.canv, self.meta)

    def build(
        self,
        flowables: list[Flowable],
        filename: str | IO[bytes] | None = None,
        canvasmaker: _CanvasMaker = Canvas,
    ) -> None:
        """Lay out once; then fill the forward references and save."""
        self._doSave = 0
        super().build(flowables, filename, canvasmaker)
        self.total_pages = self.page
        self.forward.resolve(self.canv)
        self.canv.save()

    def afterFlowable(self, flowable: Flowable) -> None:
        info = getattr(flowable, "brief_heading", None)
        if info is None:
            return
        top = self.frame._y + flowable.getSpaceAfter() + getattr(flowable, "height", 0) + 4
        self.canv.bookmarkHorizontal(info.key, 0, top)
        # The outline may not skip a level (a level-3 heading straight under
        # a level-1 one hangs under it).
        level = min(info.level, self._outline_level + 1)
        self._outline_level = level
        self.canv.addOutlineEntry(info.title, info.key, level=level, closed=False)
        if info.level < TOC_LEVELS:
            self.heading_pages.setdefault(info.key, self.page)

    # -------------------------------------------------------- decoration

    def _draw_notes(self, canv: Canvas, doc: BaseDocTemplate) -> None:
        frame = cast(FootnoteFrame, self.pageTemplate.frames[0])  # see `_frame`
        frame.draw_notes(canv)

    def _decorate_cover(self, canv: Canvas, doc: BaseDocTemplate) -> None:
        self._banners(canv)
        self._footer(canv)

    def _decorate_body(self, canv: Canvas, doc: BaseDocTemplate) -> None:
        self._banners(canv)
        self._running_header(canv)
        self._footer(canv)

    def _banners(self, canv: Canvas) -> None:
        width, height = self.pagesize
        marking = self.meta.marking.upper()
        canv.saveState()
        canv.setFillColor(self.look.banner)
        canv.setFont(self.look.faces.covering(self.look.faces.bold, marking), _MARKING_SIZE)
        canv.drawCentredString(width / 2, height - 11 * mm, marking)
        canv.drawCentredString(width / 2, 8 * mm, marking)
        canv.restoreState()

    def _running_header(self, canv: Canvas) -> None:
        width, height = self.pagesize
        y = height - self.topMargin + 9 * mm
        canv.saveState()
        canv.setFillColor(MUTED)
        as_of = self.meta.information_line or f"Information as of {long_date(self.meta.as_of)}"
        italic = self.look.faces.covering(self.look.faces.italic, as_of)
        canv.setFont(italic, _SMALL_SIZE)
        canv.drawRightString(width - self.rightMargin, y, as_of)
        logo = self._header_logo(canv, y)
        room = self.width - stringWidth(as_of, italic, _SMALL_SIZE) - 6 * mm - logo
        title = self.look.faces.covering(self.look.faces.italic, self.meta.title)
        if title != italic:
            canv.setFont(title, _SMALL_SIZE)
        x = self.leftMargin + logo
        canv.drawString(x, y, fit(self.meta.title, title, _SMALL_SIZE, room))
        canv.setStrokeColor(self.look.rule)
        canv.setLineWidth(0.4)
        canv.line(self.leftMargin, y - 2.5 * mm, width - self.rightMargin, y - 2.5 * mm)
        canv.restoreState()

    def _header_logo(self, canv: Canvas, y: float) -> float:
        """The theme's logo at the left of the running header, if it asks for it there,
        standing on the header's baseline; the room it takes, before the title."""
        logo = self.look.theme.logo
        if logo is None or not logo.in_header:
            return 0.0
        image = ImageReader(io.BytesIO(logo.data))
        pixels_wide, pixels_high = image.getSize()
        width = min(_HEADER_LOGO_HEIGHT * pixels_wide / pixels_high, 45 * mm)
        height = width * pixels_high / pixels_wide
        canv.drawImage(image, self.leftMargin, y - 0.5 * mm, width, height, mask="auto")
        return width + 3 * mm

    def _footer(self, canv: Canvas) -> None:
        width, _ = self.pagesize
        y = self.bottomMargin - 12 * mm
        canv.saveState()
        canv.setStrokeColor(self.look.rule)
        canv.setLineWidth(0.4)
        canv.line(self.leftMargin, y + 3.5 * mm, width - self.rightMargin, y + 3.5 * mm)
        page = self.page
        self.forward.refer(canv, f"briefpage{page}", lambda c: self._page_of(c, page, y))
        canv.restoreState()

    def _page_of(self, canv: Canvas, page: int, y: float) -> None:
        width, _ = self.pagesize
        canv.setFillColor(MUTED)
        canv.setFont(self.look.faces.regular, _SMALL_SIZE)
        canv.drawRightString(width - self.rightMargin, y, f"Page {page} of {self.total_pages}")
