"""`brief.api`: what a program calling brief relies on, with the command's rules."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from brief import api
from brief.cli import app
from brief.errors import InvalidInput
from shipped_workspace import copy_shipped_workspace

runner = CliRunner()


@pytest.fixture
def ws(tmp_path: Path) -> Path:
    return copy_shipped_workspace(tmp_path / "ws", keep=("kosovo",))


def test_render_writes_what_the_command_writes(ws: Path, tmp_path: Path) -> None:
    paths = api.render("ruge", ["md", "pdf"], workspace=ws, out=tmp_path / "a")
    assert [p.suffix for p in paths] == [".md", ".pdf"]
    result = runner.invoke(app, ["ruge", "-f", "md", "-w", str(ws), "-o", str(tmp_path / "b")])
    assert result.exit_code == 0, result.output
    by_cli = Path(result.stdout.strip())
    assert by_cli.name == paths[0].name
    assert by_cli.read_bytes() == paths[0].read_bytes()


@pytest.mark.parametrize("marking", ["NATO UNCLASSIFIED", "NATO RESTRICTED", "cosmic top secret"])
def test_the_api_refuses_nato_markings_as_the_command_does(ws: Path, marking: str) -> None:
    with pytest.raises(InvalidInput, match="is a NATO security marking") as caught:
        api.render("kosovo", ["md"], workspace=ws, marking=marking)
    assert caught.value.problems[0].file == "--marking"
    assert not (ws / "output").exists() or not any((ws / "output").iterdir())


def test_unknown_formats_and_unwritable_folders_are_invalid_input(ws: Path, tmp_path: Path) -> None:
    with pytest.raises(InvalidInput, match="unknown format"):
        api.render("kosovo", ["odt"], workspace=ws)
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(InvalidInput, match="cannot create the folder") as caught:
        api.render("kosovo", ["md"], workspace=ws, out=blocker / "sub")
    assert caught.value.problems[0].file == "--out"


def test_a_folder_that_is_no_workspace_is_invalid_input(tmp_path: Path) -> None:
    with pytest.raises(InvalidInput, match="is not a brief workspace"):
        api.list_subjects(tmp_path)


def test_list_and_templates_check_take_the_workspace(ws: Path) -> None:
    ids = [s.id for s in api.list_subjects(ws)]
    assert "kosovo" in ids and "boris-ruge" in ids
    checked = api.check_templates(ws)
    assert checked.briefings == 1 and checked.problems == []


def test_init_then_validate_and_render(tmp_path: Path) -> None:
    root = api.init(tmp_path / "new")
    assert api.validate(root)["briefings"] == 1
    (path,) = api.render("mircea-geoana", ["md"], workspace=root)
    assert path.parent == root / "output" and path.read_text(encoding="utf-8").startswith("---")


def test_the_corpus_cache_is_in_the_platforms_cache_folder(
    ws: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from brief.corpus import cache

    monkeypatch.delenv("BRIEF_CACHE_DIR", raising=False)
    monkeypatch.delenv("BRIEF_NO_CACHE", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))  # Linux: platformdirs reads it
    api.load(ws)
    assert cache.cache_dir() == tmp_path / "xdg" / "brief" / "corpus"
    assert len(list(cache.cache_dir().glob("*.pickle"))) == 1
    assert not list(ws.rglob("*.pickle"))
