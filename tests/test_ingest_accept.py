"""Accepting reviewed candidates into hand-curated files, and reading drafts."""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from brief.cli import app
from brief.corpus import load_corpus
from brief.corpus.models import DraftFile, DraftStatement, Event
from brief.ingest import yamlio
from brief.ingest.append import CannotAppend, append_records
from brief.ingest.draft import build_draft
from ingest_helpers import make_workspace
from shipped_workspace import copy_shipped_workspace

SOURCE = "rks-ruge-n1-interview-2024-08"
NEW_PASSAGE = (
    "He highlighted NATO’s role in maintaining stability in Kosovo and conveyed the message "
    "he delivered to Serbian President Aleksandar Vučić."
)


def run(*args: str):
    return CliRunner().invoke(app, list(args), env={"CI": "true"})


def _statement(text: str, passage: str, **fields) -> DraftStatement:
    start = text.index(passage)
    values = {
        "id": "rks-ruge-accepted-1",
        "accept": True,
        "start": start,
        "end": start + len(passage),
        "found_by": "test",
        "quote": passage,
        "speaker": "boris-ruge",
        "mode": "indirect",
        "refers_to": "boris-ruge",  # the passage opens "He highlighted ..."
        "occasion": "interview with N1",
        "date": dt.date(2024, 8, 22),
        "date_precision": "approximate",
        "subjects": ["boris-ruge", "kosovo"],
        "credibility": 2,
        **fields,
    }
    return DraftStatement.model_validate(values)


def _write_draft(ws: Path, source: str, statements: list[DraftStatement]) -> Path:
    text = (ws / "seeds" / "texts" / f"{source}.txt").read_bytes()
    draft = DraftFile(
        source=source,
        sha256=hashlib.sha256(text).hexdigest(),
        proposed_by="brief test",
        statements=statements,
    )
    path = ws / "seeds" / "drafts" / f"{source}.yaml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(yamlio.dump(draft.model_dump(mode="python"), schema="draft"))
    return path


def test_accepting_into_a_curated_file_keeps_its_items_comments_and_indentation(
    tmp_path: Path,
) -> None:
    ws = copy_shipped_workspace(tmp_path / "ws")
    extracts = ws / "seeds" / "extracts" / f"{SOURCE}.yaml"
    before = extracts.read_text(encoding="utf-8")
    old_ids = [item["id"] for item in yaml.safe_load(before)["extracts"]]
    text = (ws / "seeds" / "texts" / f"{SOURCE}.txt").read_text(encoding="utf-8")
    _write_draft(ws, SOURCE, [_statement(text, NEW_PASSAGE)])

    accepted = run("extract", SOURCE, "--accept", "-w", str(ws))

    assert accepted.exit_code == 0, accepted.output
    assert run("validate", "-w", str(ws)).exit_code == 0
    after = extracts.read_text(encoding="utf-8")
    # The analyst's text is untouched: comments, blank lines, quoting, order.
    assert after.startswith(before)
    comments = [line for line in before.splitlines() if line.lstrip().startswith("#")]
    assert comments and all(line in after.splitlines() for line in comments)
    items = yaml.safe_load(after)["extracts"]
    assert [item["id"] for item in items] == [*old_ids, "rks-ruge-accepted-1"]
    assert yaml.safe_load(before)["extracts"] == items[:-1]
    # Indented like the curated items, separated by a blank line like them.
    assert "\n\n  - id: rks-ruge-accepted-1\n    kind: statement\n" in after
    assert load_corpus(ws).extracts["rks-ruge-accepted-1"].quote == NEW_PASSAGE


def test_every_field_the_analyst_reviewed_is_what_is_accepted(tmp_path: Path) -> None:
    ws = copy_shipped_workspace(tmp_path / "ws")
    text = (ws / "seeds" / "texts" / f"{SOURCE}.txt").read_text(encoding="utf-8")
    reviewed = _statement(
        text, NEW_PASSAGE, location="Pristina, Kosovo", note="Checked against the video."
    )
    _write_draft(ws, SOURCE, [reviewed])

    assert run("extract", SOURCE, "--accept", "-w", str(ws)).exit_code == 0

    accepted = load_corpus(ws).extracts["rks-ruge-accepted-1"]
    shared = set(DraftStatement.model_fields) & set(type(accepted).model_fields)
    assert shared >= {"quote", "speaker", "mode", "refers_to", "location", "note", "subjects"}
    assert {f: getattr(accepted, f) for f in shared} == {f: getattr(reviewed, f) for f in shared}
    assert accepted.source == SOURCE


def test_a_quote_retyped_with_straight_quotes_is_accepted_as_verbatim(tmp_path: Path) -> None:
    ws = copy_shipped_workspace(tmp_path / "ws")
    text = (ws / "seeds" / "texts" / f"{SOURCE}.txt").read_text(encoding="utf-8")
    retyped = NEW_PASSAGE.replace("’", "'")
    _write_draft(ws, SOURCE, [_statement(text, NEW_PASSAGE, quote=retyped)])

    accepted = run("extract", SOURCE, "--accept", "-w", str(ws))

    assert accepted.exit_code == 0, accepted.output
    assert run("validate", "-w", str(ws)).exit_code == 0


def test_an_invalid_result_names_the_file_and_writes_nothing(tmp_path: Path) -> None:
    ws = copy_shipped_workspace(tmp_path / "ws")
    text = (ws / "seeds" / "texts" / f"{SOURCE}.txt").read_text(encoding="utf-8")
    # A date years before the source was published: validation refuses it.
    _write_draft(ws, SOURCE, [_statement(text, NEW_PASSAGE, date=dt.date(2012, 1, 1))])
    before = {p: p.read_bytes() for p in (ws / "seeds").rglob("*") if p.is_file()}

    result = run("extract", SOURCE, "--accept", "-w", str(ws))

    assert result.exit_code == 2
    assert f"seeds/extracts/{SOURCE}.yaml:" in result.output
    assert "as accepting would write it; nothing was written" in result.output
    assert "Traceback" not in result.output
    assert {p: p.read_bytes() for p in (ws / "seeds").rglob("*") if p.is_file()} == before


def test_draft_errors_are_located_like_validate_errors(tmp_path: Path) -> None:
    ws = copy_shipped_workspace(tmp_path / "ws")
    text = (ws / "seeds" / "texts" / f"{SOURCE}.txt").read_text(encoding="utf-8")
    draft = _write_draft(ws, SOURCE, [_statement(text, NEW_PASSAGE)])
    lines = draft.read_text(encoding="utf-8").splitlines()
    typo = next(n for n, line in enumerate(lines) if line.strip().startswith("credibility:"))
    lines[typo] = lines[typo].replace("credibility", "credibilty")
    speaker = next(n for n, line in enumerate(lines) if line.strip().startswith("speaker:"))
    lines[speaker] = lines[speaker].replace("boris-ruge", "Boris Ruge")
    draft.write_text("\n".join(lines) + "\n", encoding="utf-8")

    result = run("extract", SOURCE, "--accept", "-w", str(ws))

    assert result.exit_code == 2
    assert "Traceback" not in result.output
    rel = f"seeds/drafts/{SOURCE}.yaml"
    column = lines[typo].index("credibilty") + 1
    assert (
        f"{rel}:{typo + 1}:{column}: statements[0].credibilty: unknown field; "
        "did you mean 'credibility'?"
    ) in result.output.splitlines()
    assert any(
        line.startswith(f"{rel}:{speaker + 1}:") and "statements[0].speaker:" in line
        for line in result.output.splitlines()
    )
    assert str(ws) not in result.output  # paths relative to the workspace


def test_broken_yaml_in_a_draft_is_one_located_line(tmp_path: Path) -> None:
    ws = copy_shipped_workspace(tmp_path / "ws")
    draft = ws / "seeds" / "drafts" / f"{SOURCE}.yaml"
    draft.parent.mkdir(parents=True)
    draft.write_text("source: x\nstatements:\n  - id: a\n   accept: true\n", encoding="utf-8")

    result = run("extract", SOURCE, "--accept", "-w", str(ws))

    assert result.exit_code == 2
    errors = [line for line in result.output.splitlines() if line.startswith("seeds/")]
    assert len(errors) == 1 and errors[0].startswith(f"seeds/drafts/{SOURCE}.yaml:4:")


# ------------------------------------------------ nothing proposed twice


HTML = Path(__file__).parent / "data" / "html" / "balkan-dispatch-envoy.html"
DISPATCH = "balkan-dispatch-2024-10-03-eu-envoy-urges-belgrade"


def _dispatch_workspace(tmp_path: Path) -> Path:
    ws = make_workspace(tmp_path / "ws")
    added = run("sources", "add", str(HTML), "-w", str(ws), "--kind", "news_report",
                "--grade", "B", "--accessed", "2024-10-04")  # fmt: skip
    assert added.exit_code == 0, added.output
    return ws


def test_an_accepted_event_is_not_proposed_again(tmp_path: Path) -> None:
    ws = _dispatch_workspace(tmp_path)
    assert run("extract", DISPATCH, "-w", str(ws)).exit_code == 0
    draft_file = ws / "seeds" / "drafts" / f"{DISPATCH}.yaml"
    raw = yaml.safe_load(draft_file.read_text(encoding="utf-8"))
    assert len(raw["events"]) == 1
    raw["events"][0]["accept"] = True
    draft_file.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    assert run("extract", DISPATCH, "--accept", "-w", str(ws)).exit_code == 0

    again = build_draft(load_corpus(ws), DISPATCH)

    assert again.events == []
    assert len(again.statements) == len(raw["statements"])  # statements still proposed


def test_an_event_curated_from_another_passage_is_recognised_by_day_and_people(
    tmp_path: Path,
) -> None:
    ws = _dispatch_workspace(tmp_path)
    corpus = load_corpus(ws)
    (proposed,) = build_draft(corpus, DISPATCH).events
    text = corpus.texts[DISPATCH]
    # The analyst curated the meeting from the quote's attribution instead.
    evidence = "Lajčák told reporters after the meeting."
    curated = Event(
        id="dispatch-meeting", source=DISPATCH, date=proposed.date,
        date_precision=proposed.date_precision, subjects=proposed.actors,
        credibility=2, summary="Lajčák met the chief negotiators.",
        actors=proposed.actors, evidence=evidence,
    )  # fmt: skip
    assert evidence in text and text.index(evidence) >= proposed.end
    record = curated.model_dump(mode="python", exclude_defaults=True)
    extracts = ws / "seeds" / "extracts" / f"{DISPATCH}.yaml"
    extracts.parent.mkdir()
    extracts.write_bytes(yamlio.dump({"extracts": [{**record, "kind": "event"}]}))

    assert build_draft(load_corpus(ws), DISPATCH).events == []


def test_an_event_is_placed_where_its_verb_says(tmp_path: Path) -> None:
    ws = make_workspace(tmp_path / "ws")
    article = tmp_path / "roe.txt"
    article.write_text(
        "Roe in Belgrade\n\n"
        "Jane Roe met Aleksandar Vučić in Belgrade on 14 May, two days after talks in Sarajevo.\n\n"
        "In Skopje, on 16 May, Jane Roe opened the new office of the mission.\n",
        encoding="utf-8",
    )
    added = run("sources", "add", str(article), "-w", str(ws), "--title", "Roe in Belgrade",
                "--outlet", "N1", "--date", "2024-05-17", "--kind", "news_report",
                "--grade", "B", "--accessed", "2024-05-17")  # fmt: skip
    assert added.exit_code == 0, added.output
    source = next(p.stem for p in (ws / "seeds" / "sources").glob("*.yaml"))

    events = build_draft(load_corpus(ws), source).events

    assert [(e.date, e.location) for e in events] == [
        (dt.date(2024, 5, 14), "Belgrade"),
        (dt.date(2024, 5, 16), "Skopje"),
    ]


# ------------------------------------------------ appending to hand-written YAML

NEW = [{"id": "new-1", "kind": "statement", "quote": "Two\nlines", "subjects": ["a", "b"]}]


@pytest.mark.parametrize(
    ("old", "item_line"),
    [
        (
            "# notes\nextracts:\n  - id: a\n    x: 1\n\n  - id: b\n    x: 2\n# end\n",
            "  - id: new-1",
        ),
        ("extracts:\n- id: a\n  nested:\n    - q\nafter: 1\n", "- id: new-1"),
        ("extracts:\n    -   id: a\n        x: |\n          block\n", "    - id: new-1"),
        ("# none yet\nextracts: []  # empty\n", "  - id: new-1"),
        ("extracts:\n", "  - id: new-1"),
        ("# only a comment\n", "  - id: new-1"),
        ("extracts:\r\n  - id: a\r\n", "  - id: new-1"),
    ],
)
def test_records_are_appended_in_the_files_own_layout(old: str, item_line: str) -> None:
    new = append_records(old, "extracts", NEW)

    before = yaml.safe_load(old) or {}
    after = yaml.safe_load(new)
    assert after["extracts"] == [*(before.get("extracts") or []), *NEW]
    assert {k: v for k, v in after.items() if k != "extracts"} == {
        k: v for k, v in before.items() if k != "extracts"
    }
    assert item_line in new.replace("\r\n", "\n").splitlines()
    kept = [line for line in old.splitlines() if line.lstrip().startswith("#")]
    assert all(line in new.splitlines() for line in kept)


def test_a_flow_list_with_items_is_refused_rather_than_rewritten() -> None:
    with pytest.raises(CannotAppend, match="block list"):
        append_records("extracts: [{id: a}]\n", "extracts", NEW)
