"""The GitHub workflows: their structure, their schema, and their `brief` steps run
here in order, job by job, as the runners would (on a copy of the sample corpus)."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from shipped_workspace import copy_shipped_workspace

ROOT = Path(__file__).resolve().parents[1]
WORKFLOWS = ROOT / ".github" / "workflows"
PACK = WORKFLOWS / "weekly-pack.yml"
TEST = WORKFLOWS / "test.yml"
# The oldest major version of each action that is still current; a pin below it fails.
CURRENT_MAJOR = {
    "actions/checkout": 7,
    "actions/setup-python": 7,
    "actions/cache": 6,
    "actions/upload-artifact": 7,
    "actions/download-artifact": 8,
}
_PIN = re.compile(
    r"uses:\s*(?P<action>[\w.-]+/[\w.-]+)(?P<sub>/[\w./-]+)?@(?P<ref>\S+)(?P<rest>.*)$"
)


def load(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def triggers(workflow: dict) -> dict:
    return workflow.get("on") or workflow[True]  # YAML 1.1 reads `on` as true


def steps_using(job: dict, action: str) -> list[int]:
    return [i for i, s in enumerate(job["steps"]) if s.get("uses", "").startswith(action + "@")]


def steps_running(job: dict, words: str) -> list[int]:
    return [i for i, s in enumerate(job["steps"]) if words in s.get("run", "")]


# ---------------------------------------------------------------- structure


def test_weekly_pack_runs_on_schedule_and_on_demand_with_a_shard_count() -> None:
    on = triggers(load(PACK))
    assert on["schedule"][0]["cron"]
    inputs = on["workflow_dispatch"]["inputs"]
    assert inputs["shards"]["default"] == 2 and inputs["shards"]["type"] == "number"
    assert {"week", "formats"} <= inputs.keys()


def test_weekly_pack_checks_then_shards_then_merges() -> None:
    jobs = load(PACK)["jobs"]
    assert list(jobs) == ["check", "shard", "merge"]
    check, shard, merge = jobs["check"], jobs["shard"], jobs["merge"]
    assert steps_running(check, "brief validate") and steps_running(check, "brief templates check")
    assert shard["needs"] == "check"
    assert shard["strategy"]["matrix"]["shard"] == "${{ fromJSON(needs.check.outputs.shards) }}"
    assert shard["strategy"]["fail-fast"] is False  # one failing shard keeps the others
    assert (
        '--shard "$SHARD/$SHARDS"' in shard["steps"][steps_running(shard, "brief pack")[0]]["run"]
    )
    assert set(merge["needs"]) == {"check", "shard"}
    assert "!cancelled()" in merge["if"]  # runs to name a failed shard
    [merge_step] = steps_running(merge, "brief pack merge")
    assert '--summary "$GITHUB_STEP_SUMMARY"' in merge["steps"][merge_step]["run"]
    [upload] = [i for i in steps_using(merge, "actions/upload-artifact") if i > merge_step]
    assert merge["steps"][upload]["with"]["path"] == "output/packs/${{ needs.check.outputs.week }}/"


def test_every_job_caches_pip_and_the_packing_jobs_restore_the_last_pack_first() -> None:
    for path in (PACK, TEST):
        for job in load(path)["jobs"].values():
            [setup] = steps_using(job, "actions/setup-python")
            assert job["steps"][setup]["with"]["cache"] == "pip"
    jobs = load(PACK)["jobs"]
    for name, words in (("shard", "brief pack --week"), ("merge", "brief pack merge")):
        job = jobs[name]
        [restore] = steps_using(job, "actions/cache/restore")
        [packing] = steps_running(job, words)
        assert restore < packing, f"{name}: the last pack must be there before packing"
        cache = job["steps"][restore]["with"]
        assert cache["path"] == "output/packs"
        assert "needs.check.outputs.week" in cache["key"]
        keys = cache["restore-keys"].splitlines()
        assert keys[0].endswith("week }}-") and keys[1].endswith("previous }}-")
    [save] = steps_using(jobs["merge"], "actions/cache/save")
    assert save > steps_running(jobs["merge"], "brief pack merge")[0]


def test_every_action_is_pinned_by_commit_at_a_current_major_version() -> None:
    pins: dict[str, set[str]] = {}
    for path in (PACK, TEST):
        for line in path.read_text(encoding="utf-8").splitlines():
            match = _PIN.search(line)
            if not match:
                continue
            action, ref, rest = match["action"], match["ref"], match["rest"]
            assert re.fullmatch(r"[0-9a-f]{40}", ref), f"{path.name}: {line.strip()}"
            tag = re.fullmatch(r"\s*#\s*v(\d+)(\.\d+)*\s*", rest)
            assert tag, f"{path.name}: no tag comment: {line.strip()}"
            assert int(tag[1]) >= CURRENT_MAJOR[action], f"{path.name}: old: {line.strip()}"
            pins.setdefault(action, set()).add(f"{ref}{rest}")
    assert pins.keys() == CURRENT_MAJOR.keys()
    assert all(len(refs) == 1 for refs in pins.values()), pins  # one commit per action


def test_the_test_workflow_runs_the_readmes_test_command_on_push_and_pull_request() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    command = re.search(r"run all tests.*?\n\n    ([^\n]+)\n", readme, re.S)[1]
    workflow = load(TEST)
    assert {"push", "pull_request"} <= triggers(workflow).keys()
    runs = [s.get("run", "").strip() for job in workflow["jobs"].values() for s in job["steps"]]
    assert command in runs


def test_the_workflows_pass_the_github_workflows_schema_offline() -> None:
    """check-jsonschema's vendored copy of the schema: nothing is downloaded."""
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "check_jsonschema",
            "--builtin-schema",
            "vendor.github-workflows",
            str(PACK),
            str(TEST),
        ],
        capture_output=True,
        text=True,
        env={**os.environ, "NO_COLOR": "1"},
    )
    assert result.returncode == 0, result.stdout + result.stderr


# ------------------------------------------------ the jobs, run here in order


class Runner:
    """Just enough of GitHub Actions to run the weekly pack here: each job in a fresh
    copy of the workspace (runners share nothing), `run:` steps in bash with the step's
    environment, and artifacts and the actions cache as folders in between."""

    def __init__(self, tmp: Path, source: Path, inputs: dict, run_id: int) -> None:
        self.tmp, self.source, self.inputs, self.run_id = tmp, source, inputs, run_id
        self.artifacts: dict[str, Path] = {}
        self.outputs: dict[str, dict[str, str]] = {}
        self.logs: dict[str, str] = {}
        self.summaries: dict[str, str] = {}

    def value(self, expr: str, ctx: dict) -> object:
        """The expressions the workflow uses: `a || b`, dotted names, fromJSON(x), literals."""
        for part in (p.strip() for p in expr.split("||")):
            if part.startswith("fromJSON(") and part.endswith(")"):
                found: object = json.loads(str(self.value(part[9:-1], ctx)))
            elif re.fullmatch(r"'[^']*'", part):
                found = part[1:-1]
            elif re.fullmatch(r"\d+", part):
                found = int(part)
            else:
                found = ctx
                for name in part.split("."):
                    assert isinstance(found, dict) and name in found, f"unknown: {part}"
                    found = found[name]
            if found not in ("", None):
                return found
        return ""

    def expand(self, text: object, ctx: dict) -> object:
        if not isinstance(text, str):
            return text
        whole = re.fullmatch(r"\$\{\{\s*(.*?)\s*\}\}", text)
        if whole:
            return self.value(whole[1], ctx)
        return re.sub(r"\$\{\{\s*(.*?)\s*\}\}", lambda m: str(self.value(m[1], ctx)), text)

    def run_job(self, name: str, job: dict, workflow_env: dict, cache: dict, matrix=None) -> None:
        label = name if matrix is None else f"{name}-{matrix}"
        home = self.tmp / f"run{self.run_id}-{label}"
        shutil.copytree(self.source, home)
        stub = home / "scripts" / "run.sh"  # the README's set-up is tested on its own
        stub.parent.mkdir(exist_ok=True)
        stub.write_text('#!/bin/sh\nexec "$@"\n')
        stub.chmod(0o755)
        summary = home.parent / f"run{self.run_id}-{label}.summary.md"
        summary.write_text("")
        ctx: dict = {
            "inputs": self.inputs,
            "needs": {n: {"outputs": o} for n, o in self.outputs.items()},
            "matrix": {"shard": matrix},
            "github": {"run_id": self.run_id, "run_number": self.run_id, "run_attempt": 1},
        }
        env = {k: str(self.expand(v, ctx)) for k, v in workflow_env.items()}
        env.update(
            {k: str(self.expand(v, {**ctx, "env": env})) for k, v in job.get("env", {}).items()}
        )
        ctx["env"] = env
        self.outputs[name] = {}
        for step in job["steps"]:
            if "failure()" in step.get("if", ""):
                continue  # the runs here succeed
            if "run" in step and "bootstrap.sh" not in step["run"]:
                self.run_step(step, home, env, summary, label, ctx)
            elif "uses" in step:
                self.use(step, home, ctx, cache)
        for key, value in job.get("outputs", {}).items():
            step_id, output = re.fullmatch(
                r"\$\{\{ steps\.(\w+)\.outputs\.(\w+) \}\}", value
            ).groups()
            self.outputs[name][key] = ctx["steps"][step_id][output]
        self.summaries[label] = summary.read_text()

    def run_step(self, step: dict, home: Path, env: dict, summary: Path, label: str, ctx: dict):
        output = home.parent / f"{home.name}.output"
        output.write_text("")
        step_env = {k: str(self.expand(v, ctx)) for k, v in step.get("env", {}).items()}
        venv_bin = str(Path(sys.executable).parent)
        full = {
            **os.environ,
            **env,
            **step_env,
            "PATH": f"{venv_bin}:{os.environ['PATH']}",
            "GITHUB_OUTPUT": str(output),
            "GITHUB_STEP_SUMMARY": str(summary),
        }
        full.pop("BRIEF_WORKSPACE", None)
        done = subprocess.run(
            ["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", step["run"]],
            cwd=home,
            env=full,
            capture_output=True,
            text=True,
        )
        self.logs[f"{label}: {step.get('name', step['run'][:40])}"] = done.stdout + done.stderr
        assert done.returncode == 0, f"{label}: {step['run']}\n{done.stdout}\n{done.stderr}"
        if "id" in step:
            pairs = [ln.split("=", 1) for ln in output.read_text().splitlines() if "=" in ln]
            ctx.setdefault("steps", {})[step["id"]] = dict(pairs)

    def use(self, step: dict, home: Path, ctx: dict, cache: dict) -> None:
        action = step["uses"].split("@")[0]
        args = {k: self.expand(v, ctx) for k, v in step.get("with", {}).items()}
        if action == "actions/upload-artifact":
            kept = self.tmp / "artifacts" / f"run{self.run_id}" / str(args["name"])
            shutil.copytree(home / str(args["path"]), kept)
            self.artifacts[str(args["name"])] = kept
        elif action == "actions/download-artifact":
            pattern = re.compile(str(args["pattern"]).replace("*", ".*"))
            for name, kept in sorted(self.artifacts.items()):
                if pattern.fullmatch(name):
                    shutil.copytree(kept, home / str(args["path"]) / name)
        elif action == "actions/cache/restore":
            for prefix in [str(args["key"]), *str(args["restore-keys"]).splitlines()]:
                hits = sorted(k for k in cache if k.startswith(prefix))
                if hits:  # GitHub takes the newest match: keys here grow with the run id
                    shutil.copytree(cache[hits[-1]], home / str(args["path"]))
                    break
        elif action == "actions/cache/save":
            key = str(args["key"])
            assert key not in cache, "a cache key is written once; a re-run needs a new key"
            cache[key] = self.tmp / "cache" / key
            shutil.copytree(home / str(args["path"]), cache[key])

    def run(self, workflow: dict, cache: dict) -> None:
        jobs = workflow["jobs"]
        self.run_job("check", jobs["check"], workflow["env"], cache)
        for shard in json.loads(self.outputs["check"]["shards"]):
            self.run_job("shard", jobs["shard"], workflow["env"], cache, matrix=shard)
        self.run_job("merge", jobs["merge"], workflow["env"], cache)


def test_the_weekly_pack_runs_here_job_by_job_with_last_weeks_pack_as_history(
    tmp_path: Path,
) -> None:
    source = copy_shipped_workspace(tmp_path / "checkout", ("kosovo", "boris-ruge", "serbia"))
    workflow = load(PACK)
    cache: dict[str, Path] = {}
    runs = []
    for run_id, week in enumerate(("2024-W37", "2024-W38", "2024-W38"), start=1):
        runner = Runner(tmp_path, source, {"week": week, "formats": "md", "shards": 2}, run_id)
        runner.run(workflow, cache)
        runs.append(runner)
    first, second, again = runs
    assert first.outputs["check"] == {
        "week": "2024-W37",
        "previous": "2024-W36",
        "shards": "[1,2]",
    }
    pack = second.artifacts["weekly-pack-2024-W38-2"]
    assert {p.name for p in pack.iterdir()} >= {"changes.md", "manifest.json"}
    names = [b["briefing"] for b in json.loads((pack / "manifest.json").read_bytes())["briefs"]]
    assert names == ["boris-ruge", "kosovo", "serbia"]
    # History: the second week compares with the first week's pack, restored from the cache.
    assert "No pack of" in (first.artifacts["weekly-pack-2024-W37-1"] / "changes.md").read_text()
    assert "Compared with the pack of 2024-W37." in (pack / "changes.md").read_text()
    assert second.summaries["merge"].startswith("## Weekly pack 2024-W38\n")
    assert "Compared with the pack of 2024-W37." in second.summaries["merge"]
    # The render cache: the same week again renders nothing, on either shard.
    shard_logs = [log for step, log in again.logs.items() if step.startswith("shard-")]
    assert shard_logs and all("brief files rendered" not in log for log in shard_logs)
    assert sum("nothing to do" in log for log in shard_logs) == 2
    again_pack = again.artifacts["weekly-pack-2024-W38-3"]
    assert (again_pack / "changes.md").read_bytes() == (pack / "changes.md").read_bytes()


@pytest.mark.parametrize("path", [PACK, TEST])
def test_each_brief_command_of_the_workflows_is_run_by_the_test_above(path: Path) -> None:
    """Guard for the runner: a new `brief` step in a job it does not know would not run."""
    for name, job in load(path)["jobs"].items():
        for step in job["steps"]:
            if re.search(r"\bbrief\s", step.get("run", "")):
                assert path == PACK and name in ("check", "shard", "merge"), (name, step)
