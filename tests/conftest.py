"""Suite-wide settings."""

from __future__ import annotations

import os

import pytest


@pytest.fixture(autouse=True, scope="session")
def _corpus_cache_in_tmp(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Validated corpora are cached in the user's cache folder; tests keep theirs apart
    (CLI tests run in subprocesses, so it is set in the environment)."""
    os.environ["BRIEF_CACHE_DIR"] = str(tmp_path_factory.mktemp("brief-cache"))
