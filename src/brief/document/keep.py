"""Which blocks stay on the page of the block after them: one rule for every
paged renderer (Word's keepNext, reportlab's keepWithNext)."""

from __future__ import annotations

from brief.document.model import Block, BlockQuote, Heading, ListBlock, Paragraph, Table, plain_text


def keeps_with_next(previous: Block | None, block: Block, following: Block | None) -> bool:
    """Whether `block` must not end a page before `following`.

    - a line leading in with a colon ("Jane Roe, in Riverton, said:") and what it
      introduces: a quote, a list, a table, or reported speech under it;
    - any paragraph right before a quotation (its attribution);
    - a section's one-paragraph introduction, between its heading and its list
      or table ("Grades: ... All accessed ..." above the source list).
    """
    if not isinstance(block, Paragraph) or following is None:
        return False
    if isinstance(following, BlockQuote):
        return True
    if plain_text(block.children).rstrip().endswith(":"):
        return isinstance(following, ListBlock | Table | Paragraph)
    return isinstance(previous, Heading) and isinstance(following, ListBlock | Table)
