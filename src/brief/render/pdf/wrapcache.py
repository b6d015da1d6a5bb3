"""A paragraph that breaks its lines once per width.

Layout offers the same paragraph to frames, keep-together groups, the
footnote search and table rows again and again at the same width; reportlab
breaks its lines anew each time (`Paragraph.wrap` -> `breakLines`, half of a
render). The result depends only on the width (never on the height offered),
so it is kept per width, together with every attribute `wrap` sets: `split`
and `draw` read them, and `frags` must match the kept `blPara` line indexes.
"""

from __future__ import annotations

from collections.abc import Callable

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable
from reportlab.platypus import Paragraph as _Paragraph
from reportlab.platypus.paragraph import textTransformFrags  # type: ignore[attr-defined]
from reportlab.platypus.paraparser import ParaFrag

from brief.render.pdf import paraparse

# What reportlab's Paragraph.wrap and breakLines set on the paragraph.
_STATE = (
    "width",
    "height",
    "_wrapWidths",
    "blPara",
    "frags",
    "_width_max",
    "_splitLongWordCount",
    "_hyphenations",
)
_ABSENT = object()


class Paragraph(_Paragraph):
    """reportlab's Paragraph, its line breaking remembered per available width,
    its markup parsed without HTMLParser where it can be (`paraparse`)."""

    def _setup(
        self,
        text: str,
        style: ParagraphStyle,
        bulletText: str | list[ParaFrag] | None,
        frags: list[ParaFrag] | None,
        cleaner: Callable[[str], str],
    ) -> None:
        # What reportlab's _setup does before it runs ParaParser.parse.
        if frags is None:
            clean = cleaner(text)
            parsed = paraparse.parse(clean, style, self.caseSensitive)
            if parsed is not None:
                text, (style, frags, bullet) = clean, parsed
                textTransformFrags(frags, style)
                if bullet:
                    bulletText = bullet
        super()._setup(text, style, bulletText, frags, cleaner)  # type: ignore[misc]

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        # width -> (size, the layout state wrap leaves on the paragraph)
        cache: dict[float, tuple[tuple[float, float], dict[str, object]]] | None
        cache = self.__dict__.get("_brief_wraps")
        if cache is None:
            cache = self.__dict__["_brief_wraps"] = {}
        hit = cache.get(availWidth)
        if hit is not None:
            size, state = hit
            for name, value in state.items():
                if value is _ABSENT:
                    self.__dict__.pop(name, None)
                else:
                    self.__dict__[name] = value
            return size
        size = super().wrap(availWidth, availHeight)
        cache[availWidth] = (size, {name: self.__dict__.get(name, _ABSENT) for name in _STATE})
        return size

    def __copy__(self) -> Paragraph:
        # A copy wraps on its own: it must not share (and mutate) this cache.
        clone = self.__class__.__new__(self.__class__)
        clone.__dict__.update(self.__dict__)
        clone.__dict__.pop("_brief_wraps", None)
        return clone

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        parts = super().split(availWidth, availHeight)
        # A heading split across pages (taller than a page): its first piece
        # is where the outline and the contents point.
        info = getattr(self, "brief_heading", None)
        if info is not None and len(parts) > 1:
            # The heading mark (flowables.py), read back with getattr.
            parts[0].brief_heading = info  # type: ignore[attr-defined]
        return parts
