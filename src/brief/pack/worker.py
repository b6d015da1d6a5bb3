"""Rendering one briefing: the unit of work, run in-process or in a pool.

Module-level functions only, so that `ProcessPoolExecutor` can pickle them.
Each worker process gets the loaded corpus once, through the initializer.
"""

from __future__ import annotations

import datetime as dt
import gc
import time
from dataclasses import dataclass, field

from brief.corpus import Corpus
from brief.errors import BriefError, InvalidInput

_corpus: Corpus | None = None
_in_pool = False

WORKER_GC_THRESHOLDS = (20_000, 10, 10)
"""The garbage collector's thresholds in a pack worker (see `init_worker`)."""


def init_worker(corpus: Corpus, in_pool: bool = False) -> None:
    """`in_pool`: a worker process. Ctrl-C reaches the whole process group; the
    parent alone handles it (stops the workers, drops the staging folder, says one
    line), so a worker ignores it instead of printing a traceback."""
    global _corpus, _in_pool
    _corpus = corpus
    _in_pool = in_pool
    if in_pool:
        import signal

        signal.signal(signal.SIGINT, signal.SIG_IGN)
        # What the pack process loaded and imported lives as long as the worker: the
        # garbage collector's full collections need not walk it (nor write into its
        # pages, which the fork shares with the pack process until written).
        gc.freeze()
        # A brief makes ~1.6 million objects that reference counting frees; with the
        # default 700 the young collections ran ~2,400 times per 25 large briefs,
        # promoting objects about to die anyway into older collections. 20,000 with
        # the default older ones: a third of the collector's time, same peak memory
        # (the cyclic garbage is still collected within a brief; 50,000 with rarer
        # older collections added ~120 MB).
        gc.set_threshold(*WORKER_GC_THRESHOLDS)


def _settle() -> None:
    """After a brief, in a worker: collect its garbage, then freeze what survives (the
    extract index and issue histories built by the first brief, caches), so that the
    next briefs' full collections walk only their own objects. Without it the full
    collections in a worker cost ~5 s of CPU per 25 large briefs, walking the same
    long-lived objects again and again."""
    if _in_pool:
        gc.collect()
        gc.freeze()


@dataclass(frozen=True)
class Task:
    stem: str
    subject: str
    as_of: dt.date
    formats: tuple[str, ...]


@dataclass
class Outcome:
    stem: str
    title: str = ""
    subject: str = ""
    marking: str = ""
    files: dict[str, bytes] = field(default_factory=dict)
    stored: dict[str, tuple[str, int]] = field(default_factory=dict)
    """Each file's sha256 and size, by format, once the pack process has written it
    (`files` is then emptied: the pack does not hold every brief's bytes to the end)."""
    seconds: dict[str, float] = field(default_factory=dict)
    error: str | None = None
    invalid_input: bool = False


def _one_line(text: str, limit: int = 300) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def describe(exc: BaseException) -> str:
    """One line for a pack log and the manifest."""
    if isinstance(exc, InvalidInput):
        return "; ".join(str(p) for p in exc.problems)
    if isinstance(exc, BriefError):
        return _one_line(str(exc))
    return _one_line(f"{type(exc).__name__}: {exc}")


def run_task(task: Task) -> Outcome:
    """Build the document once, render each requested format; never raises."""
    from brief import api

    assert _corpus is not None, "init_worker was not called"
    outcome = Outcome(stem=task.stem, subject=task.subject)
    try:
        start = time.perf_counter()
        # By the briefing's file name: two briefings of one subject differ.
        document = api.build_document(_corpus, task.stem, as_of=task.as_of)
        outcome.seconds["build"] = round(time.perf_counter() - start, 3)
        outcome.title, outcome.marking = document.meta.title, document.meta.marking
        style = api.HouseStyle.of(_corpus) if "docx" in task.formats else None
        theme = api.workspace_pdf_theme(_corpus) if "pdf" in task.formats else None
        for fmt in task.formats:
            start = time.perf_counter()
            outcome.files[fmt] = api.render_bytes(document, fmt, house_style=style, pdf_theme=theme)
            outcome.seconds[fmt] = round(time.perf_counter() - start, 3)
    except Exception as exc:  # one failing brief must not lose the others
        outcome.files.clear()
        outcome.error = describe(exc)
        outcome.invalid_input = isinstance(exc, InvalidInput)
    _settle()
    return outcome
