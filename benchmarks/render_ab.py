"""Render speed of two versions of brief, side by side in one run (A/B).

    python benchmarks/render_ab.py A_SRC B_SRC [--rounds 5] [--briefs kosovo,serbia]

A_SRC and B_SRC are `src/` folders of two checkouts (say main's and a
branch's). Each round renders the same briefs of this workspace in PDF and
Word with A, then with B, each in a fresh process (imports and font loading
included, as a `brief` command pays them), alternating which goes first.
Times are the process's CPU time (user + system), which a loaded machine
disturbs far less than wall-clock time; still, read the median ratio B/A of
the rounds rather than the absolute figures.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

_CHILD = r"""
import json, sys, time
from pathlib import Path
t0 = time.perf_counter()
from brief.api import build_document, load
from brief.render import renderer
corpus = load(Path(sys.argv[1]))
docs = [build_document(corpus, name) for name in sys.argv[2].split(",")]
t1 = time.perf_counter()
out = {}
for fmt in ("pdf", "docx"):
    start = time.process_time()
    for doc in docs:
        renderer(fmt).render(doc)
    out[fmt] = time.process_time() - start
out["setup"] = t1 - t0
print(json.dumps(out))
"""


def run(src: Path, briefs: str) -> dict[str, float]:
    env = {**os.environ, "PYTHONPATH": str(src)}
    done = subprocess.run(
        [sys.executable, "-c", _CHILD, str(ROOT), briefs],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("a", type=Path)
    parser.add_argument("b", type=Path)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--briefs", default="kosovo,boris-ruge,serbia,mark-rutte")
    args = parser.parse_args(argv)
    ratios: dict[str, list[float]] = {"pdf": [], "docx": []}
    times: dict[str, dict[str, list[float]]] = {
        "a": {"pdf": [], "docx": []},
        "b": {"pdf": [], "docx": []},
    }
    for round_ in range(args.rounds):
        order = ("a", "b") if round_ % 2 == 0 else ("b", "a")
        result = {side: run(args.a if side == "a" else args.b, args.briefs) for side in order}
        for fmt in ratios:
            ratios[fmt].append(result["b"][fmt] / result["a"][fmt])
            for side in ("a", "b"):
                times[side][fmt].append(result[side][fmt])
        print(
            f"round {round_ + 1}: "
            + "  ".join(
                f"{fmt} A {result['a'][fmt]:.2f}s B {result['b'][fmt]:.2f}s" for fmt in ratios
            ),
            flush=True,
        )
    print(f"load average at the end: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    for fmt, values in ratios.items():
        print(
            f"{fmt}: median A {statistics.median(times['a'][fmt]):.2f}s, "
            f"B {statistics.median(times['b'][fmt]):.2f}s, "
            f"median ratio B/A {statistics.median(values):.2f} "
            f"(min {min(values):.2f}, max {max(values):.2f})"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
