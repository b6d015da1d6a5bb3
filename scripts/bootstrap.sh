#!/usr/bin/env bash
# Set up (or refresh) the project's virtual environment in .venv.
# Idempotent and quick when nothing changed: the install is redone only when
# pyproject.toml or the lock file changes. Usage: scripts/bootstrap.sh [--test | --bench]
#
# Versions come from requirements/constraints.txt, the lock file, so CI and every
# machine test the same releases. After changing dependencies in pyproject.toml,
# regenerate it (uv from PyPI: pip install uv):
#   uv pip compile pyproject.toml --universal --python-version 3.11 \
#       --extra ingest --extra test --extra bench --no-header -o requirements/constraints.txt
set -euo pipefail
cd "$(dirname "$0")/.."

extras=".[ingest]"
[ "${1:-}" = "--test" ] && extras=".[ingest,test]"
[ "${1:-}" = "--bench" ] && extras=".[ingest,test,bench]"

python=${PYTHON:-python3}
if ! "$python" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
    echo "brief needs Python 3.11 or newer ($python is $("$python" --version 2>&1))" >&2
    exit 1
fi

[ -x .venv/bin/python ] || "$python" -m venv .venv

# One stamp per installed set of extras for this pyproject.toml: a plain run is
# satisfied by any of them, so switching between run.sh and test.sh does not reinstall.
lock=requirements/constraints.txt
hash=$(cat pyproject.toml "$lock" | sha256sum | cut -c1-16)
want=${extras//[^a-z,]/}
want=${want#ingest}
want=${want#,}
installed() {
    case "$want" in
        "") ls .venv/.installed-"$hash"-* >/dev/null 2>&1 ;;
        test) ls .venv/.installed-"$hash"-test* >/dev/null 2>&1 ;;
        *) [ -f ".venv/.installed-$hash-$want" ] ;;
    esac
}
if ! installed; then
    .venv/bin/python -m pip install --quiet --disable-pip-version-check --upgrade pip >&2
    # The distribution was called "brief" before it took a free name on the index.
    .venv/bin/python -m pip uninstall --quiet --yes brief >/dev/null 2>&1 || true
    .venv/bin/python -m pip install --quiet --disable-pip-version-check -c "$lock" -e "$extras" >&2
    find .venv -maxdepth 1 -name '.installed-*' ! -name ".installed-$hash-*" -delete
    touch ".venv/.installed-$hash-$want"
fi
