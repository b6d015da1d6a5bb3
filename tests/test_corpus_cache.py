"""The validated-corpus cache: fast when nothing changed, never stale, never hiding a problem."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from brief.corpus import cache, load_corpus
from brief.corpus import load as load_module
from brief.errors import InvalidInput
from tiny_workspace import make_workspace

EXTRACTS = "seeds/extracts/n1-ruge.yaml"


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("BRIEF_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("BRIEF_NO_CACHE", raising=False)
    return tmp_path / "cache" / "corpus"


@pytest.fixture
def ws(tmp_path: Path) -> Path:
    return make_workspace(tmp_path / "ws")


@pytest.fixture
def checks_forbidden(monkeypatch: pytest.MonkeyPatch):
    """Make any load that is not served from the cache fail loudly."""

    def fail(root: Path):
        raise AssertionError(f"validated {root} again instead of using the cache")

    def forbid() -> None:
        monkeypatch.setattr(load_module, "load_checked", fail)

    return forbid


def test_unchanged_workspace_is_served_from_the_cache_as_loaded(
    ws: Path, cache_dir: Path, checks_forbidden
) -> None:
    first = load_corpus(ws)
    assert len(list(cache_dir.glob("*.pickle"))) == 1
    checks_forbidden()
    again = load_corpus(ws)
    assert again.extracts == first.extracts
    assert again.actors == first.actors and again.sources == first.sources
    assert again.judgments == first.judgments and again.briefings == first.briefings
    assert again.texts == first.texts
    assert again.input_files == first.input_files
    assert again.inputs_hash() == first.inputs_hash()
    assert again.root == ws


def test_a_cached_load_imports_neither_the_yaml_parser_nor_the_checks(
    ws: Path, cache_dir: Path
) -> None:
    # What lets a cached `brief SUBJECT` start without them (benchmarks/: the cold command).
    load_corpus(ws)
    probe = (
        "import sys\n"
        "from pathlib import Path\n"
        "from brief.corpus import load_corpus\n"
        f"corpus = load_corpus(Path({str(ws)!r}))\n"
        "print(len(corpus.extracts), ' '.join(sorted(sys.modules)))\n"
    )
    env = {**os.environ, "BRIEF_CACHE_DIR": str(cache_dir.parent)}
    done = subprocess.run(
        [sys.executable, "-c", probe], env=env, capture_output=True, text=True, check=True
    )
    count, *modules = done.stdout.split()
    assert int(count) == len(load_corpus(ws).extracts) > 0
    assert not {"yaml", "brief.corpus.load", "brief.corpus.checks"} & set(modules)


def test_a_corpus_cached_in_parts_reads_back_whole_and_in_order(
    ws: Path, cache_dir: Path, checks_forbidden, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cache, "CHUNK", 1)  # extracts are written one per pickle
    first = load_corpus(ws)
    assert len(first.extracts) > 1
    checks_forbidden()
    again = load_corpus(ws)
    assert list(again.extracts.items()) == list(first.extracts.items())
    assert again.sources == first.sources and again.issues == first.issues


def test_a_cache_entry_cut_short_means_loading_afresh(
    ws: Path, cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cache, "CHUNK", 1)
    first = load_corpus(ws)
    for entry in cache_dir.glob("*.pickle"):
        entry.write_bytes(entry.read_bytes()[: entry.stat().st_size * 2 // 3])
    assert list(load_corpus(ws).extracts.items()) == list(first.extracts.items())


def test_a_copy_elsewhere_is_served_with_its_own_root(
    ws: Path, cache_dir: Path, tmp_path: Path, checks_forbidden
) -> None:
    load_corpus(ws)
    copy = shutil.copytree(ws, tmp_path / "copy")
    checks_forbidden()
    assert load_corpus(copy).root == copy


def test_an_edit_after_caching_is_seen_and_checked(ws: Path, cache_dir: Path) -> None:
    load_corpus(ws)
    path = ws / EXTRACTS
    path.write_text(path.read_text("utf-8").replace("security vacuum", "vacuum"), "utf-8")
    with pytest.raises(InvalidInput) as raised:
        load_corpus(ws)
    assert any(p.file == EXTRACTS and "verbatim" in p.message for p in raised.value.problems), [
        str(p) for p in raised.value.problems
    ]


def test_a_new_file_is_an_input_too(ws: Path, cache_dir: Path) -> None:
    load_corpus(ws)
    (ws / "seeds" / "actors" / "more.yaml").write_text("actors: [{id: x}]\n", "utf-8")
    with pytest.raises(InvalidInput):
        load_corpus(ws)


def test_an_invalid_corpus_is_never_cached(ws: Path, cache_dir: Path) -> None:
    (ws / EXTRACTS).write_text("extracts: [", "utf-8")
    with pytest.raises(InvalidInput):
        load_corpus(ws)
    assert not list(cache_dir.glob("*.pickle"))


def test_a_damaged_cache_entry_means_loading_afresh(ws: Path, cache_dir: Path) -> None:
    first = load_corpus(ws)
    for entry in cache_dir.glob("*.pickle"):
        entry.write_bytes(b"not a pickle")
    assert load_corpus(ws).extracts == first.extracts


def test_cache_can_be_turned_off(
    ws: Path, cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("BRIEF_NO_CACHE", "1")
    load_corpus(ws)
    assert not cache_dir.exists()


def test_only_the_most_recent_entries_are_kept(
    ws: Path, cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cache, "KEEP", 2)
    path = ws / "briefings" / "kosovo.yaml"
    for title in ("A", "B", "C"):
        path.write_text(path.read_text("utf-8").replace("title: ", f"title: {title}", 1), "utf-8")
        load_corpus(ws)
    assert len(list(cache_dir.glob("*.pickle"))) == 2


def test_cache_never_lives_in_the_workspace(ws: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # a pickle runs code when loaded: one committed to a shared workspace must never be read
    monkeypatch.delenv("BRIEF_CACHE_DIR", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(ws.parent / "xdg"))
    assert not cache.cache_dir().is_relative_to(ws)
    assert cache.cache_dir().is_relative_to(ws.parent / "xdg")


def test_the_loaded_tree_hash_is_the_workspace_inputs_hash(ws: Path, cache_dir: Path) -> None:
    """The pack's inputs hash comes from the cache's read of every file: the same value
    `inputs_hash` gives by reading them again, with names that sort differently as
    strings and as paths, hidden files and empty folders, on a miss and on a hit."""
    from brief.workspace import inputs_hash

    for rel in ("seeds/notes/a/x.txt", "seeds/notes/a-b/y.txt", "seeds/notes/a.b", "seeds/z"):
        (ws / rel).parent.mkdir(parents=True, exist_ok=True)
        (ws / rel).write_text(rel)
    (ws / "seeds/notes/.hidden").write_text("not an input")
    (ws / "seeds/.git/objects").mkdir(parents=True)
    (ws / "seeds/.git/objects/x").write_text("not an input")
    (ws / "briefings/empty").mkdir()
    assert load_corpus(ws).tree_hash == inputs_hash(ws)  # loaded afresh
    assert load_corpus(ws).tree_hash == inputs_hash(ws)  # from the cache


def test_a_tree_with_a_symlink_leaves_the_inputs_hash_to_be_read_again(
    ws: Path, cache_dir: Path
) -> None:
    (ws / "seeds/link.txt").symlink_to(ws / "seeds/actors")
    files = cache.read_inputs(ws)
    assert cache.tree_hash(files) is None


def _brief_bytes(corpus) -> bytes:
    from brief import api

    document = api.build_document(corpus, "kosovo", as_of=None)
    return api.render_bytes(document, "md")


def test_a_brief_from_extracts_read_when_first_used_has_the_same_bytes(
    ws: Path, cache_dir: Path, checks_forbidden, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("BRIEF_NO_CACHE", "1")
    expected = _brief_bytes(load_corpus(ws))
    monkeypatch.delenv("BRIEF_NO_CACHE")
    load_corpus(ws)
    checks_forbidden()
    served = load_corpus(ws)
    assert "extracts" not in vars(served)  # read when asked for, below
    assert _brief_bytes(served) == expected
    assert len(served.extracts) > 1


def test_extracts_are_served_whole_with_their_fields_as_loaded(
    ws: Path, cache_dir: Path, checks_forbidden
) -> None:
    first = load_corpus(ws)
    checks_forbidden()
    again = load_corpus(ws)
    assert again.default_as_of() == first.default_as_of() is not None
    assert "extracts" not in vars(again)  # the cut-off is known without them
    assert list(again.extracts) == list(first.extracts)
    for ident, extract in first.extracts.items():
        served = again.extracts[ident]
        assert type(served) is type(extract)
        assert served.model_dump() == extract.model_dump()
        assert served.model_fields_set == extract.model_fields_set
        assert served.when == extract.when


def test_an_entry_removed_after_it_was_opened_still_serves_its_extracts(
    ws: Path, cache_dir: Path, checks_forbidden
) -> None:
    first = load_corpus(ws)
    checks_forbidden()
    again = load_corpus(ws)
    for entry in cache_dir.glob("*.pickle"):
        entry.unlink()
    assert again.extracts == first.extracts


def test_extracts_found_cut_short_on_first_use_are_loaded_afresh(
    ws: Path, cache_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture
) -> None:
    monkeypatch.setattr(cache, "CHUNK", 1)
    first = load_corpus(ws)
    again = load_corpus(ws)  # the head is read; the extracts are not yet
    (entry,) = cache_dir.glob("*.pickle")
    with entry.open("r+b") as file:  # the same file, cut in its extracts
        file.truncate(entry.stat().st_size * 2 // 3)
    assert list(again.extracts.items()) == list(first.extracts.items())
    assert "unreadable" in capsys.readouterr().err


def test_extracts_unreadable_after_the_workspace_changed_are_an_error_not_stale(
    ws: Path, cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from brief.errors import BriefError

    monkeypatch.setattr(cache, "CHUNK", 1)
    load_corpus(ws)
    again = load_corpus(ws)
    (entry,) = cache_dir.glob("*.pickle")
    with entry.open("r+b") as file:
        file.truncate(entry.stat().st_size * 2 // 3)
    path = ws / EXTRACTS
    path.write_text(path.read_text("utf-8").replace("date: 2024", "date: 2023", 1), "utf-8")
    with pytest.raises(BriefError, match="changed while it was in use"):
        _ = again.extracts


def test_a_pickled_corpus_carries_its_extracts(ws: Path, cache_dir: Path) -> None:
    import pickle

    first = load_corpus(ws)
    again = pickle.loads(pickle.dumps(load_corpus(ws)))
    assert again.extracts == first.extracts


_forked = None


def _count_forked_extracts() -> list[str]:
    assert _forked is not None
    return list(_forked.extracts)


@pytest.mark.skipif(not hasattr(os, "fork"), reason="no fork on this platform")
def test_a_forked_worker_sees_every_extract(
    ws: Path, cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The pack's workers are forked with the corpus: the child must never read the
    # extracts from the file it shares with its parent, nor find them missing.
    import multiprocessing

    first = load_corpus(ws)
    monkeypatch.setattr(sys.modules[__name__], "_forked", load_corpus(ws))
    with multiprocessing.get_context("fork").Pool(1) as pool:
        assert pool.apply(_count_forked_extracts) == list(first.extracts)


def _filed(index) -> dict[str, dict[str, list[tuple[object, object]]]]:
    tables = {
        "subject": index.by_subject,
        "speaker": index.by_speaker,
        "actor": index.by_actor,
        "issue": index.by_issue,
        "background": index.background,
    }
    return {
        name: {key: list(zip(d.dates, d.extracts, strict=True)) for key, d in table.items()}
        for name, table in tables.items()
    }


def test_a_served_corpus_is_indexed_as_stored_and_as_worked_out_afresh(
    ws: Path, cache_dir: Path, checks_forbidden, monkeypatch: pytest.MonkeyPatch
) -> None:
    from brief.assemble.index import ExtractIndex
    from brief.corpus import corpus as corpus_module

    fresh = ExtractIndex.build(load_corpus(ws))  # loaded, not served: worked out
    checks_forbidden()

    def not_again(_extracts: object) -> None:
        raise AssertionError("worked out again instead of using the stored postings")

    monkeypatch.setattr(corpus_module, "work_out", not_again)
    served = ExtractIndex.build(load_corpus(ws))
    assert _filed(served) == _filed(fresh)
    assert served.newest == fresh.newest and served.size == fresh.size > 1


def test_an_extract_replaced_after_loading_is_indexed_as_it_now_is(
    ws: Path, cache_dir: Path
) -> None:
    from brief.assemble.index import ExtractIndex

    load_corpus(ws)
    served = load_corpus(ws)
    ident, extract = next(iter(served.extracts.items()))
    later = extract.model_copy(update={"date": dt.date(2030, 1, 1), "date_end": None})
    served.extracts[ident] = later
    index = ExtractIndex.build(served)  # not the postings stored for the old extract
    assert index.newest == later.when.last
    assert index.by_subject[extract.subjects[0]].extracts[-1] is later


def _same_size_edit(path: Path) -> bytes:
    """Change one character of `path`, keeping its size and modification time."""
    before = path.stat()
    data = path.read_bytes()
    at = data.index(b"title: ") + len(b"title: ")
    changed = data[:at] + (b"X" if data[at : at + 1] != b"X" else b"Y") + data[at + 1 :]
    path.write_bytes(changed)
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    after = path.stat()
    assert (after.st_size, after.st_mtime_ns) == (before.st_size, before.st_mtime_ns)
    return changed


@pytest.mark.skipif(os.name != "posix", reason="change times are kept on POSIX only")
def test_an_edit_keeping_size_and_modification_time_is_seen(
    ws: Path, cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import hashlib
    import time

    monkeypatch.setattr(cache, "RACY_NS", 0)  # trust every signature older than the read
    time.sleep(0.05)  # past the file system clock's tick
    load_corpus(ws)
    path = ws / "briefings" / "kosovo.yaml"
    recorded = cache.read_inputs(ws)["briefings/kosovo.yaml"]
    time.sleep(0.05)
    changed = _same_size_edit(path)
    assert cache.read_inputs(ws)["briefings/kosovo.yaml"] == hashlib.sha256(changed).digest()
    assert hashlib.sha256(changed).digest() != recorded
    title = load_corpus(ws).briefings["kosovo"].title
    assert title == yaml_title(changed)


def yaml_title(data: bytes) -> str:
    line = next(x for x in data.decode("utf-8").splitlines() if x.startswith("title: "))
    return line.removeprefix("title: ").strip().strip("\"'")


class _Entry:
    """A directory entry whose status is given: a file system whose clock did not move
    between two writes leaves size and times as they were."""

    def __init__(self, path: Path, status: object) -> None:
        self.path, self._status = str(path), status

    def stat(self) -> object:
        return self._status


@pytest.mark.skipif(os.name != "posix", reason="change times are kept on POSIX only")
def test_a_file_changed_just_before_it_was_read_is_read_again_next_time(
    ws: Path, cache_dir: Path
) -> None:
    import hashlib

    path = ws / "briefings" / "kosovo.yaml"
    status = path.stat()  # changed just now: within the same tick as the read below
    inside = os.path.realpath(ws) + os.sep
    first = cache.Signatures.of(inside)
    first.digest(_Entry(path, status), "briefings/kosovo.yaml")  # type: ignore[arg-type]
    first.save()
    changed = _same_size_edit(path)
    again = cache.Signatures.of(inside)
    seen = again.digest(_Entry(path, status), "briefings/kosovo.yaml")  # type: ignore[arg-type]
    assert seen == hashlib.sha256(changed).digest()


@pytest.mark.skipif(os.name != "posix", reason="change times are kept on POSIX only")
def test_a_file_unchanged_since_long_before_its_read_is_not_read_again(
    ws: Path, cache_dir: Path
) -> None:
    from types import SimpleNamespace

    path = ws / "briefings" / "kosovo.yaml"
    real = path.stat()
    old = SimpleNamespace(
        st_size=real.st_size,
        st_mtime_ns=real.st_mtime_ns - 10**12,
        st_ctime_ns=real.st_ctime_ns - 10**12,
        st_ino=real.st_ino,
        st_dev=real.st_dev,
    )
    inside = os.path.realpath(ws) + os.sep
    first = cache.Signatures.of(inside)
    recorded = first.digest(_Entry(path, old), "briefings/kosovo.yaml")  # type: ignore[arg-type]
    first.save()
    path.unlink()  # not read again: the digest recorded with this signature is used
    again = cache.Signatures.of(inside)
    assert again.digest(_Entry(path, old), "briefings/kosovo.yaml") == recorded  # type: ignore[arg-type]
