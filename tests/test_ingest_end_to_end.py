"""A saved web page goes through sources add -> extract -> review -> accept -> validate."""

from __future__ import annotations

from pathlib import Path

import yaml
from typer.testing import CliRunner

from brief import __version__
from brief.cli import app
from brief.corpus import load_corpus
from brief.corpus.models import DraftFile, Statement
from ingest_helpers import make_workspace

HTML = Path(__file__).parent / "data" / "html" / "balkan-dispatch-envoy.html"
SOURCE = "balkan-dispatch-2024-10-03-eu-envoy-urges-belgrade"


def run(*args: str):
    result = CliRunner().invoke(app, list(args), env={"CI": "true"})
    return result


def test_html_article_becomes_validated_corpus_content(tmp_path: Path) -> None:
    ws = make_workspace(tmp_path / "ws")
    added = run("sources", "add", str(HTML), "-w", str(ws), "--kind", "news_report",
                "--grade", "B", "--accessed", "2024-10-04")  # fmt: skip
    assert added.exit_code == 0, added.output

    drafted = run("extract", SOURCE, "-w", str(ws))
    assert drafted.exit_code == 0, drafted.output
    draft_file = ws / "seeds" / "drafts" / f"{SOURCE}.yaml"
    draft = DraftFile.model_validate(yaml.safe_load(draft_file.read_text(encoding="utf-8")))
    text = (ws / "seeds" / "texts" / f"{SOURCE}.txt").read_text(encoding="utf-8")
    # Every candidate carries the offsets it came from, and nothing is accepted yet.
    assert draft.statements and not any(s.accept for s in draft.statements)
    assert all(text[s.start : s.end] == s.quote for s in draft.statements)
    speakers = {s.quote[:20]: s.speaker for s in draft.statements}
    assert speakers == {
        "Both parties have ob": "miroslav-lajcak",
        "We expect concrete s": "miroslav-lajcak",
        "We came here to talk": "petar-petkovic",
        "Serbia must first re": "besnik-bislimi",
        "ready to respond to ": "kfor",
        "Freedom of movement ": "ozkan-ulutas",
    }
    assert {a.id for a in draft.new_actors} == {"petar-petkovic", "besnik-bislimi"}
    # Dates and places the text states: the dateline's day, the meeting's city.
    assert {str(s.date) for s in draft.statements} == {"2024-10-02"}
    (event,) = draft.events
    assert (str(event.date), event.location) == ("2024-10-02", "Brussels")
    assert text[event.start : event.end] == event.evidence
    assert "miroslav-lajcak" in event.actors
    # Nothing of the draft is in the corpus yet.
    assert not any(isinstance(e, Statement) for e in load_corpus(ws).extracts.values())

    # The analyst accepts Lajčák's and Ulutaş's quotes and rejects the rest.
    raw = yaml.safe_load(draft_file.read_text(encoding="utf-8"))
    for item in raw["statements"]:
        item["accept"] = item["speaker"] in {"miroslav-lajcak", "ozkan-ulutas"}
    draft_file.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    accepted = run("extract", SOURCE, "--accept", "-w", str(ws))
    assert accepted.exit_code == 0, accepted.output
    assert "accepted 3 statement(s)" in accepted.output

    validated = run("validate", "-w", str(ws))
    assert validated.exit_code == 0, validated.output
    corpus = load_corpus(ws)
    statements = [e for e in corpus.extracts.values() if isinstance(e, Statement)]
    assert sorted(s.speaker for s in statements) == [
        "miroslav-lajcak",
        "miroslav-lajcak",
        "ozkan-ulutas",
    ]
    assert all(s.quote in corpus.texts[SOURCE] for s in statements)
    assert corpus.sources[SOURCE].proposed_by == f"brief {__version__} extractor"
    # Accepted items leave the draft; the rest wait for review.
    left = DraftFile.model_validate(yaml.safe_load(draft_file.read_text(encoding="utf-8")))
    assert len(left.statements) == 3


def test_accepting_an_unknown_speaker_writes_nothing(tmp_path: Path) -> None:
    ws = make_workspace(tmp_path / "ws")
    run("sources", "add", str(HTML), "-w", str(ws), "--kind", "news_report", "--grade", "B",
        "--accessed", "2024-10-04")  # fmt: skip
    run("extract", SOURCE, "-w", str(ws))
    draft_file = ws / "seeds" / "drafts" / f"{SOURCE}.yaml"
    raw = yaml.safe_load(draft_file.read_text(encoding="utf-8"))
    for item in raw["statements"]:
        item["accept"] = True  # Petković's quote, but his new-actor entry stays unaccepted
    raw["statements"][0]["quote"] = "Both parties have NO obligations"
    draft_file.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    before = {p: p.read_bytes() for p in (ws / "seeds").rglob("*") if p.is_file()}

    result = run("extract", SOURCE, "--accept", "-w", str(ws))

    assert result.exit_code == 2
    assert "not character-for-character" in result.output
    assert "unknown actor 'petar-petkovic'" in result.output
    assert "Traceback" not in result.output
    assert {p: p.read_bytes() for p in (ws / "seeds").rglob("*") if p.is_file()} == before


def test_a_draft_under_review_is_not_overwritten(tmp_path: Path) -> None:
    ws = make_workspace(tmp_path / "ws")
    run("sources", "add", str(HTML), "-w", str(ws), "--kind", "news_report", "--grade", "B",
        "--accessed", "2024-10-04")  # fmt: skip
    assert run("extract", SOURCE, "-w", str(ws)).exit_code == 0
    assert run("extract", SOURCE, "-w", str(ws)).exit_code == 0  # unchanged: harmless
    draft_file = ws / "seeds" / "drafts" / f"{SOURCE}.yaml"
    reviewed = draft_file.read_text(encoding="utf-8").replace("accept: false", "accept: true", 1)
    draft_file.write_text(reviewed, encoding="utf-8")

    again = run("extract", SOURCE, "-w", str(ws))

    assert again.exit_code == 2 and "--force" in again.output
    assert draft_file.read_text(encoding="utf-8") == reviewed
    assert run("extract", SOURCE, "--force", "-w", str(ws)).exit_code == 0
    assert "accept: true" not in draft_file.read_text(encoding="utf-8")


def test_unknown_source_is_a_clear_error(tmp_path: Path) -> None:
    ws = make_workspace(tmp_path / "ws")
    result = run("extract", "no-such-source", "-w", str(ws))
    assert result.exit_code == 2
    assert "no source 'no-such-source'" in result.output
