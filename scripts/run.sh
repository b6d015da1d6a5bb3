#!/usr/bin/env bash
# Set everything up, then run a command inside the project's environment:
#   scripts/run.sh brief kosovo --format pdf
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
"$here/scripts/bootstrap.sh"
export PATH="$here/.venv/bin:$PATH"
exec "$@"
