"""`brief init DIR`: a minimal workspace an analyst team can start from.

It holds one source (a press release, text untouched, with its
sha256), one actor, one extract, one briefing and the default section
templates, and passes `brief validate` as created.
"""

from __future__ import annotations

from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

from brief.errors import InvalidInput, Problem
from brief.fsutil import atomic_write_bytes

EMPTY_FOLDERS = ("seeds/issues", "seeds/judgments", "output")


def _files(node: Traversable, prefix: str = "") -> list[tuple[str, Traversable]]:
    found = []
    for child in sorted(node.iterdir(), key=lambda c: c.name):
        if child.name.startswith((".", "__")):
            continue
        rel = f"{prefix}{child.name}"
        if child.is_dir():
            found += _files(child, rel + "/")
        else:
            found.append((rel, child))
    return found


def workspace_files() -> list[tuple[str, bytes]]:
    """(relative path, bytes) of every file `brief init` creates."""
    package = resources.files("brief.resources")
    # Stored without its dot: hidden files are easy to lose in packaging.
    renamed = {"gitignore": ".gitignore"}
    files = [(renamed.get(rel, rel), f.read_bytes()) for rel, f in _files(package / "init")]
    files += [
        (f"briefings/templates/{rel}", f.read_bytes()) for rel, f in _files(package / "templates")
    ]
    return sorted(files)


def create_workspace(directory: Path) -> Path:
    directory = Path(directory)
    if directory.exists() and (not directory.is_dir() or any(directory.iterdir())):
        raise InvalidInput(
            Problem(
                file=str(directory), message="already exists and is not empty; choose a new folder"
            )
        )
    for rel, data in workspace_files():
        atomic_write_bytes(directory / rel, data)
    for rel in EMPTY_FOLDERS:
        (directory / rel).mkdir(parents=True, exist_ok=True)
    # The YAML files point editors at schemas/: write it, as `brief schema` would.
    from brief import api

    api.write_schemas(directory)
    return directory
