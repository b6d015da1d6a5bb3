"""Done when: a saved web page becomes a brief that cites it (add, extract, review, accept)."""

from __future__ import annotations

from pathlib import Path

import yaml
from typer.testing import CliRunner

from brief.cli import app
from shipped_workspace import copy_shipped_workspace

HTML = Path(__file__).parent / "data" / "html" / "balkan-dispatch-envoy.html"
SOURCE = "balkan-dispatch-2024-10-03-eu-envoy-urges-belgrade"


def run(*args: str):
    return CliRunner().invoke(app, list(args), env={"CI": "true"})


def test_saved_page_reaches_a_brief_that_cites_it(tmp_path: Path) -> None:
    ws = copy_shipped_workspace(tmp_path / "ws", keep=("kosovo",))
    added = run("sources", "add", str(HTML), "-w", str(ws), "--kind", "news_report",
                "--grade", "B", "--accessed", "2024-10-04")  # fmt: skip
    assert added.exit_code == 0, added.output
    assert run("extract", SOURCE, "-w", str(ws)).exit_code == 0
    draft_file = ws / "seeds" / "drafts" / f"{SOURCE}.yaml"
    draft = yaml.safe_load(draft_file.read_text(encoding="utf-8"))
    for item in draft["statements"]:
        item["accept"] = item["speaker"] == "miroslav-lajcak"
        if item["accept"]:  # the reviewer files it under the issue it speaks to
            item["issues"] = ["belgrade-pristina-dialogue"]
        assert item["speaker"] != "miroslav-lajcak" or "kosovo" in item["subjects"]
    draft_file.write_text(yaml.safe_dump(draft, allow_unicode=True), encoding="utf-8")
    accepted = run("extract", SOURCE, "--accept", "-w", str(ws))
    assert accepted.exit_code == 0, accepted.output
    assert run("validate", "-w", str(ws)).exit_code == 0

    out = tmp_path / "out"
    rendered = run("kosovo", "--format", "md", "--as-of", "2024-10-05", "-o", str(out),
                   "-w", str(ws))  # fmt: skip
    assert rendered.exit_code == 0, rendered.output
    brief = (out / "kosovo_2024-10-05.md").read_text(encoding="utf-8")
    assert "We expect concrete steps before the end of the year." in brief
    assert "EU Envoy Urges Belgrade and Pristina to Implement Deals" in brief
    assert "Balkan Dispatch" in brief
    # As the README's walkthrough ends: no --as-of, and the new article is in.
    rendered = run("kosovo", "--format", "md", "-o", str(out / "default"), "-w", str(ws))
    assert rendered.exit_code == 0, rendered.output
    brief = Path(rendered.stdout.strip()).read_text(encoding="utf-8")
    assert "We expect concrete steps before the end of the year." in brief
