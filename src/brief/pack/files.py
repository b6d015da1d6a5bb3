"""Hashes, cache keys and the pack's JSON files."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

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


def read_json(path: Path) -> dict:
    try:
        data = json.loads(path.read_bytes())
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def write_if_changed(path: Path, data: bytes) -> bool:
    if path.is_file() and path.read_bytes() == data:
        return False
    atomic_write_bytes(path, data)
    return True


def up_to_date(folder: Path, entry: dict | None, key: str) -> bool:
    if not entry or entry.get("cache_key") != key:
        return False
    path = folder / entry["path"]
    return path.is_file() and sha256(path.read_bytes()) == entry.get("sha256")
