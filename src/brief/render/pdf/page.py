"""The page: document template, frames, marking banners, running header and
"Page X of Y" footer, outline and the contents' page numbers.

One layout pass: the page total and the contents' page numbers are forward
references (`forward.Forward`), filled in once the last page is known.
"""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, KeepTogether, PageTemplate
from reportlab.platypus.doctemplate import FrameBreak

from brief.document import Metadata
from brief.document.dates import long_date
from brief.render.pdf.fonts import BOLD, FAMILY, ITALIC
from brief.render.pdf.footnotes import FootnoteFrame, Footnotes
from brief.render.pdf.forward import Forward
from brief.render.pdf.styles import (
    BOTTOM_MARGIN,
    INK,
    LEFT_MARGIN,
    MUTED,
    PAGE_SIZE,
    RIGHT_MARGIN,
    RULE,
    TOP_MARGIN,
)
from brief.render.pdf.toc import TOC_LEVELS

COVER = "cover"
BODY = "body"

# Below this much room a heading does not start unless its group fits;
# a group up to SMALL_GROUP high is never split from its heading.
KEEP_WITH_NEXT_ROOM = 120.0
SMALL_GROUP = 220.0
_MARKING_SIZE = 8.5
_SMALL_SIZE = 7.5


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

    A small group that does not fit moves to the next page whole. A large one
    (a heading over a long table) flows if the page has room left, its last
    member splitting, rather than leaving half a page blank.
    """

    def split(self, aW: float, aH: float) -> list[Flowable]:
        if getattr(self, "_wrapInfo", None) != (aW, aH):
            self.wrap(aW, aH)
        content = self._content[:]
        frame = getattr(self, "_frame", None)
        at_top = bool(getattr(frame, "_atTop", False))
        small = self._H <= SMALL_GROUP
        if aH >= self._H or at_top or (not small and aH >= KEEP_WITH_NEXT_ROOM):
            if at_top and content and content[0].wrap(aW, aH)[1] > aH:
                # A heading taller than the page itself: split it like a paragraph.
                first = content[0].split(aW, aH)
                if len(first) > 1:
                    return [*first, *content[1:]]
            return content
        return [FrameBreak(), *content]


class BriefDocTemplate(BaseDocTemplate):
    def __init__(self, buffer: object, meta: Metadata, footnotes: Footnotes) -> None:
        super().__init__(
            buffer,
            pagesize=PAGE_SIZE,
            leftMargin=LEFT_MARGIN,
            rightMargin=RIGHT_MARGIN,
            topMargin=TOP_MARGIN,
            bottomMargin=BOTTOM_MARGIN,
            title=meta.title,
            author=meta.author or meta.generator,
            subject=meta.subtitle or meta.subject,
            keywords=list(meta.keywords),
            creator=meta.generator,
            lang=meta.language,
            invariant=1,
            initialFontName=FAMILY,
            displayDocTitle=1,
            keepTogetherClass=KeepWithNext,
        )
        self.meta = meta
        self.footnotes = footnotes
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

    def build(self, flowables: list[Flowable], **kwargs: object) -> None:
        """Lay out once; then fill the forward references and save."""
        self._doSave = 0
        super().build(flowables, **kwargs)
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
        frame = self.pageTemplate.frames[0]
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
        canv.setFillColor(INK)
        canv.setFont(BOLD, _MARKING_SIZE)
        canv.drawCentredString(width / 2, height - 11 * mm, marking)
        canv.drawCentredString(width / 2, 8 * mm, marking)
        canv.restoreState()

    def _running_header(self, canv: Canvas) -> None:
        width, height = self.pagesize
        y = height - TOP_MARGIN + 9 * mm
        canv.saveState()
        canv.setFillColor(MUTED)
        canv.setFont(ITALIC, _SMALL_SIZE)
        as_of = self.meta.information_line or f"Information as of {long_date(self.meta.as_of)}"
        canv.drawRightString(width - self.rightMargin, y, as_of)
        room = self.width - stringWidth(as_of, ITALIC, _SMALL_SIZE) - 6 * mm
        canv.drawString(self.leftMargin, y, fit(self.meta.title, ITALIC, _SMALL_SIZE, room))
        canv.setStrokeColor(RULE)
        canv.setLineWidth(0.4)
        canv.line(self.leftMargin, y - 2.5 * mm, width - self.rightMargin, y - 2.5 * mm)
        canv.restoreState()

    def _footer(self, canv: Canvas) -> None:
        width, _ = self.pagesize
        y = BOTTOM_MARGIN - 12 * mm
        canv.saveState()
        canv.setStrokeColor(RULE)
        canv.setLineWidth(0.4)
        canv.line(self.leftMargin, y + 3.5 * mm, width - self.rightMargin, y + 3.5 * mm)
        page = self.page
        self.forward.refer(canv, f"briefpage{page}", lambda c: self._page_of(c, page, y))
        canv.restoreState()

    def _page_of(self, canv: Canvas, page: int, y: float) -> None:
        width, _ = self.pagesize
        canv.setFillColor(MUTED)
        canv.setFont(FAMILY, _SMALL_SIZE)
        canv.drawRightString(width - self.rightMargin, y, f"Page {page} of {self.total_pages}")
