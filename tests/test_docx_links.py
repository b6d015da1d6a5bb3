"""Word hyperlinks: the relationship ids `Hyperlinks` gives are those python-docx's
`relate_to` gives, so a brief's .docx keeps its bytes and every link its target."""

from __future__ import annotations

import docx
from docx.opc.constants import RELATIONSHIP_TYPE as RT

from brief.render.docx.links import Hyperlinks

TARGETS = [
    "https://a.example/1",
    "https://b.example/2",
    "https://a.example/1",  # the same link again: the same relationship
    "https://c.example/3",
    "https://b.example/2",
    "https://d.example/4",
]


def _rels(document: docx.document.Document) -> list[tuple[str, str, str, bool]]:
    return [
        (rel.rId, rel.reltype, rel.target_ref, rel.is_external)
        for rel in document.part.rels.values()
    ]


def test_ids_and_relationships_match_relate_to_with_other_relationships_between() -> None:
    ours, theirs = docx.Document(), docx.Document()
    links = Hyperlinks()
    for step, target in enumerate(TARGETS):
        if step == 3:  # something else takes the next free id in the meantime
            for document in (ours, theirs):
                document.part.relate_to("https://x.example/other", RT.IMAGE, is_external=True)
        if step == 4:  # and a gap opens below the ids taken so far
            for document in (ours, theirs):
                del document.part.rels["rId2"]
        got = links.r_id(ours.part, target)
        assert got == theirs.part.relate_to(target, RT.HYPERLINK, is_external=True)
    assert _rels(ours) == _rels(theirs)


def test_a_link_already_related_is_found_not_added_again() -> None:
    document = docx.Document()
    first = document.part.relate_to("https://a.example/", RT.HYPERLINK, is_external=True)
    before = len(document.part.rels)
    assert Hyperlinks().r_id(document.part, "https://a.example/") == first
    assert len(document.part.rels) == before
