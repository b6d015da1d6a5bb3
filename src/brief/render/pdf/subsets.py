"""A TrueType font whose text runs are encoded for the PDF in C where they can be.

Every run of text drawn in a TrueType font goes through `TTFont.splitString`,
which gives each character its code in one of the font's embedded subsets
(assigning new codes the first time a character is seen in the document) and
cuts the run where the subset changes. It does so in a Python loop over the
characters: ~5 % of a render's instructions (small bosnia: 5,150 runs).

Once a document has seen its characters, a run holds only characters that
already have a code in the first subset (Latin text, the diacritics of the
region, the punctuation): then the answer is that subset with the run mapped
through the codes, which `str.translate` does in C. Any other run (a character
seen for the first time, one in a later subset, one the font lacks, shaped
text, bytes) is left to reportlab. The codes are reportlab's own, read from the
document's state, so the bytes of the PDF are the same.
"""

from __future__ import annotations

from typing import Any

from reportlab.pdfbase.ttfonts import TTFont

_NBSP, _SPACE = 0xA0, 0x20


class _FirstSubset:
    """The document's characters coded in subset 0, as of `size` assignments."""

    __slots__ = ("codes", "known", "size")

    def __init__(self, assignments: dict[int, int]) -> None:
        codes = {char: code for char, code in assignments.items() if code < 256}
        # reportlab reads a no-break space as a space (and never looks it up itself).
        codes.pop(_NBSP, None)
        if _SPACE in codes:
            codes[_NBSP] = codes[_SPACE]
        self.codes = codes
        self.known = frozenset(map(chr, codes))
        self.size = len(assignments)


class Font(TTFont):
    """reportlab's TTFont; `splitString` answers known runs without its loop."""

    def splitString(self, text: Any, doc: Any, encoding: str = "utf-8") -> list[tuple[int, bytes]]:
        state: Any = self.state.get(doc)  # reportlab's per-document TTFont.State
        if state is not None and type(text) is str:
            assignments: dict[int, int] = state.assignments
            first: _FirstSubset | None = state.__dict__.get("_brief_first")
            if first is None or first.size != len(assignments):
                # Codes are only ever added: their number tells whether this is current.
                first = state.__dict__["_brief_first"] = _FirstSubset(assignments)
            if first.known.issuperset(text):
                return [(0, text.translate(first.codes).encode("latin-1"))] if text else []
        return super().splitString(text, doc, encoding)
