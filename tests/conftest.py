"""Suite-wide settings."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest
from hypothesis import HealthCheck, settings

# Property tests check behaviour, never speed: a loaded 2-core CI machine must not
# turn a slow example into a failure. CI runs derandomised so a red run can be
# reproduced; local runs explore new examples and keep failures in Hypothesis's
# database, so a counterexample found once is tried first next time.
_IN_CI = os.environ.get("CI", "").strip().lower() in {"1", "true", "yes", "on"}
settings.register_profile(
    "brief",
    deadline=None,
    derandomize=_IN_CI,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.load_profile("brief")


@pytest.fixture(autouse=True, scope="session")
def _corpus_cache_in_tmp(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Validated corpora are cached in the user's cache folder; tests keep theirs apart
    (CLI tests run in subprocesses, so it is set in the environment)."""
    os.environ["BRIEF_CACHE_DIR"] = str(tmp_path_factory.mktemp("brief-cache"))


@pytest.fixture(autouse=True, scope="session")
def _no_silent_exit() -> Iterator[None]:
    """`os._exit(0)` in the test process ends pytest at once with status 0: the rest of
    the suite never runs, yet the run reads as green. Code under test must never reach it
    here; a forked child (a pack worker) still may."""
    real_exit = os._exit
    suite_pid = os.getpid()

    def guarded_exit(code: int) -> None:
        if os.getpid() == suite_pid:
            raise RuntimeError(f"os._exit({code}) called in the test process")
        real_exit(code)

    os._exit = guarded_exit  # type: ignore[assignment]
    yield
    os._exit = real_exit
