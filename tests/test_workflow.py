"""The weekly-pack CI workflow parses and only calls `brief` commands that exist."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest
import typer.main
import yaml

from brief.cli import UsageError, app
from brief.errors import InvalidInput

ROOT = Path(__file__).resolve().parents[1]
WORKFLOW = ROOT / ".github" / "workflows" / "weekly-pack.yml"


def _workflow() -> dict:
    return yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))


def _example_values() -> dict[str, str]:
    """What the workflow's variables hold on a manual run: the formats' default, a week."""
    inputs = (_workflow().get("on") or _workflow()[True])["workflow_dispatch"]["inputs"]
    return {"WEEK": "2024-W38", "FORMATS": inputs["formats"]["default"]}


def _brief_calls() -> list[list[str]]:
    calls = []
    values = _example_values()
    for job in _workflow()["jobs"].values():
        for step in job["steps"]:
            for line in step.get("run", "").splitlines():
                match = re.search(r"\bbrief\s+(.*)$", line)
                if match:
                    words = re.sub(r"\$\{?(\w+)\}?", lambda m: values[m[1]], match.group(1))
                    calls.append(shlex.split(words))
    return calls


def _parse(args: list[str]) -> dict:
    """Parse `brief ARGS` as the real CLI does (types, ranges, required arguments,
    pack's --week and --formats), without running the command."""
    from brief.pack import parse_formats
    from brief.pack.weeks import parse_week

    group = typer.main.get_command(app)
    with group.make_context("brief", list(args)) as ctx:
        name, command, rest = group.resolve_command(ctx, [*ctx._protected_args, *ctx.args])
        with command.make_context(name, rest, parent=ctx) as sub:
            params = dict(sub.params)
    if name == "pack":
        parse_formats(params["formats"])
        if params["week"]:
            parse_week(params["week"])
    return params


def test_workflow_runs_weekly_and_on_demand() -> None:
    triggers = _workflow().get("on") or _workflow()[True]  # YAML 1.1 reads `on` as true
    assert "workflow_dispatch" in triggers
    assert triggers["schedule"][0]["cron"]


def test_workflow_sets_up_as_the_readme_says_and_keeps_the_pack() -> None:
    steps = next(iter(_workflow()["jobs"].values()))["steps"]
    runs = " ".join(step.get("run", "") for step in steps)
    assert "scripts/bootstrap.sh" in runs
    assert "scripts/bootstrap.sh" in (ROOT / "scripts" / "run.sh").read_text()
    uploads = [s for s in steps if s.get("uses", "").startswith("actions/upload-artifact")]
    assert uploads
    assert uploads[0]["with"]["path"].startswith("output/packs")


def test_every_brief_command_in_the_workflow_exists() -> None:
    calls = _brief_calls()
    assert any(call[0] == "pack" for call in calls)
    group = typer.main.get_command(app)
    for call in calls:
        command = group.commands.get(call[0])
        assert command is not None, f"workflow calls unknown command: brief {call[0]}"
        known = {opt for param in command.params for opt in param.opts}
        for word in call[1:]:
            if word.startswith("--"):
                assert word in known, f"brief {call[0]} has no option {word}"


def test_every_brief_command_line_in_the_workflow_parses() -> None:
    calls = _brief_calls()
    assert [call[0] for call in calls].count("pack") == 2
    for call in calls:
        params = _parse(call)
        if call[0] == "pack":
            assert params["jobs"] == 2
            assert params["formats"] == "pdf,docx"


@pytest.mark.parametrize(
    "args",
    [
        ["pack", "--jobs", "0"],
        ["pack", "--formats", "xls"],
        ["pack", "--week", "2024-W60"],
        ["pack", "--wek", "2024-W38"],
        ["render"],
    ],
)
def test_the_parse_check_rejects_a_broken_command_line(args: list[str]) -> None:
    with pytest.raises((UsageError, InvalidInput)):
        _parse(args)
