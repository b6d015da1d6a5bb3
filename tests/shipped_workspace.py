"""A throw-away copy of the shipped corpus, so tests never write into the repo."""

from __future__ import annotations

import shutil
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def copy_shipped_workspace(root: Path, keep: tuple[str, ...] | None = None) -> Path:
    """Copy seeds/ and briefings/; keep only the briefing files named in `keep`."""
    shutil.copytree(REPO / "seeds", root / "seeds")
    shutil.copytree(REPO / "briefings", root / "briefings")
    if keep is not None:
        for path in (root / "briefings").glob("*.yaml"):
            if path.stem not in keep and not path.name.startswith("_"):  # _workspace.yaml
                path.unlink()
    return root
