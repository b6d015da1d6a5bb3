"""The benchmark corpus generator makes valid, deterministic workspaces.

Benchmarks measure nothing useful on a corpus the loader rejects, and figures
cannot be compared between runs unless the corpus is the same bytes.
"""

from __future__ import annotations

import hashlib
import importlib.util
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from brief.api import load
from brief.cli import app

ROOT = Path(__file__).resolve().parents[1]


def _synth():
    spec = importlib.util.spec_from_file_location("synth", ROOT / "benchmarks" / "synth.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["synth"] = module
    spec.loader.exec_module(module)
    return module


synth = _synth()
# more issues than there are topics: issue ids must stay unique
SIZES = synth.Sizes(sources=12, extracts=60, actors=30, briefings=4, issues=300)


def _tree_digest(root: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        digest.update(path.relative_to(root).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


@pytest.fixture(scope="module")
def workspace(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("synth")
    synth.generate(root, SIZES, seed=7)
    return root


def test_generated_workspace_loads_with_the_requested_sizes(workspace: Path) -> None:
    counts = load(workspace).counts()
    assert counts["sources"] == 12
    assert counts["extracts"] == 60
    assert counts["actors"] == 30
    assert counts["briefings"] == 4
    assert counts["issues"] >= 1 and counts["judgments"] >= 1


def test_brief_validate_accepts_the_generated_workspace(workspace: Path) -> None:
    result = CliRunner().invoke(app, ["validate", "--workspace", str(workspace)])
    assert result.exit_code == 0, result.output
    assert "60 extracts" in result.output


def test_every_quote_and_evidence_is_verbatim_in_its_source_text(workspace: Path) -> None:
    corpus = load(workspace)
    for extract in corpus.extracts.values():
        passage = extract.quote if extract.kind == "statement" else extract.evidence
        assert passage in corpus.texts[extract.source], extract.id
    for source in corpus.sources.values():
        raw = (workspace / "seeds" / source.text).read_bytes()
        assert hashlib.sha256(raw).hexdigest() == source.sha256
        for passage in source.boilerplate:
            assert passage in corpus.texts[source.id]


def test_corpus_has_the_shape_that_makes_benchmarks_realistic(workspace: Path) -> None:
    corpus = load(workspace)
    names = " ".join(a.name + " " + " ".join(a.aliases) for a in corpus.actors.values())
    assert any(ch in names for ch in "čćđšž"), "Latin diacritics"
    assert any("\u0400" <= ch <= "\u04ff" for ch in names), "Cyrillic spellings"
    assert {b.kind for b in corpus.briefings.values()} == {"country", "person"}
    assert any(len(a.roles) > 1 for a in corpus.actors.values())
    assert max(len(e.quote) for e in corpus.extracts.values() if e.kind == "statement") > 150


def test_same_seed_same_bytes_other_seed_other_bytes(tmp_path: Path) -> None:
    synth.generate(tmp_path / "a", SIZES, seed=3)
    synth.generate(tmp_path / "b", SIZES, seed=3)
    synth.generate(tmp_path / "c", SIZES, seed=4)
    assert _tree_digest(tmp_path / "a") == _tree_digest(tmp_path / "b")
    assert _tree_digest(tmp_path / "a") != _tree_digest(tmp_path / "c")


def test_people_stay_distinct_beyond_the_name_pools() -> None:
    gen = synth.Generator(synth.Sizes(sources=1, extracts=1, actors=3000, briefings=1), seed=1)
    gen.make_people()
    assert len(gen.people) > 2900
    assert len({p.id for p in gen.people}) == len(gen.people)
    assert len({p.name for p in gen.people}) == len(gen.people)
    assert all(len(p.id) <= 80 for p in gen.people)
