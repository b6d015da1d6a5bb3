"""Compiled templates kept in the cache folder between runs (brief.template_cache)."""

from __future__ import annotations

from pathlib import Path

import pytest

from brief import templates
from brief.template_cache import TemplateBytecodeCache
from brief.templates import make_environment, render_template


@pytest.fixture
def fresh(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """A cache folder of its own and an empty memory cache, as a new process has."""
    monkeypatch.setenv("BRIEF_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("BRIEF_NO_CACHE", raising=False)
    monkeypatch.setattr(templates, "_BYTECODE", TemplateBytecodeCache())
    return tmp_path / "cache" / "templates"


def _new_process(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(templates, "_BYTECODE", TemplateBytecodeCache())


def _render(briefings: Path, value: str) -> str:
    return render_template(make_environment(briefings), "templates/t.md.j2", {"value": value})


def _write(briefings: Path, text: str) -> None:
    (briefings / "templates").mkdir(parents=True, exist_ok=True)
    (briefings / "templates" / "t.md.j2").write_text(text, encoding="utf-8")


def test_a_compiled_template_is_reused_by_the_next_run(
    fresh: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    briefings = tmp_path / "briefings"
    _write(briefings, "Hello {{ value }}\n")
    assert _render(briefings, "Pristina") == "Hello Pristina\n"
    assert len(list(fresh.glob("*.jinja"))) == 1
    _new_process(monkeypatch)
    compiled: list[str] = []
    original = templates.BriefEnvironment.compile

    def counting(self, source, name=None, filename=None, raw=False, defer_init=False):  # type: ignore[no-untyped-def]
        compiled.append(str(name))
        return original(self, source, name, filename, raw, defer_init)

    monkeypatch.setattr(templates.BriefEnvironment, "compile", counting)
    assert _render(briefings, "Belgrade") == "Hello Belgrade\n"
    assert compiled == []


def test_an_edited_template_is_compiled_afresh(
    fresh: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    briefings = tmp_path / "briefings"
    _write(briefings, "Hello {{ value }}\n")
    _render(briefings, "Pristina")
    _new_process(monkeypatch)
    _write(briefings, "Goodbye {{ value }}\n")
    assert _render(briefings, "Pristina") == "Goodbye Pristina\n"


def test_a_damaged_entry_costs_a_compile_not_a_wrong_brief(
    fresh: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    briefings = tmp_path / "briefings"
    _write(briefings, "Hello {{ value }}\n")
    _render(briefings, "Pristina")
    for entry in fresh.glob("*.jinja"):
        entry.write_bytes(entry.read_bytes()[:20])
    _new_process(monkeypatch)
    assert _render(briefings, "Skopje") == "Hello Skopje\n"


def test_no_cache_keeps_compiled_templates_off_the_disk(
    fresh: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("BRIEF_NO_CACHE", "1")
    briefings = tmp_path / "briefings"
    _write(briefings, "Hello {{ value }}\n")
    assert _render(briefings, "Tirana") == "Hello Tirana\n"
    assert not fresh.exists()
