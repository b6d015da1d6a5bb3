"""The sharded pack: N `brief pack --shard K/N` processes at once, then the merge.

    python benchmarks/shards.py                     # large preset, 1, 2 and 4 shards
    python benchmarks/shards.py --size small --shards 1,2

Each shard runs as its own process in its own output folder with its own
(cold) corpus cache, as on N fresh CI runners; all N start together, so on
this machine they share its CPUs (the table says how many each had at most).
Then `brief pack merge` runs on the N folders, cold too. Prints, per N, each
shard's wall and CPU seconds, the slowest shard, the merge and the total
(slowest shard + merge), and checks that the merged pack has the same bytes
as the 1-shard one (timings.json aside).
"""

from __future__ import annotations

import argparse
import contextlib
import os
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import run  # benchmarks/ is not a package: found through sys.path
import synth


@dataclass
class Done:
    seconds: float
    cpu: float
    returncode: int
    stderr: str


def together(commands: list[tuple[list[str], dict[str, str]]]) -> list[Done]:
    """Start every command at once; each one's wall time (start to its own end) and CPU."""
    done: dict[int, Done] = {}
    with contextlib.ExitStack() as stack:
        start = time.perf_counter()
        running = {}
        for i, (cmd, env) in enumerate(commands):
            err = stack.enter_context(tempfile.TemporaryFile())
            proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=err)
            running[proc.pid] = (i, err)
        while running:
            pid, status, usage = os.wait4(-1, 0)
            if pid not in running:
                continue
            i, err = running.pop(pid)
            err.seek(0)
            done[i] = Done(
                time.perf_counter() - start,
                usage.ru_utime + usage.ru_stime,
                os.waitstatus_to_exitcode(status),
                err.read().decode("utf-8", "replace"),
            )
    return [done[i] for i in range(len(commands))]


def env_for(cache: Path) -> dict[str, str]:
    env = run.child_env()
    env["BRIEF_CACHE_DIR"] = str(cache)  # a runner of its own: nothing validated yet
    env["CI"] = "true"
    return env


def pack_files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.name != "timings.json"}


def measure(ws: Path, count: int, tmp: Path, formats: str) -> tuple[list[Done], Done, Path]:
    base = ["pack", "--as-of", synth.AS_OF.isoformat(), "--workspace", str(ws)]
    base += ["--formats", formats, "--jobs", "1"]
    commands, folders = [], []
    for index in range(1, count + 1):
        runner = tmp / f"n{count}-runner{index}"
        cmd = run.brief_cmd(*base, "--shard", f"{index}/{count}", "--out", str(runner / "packs"))
        commands.append((cmd, env_for(runner / "cache")))
        folders.append(runner / "packs")
    shards = together(commands)
    for done in shards:
        if done.returncode != 0:
            raise SystemExit(f"a shard failed: {run.last_line(done.stderr)}")
    given = [str(next(f.glob("*.shard-*"))) for f in folders]
    merged = tmp / f"n{count}-merged"
    cmd = run.brief_cmd("pack", "merge", *given, "--workspace", str(ws), "--out", str(merged))
    [merge] = together([(cmd, env_for(tmp / f"n{count}-merge-cache"))])
    if merge.returncode != 0:
        raise SystemExit(f"the merge failed: {run.last_line(merge.stderr)}")
    return shards, merge, next(p for p in merged.iterdir() if p.is_dir())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", default="large", choices=sorted(synth.PRESETS))
    parser.add_argument("--shards", default="1,2,4", help="shard counts, comma-separated")
    parser.add_argument("--formats", default="pdf,docx", help="as brief pack --formats")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--workdir",
        type=Path,
        default=Path(tempfile.gettempdir())
        / f"brief-bench-{run.hashlib.sha256(str(run.REPO).encode()).hexdigest()[:8]}",
    )
    args = parser.parse_args(argv)
    args.workdir.mkdir(parents=True, exist_ok=True)
    run.CACHE_DIR = args.workdir / "cache"
    ws = run.workspace_for(args.size, args.seed, args.workdir)
    cpus = os.cpu_count() or 1
    print(f"machine: {run.machine()}")
    print(f"command: python benchmarks/shards.py {' '.join(argv or sys.argv[1:])}".rstrip())
    print(f"workspace: {run.ws_size(ws)}, formats {args.formats}, each shard --jobs 1\n")
    print(
        "| shards | CPUs per shard (at most) | each shard: wall (CPU) | slowest shard "
        "| merge: wall (CPU) | total wall | same bytes as 1 shard |"
    )
    print("| --- | --- | --- | --- | --- | --- | --- |")
    reference = None
    with tempfile.TemporaryDirectory(prefix="brief-shards-") as name:
        for count in (int(n) for n in args.shards.split(",")):
            shards, merge, folder = measure(ws, count, Path(name), args.formats)
            files = pack_files(folder)
            reference = reference or files
            each = ", ".join(f"{d.seconds:.0f} s ({d.cpu:.0f} s)" for d in shards)
            slowest = max(d.seconds for d in shards)
            print(
                f"| {count} | {min(1.0, cpus / count):.2g} | {each} | {slowest:.0f} s "
                f"| {merge.seconds:.0f} s ({merge.cpu:.0f} s) | {slowest + merge.seconds:.0f} s "
                f"| {'yes' if files == reference else 'NO'} |",
                flush=True,
            )
    print(f"\n- at the end: {run.load_average()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
