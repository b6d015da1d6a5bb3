"""Documents built by hand for renderer tests: every node kind, the corpus's
hardest characters, hostile text, and enough notes to fill several pages.

Renderers are tested on these, independently of the corpus and assembler.
"""

from __future__ import annotations

import datetime as dt

from brief import __version__
from brief.document import (
    BlockQuote,
    Document,
    Emphasis,
    Heading,
    LineBreak,
    Link,
    ListBlock,
    Metadata,
    Note,
    PageBreak,
    Paragraph,
    Strong,
    Table,
    Text,
)

NAMES = ("Vučić", "Đurić", "Ulutaş", "Konaković", "mišljenje", "Вучић", "Ђурић", "Milatović")
HOSTILE = "AT&T <b>not bold</b> *stars* _under_ [^1] {{ x }} {% y %} <para> &amp; \\n"

QUOTES = (
    "NATO has been engaged in Bosnia and Herzegovina for 3 decades; we remain strongly "
    "committed to the country's sovereignty and territorial integrity and we will not allow "
    "any type of security vacuum to emerge.",
    "The violence in Kosovo in May and September of last year was an important part of my "
    "conversation with President Vučić.",
    "Вучић је рекао да Србија остаје посвећена дијалогу.",
)


def note(*children) -> Note:
    return Note(tuple(Text(c) if isinstance(c, str) else c for c in children))


def source_note(n: int) -> Note:
    return note(
        f"Source {n}, “NATO Pledges Stability as Ruge Ends Balkans Visit,” ",
        Emphasis((Text("Mirage News"),)),
        ", August 23, 2024, ",
        Link(
            "https://www.miragenews.com/nato-pledges-stability/",
            (Text("https://www.miragenews.com/nato-pledges-stability/"),),
        ),
        ". B2.",
    )


META = Metadata(
    title="Kosovo: country brief",
    subtitle="NATO and the Western Balkans",
    subject="kosovo",
    kind="country",
    marking="UNCLASSIFIED",
    as_of=dt.date(2024, 9, 17),
    since=dt.date(2024, 8, 18),
    author="brief",
    keywords=("Kosovo", "KFOR", "NATO"),
    source_count=5,
    generator=f"brief {__version__}",
    inputs_hash="0" * 64,
)


def rich_document(*, sections: int = 3, notes_per_section: int = 12) -> Document:
    """A document exercising every block and inline kind.

    With the defaults it runs to several pages with dozens of notes; raise
    `sections` for a long document.
    """
    blocks: list = [
        Heading(1, (Text("Key judgments"),), anchor="key-judgments"),
        ListBlock(
            (
                (
                    Paragraph(
                        (
                            Text("We assess it is "),
                            Strong((Text("likely"),)),
                            Text(" that the Ibar bridge stays closed to traffic."),
                            source_note(0),
                        )
                    ),
                ),
                (Paragraph((Text("Names: " + ", ".join(NAMES)),)),),
            )
        ),
        Paragraph((Text("Hostile text prints literally: " + HOSTILE),)),
    ]
    for s in range(1, sections + 1):
        blocks.append(Heading(1, (Text(f"Section {s}: Ulutaş and Đurić"),), anchor=f"section-{s}"))
        blocks.append(Heading(2, (Text(f"Key statements {s}"),), anchor=f"statements-{s}"))
        for i in range(notes_per_section):
            quote = QUOTES[i % len(QUOTES)]
            blocks.append(
                Paragraph(
                    (
                        Strong((Text("Boris Ruge"),)),
                        Text(", Assistant Secretary General, Belgrade, 22 August 2024:"),
                    )
                )
            )
            blocks.append(BlockQuote((Paragraph((Text(f"“{quote}”"), source_note(s * 100 + i))),)))
        blocks.append(Heading(3, (Text("Actors"),), anchor=f"actors-{s}"))
        blocks.append(
            Table(
                header=((Text("Actor"),), (Text("Role"),), (Text("Why it matters"),)),
                rows=tuple(
                    (
                        (Text(NAMES[r % len(NAMES)]),),
                        (Text("Minister of Foreign Affairs"), note(f"Role note {r}.")),
                        (Text("Meets NATO officials; "), Emphasis((Text("see statements"),))),
                    )
                    for r in range(30)
                ),
                widths=(0.25, 0.35, 0.4),
            )
        )
        blocks.append(
            ListBlock(
                (
                    (Paragraph((Text("First point"), LineBreak(), Text("second line"))),),
                    (Paragraph((Text("Second point"),)),),
                ),
                ordered=True,
            )
        )
    blocks.append(PageBreak())
    blocks.append(Heading(1, (Text("Sources"),), anchor="sources"))
    blocks.append(
        Paragraph(
            (
                Text("A very long note follows."),
                note("Long note. " + " ".join(["Lorem ipsum dolor sit amet, Vučić Ђурић."] * 60)),
                Text(" A javascript link stays plain: "),
                Link("javascript:alert(1)", (Text("do not click"),)),
            )
        )
    )
    return Document(META, tuple(blocks))


def minimal_document() -> Document:
    return Document(
        META,
        (
            Heading(1, (Text("Only"),), anchor="only"),
            Paragraph((Text("One paragraph."), note("One note."))),
        ),
    )


def long_note_document(pages: float = 2.5) -> Document:
    """A note much longer than a page, between ordinary noted paragraphs.

    The long note must start on its reference's page and continue on the
    next ones; the notes after it must still sit with their references.
    """
    sentence = "Continued note text, Đurić and Вучић, sentence {}. "
    long_text = "".join(sentence.format(i) for i in range(int(150 * pages)))
    blocks: list = [Heading(1, (Text("Long note"),), anchor="long-note")]
    for i in range(6):
        blocks.append(
            Paragraph((Text(f"Before the long note, paragraph {i}."), note(f"Short {i}.")))
        )
    blocks.append(
        Paragraph((Text("Here is the long note."), note("LONG START " + long_text + "LONG END")))
    )
    for i in range(6, 40):
        blocks.append(
            Paragraph(
                (
                    Text(
                        f"After the long note, paragraph {i}: " + "Text that fills the page. " * 6
                    ),
                    note(f"Short {i}."),
                )
            )
        )
    return Document(META, tuple(blocks))


def nested_document() -> Document:
    """Structures the rich document lacks: nested lists three levels deep, two
    numbered lists in a row (each must count from 1), a list item opening with a
    table, a multi-paragraph quote, a note in a heading, links of every kind."""
    inner = ListBlock(
        (
            (Paragraph((Text("Level three, first"),)),),
            (Paragraph((Text("Level three, second"), note("Deep note."))),),
        )
    )
    middle = ListBlock(
        (
            (Paragraph((Text("Level two, first"),)), inner),
            (Paragraph((Text("Level two, second"),)),),
        ),
        ordered=True,
    )
    return Document(
        META,
        (
            Heading(1, (Text("Lists"), note("A note in a heading.")), anchor="lists"),
            ListBlock(
                (
                    (Paragraph((Text("Level one, first"),)), middle),
                    (
                        Paragraph((Text("Level one, second"),)),
                        Paragraph((Text("A second paragraph in the item."),)),
                    ),
                )
            ),
            ListBlock(((Paragraph((Text("First list, one"),)),),), ordered=True),
            Paragraph((Text("Between the lists."),)),
            ListBlock(((Paragraph((Text("Second list, one"),)),),), ordered=True),
            ListBlock(
                (
                    (
                        Table(header=((Text("h"),),), rows=(((Text("c"),),),)),
                        Paragraph((Text("After the table."),)),
                    ),
                )
            ),
            Heading(2, (Text("Quotes and links"),), anchor="quotes"),
            BlockQuote(
                (
                    Paragraph((Text("“First paragraph of a long quote.”"),)),
                    Paragraph((Text("“Second paragraph.”"), note("Quote source."))),
                )
            ),
            Paragraph(
                (
                    Link("https://example.org/a?b=1&c=2", (Text("secure link"),)),
                    Text(", "),
                    Link("http://example.org/plain", (Text("plain http link"),)),
                    Text(", "),
                    Link("mailto:someone@example.org", (Text("mail link"),)),
                    Text(", "),
                    Link("ftp://example.org/file", (Text("ftp link"),)),
                    Text(", "),
                    Link("https://example.org/with space", (Text("spaced link"),)),
                    Text("."),
                )
            ),
        ),
    )
