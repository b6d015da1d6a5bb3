"""A pack run again: what changed since last week is worked out again only when
something it is made of changed (the inputs, the previous week's pack, the titles)."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from brief.cli import app
from shipped_workspace import copy_shipped_workspace

runner = CliRunner()


def pack(ws: Path, *args: str, formats: str = "md"):
    return runner.invoke(app, ["pack", "--workspace", str(ws), "--formats", formats, *args])


@pytest.fixture
def ws(tmp_path: Path) -> Path:
    return copy_shipped_workspace(tmp_path / "ws", ("kosovo", "boris-ruge"))


def changes(ws: Path, week: str) -> str:
    return (ws / "output" / "packs" / week / "changes.md").read_text("utf-8")


def test_unchanged_inputs_keep_changes_without_comparing_the_weeks_again(
    ws: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert pack(ws, "--week", "2024-W38").exit_code == 0
    written = changes(ws, "2024-W38")

    def no_snapshot(*_args: object) -> None:
        raise AssertionError("the weeks were compared again")

    monkeypatch.setattr("brief.pack.take_snapshot", no_snapshot)
    result = pack(ws, "--week", "2024-W38")
    assert result.exit_code == 0, result.output
    assert "nothing to do" in result.stdout
    assert changes(ws, "2024-W38") == written


def test_a_previous_weeks_pack_made_since_is_compared_with(ws: Path) -> None:
    assert pack(ws, "--week", "2024-W38").exit_code == 0
    assert "No pack of 2024-W37 was found" in changes(ws, "2024-W38")
    assert pack(ws, "--week", "2024-W37").exit_code == 0
    result = pack(ws, "--week", "2024-W38")
    assert result.exit_code == 0, result.output
    # The briefs are kept; changes.md is not: last week's pack is new.
    assert "0 brief files rendered, 2 up to date; wrote changes.md" in result.stdout
    assert "Compared with the pack of 2024-W37" in changes(ws, "2024-W38")


def test_changed_inputs_change_what_changed(ws: Path) -> None:
    assert pack(ws, "--week", "2024-W37").exit_code == 0
    assert pack(ws, "--week", "2024-W38").exit_code == 0
    issues = ws / "seeds" / "issues" / "open-issues.yaml"
    text = issues.read_text("utf-8")
    # The ibar bridge's assessment of 17 September (its last): known in W38, not in W37.
    ibar = text.index("id: ibar-bridge")
    status = text.index("status: ", text.index("date: 2024-09-17", ibar))
    end = text.index("\n", status)
    old = text[status:end].removeprefix("status: ")
    assert f"{old} → resolved" not in changes(ws, "2024-W38")
    issues.write_text(text[:status] + "status: resolved" + text[end:])
    assert pack(ws, "--week", "2024-W38").exit_code == 0
    assert f"{old} → resolved" in changes(ws, "2024-W38")


@pytest.mark.client
def test_a_lost_pack_pdf_is_made_again_with_the_same_bytes(ws: Path) -> None:
    args = ("--week", "2024-W38")
    assert pack(ws, *args, formats="pdf").exit_code == 0
    combined = ws / "output" / "packs" / "2024-W38" / "pack_2024-W38.pdf"
    before = combined.read_bytes()
    combined.unlink()
    # changes.md is kept, but the pack's cover lists the changes: they are worked out.
    result = pack(ws, *args, formats="pdf")
    assert result.exit_code == 0, result.output
    assert "wrote pack_2024-W38.pdf" in result.stdout
    assert combined.read_bytes() == before


@pytest.mark.parametrize("week", [("--week", "2024-W38"), ()], ids=["week", "default-week"])
def test_a_pack_with_nothing_to_do_never_reads_the_extracts(
    ws: Path, monkeypatch: pytest.MonkeyPatch, week: tuple[str, ...]
) -> None:
    # Reading 100,000 extracts from the corpus cache is ~1 s of a pack run again;
    # with nothing to render and changes.md kept, nothing needs them.
    from brief.corpus import cache

    assert pack(ws, *week).exit_code == 0
    assert pack(ws, *week).exit_code == 0  # served from the cache

    def no_extracts(_self: object) -> None:
        raise AssertionError("the extracts were read")

    monkeypatch.setattr(cache.Extracts, "_read", no_extracts)
    result = pack(ws, *week)
    assert result.exit_code == 0, result.output
    assert "nothing to do" in result.stdout


def test_a_pack_run_after_main_returned_does_not_end_the_callers_process(
    ws: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`brief pack` started by `main` ends its own process early once written; a program
    (or this suite) that called `main` before must not have its process ended by a later
    in-process pack: here the conftest guard turns that exit into an error."""
    import sys

    from brief import cli

    monkeypatch.setattr(sys, "argv", ["brief", "--version"])
    with pytest.raises(SystemExit):
        cli.main()
    result = pack(ws, "--week", "2024-W38")
    assert result.exit_code == 0, result.output
    assert changes(ws, "2024-W38")
