"""Text as Word holds it: runs of literal text, with what XML cannot hold removed."""

from __future__ import annotations

import contextlib
import contextvars
import functools
import logging
import re
from collections import Counter
from collections.abc import Iterator

from docx.oxml.ns import qn
from lxml.etree import QName, SubElement, XMLParser, _Element

# XML 1.0 forbids these code points anywhere in a document; lone surrogates cannot
# even be encoded. Tab, newline and carriage return are allowed and meaningful.
_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_BREAKS = re.compile(r"(\r\n|\r|\n|\t)")


# A log record, not a Python warning: it is news about the data for whoever runs
# brief, and the CLI then prints it as one plain line.
log = logging.getLogger("brief.render.docx")


class Cleaner:
    """Removes XML-illegal characters and remembers which, to report once per document."""

    def __init__(self) -> None:
        self.removed: Counter[str] = Counter()

    def __call__(self, text: str) -> str:
        if not _ILLEGAL.search(text):
            return text
        self.removed.update(_ILLEGAL.findall(text))
        return _ILLEGAL.sub("", text)

    def again(self, text: str) -> str:
        """Clean text that is also rendered (and counted) elsewhere."""
        return _ILLEGAL.sub("", text)

    def report(self, title: str) -> None:
        """Log, once, what was removed from the document called `title`."""
        if not self.removed:
            return
        total = sum(self.removed.values())
        kinds = ", ".join(f"U+{ord(c):04X}" for c in sorted(self.removed))
        log.warning(
            "docx: removed %d character(s) that XML cannot hold (%s) from %r",
            total,
            kinds,
            title,
        )


W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_NSMAP = {"w": W_NS}
# Plain lxml elements: python-docx's element classes are not used on what this
# renderer builds, and creating them costs twice the time.
_PARSER = XMLParser()

_scratch: contextvars.ContextVar[_Element | None] = contextvars.ContextVar(
    "brief_docx_scratch", default=None
)


@contextlib.contextmanager
def building() -> Iterator[None]:
    """While a document is built: `element` makes its elements inside one scratch
    document, instead of one new XML document per element (~300,000 per 50-brief
    pack); moving them into their parents is then a move within one document. What
    is not moved out (nothing, once the render is done) goes with the scratch."""
    token = _scratch.set(_PARSER.makeelement(_w("body"), nsmap=_NSMAP))
    try:
        yield
    finally:
        _scratch.reset(token)


@functools.cache
def _w(name: str) -> str:
    return f"{{{W_NS}}}{name}"


def element(tag: str, **attrs: str) -> _Element:
    """A `w:` element (`tag` as "w:name"); attributes without prefix (`val="x"`)."""
    name = _w(tag.removeprefix("w:"))
    attrib = {_w(k): v for k, v in attrs.items()}
    scratch = _scratch.get()
    if scratch is None:
        return _PARSER.makeelement(name, attrib, nsmap=_NSMAP)
    return SubElement(scratch, name, attrib)


def run_properties(*, style: str = "", bold: bool = False, italic: bool = False) -> _Element:
    rpr = element("w:rPr")
    # schema order: rStyle, ..., b, ..., i
    if style:
        rpr.append(element("w:rStyle", val=style))
    if bold:
        rpr.append(element("w:b"))
    if italic:
        rpr.append(element("w:i"))
    return rpr


def text_run(text: str, *, style: str = "", bold: bool = False, italic: bool = False) -> _Element:
    """One `w:r` holding `text` literally; newlines become breaks, tabs tabs.

    `text` must already be clean (see `Cleaner`).
    """
    run = element("w:r")
    if style or bold or italic:
        run.append(run_properties(style=style, bold=bold, italic=italic))
    for piece in _BREAKS.split(text):
        if not piece:
            continue
        if piece == "\t":
            run.append(element("w:tab"))
        elif piece in ("\r\n", "\r", "\n"):
            run.append(element("w:br"))
        else:
            t = element("w:t")
            t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
            t.text = piece
            run.append(t)
    return run


# Child order of w:pPr (CT_PPrBase, then CT_PPr's additions) in ECMA-376.
PPR_ORDER = (
    "pStyle",
    "keepNext",
    "keepLines",
    "pageBreakBefore",
    "framePr",
    "widowControl",
    "numPr",
    "suppressLineNumbers",
    "pBdr",
    "shd",
    "tabs",
    "suppressAutoHyphens",
    "kinsoku",
    "wordWrap",
    "overflowPunct",
    "topLinePunct",
    "autoSpaceDE",
    "autoSpaceDN",
    "bidi",
    "adjustRightInd",
    "snapToGrid",
    "spacing",
    "ind",
    "contextualSpacing",
    "mirrorIndents",
    "suppressOverlap",
    "jc",
    "textDirection",
    "textAlignment",
    "textboxTightWrap",
    "outlineLvl",
    "divId",
    "cnfStyle",
    "rPr",
    "sectPr",
    "pPrChange",
)


@functools.cache
def _ranks(order: tuple[str, ...]) -> dict[str, int]:
    return {name: i for i, name in enumerate(order)}


def insert_ordered(parent: _Element, child: _Element, order: tuple[str, ...]) -> None:
    """Put `child` at its schema position in `parent`, replacing one of the same tag.

    `order` holds local names (settings mix w: and m: children); children
    outside it (extensions such as w14:) are treated as coming last.
    """
    rank = _ranks(order)
    for old in parent.findall(str(child.tag)):  # lxml reads tags back as str
        parent.remove(old)
    position = rank.get(QName(child).localname, len(order))
    for index, existing in enumerate(parent):
        if rank.get(QName(existing).localname, len(order)) > position:
            parent.insert(index, child)
            return
    parent.append(child)


def set_paragraph(
    p: _Element,
    *,
    style: str = "",
    keep_next: bool = False,
    split_lines: bool = False,
    numbering: tuple[int, int] | None = None,
    space_before: int | None = None,
    space_after: int | None = None,
    align: str = "",
) -> None:
    """Add paragraph properties to `p` (spacing in twips; numbering is (numId, level))."""
    ppr = p.find(qn("w:pPr"))
    if ppr is None:
        ppr = element("w:pPr")
        p.insert(0, ppr)
    if style:
        insert_ordered(ppr, element("w:pStyle", val=style), PPR_ORDER)
    if keep_next:
        insert_ordered(ppr, element("w:keepNext"), PPR_ORDER)
    if split_lines:  # overrides the style's keepLines
        insert_ordered(ppr, element("w:keepLines", val="0"), PPR_ORDER)
    if numbering is not None:
        num_id, level = numbering
        numpr = element("w:numPr")
        numpr.append(element("w:ilvl", val=str(level)))
        numpr.append(element("w:numId", val=str(num_id)))
        insert_ordered(ppr, numpr, PPR_ORDER)
    if space_before is not None or space_after is not None:
        spacing = ppr.find(qn("w:spacing"))
        spacing = element("w:spacing") if spacing is None else spacing
        if space_before is not None:
            spacing.set(qn("w:before"), str(space_before))
        if space_after is not None:
            spacing.set(qn("w:after"), str(space_after))
        insert_ordered(ppr, spacing, PPR_ORDER)
    if align:
        insert_ordered(ppr, element("w:jc", val=align), PPR_ORDER)
    if not len(ppr):
        p.remove(ppr)


def paragraph(
    style: str = "",
    *,
    keep_next: bool = False,
    numbering: tuple[int, int] | None = None,
    align: str = "",
) -> _Element:
    """A new `w:p` with the given properties."""
    p = element("w:p")
    set_paragraph(p, style=style, keep_next=keep_next, numbering=numbering, align=align)
    return p
