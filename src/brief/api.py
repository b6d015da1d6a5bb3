"""The Python API: the product's surface. Every `brief` command is one function here.

The CLI (`brief.cli`) only parses arguments, calls one of these and prints
what it returns; every rule (the marking rule, grades, writable output
folders, workspace discovery) is enforced below this module, so a program
calling the API gets the same checks and the same errors as the command.

    from brief import api

    api.render("norland", ["pdf", "md"], workspace="my-briefs")  # -> written paths
    corpus = api.load(Path("my-briefs"))                        # load + validate
    document = api.build_document(corpus, "norland")            # assemble + templates
    api.write_document(document, "pdf", Path("norland.pdf"))    # render, atomically

`workspace` arguments take a folder holding `briefings/` and `seeds/`, or
None to find one as the command does (`BRIEF_WORKSPACE`, else the current
folder and its parents). Problems in user input raise `InvalidInput`, whose
`problems` are located at file:line:column and field; other failures a
user can act on raise `BriefError`.

| command                      | function                                   |
| ---                          | ---                                        |
| brief list                   | `list_subjects`                            |
| brief SUBJECT / brief render | `render` (or `brief_document` + `render_bytes`) |
| brief SUBJECT --watch        | `watch`                                    |
| brief export                 | `export` (a file), `export_bytes`          |
| brief pack                   | `pack`                                     |
| brief pack merge             | `merge_shards` (issue 16)                  |
| brief init                   | `init`                                     |
| brief validate               | `validate`                                 |
| brief schema                 | `write_schemas`                            |
| brief sources add            | `add_source`                               |
| brief extract SOURCE         | `extract`                                  |
| brief extract SOURCE --accept| `accept`                                   |
| brief extract --score        | `score`                                    |
| brief templates check        | `check_templates`                          |
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from brief.corpus import Corpus, load_corpus
from brief.document import Document
from brief.errors import BriefError, InvalidInput, Problem
from brief.fsutil import atomic_write_bytes
from brief.output import FORMATS as FORMATS  # formats a brief renders to, in writing order
from brief.output import check_formats

if TYPE_CHECKING:
    from brief.assemble.check import CheckResult
    from brief.assemble.subjects import Briefable
    from brief.corpus.models import DraftFile
    from brief.ingest.accept import Accepted
    from brief.ingest.add import Added
    from brief.pack import PackResult
    from brief.pack.progress import PlainProgress
    from brief.render.pdf.theme import Theme as PdfTheme

Workspace = Path | str | None


# ------------------------------------------------------------------ workspace


def find_workspace(workspace: Workspace = None) -> Path:
    """The workspace folder, absolute: `workspace` if given (it must be one), else found
    from `BRIEF_WORKSPACE` or the current folder upwards; `InvalidInput`/`BriefError` if none."""
    from brief.workspace import find_workspace as _find

    return _find(Path(workspace) if workspace is not None else None)


def load(workspace: Path) -> Corpus:
    """Load and validate the workspace; raises `InvalidInput` listing every problem."""
    return load_corpus(Path(workspace))


def validate(workspace: Path) -> dict[str, int]:
    """Load and check everything; return the counts of records by kind.

    Raises `InvalidInput` listing every problem, each located at
    file:line:column and field.
    """
    return load(workspace).counts()


def write_schemas(workspace: Path, *, check: bool = False) -> list[Path]:
    """Export the JSON Schema of each YAML file kind into `workspace/schemas/`.

    Returns the files that were (with `check`: that would be) rewritten.
    """
    from brief.corpus.schema import stale_schemas
    from brief.corpus.schema import write_schemas as _write

    return stale_schemas(Path(workspace)) if check else _write(Path(workspace))


def init(directory: Path | str) -> Path:
    """Create a minimal workspace in `directory` (new or empty); return it."""
    from brief.init import create_workspace

    return create_workspace(Path(directory))


# --------------------------------------------------------------------- briefs


def list_subjects(workspace: Workspace = None) -> list[Briefable]:
    """Every country, region and person that can be briefed, countries first."""
    from brief.assemble.subjects import briefable_subjects

    return briefable_subjects(load(find_workspace(workspace)))


def build_document(
    corpus: Corpus,
    subject: str,
    *,
    as_of: dt.date | None = None,
    since: dt.date | None = None,
    marking: str | None = None,
    profile: str = "full",
) -> Document:
    """Assemble the brief of `subject` (any spelling of a country or person).

    A `marking` that may not head an open-source brief (any NATO marking) is
    refused here, with the same words whoever calls. `profile`: `full` (every
    section) or `note` (two pages: summary, key statements, outlook, sources).
    """
    from brief.assemble import build_document as _build  # owned by the assembler stage

    return _build(corpus, subject, as_of=as_of, since=since, marking=marking, profile=profile)


def render_bytes(
    document: Document,
    fmt: str,
    *,
    house_style: HouseStyle | None = None,
    pdf_theme: PdfTheme | None = None,
) -> bytes:
    """The document in `fmt`; a Word file in the `house_style` of a reference .docx, a
    PDF in `pdf_theme` (see `workspace_pdf_theme`; None: the default look)."""
    from brief.render import renderer

    if fmt == "pdf" and pdf_theme is not None:
        from brief.render.pdf import render as render_pdf

        return render_pdf(document, pdf_theme)
    data = renderer(fmt).render(document)
    if fmt == "docx" and house_style is not None:
        from brief.render.docx.reference import apply_reference

        data = apply_reference(
            data, house_style.reference, house_style.styles, name=house_style.name
        )
    return data


def write_document(
    document: Document,
    fmt: str,
    path: Path,
    *,
    house_style: HouseStyle | None = None,
    pdf_theme: PdfTheme | None = None,
) -> Path:
    """Render and write atomically: on failure an earlier file at `path` stays as it was."""
    data = render_bytes(document, fmt, house_style=house_style, pdf_theme=pdf_theme)
    atomic_write_bytes(Path(path), data)
    return Path(path)


def workspace_pdf_theme(corpus: Corpus) -> PdfTheme | None:
    """The PDF theme of `pdf:` in briefings/_workspace.yaml (page size, margins, fonts,
    colours, logo), checked when the corpus loaded; None when it sets none."""
    from brief.pdf_theme import pdf_theme

    return pdf_theme(corpus)


@dataclass(frozen=True)
class HouseStyle:
    """An organisation's Word template (see `brief.render.docx.reference`): its styles,
    page size and margins, header and footer; `styles` maps brief's style names to its."""

    reference: bytes
    styles: Mapping[str, str] = field(default_factory=dict)
    name: str = "--reference-docx"

    @classmethod
    def of(cls, corpus: Corpus) -> HouseStyle | None:
        """The workspace's house style (`docx:` in briefings/_workspace.yaml), if it has one.

        The reference must lie under briefings/: an input like the templates, so a pack
        renders again when it changes."""
        settings = corpus.settings.docx
        if settings.reference is None:
            return None
        where = "briefings/_workspace.yaml"
        folder = (corpus.root / "briefings").resolve()
        path = (folder / settings.reference).resolve()
        if not path.is_relative_to(folder):
            message = f"{settings.reference!r} is outside briefings/"
            raise InvalidInput(Problem(where, field="docx.reference", message=message))
        try:
            data = path.read_bytes()
        except OSError as err:
            message = f"cannot read briefings/{settings.reference}: {err.strerror or err}"
            raise InvalidInput(Problem(where, field="docx.reference", message=message)) from None
        return cls(data, dict(settings.styles), f"{where}: docx.reference")

    @classmethod
    def read(cls, path: Path | str, styles: Mapping[str, str] | None = None) -> HouseStyle:
        try:
            data = Path(path).read_bytes()
        except OSError as err:
            message = f"cannot read {path}: {err.strerror or err}"
            raise InvalidInput(Problem("--reference-docx", message=message)) from None
        return cls(data, dict(styles or {}), str(path))


def render(
    subject: str,
    formats: Iterable[str] = ("pdf",),
    *,
    workspace: Workspace = None,
    as_of: dt.date | None = None,
    since: dt.date | None = None,
    marking: str | None = None,
    out: Path | str | None = None,
    reference_docx: Path | str | None = None,
    profile: str = "full",
) -> list[Path]:
    """Render the brief of `subject` in each format into `out` (default: `output/` in the
    workspace), as `<subject-id>_<as-of>.<ext>` (the note, `profile="note"`:
    `<subject-id>_<as-of>_note.<ext>`); return the files written. The Word file
    takes the house style of `reference_docx` if given, else the workspace's (`docx:` in
    briefings/_workspace.yaml), whose style names mapping applies to either."""
    from brief.output import output_name

    formats = check_formats(formats)
    root = find_workspace(workspace)
    folder = writable_folder(Path(out), "--out") if out is not None else root / "output"
    corpus = load(root)
    if reference_docx is not None:
        style: HouseStyle | None = HouseStyle.read(reference_docx, corpus.settings.docx.styles)
    else:
        style = HouseStyle.of(corpus) if "docx" in formats else None
    theme = workspace_pdf_theme(corpus) if "pdf" in formats else None
    document = build_document(
        corpus, subject, as_of=as_of, since=since, marking=marking, profile=profile
    )
    return [
        write_document(
            document,
            fmt,
            folder / output_name(document.meta, fmt),
            house_style=style,
            pdf_theme=theme,
        )
        for fmt in formats
    ]


def watch(
    subject: str,
    formats: Iterable[str] = ("pdf",),
    on_result: Callable[[list[Path] | BriefError], None] | None = None,
    *,
    workspace: Workspace = None,
    as_of: dt.date | None = None,
    since: dt.date | None = None,
    marking: str | None = None,
    out: Path | str | None = None,
    reference_docx: Path | str | None = None,
    profile: str = "full",
    interval: float = 0.5,
    renders: int | None = None,
) -> int:
    """`render`, then render again whenever a file in `briefings/` or `seeds/` changes
    (templates, briefings, corpus), until `renders` renders (None: until interrupted).
    Each outcome goes to `on_result`: the files written, or the error (located, as
    `render` raises it), after which the loop waits for the next change."""
    from brief.watch import watch as _watch

    root = find_workspace(workspace)
    formats = check_formats(formats)

    def once() -> list[Path]:
        return render(
            subject, formats, workspace=root, as_of=as_of, since=since, marking=marking, out=out,
            reference_docx=reference_docx, profile=profile,
        )  # fmt: skip

    return _watch(
        root, once, on_result or (lambda _result: None), interval=interval, renders=renders
    )


def brief_document(
    subject: str,
    *,
    workspace: Workspace = None,
    as_of: dt.date | None = None,
    since: dt.date | None = None,
    marking: str | None = None,
    profile: str = "full",
) -> Document:
    """Load the workspace and assemble the brief of `subject`: `render_bytes` prints it."""
    corpus = load(find_workspace(workspace))
    return build_document(
        corpus, subject, as_of=as_of, since=since, marking=marking, profile=profile
    )


EXPORTS = ("json", "csl-json", "stix")
"""`json`: the assembled brief (sections, items, sources, notes; schema
`schemas/export.schema.json`); `csl-json`: its sources, as Zotero and Pandoc's
citeproc read them; `stix`: a STIX 2.1 bundle (report, identities, notes)."""


def export_bytes(
    subject: str,
    to: str = "json",
    *,
    workspace: Workspace = None,
    as_of: dt.date | None = None,
    since: dt.date | None = None,
    marking: str | None = None,
) -> bytes:
    """The brief of `subject` exported `to` one of `EXPORTS`. Same inputs, same bytes."""
    return _export(subject, to, workspace, as_of, since, marking)[0]


def export(
    subject: str,
    to: str = "json",
    *,
    workspace: Workspace = None,
    as_of: dt.date | None = None,
    since: dt.date | None = None,
    marking: str | None = None,
    out: Path | str | None = None,
) -> Path:
    """Write the export into `out` (default `output/` in the workspace) as
    `<subject-id>_<as-of>.json` (`.csl.json`, `.stix.json`); return the file."""
    root = find_workspace(workspace)
    folder = writable_folder(Path(out), "--out") if out is not None else root / "output"
    data, name = _export(subject, to, root, as_of, since, marking)
    atomic_write_bytes(folder / name, data)
    return folder / name


def _export(
    subject: str,
    to: str,
    workspace: Workspace,
    as_of: dt.date | None,
    since: dt.date | None,
    marking: str | None,
) -> tuple[bytes, str]:
    from brief.export import export_bytes as _bytes

    corpus = load(find_workspace(workspace))
    return _bytes(corpus, subject, to, as_of=as_of, since=since, marking=marking)


def writable_folder(folder: Path, option: str | None = None) -> Path:
    """`folder`, created if need be; else a problem naming the option that chose it."""
    why = None
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        why = f"cannot create the folder {folder}: {err.strerror or err}"
        if os.path.lexists(folder) and not folder.is_dir():
            why = f"{folder} exists and is not a folder (a file, or a broken or looping symlink)"
    else:
        if not os.access(folder, os.W_OK):
            why = f"cannot write in the folder {folder}: permission denied"
    if why:
        raise InvalidInput(Problem(file=option or str(folder), message=why))
    return folder


def check_templates(workspace: Workspace = None) -> CheckResult:
    """Render every section template against every briefing; `InvalidInput` lists
    every problem, else the counts of templates and briefings checked."""
    from brief.assemble.check import check_templates as _check

    result = _check(load(find_workspace(workspace)))
    if result.problems:
        raise InvalidInput(result.problems)
    return result


# ----------------------------------------------------------------------- pack


def pack(
    workspace: Workspace = None,
    *,
    week: str | None = None,
    as_of: dt.date | None = None,
    formats: Sequence[str] = ("pdf", "docx"),
    jobs: int = 1,
    out: Path | str | None = None,
    progress: PlainProgress | None = None,
    shard: str | None = None,
) -> PackResult:
    """Render every briefing for one ISO week into `<out>/<week>/` (default
    `output/packs`). Failed briefs are in the result's `failures`
    (`result.failure_error()` is the error to raise), the others are written.
    `shard="K/N"`: only the K-th of N shares, into `<out>/<week>.shard-K-of-N/`
    (then `merge_shards`)."""
    from brief.pack import PackOptions, build_pack
    from brief.pack.shard import parse_shard

    root = find_workspace(workspace)
    if out is not None:
        writable_folder(Path(out), "--out")
    options = PackOptions(
        root=root,
        week=week,
        as_of=as_of,
        formats=check_formats(formats),
        jobs=jobs,
        out=Path(out) if out is not None else None,
        shard=parse_shard(shard) if shard is not None else None,
    )
    return build_pack(options, progress)


def merge_shards(
    shard_folders: Sequence[Path | str],
    *,
    workspace: Workspace = None,
    out: Path | str | None = None,
    progress: PlainProgress | None = None,
) -> PackResult:
    """The week's pack from the folders of `pack(shard="K/N")` runs, byte-identical to
    one `pack` of that week (but timings.json), into `<out>/<week>/`. Raises
    InvalidInput naming every missing, doubled or mismatched shard."""
    from brief.pack import merge_shards as merge

    root = find_workspace(workspace)
    if out is not None:
        writable_folder(Path(out), "--out")
    folders = [Path(f) for f in shard_folders]
    return merge(root, folders, Path(out) if out is not None else None, progress)


def pack_plan(
    workspace: Workspace = None,
    *,
    shards: int = 2,
    week: str | None = None,
    as_of: dt.date | None = None,
    out: Path | str | None = None,
) -> dict[str, Any]:
    """The week and which briefings each of `shards` shards would render (as JSON data)."""
    from brief.pack import PackOptions
    from brief.pack.sharded import plan

    options = PackOptions(
        root=find_workspace(workspace),
        week=week,
        as_of=as_of,
        out=Path(out) if out is not None else None,
    )
    return plan(options, shards)


# --------------------------------------------------------------------- ingest


def add_source(
    path: Path | str,
    *,
    workspace: Workspace = None,
    metadata: dict[str, str | None] | None = None,
    prompt: Callable[[str], str] | None = None,
    accessed: dt.date | None = None,
) -> Added:
    """Add a saved web page, PDF, .txt or .md file as a source: text stored untouched and
    hashed, language detected, boilerplate marked. `metadata` (title, outlet, author,
    url, published, kind, reliability, reliability_note) overrides what the file says;
    what is still missing is asked with `prompt`, or without one is an `InvalidInput`."""
    from brief.extras import require

    require("ingest", "brief sources add")
    from brief.ingest.add import add_source as _add

    return _add(
        find_workspace(workspace), Path(path), overrides=metadata, prompt=prompt, accessed=accessed
    )


def extract(
    source_id: str, *, workspace: Workspace = None, force: bool = False
) -> tuple[Path, DraftFile]:
    """Write the draft of a source's extracts for review (`seeds/drafts/<id>.yaml`);
    a draft under review is replaced only with `force`."""
    from brief.ingest.draft import write_draft

    return write_draft(find_workspace(workspace), source_id, force=force)


def accept(source_id: str, *, workspace: Workspace = None) -> Accepted:
    """Move the draft's `accept: true` items into the corpus, checked as `validate` checks;
    on any problem nothing is written."""
    from brief.ingest.accept import accept_draft

    return accept_draft(find_workspace(workspace), source_id)


def score(
    workspace: Workspace = None,
    echo: Callable[[str], None] | None = None,
    *,
    gold_folders: list[Path] | None = None,
    polnear: Path | None = None,
    splits: tuple[str, ...] = ("dev",),
) -> dict[str, Any]:
    """Score the extractor on the curated corpus, any `gold_folders` and the PolNeAR
    `splits` (default folder: ../shared/datasets/polnear beside the workspace); the
    report's lines go to `echo`. Returns the totals by gold standard."""
    from brief.ingest.polnear import default_folder
    from brief.ingest.score import print_scores

    root = find_workspace(workspace)
    return print_scores(
        root,
        echo or (lambda _line: None),
        gold_folders=gold_folders,
        polnear=polnear or default_folder(root),
        splits=splits,
    )
