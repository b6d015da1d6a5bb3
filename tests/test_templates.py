"""Section templates: editable, sandboxed, escaped, and located when wrong."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from typer.testing import CliRunner

from brief.assemble import build_document
from brief.assemble.check import check_templates
from brief.corpus.models import Briefing
from brief.errors import InvalidInput
from brief.render.markdown import render_text
from brief.templates import escape, make_environment, render_template
from memory_corpus import AS_OF, TEMPLATES, build_corpus

SINCE = dt.date(2024, 8, 1)
REPO = Path(__file__).resolve().parents[1]


@pytest.fixture
def corpus(tmp_path: Path):  # type: ignore[no-untyped-def]
    return build_corpus(tmp_path)


def edit(corpus, name: str, old: str, new: str) -> Path:  # type: ignore[no-untyped-def]
    path = corpus.root / "briefings" / "templates" / name
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


def line_of(path: Path, needle: str) -> int:
    return next(n for n, line in enumerate(path.read_text().splitlines(), 1) if needle in line)


def test_template_typo_names_file_line_and_the_problem(corpus) -> None:  # type: ignore[no-untyped-def]
    path = edit(corpus, "actors.md.j2", "{{ actor.role }}", "{{ actor.rol }}")
    with pytest.raises(InvalidInput) as err:
        build_document(corpus, "kosovo", as_of=AS_OF, since=SINCE)
    line = line_of(path, "actor.rol")
    assert str(err.value) == (
        f"briefings/templates/actors.md.j2:{line}: 'actor' has no attribute 'rol' "
        "(did you mean 'role'?)"
    )


def test_template_syntax_error_is_located(corpus) -> None:  # type: ignore[no-untyped-def]
    edit(corpus, "chronology.md.j2", "{% endfor %}", "{% endfro %}")
    with pytest.raises(InvalidInput) as err:
        build_document(corpus, "kosovo", as_of=AS_OF, since=SINCE)
    assert str(err.value).startswith("briefings/templates/chronology.md.j2:")
    assert "endfro" in str(err.value)


def test_every_broken_template_is_reported_in_one_run(corpus) -> None:  # type: ignore[no-untyped-def]
    edit(corpus, "actors.md.j2", "{{ actor.role }}", "{{ actor.rol }}")
    # (the key judgments, not the outlook: the outlook holds only the other judgments)
    edit(corpus, "key_judgments.md.j2", "{{ j.topic }}", "{{ j.topik }}")
    with pytest.raises(InvalidInput) as err:
        build_document(corpus, "kosovo", as_of=AS_OF, since=SINCE)
    files = sorted(p.file for p in err.value.problems)
    assert files == ["briefings/templates/actors.md.j2", "briefings/templates/key_judgments.md.j2"]


def test_editing_a_template_changes_the_brief_without_python_changes(corpus) -> None:  # type: ignore[no-untyped-def]
    before = render_text(build_document(corpus, "kosovo", as_of=AS_OF, since=SINCE))
    edit(corpus, "chronology.md.j2", "| Date | Place | What happened |", "| When | Where | What |")
    edit(corpus, "key_judgments.md.j2", "# {{ section.heading }}", "# Bottom line up front")
    after = render_text(build_document(corpus, "kosovo", as_of=AS_OF, since=SINCE))
    assert "| When | Where | What |" in after and "| When |" not in before
    assert "# Bottom line up front" in after


def test_a_briefing_can_override_one_template(corpus) -> None:  # type: ignore[no-untyped-def]
    custom = corpus.root / "briefings" / "kosovo" / "chronology.md.j2"
    custom.parent.mkdir(parents=True)
    custom.write_text(
        "# Timeline\n\n{% for e in section.events %}\n- {{ e.date_text }}: {{ e.summary }}"
        "{{ cite(e) }}\n{% endfor %}\n",
        encoding="utf-8",
    )
    corpus.briefings["kosovo"] = Briefing(
        subject="kosovo", kind="country", templates={"chronology": "kosovo/chronology.md.j2"}
    )
    kosovo = render_text(build_document(corpus, "kosovo", as_of=AS_OF, since=SINCE))
    assert "# Timeline" in kosovo and "- 30 August 2024: Talks on opening" in kosovo
    serbia = render_text(build_document(corpus, "serbia", as_of=AS_OF, since=SINCE))
    assert "# Timeline" not in serbia  # other briefs keep the default


def test_templates_are_part_of_the_inputs_hash(corpus) -> None:  # type: ignore[no-untyped-def]
    before = build_document(corpus, "kosovo", as_of=AS_OF, since=SINCE).meta.inputs_hash
    edit(corpus, "sources.md.j2", "# {{ section.heading }}", "# {{ section.heading }} ")
    after = build_document(corpus, "kosovo", as_of=AS_OF, since=SINCE).meta.inputs_hash
    assert before != after


def test_sandbox_refuses_unsafe_attribute_access(tmp_path: Path) -> None:
    (tmp_path / "templates").mkdir()
    (tmp_path / "templates" / "evil.md.j2").write_text(
        "{{ brief.__class__.__mro__[1].__subclasses__() }}", encoding="utf-8"
    )
    env = make_environment(tmp_path)
    with pytest.raises(Exception) as err:
        render_template(env, "templates/evil.md.j2", {"brief": object()})
    assert "briefings/templates/evil.md.j2:1" in str(err.value)


@pytest.mark.parametrize(
    "source",
    [
        "{{ value }}",
        "{{ value ~ '' }}",
        "{{ [value]|join(', ') }}",
        "{{ value|upfirst }}",
        "{{ value|safe }}",
        "{{ value|e }}",
        "{% macro m(v) %}{{ v }}{% endmacro %}{{ m(value) }}",
    ],
)
def test_data_can_never_become_markup(tmp_path: Path, source: str) -> None:
    (tmp_path / "templates").mkdir()
    (tmp_path / "templates" / "t.md.j2").write_text(source, encoding="utf-8")
    value = "*x* <b>y</b> [^1] {{ z }}"
    out = render_template(make_environment(tmp_path), "templates/t.md.j2", {"value": value})
    assert out == escape(value)


def test_shipped_templates_equal_the_built_in_defaults() -> None:
    built_in = REPO / "src" / "brief" / "resources" / "templates"
    shipped = {p.name: p.read_bytes() for p in TEMPLATES.iterdir()}
    assert shipped == {p.name: p.read_bytes() for p in built_in.iterdir() if p.is_file()}


def test_templates_check_passes_on_the_shipped_templates(corpus) -> None:  # type: ignore[no-untyped-def]
    result = check_templates(corpus)
    assert result.problems == []
    assert result.templates >= 10


def test_templates_check_reports_every_problem_and_exits_2(tmp_path: Path) -> None:
    from brief.cli import app

    workspace = tmp_path / "ws"
    workspace.mkdir()
    for folder in ("seeds", "briefings"):
        src = REPO / folder
        if src.exists():
            import shutil

            shutil.copytree(src, workspace / folder)
    templates = workspace / "briefings" / "templates"
    for name, old, new in [
        ("actors.md.j2", "{{ actor.role }}", "{{ actor.rol }}"),
        ("meetings.md.j2", "{% endfor %}", "{% endfo %}"),
        ("positions.md.j2", "{{ role.label }}", "{{ role.lable }}"),
    ]:
        path = templates / name
        path.write_text(path.read_text().replace(old, new, 1))
    result = CliRunner().invoke(app, ["templates", "check", "--workspace", str(workspace)])
    assert result.exit_code == 2
    lines = [line for line in result.output.splitlines() if "briefings/templates/" in line]
    assert len(lines) == 3, result.output
    assert any("actors.md.j2" in line and "'rol'" in line for line in lines)
    assert any("meetings.md.j2" in line and "endfo" in line for line in lines)
    assert any("positions.md.j2" in line and "'lable'" in line for line in lines)
    assert "Traceback" not in result.output
