"""`brief SUBJECT [OPTIONS]` without typer's parsing (brief.cli_fast): every command
line it reads must reach `api.render` exactly as typer would pass it, with the same
output and exit code; everything else must be left to typer."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest
import typer.main
from hypothesis import given, settings
from hypothesis import strategies as st

from brief import api, cli
from brief.cli_fast import render_args

REPO = Path(__file__).resolve().parents[1]

# (spellings, values) of each option brief.cli_fast reads.
_OPTIONS: dict[str, tuple[list[str], list[str]]] = {
    "format": (["--format", "-f"], ["pdf", "docx", "md", "all"]),
    "as-of": (["--as-of"], ["2024-10-31", "2024-02-29"]),
    "since": (["--since"], ["2024-09-01"]),
    "out": (["--out", "-o"], ["out", "/tmp/x y", "a=b"]),
    "marking": (["--marking"], ["TLP:CLEAR", "PUBLIC", "NATO UNCLASSIFIED"]),
    "profile": (["--profile"], ["full", "note"]),
    "workspace": (["--workspace", "-w"], ["ws", "/no/such/place"]),
    "quiet": (["--quiet", "-q"], []),
}


@st.composite
def command_lines(draw: st.DrawFn) -> list[str]:
    subject = draw(st.sampled_from(["kosovo", "Jane Roe", "norland", "r"]))
    names = draw(st.permutations(sorted(_OPTIONS)))[: draw(st.integers(0, len(_OPTIONS)))]
    args = [subject]
    for name in names:
        spellings, values = _OPTIONS[name]
        spelling = draw(st.sampled_from(spellings))
        if not values:
            args.append(spelling)
            continue
        value = draw(st.sampled_from(values))
        joined = spelling.startswith("--") and draw(st.booleans())
        args += [f"{spelling}={value}"] if joined else [spelling, value]
    return args


def _run(args: list[str], plain: bool, monkeypatch: pytest.MonkeyPatch) -> tuple[Any, ...]:
    """(exit code, what api.render got, quiet) of `brief ARGS` by one path or the other."""
    calls: list[Any] = []

    def fake_render(subject: str, formats: tuple[str, ...], **options: Any) -> list[Path]:
        calls.append((subject, formats, options))
        return []

    monkeypatch.setattr(api, "render", fake_render)
    monkeypatch.setattr(sys, "argv", ["brief", *args])
    with pytest.raises(SystemExit) as done:
        if plain:
            cli.main()
        else:
            cli.app(args, prog_name="brief")
    return done.value.code or 0, calls, cli._QUIET["on"]


@settings(max_examples=150, deadline=None)
@given(command_lines())
def test_a_plain_command_line_reaches_the_api_as_through_typer(args: list[str]) -> None:
    assert render_args(args, cli._command_names()) is not None, args
    with pytest.MonkeyPatch.context() as monkeypatch:
        monkeypatch.delenv("BRIEF_WORKSPACE", raising=False)
        assert _run(args, True, monkeypatch) == _run(args, False, monkeypatch), args


@pytest.mark.parametrize(
    "args",
    [
        [],
        ["--help"],
        ["-h"],
        ["--version"],
        ["list"],
        ["render", "kosovo"],
        ["templates", "check"],
        ["kosovo", "--help"],
        ["kosovo", "--json"],
        ["kosovo", "--debug"],
        ["kosovo", "--watch"],
        ["kosovo", "extra"],
        ["kosovo", "--format", "xls"],
        ["kosovo", "--format", "PDF"],
        ["kosovo", "--format=pdf", "--format", "md"],
        ["kosovo", "--out"],
        ["kosovo", "--out", "-"],
        ["kosovo", "--out="],
        ["kosovo", "--quiet=1"],
        ["kosovo", "-qf", "pdf"],
        ["kosovo", "--", "--out"],
        ["kosovo", "--reference-docx", "a.docx"],
    ],
)
def test_anything_else_is_left_to_typer(args: list[str]) -> None:
    assert render_args(args, cli._command_names()) is None


def test_a_bad_date_is_left_to_typer_and_typer_names_it(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys, "argv", ["brief", "kosovo", "--as-of", "2024-02-30"])
    assert cli._render_plain(sys.argv[1:]) is None
    with pytest.raises(SystemExit) as done:
        cli.main()
    assert done.value.code == 2
    assert "--as-of: '2024-02-30' is not a date" in capsys.readouterr().err


def test_typer_reads_the_workspace_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BRIEF_WORKSPACE", "/somewhere")
    assert render_args(["kosovo"], cli._command_names()) is None


def test_the_names_that_are_not_subjects_are_typer_s_commands() -> None:
    assert cli._command_names() == set(typer.main.get_command(cli.app).commands)  # type: ignore[attr-defined]


@pytest.mark.parametrize("subject", ["nosuchplace", "kosovo"])
def test_errors_read_and_exit_as_through_typer(
    subject: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # A subject the corpus lacks (exit 2, with the hint) and a marking it refuses.
    args = [subject, "--workspace", str(REPO), "--format", "md", "--marking", "NATO SECRET"]
    results = []
    for plain in (True, False):
        monkeypatch.setattr(sys, "argv", ["brief", *args])
        with pytest.raises(SystemExit) as done:
            cli.main() if plain else cli.app(args, prog_name="brief")
        results.append((done.value.code, capsys.readouterr()))
    assert results[0] == results[1]
    assert results[0][0] == 2 and results[0][1].err
