"""Whatever an analyst's editor leaves in a file, validation reports it: never a crash."""

from __future__ import annotations

import shutil
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from brief.corpus.load import load_workspace
from tiny_workspace import FILES, make_workspace

EDITS = st.sampled_from(["delete", "duplicate", "insert", "indent", "dedent"])
JUNK = st.text(alphabet=st.sampled_from(list(":-[]{}\"'#&*!|>%@`, \t\nxé“\x00")), max_size=6)


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    rel=st.sampled_from(sorted(FILES)),
    edit=EDITS,
    where=st.integers(min_value=0, max_value=40),
    junk=JUNK,
)
def test_a_mangled_file_gives_located_problems_not_a_crash(
    tmp_path: Path, rel: str, edit: str, where: int, junk: str
) -> None:
    root = tmp_path / "ws"
    shutil.rmtree(root, ignore_errors=True)
    make_workspace(root)
    path = root / rel
    lines = path.read_text(encoding="utf-8").split("\n")
    at = where % len(lines)
    if edit == "delete":
        del lines[at]
    elif edit == "duplicate":
        lines.insert(at, lines[at])
    elif edit == "insert":
        lines[at] = lines[at][: len(junk)] + junk + lines[at][len(junk) :]
    elif edit == "indent":
        lines[at] = "  " + lines[at]
    else:
        lines[at] = lines[at].lstrip()
    path.write_text("\n".join(lines), encoding="utf-8")

    for problem in load_workspace(root).problems:
        assert problem.file
        assert problem.message
        assert problem.line is None or problem.line >= 1
        assert "Traceback" not in str(problem)
