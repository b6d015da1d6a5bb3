"""benchmarks/ab.py, the A/B timer behind BENCHMARKS.md's cold and pack-again figures:
bad arguments get a one-line error, never a traceback."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

AB = Path(__file__).resolve().parents[1] / "benchmarks" / "ab.py"


def ab(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(AB), *args], capture_output=True, text=True)


def test_a_count_that_is_not_a_number_is_a_one_line_error() -> None:
    done = ab("--reps", "a", "--", "true")
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    assert done.stderr.strip().splitlines() == [
        "ab.py: N must be a whole number of repetitions, not '--reps'"
    ]


def test_help_shows_the_usage_and_exits_0() -> None:
    done = ab("--help")
    assert done.returncode == 0
    assert done.stdout.startswith("usage: benchmarks/ab.py N NAME -- COMMAND")


def test_each_named_command_gets_its_line() -> None:
    quick = [sys.executable, "-c", "pass"]
    done = ab("2", "one", "--", *quick, "two", "--", *quick)
    assert done.returncode == 0, done.stderr
    names = [line.split(":")[0] for line in done.stdout.splitlines()]
    assert names == ["one", "two", "load average"]
