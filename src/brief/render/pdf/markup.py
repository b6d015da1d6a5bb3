"""Inline runs -> reportlab paragraph mini-markup.

Text from the model is literal, so everything goes through `literal`: reportlab
would otherwise read `AT&T <b>` as markup. Notes are numbered here, in reading
order, as `brief.document.numbered_notes` numbers them.
"""

from __future__ import annotations

import re

from reportlab.lib.colors import Color

from brief.document import Emphasis, Inline, LineBreak, Link, Note, Strong, Text
from brief.render.pdf.fallback import Fallback
from brief.render.pdf.fonts import FAMILY
from brief.render.pdf.styles import ACCENT, LINK, markup_color
from brief.render.typography import curly_apostrophes
from brief.render.xml_text import quoteattr

# C0 controls other than tab/newline, and the XML-illegal rest: never printable.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")
_SAFE_SCHEMES = ("http://", "https://")


# The document being rendered: which characters no font holds (see `fallback`).
_fallback = Fallback(FAMILY)


def begin_document(base: str = FAMILY) -> None:
    """Forget what the previous document lacked (one document at a time per process);
    `base`: the regular face of its theme, whose missing letters the chain supplies."""
    _fallback.missing.clear()
    _fallback.base = base


def report_missing(title: str) -> None:
    _fallback.report(title)


def literal(text: str) -> str:
    """Text as reportlab markup that prints exactly `text`: escaped, and runs
    that IBM Plex Serif lacks set in a fallback font."""
    return _fallback.markup(curly_apostrophes(_CONTROL.sub("", text)))


def note_target(number: int) -> str:
    return f"fn-{number}"


def reference_target(number: int) -> str:
    return f"fnref-{number}"


def is_clickable(url: str) -> bool:
    return url.strip().lower().startswith(_SAFE_SCHEMES)


class Inliner:
    """Turns inline runs into markup, collecting notes as it meets them."""

    def __init__(self, accent: Color = ACCENT, link: Color = LINK) -> None:
        self.notes: list[Note] = []
        self.accent = markup_color(accent)  # note numbers
        self.link = markup_color(link)

    def markup(self, children: tuple[Inline, ...], *, in_note: bool = False) -> str:
        return "".join(self._inline(node, in_note) for node in children)

    def _inline(self, node: Inline, in_note: bool) -> str:
        match node:
            case Text(text=text):
                return literal(text)
            case Emphasis(children=children):
                return f"<i>{self.markup(children, in_note=in_note)}</i>"
            case Strong(children=children):
                return f"<b>{self.markup(children, in_note=in_note)}</b>"
            case LineBreak():
                return "<br/>"
            case Link(url=url, children=children):
                return self._link(url, children, in_note)
            case Note():
                # A note inside a note has no number in the model: drop it.
                return "" if in_note else self._reference(node)
        raise TypeError(f"not an inline node: {node!r}")

    def _link(self, url: str, children: tuple[Inline, ...], in_note: bool) -> str:
        if not is_clickable(url):
            return self.markup(children, in_note=in_note)
        # Note references are links themselves and links do not nest: close
        # the link around each note.
        parts: list[str] = []
        run: list[Inline] = []
        for child in (*children, None):
            if child is None or isinstance(child, Note):
                if run:
                    text = self.markup(tuple(run), in_note=in_note)
                    parts.append(f'<a href={quoteattr(url.strip())} color="{self.link}">{text}</a>')
                    run = []
                if child is not None:
                    parts.append(self._inline(child, in_note))
            else:
                run.append(child)
        return "".join(parts)

    def _reference(self, note: Note) -> str:
        self.notes.append(note)
        number = len(self.notes)
        return (
            f'<a name="{reference_target(number)}"/>'
            f'<a href="#{note_target(number)}" color="{self.accent}">'
            f'<super rise="38%" size="68%">{number}</super></a>'
        )
