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
      or table ("Grades: ... All accessed ..." above the source list);
    - the paragraph before a one-item list.
    """
    if not isinstance(block, Paragraph) or following is None:
        return False
    if isinstance(following, BlockQuote):
        return True
    if plain_text(block.children).rstrip().endswith(":"):
        return isinstance(following, ListBlock | Table | Paragraph)
    if isinstance(following, ListBlock) and len(following.items) == 1:
        return True  # a one-item list is never alone at the top of a page
    return isinstance(previous, Heading) and isinstance(following, ListBlock | Table)


# Widow and orphan control for lists, for short items: a list's first item
# stays with the second (no page ends with it alone) and the one before the last
# with the last (no page starts with it alone). A longer item is a paragraph
# that may start or end a page; a long one splits itself, two lines or more on
# each page (moved whole, a key judgment left a third of page 1 blank).
SHORT_ITEM_CHARS = 250  # about two and a half lines of body text
LONG_ITEM_CHARS = 450  # about five lines


def _chars(item: tuple[Block, ...]) -> int:
    return sum(len(plain_text(b.children)) for b in item if isinstance(b, Paragraph))


def item_may_split(item: tuple[Block, ...]) -> bool:
    """Whether a list item is long enough to split rather than move whole."""
    return _chars(item) > LONG_ITEM_CHARS


def item_keeps_with_next(block: ListBlock, index: int) -> bool:
    """Whether item `index` of `block` must stay on the page of the next item."""
    last = len(block.items) - 1
    if index >= last:
        return False
    first = index == 0 and _chars(block.items[0]) <= SHORT_ITEM_CHARS
    widow = index == last - 1 and _chars(block.items[last]) <= SHORT_ITEM_CHARS
    return first or widow
