"""A pack rendered on several machines: `--shard K/N` runs, then one merge.

A shard renders its share of the briefings (see `brief.pack.shard`) into
`<packs>/<week>.shard-K-of-N/` with a partial manifest: the brief entries
exactly as the whole pack's manifest would hold them, its failures, and what
must agree for a merge (week, cut-off, formats, inputs' and tool's hashes,
the split). The merge checks the shards, copies their files and then runs the
same last step as `build_pack` (changes.md, the combined PDF, the manifest),
so the merged pack has the same bytes as one machine's.
"""

from __future__ import annotations

import datetime as dt
import time
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from brief.errors import InvalidInput, Problem
from brief.pack.files import (
    TOOL,
    dump,
    manifest_problem,
    read_json,
    read_manifest,
    sha256,
    up_to_date,
)
from brief.pack.options import PackOptions, PackResult
from brief.pack.shard import Plan, Shard, plan_shards
from brief.pack.staging import PackLock, Staging, recover

if TYPE_CHECKING:
    from brief.pack import _Pack
    from brief.pack.progress import PlainProgress
    from brief.pack.worker import Task

# What every shard of one pack must share, and how a mismatch is worded.
AGREE = {
    "pack": "week",
    "as_of": "information cut-off",
    "formats": "formats",
    "tool": "brief version",
    "tool_sha256": "brief's code (tool sha256)",
    "inputs_sha256": "inputs (seeds/ and briefings/ sha256)",
}


def _take_from_pack(
    state: _Pack, pack_folder: Path, tasks: list[Task], kept: dict[str, Any]
) -> list[Task]:
    """Copy what the whole pack (restored from the last run) holds up to date instead of
    rendering it, so a shard renders no more than a one-machine pack would."""
    whole = read_manifest(pack_folder / "manifest.json", state.progress.note)
    pack = {b.get("briefing"): b for b in whole.get("briefs", [])}
    left = []
    for task in tasks:
        entry = pack.get(task.stem) or {}
        files = {f.get("format"): f for f in entry.get("files", [])}
        render = []
        for fmt in task.formats:
            file = files.get(fmt)
            if file is None or not up_to_date(pack_folder, file, state.file_key(task.stem, fmt)):
                render.append(fmt)
                continue
            state.put(file["path"], (pack_folder / file["path"]).read_bytes())
            kept.setdefault(task.stem, {**entry, "files": []})["files"].append(file)
            state.result.cached.append(file["path"])
        if render:
            left.append(replace(task, formats=tuple(render)))
    return left


def render_shard(state: _Pack, shard: Shard, started: float) -> PackResult:
    """Render this shard's briefings into its folder and write its partial manifest."""
    stems = sorted(state.corpus.briefings)
    plan = plan_shards(stems, shard.count, state.packs, state.week)
    state.selected = set(plan.shards[shard.index - 1])
    pack_folder = state.folder
    label = shard.folder_name(state.week)
    state.folder = state.result.folder = state.packs / label
    # A shard folder is a pack of its own: built in a staging folder, switched in whole.
    with PackLock(state.packs, label, state.progress.note):
        for line in recover(state.packs, label):
            state.progress.note(line)
        with Staging(state.packs, label) as state.staging:
            state.read_previous()
            tasks, kept = state.plan()
            tasks = _take_from_pack(state, pack_folder, tasks, kept)
            state.progress.start(len(tasks), len(state.result.cached))
            try:
                outcomes = state.run(tasks)
            finally:
                state.progress.stop()
            briefs = state.brief_entries(outcomes, kept)
            state.result.failures.sort()
            state.put("manifest.json", dump(_shard_manifest(state, shard, plan, stems, briefs)))
            if state.result.rendered or state.result.failures:
                state.timings["(total)"] = {"seconds": round(time.perf_counter() - started, 3)}
            state.put("timings.json", dump({"briefs": state.timings}))
            state.staging.commit()
    return state.result


def _shard_manifest(
    state: _Pack, shard: Shard, plan: Plan, stems: list[str], briefs: list[dict[str, Any]]
) -> dict[str, Any]:
    """The brief entries as the whole pack's manifest holds them, and what must agree."""
    return {
        "pack": state.week.label,
        "as_of": state.as_of.isoformat(),
        "tool": TOOL,
        "tool_sha256": state.tool,
        "inputs_sha256": state.inputs,
        "formats": list(state.options.formats),
        "shard": {"index": shard.index, "count": shard.count, **plan.as_json()},
        "briefings": stems,
        "briefs": briefs,
        "failures": [
            {"briefing": s, "error": e, "invalid_input": invalid}
            for s, e, invalid in state.result.failures
        ],
    }


@dataclass
class _ShardRun:
    folder: Path
    manifest: dict[str, Any]

    @property
    def label(self) -> str:
        info = self.manifest["shard"]
        return f"{info['index']}/{info['count']}"

    def stems(self) -> list[str]:
        done = [b["briefing"] for b in self.manifest.get("briefs", [])]
        return done + [f["briefing"] for f in self.manifest.get("failures", [])]


def _read_shards(folders: list[Path]) -> tuple[list[_ShardRun], list[Problem]]:
    runs, problems = [], []
    for folder in folders:
        manifest = read_json(folder / "manifest.json")
        if not folder.is_dir():
            problems.append(Problem(file=str(folder), message="no such folder"))
        elif not manifest:
            problems.append(
                Problem(
                    file=str(folder),
                    message="not a shard: no readable manifest.json "
                    "(did its `brief pack --shard K/N` run fail?)",
                )
            )
        elif not isinstance(manifest.get("shard"), dict):
            problems.append(
                Problem(file=str(folder), message="a whole pack, not the folder of one shard")
            )
        elif problem := _shard_problem(manifest):
            problems.append(Problem(file=str(folder / "manifest.json"), message=problem))
        else:
            runs.append(_ShardRun(folder, manifest))
    return runs, problems


def _shard_problem(manifest: dict[str, Any]) -> str | None:
    """What makes a shard's manifest unusable (hand-edited, cut short, another program's)."""
    shard = manifest["shard"]
    if not all(isinstance(shard.get(k), int) for k in ("index", "count")):
        return "shard: index and count must be whole numbers"
    failures = manifest.get("failures", [])
    if not isinstance(failures, list) or not all(
        isinstance(f, dict) and isinstance(f.get("briefing"), str) for f in failures
    ):
        return "failures: not a list of {briefing, error}"
    if not isinstance(manifest.get("as_of"), str):
        return "as_of: missing"
    return manifest_problem(manifest)


def _check_agreement(runs: list[_ShardRun], state: _Pack) -> list[Problem]:
    """Every shard against the first one and against this workspace and brief."""
    problems = []
    first = runs[0]
    here = {"tool": TOOL, "tool_sha256": state.tool, "inputs_sha256": state.inputs}
    for run in runs:
        for field, what in AGREE.items():
            theirs = run.manifest.get(field)
            if field in here and theirs != here[field]:
                problems.append(
                    Problem(
                        file=str(run.folder),
                        message=f"shard {run.label} has other {what} than this workspace "
                        f"and brief: render it again from the same commit",
                    )
                )
            elif run is not first and theirs != first.manifest.get(field):
                # Hashes say nothing to a reader; a week or a format list does.
                shown = "" if field.endswith("sha256") else f" ({theirs})"
                problems.append(
                    Problem(
                        file=str(run.folder),
                        message=f"shard {run.label} has other {what}{shown} than shard "
                        f"{first.label} in {first.folder}",
                    )
                )
    return problems


def _check_set(runs: list[_ShardRun], week: str) -> list[Problem]:
    """Shards 1..N each exactly once."""
    problems = []
    counts = {run.manifest["shard"].get("count") for run in runs}
    if len(counts) > 1:
        shown = ", ".join(f"{run.label} ({run.folder})" for run in runs)
        return [Problem(file="<shards>", message=f"shards of different splits: {shown}")]
    count = counts.pop()
    seen: dict[int, _ShardRun] = {}
    for run in runs:
        index = run.manifest["shard"].get("index")
        if index in seen:
            problems.append(
                Problem(
                    file=str(run.folder),
                    message=f"shard {run.label} given twice (also {seen[index].folder})",
                )
            )
        seen[index] = run
    for index in range(1, count + 1):
        if index not in seen:
            problems.append(
                Problem(
                    file=f"{week}.shard-{index}-of-{count}",
                    message=f"shard {index}/{count} is missing: no folder given holds it",
                )
            )
    return problems


def _check_briefs(runs: list[_ShardRun], state: _Pack) -> list[Problem]:
    """Every briefing of the workspace in exactly one shard; every listed file intact."""
    problems = []
    where: dict[str, list[_ShardRun]] = {}
    for run in runs:
        for stem in run.stems():
            where.setdefault(stem, []).append(run)
        for entry in run.manifest.get("briefs", []):
            for file in entry.get("files", []):
                path = run.folder / file["path"]
                if not path.is_file() or sha256(path.read_bytes()) != file.get("sha256"):
                    problems.append(
                        Problem(
                            file=str(path),
                            message=f"missing or changed since shard {run.label} wrote it",
                        )
                    )
    for stem in sorted(state.corpus.briefings):
        found = where.get(stem, [])
        if not found:
            problems.append(
                Problem(file=f"briefings/{stem}.yaml", message="rendered by none of the shards")
            )
        elif len(found) > 1:
            shown = " and ".join(f"{r.label} ({r.folder})" for r in found)
            problems.append(
                Problem(file=f"briefings/{stem}.yaml", message=f"rendered by shards {shown}")
            )
    for stem in sorted(set(where) - set(state.corpus.briefings)):
        problems.append(
            Problem(
                file=str(where[stem][0].folder),
                message=f"holds briefing {stem!r}, which this workspace does not have",
            )
        )
    return problems


def merge(root: Path, folders: list[Path], out: Path | None, progress: PlainProgress) -> PackResult:
    from brief import api
    from brief.pack import _finish, _Pack

    started = time.perf_counter()
    runs, problems = _read_shards(folders)
    if problems or not runs:
        raise InvalidInput(problems or Problem(file="<shards>", message="no shard folder given"))
    runs.sort(key=lambda r: (r.manifest["shard"].get("index", 0), str(r.folder)))
    first = runs[0].manifest
    options = PackOptions(
        root=root,
        as_of=dt.date.fromisoformat(first["as_of"]),
        formats=tuple(first.get("formats", ())),
        out=out,
    )
    state = _Pack(options, api.load(root), progress)
    problems = _check_agreement(runs, state) + _check_set(runs, first["pack"])
    problems += _check_briefs(runs, state)
    if problems:
        raise InvalidInput(problems)

    with PackLock(state.packs, state.week.label, progress.note):
        for line in recover(state.packs, state.week.label):
            progress.note(line)
        with Staging(state.packs, state.week.label) as state.staging:
            state.read_previous()
            briefs = _take_shards(state, runs)
            _finish(state, briefs, started)
            state.staging.commit()
    return state.result


def _take_shards(state: _Pack, runs: list[_ShardRun]) -> list[dict[str, Any]]:
    """Every shard's files into the new pack; their entries, failures and timings."""
    briefs: dict[str, dict[str, Any]] = {}
    for run in runs:
        for entry in run.manifest.get("briefs", []):
            briefs[entry["briefing"]] = entry
            for file in entry["files"]:
                if state.put(file["path"], (run.folder / file["path"]).read_bytes()):
                    state.result.rendered.append(file["path"])
                else:
                    state.result.cached.append(file["path"])
        state.result.failures += [
            (f["briefing"], f["error"], bool(f.get("invalid_input")))
            for f in run.manifest.get("failures", [])
        ]
        timings = read_json(run.folder / "timings.json").get("briefs") or {}
        state.timings.update({s: t for s, t in timings.items() if not s.startswith("(")})
    return [briefs[stem] for stem in sorted(briefs)]


def merge_line(result: PackResult, shards: int, where: str) -> str:
    """One line for the user: what the merge wrote."""
    files = len(result.rendered) + len(result.cached)
    line = f"pack {result.week.label}: merged {shards} shard{'' if shards == 1 else 's'}, "
    line += f"{files} brief file{'' if files == 1 else 's'}"
    if result.failures:
        line += f", {len(result.failures)} failed"
    written = [*(["brief files"] if result.rendered else []), *result.written]
    line += f"; wrote {', '.join(written)}" if written else "; nothing changed"
    return f"{line} ({where})"


def step_summary(result: PackResult, line: str) -> str:
    """Markdown for a CI job summary: the merge line, failed briefs, then changes.md."""
    lines = [f"## Weekly pack {result.week.label}", "", line, ""]
    if result.failures:
        lines += ["### Failed briefs", ""]
        lines += [f"- `{stem}`: {error}" for stem, error, _ in result.failures]
        lines.append("")
    changes = result.folder / "changes.md"
    if changes.is_file():
        # One level down, under the summary's own heading.
        text = changes.read_text("utf-8")
        lines += ["#" + line if line.startswith("#") else line for line in text.splitlines()]
    return "\n".join(lines) + "\n"


def plan(options: PackOptions, count: int) -> dict[str, Any]:
    """The week and the split of its briefings into `count` shards, as the shards
    would compute it now (`brief pack plan`): for CI (the week) and for people."""
    from brief import api
    from brief.pack.options import resolve_week
    from brief.pack.shard import timings_source

    corpus = api.load(options.root)
    week, as_of = resolve_week(corpus, options.week, options.as_of)
    packs = options.out if options.out is not None else options.root / "output" / "packs"
    split = plan_shards(sorted(corpus.briefings), count, packs, week)
    timed = timings_source(packs, week) is not None
    return {
        "week": week.label,
        "previous_week": week.previous().label,
        "as_of": as_of.isoformat(),
        "costs_from": split.costs_from,
        "shards": [
            {
                "index": index,
                "folder": Shard(index, count).folder_name(week),
                "briefings": stems,
                "expected_seconds": (
                    round(sum(split.costs[s] for s in stems), 1) if timed else None
                ),
            }
            for index, stems in enumerate(split.shards, start=1)
        ],
    }


def plan_lines(data: dict[str, Any]) -> list[str]:
    count = len(data["shards"])
    source = (
        f"expected seconds from {data['costs_from']}"
        if data["costs_from"]
        else "no earlier timings: equal shares"
    )
    lines = [f"pack {data['week']} (cut-off {data['as_of']}), {count} shards, {source}"]
    for shard in data["shards"]:
        about = (
            f" (about {shard['expected_seconds']} s)"
            if shard["expected_seconds"] is not None
            else ""
        )
        names = ", ".join(shard["briefings"]) or "(none)"
        lines.append(f"  shard {shard['index']}/{count}: {names}{about}")
    return lines
