"""Word fields: PAGE and NUMPAGES for the footer, the table of contents.

A field is a run sequence: begin, instruction, separate, cached result, end.
Word recomputes the result (on opening, as `w:updateFields` is set); other
readers show the cached result, so it is filled with the best we know.
"""

from __future__ import annotations

from lxml.etree import _Element

from brief.render.docx.text import element, paragraph, text_run

XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
TOC_INSTRUCTION = 'TOC \\o "1-3" \\h \\z \\u'


def _char(kind: str) -> _Element:
    run = element("w:r")
    run.append(element("w:fldChar", fldCharType=kind))
    return run


def _instruction(code: str) -> _Element:
    run = element("w:r")
    instr = element("w:instrText")
    instr.set(XML_SPACE, "preserve")
    instr.text = f" {code} "
    run.append(instr)
    return run


def field_begin(code: str) -> list[_Element]:
    """The runs that open a field spanning paragraphs (close with `field_end`)."""
    return [_char("begin"), _instruction(code), _char("separate")]


def field_end() -> _Element:
    return _char("end")


def field(code: str, cached: str) -> list[_Element]:
    """A complete field in runs, showing `cached` until the reader updates it."""
    runs = field_begin(code)
    if cached:
        runs.append(text_run(cached))
    runs.append(field_end())
    return runs


def toc(entries: list[tuple[int, str, str]], placeholder: str) -> list[_Element]:
    """Paragraphs of a TOC field, filled at write time with (level, text, bookmark) entries.

    Each entry links to its heading's bookmark and ends in a PAGEREF field to
    it, as Word writes a contents: LibreOffice fills in the page numbers on
    opening, Word when fields are updated (F9 or printing); no prompt asks for
    it. The page numbers are not guessed here: a wrong number is worse than
    none.
    """
    if not entries:
        p = paragraph("TOC1")
        for run in field(TOC_INSTRUCTION, placeholder):
            p.append(run)
        return [p]
    paragraphs: list[_Element] = []
    for level, text, bookmark in entries:
        p = paragraph(f"TOC{level}")
        link = element("w:hyperlink", anchor=bookmark, history="1")
        link.append(text_run(text))
        tab = element("w:r")
        tab.append(element("w:tab"))
        link.append(tab)
        for run in field(f"PAGEREF {bookmark} \\h", ""):
            link.append(run)
        p.append(link)
        paragraphs.append(p)
    return paragraphs
