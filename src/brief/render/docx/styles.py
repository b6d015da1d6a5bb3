"""The document's styles: Word's built-in names and style ids, one house look.

Every style the renderer uses is (re)defined here, so the look does not depend
on python-docx's template. Built-in styles keep Word's own `w:name` (e.g.
"heading 1", "footnote text") and style id ("Heading1", "FootnoteText"), so
Word's navigation pane, TOC and style gallery treat them as its own.

Fonts: IBM Plex Serif, the PDF's font, for text and headings; the file
embeds it (`fonts`), so Word and LibreOffice set it the same on a machine
without IBM Plex. It covers Latin Extended (č ć đ ş) and Cyrillic.
"""

from __future__ import annotations

import copy
import functools

from docx.oxml.ns import nsdecls, qn
from docx.oxml.parser import parse_xml
from lxml.etree import _Element

BODY_FONT = "IBM Plex Serif"
HEADING_FONT = BODY_FONT
TEXT_WIDTH = 9070  # twips: A4 (11906) less two 2.5 cm margins
INK = "1F3864"  # dark blue of headings and rules
TABLE_STYLE = "BriefTable"
SPACE_AFTER = 140  # twips after a body paragraph


def _fonts(name: str) -> str:
    return f'<w:rFonts w:ascii="{name}" w:hAnsi="{name}" w:eastAsia="{name}" w:cs="{name}"/>'


def _paragraph_style(
    style_id: str,
    name: str,
    ppr: str = "",
    rpr: str = "",
    *,
    based_on: str = "Normal",
    next_style: str = "",
    priority: int = 99,
    quick: bool = False,
) -> str:
    return _style("paragraph", style_id, name, ppr, rpr, based_on, next_style, priority, quick)


def _style(
    kind: str,
    style_id: str,
    name: str,
    ppr: str,
    rpr: str,
    based_on: str,
    next_style: str,
    priority: int,
    quick: bool,
    extra: str = "",
) -> str:
    default = ' w:default="1"' if style_id == "Normal" else ""
    parts = [f'<w:style {nsdecls("w")} w:type="{kind}"{default} w:styleId="{style_id}">']
    parts.append(f'<w:name w:val="{name}"/>')
    if based_on:
        parts.append(f'<w:basedOn w:val="{based_on}"/>')
    if next_style:
        parts.append(f'<w:next w:val="{next_style}"/>')
    parts.append(f'<w:uiPriority w:val="{priority}"/>')
    if priority >= 39:
        parts.append("<w:unhideWhenUsed/>")
    if quick:
        parts.append("<w:qFormat/>")
    if ppr:
        parts.append(f"<w:pPr>{ppr}</w:pPr>")
    if rpr:
        parts.append(f"<w:rPr>{rpr}</w:rPr>")
    parts.append(extra)
    parts.append("</w:style>")
    return "".join(parts)


def _heading(level: int, size: int, before: int, after: int, color: str, rule: bool) -> str:
    border = (
        f'<w:pBdr><w:bottom w:val="single" w:sz="6" w:space="2" w:color="{color}"/></w:pBdr>'
        if rule
        else ""
    )
    return _paragraph_style(
        f"Heading{level}",
        f"heading {level}",
        f'<w:keepNext/><w:keepLines/>{border}<w:spacing w:before="{before}" w:after="{after}"/>'
        f'<w:outlineLvl w:val="{level - 1}"/>',
        f'{_fonts(HEADING_FONT)}<w:b/><w:bCs/><w:color w:val="{color}"/>'
        f'<w:sz w:val="{size}"/><w:szCs w:val="{size}"/>',
        next_style="Normal",
        priority=9,
        quick=True,
    )


def _list_style(style_id: str, name: str, num_id: int, level: int) -> str:
    # keepLines: a list item (a source entry) moves to the next page whole.
    return _paragraph_style(
        style_id,
        name,
        "<w:keepLines/>"
        f'<w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/></w:numPr>'
        '<w:spacing w:after="60"/>',
    )


def _list_continue(style_id: str, name: str, level: int) -> str:
    return _paragraph_style(
        style_id,
        name,
        f'<w:keepLines/><w:spacing w:after="60"/><w:ind w:left="{360 * (level + 1)}"/>',
    )


def _toc(level: int) -> str:
    bold = "<w:b/><w:bCs/>" if level == 1 else ""
    return _paragraph_style(
        f"TOC{level}",
        f"toc {level}",
        f'<w:tabs><w:tab w:val="right" w:leader="dot" w:pos="{TEXT_WIDTH}"/></w:tabs>'
        f'<w:spacing w:before="{60 if level == 1 else 0}" w:after="20"/>'
        f'<w:ind w:left="{240 * (level - 1)}"/>',
        bold,
        next_style="Normal",
        priority=39,
    )


def _header_footer(style_id: str, name: str) -> str:
    return _paragraph_style(
        style_id,
        name,
        f'<w:tabs><w:tab w:val="center" w:pos="{TEXT_WIDTH // 2}"/>'
        f'<w:tab w:val="right" w:pos="{TEXT_WIDTH}"/></w:tabs>'
        '<w:spacing w:after="0" w:line="240" w:lineRule="auto"/>',
        '<w:color w:val="404040"/><w:sz w:val="18"/><w:szCs w:val="18"/>',
    )


_TABLE = _style(
    "table",
    TABLE_STYLE,
    "Brief Table",
    '<w:spacing w:before="20" w:after="20" w:line="240" w:lineRule="auto"/>',
    '<w:sz w:val="19"/><w:szCs w:val="19"/>',
    "TableNormal",
    "",
    40,
    False,
    extra=(
        "<w:tblPr>"
        "<w:tblBorders>"
        f'<w:top w:val="single" w:sz="8" w:space="0" w:color="{INK}"/>'
        f'<w:bottom w:val="single" w:sz="8" w:space="0" w:color="{INK}"/>'
        '<w:insideH w:val="single" w:sz="4" w:space="0" w:color="BFBFBF"/>'
        "</w:tblBorders>"
        '<w:tblCellMar><w:top w:w="29" w:type="dxa"/><w:left w:w="85" w:type="dxa"/>'
        '<w:bottom w:w="29" w:type="dxa"/><w:right w:w="85" w:type="dxa"/></w:tblCellMar>'
        "</w:tblPr>"
        '<w:tblStylePr w:type="firstRow">'
        f'<w:rPr>{_fonts(HEADING_FONT)}<w:b/><w:bCs/><w:color w:val="{INK}"/></w:rPr>'
        "<w:tcPr>"
        f'<w:tcBorders><w:bottom w:val="single" w:sz="8" w:space="0" w:color="{INK}"/>'
        "</w:tcBorders>"
        '<w:shd w:val="clear" w:color="auto" w:fill="E4E9F2"/>'
        "</w:tcPr>"
        "</w:tblStylePr>"
    ),
)


STYLES: tuple[str, ...] = (
    _paragraph_style("Normal", "Normal", "<w:widowControl/>", based_on="", priority=0, quick=True),
    _paragraph_style(
        "Title",
        "Title",
        '<w:spacing w:before="0" w:after="80" w:line="240" w:lineRule="auto"/>',
        f'{_fonts(HEADING_FONT)}<w:b/><w:bCs/><w:color w:val="{INK}"/><w:kern w:val="28"/>'
        '<w:sz w:val="52"/><w:szCs w:val="52"/>',
        next_style="Normal",
        priority=10,
        quick=True,
    ),
    _paragraph_style(
        "Subtitle",
        "Subtitle",
        '<w:spacing w:after="240"/>',
        f'{_fonts(HEADING_FONT)}<w:color w:val="595959"/><w:sz w:val="28"/><w:szCs w:val="28"/>',
        next_style="Normal",
        priority=11,
        quick=True,
    ),
    _paragraph_style(
        "DocumentInfo",
        "Document Info",
        '<w:spacing w:after="40"/>',
        '<w:color w:val="404040"/>',
        next_style="Normal",
        priority=40,
    ),
    _heading(1, 30, 360, 120, INK, rule=True),
    _heading(2, 25, 240, 80, "2F5496", rule=False),
    _heading(3, 22, 200, 60, INK, rule=False),
    _paragraph_style(
        "Quote",
        "Quote",
        '<w:pBdr><w:left w:val="single" w:sz="18" w:space="8" w:color="B4C6E7"/></w:pBdr>'
        '<w:spacing w:before="40" w:after="200"/><w:ind w:left="340" w:right="567"/>',
        '<w:color w:val="262626"/>',
        next_style="Normal",
        priority=29,
        quick=True,
    ),
    _list_style("ListBullet", "List Bullet", 1, 0),
    _list_style("ListBullet2", "List Bullet 2", 1, 1),
    _list_style("ListBullet3", "List Bullet 3", 1, 2),
    _list_style("ListNumber", "List Number", 2, 0),
    _list_style("ListNumber2", "List Number 2", 2, 1),
    _list_style("ListNumber3", "List Number 3", 2, 2),
    _list_continue("ListContinue", "List Continue", 0),
    _list_continue("ListContinue2", "List Continue 2", 1),
    _list_continue("ListContinue3", "List Continue 3", 2),
    _paragraph_style(
        "FootnoteText",
        "footnote text",
        '<w:spacing w:after="40" w:line="240" w:lineRule="auto"/>',
        '<w:sz w:val="18"/><w:szCs w:val="18"/>',
    ),
    _style(
        "character",
        "FootnoteReference",
        "footnote reference",
        "",
        '<w:vertAlign w:val="superscript"/>',
        "DefaultParagraphFont",
        "",
        99,
        False,
    ),
    _style(
        "character",
        "Hyperlink",
        "Hyperlink",
        "",
        '<w:color w:val="0563C1"/><w:u w:val="single"/>',
        "DefaultParagraphFont",
        "",
        99,
        False,
    ),
    _paragraph_style(
        "TOCHeading",
        "TOC Heading",
        '<w:outlineLvl w:val="9"/>',
        based_on="Heading1",
        next_style="Normal",
        priority=39,
        quick=True,
    ),
    _toc(1),
    _toc(2),
    _toc(3),
    _header_footer("Header", "header"),
    _header_footer("Footer", "footer"),
    _TABLE,
)


def _doc_defaults(language: str) -> _Element:
    return parse_xml(
        f"<w:docDefaults {nsdecls('w')}>"
        f"<w:rPrDefault><w:rPr>{_fonts(BODY_FONT)}"
        f'<w:sz w:val="22"/><w:szCs w:val="22"/>'
        f'<w:lang w:val="{language}" w:eastAsia="{language}" w:bidi="ar-SA"/>'
        "</w:rPr></w:rPrDefault>"
        f'<w:pPrDefault><w:pPr><w:spacing w:after="{SPACE_AFTER}" w:line="264" w:lineRule="auto"/>'
        "</w:pPr></w:pPrDefault>"
        "</w:docDefaults>"
    )


@functools.cache
def _parsed() -> tuple[tuple[str | None, _Element], ...]:
    """`STYLES` parsed once per process, with their ids (each render takes copies)."""
    parsed = [parse_xml(xml) for xml in STYLES]
    return tuple((style.get(qn("w:styleId")), style) for style in parsed)


def apply(styles: _Element, language: str) -> None:
    """Replace the template's defaults and every style this renderer uses."""
    old = styles.find(qn("w:docDefaults"))
    if old is not None:
        styles.replace(old, _doc_defaults(language))
    # The template's styles by id, looked up once: each of ours replaces its own id
    # (ids in STYLES are distinct, so none replaces another of ours).
    present: dict[str | None, list[_Element]] = {}
    for style in styles.findall(qn("w:style")):
        present.setdefault(style.get(qn("w:styleId")), []).append(style)
    for style_id, parsed in _parsed():
        new = copy.deepcopy(parsed)
        found = present.get(style_id)
        if found:
            styles.replace(found[0], new)
            for extra in found[1:]:
                styles.remove(extra)
        else:
            styles.append(new)
