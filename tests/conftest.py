"""Suite-wide settings."""

from __future__ import annotations

import os

import pytest


@pytest.fixture(autouse=True, scope="session")
def _corpus_cache_in_tmp(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Validated corpora are cached in the user's cache folder; tests keep theirs apart
    (CLI tests run in subprocesses, so it is set in the environment)."""
    os.environ["BRIEF_CACHE_DIR"] = str(tmp_path_factory.mktemp("brief-cache"))


# TEMPORARY while stages land in parallel: end-to-end tests need the assembler and
# the PDF renderer. Removed once both are on main (tracked in the integration step).
_PIPELINE_TESTS = ("test_cli_render.py", "test_pack.py")


def _pipeline_missing() -> str | None:
    import importlib.util

    for module in ("brief.assemble.assembler", "brief.render.pdf"):
        try:
            if importlib.util.find_spec(module) is None:
                return module
        except ModuleNotFoundError:  # its parent package is missing too
            return module
    return None


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    missing = _pipeline_missing()
    if missing is None:
        return
    skip = pytest.mark.skip(reason=f"{missing} not on main yet")
    for item in items:
        if item.path.name in _PIPELINE_TESTS:
            item.add_marker(skip)
