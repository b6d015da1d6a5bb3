"""`brief kosovo --format pdf --out DIR` stopped after one stage, to split the cold
command's cost by stage (instruction counts are load-independent):

    for s in cli api parse load theme build; do
      PYTHONHASHSEED=0 valgrind --tool=cachegrind --cache-sim=no \\
        --cachegrind-out-file=/dev/null python benchmarks/cold_stages.py $s 2>&1 | grep "I *refs"
    done

Stages, each including the ones before: `cli` imports brief.cli (typer); `api`
imports brief.api; `parse` lets typer parse the command line; `load` loads the
(cached) corpus; `theme` imports the PDF renderer for the workspace's theme;
`build` assembles the brief. The whole command (`python -m brief kosovo
--format pdf --out DIR`) adds the render, the write and the exit. Compile the
sources first (`python -m compileall src`) where PYTHONDONTWRITEBYTECODE is set.
"""

from __future__ import annotations

import os
import sys
import tempfile

os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")  # as brief.__main__ does
STAGE = sys.argv[1] if len(sys.argv) > 1 else "build"
OUT = os.path.join(tempfile.gettempdir(), "brief-cold-stages")
sys.argv = ["brief", "kosovo", "--format", "pdf", "--out", OUT]

import brief.cli  # noqa: E402 - the stages are the imports

if STAGE == "cli":
    raise SystemExit
import brief.api as api  # noqa: E402

if STAGE == "api":
    raise SystemExit


def _stopped(subject: str, formats: object, *, workspace: object = None, **_: object) -> list[str]:
    """`api.render` up to STAGE."""
    if STAGE == "parse":
        return []
    corpus = api.load(api.find_workspace(workspace))  # type: ignore[arg-type]
    if STAGE == "load":
        return []
    api.workspace_pdf_theme(corpus)
    if STAGE == "theme":
        return []
    api.build_document(corpus, subject)
    return []


api.render = _stopped  # type: ignore[assignment]
brief.cli.main()
