"""What scripts and shells rely on: JSON with a version, exit codes under --debug, CI,
choices for --kind and --grade, completion by alias, -q."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from brief import api
from brief.cli import SourceKindChoice, _complete_grade, app
from brief.env import in_ci
from brief.errors import InvalidInput
from shipped_workspace import copy_shipped_workspace

runner = CliRunner()


@pytest.fixture(scope="module")
def ws(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return copy_shipped_workspace(tmp_path_factory.mktemp("polish") / "ws", keep=("kosovo",))


def test_list_json_has_a_version(ws: Path) -> None:
    result = runner.invoke(app, ["list", "--json", "-w", str(ws)])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["version"] == 1
    assert {"id": "kosovo", "name": "Kosovo", "kind": "country", "briefing": "kosovo"} in (
        data["subjects"]
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["list", "--json", "-w", "{tmp}/none"], "is not a brief workspace"),
        (["list", "--json", "--colour"], "--colour: no such option"),
        (["validate", "--json", "-w", "{tmp}/none"], "is not a brief workspace"),
    ],
)
def test_json_errors_are_json_with_a_version(args: list[str], message: str, tmp_path: Path) -> None:
    result = runner.invoke(app, [a.replace("{tmp}", str(tmp_path)) for a in args])
    assert result.exit_code == 2
    data = json.loads(result.stdout)
    assert data["version"] == 1
    assert message in data["problems"][0]["message"]


def test_debug_shows_the_traceback_and_keeps_exit_code_2(ws: Path) -> None:
    args = ["kosovo", "-f", "md", "--marking", "NATO RESTRICTED", "-w", str(ws)]
    plain = runner.invoke(app, args)
    debug = runner.invoke(app, [*args, "--debug"])
    assert plain.exit_code == debug.exit_code == 2
    assert "Traceback" not in plain.stderr and "Traceback" in debug.stderr
    assert plain.stderr.strip().splitlines()[-1] == debug.stderr.strip().splitlines()[-1]


@pytest.mark.parametrize(
    ("value", "expected"),
    [("1", True), ("true", True), ("True", True), ("yes", True), ("YES", True), ("0", False),
     ("false", False), ("", False), ("no", False)],
)  # fmt: skip
def test_ci_is_honoured_for_any_true_value(
    value: str, expected: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CI", value)
    assert in_ci() is expected


def test_kind_choices_are_the_models_kinds() -> None:
    from brief.corpus.models import SourceKind

    assert [k.value for k in SourceKindChoice] == [k.value for k in SourceKind]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--kind", "blog"], "'blog' is not one of"),
        (["--grade", "C3"], "'C3' is a full Admiralty grade: a source takes only its reliability "
         "letter (C, fairly reliable); the credibility digit (3, possibly true) goes on each "
         "extract, in the draft"),
        (["--grade", "G"], "'G' is not a reliability grade; choose one of A completely reliable"),
    ],
)  # fmt: skip
def test_kind_and_grade_reject_what_they_do_not_offer(
    ws: Path, tmp_path: Path, args: list[str], message: str
) -> None:
    page = tmp_path / "note.txt"
    page.write_text("The minister said nothing new.\n", encoding="utf-8")
    result = runner.invoke(app, ["sources", "add", str(page), "-w", str(ws), *args])
    assert result.exit_code == 2
    assert message in result.stderr
    assert not list((ws / "seeds" / "sources").glob("*note*"))


def test_help_offers_the_choices() -> None:
    result = runner.invoke(app, ["sources", "add", "--help"], env={"COLUMNS": "200"})
    assert "[official_release|news_report|interview|commentary]" in result.stdout
    assert "[A|B|C|D|E|F]" in result.stdout
    assert _complete_grade("c") == [("C", "fairly reliable")]


def test_a_repeated_argument_says_so_once_in_the_usage_line() -> None:
    result = runner.invoke(app, ["pack", "merge", "--help"], env={"COLUMNS": "200"})
    usage = result.stdout.splitlines()[0]
    assert usage.endswith("{SHARD_DIR}..."), usage  # not "{SHARD_DIR...}..."


def test_a_two_character_grade_in_a_files_metadata_is_explained(ws: Path, tmp_path: Path) -> None:
    page = tmp_path / "release.txt"
    page.write_text("Words.\n", encoding="utf-8")
    metadata = {"title": "T", "outlet": "O", "published": "2024-09-01", "kind": "interview"}
    with pytest.raises(InvalidInput, match="full Admiralty grade") as caught:
        api.add_source(page, workspace=ws, metadata={**metadata, "reliability": "b2"})
    assert caught.value.problems[0].field == "grade"


@pytest.mark.parametrize(
    ("typed", "offered", "subject"),
    [("Kos", "Kosovo", "kosovo"), ("bor", "boris-ruge", "boris-ruge"),
     ("dju", "djuric", "marko-djuric"), ("Србиј", "Србија", "serbia")],
)  # fmt: skip
def test_subjects_complete_by_id_name_or_alias_in_the_shell(
    ws: Path, typed: str, offered: str, subject: str
) -> None:
    # What bash asks for and gets, through typer's completion (which drops any word
    # not starting with what was typed); each word offered names the subject back.
    env = {**os.environ, "BRIEF_WORKSPACE": str(ws), "_BRIEF_COMPLETE": "complete_bash",
           "COMP_WORDS": f"brief render {typed}", "COMP_CWORD": "2"}  # fmt: skip
    done = subprocess.run(
        [sys.executable, "-m", "brief"], env=env, capture_output=True, text=True, check=False
    )
    assert offered in done.stdout.split(), done.stdout + done.stderr
    corpus = api.load(ws)
    from brief.assemble.subjects import resolve_subject

    assert resolve_subject(corpus, offered).actor.id == subject


def test_quiet_prints_nothing_but_still_works(ws: Path, tmp_path: Path) -> None:
    result = runner.invoke(app, ["kosovo", "-f", "md", "-q", "-w", str(ws), "-o", str(tmp_path)])
    assert result.exit_code == 0 and result.output == ""
    assert len(list(tmp_path.glob("kosovo_*.md"))) == 1
    result = runner.invoke(app, ["validate", "-q", "-w", str(ws)])
    assert result.exit_code == 0 and result.output == ""
    result = runner.invoke(app, ["kosovo", "-q", "-f", "odt", "-w", str(ws)])
    assert result.exit_code == 2 and "'odt' is not one of" in result.stderr
