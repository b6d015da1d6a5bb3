"""The corpus shipped in this repository is valid, and uses its schemas."""

from __future__ import annotations

from pathlib import Path

from brief.corpus.load import load_workspace

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
