"""Which briefings a shard renders: `brief pack --shard K/N`.

The split must be the same in every shard job without them talking to each
other, so it is a pure function of the briefing ids and their expected costs.
The cost of a brief is the seconds the last pack's `timings.json` recorded for
it (the same week's pack if there is one, else the newest earlier week's);
a brief it does not know costs the median of those it does, and without any
timings every brief costs the same. Briefs are dealt out longest first, each
to the shard with the least expected work so far (ties: lower id, lower shard),
so N shards finish at about the same time.
"""

from __future__ import annotations

import re
import statistics
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from brief.errors import InvalidInput, Problem
from brief.pack.files import read_json
from brief.pack.weeks import Week, parse_week

_SHARD = re.compile(r"^\s*(\d+)\s*/\s*(\d+)\s*$")


@dataclass(frozen=True)
class Shard:
    index: int
    """1-based, as written on the command line."""
    count: int

    @property
    def label(self) -> str:
        return f"{self.index}/{self.count}"

    def folder_name(self, week: Week) -> str:
        return f"{week.label}.shard-{self.index}-of-{self.count}"


def parse_shard(text: str) -> Shard:
    """`2/3` -> Shard(2, 3); a one-line error naming --shard otherwise."""
    match = _SHARD.match(text)
    if match:
        index, count = int(match[1]), int(match[2])
        if 1 <= index <= count:
            return Shard(index, count)
    raise InvalidInput(
        Problem(
            file="--shard",
            message=f"{text!r} is not a shard; write K/N with 1 <= K <= N, e.g. 1/2",
        )
    )


def timings_source(packs: Path, week: Week) -> Path | None:
    """The timings of this week's pack, else of the newest earlier week's pack."""
    same = packs / week.label / "timings.json"
    if same.is_file():
        return same
    earlier = []
    if packs.is_dir():
        for folder in packs.iterdir():
            try:
                other = parse_week(folder.name)
            except InvalidInput:
                continue  # shard folders, stray files
            if other < week and (folder / "timings.json").is_file():
                earlier.append((other, folder / "timings.json"))
    return max(earlier)[1] if earlier else None


def expected_costs(stems: list[str], timings: dict[str, Any]) -> dict[str, float]:
    """Seconds per brief from a pack's timings.json; the median for briefs it lacks."""
    briefs = timings.get("briefs")
    recorded: dict[str, Any] = briefs if isinstance(briefs, dict) else {}
    known: dict[str, float] = {}
    for stem in stems:
        steps = recorded.get(stem)
        if isinstance(steps, dict):
            seconds = [v for v in steps.values() if isinstance(v, int | float)]
            if seconds:
                known[stem] = float(sum(seconds))
    default = statistics.median(known.values()) if known else 1.0
    return {stem: known.get(stem, default) for stem in stems}


def split(costs: dict[str, float], count: int) -> list[list[str]]:
    """Longest expected brief first, each to the least loaded shard; sorted ids per shard."""
    loads = [0.0] * count
    shards: list[list[str]] = [[] for _ in range(count)]
    for stem in sorted(costs, key=lambda s: (-costs[s], s)):
        target = min(range(count), key=lambda i: (loads[i], i))
        shards[target].append(stem)
        loads[target] += costs[stem]
    return [sorted(stems) for stems in shards]


@dataclass(frozen=True)
class Plan:
    """The whole split, as every shard computes it; recorded in each partial manifest."""

    shards: list[list[str]]
    costs: dict[str, float]
    costs_from: str | None
    """The timings.json the costs came from, relative to the packs folder."""

    def as_json(self) -> dict[str, Any]:
        return {
            "shards": self.shards,
            "expected_seconds": {s: round(c, 3) for s, c in sorted(self.costs.items())},
            "costs_from": self.costs_from,
        }


def plan_shards(stems: list[str], count: int, packs: Path, week: Week) -> Plan:
    source = timings_source(packs, week)
    timings = read_json(source) if source is not None else {}
    costs = expected_costs(sorted(stems), timings)
    shown = source.relative_to(packs).as_posix() if source is not None else None
    return Plan(split(costs, count), costs, shown)
