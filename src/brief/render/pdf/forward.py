"""Forward references: what a page shows but only the end of the layout knows.

"Page 3 of 12" and the contents' page numbers are drawn as named forms (PDF
form XObjects) that a page uses at once and that are filled in after the
last page. One layout pass does it all, where reportlab's `multiBuild` lays
the whole document out two or three times until those numbers settle.
"""

from __future__ import annotations

from collections.abc import Callable

from reportlab.pdfgen.canvas import Canvas

from brief.render.pdf.styles import PAGE_SIZE

# A form clips to its box: room for drawing anywhere on (or around) the page,
# whatever the coordinates in force where it is used.
_WIDTH, _HEIGHT = PAGE_SIZE
_BOX = (-_WIDTH, -_HEIGHT, 2 * _WIDTH, 2 * _HEIGHT)


class Forward:
    """Named forms used now, drawn when `resolve` is called at the end."""

    def __init__(self) -> None:
        self._pending: list[tuple[str, Callable[[Canvas], None]]] = []
        self._names: set[str] = set()

    def refer(self, canv: Canvas, name: str, fill: Callable[[Canvas], None]) -> None:
        """Show form `name` here; `fill(canv)` draws its content at the end."""
        canv.doForm(name)
        if name not in self._names:
            self._names.add(name)
            self._pending.append((name, fill))

    def resolve(self, canv: Canvas) -> None:
        """Draw every form referred to, in the order first referred (same bytes)."""
        for name, fill in self._pending:
            # reportlab's stubs type the box as ints; it writes any number.
            canv.beginForm(name, *_BOX)  # type: ignore[arg-type]
            fill(canv)
            canv.endForm()
        self._pending.clear()
        self._names.clear()
