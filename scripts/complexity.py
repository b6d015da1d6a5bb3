"""Fail when a function of src/ reaches cyclomatic complexity 15 (radon's measure).

    .venv/bin/python scripts/complexity.py [--max 14] [PATH ...]

Prints one line per function over the limit, `file:line: name: complexity N
(at most 14)`, and exits 1; prints nothing and exits 0 when all are within it.
A function over it is split where it does two things, not silenced here.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from radon.complexity import cc_visit
from radon.visitors import Class

ROOT = Path(__file__).resolve().parents[1]


def over(paths: list[Path], limit: int) -> list[str]:
    found = []
    for path in paths:
        for file in sorted(path.rglob("*.py")) if path.is_dir() else [path]:
            # Functions and methods (radon lists methods on their own too, beside
            # their class, whose figure sums them: the class is not a unit to split).
            for block in cc_visit(file.read_text(encoding="utf-8")):
                if not isinstance(block, Class) and block.complexity > limit:
                    where = file.relative_to(ROOT) if file.is_relative_to(ROOT) else file
                    found.append(
                        f"{where}:{block.lineno}: {block.fullname}: "
                        f"complexity {block.complexity} (at most {limit})"
                    )
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--max", type=int, default=14, help="highest complexity allowed")
    parser.add_argument("paths", nargs="*", type=Path, default=[ROOT / "src"])
    args = parser.parse_args()
    found = over(args.paths, args.max)
    for line in found:
        print(line)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
