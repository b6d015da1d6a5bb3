"""Optional parts of brief, installed as extras of the `analyst-brief` distribution.

A command that needs one says which, in one line, instead of an ImportError.
"""

from __future__ import annotations

import importlib.util

from brief.errors import BriefError

DISTRIBUTION = "analyst-brief"

EXTRAS = {"ingest": ("trafilatura", "langdetect")}
"""Extra -> the modules it installs (`brief sources add`: web page text, language)."""


class MissingExtra(BriefError):
    """An optional dependency is not installed: a setup problem, exit code 1."""


def require(extra: str, what: str, modules: tuple[str, ...] | None = None) -> None:
    """Raise `MissingExtra` naming `extra` unless its modules (or `modules`) are importable."""
    missing = [m for m in modules or EXTRAS[extra] if importlib.util.find_spec(m) is None]
    if missing:
        raise MissingExtra(
            f"{what} needs the [{extra}] extra ({', '.join(missing)} missing): "
            f"pip install '{DISTRIBUTION}[{extra}]'"
        )
