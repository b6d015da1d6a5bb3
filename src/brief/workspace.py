"""Finding the workspace: the folder holding `briefings/` and `seeds/`.

An analyst team keeps its own repository of seeds and briefings; `brief`
works from anywhere inside it, like git does.
"""

from __future__ import annotations

import os
from pathlib import Path

from brief.errors import BriefError, InvalidInput, Problem

ENV_VAR = "BRIEF_WORKSPACE"
MARKERS = ("briefings", "seeds")


class NoWorkspace(BriefError):
    """No workspace found: the user must say where it is, like any bad argument (exit 2)."""

    exit_code = 2


def is_workspace(path: Path) -> bool:
    return all((path / marker).is_dir() for marker in MARKERS)


def find_workspace(explicit: Path | None = None, start: Path | None = None) -> Path:
    """The workspace to use, absolute.

    Order: `explicit` (the `--workspace` option), then the `BRIEF_WORKSPACE`
    environment variable, then the first of `start` (default: the current
    folder) and its parents that holds both `briefings/` and `seeds/`.
    """
    given_by = "--workspace"
    if explicit is None and os.environ.get(ENV_VAR):
        explicit, given_by = Path(os.environ[ENV_VAR]), ENV_VAR
    if explicit is not None:
        path = explicit.expanduser().resolve()
        if not is_workspace(path):
            raise InvalidInput(
                Problem(
                    file=given_by,
                    message=f"{explicit} is not a brief workspace "
                    "(it needs briefings/ and seeds/ folders)",
                )
            )
        return path
    here = (start or Path.cwd()).resolve()
    for candidate in (here, *here.parents):
        if is_workspace(candidate):
            return candidate
    raise NoWorkspace(
        f"no brief workspace (a folder holding briefings/ and seeds/) in {here} or its parents; "
        f"use --workspace DIR, set {ENV_VAR}, or create one with `brief init DIR`"
    )


def inputs_hash(root: Path) -> str:
    """sha256 over every file in `briefings/` and `seeds/` (paths and bytes, sorted).

    Hidden files (editor swap files, `.git`) are not inputs.
    """
    import hashlib

    digest = hashlib.sha256()
    for folder in MARKERS:
        base = root / folder
        files = sorted(
            p
            for p in base.rglob("*")
            if p.is_file() and not any(part.startswith(".") for part in p.relative_to(root).parts)
        )
        for path in files:
            digest.update(path.relative_to(root).as_posix().encode("utf-8") + b"\0")
            digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()
