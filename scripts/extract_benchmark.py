#!/usr/bin/env python3
"""Benchmark of the quote extractor: quality on every gold standard, and speed.

    .venv/bin/python scripts/extract_benchmark.py            # dev split + speed
    .venv/bin/python scripts/extract_benchmark.py --train    # also the train split
    .venv/bin/python scripts/extract_benchmark.py --split train   # train only: no dev look

Quality: the same scorer as `brief extract --score` (one-to-one matching, a
quote counts when it overlaps the gold one by half of the LONGER span) on the
curated corpus and the development articles (in-sample: the rules were
written from them), PolNeAR train (in-sample: rules were developed on it) and
PolNeAR dev (partly in-sample: no text of it was read, but its per-rule error counts were).
PolNeAR is read from ../shared/datasets/polnear (or --polnear DIR).

`--split train` scores train alone and times on train paragraphs, so a
development run never reads the dev split (keep dev for the final figures).

Speed: extraction of one ~5,000-word article (real news paragraphs from the
scored split, dev by default, joined), median of 5 runs, wall and CPU time, with the machine's
load average: the target is under one second. A benchmark, not a test.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from brief.ingest.boilerplate import find_boilerplate  # noqa: E402
from brief.ingest.extract import extract  # noqa: E402
from brief.ingest.polnear import default_folder, read_split  # noqa: E402
from brief.ingest.score import print_scores  # noqa: E402


def long_article(folder: Path, words: int = 5000, split: str = "dev") -> str:
    """A headline and real news paragraphs from `split`, up to `words` words."""
    paragraphs: list[str] = []
    count = 0
    for article in read_split(folder, split):
        for line in article.text.split("\n")[1:]:
            if line.strip():
                paragraphs.append(line)
                count += len(line.split())
            if count >= words:
                return "A long article\n" + "\n".join(paragraphs) + "\n"
    return "A long article\n" + "\n".join(paragraphs) + "\n"


def time_extraction(text: str, runs: int = 5) -> tuple[float, float]:
    walls, cpus = [], []
    boilerplate = find_boilerplate(text)
    for _ in range(runs):
        wall, cpu = time.perf_counter(), time.process_time()
        extract(text, [], boilerplate)
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    return statistics.median(walls), statistics.median(cpus)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--polnear", type=Path, default=default_folder(REPO))
    parser.add_argument("--train", action="store_true", help="also score the train split")
    parser.add_argument(
        "--split",
        choices=("train", "dev"),
        help="score this PolNeAR split alone (train: development runs that never read dev)",
    )
    args = parser.parse_args()
    if not (args.polnear / (args.split or "dev")).is_dir():
        print(f"PolNeAR not found at {args.polnear}: give --polnear DIR", file=sys.stderr)
        return 2
    print(f"load average before: {' '.join(f'{x:.1f}' for x in os.getloadavg())}, "
          f"{os.cpu_count()} CPUs")  # fmt: skip
    splits = (args.split,) if args.split else ("train", "dev") if args.train else ("dev",)
    os.chdir(REPO)  # gold folders print relative to the repository
    started, cpu = time.perf_counter(), time.process_time()
    print_scores(
        REPO,
        print,
        gold_folders=[Path("tests") / "data" / "articles"],
        polnear=args.polnear,
        splits=splits,
    )
    print(f"scoring took {time.perf_counter() - started:.1f} s wall, "
          f"{time.process_time() - cpu:.1f} s CPU")  # fmt: skip
    text = long_article(args.polnear, split=splits[-1])
    wall, cpu_time = time_extraction(text)
    verdict = "PASS" if wall < 1.0 else "MISS"
    print(f"extract one {len(text.split()):,}-word article: median {wall * 1000:.0f} ms wall, "
          f"{cpu_time * 1000:.0f} ms CPU (target < 1 s wall: {verdict})")  # fmt: skip
    print(f"load average after: {' '.join(f'{x:.1f}' for x in os.getloadavg())}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
