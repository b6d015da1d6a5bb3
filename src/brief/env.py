"""What the environment says about how brief runs."""

from __future__ import annotations

import os

TRUE = frozenset({"1", "true", "yes", "on", "y"})


def flag(name: str) -> bool:
    """An environment variable set to a true value: 1, true, yes, on (any case)."""
    return os.environ.get(name, "").strip().lower() in TRUE


def in_ci() -> bool:
    """Running under CI (`CI=1`, `CI=true`, `CI=yes`, ...): no prompts, no progress bar."""
    return flag("CI")
