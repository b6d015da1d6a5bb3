"""`brief SUBJECT`: output naming, options and the errors a user meets."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from brief.cli import app
from shipped_workspace import REPO, copy_shipped_workspace

runner = CliRunner()


@pytest.fixture
def ws(tmp_path: Path) -> Path:
    return copy_shipped_workspace(tmp_path / "ws")


def default_as_of(ws: Path) -> str:
    from brief import api

    as_of = api.load(ws).default_as_of()
    assert as_of is not None
    return as_of.isoformat()


def test_default_output_is_named_by_subject_id_and_as_of(ws: Path) -> None:
    result = runner.invoke(app, ["Boris Ruge", "--format", "md", "-w", str(ws)])
    assert result.exit_code == 0, result.output
    expected = ws / "output" / f"boris-ruge_{default_as_of(ws)}.md"
    assert expected.is_file()
    assert result.stdout.strip() == str(expected)


def test_output_is_named_by_the_id_not_by_a_slug_of_the_name(ws: Path, tmp_path: Path) -> None:
    # "Marko Đurić" folds to marko-duric; the README promises the id, marko-djuric.
    out = tmp_path / "briefs"
    args = ["Marko Đurić", "-f", "md", "--as-of", "2024-09-22", "-o", str(out), "-w", str(ws)]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    assert [p.name for p in out.iterdir()] == ["marko-djuric_2024-09-22.md"]


@pytest.mark.parametrize("spelling", ["kosovo", "Kosovo", "KOSOVO"])
def test_as_of_and_out_choose_the_file(ws: Path, tmp_path: Path, spelling: str) -> None:
    out = tmp_path / "briefs"
    args = [spelling, "--format", "md", "--as-of", "2024-08-25", "--out", str(out), "-w", str(ws)]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    text = (out / "kosovo_2024-08-25.md").read_text("utf-8")
    assert 'as_of: "2024-08-25"' in text


def test_render_is_the_same_as_the_shorthand(ws: Path, tmp_path: Path) -> None:
    for name, args in (("a", ["render", "serbia"]), ("b", ["serbia"])):
        out = str(tmp_path / name)
        result = runner.invoke(
            app, [*args, "-f", "md", "--as-of", "2024-09-22", "-o", out, "-w", str(ws)]
        )
        assert result.exit_code == 0, result.output
    assert (tmp_path / "a" / "serbia_2024-09-22.md").read_bytes() == (
        tmp_path / "b" / "serbia_2024-09-22.md"
    ).read_bytes()


def test_marking_option_reaches_the_document(ws: Path) -> None:
    result = runner.invoke(app, ["kosovo", "-f", "md", "--marking", "TLP:CLEAR", "-w", str(ws)])
    assert result.exit_code == 0, result.output
    assert "TLP:CLEAR" in Path(result.stdout.strip()).read_text("utf-8")


def test_unknown_subject_exits_2_with_closest_matches(ws: Path) -> None:
    result = runner.invoke(app, ["kosovvo", "-w", str(ws)])
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1
    assert "'kosovvo'" in result.stderr and "kosovo" in result.stderr
    assert not (ws / "output").exists()


def test_invalid_data_exits_2_naming_file_line_and_field(ws: Path) -> None:
    extracts = ws / "seeds" / "extracts" / "rks-ruge-n1-interview-2024-08.yaml"
    extracts.write_text(
        extracts.read_text("utf-8").replace("speaker: boris-ruge", "speaker: boris", 1)
    )
    result = runner.invoke(app, ["kosovo", "-f", "md", "-w", str(ws)])
    assert result.exit_code == 2
    line = result.stderr.splitlines()[0]
    assert line.startswith("seeds/extracts/rks-ruge-n1-interview-2024-08.yaml:")
    assert "speaker: unknown actor 'boris'" in line
    assert "Traceback" not in result.output


def test_template_error_exits_2_naming_the_template_line(ws: Path) -> None:
    template = ws / "briefings" / "templates" / "actors.md.j2"
    lines = template.read_text("utf-8").splitlines()
    template.write_text("\n".join([*lines, "{{ brief.nope }}", ""]), "utf-8")
    result = runner.invoke(app, ["kosovo", "-f", "md", "-w", str(ws)])
    assert result.exit_code == 2
    assert f"briefings/templates/actors.md.j2:{len(lines) + 1}:" in result.stderr
    assert "nope" in result.stderr


def test_end_to_end_in_a_subprocess_from_inside_the_workspace(ws: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(REPO / "src")}
    env.pop("BRIEF_WORKSPACE", None)
    result = subprocess.run(
        [sys.executable, "-m", "brief", "montenegro", "--format", "md", "--as-of", "2024-09-22"],
        cwd=ws / "briefings",
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert (ws / "output" / "montenegro_2024-09-22.md").is_file()


def test_a_fresh_init_workspace_renders(tmp_path: Path) -> None:
    assert runner.invoke(app, ["init", str(tmp_path / "mine")]).exit_code == 0
    result = runner.invoke(app, ["geoana", "-f", "md", "-w", str(tmp_path / "mine")])
    assert result.exit_code == 0, result.output
    text = (tmp_path / "mine" / "output" / "mircea-geoana_2022-07-07.md").read_text("utf-8")
    assert "Our KFOR mission is the most tangible demonstration of this commitment" in text


def test_a_mistyped_command_is_suggested(ws: Path) -> None:
    result = runner.invoke(app, ["valdate", "-w", str(ws)])
    assert result.exit_code == 2
    assert "did you mean the command `brief validate`?" in result.stderr


def test_list_marks_subjects_with_a_briefing(ws: Path) -> None:
    result = runner.invoke(app, ["list", "-w", str(ws)])
    assert result.exit_code == 0
    rows = {line[2:].split()[0]: line.startswith("*") for line in result.stdout.splitlines()}
    assert rows["kosovo"] is True
    assert rows["marko-djuric"] is False
    assert "Marko Đurić" in result.stdout
