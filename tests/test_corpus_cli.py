"""`brief validate` and `brief schema` as a user runs them."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from brief.cli import app
from brief.corpus.schema import schema_files
from tiny_workspace import make_workspace

REPO = Path(__file__).resolve().parents[1]
runner = CliRunner()


@pytest.fixture
def ws(tmp_path: Path) -> Path:
    return make_workspace(tmp_path)


def break_two_files(root: Path) -> None:
    path = root / "seeds/extracts/n1-ruge.yaml"
    path.write_text(path.read_text().replace("speaker: boris-ruge", "speaker: boris"))
    (root / "seeds/judgments/judgments.yaml").write_text("judgments: [\n")


def test_validate_clean_workspace_prints_counts(ws: Path) -> None:
    result = runner.invoke(app, ["validate", "--workspace", str(ws)])
    assert result.exit_code == 0, result.output
    assert result.stdout == (
        "valid: 1 sources, 4 actors, 2 extracts, 1 issues, 1 judgments, 1 briefings\n"
    )


def test_validate_reports_every_problem_sorted_on_stderr(ws: Path) -> None:
    break_two_files(ws)
    result = runner.invoke(app, ["validate", "--workspace", str(ws)])
    assert result.exit_code == 2
    lines = result.stderr.splitlines()
    assert lines == [*sorted(lines[:-1]), "2 problems found"]
    assert lines[0].startswith("seeds/extracts/n1-ruge.yaml:10:14: extracts[0].speaker: ")
    assert lines[1].startswith("seeds/judgments/judgments.yaml:2:1: invalid YAML")
    assert "Traceback" not in result.output


def test_validate_json_report(ws: Path) -> None:
    break_two_files(ws)
    result = runner.invoke(app, ["validate", "--json", "--workspace", str(ws)])
    assert result.exit_code == 2
    report = json.loads(result.stdout)
    assert report["valid"] is False
    first = report["problems"][0]
    assert first["file"] == "seeds/extracts/n1-ruge.yaml"
    assert (first["line"], first["column"], first["field"]) == (10, 14, "extracts[0].speaker")
    assert first["message"] == "unknown actor 'boris'; did you mean 'boris-ruge'?"

    clean = make_workspace(ws / "clean")
    result = runner.invoke(app, ["validate", "--json", "--workspace", str(clean)])
    assert result.exit_code == 0
    assert json.loads(result.stdout)["counts"]["extracts"] == 2


def test_validate_json_without_a_workspace_is_still_json(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("BRIEF_WORKSPACE", raising=False)
    result = runner.invoke(app, ["validate", "--json"])
    assert result.exit_code == 2
    report = json.loads(result.stdout)
    assert report["valid"] is False
    assert report["counts"] == {}
    (problem,) = report["problems"]
    assert problem["file"] == str(tmp_path)
    assert problem["message"].startswith("no brief workspace")

    result = runner.invoke(app, ["validate", "--json", "--workspace", str(tmp_path / "none")])
    assert result.exit_code == 2
    assert "not a brief workspace" in json.loads(result.stdout)["problems"][0]["message"]


def test_validate_debug_shows_the_traceback_and_keeps_the_exit_code(ws: Path) -> None:
    break_two_files(ws)
    result = runner.invoke(app, ["validate", "--debug", "--workspace", str(ws)])
    assert result.exit_code == 2
    assert "Traceback" in result.stderr and "InvalidInput" in result.stderr
    assert "seeds/extracts/n1-ruge.yaml:10:14: extracts[0].speaker: " in result.stderr


def test_validate_as_a_subprocess_from_the_workspace(ws: Path) -> None:
    break_two_files(ws)
    result = subprocess.run(
        [sys.executable, "-m", "brief", "validate"],
        cwd=ws,
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(REPO / "src"), "PATH": "/usr/bin:/bin"},
        check=False,
    )
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert result.stderr.count("\n") == 3


def test_schema_writes_then_checks(ws: Path) -> None:
    tmp_path = ws
    result = runner.invoke(app, ["schema", "--check", "--workspace", str(tmp_path)])
    assert result.exit_code == 2
    assert "stale: run `brief schema`" in result.stderr

    result = runner.invoke(app, ["schema", "--workspace", str(tmp_path)])
    assert result.exit_code == 0
    written = sorted(p.name for p in (tmp_path / "schemas").iterdir())
    assert written == sorted(schema_files())
    first = {name: (tmp_path / "schemas" / name).read_bytes() for name in written}

    result = runner.invoke(app, ["schema", "--check", "--workspace", str(tmp_path)])
    assert result.exit_code == 0
    assert runner.invoke(app, ["schema", "--workspace", str(tmp_path)]).exit_code == 0
    again = {name: (tmp_path / "schemas" / name).read_bytes() for name in written}
    assert again == first

    extracts = json.loads(first["extracts.schema.json"])
    assert first["extracts.schema.json"].endswith(b"}\n")
    assert extracts["$schema"] == "http://json-schema.org/draft-07/schema#"
    assert {"Statement", "Event", "Fact"} <= set(extracts["definitions"])
    assert "$defs" not in first["extracts.schema.json"].decode()


def test_committed_schemas_are_current() -> None:
    """Fails when models changed without `brief schema` (run it and commit schemas/)."""
    for name, content in schema_files().items():
        path = REPO / "schemas" / name
        assert path.is_file(), f"schemas/{name} missing: run `brief schema`"
        assert path.read_bytes() == content, f"schemas/{name} is stale: run `brief schema`"
