"""Hyperlink relationships added in constant time, with python-docx's ids.

`Part.relate_to(url, HYPERLINK, is_external=True)` looks for an equal
relationship by walking all of the part's relationships, then for the first
free `rIdN` by counting up from 1: each link costs time in proportion to the
links before it. A large brief has thousands of links (a source list, notes
citing URLs), nearly all different, and that walk was a third of its Word
render. `Hyperlinks` keeps both answers in a dict and a counter, so the ids
(and the file's bytes) are the ones `relate_to` gives.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from docx.opc.constants import RELATIONSHIP_TYPE as RT

if TYPE_CHECKING:
    from docx.opc.part import Part
    from docx.opc.rel import Relationships


@dataclass
class _Known:
    """One part's external hyperlinks by target, as of the relationships' `state`."""

    state: tuple[int, str | None]
    by_target: dict[str, str]
    next_free: int = 1


def _state(rels: Relationships) -> tuple[int, str | None]:
    """Changes when anything else adds or removes a relationship (then re-read)."""
    return len(rels), next(reversed(rels), None)


@dataclass
class Hyperlinks:
    """The rId of an external hyperlink from a part, added when new."""

    _parts: dict[int, tuple[Part, _Known]] = field(default_factory=dict)

    def r_id(self, part: Part, target: str) -> str:
        rels: Relationships = part.rels
        known = self._known(part, rels)
        r_id = known.by_target.get(target)
        if r_id is None:
            # The first free id from 1, as python-docx picks it: ids only get taken
            # while `known` is current, so no free one lies below `next_free`.
            while f"rId{known.next_free}" in rels:
                known.next_free += 1
            r_id = f"rId{known.next_free}"
            rels.add_relationship(RT.HYPERLINK, target, r_id, is_external=True)
            known.by_target[target] = r_id
            known.state = _state(rels)
        return r_id

    def _known(self, part: Part, rels: Relationships) -> _Known:
        entry = self._parts.get(id(part))
        if entry is not None and entry[0] is part and entry[1].state == _state(rels):
            return entry[1]
        by_target: dict[str, str] = {}
        for rel in rels.values():  # the first equal one, as python-docx finds it
            if rel.is_external and rel.reltype == RT.HYPERLINK:
                by_target.setdefault(rel.target_ref, rel.rId)
        known = _Known(_state(rels), by_target)
        self._parts[id(part)] = (part, known)
        return known
