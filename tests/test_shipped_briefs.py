"""The Kosovo and Boris Ruge briefs from the shipped corpus: every section
filled, every statement footnoted, and the Markdown written atomically."""

from __future__ import annotations

from pathlib import Path

import pytest

from brief import api
from brief.assemble.compose import assemble_sections, plan
from brief.assemble.subjects import resolve_subject
from brief.document import BlockQuote, Heading, ListBlock, Note, Paragraph, Table, plain_text
from brief.document.model import iter_inlines
from brief.render.markdown import render_text

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def corpus():  # type: ignore[no-untyped-def]
    return api.load(REPO)


@pytest.mark.parametrize("query", ["kosovo", "Kosovo", "ruge", "Boris Ruge", "boris-ruge"])
def test_issue_spellings_resolve(corpus, query: str) -> None:  # type: ignore[no-untyped-def]
    expected = "kosovo" if "osovo" in query else "boris-ruge"
    assert resolve_subject(corpus, query).actor.id == expected


@pytest.mark.parametrize("subject", ["kosovo", "boris-ruge"])
def test_every_section_is_filled(corpus, subject: str) -> None:  # type: ignore[no-untyped-def]
    _brief, sections = assemble_sections(corpus, plan(corpus, subject))
    for section in sections:
        contents = [v for k, v in section if isinstance(v, list)]
        assert any(contents), f"{subject}: section {section.name} is empty"


def _has_note(children) -> bool:  # type: ignore[no-untyped-def]
    return any(isinstance(n, Note) for n in iter_inlines(children))


@pytest.mark.parametrize("subject", ["kosovo", "boris-ruge"])
def test_every_statement_is_footnoted(corpus, subject: str) -> None:  # type: ignore[no-untyped-def]
    document = api.build_document(corpus, subject)
    quotes = [b for b in document.blocks if isinstance(b, BlockQuote)]
    assert len(quotes) >= 5
    for quote in quotes:
        assert _has_note(quote.children[0].children), plain_text(quote.children[0].children)
    tables = [b for b in document.blocks if isinstance(b, Table)]
    for table in tables:
        if plain_text(table.header[0]) == "Date":  # chronology: one event per row
            assert all(_has_note(row[2]) for row in table.rows)
    lists = [b for b in document.blocks if isinstance(b, ListBlock)]
    assert lists


def test_quotes_are_verbatim_in_their_sources(corpus) -> None:  # type: ignore[no-untyped-def]
    _brief, sections = assemble_sections(corpus, plan(corpus, "kosovo"))
    statements = next(s for s in sections if s.name == "key_statements").statements
    for statement in statements:
        texts = [corpus.texts[ref.source] for ref in statement.sources]
        assert any(statement.quote in text for text in texts), statement.quote


def test_ruge_roles_change_on_10_september_2024(corpus) -> None:  # type: ignore[no-untyped-def]
    document = api.build_document(corpus, "ruge")
    md = render_text(document)
    assert "Acting Deputy Secretary General, NATO" in document.meta.subtitle
    assert "as Assistant Secretary General for Political Affairs and Security Policy" in md
    assert "since 10 September 2024" in md


def test_markdown_brief_is_written(corpus, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    document = api.build_document(corpus, "kosovo")
    path = api.write_document(document, "md", tmp_path / "kosovo.md")
    text = path.read_text(encoding="utf-8")
    assert text.startswith('---\ntitle: "Kosovo: country brief"')
    headings = [plain_text(b.children) for b in document.blocks if isinstance(b, Heading)]
    for heading in (
        "Key judgments",
        "Key actors",
        "Key statements",
        "Open issues",
        "Outlook",
        "Chronology",
        "Sources",
    ):
        assert heading in headings
        assert f"# {heading}\n" in text
    assert "[^1]: " in text
    assert not [b for b in document.blocks if isinstance(b, Paragraph) and not b.children]
