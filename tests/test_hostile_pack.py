"""The pack is all or nothing (issue 14): real `brief pack` processes, killed.

A kill (SIGKILL, or Ctrl-C to the whole process group as a terminal sends it)
at a random moment of a run that re-renders everything must leave either the
previous pack exactly as it was or the new one complete, every file matching
its sha256 in manifest.json and nothing else in the folder.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import random
import shutil
import signal
import subprocess
import time
from pathlib import Path

import pytest

from hostile_helpers import brief_cmd, brief_env, hidden_leftovers, run_brief, verify_pack
from shipped_workspace import copy_shipped_workspace

WEEK = "2024-W38"
FORMATS = ("--formats", "md,pdf")
LOCK = f".{WEEK}.lock"


def _seed() -> int:
    if os.environ.get("BRIEF_KILL_SEED"):
        return int(os.environ["BRIEF_KILL_SEED"])
    return 14 if os.environ.get("CI") else random.SystemRandom().randrange(1 << 30)


@pytest.fixture(scope="module")
def packed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, float]:
    """A workspace with a complete pack of WEEK, and how long a full run took here."""
    ws = copy_shipped_workspace(tmp_path_factory.mktemp("packed"), ("kosovo", "boris-ruge"))
    start = time.monotonic()
    done = run_brief("pack", "--workspace", str(ws), "--week", WEEK, *FORMATS)
    assert done.returncode == 0, done.stderr
    return ws, time.monotonic() - start


def _copy(packed: tuple[Path, float], tmp_path: Path) -> tuple[Path, Path]:
    ws = tmp_path / "ws"
    shutil.copytree(packed[0], ws)
    return ws, ws / "output" / "packs"


def _change_inputs(ws: Path) -> None:
    """Every brief's cache key changes: the next run re-renders everything."""
    with open(ws / "briefings" / "kosovo.yaml", "a", encoding="utf-8") as handle:
        handle.write("# edited\n")


def _whole(folder: Path, previous: bytes) -> str:
    """'previous' or 'new', after checking the pack in `folder` is whole."""
    manifest = verify_pack(folder)
    assert manifest["pack"] == WEEK
    return "previous" if (folder / "manifest.json").read_bytes() == previous else "new"


@pytest.mark.parametrize(
    ("sig", "jobs"),
    [(signal.SIGKILL, 1), (signal.SIGKILL, 4), (signal.SIGINT, 1), (signal.SIGINT, 4)],
    ids=["kill-jobs1", "kill-jobs4", "ctrl-c-jobs1", "ctrl-c-jobs4"],
)
def test_a_killed_pack_leaves_the_previous_pack_or_the_new_one(
    packed: tuple[Path, float], tmp_path: Path, sig: signal.Signals, jobs: int
) -> None:
    ws, packs = _copy(packed, tmp_path)
    previous = (packs / WEEK / "manifest.json").read_bytes()
    _change_inputs(ws)
    seed = _seed()
    delay = random.Random(seed).uniform(0.3, packed[1] * 1.1)
    args = ("pack", "--workspace", str(ws), "--week", WEEK, *FORMATS, "--jobs", str(jobs))
    proc = subprocess.Popen(
        brief_cmd(*args),
        env=brief_env(),
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,  # its own process group, as a terminal's job is
    )
    time.sleep(delay)
    with contextlib.suppress(ProcessLookupError):  # already finished
        os.killpg(proc.pid, sig)  # the parent and its workers, as Ctrl-C reaches them
    _, err = proc.communicate(timeout=120)
    where = f"seed {seed} (BRIEF_KILL_SEED), killed after {delay:.2f}s, exit {proc.returncode}"
    state = _whole(packs / WEEK, previous)
    if proc.returncode == 0:
        assert state == "new", where
    if sig == signal.SIGINT:
        # A shell reports 130 both for exit(130) and for a process that ends by the
        # SIGINT itself (-2 here), which a Ctrl-C very early or very late in the run
        # can still do: either way one line, no traceback, and the pack whole.
        assert proc.returncode in (0, 130, -signal.SIGINT), f"{where}\n{err}"
        # Python restores the default handler while it shuts down: a Ctrl-C
        # after the pack is done and its lines are written ends the process by
        # the signal, with the new pack whole and nothing more to say.
        after_the_end = proc.returncode == -signal.SIGINT and state == "new"
        if proc.returncode != 0 and not after_the_end:
            assert "Traceback" not in err, f"{where}\n{err}"
            assert err.strip().splitlines()[-1:] == ["error: interrupted"] or not err.strip(), (
                f"{where}\n{err}"
            )
            interrupted = [line for line in err.splitlines() if "interrupted" in line]
            assert interrupted == ["error: interrupted"], err
        assert "Traceback" not in err, f"{where}\n{err}"
        # Ctrl-C is handled: nothing temporary is left anywhere.
        assert hidden_leftovers(packs, (LOCK,)) == [], where
        assert hidden_leftovers(packs / WEEK) == [], where
    if sig == signal.SIGINT:
        return
    # The next run clears whatever a kill left, and completes the new pack.
    again = run_brief(*args)
    assert again.returncode == 0, f"{where}\n{again.stderr}"
    assert _whole(packs / WEEK, previous) == "new"
    assert hidden_leftovers(packs, (LOCK,)) == [] and hidden_leftovers(packs / WEEK) == []


def test_a_second_pack_into_the_same_folder_waits_for_the_first(
    packed: tuple[Path, float], tmp_path: Path
) -> None:
    ws, packs = _copy(packed, tmp_path)
    previous = (packs / WEEK / "manifest.json").read_bytes()
    _change_inputs(ws)
    # Another run holds the lock (this test, standing in for it).
    handle = os.open(packs / LOCK, os.O_RDWR)
    fcntl.flock(handle, fcntl.LOCK_EX)
    args = ("pack", "--workspace", str(ws), "--week", WEEK, *FORMATS)
    proc = subprocess.Popen(
        brief_cmd(*args), env=brief_env(), stdin=subprocess.DEVNULL, stderr=subprocess.PIPE,
        stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        waiting = proc.stderr.readline()  # type: ignore[union-attr]
        assert "another `brief pack` is writing" in waiting and "waiting" in waiting, waiting
        time.sleep(0.5)
        assert proc.poll() is None, "it did not wait"
        assert _whole(packs / WEEK, previous) == "previous"
    finally:
        os.close(handle)  # the other run is done
    _, err = proc.communicate(timeout=300)
    assert proc.returncode == 0, err
    assert _whole(packs / WEEK, previous) == "new"


def test_two_packs_at_once_end_with_a_manifest_of_exactly_the_files_there(
    packed: tuple[Path, float], tmp_path: Path
) -> None:
    ws, packs = _copy(packed, tmp_path)
    _change_inputs(ws)
    runs = [
        subprocess.Popen(
            brief_cmd("pack", "--workspace", str(ws), "--week", WEEK, "--formats", formats),
            env=brief_env(),
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for formats in ("md,pdf", "md")
    ]
    for proc in runs:
        proc.communicate(timeout=300)
        assert proc.returncode == 0
    manifest = verify_pack(packs / WEEK)
    assert manifest["formats"] in (["md", "pdf"], ["md"])
    assert hidden_leftovers(packs, (LOCK,)) == []


BAD_MANIFESTS = {
    "not an object": "[1, 2, 3]",
    "a path outside the pack": '{"briefs": [{"briefing": "kosovo", "files": [{"format": "md", '
    '"path": "../../x", "sha256": "0", "cache_key": "k"}]}]}',
    "snapshot of lists": '{"briefs": [], "snapshot": {"kosovo": []}}',
}
"""Run for real; every shape the check knows is in test_manifest_shapes_the_check_refuses."""

MORE_BAD_SHAPES = [
    {"briefs": 5},
    {"briefs": [{"briefing": 1}]},
    {"briefs": [{"briefing": "k", "files": {}}]},
    {"briefs": [{"briefing": "k", "files": [{"format": "md", "path": "a", "sha256": 3}]}]},
    {"briefs": [{"briefing": "k", "files": [{"path": "a", "sha256": "s", "cache_key": "c"}]}]},
    {"briefs": [], "combined": "pack.pdf"},
    {"briefs": [], "combined": {"path": "..", "sha256": "s", "cache_key": "c"}},
    {"snapshot": {"kosovo": {"statements": [1], "issues": {}}}},
    {"snapshot": {"kosovo": {"statements": [], "issues": []}}},
]


@pytest.mark.parametrize("shape", MORE_BAD_SHAPES)
def test_manifest_shapes_the_check_refuses(shape: dict) -> None:
    from brief.pack.files import manifest_problem

    assert manifest_problem(shape)


def test_a_manifest_of_the_wrong_shape_is_a_warning_and_a_full_rebuild(
    packed: tuple[Path, float], tmp_path: Path
) -> None:
    ws, packs = _copy(packed, tmp_path)
    outside = ws / "output" / "x"
    outside.write_text("not the pack's", encoding="utf-8")
    args = ("pack", "--workspace", str(ws), "--week", WEEK, "--formats", "md")
    warning = f"warning: {packs / WEEK / 'manifest.json'}: "
    for case, manifest in BAD_MANIFESTS.items():
        (packs / WEEK / "manifest.json").write_text(manifest, encoding="utf-8")
        done = run_brief(*args)
        assert done.returncode == 0, f"{case}: {done.stderr}"
        warned = [ln for ln in done.stderr.splitlines() if ln.startswith(warning)]
        assert len(warned) == 1 and "rendering everything again" in warned[0], (case, done.stderr)
        assert "2 brief files rendered" in done.stdout, (case, done.stdout)
        verify_pack(packs / WEEK)
        assert outside.read_text(encoding="utf-8") == "not the pack's"
    # The run after that trusts the manifest it wrote.
    again = run_brief(*args)
    assert again.returncode == 0 and "nothing to do" in again.stdout, again.stderr


def test_a_previous_weeks_snapshot_of_the_wrong_shape_is_a_warning(
    packed: tuple[Path, float], tmp_path: Path
) -> None:
    ws, packs = _copy(packed, tmp_path)
    earlier = packs / "2024-W37"
    earlier.mkdir()
    (earlier / "manifest.json").write_text('{"snapshot": {"kosovo": 3}}', encoding="utf-8")
    done = run_brief("pack", "--workspace", str(ws), "--week", WEEK, "--formats", "md")
    assert done.returncode == 0, done.stderr
    assert f"warning: {earlier / 'manifest.json'}: snapshot.kosovo" in done.stderr
    assert "No pack of 2024-W37 was found" in (packs / WEEK / "changes.md").read_text("utf-8")


def test_a_killed_single_render_leaves_no_part_file_and_the_next_run_clears_old_ones(
    packed: tuple[Path, float], tmp_path: Path
) -> None:
    ws, _ = _copy(packed, tmp_path)
    out = tmp_path / "out"
    out.mkdir()
    stale = out / f".kosovo_2024-10-03.pdf.{_dead_pid()}.0123abcd.part"
    stale.write_bytes(b"half a pdf")
    args = ("kosovo", "--workspace", str(ws), "--format", "pdf", "--out", str(out))
    seed = _seed()
    for attempt, delay in enumerate(random.Random(seed).uniform(0.3, 4.0) for _ in range(1)):
        proc = subprocess.Popen(brief_cmd(*args), env=brief_env(), stdin=subprocess.DEVNULL)
        time.sleep(delay)
        proc.kill()
        proc.wait(timeout=60)
        parts = [p.name for p in out.iterdir() if p.name.endswith(".part") and p != stale]
        assert parts == [], f"seed {seed}, kill {attempt} after {delay:.2f}s: {parts}"
    done = run_brief(*args)
    assert done.returncode == 0, done.stderr
    names = [p.name for p in out.iterdir()]
    assert len(names) == 1 and names[0].startswith("kosovo_") and names[0].endswith(".pdf"), names


def _dead_pid() -> int:
    """The pid of a process that has ended: its .part file is stale."""
    proc = subprocess.Popen(["true"])
    proc.wait()
    return proc.pid


def test_corrupt_corpus_cache_entries_are_a_warning_and_a_full_load(
    packed: tuple[Path, float], tmp_path: Path
) -> None:
    ws, _ = _copy(packed, tmp_path)
    cache = tmp_path / "cache"
    first = run_brief("validate", "--workspace", str(ws), BRIEF_CACHE_DIR=str(cache))
    assert first.returncode == 0, first.stderr
    pickles = list((cache / "corpus").glob("*.pickle"))
    assert pickles
    for path in pickles:
        path.write_bytes(b"\x80\x05garbage")
    second = run_brief("validate", "--workspace", str(ws), BRIEF_CACHE_DIR=str(cache))
    assert second.returncode == 0, second.stderr
    assert second.stdout == first.stdout
    assert "warning: corpus cache" in second.stderr and "loaded afresh" in second.stderr
    third = run_brief("validate", "--workspace", str(ws), BRIEF_CACHE_DIR=str(cache))
    assert third.returncode == 0 and "warning" not in third.stderr, third.stderr
