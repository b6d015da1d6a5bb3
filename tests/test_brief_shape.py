"""What the reader of the shipped briefs sees (issue 11, brief side): dates at
their precision in every format, each statement printed once, reported speech
set apart from quotation, a summary on page 1, the gaps, the glossary and the
two-page note."""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from pathlib import Path

import pytest
from pypdf import PdfReader

from brief import api
from brief.assemble.compose import assemble_sections, plan
from brief.document import BlockQuote, Heading, Paragraph, plain_text
from brief.document.model import Document, ListBlock, Table

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def corpus():  # type: ignore[no-untyped-def]
    return api.load(REPO)


@pytest.fixture(scope="module")
def kosovo(corpus) -> Document:  # type: ignore[no-untyped-def]
    return api.build_document(corpus, "kosovo")


@pytest.fixture(scope="module")
def rendered(kosovo: Document) -> dict[str, str]:
    """The Kosovo brief's visible text in each format."""
    return {
        "md": api.render_bytes(kosovo, "md").decode("utf-8"),
        "docx": _docx_text(api.render_bytes(kosovo, "docx")),
        "pdf": _pdf_text(api.render_bytes(kosovo, "pdf")),
    }


def _docx_text(data: bytes) -> str:
    xml = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml").decode("utf-8")
    paragraphs = re.findall(r"<w:p[ >].*?</w:p>", xml, flags=re.S)
    return "\n".join("".join(re.findall(r"<w:t[^>]*>([^<]*)</w:t>", p)) for p in paragraphs)


def _pdf_text(data: bytes) -> str:
    text = "\n".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages)
    return " ".join(text.split())


def _flat(text: str) -> str:
    return " ".join(text.replace("\u00a0", " ").split())


@pytest.mark.parametrize("fmt", ["md", "docx", "pdf"])
def test_a_month_prints_as_the_month_and_a_range_as_a_range(
    rendered: dict[str, str], fmt: str
) -> None:
    text = _flat(rendered[fmt])
    # Rutte's remarks are dated only "October 2024" by their source.
    assert "Mark Rutte" in text and "October 2024, Brussels" in text
    # ... and never turned into the month's first (or last) day.
    assert not re.search(r"(?<!\d)1 October 2024", text)
    # NATO's release gives the visit as 16-22 August 2024.
    assert "16-22 August 2024" in text


def _body_blocks(document: Document) -> list:  # type: ignore[type-arg]
    return list(document.blocks)


def _block_texts(blocks: list) -> list[str]:  # type: ignore[type-arg]
    out: list[str] = []
    for block in blocks:
        match block:
            case Heading(children=c) | Paragraph(children=c):
                out.append(plain_text(c))
            case BlockQuote(children=children):
                out += _block_texts(list(children))
            case ListBlock(items=items):
                for item in items:
                    out += _block_texts(list(item))
            case Table(rows=rows):
                out += [plain_text(cell) for row in rows for cell in row]
    return out


def test_each_statement_of_the_period_is_printed_exactly_once(corpus, kosovo: Document) -> None:  # type: ignore[no-untyped-def]
    _brief, sections = assemble_sections(corpus, plan(corpus, "kosovo"))
    key = next(s for s in sections if s.name == "key_statements")
    printed = [s for g in [*key.groups, *key.others] for s in g.statements]
    body = _flat("\n".join(_block_texts(_body_blocks(kosovo))))
    # Every statement about Kosovo in the window, by its words (a release that
    # quotes an official holds the official's words: shown once, inside it).
    window = {s.id for s in printed} | {s.id for s in key.statements}
    assert len(window) == key.total >= 12
    for statement in printed:
        assert body.count(_flat(statement.quote or "")) == 1, statement.quote
    # Numbered once each, in print order.
    assert [s.number for s in printed] == list(range(1, len(printed) + 1))
    # No statement is printed beside a release of its source that holds its words,
    # even when its printed form names who "he" is ("[Goffus] stressed ...").
    for inner in printed:
        for outer in printed:
            same_source = {r.source for r in inner.sources} <= {r.source for r in outer.sources}
            if inner is not outer and same_source:
                words = _flat(inner.verbatim or "").strip("“”. ")
                assert words not in _flat(outer.verbatim or ""), (inner.id, outer.id)


def test_a_release_sentence_that_is_an_events_evidence_prints_once_as_the_event(
    corpus, kosovo: Document
) -> None:  # type: ignore[no-untyped-def]
    # NATO's release sentence "Tom Goffus, joined Mr. Stefano Tomat ... in separate
    # meetings" is the meeting the chronology reports: printed there only.
    body = _flat("\n".join(_block_texts(_body_blocks(kosovo))))
    meeting = corpus.extracts["twb-goffus-meetings-1"]
    sentence = corpus.extracts["twb-nato-press-office-2"]
    assert sentence.quote in meeting.evidence
    assert body.count("Stefano Tomat met the chief negotiators") == 1
    assert "joined Mr. Stefano Tomat" not in body
    _brief, sections = assemble_sections(corpus, plan(corpus, "kosovo"))
    key = next(s for s in sections if s.name == "key_statements")
    shown = {s.id for g in [*key.groups, *key.others] for s in g.statements}
    assert sentence.id not in shown


def test_reported_speech_is_never_set_as_a_quotation(kosovo: Document, rendered) -> None:  # type: ignore[no-untyped-def]
    quotes = [b for b in kosovo.blocks if isinstance(b, BlockQuote)]
    reported = [
        b
        for b in kosovo.blocks
        if isinstance(b, Paragraph) and "not verbatim:" in plain_text(b.children)
    ]
    assert quotes and reported
    assert all("not verbatim" not in _flat(plain_text(q.children[0].children)) for q in quotes)
    # In Word, quotations have the Quote style; reported speech does not.
    xml = zipfile.ZipFile(io.BytesIO(api.render_bytes(kosovo, "docx"))).read("word/document.xml")
    for paragraph in re.findall(rb"<w:p[ >].*?</w:p>", xml, flags=re.S):
        if b"not verbatim:" in paragraph:
            assert b'w:val="Quote"' not in paragraph


def test_page_one_opens_with_the_summary(kosovo: Document) -> None:
    headings = [plain_text(b.children) for b in kosovo.blocks if isinstance(b, Heading)]
    assert headings[:2] == ["Summary", "Key judgments"]
    first = PdfReader(io.BytesIO(api.render_bytes(kosovo, "pdf"))).pages[0].extract_text()
    assert "Kosovo: country brief" in first and "Summary" in first and "Key judgment 1" in first


def test_gaps_name_the_voices_missing_from_the_period(kosovo: Document) -> None:
    md = api.render_bytes(kosovo, "md").decode("utf-8")
    gaps = md.split("# Gaps in the reporting", 1)[1].split("\n# ", 1)[0]
    assert "No government or official of Kosovo or Serbia is quoted" in gaps


def test_the_glossary_lists_exactly_the_abbreviations_the_brief_uses(
    corpus, kosovo: Document
) -> None:  # type: ignore[no-untyped-def]
    texts = _block_texts(_body_blocks(kosovo))
    start = texts.index("Abbreviations")
    end = texts.index("Sources", start)
    listed = {line.split(":", 1)[0] for line in texts[start + 1 : end]}
    body = "\n".join(texts[:start] + texts[end:])
    used = {
        abbreviation
        for abbreviation in corpus.glossary()
        if re.search(rf"(?<![\w-]){re.escape(abbreviation)}(?![\w-])", body)
    }
    assert listed == used and {"KFOR", "EULEX", "NATO"} <= listed


def test_the_note_fits_two_pages_beside_the_full_brief(tmp_path: Path) -> None:
    written = api.render("kosovo", ["pdf"], workspace=REPO, out=tmp_path, profile="note")
    full = api.render("kosovo", ["pdf"], workspace=REPO, out=tmp_path)
    assert written[0].name.endswith("_note.pdf") and written[0] != full[0]
    assert len(PdfReader(written[0]).pages) <= 2 < len(PdfReader(full[0]).pages)
    text = _pdf_text(written[0].read_bytes())
    assert "Summary and key judgments" in text and "Key statements" in text
    assert "(5)" in text and "(6)" not in text  # the five most relevant statements


def test_front_matter_comes_from_the_workspace_and_the_briefing(tmp_path: Path) -> None:
    from shipped_workspace import copy_shipped_workspace

    ws = copy_shipped_workspace(tmp_path / "ws", keep=("kosovo",))
    (ws / "briefings" / "_workspace.yaml").write_text(
        "front_matter:\n  issuing_unit: Western Balkans desk\n"
        "  disclaimer: Open sources only; not an official position.\n",
        encoding="utf-8",
    )
    briefing = ws / "briefings" / "kosovo.yaml"
    text = briefing.read_text(encoding="utf-8").split("front_matter:")[0]  # the shipped one, if any
    briefing.write_text(text + "front_matter:\n  reference: WB-2024-117\n", encoding="utf-8")
    document = api.brief_document("kosovo", workspace=ws)
    assert dict(document.meta.front) == {
        "Issued by": "Western Balkans desk",
        "Reference": "WB-2024-117",
        "Date of issue": "31 October 2024",
    }
    for fmt, text in (
        ("md", api.render_bytes(document, "md").decode("utf-8")),
        ("docx", _docx_text(api.render_bytes(document, "docx"))),
        ("pdf", _pdf_text(api.render_bytes(document, "pdf"))),
    ):
        flat = _flat(text)
        for words in ("Western Balkans desk", "WB-2024-117", "not an official position"):
            assert words in flat, (fmt, words)
        assert "Information as of: reporting up to" in flat or fmt == "pdf", fmt


def test_gaps_read_as_sentences_for_one_event_and_a_general_judgment(corpus) -> None:  # type: ignore[no-untyped-def]
    # Montenegro's reporting is one visit and one judgment without an issue.
    md = api.render_bytes(api.build_document(corpus, "montenegro"), "md").decode("utf-8")
    gaps = md.split("# Gaps in the reporting", 1)[1].split("\n# ", 1)[0]
    assert "The one event or fact rests on a single source." in gaps
    assert "The judgment on the general outlook rests on one source alone." in gaps
    assert "1 of the 1" not in gaps


def _section(corpus, name: str):  # type: ignore[no-untyped-def]
    _brief, sections = assemble_sections(corpus, plan(corpus, "kosovo"))
    return next(s for s in sections if s.name == name)


def test_a_fact_told_in_a_printed_statement_is_shown_by_that_statement(
    corpus, kosovo: Document
) -> None:  # type: ignore[no-untyped-def]
    # "Ruge said Vučić told NATO to expect continuity ..." is Ruge's own
    # "he told us that we can expect continuity ...", printed as a statement.
    fact = corpus.extracts["rks-vucic-continuity-1"]
    said = corpus.extracts["rks-ruge-4"]
    assert said.quote in fact.evidence
    body = _flat("\n".join(_block_texts(_body_blocks(kosovo))))
    assert fact.summary not in body
    key = _section(corpus, "key_statements")
    number = next(s.number for g in key.others for s in g.statements if s.id == said.id)
    issues = _section(corpus, "open_issues")
    accountability = next(i for i in issues.issues if "2023 attacks" in i.title)
    assert accountability.latest.id == said.id
    assert accountability.latest.see == f"statement {number}"
    chronology = _section(corpus, "chronology")
    assert all(e.id != fact.id and e.kind != "statement" for e in chronology.events)


@pytest.mark.parametrize("fmt", ["md", "docx", "pdf"])
def test_a_quotes_pronoun_is_named_in_brackets_and_the_words_stay_whole(
    corpus, rendered: dict[str, str], fmt: str
) -> None:  # type: ignore[no-untyped-def]
    said = corpus.extracts["rks-ruge-4"]
    assert said.refers_to == "aleksandar-vucic" and "[" not in said.quote
    text = _flat(rendered[fmt]).replace("\\[", "[").replace("\\]", "]")
    assert "Well, he [Vučić] told us that we can expect continuity" in text


def test_the_summary_gives_an_issue_no_bullet_of_its_own_when_a_key_judgment_covers_it(
    corpus,
) -> None:  # type: ignore[no-untyped-def]
    summary = _section(corpus, "summary")
    judged = {t for p in summary.points if p.judgment for t in p.judgment.issues}
    issues = [p.issue.title for p in summary.points if p.issue]
    assert judged and issues
    assert not judged & set(issues)
    assert 3 <= len(summary.points) <= 5


def test_a_speakers_role_is_printed_where_key_actors_does_not_already_give_it(
    kosovo: Document,
) -> None:  # type: ignore[no-untyped-def]
    md = api.render_bytes(kosovo, "md").decode("utf-8")
    actors = md.split("# Key actors", 1)[1].split("\n# ", 1)[0]
    statements = md.split("# Key statements", 1)[1].split("\n# Open issues", 1)[0]
    # Rutte's role is in Key actors: his attributions give his name only.
    assert "| **Mark Rutte** | Secretary General, NATO" in actors
    assert "**Mark Rutte**; October 2024" in statements
    assert "**Mark Rutte**, Secretary General" not in statements
    # Ruge spoke in August as Assistant Secretary General, not in the role Key
    # actors gives (acting Deputy Secretary General from September): printed.
    assert "| **Boris Ruge** | Acting Deputy Secretary General, NATO" in actors
    assert "**Boris Ruge**, Assistant Secretary General for Political Affairs" in statements


def test_a_role_whose_title_names_its_organisation_does_not_repeat_it(
    kosovo: Document,
) -> None:
    md = api.render_bytes(kosovo, "md").decode("utf-8")
    assert "EU Special Representative for the Belgrade-Pristina Dialogue" in md
    assert "Western Balkans issues, European Union" not in md


def test_an_issue_names_its_latest_statement_once_when_the_assessment_is_of_its_day(
    corpus, kosovo: Document
) -> None:  # type: ignore[no-untyped-def]
    # The Partnership for Peace is assessed in October 2024 from Smith's remarks
    # of October 2024: the issue gives the assessment and the statement's number,
    # not a "Latest development" line repeating both.
    md = api.render_bytes(kosovo, "md").decode("utf-8")
    pfp = md.split("## Kosovo and NATO's Partnership for Peace", 1)[1].split("\n## ", 1)[0]
    key = _section(corpus, "key_statements")
    smith = next(s for g in key.others for s in g.statements if s.id == "n1-smith-1")
    assert "**Assessed October 2024:**" in pfp
    assert "Latest development" not in pfp
    assert f"Statement {smith.number} bears on it." in pfp
    # A latest development printed elsewhere as an event (the release on the
    # 17 September meetings, in the Chronology) keeps its own line.
    early = api.build_document(corpus, "kosovo", as_of=dt.date(2024, 9, 22))
    md = api.render_bytes(early, "md").decode("utf-8")
    dialogue = md.split("## The EU-facilitated Belgrade-Pristina dialogue", 1)[1].split("\n## ")[0]
    assert "**Latest development (17 September 2024):** NATO Press office (see Chronology)." in (
        dialogue
    )
