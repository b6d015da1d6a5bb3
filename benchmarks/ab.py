"""Alternate commands N times; print each one's median CPU (user + system of the
process, from the kernel), median wall time and peak RSS.

On a loaded machine CPU time drifts with the load; alternating the commands
puts every side under the same drift. Used for the cold-command figures in
BENCHMARKS.md, e.g. (a checkout of the "before" at ../before):

    python benchmarks/ab.py 8 \\
        floor  -- python -c "import typer, pydantic, yaml, jinja2, markdown_it, reportlab" \\
        before -- env PYTHONPATH=../before/src python -m brief kosovo --format pdf --out /tmp/b \\
        after  -- python -m brief kosovo --format pdf --out /tmp/a
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time


def parse(args: list[str]) -> dict[str, list[str]]:
    """`name -- command ...` groups; a group ends where the next `name --` starts."""
    commands: dict[str, list[str]] = {}
    name = None
    for i, arg in enumerate(args):
        if i + 1 < len(args) and args[i + 1] == "--":
            name = arg
            commands[name] = []
        elif arg == "--" and name is not None and not commands[name]:
            continue
        elif name is not None:
            commands[name].append(arg)
    return commands


def run(command: list[str]) -> tuple[float, float, int]:
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    if status:
        sys.exit(f"failed: {' '.join(command)}")
    return usage.ru_utime + usage.ru_stime, time.perf_counter() - start, usage.ru_maxrss


USAGE = "usage: benchmarks/ab.py N NAME -- COMMAND ... [NAME -- COMMAND ...]"


def arguments(argv: list[str]) -> tuple[int, dict[str, list[str]]]:
    """N and the named commands, or a one-line usage error (exit 2)."""
    if argv[1:2] in (["-h"], ["--help"]):
        print(f"{USAGE}\n\n{__doc__}")
        sys.exit(0)
    if len(argv) < 2:
        print(USAGE, file=sys.stderr)
        sys.exit(2)
    if not argv[1].isdigit() or int(argv[1]) < 1:
        print(f"ab.py: N must be a whole number of repetitions, not {argv[1]!r}", file=sys.stderr)
        sys.exit(2)
    commands = {name: command for name, command in parse(argv[2:]).items() if command}
    if not commands:
        print(f"ab.py: no command to run\n{USAGE}", file=sys.stderr)
        sys.exit(2)
    return int(argv[1]), commands


def main() -> None:
    reps, commands = arguments(sys.argv)
    results: dict[str, list[tuple[float, float, int]]] = {name: [] for name in commands}
    for _ in range(reps):
        for name, command in commands.items():
            results[name].append(run(command))
    for name, runs in results.items():
        cpu = statistics.median(r[0] for r in runs)
        wall = statistics.median(r[1] for r in runs)
        peak = max(r[2] for r in runs) // 1024
        print(f"{name}: CPU {cpu:.3f} s, wall {wall:.3f} s, peak {peak} MB")
    print("load average: " + ", ".join(f"{x:.1f}" for x in os.getloadavg()))


if __name__ == "__main__":
    main()
