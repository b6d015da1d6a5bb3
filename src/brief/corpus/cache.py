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

A restored corpus reads its extracts (most of an entry) from the entry when they
are first asked for (`Extracts`): a command that needs only the briefings and
settings (a pack run again with nothing to do) does not pay for them. They are
stored as rows of field values and set back without validation: every entry was
validated when written, by the code its key names.

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
import datetime as dt
import gc
import hashlib
import marshal
import os
import pickle
import sys
import threading
import time
import weakref
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, BinaryIO

from brief import __version__
from brief.corpus.corpus import Corpus, SourceTexts
from brief.corpus.models import AnyExtract
from brief.corpus.postings import Postings, work_out
from brief.errors import BriefError

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
    workspace-relative path (one file in memory at a time). A file whose signature
    (size, times, inode) is the one recorded with its digest by an earlier read is
    not read again (`Signatures`)."""
    files: dict[str, bytes] = {}
    inside = os.path.realpath(root) + os.sep
    signatures = Signatures.of(inside)
    # plain strings, not Path objects: tens of thousands of files
    for folder in INPUT_FOLDERS:
        _read_tree(os.path.join(root, folder), folder, files, inside, set(), signatures)
    signatures.save()
    return files


UNREADABLE = hashlib.sha256(b"\0brief: not a readable file\0").digest()
"""Stands in the key for an entry that is not read as a file (a symlink loop, a
dangling or outward symlink, a pipe, no permission): its appearance changes the key,
so the loader, not the cache, reports it."""
FOLDER = hashlib.sha256(b"").digest()

RACY_NS = 3_000_000_000
"""A file whose own times are this close to (or after) the start of a read is hashed
again next time: a change made within one tick of the file system's clock after it
was read would leave its size and times as they were (git's "racy clean" entries).
3 s covers coarse clocks and 2-second timestamps."""

KEEP_SIGNATURES = 8
"""Workspaces whose file signatures are kept."""


class Signatures:
    """File signatures (size, modification and change times in ns, inode, device) and
    the sha256 each was read with, per workspace, in the cache folder. Any write to a
    file moves its change time, which nothing but the clock sets, so an unchanged
    signature is unchanged content; a signature recorded within `RACY_NS` of the
    file's last change is not trusted, and none is recorded then."""

    def __init__(self, path: Path | None, known: dict[str, tuple[Any, ...]]) -> None:
        self.path = path
        self.known = known
        self.now: dict[str, tuple[Any, ...]] = {}
        self.started = time.time_ns()

    @classmethod
    def of(cls, inside: str) -> Signatures:
        # Elsewhere than POSIX, st_ctime is when the file was made, not last changed.
        if not enabled() or os.name != "posix":
            return cls(None, {})
        name = hashlib.sha256(inside.encode("utf-8", "surrogateescape")).hexdigest()[:32]
        path = cache_dir() / f"{name}.signatures"
        try:
            known = marshal.loads(path.read_bytes())
        except (OSError, ValueError, EOFError, TypeError):
            known = {}
        return cls(path, known if isinstance(known, dict) else {})

    def digest(self, entry: os.DirEntry[str], rel: str) -> bytes:
        """The file's sha256: as recorded with this signature, else read now."""
        status = entry.stat()
        mark = (
            status.st_size,
            status.st_mtime_ns,
            status.st_ctime_ns,
            status.st_ino,
            status.st_dev,
        )
        was = self.known.get(rel)
        if was is not None and len(was) == 2 and was[0] == mark:
            digest = was[1]
            if isinstance(digest, bytes) and len(digest) == 32:
                self.now[rel] = was
                return digest
        with open(entry.path, "rb") as handle:
            digest = hashlib.sha256(handle.read()).digest()
        changed = max(status.st_mtime_ns, status.st_ctime_ns)
        if self.path is not None and changed < self.started - RACY_NS:
            self.now[rel] = (mark, digest)
        return digest

    def save(self) -> None:
        """Record the signatures read, if they differ from those recorded."""
        if self.path is not None and self.now != self.known:
            from brief.fsutil import write_cache_entry

            data = marshal.dumps(self.now)
            write_cache_entry(self.path, data, "*.signatures", KEEP_SIGNATURES)


def _read_tree(
    folder: str,
    rel: str,
    files: dict[str, bytes],
    inside: str,
    seen: set[str],
    signatures: Signatures,
) -> None:
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
                _read_tree(entry.path, path, files, inside, seen, signatures)
                continue
            if entry.is_file():
                files[path] = signatures.digest(entry, path)
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
        corpus = _restore(path, root, files, load)
        if corpus is None:
            corpus = load(root)  # raises on any problem: invalid corpora are never stored
            _store(path, corpus, files)
        if _read_alike(corpus, files):
            corpus.tree_hash = tree_hash(files)
        return corpus


def _read_alike(corpus: Corpus, files: dict[str, bytes]) -> bool:
    """The loader read the same bytes as `read_inputs` (no file changed in between)."""
    return all(files.get(rel) == raw for rel, raw in corpus.input_files.items())


def _restore(
    path: Path, root: Path, files: dict[str, bytes], load: Callable[[Path], Corpus]
) -> Corpus | None:
    try:
        file = path.open("rb")
    except OSError:  # not cached yet
        return None
    try:
        saved: dict[str, Any] = pickle.load(file)
        corpus: Corpus = saved["corpus"]
        corpus.root = root
        corpus.input_files = {rel: files[rel] for rel in saved["input_files"]}
        corpus.texts = SourceTexts()
        for sid, rel in saved["texts"].items():
            corpus.texts.on_disk(sid, root / rel, files[rel])
        chunks, newest = int(saved["chunks"]), saved["newest"]
    except Exception as exc:  # truncated, overwritten: never trusted, never fatal
        file.close()
        _unreadable(path, exc)
        return None
    # The extracts (most of the entry: ~1 s to read at 100,000) are read from the open
    # file when first used; a pack run again with nothing to do never needs them.
    del corpus.extracts
    vars(corpus)["pending_extracts"] = Extracts(
        file, chunks, newest, path, lambda: _reload(root, files, load)
    )
    with contextlib.suppress(OSError):
        os.utime(path)  # recently used: kept when older entries are pruned
    return corpus


def _unreadable(path: Path, exc: Exception) -> None:
    print(
        f"warning: corpus cache {path} is unreadable ({type(exc).__name__}); "
        "removed, the workspace is loaded afresh",
        file=sys.stderr,
    )
    with contextlib.suppress(OSError):
        path.unlink()


def _reload(
    root: Path, files: dict[str, bytes], load: Callable[[Path], Corpus]
) -> dict[str, AnyExtract]:
    """The extracts loaded afresh, when the cache entry's were unreadable; only if the
    workspace still holds the files the rest of the corpus was served for."""
    fresh = load(root)
    if not _read_alike(fresh, files):
        raise BriefError(
            f"{root}: the workspace changed while it was in use: run the command again"
        )
    return fresh.extracts


_PENDING: weakref.WeakSet[Extracts] = weakref.WeakSet()


class Extracts:
    """A cache entry's extracts, unpickled from its open file on first use (once, under a
    lock). The file stays open until then: the entry may be replaced or pruned meanwhile.
    Unreadable (cut short, damaged): the entry is removed and the extracts come from a
    fresh load of the same files (`reload`), never an empty or partial set."""

    def __init__(
        self,
        file: BinaryIO,
        chunks: int,
        newest: dt.date | None,
        path: Path,
        reload: Callable[[], dict[str, AnyExtract]],
    ) -> None:
        self._file: BinaryIO | None = file
        self._chunks = chunks
        self.newest = newest
        """The latest day any of the extracts can mean (None: there are none)."""
        self._path = path
        self._reload = reload
        self._pid = os.getpid()
        self._value: dict[str, AnyExtract] | None = None
        self.postings: Postings | None = None
        """Where each extract is filed, as stored with them (None: not read)."""
        self._lock = threading.Lock()
        _PENDING.add(self)

    def __call__(self) -> dict[str, AnyExtract]:
        with self._lock:
            if self._value is None:
                self._value = self._read()
                _PENDING.discard(self)
            return self._value

    def _read(self) -> dict[str, AnyExtract]:
        # A forked child shares the file's position with its parent: it must never read
        # from it (`_read_before_fork` reads every pending entry in the parent first).
        if os.getpid() != self._pid:
            raise RuntimeError("corpus extracts left unread by the process that loaded them")
        file, self._file = self._file, None
        if file is None:  # found unreadable before
            return self._reload()
        try:
            with file, gc_paused():
                extracts, self.postings = _read_extracts(file, self._chunks)
                return extracts
        except Exception as exc:  # cut short, overwritten: never trusted
            _unreadable(self._path, exc)
        return self._reload()

    def __del__(self) -> None:
        if self._file is not None:
            self._file.close()


def _read_before_fork() -> None:
    """Before this process forks, read every pending entry's extracts: a child must not
    read from a file whose position it shares."""
    for pending in list(_PENDING):
        with contextlib.suppress(Exception):  # the child then fails loudly (`_read`)
            pending()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(before=_read_before_fork)


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
    if len(text_paths) != len(corpus.texts) or not all(map(_plain, corpus.extracts.values())):
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
        "newest": corpus.newest_extract_day(),
    }
    pickle.dump(head, file, protocol=pickle.HIGHEST_PROTOCOL)
    for start in range(0, len(items), CHUNK):
        pickle.dump(_flat(items[start : start + CHUNK]), file, protocol=pickle.HIGHEST_PROTOCOL)
    postings = work_out([extract for _ident, extract in items])
    pickle.dump(postings, file, protocol=pickle.HIGHEST_PROTOCOL)


Shape = tuple[type, frozenset[str]]
"""An extract's class and the fields set in its YAML."""


def _plain(extract: AnyExtract) -> bool:
    """A model `_flat` keeps whole: no extra or private attributes."""
    return extract.__pydantic_extra__ is None and extract.__pydantic_private__ is None


def _flat(items: list[tuple[str, AnyExtract]]) -> tuple[list[Shape], list[tuple[Any, ...]]]:
    """Extracts as their field values and shapes, not pydantic's pickled state (a dict of
    four per model, set back by a Python `__setstate__`): ~0.3 s less to read 100,000.
    Equal strings and dates are written once per pickle (ids repeat across extracts)."""
    shapes: dict[Shape, int] = {}
    same: dict[tuple[type, Any], Any] = {}
    rows = []
    for key, extract in items:
        index = shapes.setdefault(
            (type(extract), frozenset(extract.__pydantic_fields_set__)), len(shapes)
        )
        fields = {name: _once(value, same) for name, value in extract.__dict__.items()}
        rows.append((key, index, fields))
    return list(shapes), rows


def _once(value: Any, same: dict[tuple[type, Any], Any]) -> Any:
    kind = type(value)
    if kind is str or kind is dt.date:
        return same.setdefault((kind, value), value)
    if kind is list:
        return [_once(item, same) for item in value]
    return value


def _read_extracts(file: BinaryIO, chunks: int) -> tuple[dict[str, AnyExtract], Postings]:
    """What `_dump` wrote after the head: the extracts, in order, as they were stored
    (validated when the entry was written, by the code the entry's key names), and
    their postings."""
    extracts: dict[str, AnyExtract] = {}
    new, put = object.__new__, object.__setattr__
    for _ in range(chunks):
        shapes, rows = pickle.load(file)
        for key, index, fields in rows:
            cls, fields_set = shapes[index]
            extract = new(cls)
            put(extract, "__dict__", fields)
            put(extract, "__pydantic_fields_set__", set(fields_set))
            put(extract, "__pydantic_extra__", None)
            put(extract, "__pydantic_private__", None)
            extracts[key] = extract
    postings = pickle.load(file)
    if not isinstance(postings, Postings) or len(postings.order) != len(extracts):
        raise ValueError("no postings of these extracts")
    if file.read(1):
        raise ValueError("data after the postings")
    return extracts, postings
