"""List numbering: one bullet scheme, one number scheme, three levels each.

Every ordered list gets its own `w:num` restarting at 1, so a second numbered
list does not continue from the first. Bullet lists share numId 1; numId 2 is
the number scheme the List Number styles point at.
"""

from __future__ import annotations

from docx.oxml.ns import nsdecls
from docx.oxml.parser import parse_xml
from lxml.etree import _Element

BULLETS = 1
NUMBERS = 2
LEVELS = 3
_INDENT = 360
_BULLET_TEXT = ("•", "–", "◦")
_NUMBER_FORMATS = (("decimal", "%1."), ("lowerLetter", "%2)"), ("lowerRoman", "%3."))


def _level(level: int, fmt: str, text: str) -> str:
    left = _INDENT * (level + 1)
    return (
        f'<w:lvl w:ilvl="{level}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
        f'<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/>'
        f'<w:pPr><w:ind w:left="{left}" w:hanging="{_INDENT}"/></w:pPr></w:lvl>'
    )


def _abstract(abstract_id: int, nsid: str, levels: list[str]) -> str:
    return (
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{abstract_id}">'
        f'<w:nsid w:val="{nsid}"/><w:multiLevelType w:val="hybridMultilevel"/>'
        f"{''.join(levels)}</w:abstractNum>"
    )


class Numbering:
    def __init__(self, numbering: _Element) -> None:
        self.element = numbering
        for child in list(numbering):
            numbering.remove(child)
        bullets = [_level(i, "bullet", _BULLET_TEXT[i]) for i in range(LEVELS)]
        numbers = [_level(i, fmt, text) for i, (fmt, text) in enumerate(_NUMBER_FORMATS)]
        numbering.append(parse_xml(_abstract(BULLETS, "6B1D0001", bullets)))
        numbering.append(parse_xml(_abstract(NUMBERS, "6B1D0002", numbers)))
        self._next = 1
        self.add(BULLETS)
        self.add(NUMBERS)

    def add(self, abstract_id: int, *, restart: bool = False) -> int:
        """A new numId on `abstract_id`; `restart` makes it count from 1 again."""
        num_id = self._next
        self._next += 1
        overrides = "".join(
            f'<w:lvlOverride w:ilvl="{i}"><w:startOverride w:val="1"/></w:lvlOverride>'
            for i in range(LEVELS)
            if restart
        )
        num = parse_xml(
            f'<w:num {nsdecls("w")} w:numId="{num_id}">'
            f'<w:abstractNumId w:val="{abstract_id}"/>{overrides}</w:num>'
        )
        self.element.append(num)
        return num_id

    def ordered_list(self) -> int:
        return self.add(NUMBERS, restart=True)
