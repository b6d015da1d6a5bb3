"""The Word footnotes part, which python-docx does not provide.

Word numbers footnotes itself, in the order of their references; ids here are
assigned in reading order too, so id n is note n. Ids -1 and 0 are the
separator (the short rule above the notes) and the continuation separator
(the full-width rule when a note runs over to the next page); both are also
listed in settings (see `settings.py`).
"""

from __future__ import annotations

from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import XmlPart
from docx.oxml.parser import parse_xml
from docx.parts.document import DocumentPart
from lxml.etree import _Element

from brief.render.docx.text import element, paragraph, run_properties, text_run

SEPARATOR_IDS = (-1, 0)
_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

_EMPTY = f"""<w:footnotes xmlns:w="{_W}" xmlns:r="{_R}">
  <w:footnote w:type="separator" w:id="-1"><w:p><w:pPr><w:spacing w:after="0"
    w:line="240" w:lineRule="auto"/></w:pPr><w:r><w:separator/></w:r></w:p></w:footnote>
  <w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:pPr><w:spacing w:after="0"
    w:line="240" w:lineRule="auto"/></w:pPr><w:r><w:continuationSeparator/></w:r></w:p>
  </w:footnote>
</w:footnotes>"""


class Footnotes:
    """The footnotes part of one document, filled note by note."""

    def __init__(self, document_part: DocumentPart) -> None:
        self.part = XmlPart(
            PackURI("/word/footnotes.xml"),
            CT.WML_FOOTNOTES,
            parse_xml(_EMPTY),
            document_part.package,
        )
        document_part.relate_to(self.part, RT.FOOTNOTES)
        self.count = 0

    def add(self) -> tuple[_Element, _Element]:
        """A new note: (the reference run for the text, the note's first paragraph).

        The caller fills the paragraph with the note's runs; it already starts
        with the note mark and a space.
        """
        self.count += 1
        note = element("w:footnote", id=str(self.count))
        p = paragraph("FootnoteText")
        mark = element("w:r")
        mark.append(run_properties(style="FootnoteReference"))
        mark.append(element("w:footnoteRef"))
        p.append(mark)
        p.append(text_run(" "))
        note.append(p)
        self.part.element.append(note)
        return reference(self.count), p


def reference(note_id: int) -> _Element:
    run = element("w:r")
    run.append(run_properties(style="FootnoteReference"))
    run.append(element("w:footnoteReference", id=str(note_id)))
    return run
