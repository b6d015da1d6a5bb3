import datetime as dt

from brief.document import (
    BlockQuote,
    Document,
    Emphasis,
    ListBlock,
    Metadata,
    Note,
    Paragraph,
    Table,
    Text,
    numbered_notes,
    plain_text,
)

META = Metadata(
    title="Kosovo", subject="kosovo", kind="country", marking="PUBLIC", as_of=dt.date(2024, 9, 17)
)


def note(text: str) -> Note:
    return Note((Text(text),))


def test_notes_are_numbered_in_reading_order_across_block_kinds() -> None:
    doc = Document(
        META,
        (
            Paragraph((Text("a"), note("first"))),
            ListBlock(((Paragraph((Emphasis((Text("b"), note("second"))),)),),)),
            BlockQuote((Paragraph((note("third"),)),)),
            Table(header=((Text("h"),),), rows=(((Text("c"), note("fourth")),),)),
        ),
    )
    numbered = [(n, plain_text(x.children)) for n, x in numbered_notes(doc)]
    assert numbered == [(1, "first"), (2, "second"), (3, "third"), (4, "fourth")]


def test_plain_text_leaves_out_notes() -> None:
    assert plain_text((Text("Vučić "), note("src"), Emphasis((Text("said"),)))) == "Vučić said"
