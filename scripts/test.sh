#!/usr/bin/env bash
# Set everything up and run all checks: lint, strict types, complexity, then the whole test suite,
# real-client checks (LibreOffice, poppler, qpdf) included.
#   scripts/test.sh [pytest args]
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/system-deps.sh
scripts/bootstrap.sh --test
.venv/bin/ruff check .
.venv/bin/ruff format --check .
.venv/bin/mypy --strict  # over src/ ([tool.mypy] in pyproject.toml)
.venv/bin/python scripts/complexity.py  # no function of src/ above complexity 14
exec .venv/bin/python -m pytest "$@"
