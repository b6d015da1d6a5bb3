"""Stage 1: load and validate the curated corpus (YAML + source texts)."""

from __future__ import annotations

import sys
from pathlib import Path

from brief.corpus.corpus import Corpus
from brief.corpus.models import AnyExtract
from brief.errors import Problem

__all__ = ["AnyExtract", "Corpus", "load_corpus"]


def load_corpus(root: Path) -> Corpus:
    """Load and validate the workspace at `root`; raise `InvalidInput` listing all problems.

    A corpus whose every input file is unchanged since it last validated comes
    from the cache (`brief.corpus.cache`). Only a miss imports the loader (the
    YAML parser, the checks): a cached `brief SUBJECT` never needs them.
    """
    from brief.corpus.cache import load_cached

    corpus = load_cached(Path(root), _load_checked)
    warn_once(corpus.warnings)  # a cached corpus reports them as a fresh load does
    return corpus


def _load_checked(root: Path) -> Corpus:
    from brief.corpus.load import load_checked

    return load_checked(root)


_warned: set[Problem] = set()


def warn_once(warnings: list[Problem]) -> None:
    """Print each warning once per process (a command may load the corpus twice)."""
    for warning in warnings:
        if warning not in _warned:
            _warned.add(warning)
            print(f"warning: {warning}", file=sys.stderr)
