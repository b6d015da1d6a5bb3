"""The `brief` command: routing, help, exit codes, workspaces, init."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from brief.cli import app
from brief.workspace import find_workspace

runner = CliRunner()
SRC = Path(__file__).resolve().parents[1] / "src"


def brief(*args: str, cwd: Path | None = None, env: dict | None = None):
    """Run `python -m brief` in a fresh process: the true end-to-end path."""
    full_env = {**os.environ, "PYTHONPATH": str(SRC), **(env or {})}
    full_env.pop("BRIEF_WORKSPACE", None) if env is None or "BRIEF_WORKSPACE" not in env else None
    return subprocess.run(
        [sys.executable, "-m", "brief", *args],
        cwd=cwd,
        env=full_env,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    result = runner.invoke(app, ["init", str(tmp_path / "ws")])
    assert result.exit_code == 0, result.output
    return tmp_path / "ws"


# ------------------------------------------------------------------- help


def test_help_shows_subject_form_commands_and_examples() -> None:
    result = runner.invoke(app, ["--help"])
    assert result.exit_code == 0
    for word in ("SUBJECT", "render", "list", "pack", "init", "Examples", "Exit codes"):
        assert word in result.output


def _all_commands() -> list[list[str]]:
    """Every command path, nested groups included: ["render"], ["sources", "add"], ..."""
    import typer.main

    def walk(group, prefix: list[str]) -> list[list[str]]:
        found = []
        for name, command in sorted(getattr(group, "commands", {}).items()):
            found.append([*prefix, name])
            found += walk(command, [*prefix, name])
        return found

    return walk(typer.main.get_command(app), [])


@pytest.mark.parametrize("command", _all_commands(), ids=" ".join)
def test_every_command_has_help_with_an_example(command: list[str]) -> None:
    result = runner.invoke(app, [*command, "--help"])
    assert result.exit_code == 0
    assert "Example" in result.output


def test_version() -> None:
    from brief import __version__

    result = brief("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"brief {__version__}"


def _modules_after(*argvs: list[str]) -> set[str]:
    """Modules loaded by a fresh interpreter after running `brief ARGS` for each."""
    probe = (
        "import sys\n"
        "from brief.cli import app\n"
        f"for args in {list(argvs)!r}:\n"
        "    try:\n"
        "        app(args, prog_name='brief')\n"
        "    except SystemExit:\n"
        "        pass\n"
        "print(' '.join(sorted(sys.modules)))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe],
        env={**os.environ, "PYTHONPATH": str(SRC)},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    return set(result.stdout.strip().splitlines()[-1].split())


HEAVY = ("reportlab", "docx", "jinja2", "markdown_it", "pypdf", "yaml", "brief.corpus")


def test_help_does_not_import_heavy_libraries() -> None:
    loaded = _modules_after(["--help"], ["render", "--help"], ["pack", "--help"], ["--version"])
    assert not {m for m in loaded if m.split(".")[0] in HEAVY or m.startswith(HEAVY)}


def test_top_level_help_does_not_even_import_pydantic() -> None:
    # Subcommand help does: typer itself coerces parameters with pydantic.
    assert "pydantic" not in _modules_after(["--help"])


# ------------------------------------------------------------ exit codes


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["kosovo", "--as-of", "2024-13-01"], "'2024-13-01' is not a date"),
        (["kosovo", "--since", "yesterday"], "'yesterday' is not a date"),
        (["kosovo", "--format", "odt"], "'odt' is not one of"),
        (["pack", "--jobs", "0"], "--jobs"),
        (["render"], "Missing argument"),
        (["kosovo", "--marking", "NATO UNCLASSIFIED"], "NATO security marking"),
    ],
)
def test_bad_arguments_exit_2_with_the_reason(args: list[str], message: str) -> None:
    result = runner.invoke(app, args)
    assert result.exit_code == 2
    assert message in result.output


@pytest.mark.parametrize(
    ("args", "line"),
    [
        (
            ["kosovo", "--format", "xls"],
            "error: --format: 'xls' is not one of 'pdf', 'docx', 'md', 'all'",
        ),
        (
            ["kosovo", "--as-of", "2024-13-01"],
            "error: --as-of: '2024-13-01' is not a date; write it as YYYY-MM-DD",
        ),
        (["kosovo", "--bogus"], "error: --bogus: no such option"),
        (["pack", "--jobs", "0"], "error: --jobs: "),
        (["list", "extra"], "error: Got unexpected extra argument(s) (extra)"),
    ],
)
def test_argument_errors_are_one_line_naming_the_option(args: list[str], line: str) -> None:
    result = runner.invoke(app, args)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert len(result.stderr.splitlines()) == 1, result.stderr
    assert result.stderr.startswith(line)
    assert "Value error" not in result.stderr


@pytest.mark.parametrize("command", [["kosovo", "-f", "md"], ["pack", "--formats", "md"]])
def test_an_unwritable_out_folder_names_out_and_exits_2(
    workspace: Path, command: list[str]
) -> None:
    result = runner.invoke(app, [*command, "--out", "/proc/brief-out", "-w", str(workspace)])
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        "error: --out: cannot create the folder /proc/brief-out: No such file or directory"
    ]


def test_no_workspace_is_one_line_and_exit_2(tmp_path: Path) -> None:
    result = brief("kosovo", cwd=tmp_path)
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("error: no brief workspace")
    assert "Traceback" not in result.stderr


def test_workspace_option_that_is_not_a_workspace_exits_2(tmp_path: Path) -> None:
    result = runner.invoke(app, ["list", "--workspace", str(tmp_path)])
    assert result.exit_code == 2
    assert "not a brief workspace" in result.output
    assert result.stderr.splitlines() == [
        f"error: --workspace: {tmp_path} is not a brief workspace "
        "(it needs briefings/ and seeds/ folders)"
    ]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["pack", "--week", "2024-W60"], "'2024-W60' is not an ISO week"),
        (["pack", "--week", "2024-W38", "--as-of", "2024-09-20"], "not both"),
        (["pack", "--formats", "pdf,odt"], "unknown format(s) odt"),
    ],
)
def test_bad_pack_arguments_exit_2(workspace: Path, args: list[str], message: str) -> None:
    result = runner.invoke(app, [*args, "--workspace", str(workspace)])
    assert result.exit_code == 2, result.output
    assert message in result.output


def test_debug_shows_the_traceback_and_keeps_the_exit_code(tmp_path: Path) -> None:
    result = brief("list", "--debug", cwd=tmp_path)
    assert result.returncode == 2  # no workspace: invalid input, with or without --debug
    assert "Traceback" in result.stderr


# ------------------------------------------------------------- workspace


def test_workspace_is_found_from_a_subfolder(workspace: Path) -> None:
    inner = workspace / "seeds" / "extracts"
    assert find_workspace(start=inner) == workspace.resolve()


def test_workspace_from_env_var(workspace: Path, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("BRIEF_WORKSPACE", str(workspace))
    assert find_workspace(start=tmp_path) == workspace.resolve()


def test_list_uses_env_var_workspace(workspace: Path, tmp_path: Path) -> None:
    result = brief("list", "--json", cwd=tmp_path, env={"BRIEF_WORKSPACE": str(workspace)})
    assert result.returncode == 0, result.stderr
    assert '"id": "mircea-geoana"' in result.stdout
    assert '"briefing": "mircea-geoana"' in result.stdout


# ------------------------------------------------------------------ init


def test_init_creates_a_loadable_workspace_with_a_matching_hash(workspace: Path) -> None:
    from brief import api

    corpus = api.load(workspace)
    assert corpus.counts()["sources"] == 1
    assert corpus.counts()["actors"] == 1
    assert corpus.counts()["extracts"] == 1
    assert list(corpus.briefings) == ["mircea-geoana"]
    source = yaml.safe_load(
        (workspace / "seeds/sources/nato-dsg-nac-kfor-2022-07.yaml").read_text("utf-8")
    )
    text = (workspace / "seeds" / source["text"]).read_bytes()
    assert hashlib.sha256(text).hexdigest() == source["sha256"]
    quote = next(iter(corpus.extracts.values())).quote
    assert quote in text.decode("utf-8")
    # The default section templates, as the repository ships them.
    shipped = Path(__file__).resolve().parents[1] / "briefings" / "templates"
    copied = workspace / "briefings" / "templates"
    assert {p.name: p.read_bytes() for p in copied.iterdir()} == {
        p.name: p.read_bytes() for p in shipped.iterdir()
    }


def test_init_workspace_keeps_generated_files_out_of_git(workspace: Path) -> None:
    assert "/output/" in (workspace / ".gitignore").read_text("utf-8").splitlines()


def test_init_refuses_a_non_empty_folder(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("mine")
    result = runner.invoke(app, ["init", str(tmp_path)])
    assert result.exit_code == 2
    assert "not empty" in result.output
    assert (tmp_path / "notes.txt").read_text() == "mine"


def test_init_workspace_passes_validate_from_inside_it(workspace: Path) -> None:
    result = brief("validate", cwd=workspace / "seeds")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("valid: 1 sources, 1 actors, 1 extracts")
    assert runner.invoke(app, ["schema", "--check", "-w", str(workspace)]).exit_code == 0


def test_shell_completion_offers_commands_and_subjects(workspace: Path) -> None:
    def complete(words: str, cword: int) -> list[str]:
        env = {"_BRIEF_COMPLETE": "complete_bash", "COMP_WORDS": words, "COMP_CWORD": str(cword)}
        return brief(cwd=workspace, env=env).stdout.split()

    assert complete("brief pa", 1) == ["pack"]
    assert complete("brief render mir", 2) == ["mircea-geoana"]
