"""reportlab's "same style?" test of two fragments, without exceptions.

While breaking lines, reportlab asks `sameFrag(f, g)` for every word of a
paragraph of several fragments: do they differ in font, size, colour, rise,
underlines, link, background or no-break? The C version in rl_accel (which
this project installs for its faster number formatting and string widths)
reads each attribute with getattr, and a fragment usually lacks several of
them (`backColor`, `nobr`, `cbDefn`, `lineBreak`): each missing one raises
and clears an AttributeError, so the C test costs more than reading the
fragment's `__dict__` does. `same_frag` answers what the C version answers
(an attribute missing from one fragment only is a difference, as is a
`cbDefn` or `lineBreak` even when None): -13 % of the instructions of a
warm kosovo render, same bytes.
"""

from __future__ import annotations

import functools

from reportlab.platypus import paragraph as _paragraph
from reportlab.platypus.paraparser import ParaFrag

_MISSING = object()
_COMPARED = ("fontName", "fontSize", "textColor", "rise", "us_lines", "link", "backColor", "nobr")


def same_frag(f: ParaFrag, g: ParaFrag) -> bool:
    """True when `f` and `g` may share one run of text (neither is an image,
    anchor or line break, and they agree in every compared attribute)."""
    fd, gd = f.__dict__, g.__dict__
    if "cbDefn" in fd or "lineBreak" in fd or "cbDefn" in gd or "lineBreak" in gd:
        return False
    for name in _COMPARED:  # a loop, not all(): it runs for every word
        a, b = fd.get(name, _MISSING), gd.get(name, _MISSING)
        # The same object first, as the C version's PyObject_RichCompareBool does:
        # fragments share their style's Color, whose Python __eq__ is slow.
        if a is not b and a != b:
            return False
    return True


@functools.cache
def install() -> None:
    """Make reportlab's line breaker use `same_frag` (once per process)."""
    _paragraph.sameFrag = same_frag  # type: ignore[attr-defined]
