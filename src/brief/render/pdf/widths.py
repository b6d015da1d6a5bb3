"""String widths for reportlab's line breaker, measured once per document.

Breaking a paragraph into lines, reportlab measures every word, and for every
word of a paragraph of several fragments the width of a space in each
fragment of the line so far (`spaceShrinkage`): small bosnia's render asked
65,500 times for 3,600 different (text, font, size), 41,000 of them a space.
Each ask walks three Python calls down to rl_accel's C measure. `install`
gives the paragraph module a measure that remembers each answer for the
document being rendered; `begin_document` forgets them, so a font registered
anew under an old name is measured anew. The widths are reportlab's own, so
the lines and the bytes are the same.
"""

from __future__ import annotations

import functools

from reportlab.pdfbase import pdfmetrics
from reportlab.platypus import paragraph as _paragraph

_Key = tuple[str, str, float, str]
_widths: dict[_Key, float] = {}
_measure = pdfmetrics.stringWidth


def string_width(text: str, fontName: str, fontSize: float, encoding: str = "utf8") -> float:
    """pdfmetrics.stringWidth, remembered (same arguments as reportlab passes)."""
    key = (text, fontName, fontSize, encoding)
    width = _widths.get(key)
    if width is None:
        width = _widths[key] = _measure(text, fontName, fontSize, encoding)
    return width


def begin_document() -> None:
    """Forget the previous document's widths (its fonts may have been replaced)."""
    _widths.clear()


@functools.cache
def install() -> None:
    """Make reportlab's paragraphs measure with `string_width` (once per process)."""
    _paragraph.stringWidth = string_width  # type: ignore[attr-defined]
