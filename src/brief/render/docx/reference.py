"""House style for Word: a brief's .docx restyled by the organisation's own .docx,
as Pandoc's `--reference-doc` does.

From the reference document it takes:
- every style (fonts, sizes, colours, spacing) and the document defaults and
  theme, so Title, Heading 1-3, Quote, lists, TOC 1-3 and Footnote Text look
  as the organisation's template has them; styles the reference lacks (a
  template rarely defines footnote or TOC styles) stay brief's own;
- the page size, orientation and margins of its first section;
- the content of its header and footer (a logo, an address line), with their
  images, placed before brief's marking banners and page numbers, which stay.

`styles` maps brief's style names to the organisation's where they differ
("Heading 1" -> "Org Heading 1", or a localised "Überschrift 1"): paragraphs
and runs then use the organisation's style, and contents, footnotes and
banners keep working because only the style reference changes.

The brief's own content, footnotes, fields and properties are never taken from
the reference; same brief and reference, same bytes.
"""

from __future__ import annotations

import copy
import io
from collections.abc import Mapping
from typing import Any

import docx
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.part import Part
from docx.opc.rel import Relationships
from docx.oxml.ns import qn
from docx.parts.story import StoryPart
from lxml.etree import _Element

from brief.errors import InvalidInput, Problem
from brief.render.docx import package

_PAGE = ("w:pgSz", "w:pgMar")
_R_ATTRS = (qn("r:embed"), qn("r:link"), qn("r:id"))


def apply_reference(
    data: bytes, reference: bytes, styles: Mapping[str, str] | None = None, *, name: str = ""
) -> bytes:
    """`data` (a brief's .docx) in the house style of `reference` (a .docx)."""
    ours = docx.Document(io.BytesIO(data))
    try:
        theirs = docx.Document(io.BytesIO(reference))
    except Exception as err:  # python-docx raises several kinds for a file that is no .docx
        message = f"{name or 'the reference'} is not a Word document (.docx): {type(err).__name__}"
        raise InvalidInput(Problem("--reference-docx", message=message)) from None
    _take_styles(ours, theirs)
    _map_styles(ours, styles or {}, name)
    _take_page(ours, theirs)
    _take_header_footer(ours, theirs)
    return package.save(ours)


def _take_styles(ours: docx.document.Document, theirs: docx.document.Document) -> None:
    mine, other = ours.styles.element, theirs.styles.element
    by_id = {s.get(qn("w:styleId")): s for s in mine.findall(qn("w:style"))}
    for style in other.findall(qn("w:style")):
        replacement = copy.deepcopy(style)
        current = by_id.get(style.get(qn("w:styleId")))
        if current is not None:
            current.addprevious(replacement)
            mine.remove(current)
        else:
            mine.append(replacement)
    for tag in ("w:docDefaults", "w:latentStyles"):
        new = other.find(qn(tag))
        old = mine.find(qn(tag))
        if new is not None and old is not None:
            old.addprevious(copy.deepcopy(new))
            mine.remove(old)
    # Theme fonts and colours: styles that say "minor font" mean the reference's.
    their_theme = _part(theirs, RT.THEME)
    our_theme = _part(ours, RT.THEME)
    if their_theme is not None and our_theme is not None:
        our_theme._blob = their_theme.blob


def _part(document: docx.document.Document, reltype: str) -> Part | None:
    rels: Relationships = document.part.rels  # python-docx leaves `rels` untyped
    for rel in rels.values():
        if rel.reltype == reltype and not rel.is_external:
            return rel.target_part
    return None


def _map_styles(ours: docx.document.Document, names: Mapping[str, str], where: str) -> None:
    """Point paragraphs and runs at the organisation's styles, by name."""
    if not names:
        return
    ids = {s.name: s.style_id for s in ours.styles}
    _check_style_names(ids, names, where or "docx.styles")
    swap = {ids[a]: ids[b] for a, b in names.items()}
    roots = [ours.element, *(p.element for p in _story_parts(ours))]
    for root in roots:
        for tag in ("w:pStyle", "w:rStyle"):
            for ref in root.iter(qn(tag)):
                value = ref.get(qn("w:val"))
                if value in swap:
                    ref.set(qn("w:val"), swap[value])


def _check_style_names(ids: Mapping[str, str], names: Mapping[str, str], where: str) -> None:
    """Every style named on either side exists; `InvalidInput` naming each that does not."""
    problems = [
        Problem(where, field=ours_name, message=f"no style named {theirs!r}")
        for ours_name, theirs in names.items()
        if theirs not in ids
    ]
    problems += [
        Problem(where, field=ours_name, message="brief has no style of that name")
        for ours_name in names
        if ours_name not in ids
    ]
    if problems:
        raise InvalidInput(problems)


def _story_parts(ours: docx.document.Document) -> list[Any]:
    """Footnotes, headers and footers: every part besides the body that holds text."""
    wanted = {RT.FOOTNOTES, RT.HEADER, RT.FOOTER}
    return [
        rel.target_part
        for rel in ours.part.rels.values()
        if rel.reltype in wanted and not rel.is_external and hasattr(rel.target_part, "element")
    ]


def _take_page(ours: docx.document.Document, theirs: docx.document.Document) -> None:
    mine = ours.sections[0]._sectPr
    other = theirs.sections[0]._sectPr
    for tag in _PAGE:
        new, old = other.find(qn(tag)), mine.find(qn(tag))
        if new is None:
            continue
        if old is not None:
            old.addprevious(copy.deepcopy(new))
            mine.remove(old)
        else:
            mine.append(copy.deepcopy(new))


def _take_header_footer(ours: docx.document.Document, theirs: docx.document.Document) -> None:
    ours_section, their_section = ours.sections[0], theirs.sections[0]
    for kind in ("header", "footer"):
        source = getattr(their_section, kind)
        if source.is_linked_to_previous:
            continue  # the reference has none of its own
        target = getattr(ours_section, kind)
        blocks = [
            child
            for child in source._element
            if child.tag in (qn("w:p"), qn("w:tbl")) and _has_content(child)
        ]
        first = next(iter(target._element), None)
        for block in blocks:
            clone = copy.deepcopy(block)
            _copy_relations(clone, source.part, target.part)
            if first is not None:
                first.addprevious(clone)
            else:
                target._element.append(clone)


def _has_content(block: _Element) -> bool:
    text = "".join(block.itertext()).strip()
    return bool(text) or block.find(".//" + qn("w:drawing")) is not None


def _copy_relations(block: _Element, source_part: Part, target_part: StoryPart) -> None:
    """Images (and hyperlinks) the copied block refers to, related from our part."""
    for element in block.iter():
        for attr in _R_ATTRS:
            r_id = element.get(attr)
            if r_id is None or r_id not in source_part.rels:
                continue
            rel = source_part.rels[r_id]
            if rel.is_external:
                new_id = target_part.relate_to(rel.target_ref, rel.reltype, is_external=True)
            elif rel.reltype == RT.IMAGE:
                new_id, _image = target_part.get_or_add_image(io.BytesIO(rel.target_part.blob))
            else:
                continue
            element.set(attr, new_id)
