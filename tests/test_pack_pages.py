"""The pack PDF joined in a helper process (large packs) is the one joined in process."""

from __future__ import annotations

import io

from pypdf import PdfReader

from brief import api
from brief.pack.combine import PackedBrief, PackWriter
from sample_docs import META, minimal_document, rich_document


def _pack(separate: bool, pdfs: list[bytes]) -> tuple[bytes, int]:
    writer = PackWriter(["b", "a", "c"], separate=separate)
    # arriving out of pack order, as from workers
    for stem, pdf in (("c", pdfs[2]), ("a", pdfs[1]), ("b", pdfs[0])):
        writer.add(stem, f"Brief {stem}", pdf)
    briefs = [PackedBrief(f"Brief {s}", "Subject", "", b"") for s in ("b", "a", "c")]
    try:
        return writer.finish(
            lambda d: api.render_bytes(d, "pdf"), META, "Three briefs.", briefs, [], "None."
        )
    finally:
        writer.close()


def test_a_pack_joined_by_the_helper_process_has_the_same_bytes() -> None:
    pdfs = [
        api.render_bytes(doc, "pdf")
        for doc in (minimal_document(), rich_document(sections=1), minimal_document())
    ]
    here, cover_here = _pack(False, pdfs)
    helper, cover_helper = _pack(True, pdfs)
    assert helper == here and cover_helper == cover_here
    reader = PdfReader(io.BytesIO(helper))
    titles = [item.title for item in reader.outline if not isinstance(item, list)]
    assert titles == [META.title, "Brief b", "Brief a", "Brief c"]
    briefs = sum(len(PdfReader(io.BytesIO(p)).pages) for p in pdfs)
    assert len(reader.pages) == cover_here + briefs


def _links_and_marks(pdf: object, first: int, pages: int) -> tuple[list, list]:
    """The internal links and outline entries (title, page) of pages first..first+pages-1,
    pages counted from `first`."""
    import pikepdf

    assert isinstance(pdf, pikepdf.Pdf)
    where = {page.objgen: i - first for i, page in enumerate(pdf.pages)}
    links = []
    for page in list(pdf.pages)[first : first + pages]:
        for annot in page.obj.get("/Annots", []):
            if "/Dest" in annot:
                links.append((where[annot.Dest[0].objgen], [float(v) for v in annot.Rect]))

    def walk(item: object) -> list:
        found = []
        while item is not None:
            dest = item.get("/Dest")  # type: ignore[attr-defined]
            found.append((str(item.Title), where[dest[0].objgen], walk(item.get("/First"))))  # type: ignore[attr-defined]
            item = item.get("/Next")  # type: ignore[attr-defined]
        return found

    return links, walk(pdf.Root.get("/Outlines", {}).get("/First"))


def test_a_briefs_links_and_outline_lead_to_its_own_pages_in_the_pack() -> None:
    import pikepdf

    long = api.render_bytes(rich_document(sections=2), "pdf")
    pdfs = [api.render_bytes(minimal_document(), "pdf"), long, long]
    data, cover = _pack(True, pdfs)
    brief = pikepdf.open(io.BytesIO(long))
    pack = pikepdf.open(io.BytesIO(data))
    size = len(brief.pages)
    before = cover + len(PdfReader(io.BytesIO(pdfs[0])).pages)
    links, marks = _links_and_marks(brief, 0, size)
    assert links and marks  # the brief has links to its notes and an outline
    # "Brief a" (the second in pack order) and "Brief c" (the third): the same brief
    for first in (before, before + size):
        in_pack, _ = _links_and_marks(pack, first, size)
        assert in_pack == links
    _, top = _links_and_marks(pack, 0, len(pack.pages))
    assert [(t, page) for t, page, _ in top] == [
        (META.title, 0),
        ("Brief b", cover),
        ("Brief a", before),
        ("Brief c", before + size),
    ]
    _, from_a = _links_and_marks(pack, before, size)
    assert from_a[2][2] == marks  # the brief's own outline, under its entry
