"""reportlab's line breaker compares fragments with the renderer's `same_frag`:
it must answer what rl_accel's C `sameFrag` answers, for any fragments."""

from __future__ import annotations

import itertools

from hypothesis import given, settings
from reportlab.lib.colors import Color
from reportlab.lib.rl_accel import sameFrag as c_same_frag
from reportlab.platypus import paragraph as rl_paragraph
from reportlab.platypus.paragraph import Paragraph
from reportlab.platypus.paraparser import ParaFrag

import doc_strategies
from brief.document import Inline
from brief.render.pdf.markup import Inliner, begin_document
from brief.render.pdf.samefrag import same_frag
from brief.render.pdf.styles import styles


def _agree(frags: list[ParaFrag]) -> None:
    for f, g in itertools.product(frags, repeat=2):
        assert same_frag(f, g) == bool(c_same_frag(f, g)), (f, g)


@settings(max_examples=60, deadline=None)
@given(doc_strategies.inlines)
def test_agrees_with_rl_accel_on_the_fragments_of_any_paragraph(
    children: tuple[Inline, ...],
) -> None:
    begin_document()
    markup = '<a name="fn-1"/>' + Inliner().markup(children)
    _agree(Paragraph(markup, styles().body).frags)


def test_agrees_on_every_compared_attribute_missing_none_or_different() -> None:
    base = {"fontName": "a", "fontSize": 10, "textColor": Color(0, 0, 0), "rise": 0}
    variants = [ParaFrag(**base)]
    extra: dict[str, list[object]] = {
        "fontName": ["b"],
        "fontSize": [9, float("nan")],  # the same NaN object: the same, as in C
        "textColor": [Color(0, 0, 0.5), Color(0, 0, 0)],
        "rise": [3],
        "us_lines": [[], [("u", 1)]],
        "link": [[], [("https://a.example", None)]],
        "backColor": [None, Color(1, 1, 0)],
        "nobr": [None, True],
        "cbDefn": [None],
        "lineBreak": [True],
    }
    for name, values in extra.items():
        variants += [ParaFrag(**{**base, name: value}) for value in values]
    _agree(variants)


def test_installed_into_reportlabs_line_breaker() -> None:
    styles()  # installs it, once per process
    assert rl_paragraph.sameFrag is same_frag  # type: ignore[attr-defined]
