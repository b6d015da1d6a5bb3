"""`brief export`: the brief as JSON (with its schema), its sources as CSL-JSON, STIX 2.1."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner

from brief import api
from brief.cli import app
from shipped_workspace import REPO, copy_shipped_workspace

runner = CliRunner()


@pytest.fixture(scope="module")
def ws(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return copy_shipped_workspace(tmp_path_factory.mktemp("export") / "ws", keep=("kosovo",))


def _export(ws: Path, to: str, **options: object) -> object:
    return json.loads(api.export_bytes("kosovo", to, workspace=ws, **options))


def test_json_export_follows_its_schema_and_holds_the_brief(ws: Path) -> None:
    data = _export(ws, "json")
    schema = json.loads((REPO / "schemas" / "export.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(data, schema, format_checker=jsonschema.FormatChecker())
    assert data["version"] == 1 and data["brief"]["subject_id"] == "kosovo"
    names = [section["name"] for section in data["sections"]]
    assert names[:2] == ["summary", "key_judgments"] and "key_statements" in names
    # Every grade an item carries points at a source the export lists.
    listed = {source["id"] for source in data["sources"]}
    cited = {ref["source"] for ref in _refs(data["sections"])}
    assert cited and cited <= listed
    # The notes are the footnotes as printed: as many as the Markdown brief has.
    markdown = api.render_bytes(api.brief_document("kosovo", workspace=ws), "md").decode()
    assert len(data["notes"]) == markdown.count("\n[^") and data["notes"][0]["number"] == 1
    # Nothing dated after the cut-off: an access date later than as-of is left out.
    as_of = data["brief"]["as_of"]
    assert all(s["accessed"] is None or s["accessed"] <= as_of for s in data["sources"])


def _refs(value: object) -> list[dict]:
    if isinstance(value, dict):
        found = [value] if set(value) == {"source", "grade"} else []
        return found + [r for v in value.values() for r in _refs(v)]
    if isinstance(value, list):
        return [r for v in value for r in _refs(v)]
    return []


def test_csl_json_keeps_what_the_records_say_and_no_more(ws: Path) -> None:
    items = _export(ws, "csl-json")
    corpus = api.load(ws)
    assert isinstance(items, list) and items
    for item in items:
        source = corpus.sources[item["id"]]
        assert item["title"] == source.title and item["container-title"] == source.outlet
        parts = item["issued"]["date-parts"][0]
        if source.published_precision.value == "month":
            assert parts == [source.published.year, source.published.month]
        else:
            assert parts == [source.published.year, source.published.month, source.published.day]
        assert item["issued"].get("circa", False) == (
            source.published_precision.value == "approximate"
        )
        assert item.get("URL") == source.url
        if source.author:
            assert item["author"] == [{"literal": source.author}]
    kinds = {corpus.sources[i["id"]].kind.value: i["type"] for i in items}
    assert kinds["news_report"] == "article-newspaper" and kinds["official_release"] == "report"


def test_stix_bundle_parses_with_stix2_and_links_notes_to_sources(ws: Path) -> None:
    import stix2

    text = api.export_bytes("kosovo", "stix", workspace=ws, marking="TLP:CLEAR")
    bundle = stix2.parse(text.decode("utf-8"), allow_custom=False)
    by_type: dict[str, list] = {}
    for obj in bundle.objects:
        by_type.setdefault(obj.type, []).append(obj)
    (report,) = by_type["report"]
    assert report.name == "Kosovo: country brief"
    assert {o.id for o in by_type["identity"] + by_type["note"]} == set(report.object_refs)
    assert report.object_marking_refs == [stix2.TLP_WHITE.id]
    corpus = api.load(ws)
    names = {o.name for o in by_type["identity"]}
    assert "Kosovo" in names and "Boris Ruge" in names
    for note in by_type["note"]:
        assert report.id in note.object_refs
        for ref in note.external_references:
            source = corpus.sources[ref.external_id]
            assert ref.source_name == source.outlet
            assert ref.get("url") == source.url
    quotes = [s.quote for s in corpus.extracts.values() if getattr(s, "quote", None)]
    assert any(q in note.content for note in by_type["note"] for q in quotes)


def test_exports_are_byte_identical_and_go_to_stdout(ws: Path, tmp_path: Path) -> None:
    result = runner.invoke(app, ["export", "kosovo", "--to", "stix", "-w", str(ws), "-o", "-"])
    assert result.exit_code == 0, result.output
    assert result.stdout_bytes == api.export_bytes("kosovo", "stix", workspace=ws)
    result = runner.invoke(app, ["export", "kosovo", "-w", str(ws), "-o", str(tmp_path)])
    assert result.exit_code == 0, result.output
    written = Path(result.stdout.strip())
    assert written.name.startswith("kosovo_") and written.name.endswith(".json")
    assert written.read_bytes() == api.export_bytes("kosovo", "json", workspace=ws)


def test_markdown_goes_to_stdout_and_pdf_does_not(ws: Path, tmp_path: Path) -> None:
    result = runner.invoke(app, ["kosovo", "-f", "md", "-w", str(ws), "-o", "-"])
    assert result.exit_code == 0, result.output
    (path,) = api.render("kosovo", ["md"], workspace=ws, out=tmp_path)
    assert result.stdout_bytes == path.read_bytes()
    result = runner.invoke(app, ["kosovo", "-f", "pdf", "-w", str(ws), "-o", "-"])
    assert result.exit_code == 2
    assert "error: --out: - (standard output) takes --format md only" in result.output


def test_unknown_export_format_is_refused(ws: Path) -> None:
    result = runner.invoke(app, ["export", "kosovo", "--to", "ris", "-w", str(ws)])
    assert result.exit_code == 2 and "--to" in result.output
