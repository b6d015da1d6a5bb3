#!/usr/bin/env bash
# Set everything up (with Pandoc and WeasyPrint for the side-by-side figures)
# and run the benchmarks; the figures in BENCHMARKS.md come from this command:
#   scripts/bench.sh [--sizes small,large] [--reps 5] [--baseline OTHER_CHECKOUT]
# Progress on stderr; each figure is written to the results file as it is taken.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/bootstrap.sh --bench
exec .venv/bin/python benchmarks/run.py "$@"
