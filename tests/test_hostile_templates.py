"""Templates cannot hang or exhaust the machine (issue 14): real `brief` processes.

A template edit that would build a gigabyte string or loop for hours is a
located error (file:line), exit 2, in `brief`, `brief templates check` and
`brief pack`, where the other briefs still render.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from hostile_helpers import run_brief
from shipped_workspace import copy_shipped_workspace

TEMPLATE = "briefings/templates/positions.md.j2"
HOSTILE = {
    "huge string": ("{{ 'x' * 1000000000 }}", "'*' would build a value of 1,000,000,000"),
    "huge padding": ("{{ 'x'.ljust(10**9) }}", "str.ljust() would build a string"),
    "doubling": (
        "{% set ns = namespace(s='ab') %}{% for i in range(60) %}"
        "{% set ns.s = ns.s ~ ns.s %}{% endfor %}",
        "a ~ concatenation built a string of",
    ),
    "nested loops": (
        "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}",
        "loops over range() took more than 1,000,000 steps",
    ),
    "huge replace": (
        "{% set s = 'x' * 100000 %}{{ s | replace('x', s) }}",
        "replace would build a string of 10,000,000,000",
    ),
}


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> Path:
    ws = tmp_path_factory.mktemp("tpl") / "ws"
    done = run_brief("init", str(ws))
    assert done.returncode == 0, done.stderr
    return ws


def _workspace(base: Path, tmp_path: Path, hostile: str) -> Path:
    import shutil

    ws = tmp_path / "ws"
    shutil.copytree(base, ws)
    path = ws / TEMPLATE
    # Two lines down: the error must name line 3, where the hostile line is.
    path.write_text("{# edited #}\n\n" + hostile + "\n" + path.read_text("utf-8"), "utf-8")
    return ws


def _located(stderr: str, message: str) -> None:
    lines = [ln for ln in stderr.splitlines() if ln.startswith(f"{TEMPLATE}:3: ")]
    assert lines and message in lines[0], stderr
    assert "Traceback" not in stderr


@pytest.mark.parametrize("case", list(HOSTILE))
def test_a_hostile_template_is_a_located_error_in_brief(
    base: Path, tmp_path: Path, case: str
) -> None:
    hostile, message = HOSTILE[case]
    ws = _workspace(base, tmp_path, hostile)
    out = tmp_path / "out"
    done = run_brief("mircea-geoana", "--format", "md", "--out", str(out), cwd=ws, timeout=120)
    assert done.returncode == 2, done.stderr
    _located(done.stderr, message)
    assert not out.exists() or list(out.iterdir()) == []


def test_templates_check_reports_it_at_its_line(base: Path, tmp_path: Path) -> None:
    ws = _workspace(base, tmp_path, HOSTILE["nested loops"][0])
    done = run_brief("templates", "check", cwd=ws, timeout=120)
    assert done.returncode == 2, done.stderr
    _located(done.stderr, HOSTILE["nested loops"][1])


def test_in_a_pack_the_other_briefs_still_render(tmp_path: Path) -> None:
    ws = copy_shipped_workspace(tmp_path / "ws", ("kosovo", "boris-ruge"))
    hostile = ws / "briefings" / "templates" / "hostile.md.j2"
    hostile.write_text("# {{ section.heading }}\n{{ 'x' * 1000000000 }}\n", "utf-8")
    with open(ws / "briefings" / "boris-ruge.yaml", "a", encoding="utf-8") as handle:
        handle.write("templates:\n  positions: templates/hostile.md.j2\n")
    done = run_brief("pack", "--formats", "md", "--week", "2024-W38", cwd=ws, timeout=300)
    assert done.returncode == 2, done.stderr
    assert "briefings/templates/hostile.md.j2:2: '*' would build a value" in done.stderr
    folder = ws / "output" / "packs" / "2024-W38"
    manifest = json.loads((folder / "manifest.json").read_text("utf-8"))
    assert [b["briefing"] for b in manifest["briefs"]] == ["kosovo"]
    assert [f["briefing"] for f in manifest["failures"]] == ["boris-ruge"]
    assert (folder / manifest["briefs"][0]["files"][0]["path"]).is_file()
    assert not list(folder.glob("boris-ruge_*"))


def test_the_output_budget_is_a_workspace_setting(base: Path, tmp_path: Path) -> None:
    ws = _workspace(base, tmp_path, "{{ 'x' * 20000 }}")
    out = tmp_path / "out"
    args = ("mircea-geoana", "--format", "md", "--out", str(out))
    assert run_brief(*args, cwd=ws, timeout=120).returncode == 0  # within the default budget
    (ws / "briefings" / "_workspace.yaml").write_text(
        "templates:\n  output_chars: 10000\n", encoding="utf-8"
    )
    done = run_brief(*args, cwd=ws, timeout=120)
    assert done.returncode == 2, done.stderr
    _located(done.stderr, "20,000")
