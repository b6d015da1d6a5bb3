"""Hashes, cache keys and the pack's JSON files."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from brief import __version__
from brief.fsutil import atomic_write_bytes

TOOL = f"brief {__version__}"


def tool_hash() -> str:
    """sha256 of brief's own code and packaged resources.

    Part of every cache key, so that a changed renderer or default template
    re-renders even when the version number did not move.
    """
    package = Path(__file__).resolve().parents[1]
    digest = hashlib.sha256()
    for path in sorted(package.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            digest.update(path.relative_to(package).as_posix().encode("utf-8") + b"\0")
            digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def cache_key(*parts: object) -> str:
    return sha256(json.dumps(parts, sort_keys=True, default=str).encode("utf-8"))


def dump(data: object) -> bytes:
    return (json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n").encode("utf-8")


def read_json(path: Path) -> dict[str, Any]:
    try:
        return parse_json(path.read_bytes())
    except OSError:
        return {}


def parse_json(raw: bytes) -> dict[str, Any]:
    """A JSON object's bytes as a dict; anything else as {}."""
    try:
        data = json.loads(raw)
    except ValueError:
        return {}
    return data if isinstance(data, dict) else {}


def write_if_changed(path: Path, data: bytes) -> bool:
    if path.is_file() and path.read_bytes() == data:
        return False
    atomic_write_bytes(path, data)
    return True


def up_to_date(folder: Path, entry: dict[str, Any] | None, key: str) -> bool:
    if not entry or entry.get("cache_key") != key:
        return False
    path = folder / entry["path"]
    return path.is_file() and sha256(path.read_bytes()) == entry.get("sha256")


def file_entry_problem(entry: object, where: str, formats: bool = True) -> str | None:
    if not isinstance(entry, dict):
        return f"{where}: not an object"
    for key in ("path", "sha256", "cache_key"):
        if not isinstance(entry.get(key), str):
            return f"{where}.{key}: missing or not a string"
    if Path(entry["path"]).name != entry["path"] or entry["path"] in ("", ".", ".."):
        return f"{where}.path: not a file name in the pack folder"
    if formats and not isinstance(entry.get("format"), str):
        return f"{where}.format: missing or not a string"
    return None


def snapshot_problem(snapshot: object, where: str) -> str | None:
    if not isinstance(snapshot, dict):
        return f"{where}: not an object"
    for stem, shown in snapshot.items():
        if not (
            isinstance(shown, dict)
            and isinstance(shown.get("statements"), list)
            and all(isinstance(s, str) for s in shown["statements"])
            and isinstance(shown.get("issues"), dict)
            and all(isinstance(v, str) for v in shown["issues"].values())
        ):
            return f"{where}.{stem}: not {{statements: [ids], issues: {{id: status}}}}"
    return None


def manifest_problem(data: dict[str, Any]) -> str | None:
    """What is wrong with the shape of a pack's manifest.json (None: usable as a cache).

    A run trusts the previous manifest for paths, hashes and cache keys; anything
    else in it (hand-edited, truncated by a tool, from another program) must make
    a full rebuild, never a crash on every later run."""
    briefs = data.get("briefs", [])
    if not isinstance(briefs, list):
        return "briefs: not a list"
    for i, brief in enumerate(briefs):
        if not isinstance(brief, dict) or not isinstance(brief.get("briefing"), str):
            return f"briefs[{i}].briefing: missing or not a string"
        files = brief.get("files", [])
        if not isinstance(files, list):
            return f"briefs[{i}].files: not a list"
        for j, entry in enumerate(files):
            if problem := file_entry_problem(entry, f"briefs[{i}].files[{j}]"):
                return problem
    combined = data.get("combined")
    if combined is not None and (problem := file_entry_problem(combined, "combined", False)):
        return problem
    if "snapshot" in data:
        return snapshot_problem(data["snapshot"], "snapshot")
    return None


def read_manifest(path: Path, warn: Callable[[str], None]) -> dict[str, Any]:
    """The manifest at `path` if it has the right shape; else {} (a full rebuild) and a warning."""
    if not path.exists():
        return {}
    problem: str | None
    try:
        data = json.loads(path.read_bytes())
    except (OSError, ValueError) as exc:
        problem = f"not readable JSON ({type(exc).__name__})"
    else:
        problem = "not a JSON object" if not isinstance(data, dict) else manifest_problem(data)
    if problem is None:
        manifest: dict[str, Any] = data  # a JSON object, checked above
        return manifest
    warn(f"warning: {path}: {problem}; not a pack manifest, rendering everything again")
    return {}


def read_timings(path: Path) -> dict[str, Any]:
    """timings.json as {"briefs": {stem: {step: seconds}}}; anything else is no timings."""
    data = read_json(path)
    briefs = data.get("briefs")
    if not isinstance(briefs, dict) or not all(
        isinstance(v, dict) and all(isinstance(s, int | float) for s in v.values())
        for v in briefs.values()
    ):
        return {}
    return data
