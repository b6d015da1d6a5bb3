"""Hypothesis strategies for any document the model allows.

Shared by the renderer property tests: every renderer must accept every
document these build (empty runs, notes in tables and headings, hostile URLs).
"""

from __future__ import annotations

from hypothesis import strategies as st

from brief.document import (
    BlockQuote,
    Emphasis,
    Heading,
    LineBreak,
    Link,
    ListBlock,
    Note,
    PageBreak,
    Paragraph,
    Strong,
    Table,
    Text,
)

URLS = ["https://example.org/x?a=1&b=<2>", "javascript:alert(1)", "", "http://a b"]

_words = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=12)
inline = st.recursive(
    st.one_of(st.builds(Text, _words), st.just(LineBreak())),
    lambda inner: st.one_of(
        st.builds(lambda c: Emphasis(tuple(c)), st.lists(inner, max_size=3)),
        st.builds(lambda c: Strong(tuple(c)), st.lists(inner, max_size=3)),
        st.builds(
            lambda url, c: Link(url, tuple(c)),
            st.sampled_from(URLS),
            st.lists(inner, max_size=2),
        ),
        st.builds(lambda c: Note(tuple(c)), st.lists(inner, max_size=3)),
    ),
    max_leaves=6,
)
inlines = st.lists(inline, max_size=4).map(tuple)
block = st.recursive(
    st.one_of(
        st.builds(Paragraph, inlines),
        st.builds(Heading, st.integers(0, 5), inlines),
        st.just(PageBreak()),
        st.builds(
            lambda header, rows: Table(header=tuple(header), rows=tuple(map(tuple, rows))),
            st.lists(inlines, max_size=3),
            st.lists(st.lists(inlines, max_size=4), max_size=3),
        ),
    ),
    lambda inner: st.one_of(
        st.builds(lambda c: BlockQuote(tuple(c)), st.lists(inner, max_size=2)),
        st.builds(
            lambda items, ordered: ListBlock(tuple(map(tuple, items)), ordered),
            st.lists(st.lists(inner, max_size=2), max_size=3),
            st.booleans(),
        ),
    ),
    max_leaves=6,
)
blocks = st.lists(block, max_size=5).map(tuple)
