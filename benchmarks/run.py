"""Benchmarks at scale, side by side with the floor and with Pandoc.

    python benchmarks/run.py                       # small and large presets, 5 repetitions
    python benchmarks/run.py --sizes small --reps 3

Prints one table: the median over the repetitions of each measurement, the
peak memory (max RSS) of the process that did the work, the reference it is
compared with, the target, PASS/MISS and the machine's load average when the
figure was taken. A stage of the pipeline that is not built yet prints "not
available yet" instead of failing.

Progress goes to stderr as the run goes; each figure is printed and written
to the results file (`--out`, Markdown, and `--json`) as soon as it is taken,
so a run cut short keeps what it measured. `--baseline DIR` measures the PDF
render and the cold command with another checkout's `src/` too, in the same
run, and prints the ratio (how a change compares with main, on one machine
state).

Every measurement runs in a child process of its own (this script with
`--worker`), so peak memory is that of the work measured, read from the
kernel (wait4's ru_maxrss), and no run warms the next one's Python caches.
Synthetic workspaces come from `synth.py`, generated once per preset and
seed into the work folder and reused while the generator is unchanged.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))

import synth  # noqa: E402  (benchmarks/ is not a package)

NOT_YET = "not available yet"
SRC = REPO / "src"
"""The brief the measured processes import (a --baseline run swaps it)."""
STARTED = time.perf_counter()
CACHE_DIR = Path(tempfile.gettempdir()) / "brief-bench" / "cache"
"""The corpus cache the measured processes use (set from --workdir)."""

# ------------------------------------------------------------------ results


@dataclass
class Row:
    name: str
    size: str
    seconds: float | None = None
    peak_mb: float | None = None
    cpu: float | None = None
    """CPU seconds (user + system) of the same work: robust to a busy machine."""
    reference: str = ""
    ref_seconds: float | None = None
    target: str = ""
    verdict: str = ""
    note: str = ""
    samples: list[float] = field(default_factory=list)
    load: float | None = None
    """The 1-minute load average when the figure was taken."""
    ref_cpu: float | None = None

    @property
    def cpu_ratio(self) -> float | None:
        """The same ratio in CPU time: what the work costs, robust to a busy machine."""
        if self.cpu is None or not self.ref_cpu:
            return None
        return self.cpu / self.ref_cpu

    @property
    def ratio(self) -> float | None:
        if self.seconds is None or not self.ref_seconds:
            return None
        return self.seconds / self.ref_seconds


def fmt_seconds(value: float | None) -> str:
    if value is None:
        return "-"
    return f"{value * 1000:.0f} ms" if value < 1 else f"{value:.2f} s"


HEADER = ("measurement", "size", "median", "CPU", "peak RSS", "reference", "ratio")
HEADER += ("CPU ratio", "target", "", "load")


def table_header() -> list[str]:
    return ["| " + " | ".join(HEADER) + " |", "|" + "|".join(" --- " for _ in HEADER) + "|"]


def table_line(r: Row) -> str:
    ref = f"{r.reference} {fmt_seconds(r.ref_seconds)}" if r.reference else ""
    cells = (
        r.name,
        r.size,
        fmt_seconds(r.seconds) if r.seconds is not None else r.note or "-",
        fmt_seconds(r.cpu),
        f"{r.peak_mb:.0f} MB" if r.peak_mb else "-",
        ref.strip(),
        f"{r.ratio:.2f}x" if r.ratio is not None else "",
        f"{r.cpu_ratio:.2f}x" if r.cpu_ratio is not None else "",
        r.target,
        r.verdict,
        f"{r.load:.1f}" if r.load is not None else "",
    )
    return "| " + " | ".join(cells) + " |"


def note_lines(rows: list[Row]) -> list[str]:
    return [f"- {r.name} ({r.size}): {r.note}" for r in rows if r.note and r.seconds is not None]


def print_table(rows: list[Row]) -> None:
    print("\n".join([*table_header(), *(table_line(r) for r in rows), *note_lines(rows)]))


class Report:
    """Every figure as soon as it is taken: on stderr, and appended to the
    results files, so that a run cut short keeps what it measured."""

    def __init__(self, out: Path, json_path: Path | None, preamble: list[str]) -> None:
        self.out, self.json_path = out, json_path
        self.rows: list[Row] = []
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text("\n".join([*preamble, "", *table_header()]) + "\n", "utf-8")

    def add(self, rows: Iterable[Row]) -> None:
        for r in rows:  # a generator: each row is written as soon as it is measured
            r.load = os.getloadavg()[0]
            self.rows.append(r)
            self._write_json()
            shown = fmt_seconds(r.seconds) if r.seconds is not None else r.note
            ratio = f" ({r.ratio:.2f}x {r.reference})" if r.ratio is not None else ""
            if r.cpu_ratio is not None:
                ratio += f" (CPU {r.cpu_ratio:.2f}x)"
            line = f"  = {r.name} ({r.size}): {shown}{ratio} {r.verdict}"
            print(f"{line.rstrip()}  [load {r.load:.1f}]", file=sys.stderr, flush=True)
            with self.out.open("a", encoding="utf-8") as f:
                f.write(table_line(r) + "\n")

    def _write_json(self) -> None:
        if self.json_path:
            data = json.dumps([r.__dict__ for r in self.rows], indent=2, default=str) + "\n"
            tmp = self.json_path.with_suffix(".tmp")
            tmp.write_text(data, "utf-8")
            tmp.replace(self.json_path)

    def finish(self, tail: list[str]) -> None:
        with self.out.open("a", encoding="utf-8") as f:
            f.write("\n".join(["", *note_lines(self.rows), *tail]) + "\n")


def step(what: str) -> None:
    """Say what is being measured now: a long run shows where it is."""
    elapsed = time.perf_counter() - STARTED
    clock = dt.datetime.now(dt.UTC).strftime("%H:%M:%S")
    print(f"[{clock} +{elapsed:4.0f}s] {what} ...", file=sys.stderr, flush=True)


# ---------------------------------------------------------------- processes


def child_env(src: Path | None = None) -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(
        p for p in (str(src or SRC), env.get("PYTHONPATH", "")) if p
    )
    # the venv's scripts (pandoc's PDF engine among them) come first
    env["PATH"] = os.pathsep.join((str(Path(sys.executable).parent), env.get("PATH", "")))
    env.pop("BRIEF_WORKSPACE", None)
    env.pop("BRIEF_NO_CACHE", None)
    env["BRIEF_CACHE_DIR"] = str(CACHE_DIR)
    return env


@dataclass
class Proc:
    seconds: float
    cpu: float
    peak_mb: float
    returncode: int
    stdout: str
    stderr: str


def run_process(
    cmd: list[str], cwd: Path | None = None, timeout: float = 1800, src: Path | None = None
) -> Proc:
    """Run `cmd` to completion; wall time and the kernel's peak RSS of it and its children."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=cwd, env=child_env(src), stdout=out, stderr=err)
        deadline = start + timeout
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            if time.perf_counter() > deadline:
                proc.kill()
                pid, status, usage = os.wait4(proc.pid, 0)
                break
            time.sleep(0.002)
        seconds = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        return Proc(
            seconds,
            usage.ru_utime + usage.ru_stime,
            usage.ru_maxrss / 1024,
            proc.returncode,
            out.read().decode("utf-8", "replace"),
            err.read().decode("utf-8", "replace"),
        )


def worker(kind: str, src: Path | None = None, **args: object) -> tuple[dict, float]:
    """Run one measurement in a fresh interpreter; its JSON result and peak RSS in MB."""
    cmd = [sys.executable, str(Path(__file__).resolve()), "--worker", kind, json.dumps(args)]
    proc = run_process(cmd, src=src)
    lines = [ln for ln in proc.stdout.splitlines() if ln.startswith("{")]
    if proc.returncode != 0 or not lines:
        return {"error": last_line(proc.stderr)}, proc.peak_mb
    return json.loads(lines[-1]), proc.peak_mb


def last_line(text: str) -> str:
    """The last line of an error output that says something (not a box-drawing border)."""
    for line in reversed(text.splitlines()):
        cleaned = line.strip(" │╭╰╮╯─|")
        if any(ch.isalpha() for ch in cleaned):
            return cleaned[:100]
    return "no message"


def compile_sources(*srcs: Path | None) -> None:
    """Byte-compile brief's modules, as installing the package does. A checkout run
    with PYTHONDONTWRITEBYTECODE (or a read-only one) would otherwise compile every
    module from source in every measured process, a cost no installed brief pays
    and the import floor (installed libraries) never pays."""
    import compileall

    for src in srcs:
        if src is not None:
            compileall.compile_dir(src / "brief", quiet=2)


def brief_cmd(*args: str) -> list[str]:
    return [sys.executable, "-m", "brief", *args]


# ------------------------------------------------------------------ workers
# Each runs inside the child process and prints one JSON line.


class Clock:
    """Wall and CPU seconds of a block."""

    def __enter__(self) -> Clock:
        self.start = (time.perf_counter(), time.process_time())
        return self

    def __exit__(self, *exc: object) -> None:
        self.wall = time.perf_counter() - self.start[0]
        self.cpu = time.process_time() - self.start[1]


def _missing(exc: BaseException) -> dict:
    return {"missing": str(exc).split(" (")[0][:80]}


def w_load(ws: str, cache: bool) -> dict:
    if not cache:
        os.environ["BRIEF_NO_CACHE"] = "1"
    from brief import api

    with Clock() as clock:
        corpus = api.load(Path(ws))
    return {"seconds": clock.wall, "cpu": clock.cpu, "counts": corpus.counts()}


def w_floor(ws: str) -> dict:
    """The floor: read and parse the same YAML files with libyaml, nothing else."""
    import yaml

    root = Path(ws)
    files = sorted((root / "seeds").rglob("*.yaml")) + sorted((root / "briefings").glob("*.yaml"))
    size = 0
    with Clock() as clock:
        for path in files:
            raw = path.read_bytes()
            size += len(raw)
            yaml.load(raw.decode("utf-8"), Loader=yaml.CSafeLoader)
    return {"seconds": clock.wall, "cpu": clock.cpu, "files": len(files), "bytes": size}


def _notes(document: object) -> int:
    from brief.document import numbered_notes

    return len(numbered_notes(document))  # type: ignore[arg-type]


def w_assemble(ws: str, reps: int, subject: str | None = None) -> dict:
    from brief import api

    try:
        from brief import assemble  # noqa: F401
    except ImportError as exc:
        return _missing(exc)
    corpus = api.load(Path(ws))
    subjects = [b.subject for _, b in sorted(corpus.briefings.items())]
    one = subject if subject in subjects else subjects[0]
    api.build_document(corpus, one, as_of=synth.AS_OF)  # first call pays lazy imports
    one_times, all_times, one_cpu, all_cpu = [], [], [], []
    for _ in range(reps):
        with Clock() as clock:
            doc = api.build_document(corpus, one, as_of=synth.AS_OF)
        one_times.append(clock.wall)
        one_cpu.append(clock.cpu)
    for _ in range(reps):
        with Clock() as clock:
            docs = [api.build_document(corpus, s, as_of=synth.AS_OF) for s in subjects]
        all_times.append(clock.wall)
        all_cpu.append(clock.cpu)
    notes_all = sum(_notes(d) for d in docs)
    return {
        "subject": one,
        "one": one_times,
        "all": all_times,
        "one_cpu": one_cpu,
        "all_cpu": all_cpu,
        "briefs": len(subjects),
        "notes_one": _notes(doc),
        "notes_all": notes_all,
        "bytes_one": len(api.render_bytes(doc, "md")),
    }


def w_render(
    ws: str, reps: int, out: str, formats: tuple[str, ...] = ("md", "docx", "pdf")
) -> dict:
    from brief import api

    try:
        from brief import assemble  # noqa: F401
    except ImportError as exc:
        return _missing(exc)
    corpus = api.load(Path(ws))
    subject = _render_subject(corpus)
    doc = api.build_document(corpus, subject, as_of=synth.AS_OF)
    result: dict = {"subject": subject, "notes": _notes(doc)}
    for fmt in formats:
        try:
            start = time.perf_counter()
            data = api.render_bytes(doc, fmt)
            first = time.perf_counter() - start
        except (ImportError, NotImplementedError, AttributeError) as exc:
            result[fmt] = _missing(exc)
            continue
        except Exception as exc:  # a renderer bug: report it, measure the others
            result[fmt] = {"error": f"{type(exc).__name__}: {str(exc).splitlines()[0][:80]}"}
            continue
        Path(out, f"brief.{fmt}").write_bytes(data)
        times, cpu = [], []
        for _ in range(reps):
            with Clock() as clock:
                api.render_bytes(doc, fmt)
            times.append(clock.wall)
            cpu.append(clock.cpu)
        result[fmt] = {"first": first, "times": times, "cpu": cpu, "bytes": len(data)}
    return result


def _render_subject(corpus: object) -> str:
    """The country brief with the most extracts: the heaviest realistic render."""
    briefings = sorted(corpus.briefings.items())  # type: ignore[attr-defined]
    countries = [b.subject for _, b in briefings if b.kind == "country"]
    return (countries or [b.subject for _, b in briefings])[0]


WORKERS = {"load": w_load, "floor": w_floor, "assemble": w_assemble, "render": w_render}


def run_worker(kind: str, raw: str) -> int:
    # PYTHONPATH (set by child_env) names the brief to measure: this one or a baseline
    sys.path.insert(0, os.environ.get("PYTHONPATH", str(SRC)).split(os.pathsep)[0])
    try:
        result = WORKERS[kind](**json.loads(raw))
    except ImportError as exc:
        result = _missing(exc)
    print(json.dumps(result))
    return 0


# ------------------------------------------------------------ measurements


def median(values: list[float]) -> float:
    return statistics.median(values)


def workspace_for(preset: str, seed: int, workdir: Path) -> Path:
    """Generate the preset once; regenerate only when the generator, its word lists
    or the sizes change."""
    sizes = synth.sizes_for(preset)
    key = hashlib.sha256(
        Path(synth.__file__).read_bytes()
        + synth.VOCABULARY_FILE.read_bytes()
        + repr((sizes, seed)).encode()
    ).hexdigest()[:12]
    ws = workdir / f"{preset}-seed{seed}-{key}"
    stamp = ws / ".generated"
    if not stamp.exists():
        shutil.rmtree(ws, ignore_errors=True)
        print(f"generating {preset} workspace into {ws} ...", file=sys.stderr, flush=True)
        # in a child, so that this process stays small: a child's peak RSS as the kernel
        # reports it is never below the parent's at the time it was started
        cmd = [sys.executable, str(HERE / "synth.py"), str(ws), "--preset", preset]
        proc = run_process([*cmd, "--seed", str(seed)])
        if proc.returncode != 0:
            raise SystemExit(f"generating {preset} failed: {last_line(proc.stderr)}")
        print(f"  {proc.stdout.strip()} in {proc.seconds:.1f} s", file=sys.stderr, flush=True)
        counts = dict(item.split("=") for item in proc.stdout.split())
        stamp.write_text(json.dumps({k: int(v) for k, v in counts.items()}))
    return ws


IMPORT_FLOOR = "import typer, pydantic, yaml, jinja2, markdown_it, reportlab.platypus"
"""The third-party stack `brief SUBJECT --format pdf` imports, and nothing else."""


def bench_cold_start(reps: int, ws: Path, tmp: Path, baseline: Path | None) -> Iterator[Row]:
    step("brief --help")
    procs = [run_process(brief_cmd("--help")) for _ in range(reps)]
    seconds = median([p.seconds for p in procs])
    yield (
        Row(
            "`brief --help` (process)",
            "-",
            seconds,
            max(p.peak_mb for p in procs),
            cpu=median([p.cpu for p in procs]),
            target="< 0.3 s",
            verdict="PASS" if seconds < 0.3 and procs[0].returncode == 0 else "MISS",
        )
    )
    yield from cold_pdf(reps, tmp, baseline)
    corpus_subject = _first_country(ws)
    cmd = brief_cmd(
        corpus_subject, "--format", "docx", "--as-of", synth.AS_OF.isoformat(), "--out", str(tmp)
    )
    cmd += ["--workspace", str(ws)]
    step(f"one brief, docx, whole process ({ws_size(ws)})")
    first = run_process(cmd)
    if first.returncode != 0:
        err = last_line(first.stderr)
        yield (Row("one brief, docx (process)", ws_size(ws), note=f"{NOT_YET} ({err})"))
        return
    procs = [run_process(cmd) for _ in range(reps)]
    yield (
        Row(
            "one brief, docx (process)",
            ws_size(ws),
            median([p.seconds for p in procs]),
            max(p.peak_mb for p in procs),
            cpu=median([p.cpu for p in procs]),
            note="whole command: start, load, assemble, render, write",
        )
    )
    return


def cold_pdf(reps: int, tmp: Path, baseline: Path | None) -> Iterator[Row]:
    """`brief kosovo --format pdf` on the shipped workspace, as a user runs it, next
    to a process that only imports the libraries it uses (the floor)."""
    step("bare import of the stack (floor)")
    floor_cmd = [sys.executable, "-c", IMPORT_FLOOR]
    floors = [run_process(floor_cmd) for _ in range(reps)]
    floor = median([p.seconds for p in floors])
    floor_cpu = median([p.cpu for p in floors])
    yield Row(
        "import floor: typer, pydantic, yaml, jinja2, markdown_it, reportlab (process)",
        "shipped",
        floor,
        max(p.peak_mb for p in floors),
        cpu=floor_cpu,
    )
    subject = "kosovo" if (REPO / "briefings" / "kosovo.yaml").exists() else _first_country(REPO)
    cmd = brief_cmd(
        subject, "--format", "pdf", "--out", str(tmp / "cold"), "--workspace", str(REPO)
    )
    for label, src in (("", None), (" [before]", baseline)):
        if label and src is None:
            continue
        step(f"brief {subject} --format pdf, whole process{label}")
        if run_process(cmd, src=src).returncode != 0:  # also fills the corpus cache
            name = f"`brief {subject} --format pdf` (process){label}"
            yield (Row(name, "shipped", note="failed"))
            continue
        procs = [run_process(cmd, src=src) for _ in range(reps)]
        seconds = median([p.seconds for p in procs])
        yield (
            Row(
                f"`brief {subject} --format pdf` (process){label}",
                "shipped",
                seconds,
                max(p.peak_mb for p in procs),
                cpu=median([p.cpu for p in procs]),
                reference="floor",
                ref_seconds=floor,
                ref_cpu=floor_cpu,
                target="" if label else "<= 2.0x floor",
                verdict="" if label else ("PASS" if seconds <= 2.0 * floor else "MISS"),
                note="corpus cache warm; start, load, assemble, render, write",
            )
        )
    return


def _first_country(ws: Path) -> str:
    import yaml

    for path in sorted((ws / "briefings").glob("*.yaml")):
        data = yaml.safe_load(path.read_text("utf-8"))
        if data.get("kind") == "country":
            return data["subject"]
    raise SystemExit(f"no country briefing in {ws}")


def ws_size(ws: Path) -> str:
    return ws.name.split("-seed")[0]


def bench_load(reps: int, ws: Path) -> Iterator[Row]:
    size = ws_size(ws)
    step(f"YAML floor and load + validate ({size})")
    floors = [worker("floor", ws=str(ws)) for _ in range(reps)]
    floor = median([r["seconds"] for r, _ in floors])
    info = floors[0][0]
    floor_cpu = median([r["cpu"] for r, _ in floors])
    yield Row(
        "YAML parse only, libyaml CSafeLoader (floor)",
        size,
        floor,
        max(m for _, m in floors),
        cpu=floor_cpu,
        note=f"{info['files']} files, {info['bytes'] / 1e6:.1f} MB of YAML",
    )
    for cache, label in (
        (False, "load + validate, no cache"),
        (True, "load + validate, inputs unchanged (cache)"),
    ):
        if cache:
            worker("load", ws=str(ws), cache=True)  # fills the cache
        runs = [worker("load", ws=str(ws), cache=cache) for _ in range(reps)]
        errors = [r["error"] for r, _ in runs if "error" in r]
        if errors:
            yield (Row(label, size, note=f"failed: {errors[0][:100]}", verdict="MISS"))
            continue
        seconds = median([r["seconds"] for r, _ in runs])
        ratio = seconds / floor
        yield (
            Row(
                label,
                size,
                seconds,
                max(m for _, m in runs),
                cpu=median([r["cpu"] for r, _ in runs]),
                reference="floor",
                ref_seconds=floor,
                ref_cpu=floor_cpu,
                target="<= 2x floor",
                verdict="PASS" if ratio <= 2 else "MISS",
            )
        )
    return


def bench_assemble(reps: int, ws: Path, subject: str) -> tuple[list[Row], dict | None]:
    size = ws_size(ws)
    step(f"assemble one brief and all briefs ({size})")
    result, peak = worker("assemble", ws=str(ws), reps=reps, subject=subject)
    if "missing" in result or "error" in result:
        why = result.get("missing") or result.get("error")
        return [Row("assemble", size, note=f"{NOT_YET} ({why[:80]})")], None
    one = median(result["one"])
    every = median(result["all"])
    rows = [
        Row(
            f"assemble one brief ({result['subject']})",
            size,
            one,
            peak,
            cpu=median(result["one_cpu"]),
            note=f"{result['notes_one']} notes",
        ),
        Row(
            f"assemble all {result['briefs']} briefs",
            size,
            every,
            peak,
            cpu=median(result["all_cpu"]),
            note=f"{result['notes_all']} notes in all",
        ),
    ]
    point = {"all": every, "briefs": result["briefs"], "ws": ws}
    point |= {"one": one, "subject": result["subject"], "notes": result["notes_one"]}
    point["bytes"] = result.get("bytes_one")
    return rows, point


def one_brief_growth(points: list[dict]) -> Row | None:
    """One brief's assembly from the smallest to the largest corpus, per note of output:
    10x the corpus may cost at most 1.5x for a brief of the same size."""
    if len(points) < 2 or points[0]["subject"] != points[-1]["subject"]:
        return None
    small, large = points[0], points[-1]
    per_note = (large["one"] / large["notes"]) / (small["one"] / small["notes"])
    return Row(
        f"assemble one brief ({small['subject']}): growth per note",
        f"{ws_size(small['ws'])}->{ws_size(large['ws'])}",
        large["one"],
        reference=ws_size(small["ws"]),
        ref_seconds=small["one"],
        target="<= 1.5x per note",
        verdict="PASS" if per_note <= 1.5 else "MISS",
        note=(
            f"{small['notes']} -> {large['notes']} notes; time per note grew {per_note:.2f}x "
            "(the ratio column is the raw time)" + _per_byte(small, large)
        ),
    )


def _per_byte(small: dict, large: dict) -> str:
    """The same growth per byte of the brief's Markdown: a larger corpus gives the same
    number of notes more to say (more sources per note, a longer source list)."""
    if not small.get("bytes") or not large.get("bytes"):
        return ""
    grew = (large["one"] / large["bytes"]) / (small["one"] / small["bytes"])
    return f"; Markdown {small['bytes']:,} -> {large['bytes']:,} bytes, per byte {grew:.2f}x"


def scaling_row(points: list[dict]) -> Row | None:
    """All-briefs assembly from the smallest to the largest corpus, against the corpus growth."""
    if len(points) < 2:
        return None
    small, large = points[0], points[-1]
    counts = [json.loads((p["ws"] / ".generated").read_text()) for p in (small, large)]
    corpus_ratio = counts[1]["extracts"] / counts[0]["extracts"]
    product_ratio = corpus_ratio * large["briefs"] / small["briefs"]
    ratio = large["all"] / small["all"]
    return Row(
        "assemble all briefs: growth",
        f"{ws_size(small['ws'])}->{ws_size(large['ws'])}",
        large["all"],
        reference=f"{ws_size(small['ws'])}",
        ref_seconds=small["all"],
        target=f"<= corpus growth {corpus_ratio:.0f}x (briefs x extracts: {product_ratio:.0f}x)",
        verdict="PASS" if ratio <= corpus_ratio else "MISS",
    )


def bench_render(reps: int, ws: Path, tmp: Path, baseline: Path | None) -> Iterator[Row]:
    size = ws_size(ws)
    out = tmp / f"render-{size}"
    out.mkdir(parents=True, exist_ok=True)
    step(f"render md, docx, pdf in process ({size})")
    result, peak = worker("render", ws=str(ws), reps=reps, out=str(out))
    if "missing" in result or "error" in result:
        why = result.get("missing") or result.get("error")
        yield Row("render", size, note=f"{NOT_YET} ({why[:80]})")
        return
    subject, notes = result["subject"], result["notes"]
    pandoc = pandoc_path()
    md = out / "brief.md"
    pandoc_times: dict[str, tuple[float, float, float] | str] = {}
    if pandoc is None:
        pandoc_times = {"docx": "pandoc not installed", "pdf": "pandoc not installed"}
    elif isinstance(result.get("md"), dict):
        pandoc_times = pandoc_runs(pandoc, md, out, reps)
    else:
        pandoc_times = {"docx": "no Markdown renderer yet", "pdf": "no Markdown renderer yet"}
    for fmt in ("docx", "pdf"):
        ours = result.get(fmt)
        label = f"render {fmt} ({subject}, {notes} notes)"
        if isinstance(ours, dict) and "error" in ours:
            yield (Row(label, size, note=f"failed: {ours['error']}", verdict="MISS"))
        elif not isinstance(ours, dict) or "times" not in ours:
            why = (ours or {}).get("missing", "") if isinstance(ours, dict) else ""
            yield (Row(label, size, note=f"{NOT_YET} {why[:60]}".strip()))
        else:
            seconds = median(ours["times"])
            ref = pandoc_times.get(fmt)
            row = Row(label, size, seconds, peak, median(ours["cpu"]), count_note(out, fmt, notes))
            if isinstance(ref, tuple):
                row.reference = "pandoc" if fmt == "docx" else "pandoc+weasyprint"
                row.ref_seconds = ref[0]
                row.ref_cpu = ref[2]
                if fmt == "docx":
                    row.target = "<= pandoc"
                    row.verdict = "PASS" if seconds <= ref[0] else "MISS"
                else:
                    row.target = "<= 0.08x"
                    row.verdict = "PASS" if seconds <= 0.08 * ref[0] else "MISS"
            elif ref:
                row.note = f"{row.note}; pandoc: {ref}"
            yield (row)
        ref = pandoc_times.get(fmt)
        if isinstance(ref, tuple):
            engine = "pandoc md -> docx" if fmt == "docx" else "pandoc md -> html -> pdf"
            yield (
                Row(
                    f"{engine} (process, same brief)",
                    size,
                    ref[0],
                    ref[1],
                    ref[2],
                    note=count_note(out, f"pandoc.{fmt}", notes),
                )
            )
    ours = result.get("pdf")
    if baseline is not None and isinstance(ours, dict) and "times" in ours:
        now = (median(ours["times"]), median(ours["cpu"]))
        yield from render_before(reps, ws, tmp, baseline, subject, now)
    return


def render_before(
    reps: int, ws: Path, tmp: Path, baseline: Path, subject: str, ours: tuple[float, float]
) -> Iterator[Row]:
    """The same PDF render with the baseline's code, in the same run."""
    size = ws_size(ws)
    out = tmp / f"render-{size}-before"
    out.mkdir(parents=True, exist_ok=True)
    step(f"render pdf in process with the baseline ({size})")
    result, peak = worker(
        "render", src=baseline, ws=str(ws), reps=reps, out=str(out), formats=["pdf"]
    )
    before = result.get("pdf")
    if not isinstance(before, dict) or "times" not in before:
        yield Row(f"render pdf ({subject}) [before]", size, note=f"failed: {result}"[:120])
        return
    seconds = median(before["times"])
    yield from [
        Row(f"render pdf ({subject}) [before]", size, seconds, peak, median(before["cpu"])),
        Row(
            f"render pdf ({subject}): now vs before",
            size,
            ours[0],
            cpu=ours[1],
            reference="before",
            ref_seconds=seconds,
            ref_cpu=median(before["cpu"]),
            target="<= 0.4x",
            verdict="PASS" if ours[0] <= 0.4 * seconds else "MISS",
        ),
    ]


def pandoc_path() -> str | None:
    try:
        import pypandoc
    except ImportError:
        return shutil.which("pandoc")
    try:
        return pypandoc.get_pandoc_path()
    except OSError:
        return shutil.which("pandoc")


def _summary(procs: list[Proc]) -> tuple[float, float, float]:
    """Median wall time, peak RSS and median CPU time of repeated runs."""
    return (
        median([p.seconds for p in procs]),
        max(p.peak_mb for p in procs),
        median([p.cpu for p in procs]),
    )


def pandoc_runs(pandoc: str, md: Path, out: Path, reps: int) -> dict:
    results: dict[str, tuple[float, float, float] | str] = {}
    docx = [pandoc, "-f", "markdown", "-t", "docx", "-o", str(out / "brief.pandoc.docx"), str(md)]
    procs = [run_process(docx) for _ in range(reps)]
    if procs[0].returncode == 0:
        results["docx"] = _summary(procs)
    else:
        results["docx"] = f"failed: {procs[0].stderr.strip()[:80]}"
    engine = shutil.which("weasyprint", path=child_env()["PATH"])
    if engine is None:
        results["pdf"] = "no HTML->PDF engine (pip install weasyprint)"
        return results
    pdf = [pandoc, "-f", "markdown", "-t", "html5", "--standalone", f"--pdf-engine={engine}"]
    pdf += ["--metadata", "title=brief", "-o", str(out / "brief.pandoc.pdf"), str(md)]
    procs = [run_process(pdf) for _ in range(reps)]
    if procs[0].returncode == 0:
        results["pdf"] = _summary(procs)
    else:
        results["pdf"] = f"failed: {procs[0].stderr.strip()[:80]}"
    return results


def count_note(out: Path, name: str, expected: int) -> str:
    """How many notes the output file holds, so the comparison is on the same content."""
    path = out / f"brief.{name}"
    if not path.exists():
        return ""
    if path.suffix == ".docx":
        with zipfile.ZipFile(path) as z:
            if "word/footnotes.xml" not in z.namelist():
                return "0 footnotes in file"
            xml = z.read("word/footnotes.xml").decode("utf-8")
        # separator and continuation notes carry a w:type; real notes do not
        found = xml.count("<w:footnote ") - xml.count('w:type="')
        return f"{found} footnotes in file (document has {expected})"
    if path.suffix == ".pdf":
        return f"{path.stat().st_size / 1e3:.0f} kB"
    return ""


def bench_pack(reps: int, ws: Path) -> Iterator[Row]:
    size = ws_size(ws)
    base = ["pack", "--as-of", synth.AS_OF.isoformat(), "--workspace", str(ws)]
    probe = run_process(brief_cmd("pack", "--help"))
    if probe.returncode != 0:
        yield Row("pack", size, note=NOT_YET)
        return
    briefs = len(list((ws / "briefings").glob("*.yaml")))
    # --jobs 1 at the large size takes minutes and no target hangs on it
    for jobs in (1, 2) if size != "large" else (2,):
        cmd = brief_cmd(*base, "--jobs", str(jobs))
        if size == "large":
            # The uncached load is timed by the load rows (~1.5 min at this size): not
            # again here, so that the preset stays under 15 minutes. The cache warmed
            # (the earlier rows left it warm: seconds).
            step(f"corpus cache for the pack ({size})")
            clear_outputs(ws, keep_cache=True)
            warm = run_process(brief_cmd("validate", "--workspace", str(ws)))
            if warm.returncode != 0:
                err = last_line(warm.stderr)
                yield Row(f"pack --jobs {jobs}", size, note=f"failed: {err}", verdict="MISS")
                continue
        else:
            # Once with the corpus cache cleared (its own row), which also warms the cache.
            step(f"pack {briefs} briefs --jobs {jobs} ({size}, corpus cache cleared, 1x)")
            clear_outputs(ws)
            cold = run_process(cmd)
            if cold.returncode != 0:
                err = last_line(cold.stderr)
                yield Row(f"pack --jobs {jobs}", size, note=f"failed: {err}", verdict="MISS")
                continue
            yield Row(
                f"pack {briefs} briefs --jobs {jobs}, corpus cache cleared (process)",
                size,
                cold.seconds,
                cold.peak_mb,
                cold.cpu,
            )
        # The target's pack: the corpus cache warm, no earlier pack, so every brief
        # and the pack PDF are built.
        step(f"pack {briefs} briefs --jobs {jobs} ({size}, corpus cache warm, {reps}x)")
        procs = []
        for _ in range(reps):
            clear_outputs(ws, keep_cache=True)
            procs.append(run_process(cmd))
            if procs[-1].returncode != 0:
                err = last_line(procs[-1].stderr)
                yield (Row(f"pack --jobs {jobs}", size, note=f"failed: {err}", verdict="MISS"))
                break
        else:
            seconds = median([p.seconds for p in procs])
            row = Row(
                f"pack {briefs} briefs --jobs {jobs}, corpus cache warm (process)",
                size,
                seconds,
                max(p.peak_mb for p in procs),
                median([p.cpu for p in procs]),
            )
            if jobs == 2 and size == "large":
                row.target = "<= 30 s, <= 500 MB"
                ok = seconds <= 30 and row.peak_mb is not None and row.peak_mb <= 500
                row.verdict = "PASS" if ok else "MISS"
            yield (row)
    step(f"pack again, inputs unchanged ({size})")
    procs = [run_process(brief_cmd(*base, "--jobs", "2")) for _ in range(max(reps, 3))]
    if all(p.returncode == 0 for p in procs):
        seconds = median([p.seconds for p in procs])
        yield (
            Row(
                "pack again, inputs unchanged (process)",
                size,
                seconds,
                max(p.peak_mb for p in procs),
                median([p.cpu for p in procs]),
                target="< 3 s",
                verdict="PASS" if seconds < 3 else "MISS",
            )
        )
    return


def clear_outputs(ws: Path, keep_cache: bool = False) -> None:
    """Remove earlier packs (and, unless `keep_cache`, cached corpora) so that a run
    does all the work."""
    folders = [ws / "output"] if keep_cache else [ws / "output", ws / ".brief-cache", CACHE_DIR]
    for folder in folders:
        shutil.rmtree(folder, ignore_errors=True)


# --------------------------------------------------------------------- main


def own_peak_mb() -> float:
    """This process's peak RSS: the lowest peak the kernel can report for a child."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0


def machine() -> str:
    mem = ""
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                mem = f", {int(line.split()[1]) / 1024 / 1024:.0f} GiB RAM"
    except OSError:
        pass
    return (
        f"{os.cpu_count()} CPUs{mem}, {platform.system()} {platform.machine()}, "
        f"Python {platform.python_version()}, {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC, "
        f"{load_average()}"
    )


def load_average() -> str:
    """Other work on the machine stretches wall times; CPU times are less affected."""
    one, five, _ = os.getloadavg()
    return f"load average {one:.1f} (1 min), {five:.1f} (5 min)"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="small,large", help="presets, comma-separated")
    parser.add_argument("--reps", type=int, default=5, help="repetitions per measurement")
    parser.add_argument(
        "--large-reps",
        type=int,
        default=2,
        help="repetitions at the large size (default 2: the preset stays under 15 minutes)",
    )
    parser.add_argument(
        "--pack-reps", type=int, default=None, help="repetitions of the pack (default: reps, <= 3)"
    )
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--only",
        default="start,load,assemble,render,pack",
        help="which benchmarks, comma-separated",
    )
    parser.add_argument(
        "--workdir",
        type=Path,
        default=Path(tempfile.gettempdir())
        / f"brief-bench-{hashlib.sha256(str(REPO).encode()).hexdigest()[:8]}",
        help="where generated workspaces are kept between runs (default: one per checkout)",
    )
    parser.add_argument(
        "--baseline",
        type=Path,
        help="another checkout (e.g. a worktree of main): its PDF render and cold command "
        "are measured too, in the same run",
    )
    parser.add_argument(
        "--out", type=Path, help="results file, written as figures come (default: in workdir)"
    )
    parser.add_argument("--json", type=Path, help="also write the rows as JSON here")
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    args, rest = parser.parse_known_args(argv)
    if args.worker:
        return run_worker(args.worker, rest[0])

    only = set(args.only.split(","))
    sizes = [s for s in args.sizes.split(",") if s]
    for size in sizes:
        if size not in synth.PRESETS:
            parser.error(f"unknown size {size!r}; choose from {', '.join(synth.PRESETS)}")
    baseline = None
    if args.baseline:
        baseline = (args.baseline / "src").resolve()
        if not (baseline / "brief").is_dir():
            parser.error(f"--baseline: no src/brief in {args.baseline}")
    pack_reps = args.pack_reps or min(args.reps, 3)
    compile_sources(SRC, baseline)
    args.workdir.mkdir(parents=True, exist_ok=True)
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%d-%H%M%S")
    out = args.out or args.workdir / f"results-{stamp}.md"
    preamble = [
        f"machine: {machine()}",
        f"command: python benchmarks/run.py {' '.join(argv or sys.argv[1:])}".rstrip(),
        f"medians over {args.reps} repetitions ({args.large_reps} at large; pack: {pack_reps})",
    ]
    if baseline:
        preamble.append(f"baseline: {baseline}")
    print("\n".join(preamble))
    print(f"results (written as they come): {out}", file=sys.stderr, flush=True)
    report = Report(out, args.json, preamble)

    global CACHE_DIR
    CACHE_DIR = args.workdir / "cache"
    workspaces = [workspace_for(size, args.seed, args.workdir) for size in sizes]
    subject = _first_country(workspaces[0])
    points: list[dict] = []
    with tempfile.TemporaryDirectory(prefix="brief-bench-") as tmpname:
        tmp = Path(tmpname)
        if "start" in only:
            report.add(bench_cold_start(args.reps, workspaces[0], tmp, baseline))
        for ws in workspaces:
            reps = args.large_reps if ws_size(ws) == "large" else args.reps
            size_pack_reps = min(pack_reps, reps)
            print(f"measuring {ws_size(ws)} ...", file=sys.stderr, flush=True)
            if "load" in only:
                report.add(bench_load(reps, ws))
            if "assemble" in only:
                found, point = bench_assemble(reps, ws, subject)
                report.add(found)
                if point:
                    points.append(point)
            if "render" in only:
                report.add(bench_render(reps, ws, tmp, baseline))
            if "pack" in only:
                report.add(bench_pack(size_pack_reps, ws))
        report.add([r for r in (one_brief_growth(points), scaling_row(points)) if r])
    tail = [
        f"- at the end: {load_average()}",
        f"- peak RSS is the kernel's figure for the measured process; it cannot read below "
        f"this runner's own, {own_peak_mb():.0f} MB",
    ]
    print()
    print_table(report.rows)
    print("\n".join(tail))
    report.finish(tail)
    return 0


if __name__ == "__main__":
    sys.exit(main())
