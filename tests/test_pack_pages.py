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
