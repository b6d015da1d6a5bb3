"""Stage 1: load and validate the curated corpus (YAML + source texts)."""

from brief.corpus.corpus import AnyExtract, Corpus
from brief.corpus.load import load_corpus

__all__ = ["AnyExtract", "Corpus", "load_corpus"]
