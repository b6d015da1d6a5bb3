"""True footnotes for reportlab: each page's notes at its bottom, under a rule.

reportlab has no footnotes. `FootnoteFrame` reserves room at the bottom of the
frame for the notes referenced by every flowable it accepts (and by the first
piece of every flowable it splits), and `draw_notes` paints them at page end.
A note too tall for the room left is split and continues on the next page.

Which notes a flowable references is read from its own paragraph fragments
(links to `#fn-N`), so a paragraph split across pages carries exactly the
notes of its own lines, and a table split by rows those of its own rows.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any, Literal

from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Frame, PageBreak, Paragraph, Table
from reportlab.platypus.paraparser import ParaFrag

from brief.render.pdf.styles import RULE

if TYPE_CHECKING:

    class _Frame(Frame):
        """Frame with the internals `FootnoteFrame` works with: reportlab sets and
        uses them, its stubs leave them out. Only mypy sees this class."""

        _x1: float
        _y1: float
        _y: float
        _aW: float
        _aH: float
        _atTop: int
        _leftPadding: float
        _bottomPadding: float

        def _reset(self) -> None: ...
        def _getAvailableWidth(self) -> float: ...
        def _add(self, flowable: Flowable, canv: Canvas, trySplit: int = 0) -> Literal[0, 1]: ...

else:
    _Frame = Frame

_NOTE_LINK = re.compile(r"#fn-(\d+)")
SPACE_ABOVE_RULE = 9.0
SPACE_BELOW_RULE = 5.0
NOTE_GAP = 1.5
RULE_FRACTION = 0.28  # of the text width, as in book typography
_UNBOUNDED = 1e7
# A note this large (of the frame height) is split rather than pushing its
# reference to the next page.
_LARGE_NOTE = 1 / 3
_FUZZ = 0.01


def note_numbers(flowable: object) -> list[int]:
    """Numbers of the notes referenced in `flowable`, in order, each once.

    Asked each time the flowable is offered to a frame: the answer is kept on
    it (its fragments never change; a split makes new flowables, asked anew),
    and a table or group asks its cells and members, whose answers are kept
    too, so the pieces of a split table cost a look-up per cell.
    """
    cached = getattr(flowable, "__dict__", {}).get("_brief_notes")
    if cached is None:
        found: list[int] = []
        _collect(flowable, found)
        cached = tuple(dict.fromkeys(found))
        if hasattr(flowable, "__dict__"):
            flowable.__dict__["_brief_notes"] = cached
    return list(cached)


def _collect(obj: object, found: list[int]) -> None:
    if isinstance(obj, ParaFrag):
        for link in getattr(obj, "link", None) or ():
            match = _NOTE_LINK.fullmatch(str(link[1]))
            if match:
                found.append(int(match.group(1)))
    elif isinstance(obj, list | tuple):
        for item in obj:
            if isinstance(item, Flowable):
                found.extend(note_numbers(item))
            else:
                _collect(item, found)
    elif isinstance(obj, Paragraph):
        _collect(obj.frags, found)
    elif isinstance(obj, Table):
        _collect(obj._cellvalues, found)  # type: ignore[attr-defined]  # reportlab internal
    elif isinstance(obj, Flowable) and hasattr(obj, "_content"):
        _collect(obj._content, found)


def _break_heights(flowable: Flowable, canv: Canvas, width: float) -> list[float]:
    """Heights at which `flowable` (a paragraph or a table) can break, ascending."""
    _, height = flowable.wrapOn(canv, width, _UNBOUNDED)
    if isinstance(flowable, Table):
        rows = flowable._rowHeights  # type: ignore[attr-defined]  # reportlab internal
        return [h + _FUZZ for h in itertools.accumulate(rows)][:-1] if rows else []
    lines = len(getattr(getattr(flowable, "blPara", None), "lines", ()))
    return [height * k / lines + _FUZZ for k in range(1, lines)] if lines > 1 else []


class Footnotes:
    """Every note's paragraph, and which have been placed during this build pass."""

    def __init__(self, paragraphs: Mapping[int, Paragraph]) -> None:
        self.paragraphs = paragraphs
        self.placed: set[int] = set()
        self.carry: list[Flowable] = []  # the rest of a note split at a page end
        self.rule = RULE  # the colour of the rule above the notes (a theme's rules)

    def begin_pass(self) -> None:
        self.placed.clear()
        self.carry.clear()


class FootnoteFrame(_Frame):
    """A frame whose bottom rises with the notes of what it holds."""

    # reportlab asks `getattr(frame, "_generated_content", None)` as each flowable is
    # placed; Frame's __getattr__ raises an AttributeError for it (~15 k instructions
    # each). reportlab sets and deletes it on the instance; None is what it reads unset.
    _generated_content = None

    def __init__(self, footnotes: Footnotes, *args: Any, **kwargs: Any) -> None:
        self.footnotes = footnotes
        self.page_notes: list[Flowable] = []
        super().__init__(*args, **kwargs)

    def __deepcopy__(self, memo: dict[int, Any]) -> FootnoteFrame:
        # reportlab deep-copies the current frame to measure KeepTogether
        # groups; copying every note paragraph with it is slow and useless.
        clone = type(self).__new__(type(self))  # copy.copy, without its AttributeError:
        clone.__dict__.update(self.__dict__)  # Frame's __getattr__ raises for __setstate__
        clone.__dict__["page_notes"] = list(self.page_notes)
        return clone

    # ---------------------------------------------------------- reserving

    def _reset(self) -> None:
        super()._reset()
        self.page_notes = []
        carry, self.footnotes.carry = self.footnotes.carry, []
        for piece in carry:
            self._take_carry(piece)
        self._reserve(self.page_notes)

    def _take_carry(self, piece: Flowable) -> None:
        # A continued note takes at most most of the page; its rest moves on,
        # and so do the notes queued after it, keeping their order.
        if self.footnotes.carry:
            self.footnotes.carry.append(piece)
            return
        room = 0.8 * self._aH - self.notes_height([*self.page_notes, piece])
        if room >= 0 or not isinstance(piece, Paragraph):
            self.page_notes.append(piece)
            return
        _, height = piece.wrap(self._aW, _UNBOUNDED)
        parts = piece.split(self._aW, height + room) if height + room > 0 else []
        if len(parts) == 2:
            self.page_notes.append(parts[0])
            self.footnotes.carry.append(parts[1])
        elif self.page_notes:
            self.footnotes.carry.append(piece)
        else:
            self.page_notes.append(piece)

    def notes_height(self, notes: Iterable[Flowable]) -> float:
        heights = [self._note_height(note) for note in notes]
        if not heights:
            return 0.0
        return SPACE_ABOVE_RULE + SPACE_BELOW_RULE + sum(heights) + NOTE_GAP * (len(heights) - 1)

    def _note_height(self, note: Flowable) -> float:
        # Measured again and again while laying out: remember per width.
        cached = note.__dict__.get("_brief_height")
        if cached is None or cached[0] != self._aW:
            cached = (self._aW, note.wrap(self._aW, _UNBOUNDED)[1])
            note.__dict__["_brief_height"] = cached
        return cached[1]

    def _reserve(self, notes: list[Flowable]) -> None:
        self._y1p = self._y1 + self._bottomPadding + self.notes_height(notes)

    def _new_notes(self, flowable: Flowable) -> list[int]:
        return [n for n in note_numbers(flowable) if n not in self.footnotes.placed]

    def _commit(self, numbers: list[int], notes: list[Flowable]) -> None:
        self.footnotes.placed.update(numbers)
        self.page_notes.extend(notes)
        self._reserve(self.page_notes)

    # ------------------------------------------------------------- adding

    def add(self, flowable: Flowable, canv: Canvas, trySplit: int = 0) -> Literal[0, 1]:
        numbers = self._new_notes(flowable)
        if not numbers:
            return _Frame._add(self, flowable, canv, trySplit)
        notes: list[Flowable] = [self.footnotes.paragraphs[n] for n in numbers]
        if self._add_reserving(flowable, canv, trySplit, notes):
            self._commit(numbers, notes)
            return 1
        large = self.notes_height(notes) > _LARGE_NOTE * self._aH
        splittable = isinstance(flowable, Paragraph | Table)
        if not trySplit and self._atTop:
            # The last resort, after splitting: even this piece's notes do not
            # fit an empty page; they continue on the next.
            return self._add_carrying_notes(flowable, canv, numbers, notes, forced=True)
        if splittable and (self._atTop or large) and not self.footnotes.carry:
            return self._add_carrying_notes(flowable, canv, numbers, notes, forced=False)
        return 0

    def _add_reserving(
        self, flowable: Flowable, canv: Canvas, trySplit: int, notes: list[Flowable]
    ) -> Literal[0, 1]:
        self._reserve([*self.page_notes, *notes])
        added = _Frame._add(self, flowable, canv, trySplit)
        self._reserve(self.page_notes)
        return added

    def _add_carrying_notes(
        self,
        flowable: Flowable,
        canv: Canvas,
        numbers: list[int],
        notes: list[Flowable],
        forced: bool,
    ) -> Literal[0, 1]:
        """Add `flowable` with as much of its notes as the page holds; the rest
        (a split note's continuation, then the notes after it) moves on to the
        next page. Unless `forced` (nothing smaller can be placed on an empty
        page), every note must at least start on this page."""
        bottom = self._y1 + self._bottomPadding
        space = 0.0 if self._atTop else flowable.getSpaceBefore()
        available = self._y - bottom - space
        _, height = flowable.wrapOn(canv, self._getAvailableWidth(), available)
        placed: list[Flowable] = []
        rest = list(notes)
        if not self.footnotes.carry:
            placed, rest = self._fit_notes(rest, available - height)
        if not forced and len(placed) < len(notes):
            return 0
        if not self._add_reserving(flowable, canv, 0, placed):
            return 0
        self._commit(numbers, placed)
        self.footnotes.carry.extend(rest)
        return 1

    def _fit_notes(
        self, notes: list[Flowable], available: float
    ) -> tuple[list[Flowable], list[Flowable]]:
        """(placed, rest): the notes that fit in `available` below what the page
        already holds, the last one split at the page end if it can be."""
        placed: list[Flowable] = []
        rest = list(notes)
        while rest:
            room = available - self.notes_height([*self.page_notes, *placed])
            room -= NOTE_GAP if (self.page_notes or placed) else SPACE_ABOVE_RULE
            if not (self.page_notes or placed):
                room -= SPACE_BELOW_RULE
            note = rest[0]
            if self._note_height(note) <= room:
                placed.append(rest.pop(0))
                continue
            if room > 0 and isinstance(note, Paragraph):
                note.wrap(self._aW, _UNBOUNDED)
                parts = note.split(self._aW, room)
                if len(parts) == 2:
                    placed.append(parts[0])
                    rest[0] = parts[1]
            break
        return placed, rest

    # ---------------------------------------------------------- splitting

    def split(self, flowable: Flowable, canv: Canvas) -> list[Flowable]:
        numbers = self._new_notes(flowable)
        if not numbers:
            return Frame.split(self, flowable, canv)
        if not isinstance(flowable, Paragraph | Table):
            # A container (KeepTogether) decides where to break from the room
            # left: reserve for the notes of all but its last member, which
            # itself may split.
            content = getattr(flowable, "_content", [])
            leading = {n for f in content[:-1] for n in self._new_notes(f)}
            parts = self._split_reserving(flowable, canv, [n for n in numbers if n in leading])
            if not parts and self._atTop:
                # Those notes alone fill the page: the members flow on their
                # own and their notes continue on the next page.
                parts = Frame.split(self, flowable, canv)
            return parts
        best = self._split_searching(flowable, canv)
        if not best and self._atTop:
            # Even the first line's notes do not fit an empty page: split
            # without reserving; adding the piece then splits its note.
            best = Frame.split(self, flowable, canv)
        return best

    def _split_searching(self, flowable: Flowable, canv: Canvas) -> list[Flowable]:
        """The longest first piece that fits together with its own notes.

        More lines or rows mean more notes: search the row or line boundary
        to split at.
        """
        space = 0.0 if self._atTop else flowable.getSpaceBefore()
        total = self._y - (self._y1 + self._bottomPadding) - space
        limit = self._y - self._y1p - space
        heights = [
            h for h in _break_heights(flowable, canv, self._getAvailableWidth()) if h <= limit
        ]
        best: list[Flowable] = []
        low, high = 0, len(heights) - 1
        while low <= high:
            middle = (low + high) // 2
            pieces = self._split_at(flowable, canv, heights[middle])
            if pieces and self._fits(pieces[0], canv, heights[middle], total):
                best, low = pieces, middle + 1
            elif not pieces and middle < len(heights) // 2:
                # Orphan control refuses a first piece of one line: a longer
                # one may do (widow control refuses the long end instead).
                low = middle + 1
            else:
                high = middle - 1
        return best

    def _fits(self, piece: Flowable, canv: Canvas, height: float, total: float) -> bool:
        _, used = piece.wrapOn(canv, self._getAvailableWidth(), height)
        notes = [self.footnotes.paragraphs[n] for n in self._new_notes(piece)]
        return used + self.notes_height([*self.page_notes, *notes]) <= total - _FUZZ

    def _split_at(self, flowable: Flowable, canv: Canvas, height: float) -> list[Flowable]:
        flowable._frame = self  # type: ignore[attr-defined]  # what reportlab's split reads
        flowable.canv = canv
        try:
            return flowable.split(self._aW, height)
        finally:
            for name in ("canv", "_frame"):
                if hasattr(flowable, name):
                    delattr(flowable, name)

    def _split_reserving(
        self, flowable: Flowable, canv: Canvas, numbers: list[int]
    ) -> list[Flowable]:
        self._reserve([*self.page_notes, *(self.footnotes.paragraphs[n] for n in numbers)])
        try:
            return Frame.split(self, flowable, canv)
        finally:
            self._reserve(self.page_notes)

    # ------------------------------------------------------------ drawing

    def draw_notes(self, canv: Canvas) -> None:
        """Paint this page's notes above the bottom margin, under a short rule."""
        if not self.page_notes:
            return
        x = self._x1 + self._leftPadding
        y = self._y1 + self._bottomPadding + self.notes_height(self.page_notes)
        y -= SPACE_ABOVE_RULE
        canv.saveState()
        canv.setStrokeColor(self.footnotes.rule)
        canv.setLineWidth(0.5)
        canv.line(x, y, x + RULE_FRACTION * self._aW, y)
        canv.restoreState()
        y -= SPACE_BELOW_RULE
        for note in self.page_notes:
            _, height = note.wrap(self._aW, _UNBOUNDED)
            y -= height
            note.drawOn(canv, x, y)
            y -= NOTE_GAP


class FlushNotes(Flowable):
    """Ends the story: adds pages until every carried note has been printed."""

    def __init__(self, footnotes: Footnotes) -> None:
        super().__init__()
        self.footnotes = footnotes

    @property
    def _ZEROSIZE(self) -> bool:
        # Nothing to flush: fit even a page its notes have filled to the last
        # point, instead of breaking to a blank last page.
        return not self.footnotes.carry

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        if self.footnotes.carry:
            return 0, availHeight + 1
        return 0, min(0.0, availHeight)  # takes no more than the room left

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        return [PageBreak(), self] if self.footnotes.carry else []

    def draw(self) -> None:
        pass
