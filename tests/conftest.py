"""Suite-wide settings."""

from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, settings

# Property tests check behaviour, never speed: a loaded 2-core CI machine must not
# turn a slow example into a failure. Derandomised so a CI run is reproducible.
settings.register_profile(
    "brief",
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.load_profile("brief")


@pytest.fixture(autouse=True, scope="session")
def _corpus_cache_in_tmp(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Validated corpora are cached in the user's cache folder; tests keep theirs apart
    (CLI tests run in subprocesses, so it is set in the environment)."""
    os.environ["BRIEF_CACHE_DIR"] = str(tmp_path_factory.mktemp("brief-cache"))
