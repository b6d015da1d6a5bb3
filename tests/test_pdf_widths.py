"""reportlab's line breaker measures words with the renderer's remembered
`string_width`: it must answer what reportlab's own measure answers."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import paragraph as rl_paragraph

from brief.render.pdf import widths
from brief.render.pdf.styles import styles

_FACES = ("regular", "bold", "italic", "bold_italic")
_ASKS = st.tuples(
    st.sampled_from(("", " ", "a", "the", "Vučić", "Вучић")) | st.text(max_size=12),
    st.sampled_from(_FACES),
    st.sampled_from((8, 9, 10.5, 15)),
)


@settings(max_examples=80, deadline=None)
@given(st.lists(_ASKS, min_size=1, max_size=12))
def test_widths_are_reportlabs_for_any_text_face_and_size_asked_again(
    asks: list[tuple[str, str, float]],
) -> None:
    faces = styles().look.faces
    widths.begin_document()
    for text, face, size in [*asks, *asks]:  # the second time from memory
        font = getattr(faces, face)
        assert widths.string_width(text, font, size) == stringWidth(text, font, size)


def test_installed_into_reportlabs_line_breaker() -> None:
    styles()  # installs it, once per process
    assert rl_paragraph.stringWidth is widths.string_width  # type: ignore[attr-defined]
