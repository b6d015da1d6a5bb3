"""The package others install: the wheel in a clean virtual environment outside the
repository does what the README promises (init, validate, render in every format, pack).

It installs the wheel's dependencies from the lock file through pip's cache, so it
costs tens of seconds, not a download: it runs in the suite (marker `wheel`;
`-m "not wheel"` skips it when iterating).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from shipped_workspace import REPO

pytestmark = pytest.mark.wheel

LOCK = REPO / "requirements" / "constraints.txt"


def _run(args: list[str], cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        args, cwd=cwd, env=env, capture_output=True, text=True, timeout=600, check=False
    )


def _clean_env(tmp: Path) -> dict[str, str]:
    """The environment of a user's shell: nothing pointing back into this checkout."""
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in {"PYTHONPATH", "VIRTUAL_ENV", "BRIEF_WORKSPACE", "PYTHONHOME"}
    }
    env["BRIEF_CACHE_DIR"] = str(tmp / "cache")
    env["PIP_DISABLE_PIP_VERSION_CHECK"] = "1"
    return env


def _build_wheel(tmp: Path, env: dict[str, str]) -> Path:
    """Build from a copy of the sources, so the build leaves nothing in the checkout."""
    source = tmp / "source"
    source.mkdir()
    for name in ("pyproject.toml", "README.md", "LICENSE"):
        shutil.copy2(REPO / name, source / name)
    ignore = shutil.ignore_patterns("__pycache__", "*.egg-info", "*.pyc")
    shutil.copytree(REPO / "src", source / "src", ignore=ignore)
    dist = tmp / "dist"
    built = _run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-w", str(dist),
         str(source)],
        tmp, env,
    )  # fmt: skip
    assert built.returncode == 0, built.stderr
    (wheel,) = dist.glob("analyst_brief-*.whl")
    return wheel


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    tmp = tmp_path_factory.mktemp("wheel")
    assert REPO not in tmp.parents
    env = _clean_env(tmp)
    wheel = _build_wheel(tmp, env)
    venv = tmp / "venv"
    # Without pip of its own (seeding one costs seconds): this pip installs into it.
    made = _run([sys.executable, "-m", "venv", "--without-pip", str(venv)], tmp, env)
    assert made.returncode == 0, made.stderr
    pip = [sys.executable, "-m", "pip", "--python", str(venv / "bin" / "python"), "install"]
    done = _run([*pip, "--quiet", "--no-compile", "-c", str(LOCK), str(wheel)], tmp, env)
    assert done.returncode == 0, done.stderr
    env["PATH"] = f"{venv / 'bin'}{os.pathsep}{env.get('PATH', '')}"
    return venv / "bin" / "brief", env


def test_the_wheel_installs_and_runs_init_validate_render_pack(
    installed: tuple[Path, dict[str, str]], tmp_path: Path
) -> None:
    brief, env = installed
    work = tmp_path / "user"
    work.mkdir()
    steps = [
        ([str(brief), "init", "ws"], work),
        ([str(brief), "validate"], work / "ws"),
        ([str(brief), "mircea-geoana", "--format", "all"], work / "ws"),
        ([str(brief), "pack", "--formats", "pdf,docx,md"], work / "ws"),
        ([str(brief), "export", "mircea-geoana", "--to", "stix", "--out", "-"], work / "ws"),
    ]
    outputs = []
    for args, cwd in steps:
        result = _run(args, cwd, env)
        assert result.returncode == 0, f"{args[1:]}: {result.stderr}"
        outputs.append(result.stdout)
    assert outputs[1].startswith("valid: ")
    rendered = sorted(p.suffix for p in (work / "ws" / "output").glob("mircea-geoana_*"))
    assert rendered == [".docx", ".md", ".pdf"]
    assert (work / "ws" / "output" / "packs").is_dir()
    assert '"type": "bundle"' in outputs[4]
    # The code ran from the wheel, not from this checkout.
    where = _run(
        [str(brief.parent / "python"), "-c", "import brief; print(brief.__file__)"], work, env
    )
    assert str(REPO) not in where.stdout and "site-packages" in where.stdout


def test_without_the_ingest_extra_sources_add_names_it(
    installed: tuple[Path, dict[str, str]], tmp_path: Path
) -> None:
    brief, env = installed
    ws = tmp_path / "ws"
    assert _run([str(brief), "init", str(ws)], tmp_path, env).returncode == 0
    page = tmp_path / "page.html"
    page.write_text("<html><body><p>Words.</p></body></html>", encoding="utf-8")
    result = _run([str(brief), "sources", "add", str(page), "-w", str(ws)], tmp_path, env)
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [
        "error: brief sources add needs the [ingest] extra (trafilatura, langdetect missing): "
        "pip install 'analyst-brief[ingest]'"
    ]
