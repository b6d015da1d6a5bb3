"""`brief pack --shard K/N` and `brief pack merge`: a pack rendered on N machines."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from brief.cli import app
from brief.pack.shard import expected_costs, plan_shards, split
from brief.pack.weeks import parse_week
from shipped_workspace import copy_shipped_workspace

WEEK = "2024-W38"
runner = CliRunner()


def cli(*args: str):
    return runner.invoke(app, list(args))


def every_file(folder: Path) -> dict[str, bytes]:
    """Every file but timings.json, the one file allowed to differ."""
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.name != "timings.json"}


def brief_process(*args: str, cwd: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "brief", *args],
        cwd=cwd,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def finish(process: subprocess.Popen) -> str:
    out, err = process.communicate(timeout=600)
    assert process.returncode == 0, err
    return out


@pytest.fixture
def ws(tmp_path: Path) -> Path:
    return copy_shipped_workspace(tmp_path / "ws", ("kosovo", "boris-ruge", "serbia"))


# ------------------------------------------------------------------ the split


def test_the_split_puts_each_brief_in_one_shard_and_balances_the_expected_work() -> None:
    costs = {"a": 30.0, "b": 10.0, "c": 10.0, "d": 10.0, "e": 5.0, "f": 5.0}
    shards = split(costs, 2)
    assert sorted(stem for shard in shards for stem in shard) == sorted(costs)
    loads = [sum(costs[s] for s in shard) for shard in shards]
    assert loads == [35.0, 35.0]
    # The same input, the same split: shards computed on different machines agree.
    assert split(dict(reversed(costs.items())), 2) == shards
    # More shards than briefs: the extra shards are empty, none is lost.
    assert [len(shard) for shard in split({"a": 1.0}, 3)] == [1, 0, 0]


def test_costs_come_from_the_last_packs_timings(tmp_path: Path) -> None:
    packs = tmp_path / "packs"
    (packs / "2024-W37").mkdir(parents=True)
    (packs / "2024-W36").mkdir(parents=True)
    (packs / "2024-W38.shard-1-of-2").mkdir(parents=True)  # not a pack: ignored
    timings = {"briefs": {"big": {"build": 2.0, "pdf": 18.0}, "small": {"pdf": 1.0}}}
    (packs / "2024-W37" / "timings.json").write_text(json.dumps(timings))
    (packs / "2024-W36" / "timings.json").write_text(json.dumps({"briefs": {"big": {"pdf": 1}}}))
    plan = plan_shards(["big", "new", "small", "tiny"], 2, packs, parse_week(WEEK))
    assert plan.costs_from == "2024-W37/timings.json"
    assert plan.costs["big"] == 20.0
    assert plan.costs["new"] == plan.costs["tiny"] == 10.5  # unknown: the median
    assert plan.shards == [["big", "small"], ["new", "tiny"]]  # 21 s each
    # No timings anywhere: every brief costs the same, dealt out by id.
    assert expected_costs(["x", "y"], {}) == {"x": 1.0, "y": 1.0}


@pytest.mark.parametrize("bad", ["0/2", "3/2", "2", "a/b", "1/0"])
def test_a_bad_shard_is_one_line_naming_the_option(ws: Path, bad: str) -> None:
    result = cli("pack", "--workspace", str(ws), "--shard", bad)
    assert result.exit_code == 2
    assert result.stderr.strip().splitlines() == [
        f"error: --shard: {bad!r} is not a shard; write K/N with 1 <= K <= N, e.g. 1/2"
    ]


# --------------------------------------------------- merged == one machine's


@pytest.mark.client
def test_merged_shards_are_byte_identical_to_one_machines_pack(ws: Path, tmp_path: Path) -> None:
    """N = 1, 2 and 3 shards, each in its own process and folder (as on N runners),
    merged, against the unsharded pack: every file, byte for byte. PDF only: it is
    the format whose combined pack_<week>.pdf is built in the merge."""
    common = ("--workspace", str(ws), "--week", WEEK, "--formats", "pdf")
    whole = tmp_path / "whole"
    processes = [brief_process("pack", *common, "--out", str(whole), cwd=tmp_path)]
    shard_folders: dict[int, list[Path]] = {}
    for count in (1, 2, 3):
        for index in range(1, count + 1):
            out = tmp_path / f"runner-{index}-of-{count}"
            shard_folders.setdefault(count, []).append(out / f"{WEEK}.shard-{index}-of-{count}")
            shard = f"{index}/{count}"
            processes.append(
                brief_process("pack", *common, "--shard", shard, "--out", str(out), cwd=tmp_path)
            )
    for process in processes:
        finish(process)
    expected = every_file(whole / WEEK)
    assert f"pack_{WEEK}.pdf" in expected and "changes.md" in expected
    for count, folders in shard_folders.items():
        rendered = [json.loads((f / "manifest.json").read_bytes())["briefs"] for f in folders]
        assert sorted(b["briefing"] for briefs in rendered for b in briefs) == [
            "boris-ruge",
            "kosovo",
            "serbia",
        ]
        merged = tmp_path / f"merged-{count}"
        line = finish(
            brief_process(
                "pack",
                "merge",
                *map(str, folders),
                "--workspace",
                str(ws),
                "--out",
                str(merged),
                cwd=tmp_path,
            )
        )
        assert line.startswith(f"pack {WEEK}: merged {count} shard")
        got = every_file(merged / WEEK)
        assert got.keys() == expected.keys()
        assert [name for name in expected if got[name] != expected[name]] == [], count


# ------------------------------------------------------- the merge's checks


def shard_run(ws: Path, out: Path, shard: str, *extra: str) -> Path:
    result = cli(
        "pack", "--workspace", str(ws), "--week", WEEK, "--formats", "md",
        "--shard", shard, "--out", str(out), *extra,
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    index, count = shard.split("/")
    return out / f"{WEEK}.shard-{index}-of-{count}"


def merge(ws: Path, out: Path, *folders: Path):
    return cli("pack", "merge", *map(str, folders), "--workspace", str(ws), "--out", str(out))


def test_a_missing_shard_is_named_and_nothing_is_written(ws: Path, tmp_path: Path) -> None:
    first = shard_run(ws, tmp_path / "a", "1/2")
    result = merge(ws, tmp_path / "merged", first)
    assert result.exit_code == 2
    assert f"{WEEK}.shard-2-of-2: shard 2/2 is missing: no folder given holds it" in result.stderr
    assert "Traceback" not in result.output
    assert not (tmp_path / "merged" / WEEK).exists()


def test_a_shard_given_twice_or_not_a_shard_is_named(ws: Path, tmp_path: Path) -> None:
    first = shard_run(ws, tmp_path / "a", "1/2")
    second = shard_run(ws, tmp_path / "b", "2/2")
    twice = merge(ws, tmp_path / "m1", first, second, first)
    assert twice.exit_code == 2
    assert f"{first}: shard 1/2 given twice (also {first})" in twice.stderr
    empty = tmp_path / "empty"
    empty.mkdir()
    result = merge(ws, tmp_path / "m2", first, empty, second)
    assert result.exit_code == 2
    assert result.stderr.startswith(f"{empty}: not a shard: no readable manifest.json")


def test_a_shard_from_other_inputs_is_named(ws: Path, tmp_path: Path) -> None:
    first = shard_run(ws, tmp_path / "a", "1/2")
    briefing = ws / "briefings" / "kosovo.yaml"
    briefing.write_text(briefing.read_text("utf-8").replace("Kosovo: country brief", "Kosovo"))
    second = shard_run(ws, tmp_path / "b", "2/2")
    result = merge(ws, tmp_path / "merged", first, second)
    assert result.exit_code == 2
    assert result.stderr.strip().splitlines() == [
        f"{first}: shard 1/2 has other inputs (seeds/ and briefings/ sha256) than this "
        "workspace and brief: render it again from the same commit",
        f"{second}: shard 2/2 has other inputs (seeds/ and briefings/ sha256) than shard 1/2 "
        f"in {first}",
        "2 problems found",
    ]


def test_a_changed_shard_file_is_named(ws: Path, tmp_path: Path) -> None:
    first = shard_run(ws, tmp_path / "a", "1/1")
    brief = next(first.glob("*.md"))
    brief.write_text("edited by hand\n", "utf-8")
    result = merge(ws, tmp_path / "merged", first)
    assert result.exit_code == 2
    assert f"{brief}: missing or changed since shard 1/1 wrote it" in result.stderr


def test_a_shard_re_renders_nothing_the_restored_pack_already_has(ws: Path) -> None:
    """In CI the last pack is restored before the shards run: its files are reused."""
    assert cli("pack", "--workspace", str(ws), "--week", WEEK, "--formats", "md").exit_code == 0
    result = cli(
        "pack", "--workspace", str(ws), "--week", WEEK, "--formats", "md", "--shard", "2/2"
    )
    assert result.exit_code == 0, result.output
    assert "0 brief files rendered" in result.stdout or "nothing to do" in result.stdout
    folder = ws / "output" / "packs" / f"{WEEK}.shard-2-of-2"
    manifest = json.loads((folder / "manifest.json").read_bytes())
    assert manifest["briefs"], "the shard lists the briefs it took over"
    for entry in manifest["briefs"]:
        for file in entry["files"]:
            assert (folder / file["path"]).is_file()


def test_a_failed_brief_in_a_shard_is_reported_by_the_merge(ws: Path, tmp_path: Path) -> None:
    (ws / "briefings" / "templates" / "broken.md.j2").write_text("{{ nope }}\n", "utf-8")
    (ws / "briefings" / "a-broken.yaml").write_text(
        "subject: montenegro\nkind: country\ntemplates:\n  actors: templates/broken.md.j2\n",
        "utf-8",
    )
    folders = []
    for shard in ("1/2", "2/2"):
        result = cli(
            "pack", "--workspace", str(ws), "--week", WEEK, "--formats", "md",
            "--shard", shard, "--out", str(tmp_path / "s"),
        )  # fmt: skip
        assert result.exit_code in (0, 2), result.output
        folders.append(tmp_path / "s" / f"{WEEK}.shard-{shard.replace('/', '-of-')}")
    summary = tmp_path / "summary.md"
    result = cli(
        "pack", "merge", *map(str, folders), "--workspace", str(ws),
        "--out", str(tmp_path / "m"), "--summary", str(summary),
    )  # fmt: skip
    assert result.exit_code == 2
    assert "briefings/a-broken.yaml: " in result.stderr
    text = summary.read_text("utf-8")
    assert text.startswith(f"## Weekly pack {WEEK}\n")
    assert "### Failed briefs\n\n- `a-broken`: " in text
    assert f"## What changed in {WEEK}" in text
    manifest = json.loads((tmp_path / "m" / WEEK / "manifest.json").read_bytes())
    assert [f["briefing"] for f in manifest["failures"]] == ["a-broken"]


def test_pack_plan_shows_the_split_the_shards_will_use(ws: Path, tmp_path: Path) -> None:
    result = cli("pack", "plan", "--workspace", str(ws), "--week", WEEK, "--shards", "2")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [
        f"pack {WEEK} (cut-off 2024-09-22), 2 shards, no earlier timings: equal shares",
        "  shard 1/2: boris-ruge, serbia",
        "  shard 2/2: kosovo",
    ]
    # What the plan says is what the shards do.
    folder = shard_run(ws, tmp_path / "a", "2/2")
    briefs = json.loads((folder / "manifest.json").read_bytes())["briefs"]
    assert [b["briefing"] for b in briefs] == ["kosovo"]
    data = json.loads(cli("pack", "plan", "--workspace", str(ws), "--week", WEEK, "--json").stdout)
    assert data["week"] == WEEK and data["previous_week"] == "2024-W37"
    assert [s["folder"] for s in data["shards"]] == [
        f"{WEEK}.shard-1-of-2",
        f"{WEEK}.shard-2-of-2",
    ]
