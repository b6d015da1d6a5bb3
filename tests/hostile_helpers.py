"""Real `brief` processes on scratch workspaces, for the hostile-input tests."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path


def brief_env(**extra: str) -> dict[str, str]:
    env = {**os.environ, "CI": "true", **extra}
    env.pop("BRIEF_WORKSPACE", None)
    env.pop("BRIEF_DEBUG", None)
    return env


def brief_cmd(*args: str) -> list[str]:
    return [sys.executable, "-m", "brief", *args]


def run_brief(*args: str, cwd: Path | None = None, timeout: float = 300, **env: str):
    """`brief ARGS` in a fresh process; stdin closed, as in CI."""
    return subprocess.run(
        brief_cmd(*args),
        cwd=cwd,
        env=brief_env(**env),
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def verify_pack(folder: Path) -> dict:
    """The pack in `folder` is whole: every file its manifest lists matches its sha256,
    and nothing else is there. Returns the manifest."""
    manifest = json.loads((folder / "manifest.json").read_bytes())
    listed = {f["path"]: f["sha256"] for b in manifest["briefs"] for f in b["files"]}
    if manifest.get("combined"):
        listed[manifest["combined"]["path"]] = manifest["combined"]["sha256"]
    listed[manifest["changes"]["path"]] = manifest["changes"]["sha256"]
    for name, digest in listed.items():
        assert sha(folder / name) == digest, f"{folder / name} does not match the manifest"
    present = {p.name for p in folder.iterdir()}
    assert present == set(listed) | {"manifest.json", "timings.json"}, present
    return manifest


def hidden_leftovers(folder: Path, allowed: tuple[str, ...] = ()) -> list[str]:
    """Temporary files and folders (hidden names) in `folder`, but those `allowed`."""
    if not folder.is_dir():
        return []
    names = (p.name for p in folder.iterdir())
    return sorted(n for n in names if n.startswith(".") and n not in allowed)
