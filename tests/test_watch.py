"""`brief SUBJECT --watch`: each save of a template re-renders; a mistake is reported
with its location and the loop goes on to the next save."""

from __future__ import annotations

from pathlib import Path

import pytest

from brief import api
from brief.errors import BriefError, InvalidInput
from brief.watch import fingerprint
from shipped_workspace import copy_shipped_workspace


@pytest.fixture
def ws(tmp_path: Path) -> Path:
    return copy_shipped_workspace(tmp_path / "ws", keep=("kosovo",))


def test_each_change_renders_again_and_a_mistake_does_not_end_the_loop(ws: Path) -> None:
    template = ws / "briefings" / "templates" / "chronology.md.j2"
    original = template.read_text(encoding="utf-8")
    outcomes: list[list[Path] | BriefError] = []
    texts: list[str] = []

    def after(result: list[Path] | BriefError) -> None:
        # The analyst's saves, one after each render: a typo, then a fix with new words.
        outcomes.append(result)
        if isinstance(result, list):
            texts.append(result[0].read_text(encoding="utf-8"))
        if len(outcomes) == 1:
            template.write_text(original + "\n{{ section.nonexistent_field }}\n", "utf-8")
        elif len(outcomes) == 2:
            template.write_text(original + "\nWatched and re-rendered.\n", encoding="utf-8")

    count = api.watch("kosovo", ["md"], after, workspace=ws, interval=0.01, renders=3)
    assert count == 3
    first, broken, fixed = outcomes
    assert isinstance(first, list) and isinstance(fixed, list) and first == fixed
    assert isinstance(broken, InvalidInput)
    assert str(broken.problems[0]).startswith("briefings/templates/chronology.md.j2:")
    assert "nonexistent_field" in str(broken)
    assert "Watched and re-rendered." not in texts[0] and "Watched and re-rendered." in texts[1]


def test_hidden_files_are_not_inputs(ws: Path) -> None:
    before = fingerprint(ws)
    (ws / "briefings" / "templates" / ".chronology.md.j2.swp").write_bytes(b"x")
    assert fingerprint(ws) == before
    (ws / "seeds" / "extracts" / "new.yaml").write_text("# new\n", encoding="utf-8")
    assert fingerprint(ws) != before
