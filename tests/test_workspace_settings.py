"""Workspace settings: `briefings/_workspace.yaml`, front matter and its per-briefing override."""

from __future__ import annotations

from pathlib import Path

import pytest

from brief.corpus import load_corpus
from brief.corpus.load import load_workspace
from brief.corpus.models import FrontMatter
from tiny_workspace import line_of, make_workspace, write

SETTINGS = "briefings/_workspace.yaml"


@pytest.fixture
def ws(tmp_path: Path) -> Path:
    return make_workspace(tmp_path / "ws")


def test_without_the_file_every_setting_has_its_default(ws: Path) -> None:
    corpus = load_corpus(ws)
    assert corpus.settings.front_matter == FrontMatter()
    assert corpus.front_matter_for("kosovo") == FrontMatter()


def test_front_matter_comes_from_the_workspace_and_a_briefing_overrides_it(ws: Path) -> None:
    write(ws, SETTINGS, """\
front_matter:
  issuing_unit: Western Balkans desk
  reference: WB-2024
  disclaimer: Open sources only.
""", "workspace")  # fmt: skip
    briefing = ws / "briefings" / "kosovo.yaml"
    briefing.write_text(
        briefing.read_text("utf-8") + "front_matter:\n  reference: WB-2024-KOS\n", "utf-8"
    )
    corpus = load_corpus(ws)
    assert list(corpus.briefings) == ["kosovo"]  # `_workspace.yaml` is not a briefing
    assert corpus.front_matter_for("kosovo") == FrontMatter(
        issuing_unit="Western Balkans desk",
        reference="WB-2024-KOS",
        disclaimer="Open sources only.",
    )
    assert corpus.front_matter_for(None).reference == "WB-2024"


def test_a_mistake_in_the_settings_is_a_located_error(ws: Path) -> None:
    write(ws, SETTINGS, "front_matter:\n  issuing_unt: Desk\n", "workspace")
    line = line_of(ws, SETTINGS, "issuing_unt")
    assert [str(p) for p in load_workspace(ws).problems] == [
        f"{SETTINGS}:{line}:3: front_matter.issuing_unt: unknown field; "
        "did you mean 'issuing_unit'?"
    ]
