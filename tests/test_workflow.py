"""The weekly-pack CI workflow parses and only calls `brief` commands that exist."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import typer.main
import yaml

from brief.cli import app

ROOT = Path(__file__).resolve().parents[1]
WORKFLOW = ROOT / ".github" / "workflows" / "weekly-pack.yml"


def _workflow() -> dict:
    return yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))


def _brief_calls() -> list[list[str]]:
    calls = []
    for job in _workflow()["jobs"].values():
        for step in job["steps"]:
            for line in step.get("run", "").splitlines():
                match = re.search(r"\bbrief\s+(.*)$", line)
                if match:
                    calls.append(shlex.split(match.group(1)))
    return calls


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
