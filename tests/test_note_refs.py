"""Footnote references read before the link rule: the parser's tokens (and what it
notes in its env) are those of markdown-it's own rule order, for any Markdown."""

from __future__ import annotations

from functools import cache

from hypothesis import example, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from brief.document.from_markdown import make_parser

# Pieces where the two orders could part: references followed by a destination, a
# second label or nothing, labels the fast rule leaves alone, link reference
# definitions (one for a label that looks like a note), undefined notes, nesting.
_PIECES = [
    "text ",
    "[^a]",
    "[^b-2]",
    "[^c]",
    "[^zz]",
    "[^a](https://x.example)",
    "[^a](",
    "[^a][r]",
    "[^a][]",
    "[^a][^b-2]",
    "[^a b]",
    "[^ä]",
    "[^a\\]",
    "[^a\\] x](https://w.example)",
    "\n\n[^a\\]: a label with a backslash\n\n",
    "[link [^a] text](https://y.example)",
    "[r]",
    "[^",
    "]",
    "(",
    "*",
    "\\[",
    "&amp;",
    "<https://z.example>",
    "\n",
    "\n\n",
    "\n\n[^a]: the note\n\n",
    "\n\n[^b-2]: note [^a] two\n\n",
    "\n\n[r]: https://r.example\n\n",
    "\n\n[ ^a]: https://looks-like-a-note.example\n\n",
    "\n\n- item [^a]\n\n",
    "\n\n| h [^a] |\n| - |\n| c [^b-2] |\n\n",
]


@cache
def _parser(first: bool) -> MarkdownIt:
    return make_parser(note_refs_first=first)


def _parsed(text: str, first: bool) -> tuple[object, object]:
    env: dict[str, object] = {}
    tokens = _parser(first).parse(text, env)
    return tokens, env


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=12).map("".join))
@example("See [^a](https://x.example) and [^b-2].\n\n[^a]: one\n\n[^b-2]: two\n")
@example("[^a][r] [^a]\n\n[r]: https://r.example\n\n[^a]: one\n")
@example("[^a] and [^a]\n\n[ ^a]: https://looks-like-a-note.example\n\n[^a]: one\n")
def test_tokens_are_those_of_the_plugins_own_order(text: str) -> None:
    assert _parsed(text, first=True) == _parsed(text, first=False)
