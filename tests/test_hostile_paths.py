"""Nothing from outside the workspace (issue 14): real `brief` processes.

Every file brief reads (texts, YAML, templates, includes, template paths a
briefing names, drafts) resolves inside the workspace or is refused with a
located error and exit code 2; a symlink loop, a folder or a pipe where a file
is expected likewise; with the corpus cache on and off.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from hostile_helpers import run_brief

SOURCE = "nato-dsg-nac-kfor-2022-07"
TEXT = f"seeds/texts/{SOURCE}.txt"
SECRET = "the contents of a private file"
OUTSIDE = "a symlink to a file outside the workspace: not read"


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> Path:
    ws = tmp_path_factory.mktemp("paths") / "ws"
    done = run_brief("init", str(ws))
    assert done.returncode == 0, done.stderr
    return ws


@pytest.fixture
def ws(base: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "ws"
    shutil.copytree(base, copy, symlinks=True)
    return copy


@pytest.fixture
def secret(tmp_path: Path) -> Path:
    path = tmp_path / "private" / "secret.txt"
    path.parent.mkdir()
    path.write_text(SECRET, "utf-8")
    return path


def _relink(path: Path, target: Path | str) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path)
    elif os.path.lexists(path):
        path.unlink()
    path.symlink_to(target)


CACHE = pytest.mark.parametrize("cache", ["1", "0"], ids=["cache-off", "cache-on"])


def _both(ws: Path, cache: str, *args: str):
    """`brief ARGS`, after a first run that filled the cache (when it is on)."""
    return run_brief(*args, cwd=ws, BRIEF_NO_CACHE=cache)


@pytest.mark.parametrize(
    ("kind", "cache"),
    [("outside", "1"), ("outside", "0"), ("loop", "0"), ("folder", "0"), ("dangling", "0")],
    ids=["outside-cache-off", "outside-cache-on", "loop", "folder", "dangling"],
)
def test_a_source_text_that_is_not_a_file_inside_is_refused_at_its_line(
    ws: Path, secret: Path, cache: str, kind: str
) -> None:
    assert _both(ws, cache, "validate").returncode == 0  # warm the cache
    text = ws / TEXT
    shutil.copy(text, secret)  # same bytes: the sha256 in the record still matches
    if kind == "outside":
        _relink(text, secret)
    elif kind == "loop":
        _relink(text, text.name)
    elif kind == "dangling":
        _relink(text, ws / "seeds" / "texts" / "gone.txt")
    else:
        text.unlink()
        text.mkdir()
    why = {
        "outside": OUTSIDE,
        "loop": "a symlink loop",
        "folder": "a folder where a file is expected",
        "dangling": "a symlink to nothing (not found)",
    }[kind]
    render = ("mircea-geoana", "--format", "md", "--out", "out")
    for args in (("validate",), render) if kind == "outside" else (("validate",),):
        done = _both(ws, cache, *args)
        assert done.returncode == 2, done.stderr
        line = f"seeds/sources/{SOURCE}.yaml:15:7: text: {TEXT}: {why}"
        assert done.stderr.splitlines()[0] == line, done.stderr
        assert SECRET not in done.stdout + done.stderr
    assert not (ws / "out").exists() or list((ws / "out").iterdir()) == []


def test_a_template_symlinked_outside_is_refused(ws: Path, secret: Path, cache: str = "0") -> None:
    assert _both(ws, cache, "validate").returncode == 0
    template = ws / "briefings" / "templates" / "actors.md.j2"
    shutil.copy(template, secret)
    _relink(template, secret)
    for args in (("validate",), ("templates", "check"), ("mircea-geoana", "--format", "md")):
        done = _both(ws, cache, *args)
        assert done.returncode == 2, (args, done.stderr)
        assert f"briefings/templates/actors.md.j2: {OUTSIDE}" in done.stderr.splitlines()
    assert not list(ws.glob("output/*"))


def test_an_include_of_a_file_outside_is_refused(ws: Path, secret: Path, cache: str = "0") -> None:
    (ws / "briefings" / "leak.txt").symlink_to(secret)
    template = ws / "briefings" / "templates" / "positions.md.j2"
    template.write_text('{% include "leak.txt" %}\n' + template.read_text("utf-8"), "utf-8")
    done = _both(ws, cache, "mircea-geoana", "--format", "md", "--out", "out")
    assert done.returncode == 2, done.stderr
    assert f"briefings/leak.txt: {OUTSIDE}" in done.stderr.splitlines(), done.stderr
    assert SECRET not in done.stdout + done.stderr
    assert not (ws / "out").exists() or list((ws / "out").iterdir()) == []


TEMPLATE_PATHS = {
    "positions": (
        "../private/secret.txt",
        "must be a path inside briefings/, not ../private/secret.txt",
    ),
    "meetings": ("templates/evil.md.j2", f"briefings/templates/evil.md.j2: {OUTSIDE}"),
    "outlook": ("templates", "briefings/templates: a folder where a file is expected"),
    "stated_positions": (
        "templates/nothing.md.j2",
        "template not found: briefings/templates/nothing.md.j2",
    ),
}


def test_validate_checks_a_briefings_template_paths_at_their_lines(ws: Path, secret: Path) -> None:
    (ws / "briefings" / "templates" / "evil.md.j2").symlink_to(secret)
    briefing = ws / "briefings" / "mircea-geoana.yaml"
    lines = [*briefing.read_text("utf-8").splitlines(), "templates:"]
    expected = []
    for section, (path, message) in TEMPLATE_PATHS.items():
        lines.append(f"  {section}: {path}")
        column = len(section) + 5
        expected.append(
            f"briefings/mircea-geoana.yaml:{len(lines)}:{column}: templates.{section}: {message}"
        )
    briefing.write_text("\n".join([*lines, ""]), "utf-8")
    done = run_brief("validate", cwd=ws)
    assert done.returncode == 2, done.stderr
    for line in expected:
        assert line in done.stderr.splitlines(), done.stderr


@CACHE
def test_yaml_files_that_are_not_files_inside_are_refused(
    ws: Path, secret: Path, cache: str
) -> None:
    assert _both(ws, cache, "validate").returncode == 0
    actors = ws / "seeds" / "actors"
    (actors / "a-outside.yaml").symlink_to(secret)
    (actors / "b-loop.yaml").symlink_to("b-loop.yaml")
    (actors / "c-folder.yaml").mkdir()
    os.mkfifo(actors / "d-pipe.yaml")  # reading it would wait for ever
    done = _both(ws, cache, "validate")
    assert done.returncode == 2, done.stderr
    assert done.stderr.splitlines() == [
        f"seeds/actors/a-outside.yaml: {OUTSIDE}",
        "seeds/actors/b-loop.yaml: a symlink loop",
        "seeds/actors/c-folder.yaml: a folder where a file is expected",
        "seeds/actors/d-pipe.yaml: not a regular file",
        "4 problems found",
    ]


@pytest.mark.parametrize("kind", ["loop", "folder", "outside"])
def test_a_draft_that_is_not_a_file_inside_is_refused(ws: Path, secret: Path, kind: str) -> None:
    cache = "0"
    draft = ws / "seeds" / "drafts" / f"{SOURCE}.yaml"
    draft.parent.mkdir()
    if kind == "loop":
        draft.symlink_to(draft.name)
    elif kind == "folder":
        draft.mkdir()
    else:
        draft.symlink_to(secret)
    rel = f"seeds/drafts/{SOURCE}.yaml"
    why = {"loop": "a symlink loop", "folder": "a folder where a file is expected"}
    why = why.get(kind, OUTSIDE)
    accept = _both(ws, cache, "extract", SOURCE, "--accept")
    assert accept.returncode == 2, accept.stderr
    assert accept.stderr.splitlines() == [f"{rel}: {why}"]
    again = _both(ws, cache, "extract", SOURCE)
    assert again.returncode == 2, again.stderr
    assert again.stderr.splitlines() == [f"{rel}: {why}: remove it, then run again"]
    assert secret.read_text("utf-8") == SECRET


@pytest.mark.parametrize("kind", ["file", "loop"])
def test_an_out_that_is_not_a_folder_is_an_argument_error(ws: Path, kind: str) -> None:
    out = ws / "out"
    if kind == "file":
        out.write_text("", "utf-8")
    else:
        out.symlink_to(out.name)
    for args in (("mircea-geoana", "--out", str(out)), ("pack", "--out", str(out))):
        done = run_brief(*args, cwd=ws)
        assert done.returncode == 2, done.stderr
        expected = f"error: --out: {out} exists and is not a folder"
        assert done.stderr.startswith(expected), done.stderr


def test_a_folder_where_the_brief_is_to_be_written_is_an_input_error(ws: Path) -> None:
    first = run_brief("mircea-geoana", "--format", "md", "--out", "out", cwd=ws)
    assert first.returncode == 0, first.stderr
    (brief,) = (ws / "out").iterdir()
    brief.unlink()
    brief.mkdir()
    done = run_brief("mircea-geoana", "--format", "md", "--out", "out", cwd=ws)
    assert done.returncode == 2, done.stderr
    expected = f"out/{brief.name}: a folder is where this file is to be written"
    assert done.stderr.splitlines() == [expected]
