"""The renderer's TrueType font codes every run of text as reportlab's own font does,
so PDFs keep their bytes, whatever the document has seen before."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from brief.render.pdf.fonts import plex_path
from brief.render.pdf.styles import styles
from brief.render.pdf.subsets import Font

PLEX = str(plex_path(400, "normal"))
# ASCII, the region's letters, a no-break space, a letter the font lacks (CJK), and
# enough Greek and Cyrillic to fill the first subset and start a second.
ALPHABET = (
    "ab Z09.,;’“”—"
    + "čćđšžČĆĐŠŽëçşğıİ"
    + "\u00a0\u4e00"
    + "".join(map(chr, range(0x391, 0x3CA)))
    + "".join(map(chr, range(0x400, 0x4FF)))
)


class _Doc:
    """What reportlab keys a font's state by (weakly referenced)."""


def _split_both(runs: list[str]) -> tuple[list[object], list[object]]:
    ours, theirs = Font("Ours", PLEX), TTFont("Theirs", PLEX)
    doc_ours, doc_theirs = _Doc(), _Doc()
    got = [ours.splitString(run, doc_ours) for run in runs]
    want = [theirs.splitString(run, doc_theirs) for run in runs]
    assert ours.state[doc_ours].assignments == theirs.state[doc_theirs].assignments
    return got, want


@settings(max_examples=60, deadline=None)
@given(st.lists(st.text(alphabet=ALPHABET, max_size=40), min_size=1, max_size=30))
def test_runs_are_coded_as_reportlab_codes_them_seen_again_or_not(runs: list[str]) -> None:
    got, want = _split_both([*runs, *runs, "".join(runs)])  # again: from the codes known
    assert got == want


def test_runs_across_subsets_and_unknown_letters() -> None:
    has = TTFont("Has", PLEX).face.charToGlyph
    covered = "".join(c for c in ALPHABET if ord(c) in has)
    slices = [covered[i : i + 40] for i in range(0, len(covered), 20)]  # each subset, alone
    runs = [ALPHABET, *slices, "plain ascii", "a\u00a0b", "Вучић", "\u4e00x", ""]
    got, want = _split_both([*runs, *runs])
    assert got == want
    assert any(len(parts) > 1 for parts in want)  # the second subset was reached


def test_the_renderers_faces_are_such_fonts() -> None:
    faces = styles().look.faces
    for name in (faces.regular, faces.bold, faces.italic, faces.bold_italic):
        assert isinstance(pdfmetrics.getFont(name), Font)
