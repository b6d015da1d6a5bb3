"""The corpus shipped in this repository is valid, and uses its schemas."""

from __future__ import annotations

from pathlib import Path

from brief.corpus.load import FILE_LAYOUT, load_workspace, schema_line

REPO = Path(__file__).resolve().parents[1]


def test_shipped_corpus_is_valid() -> None:
    loaded = load_workspace(REPO)
    assert [str(p) for p in loaded.problems] == []


def test_every_shipped_text_belongs_to_a_source() -> None:
    corpus = load_workspace(REPO).corpus
    used = {Path("seeds", s.text).as_posix() for s in corpus.sources.values()}
    texts = {p.relative_to(REPO).as_posix() for p in (REPO / "seeds" / "texts").glob("*")}
    if corpus.sources:  # meaningful once the sources are curated
        assert texts <= used, f"texts without a source: {sorted(texts - used)}"


def test_every_shipped_yaml_file_names_its_schema_for_editors() -> None:
    for kind in FILE_LAYOUT:
        for path in sorted((REPO / kind.folder).glob("*.yaml")):
            first = path.read_text(encoding="utf-8").split("\n", 1)[0]
            assert first == schema_line(REPO, path, kind.schema), path.relative_to(REPO)
