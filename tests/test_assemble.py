"""The assembler: what a brief holds for a subject and a date window."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from brief.assemble import build_document
from brief.assemble.compose import assemble_sections, plan
from brief.document import (
    BlockQuote,
    Document,
    Heading,
    ListBlock,
    Note,
    Paragraph,
    Table,
    numbered_notes,
    plain_text,
)
from brief.document.model import iter_inlines
from brief.errors import InvalidInput
from brief.render.markdown import render_text
from memory_corpus import AS_OF, HOSTILE_LINE_START, HOSTILE_QUOTE, build_corpus

SINCE = dt.date(2024, 8, 1)


@pytest.fixture
def corpus(tmp_path: Path):  # type: ignore[no-untyped-def]
    return build_corpus(tmp_path)


def sections(corpus, subject: str, **dates):  # type: ignore[no-untyped-def]
    _brief, built = assemble_sections(corpus, plan(corpus, subject, **dates))
    return {s.name: s for s in built}


def all_text(document: Document) -> str:
    """Visible text of every block, notes included."""
    parts: list[str] = []

    def inlines(children) -> None:  # type: ignore[no-untyped-def]
        parts.append(plain_text(children))
        for node in iter_inlines(children):
            if isinstance(node, Note):
                parts.append(plain_text(node.children))

    def walk(block) -> None:  # type: ignore[no-untyped-def]
        match block:
            case Heading(children=c) | Paragraph(children=c):
                inlines(c)
            case ListBlock(items=items):
                for item in items:
                    for sub in item:
                        walk(sub)
            case BlockQuote(children=children):
                for sub in children:
                    walk(sub)
            case Table(header=header, rows=rows):
                for row in (header, *rows):
                    for cell in row:
                        inlines(cell)

    for block in document.blocks:
        walk(block)
    return "\n".join(parts)


def section_blocks(document: Document, heading: str) -> list:  # type: ignore[type-arg]
    blocks = list(document.blocks)
    start = next(
        i
        for i, b in enumerate(blocks)
        if isinstance(b, Heading) and b.level == 1 and plain_text(b.children) == heading
    )
    end = next(
        (
            i
            for i in range(start + 1, len(blocks))
            if isinstance(blocks[i], Heading) and blocks[i].level == 1
        ),
        len(blocks),
    )
    return blocks[start + 1 : end]


def test_nothing_dated_after_the_cut_off_appears(corpus) -> None:  # type: ignore[no-untyped-def]
    for subject in ("kosovo", "boris-ruge"):
        text = all_text(build_document(corpus, subject, as_of=AS_OF, since=SINCE))
        assert "after the cut-off" not in text  # statement, event, issue status
        assert "deal on the bridge" not in text  # judgment made after the cut-off
        assert "RFE/RL" not in text  # source only used after the cut-off


def test_default_as_of_is_the_newest_extract_and_window_comes_from_briefing(corpus) -> None:  # type: ignore[no-untyped-def]
    document = build_document(corpus, "kosovo")
    assert document.meta.as_of == dt.date(2024, 9, 21)
    assert document.meta.since == dt.date(2024, 9, 21) - dt.timedelta(days=60)
    serbia = build_document(corpus, "serbia")  # no briefing: 30 days
    assert serbia.meta.since == dt.date(2024, 9, 21) - dt.timedelta(days=30)


def test_since_limits_the_window(corpus) -> None:  # type: ignore[no-untyped-def]
    built = sections(corpus, "kosovo", as_of=AS_OF, since=dt.date(2024, 9, 1))
    dates = [s.date for s in built["key_statements"].statements]
    assert dates and min(dates) >= dt.date(2024, 9, 1)
    assert all(e.date >= dt.date(2024, 9, 1) for e in built["chronology"].events)


def test_since_after_as_of_is_invalid(corpus) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(InvalidInput, match="after the cut-off"):
        build_document(corpus, "kosovo", as_of=SINCE, since=AS_OF)


@pytest.mark.parametrize("marking", ["NATO UNCLASSIFIED", "nato restricted", "COSMIC TOP SECRET"])
def test_nato_markings_are_refused(corpus, marking: str) -> None:  # type: ignore[no-untyped-def]
    # The rule `brief validate` applies to briefing files, for callers of the API too.
    with pytest.raises(InvalidInput, match="is a NATO security marking"):
        build_document(corpus, "kosovo", marking=marking)
    assert build_document(corpus, "kosovo", marking="TLP:CLEAR").meta.marking == "TLP:CLEAR"


def test_each_statement_shows_the_speakers_role_on_its_date(corpus) -> None:  # type: ignore[no-untyped-def]
    statements = sections(corpus, "kosovo", as_of=AS_OF, since=SINCE)["key_statements"].statements
    roles = {s.date: s.speaker_role for s in statements if s.speaker_id == "boris-ruge"}
    assert roles[dt.date(2024, 8, 22)].startswith("Assistant Secretary General")
    assert roles[dt.date(2024, 9, 13)] == "Acting Deputy Secretary General, NATO"


def test_person_brief_shows_roles_as_held_at_the_cut_off(corpus) -> None:  # type: ignore[no-untyped-def]
    august = build_document(corpus, "Boris Ruge", as_of=dt.date(2024, 8, 31), since=SINCE)
    assert august.meta.subtitle.startswith("Assistant Secretary General")
    positions = section_blocks(august, "Positions held")
    assert "Acting Deputy Secretary General" not in "".join(
        plain_text(p.children) for item in positions[0].items for p in item
    )
    september = build_document(corpus, "Boris Ruge", as_of=AS_OF, since=SINCE)
    assert september.meta.subtitle == "Acting Deputy Secretary General, NATO"
    md = render_text(september)
    # Only what the sources give: the appointment and the last report, never "held on".
    assert (
        "**Acting Deputy Secretary General, NATO**: appointed 10 September 2024; last reported"
        in md
    )
    assert "held on" not in md.split("# Positions held")[1].split("\n# ")[0]


def test_same_quote_from_two_sources_is_one_statement_with_both(corpus) -> None:  # type: ignore[no-untyped-def]
    statements = sections(corpus, "kosovo", as_of=AS_OF, since=SINCE)["key_statements"].statements
    kfor = [s for s in statements if s.quote and s.quote.startswith("KFOR")]
    by_speaker = {s.speaker_id: s for s in kfor}
    assert len(kfor) == 2  # Ruge (two sources) and Kurti (same words, other speaker)
    assert {r.source for r in by_speaker["boris-ruge"].sources} == {"src-1", "src-2"}
    assert [r.source for r in by_speaker["albin-kurti"].sources] == ["src-3"]


def test_merged_statement_footnote_cites_both_sources(corpus) -> None:  # type: ignore[no-untyped-def]
    document = build_document(corpus, "kosovo", as_of=AS_OF, since=SINCE)
    quotes = [b for b in section_blocks(document, "Key statements") if isinstance(b, BlockQuote)]
    ruge = next(q for q in quotes if "KFOR will remain" in plain_text(q.children[0].children))
    note = next(n for n in iter_inlines(ruge.children[0].children) if isinstance(n, Note))
    text = plain_text(note.children)
    assert "NATO" in text and "Mirage News" in text
    assert "(A2)" in text and "(B2)" in text


def test_every_statement_event_and_judgment_is_footnoted(corpus) -> None:  # type: ignore[no-untyped-def]
    document = build_document(corpus, "kosovo", as_of=AS_OF, since=SINCE)
    for heading in ("Key statements",):
        for block in section_blocks(document, heading):
            if isinstance(block, BlockQuote):
                assert any(isinstance(n, Note) for n in iter_inlines(block.children[0].children))
    chronology = next(b for b in section_blocks(document, "Chronology") if isinstance(b, Table))
    # an event printed in another section is referred to there, not cited again
    assert all(
        any(isinstance(n, Note) for n in row[2]) or plain_text(row[2]).startswith("See ")
        for row in chronology.rows
    )
    # A key judgment is worded, and footnoted, once: in the summary; its section
    # gives the basis, assumption and indicators without citing the same sources again.
    summary = next(b for b in section_blocks(document, "Summary") if isinstance(b, ListBlock))
    judged = [i for i in summary.items if plain_text(i[0].children).startswith("Key judgment")]
    assert judged
    for item in judged:
        assert any(isinstance(n, Note) for n in iter_inlines(item[0].children))
    key = next(b for b in section_blocks(document, "Key judgments") if isinstance(b, ListBlock))
    assert len(key.items) == len(judged)
    for item in key.items:
        assert not any(isinstance(n, Note) for n in iter_inlines(item[0].children))


def test_first_citation_is_full_later_ones_short(corpus) -> None:  # type: ignore[no-untyped-def]
    document = build_document(corpus, "kosovo", as_of=AS_OF, since=SINCE)
    notes = [plain_text(n.children) for _, n in numbered_notes(document)]
    full = [n for n in notes if "Jane Doe" in n]
    assert len(full) == 1  # author, title, outlet, date, URL once ...
    # Dates as the text words them, short titles of four significant words (issue 12).
    assert "13 September 2024" in full[0] and "https://example.org/news/report_2" in full[0]
    first = notes.index(full[0])
    later = [n for n in notes[first + 1 :] if "Mirage News" in n]
    assert later and all(
        "“Report number 2 on Kosovo,” Mirage News" in n for n in later
    )  # ... then short


def test_key_judgments_come_first_with_confidence_in_its_own_sentence(corpus) -> None:  # type: ignore[no-untyped-def]
    document = build_document(corpus, "kosovo", as_of=AS_OF, since=SINCE)
    headings = [plain_text(b.children) for b in document.blocks if isinstance(b, Heading)]
    assert headings[:2] == ["Summary", "Key judgments"]  # the bottom line up front
    md = render_text(document)
    assert "We assess: KFOR will very likely stay at its current strength." in md
    # "Confidence: moderate." is a sentence of its own; its basis follows.
    assert "Confidence: moderate. Two official sources agree" in md


def test_empty_section_says_so_plainly(corpus) -> None:  # type: ignore[no-untyped-def]
    document = build_document(corpus, "kosovo", as_of=AS_OF, since=dt.date(2024, 9, 14))
    chronology = section_blocks(document, "Chronology")
    assert [plain_text(b.children) for b in chronology] == [
        "No events concerning Kosovo were recorded between 14 September 2024 and 15 September 2024."
    ]
    judgments = section_blocks(build_document(corpus, "serbia", as_of=AS_OF), "Key judgments")
    assert "No key judgments on Serbia" in plain_text(judgments[0].children)


def test_hostile_characters_print_literally_in_document_and_markdown(corpus) -> None:  # type: ignore[no-untyped-def]
    document = build_document(corpus, "kosovo", as_of=AS_OF, since=SINCE)
    quotes = [
        plain_text(b.children[0].children)
        for b in section_blocks(document, "Key statements")
        if isinstance(b, BlockQuote)
    ]
    # the Document holds the words as written, numbered for reference
    assert any(q.endswith(f") “{HOSTILE_QUOTE}”") for q in quotes)
    blocks = section_blocks(document, "Key statements")
    reported = [plain_text(b.children) for b in blocks if isinstance(b, Paragraph)]
    assert any(f"not verbatim: {HOSTILE_LINE_START}" in r for r in reported)
    markdown = render_text(document)
    from brief.document.from_markdown import parse_markdown

    reread = parse_markdown(markdown)
    reread_quotes = [
        plain_text(b.children[0].children) for b in reread if isinstance(b, BlockQuote)
    ]
    # and the Markdown file reads back the same
    assert any(q.endswith(f") “{HOSTILE_QUOTE}”") for q in reread_quotes)
    assert "{{ brief.title }}" in markdown  # never evaluated as template code
    assert "Kosovo: country brief }}" not in markdown
    assert "<b>" not in markdown.replace("\\<b\\>", "")  # never raw HTML


def test_document_metadata(corpus) -> None:  # type: ignore[no-untyped-def]
    meta = build_document(corpus, "kosovo", as_of=AS_OF, since=SINCE).meta
    assert (meta.title, meta.subject, meta.kind, meta.marking) == (
        "Kosovo: country brief",
        "Kosovo",
        "country",
        "UNCLASSIFIED",
    )
    assert (meta.as_of, meta.since) == (AS_OF, SINCE)
    assert meta.source_count == 3
    assert meta.generator.startswith("brief ")
    assert len(meta.inputs_hash) == 64
    assert "Kosovo" in meta.keywords


def test_same_inputs_same_document(corpus) -> None:  # type: ignore[no-untyped-def]
    one = build_document(corpus, "kosovo", as_of=AS_OF, since=SINCE)
    two = build_document(corpus, "kosovo", as_of=AS_OF, since=SINCE)
    assert one == two
    assert render_text(one) == render_text(two)


def test_briefing_sections_choose_and_order_the_sections(corpus) -> None:  # type: ignore[no-untyped-def]
    from brief.corpus.models import Briefing

    corpus.briefings["kosovo"] = Briefing(
        subject="kosovo", kind="country", title="Kosovo weekly", sections=["chronology", "actors"]
    )
    document = build_document(corpus, "kosovo", as_of=AS_OF, since=SINCE)
    headings = [plain_text(b.children) for b in document.blocks if isinstance(b, Heading)]
    assert headings == ["Chronology", "Key actors"]
    assert document.meta.title == "Kosovo weekly"


def test_text_never_holds_markdown_syntax_of_the_templates(corpus) -> None:  # type: ignore[no-untyped-def]
    document = build_document(corpus, "boris-ruge", as_of=AS_OF, since=SINCE)
    text = all_text(document)
    for leftover in ("**", "[^", "{{", "{%", "\\pagebreak"):
        assert leftover not in text


class CountingDict(dict):  # type: ignore[type-arg]
    """Counts full scans of the extracts."""

    scans = 0

    def values(self):  # type: ignore[no-untyped-def]
        CountingDict.scans += 1
        return super().values()

    def __iter__(self):  # type: ignore[no-untyped-def]
        CountingDict.scans += 1
        return super().__iter__()


def test_selection_goes_through_the_index_not_a_scan_per_section(corpus) -> None:  # type: ignore[no-untyped-def]
    corpus.extracts = CountingDict(corpus.extracts)
    CountingDict.scans = 0
    for subject in ("kosovo", "boris-ruge", "serbia", "albin-kurti"):
        build_document(corpus, subject, as_of=AS_OF, since=SINCE)
    assert CountingDict.scans == 1  # the index is built once, then only looked up
