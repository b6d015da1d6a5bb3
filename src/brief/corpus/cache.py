"""A cache of validated corpora, keyed by the bytes of every input file.

Validating a large corpus (10k sources, 100k extracts) takes tens of seconds,
nearly all of it spent building and checking records; reading and hashing
the same files takes about one. A corpus that validated once is kept,
pickled, under a key made of:

- the path and sha256 of every file in `seeds/` and `briefings/` (the set
  `brief.workspace.inputs_hash` covers, a superset of what the loader reads),
- the source of the `brief.corpus` package (the checks) and the versions of
  brief, pydantic and Python (the pickle format).

Any change to any of them is a miss, and a miss loads and checks everything.
Only valid corpora are stored, so a cached load never hides a problem.

Neither the source texts nor the raw bytes are stored or kept: a restored
corpus holds each file's digest and reads a text when asked
(`brief.corpus.corpus.SourceTexts`), so a 10k-source corpus does not carry
its texts into every pack worker.

The cache lives in the user's cache folder (`$BRIEF_CACHE_DIR`, else the
platform's, from platformdirs: `$XDG_CACHE_HOME/brief` or `~/.cache/brief` on
Linux, `~/Library/Caches/brief` on macOS, `%LOCALAPPDATA%\\brief\\Cache` on
Windows), never in the workspace: a
pickle runs code when loaded, and a workspace is shared through git, so one
must never be read from there. `BRIEF_NO_CACHE=1` turns the cache off.
"""

from __future__ import annotations

import contextlib
import dataclasses
import gc
import hashlib
import os
import pickle
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, BinaryIO

from brief import __version__
from brief.corpus.corpus import Corpus, SourceTexts

KEEP = 4
"""Cached corpora kept; the least recently used beyond these are removed."""

INPUT_FOLDERS = ("briefings", "seeds")


def cache_root() -> Path:
    """brief's cache folder: corpora in `corpus/`, compiled templates in `templates/`."""
    if os.environ.get("BRIEF_CACHE_DIR"):
        return Path(os.environ["BRIEF_CACHE_DIR"])
    import platformdirs

    # ~/.cache/brief (or $XDG_CACHE_HOME/brief) on Linux, ~/Library/Caches/brief on
    # macOS, %LOCALAPPDATA%\brief\Cache on Windows.
    return Path(platformdirs.user_cache_dir("brief", appauthor=False))


def cache_dir() -> Path:
    return cache_root() / "corpus"


def enabled() -> bool:
    return os.environ.get("BRIEF_NO_CACHE", "") in ("", "0")


@contextlib.contextmanager
def gc_paused() -> Iterator[None]:
    """Building a million small objects triggers a full collection again and again,
    each walking everything built so far; none of them is garbage. Afterwards the
    survivors, the corpus above all, are frozen: later collections skip them
    instead of walking a corpus that lives as long as the process (freed objects
    are still freed; only a reference cycle among them would outlive its use)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if was_enabled:
            gc.enable()


def read_inputs(root: Path) -> dict[str, bytes]:
    """The sha256 digest of every non-hidden file of `briefings/` and `seeds/`, by
    workspace-relative path (one file in memory at a time)."""
    files: dict[str, bytes] = {}
    inside = os.path.realpath(root) + os.sep
    # plain strings, not Path objects: tens of thousands of files
    for folder in INPUT_FOLDERS:
        _read_tree(os.path.join(root, folder), folder, files, inside, set())
    return files


UNREADABLE = hashlib.sha256(b"\0brief: not a readable file\0").digest()
"""Stands in the key for an entry that is not read as a file (a symlink loop, a
dangling or outward symlink, a pipe, no permission): its appearance changes the key,
so the loader, not the cache, reports it."""
FOLDER = hashlib.sha256(b"").digest()


def _read_tree(folder: str, rel: str, files: dict[str, bytes], inside: str, seen: set[str]) -> None:
    real = os.path.realpath(folder)
    if real in seen:  # a symlink back up the tree
        files[rel] = UNREADABLE
        return
    seen = seen | {real}
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError:
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        path = f"{rel}/{entry.name}"
        try:
            if entry.is_symlink():
                target = os.readlink(entry.path).encode("utf-8", "replace")
                files[path + "\0->"] = hashlib.sha256(target).digest()
                if not (os.path.realpath(entry.path) + os.sep).startswith(inside):
                    files[path] = UNREADABLE  # refused by the loader, whatever it holds
                    continue
            if entry.is_dir():
                files[path + "/"] = FOLDER  # a folder where a file was is a change too
                _read_tree(entry.path, path, files, inside, seen)
                continue
            if entry.is_file():
                with open(entry.path, "rb") as handle:
                    files[path] = hashlib.sha256(handle.read()).digest()
                continue
        except OSError:
            pass
        files[path] = UNREADABLE


def tree_hash(files: dict[str, bytes]) -> str | None:
    """`brief.workspace.inputs_hash(root)` from `read_inputs(root)`, without reading
    every file again (~2 s of CPU for 10,000 sources). None where the two may differ:
    a symlink or an unreadable entry in the tree, a name that is not UTF-8."""
    if any(rel.endswith("\0->") or digest == UNREADABLE for rel, digest in files.items()):
        return None
    digest = hashlib.sha256()
    # inputs_hash sorts Path objects: part by part, so "a/x" comes before "a-b/x".
    for rel in sorted((r for r in files if not r.endswith("/")), key=lambda r: r.split("/")):
        try:
            digest.update(rel.encode("utf-8") + b"\0")
        except UnicodeEncodeError:
            return None
        digest.update(files[rel])
    return digest.hexdigest()


def _code_digest() -> bytes:
    digest = hashlib.sha256()
    # The models build on brief/dates.py: a change there changes validation too.
    for path in [
        *sorted(Path(__file__).parent.glob("*.py")),
        Path(__file__).parent.parent / "dates.py",
    ]:
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.digest()


def cache_key(files: dict[str, bytes]) -> str:
    import pydantic

    digest = hashlib.sha256()
    versions = f"brief {__version__}; pydantic {pydantic.VERSION}; python {sys.version}"
    digest.update(versions.encode() + b"\0" + _code_digest())
    for rel in sorted(files):
        digest.update(rel.encode("utf-8") + b"\0")
        digest.update(files[rel])
    return digest.hexdigest()


def load_cached(root: Path, load: Callable[[Path], Corpus]) -> Corpus:
    """The corpus at `root`: from the cache when every input is unchanged, else `load(root)`."""
    with gc_paused():
        if not enabled():
            return load(root)
        files = read_inputs(root)
        path = cache_dir() / f"{cache_key(files)}.pickle"
        corpus = _restore(path, root, files)
        if corpus is None:
            corpus = load(root)  # raises on any problem: invalid corpora are never stored
            _store(path, corpus, files)
        if _read_alike(corpus, files):
            corpus.tree_hash = tree_hash(files)
        return corpus


def _read_alike(corpus: Corpus, files: dict[str, bytes]) -> bool:
    """The loader read the same bytes as `read_inputs` (no file changed in between)."""
    return all(files.get(rel) == raw for rel, raw in corpus.input_files.items())


def _restore(path: Path, root: Path, files: dict[str, bytes]) -> Corpus | None:
    try:
        file = path.open("rb")
    except OSError:  # not cached yet
        return None
    try:
        with file:  # read as it is unpickled: never the whole pickle beside the corpus
            saved = _load(file)
        corpus: Corpus = saved["corpus"]
        corpus.root = root
        corpus.input_files = {rel: files[rel] for rel in saved["input_files"]}
        corpus.texts = SourceTexts()
        for sid, rel in saved["texts"].items():
            corpus.texts.on_disk(sid, root / rel, files[rel])
    except Exception as exc:  # truncated, overwritten: never trusted, never fatal
        print(
            f"warning: corpus cache {path} is unreadable ({type(exc).__name__}); "
            "removed, the workspace is loaded afresh",
            file=sys.stderr,
        )
        with contextlib.suppress(OSError):
            path.unlink()
        return None
    with contextlib.suppress(OSError):
        os.utime(path)  # recently used: kept when older entries are pruned
    return corpus


def _store(path: Path, corpus: Corpus, files: dict[str, bytes]) -> None:
    # A file that changed between the key's read and the loader's read would file
    # the new content under the old key.
    if not _read_alike(corpus, files):
        return
    text_paths = {}
    for sid, source in corpus.sources.items():
        rel = (Path("seeds") / source.text).as_posix()
        if sid in corpus.texts and rel in files:
            text_paths[sid] = rel
    if len(text_paths) != len(corpus.texts):
        return
    # Texts and raw bytes are re-read on every load anyway (for the key), so they are
    # not stored; the copy keeps the caller's corpus intact.
    bare = dataclasses.replace(
        corpus, root=Path("."), texts=SourceTexts(), input_files={}, tree_hash=None
    )
    from brief.fsutil import write_cache_entry

    write_cache_entry(path, lambda file: _dump(bare, corpus, text_paths, file), "*.pickle", KEEP)


CHUNK = 5000
"""Extracts per pickle in a cache entry."""


def _dump(bare: Corpus, corpus: Corpus, text_paths: dict[str, str], file: BinaryIO) -> None:
    """The corpus without its extracts, then its extracts in pickles of `CHUNK`, written
    as they are made: neither the whole pickle (~70 MB for 10,000 sources) nor the
    pickler's memo of every object (~80 MB) is ever in memory beside the corpus."""
    items = list(bare.extracts.items())
    head = {
        "corpus": dataclasses.replace(bare, extracts={}),
        "input_files": sorted(corpus.input_files),
        "texts": text_paths,
        "chunks": -(-len(items) // CHUNK),
    }
    pickle.dump(head, file, protocol=pickle.HIGHEST_PROTOCOL)
    for start in range(0, len(items), CHUNK):
        pickle.dump(dict(items[start : start + CHUNK]), file, protocol=pickle.HIGHEST_PROTOCOL)


def _load(file: BinaryIO) -> dict[str, Any]:
    """What `_dump` wrote, the corpus whole again."""
    saved: dict[str, Any] = pickle.load(file)
    extracts = saved["corpus"].extracts
    for _ in range(saved["chunks"]):
        extracts.update(pickle.load(file))
    return saved
