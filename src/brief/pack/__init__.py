"""The weekly pack: every briefing for one ISO week, in one folder.

    output/packs/2024-W38/
        norland_2024-09-22.pdf, norland_2024-09-22.docx, ...   each brief, each format
        pack_2024-W38.pdf      cover, contents, what changed, every brief
        changes.md             what changed since the previous pack
        manifest.json          every file's sha256, the inputs' hash, tool version
        timings.json           how long each step took (not byte-reproducible)

Everything but timings.json is byte-identical for the same inputs, whatever
`jobs`. A file is re-rendered only when its cache key (inputs' hash,
briefing, subject, as-of, format, tool version) differs from the one the
manifest recorded for it, or the file on disk no longer matches its sha256.

The folder changes all at once: a run builds the new pack in a staging folder
and switches it in at the end (`brief.pack.staging`), under a lock, so a run
killed at any moment leaves the previous pack as it was.
"""

from __future__ import annotations

import time
from concurrent.futures import ProcessPoolExecutor, as_completed
from pathlib import Path
from typing import Any

from brief.corpus import Corpus
from brief.document.dates import long_date
from brief.fsutil import atomic_write_bytes
from brief.output import FORMATS
from brief.pack.combine import SEPARATE_PAGES, PackWriter
from brief.pack.files import (
    TOOL,
    cache_key,
    dump,
    file_entry_problem,
    parse_json,
    read_json,
    read_manifest,
    read_timings,
    sha256,
    snapshot_problem,
    tool_hash,
    up_to_date,
)
from brief.pack.options import PackOptions, PackResult, parse_formats, resolve_week
from brief.pack.progress import PlainProgress, make_progress
from brief.pack.snapshot import BriefChanges, Snapshot, compare, take_snapshot
from brief.pack.staging import PackLock, Staging, recover
from brief.pack.worker import Outcome, Task, init_worker, run_task

__all__ = [
    "FORMATS",
    "PackOptions",
    "PackResult",
    "build_pack",
    "merge_shards",
    "parse_formats",
    "resolve_week",
]


class _Pack:
    """One run of `build_pack`: state shared by its steps."""

    def __init__(self, options: PackOptions, corpus: Corpus, progress: PlainProgress) -> None:
        from brief.workspace import inputs_hash

        self.options = options
        self.corpus = corpus
        self.progress = progress
        self.week, self.as_of = resolve_week(corpus, options.week, options.as_of)
        self.packs = options.out if options.out is not None else options.root / "output" / "packs"
        self.folder = self.packs / self.week.label
        # Known from loading (every file's sha256, read for the cache key): not read again.
        self.inputs = corpus.tree_hash or inputs_hash(options.root)
        self.tool = tool_hash()
        self.old: dict[str, Any] = {}
        self.old_timings: dict[str, Any] = {}
        self.staging: Staging | None = None
        self.result = PackResult(folder=self.folder, week=self.week, as_of=self.as_of)
        self.timings: dict[str, dict[str, float]] = {}
        self.pack_pdf: PackWriter | None = None
        self.selected: set[str] | None = None
        """A shard's briefings (`--shard`); None: every briefing."""
        self.compared: tuple[list[BriefChanges], str] | None = None
        self.snapshot: Snapshot = {}
        self.earlier: tuple[dict[str, Any], str | None] | None = None

    @property
    def stage(self) -> Path:
        """Where this run writes: the staging folder that becomes the pack."""
        assert self.staging is not None, "the pack's staging folder is not open"
        return self.staging.path

    def read_previous(self) -> None:
        """The previous pack's manifest and timings (under the lock: they cannot change)."""
        self.old = read_manifest(self.folder / "manifest.json", self.progress.note)
        self.old_timings = read_timings(self.folder / "timings.json")

    def put(self, name: str, data: bytes) -> bool:
        """Write `name` into the new pack; a file equal to the previous pack's is linked.
        True if it changed."""
        old = self.folder / name
        if old.is_file() and old.read_bytes() == data:
            self.staging.keep(name)  # type: ignore[union-attr]
            return False
        atomic_write_bytes(self.stage / name, data)
        return True

    def file_name(self, stem: str, fmt: str) -> str:
        return f"{stem}_{self.as_of.isoformat()}.{fmt}"

    def file_key(self, stem: str, fmt: str) -> str:
        subject = self.corpus.briefings[stem].subject
        return cache_key(TOOL, self.tool, self.inputs, stem, subject, self.as_of.isoformat(), fmt)

    def plan(self) -> tuple[list[Task], dict[str, dict[str, Any]]]:
        """Tasks for what must be rendered; old manifest entries of what need not."""
        old_briefs = {b["briefing"]: b for b in self.old.get("briefs", [])}
        tasks: list[Task] = []
        kept: dict[str, dict[str, Any]] = {}
        for stem, briefing in sorted(self.corpus.briefings.items()):
            if self.selected is not None and stem not in self.selected:
                continue
            old = old_briefs.get(stem, {})
            old_files = {f["format"]: f for f in old.get("files", [])}
            missing = []
            for fmt in self.options.formats:
                if up_to_date(self.folder, old_files.get(fmt), self.file_key(stem, fmt)):
                    kept.setdefault(stem, {**old, "files": []})["files"].append(old_files[fmt])
                    self.staging.keep(old_files[fmt]["path"])  # type: ignore[union-attr]
                    self.result.cached.append(old_files[fmt]["path"])
                else:
                    missing.append(fmt)
            if missing:
                tasks.append(Task(stem, briefing.subject, self.as_of, tuple(missing)))
            if stem in (self.old_timings.get("briefs") or {}) and not missing:
                self.timings[stem] = self.old_timings["briefs"][stem]
        return tasks, kept

    def stream_pack_pdf(self, tasks: list[Task], kept: dict[str, dict[str, Any]]) -> None:
        """Start the pack PDF now, if a brief's PDF is to be rendered: each brief goes
        in as it arrives (the briefs kept from the previous pack at once), not in a
        serial merge after the last worker."""
        if "pdf" not in self.options.formats or not any("pdf" in t.formats for t in tasks):
            return
        rendering = {t.stem for t in tasks if "pdf" in t.formats}
        kept_pdf = {
            stem: entry
            for stem, entry in kept.items()
            if stem not in rendering and any(f["format"] == "pdf" for f in entry["files"])
        }
        order = sorted(rendering | set(kept_pdf))
        # pypdf's objects for a large pack (~250 MB for 50 briefs) stay out of this process,
        # which holds the corpus; a small pack is not worth a helper process's start.
        self.pack_pdf = PackWriter(order, separate=len(order) >= SEPARATE_PAGES)
        for stem, entry in sorted(kept_pdf.items()):
            self._feed(stem, entry.get("title") or stem, (self.stage / self.pdf_name(stem)))

    def pdf_name(self, stem: str) -> str:
        return self.file_name(stem, "pdf")

    def _feed(self, stem: str, title: str, pdf: Path | bytes | None) -> None:
        if self.pack_pdf is None:
            return
        try:
            data = pdf.read_bytes() if isinstance(pdf, Path) else pdf
            self.pack_pdf.add(stem, title, data)
        except Exception:  # the pack PDF is then built at the end, where errors are reported
            self.pack_pdf.close()
            self.pack_pdf = None

    def run(self, tasks: list[Task]) -> list[Outcome]:
        outcomes = []
        if self.options.jobs <= 1 or len(tasks) <= 1:
            init_worker(self.corpus)
            for task in tasks:
                outcomes.append(self.store(run_task(task)))
        else:
            _preload(self.options.formats)
            workers = min(self.options.jobs, len(tasks))
            pool = ProcessPoolExecutor(
                workers, initializer=init_worker, initargs=(self.corpus, True)
            )
            try:
                futures = [pool.submit(run_task, task) for task in self.longest_first(tasks)]
                self.compare_weeks()  # while the workers start: not after the last one
                for future in as_completed(futures):
                    outcomes.append(self.store(future.result()))
            except BaseException:
                _stop_workers(pool)  # Ctrl-C: workers ignore it; they must not finish first
                raise
            pool.shutdown()
        return sorted(outcomes, key=lambda o: o.stem)

    def longest_first(self, tasks: list[Task]) -> list[Task]:
        """The tasks, those expected to take longest first (their time in this week's
        last run, else country briefs before people's), so that no long brief
        starts last while the other workers sit idle. Output does not depend on it."""
        seconds = self.old_timings.get("briefs") or {}

        def cost(task: Task) -> tuple[bool, float]:
            spent = seconds.get(task.stem)
            known = sum(
                v
                for v in (spent.values() if isinstance(spent, dict) else [])
                if isinstance(v, float | int)
            )
            kind = self.corpus.briefings[task.stem].kind
            return kind != "person", float(known)

        return sorted(tasks, key=cost, reverse=True)

    def store(self, outcome: Outcome) -> Outcome:
        """Write a finished brief's files at once: a later failure cannot lose them."""
        for fmt, data in outcome.files.items():
            name = self.file_name(outcome.stem, fmt)
            atomic_write_bytes(self.stage / name, data)
            self.result.rendered.append(name)
        if outcome.error:
            self.result.failures.append((outcome.stem, outcome.error, outcome.invalid_input))
        else:
            self.timings[outcome.stem] = outcome.seconds
        self._feed(outcome.stem, outcome.title, outcome.files.get("pdf"))
        self.progress.advance(outcome)
        # Hashed now, while the workers render, not all after the last one.
        outcome.stored = {fmt: (sha256(data), len(data)) for fmt, data in outcome.files.items()}
        outcome.files = {}
        return outcome

    def brief_entries(
        self, outcomes: list[Outcome], kept: dict[str, dict[str, Any]]
    ) -> list[dict[str, Any]]:
        entries = dict(kept)
        for outcome in outcomes:
            if outcome.error:
                entries.pop(outcome.stem, None)
                continue
            entry = entries.setdefault(outcome.stem, {"files": []})
            entry.update(
                briefing=outcome.stem,
                subject=outcome.subject,
                title=outcome.title,
                marking=outcome.marking,
            )
            for fmt, (digest, size) in outcome.stored.items():
                entry["files"].append(
                    {
                        "format": fmt,
                        "path": self.file_name(outcome.stem, fmt),
                        "sha256": digest,
                        "bytes": size,
                        "cache_key": self.file_key(outcome.stem, fmt),
                    }
                )
        for entry in entries.values():
            entry["files"].sort(key=lambda f: FORMATS.index(f["format"]))
        return [entries[stem] for stem in sorted(entries)]

    def earlier_manifest(self) -> tuple[dict[str, Any], str | None]:
        """The previous week's manifest and the sha256 of its bytes (None: no file), read
        once: the comparison and the key of its result must see the same file."""
        if self.earlier is None:
            path = self.packs / self.week.previous().label / "manifest.json"
            try:
                raw = path.read_bytes()
            except OSError:
                self.earlier = ({}, None)
            else:
                self.earlier = (parse_json(raw), sha256(raw))
        return self.earlier

    def compare_weeks(self) -> tuple[list[BriefChanges], str]:
        """What changed per briefing since the previous week, and the words saying what
        it was compared with; worked out once (the pack process does it while the
        workers render: it does not depend on their briefs)."""
        if self.compared is not None:
            return self.compared
        previous_week = self.week.previous()
        current = take_snapshot(self.corpus, self.as_of)
        earlier = self.earlier_manifest()[0].get("snapshot")
        if earlier is not None and (problem := snapshot_problem(earlier, "snapshot")):
            self.progress.note(
                f"warning: {self.packs / previous_week.label / 'manifest.json'}: {problem}; "
                "comparing with the corpus instead"
            )
            earlier = None
        if isinstance(earlier, dict):
            intro = f"Compared with the pack of {previous_week.label}."
            previous, statuses_known = earlier, True
        else:
            intro = (
                f"No pack of {previous_week.label} was found: new statements are those dated "
                f"after {long_date(previous_week.sunday)}; issue status changes are read from "
                "the issues' dated status histories."
            )
            previous = take_snapshot(self.corpus, previous_week.sunday)
            statuses_known = True
        self.snapshot = current
        self.compared = (
            compare(
                self.corpus, current, previous, previous_week.sunday, self.as_of, statuses_known
            ),
            intro,
        )
        return self.compared

    def changes_key(self, briefs: list[dict[str, Any]]) -> str:
        """What changes.md (and the cover's summary of it) is made of: the inputs, the
        code, the week and cut-off, the previous week's manifest as it is on disk, and
        the briefs' titles."""
        _, previous = self.earlier_manifest()
        titles = _titles(briefs)
        return cache_key(
            TOOL, self.tool, self.inputs, self.week.label, self.as_of.isoformat(), previous, titles
        )

    def changes(self, briefs: list[dict[str, Any]]) -> tuple[bytes, str]:
        """changes.md and its cache key. With the key of the previous run's changes.md
        (nothing it is made of changed), that file and snapshot are kept: the comparison
        of the two weeks (~1.3 s at 10,000 sources) is not worked out again."""
        key = self.changes_key(briefs)
        old = self.old.get("changes")
        if (
            self.compared is None
            and isinstance(self.old.get("snapshot"), dict)
            and isinstance(old, dict)
            and file_entry_problem(old, "changes", False) is None
            and up_to_date(self.folder, old, key)
        ):
            self.snapshot = self.old["snapshot"]
            return (self.folder / str(old["path"])).read_bytes(), key
        from brief.pack.summary import change_lines, changes_markdown

        compared, intro = self.compare_weeks()
        sections = [
            (title, change_lines(self.corpus, c)) for title, c in self.titled(briefs, compared)
        ]
        heading = f"What changed in {self.week.label}"
        text = changes_markdown(
            heading, f"Information cut-off {long_date(self.as_of)}. {intro}", sections
        )
        return text.encode("utf-8"), key

    def titled(
        self, briefs: list[dict[str, Any]], compared: list[BriefChanges]
    ) -> list[tuple[str, BriefChanges]]:
        titles = _titles(briefs)
        return [(titles.get(c.stem, c.stem), c) for c in compared]

    def cover_changes(
        self, briefs: list[dict[str, Any]]
    ) -> tuple[list[tuple[str, list[str]]], str]:
        """The changes as the pack's cover lists them (counts, not statements), and the
        words saying what the week was compared with."""
        # Imported when needed: the summary's imports (the assembler, templates) cost
        # ~0.2 s, a third of a pack run again with nothing to do.
        from brief.pack.summary import compact_lines

        compared, intro = self.compare_weeks()
        return [
            (title, compact_lines(self.corpus, c)) for title, c in self.titled(briefs, compared)
        ], intro

    def combined(self, briefs: list[dict[str, Any]], changes_key: str) -> dict[str, Any] | None:
        from brief import api
        from brief.document import Metadata
        from brief.pack.combine import PackedBrief

        with_pdf = [b for b in briefs if any(f["format"] == "pdf" for f in b["files"])]
        if "pdf" not in self.options.formats or not with_pdf:
            return None
        name = f"pack_{self.week.label}.pdf"
        pdf_sha = [next(f["sha256"] for f in b["files"] if f["format"] == "pdf") for b in with_pdf]
        failed = sorted(stem for stem, _, _ in self.result.failures)
        key = cache_key(
            TOOL, self.tool, self.week.label, self.as_of.isoformat(), pdf_sha, changes_key, failed
        )
        if up_to_date(self.folder, self.old.get("combined"), key):
            self.staging.keep(name)  # type: ignore[union-attr]
            self.result.kept.append(name)
            kept: dict[str, Any] = self.old["combined"]
            return kept
        start = time.perf_counter()
        sections, intro = self.cover_changes(briefs)
        packed = [PackedBrief(b["title"], b["subject"], b["marking"], b"") for b in with_pdf]
        writer = self.pack_writer(with_pdf)
        markings = sorted({b.marking for b in packed})
        meta = Metadata(
            title=f"Weekly pack {self.week.label}",
            subject=f"{len(packed)} briefings",
            kind="pack",
            marking=" / ".join(markings),
            as_of=self.as_of,
            since=self.week.monday,
            subtitle=f"{long_date(self.week.monday)} to {long_date(self.week.sunday)}",
            generator=TOOL,
            inputs_hash=self.inputs,
        )
        intro_text = f"{len(packed)} briefs, information cut-off {long_date(self.as_of)}." + (
            f" Not included (failed to render): {', '.join(failed)}." if failed else ""
        )
        data, cover_pages = writer.finish(
            lambda d: api.render_bytes(d, "pdf", pdf_theme=api.workspace_pdf_theme(self.corpus)),
            meta,
            intro_text,
            packed,
            sections,
            intro,
            self.cover_pages_guess(),
        )
        atomic_write_bytes(self.stage / name, data)
        self.result.written.append(name)
        self.timings["(combined)"] = {"pdf": round(time.perf_counter() - start, 3)}
        entry = {"path": name, "sha256": sha256(data), "bytes": len(data), "cache_key": key}
        return entry | {"cover_pages": cover_pages}

    def pack_writer(self, with_pdf: list[dict[str, Any]]) -> PackWriter:
        """The combined PDF's pages as streamed while rendering; else (nothing streamed:
        all briefs kept, only the changes differ; or streaming failed) from the files."""
        stems = [b["briefing"] for b in with_pdf]
        writer = self.pack_pdf
        if writer is not None and writer.complete and writer.appended == stems:
            return writer
        if writer is not None:
            writer.close()
        writer = PackWriter(stems, separate=len(stems) >= SEPARATE_PAGES)
        for b in with_pdf:
            pdf = (self.stage / self.pdf_name(b["briefing"])).read_bytes()
            writer.add(b["briefing"], b["title"], pdf)
        return writer

    def cover_pages_guess(self) -> int:
        """The cover's length in the last pack of this week or the week before (the same
        briefings, most likely the same length): right, the cover is rendered once."""
        earlier = read_json(self.packs / self.week.previous().label / "manifest.json")
        for manifest in (self.old, earlier):
            combined = manifest.get("combined") if isinstance(manifest, dict) else None
            pages = combined.get("cover_pages") if isinstance(combined, dict) else None
            if isinstance(pages, int):
                return max(1, pages)
        return 1


def _stop_workers(pool: ProcessPoolExecutor) -> None:
    terminate = getattr(pool, "terminate_workers", None)  # Python 3.14+
    if terminate is not None:
        terminate()
        return
    processes = list((getattr(pool, "_processes", None) or {}).values())
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        process.terminate()
    for process in processes:
        process.join(5)


def _preload(formats: tuple[str, ...]) -> None:
    """Import the pipeline before the pool forks, so workers do not each import it again."""
    import importlib

    from brief.render import renderer

    importlib.import_module("brief.assemble")
    for fmt in formats:
        renderer(fmt)


def build_pack(options: PackOptions, progress: PlainProgress | None = None) -> PackResult:
    from brief import api

    started = time.perf_counter()
    corpus = api.load(options.root)
    progress = progress or make_progress()
    state = _Pack(options, corpus, progress)
    if options.shard is not None:
        from brief.pack.sharded import render_shard

        return render_shard(state, options.shard, started)
    with PackLock(state.packs, state.week.label, progress.note):
        for line in recover(state.packs, state.week.label):
            progress.note(line)
        with Staging(state.packs, state.week.label) as state.staging:
            state.read_previous()
            tasks, kept = state.plan()
            state.stream_pack_pdf(tasks, kept)
            progress.start(len(tasks), len(state.result.cached))
            try:
                try:
                    outcomes = state.run(tasks)
                finally:
                    progress.stop()
                briefs = state.brief_entries(outcomes, kept)
                _finish(state, briefs, started)
            finally:
                if state.pack_pdf is not None:
                    state.pack_pdf.close()  # its helper process, if it has one, ends
            state.staging.commit()
    return state.result


def merge_shards(
    root: Path,
    shard_folders: list[Path],
    out: Path | None = None,
    progress: PlainProgress | None = None,
) -> PackResult:
    """The pack from the folders of `brief pack --shard K/N` runs: byte-identical to
    `build_pack` of the same week (but timings.json). Raises InvalidInput naming
    every missing, doubled or mismatched shard."""
    from brief.pack.sharded import merge

    return merge(root, shard_folders, out, progress or make_progress())


def _titles(briefs: list[dict[str, Any]]) -> dict[str, str]:
    """Each brief's title by briefing (its name where it has none)."""
    return {b["briefing"]: b.get("title") or b["briefing"] for b in briefs}


def _finish(state: _Pack, briefs: list[dict[str, Any]], started: float) -> None:
    """changes.md, the combined PDF, the manifest and timings, into the staging folder."""
    options = state.options
    state.result.failures.sort()  # they arrive in completion order, which --jobs varies
    changes, changes_key = state.changes(briefs)
    manifest: dict[str, Any] = {
        "pack": state.week.label,
        "week": {"from": state.week.monday.isoformat(), "to": state.week.sunday.isoformat()},
        "as_of": state.as_of.isoformat(),
        "tool": TOOL,
        "tool_sha256": state.tool,
        "inputs_sha256": state.inputs,
        "formats": list(options.formats),
        "briefs": briefs,
        "failures": [{"briefing": s, "error": e} for s, e, _ in state.result.failures],
        "changes": {
            "path": "changes.md",
            "sha256": sha256(changes),
            "bytes": len(changes),
            "cache_key": changes_key,
        },
        "combined": None,
        "snapshot": state.snapshot,
        "timings": "timings.json",
    }
    if state.put("changes.md", changes):
        state.result.written.append("changes.md")
    try:
        manifest["combined"] = state.combined(briefs, changes_key)
    except Exception as exc:
        from brief.pack.worker import describe

        state.result.failures.append(("(combined pdf)", describe(exc), False))
        manifest["failures"].append({"briefing": "(combined pdf)", "error": describe(exc)})
    state.put("manifest.json", dump(manifest))
    if state.result.rendered or state.result.written or state.result.failures:
        state.timings["(total)"] = {"seconds": round(time.perf_counter() - started, 3)}
        state.put("timings.json", dump({"briefs": state.timings}))
    elif state.old_timings:
        state.staging.keep("timings.json")  # type: ignore[union-attr]
    else:
        state.put("timings.json", dump({"briefs": state.timings}))
