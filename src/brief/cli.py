"""The `brief` command: a thin typer layer over `brief.api`.

Heavy libraries (reportlab, python-docx, pydantic models, Jinja2) are
imported inside the commands, so `brief --help` starts fast.

Two things happen in `BriefGroup`, for every command alike:
- `brief SUBJECT ...` is routed to `brief render SUBJECT ...` (click cannot
  mix a default positional argument with subcommands);
- errors become one line each on stderr and an exit code: 2 for invalid
  input (data, templates, arguments), 1 for anything else; `--debug` (or
  `BRIEF_DEBUG=1`) shows the traceback instead.
"""

from __future__ import annotations

import datetime as dt
import enum
import json
import os
import sys
from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, TypedDict

import typer
from typer.core import TyperGroup

from brief import __version__
from brief.errors import BriefError, InvalidInput, Problem

if TYPE_CHECKING:
    # typer vendors click (pinned below 0.30): TyperGroup's methods take its Context.
    from typer._click.core import Context as ClickContext

    from brief.corpus import Corpus
    from brief.pack.progress import PlainProgress

# Options of the group itself: anything else in first place is a subject.
_GROUP_ARGS = {"--help", "-h", "--version", "--install-completion", "--show-completion"}


JSON_VERSION = 1
"""`version` of every `--json` output: bumped when a key changes meaning or goes away."""


def _debug_enabled(ctx: ClickContext) -> bool:
    from brief.env import flag

    return bool(ctx.meta.get("brief.debug")) or flag("BRIEF_DEBUG")


def _json_enabled(ctx: ClickContext) -> bool:
    """`--json` is among the command's arguments (set as the root group parses them)."""
    return bool(ctx.meta.get("brief.json"))


def json_document(**fields: Any) -> str:
    """Every `--json` output: an object with the format's `version` first."""
    return json.dumps({"version": JSON_VERSION, **fields}, indent=2, ensure_ascii=False)


def problem_json(problem: Problem) -> dict[str, Any]:
    return {**asdict(problem), "text": str(problem)}


def _problems_of(exc: BaseException) -> list[Problem]:
    if isinstance(exc, InvalidInput):
        return exc.problems
    if isinstance(exc, BriefError):
        return [Problem(file="<brief>", message=line) for line in str(exc).splitlines()]
    detail = str(exc).splitlines()[0] if str(exc) else ""
    return [Problem(file="<brief>", message=f"{type(exc).__name__}: {detail}")]


def _json_error(problems: list[Problem], code: int) -> int:
    """The error as JSON on stdout, for a script that asked for JSON; the same exit code."""
    report = json_document(ok=False, exit_code=code, problems=[problem_json(p) for p in problems])
    typer.echo(report)
    return code


_QUIET = {"on": False}
"""`-q` of the running command: set by its callback, reset as each invocation starts."""

_MAIN = {"on": False}
"""While `main` runs a command: the process is the command's own, so it may end early
(`_end_process`). Reset when `main` returns, so that a test or program that called
`main` once never has its own process ended by a later command."""


def say(text: str) -> None:
    """An informative line (what was written, what to do next): `-q` silences it.
    Data asked for (`--json`, `--out -`, `brief list`) and errors are printed regardless."""
    if not _QUIET["on"]:
        typer.echo(text)


def _report(exc: BaseException) -> int:
    """Print `exc` as one line per problem on stderr; return the exit code."""
    if isinstance(exc, InvalidInput):
        for problem in exc.problems:
            # A bad argument reads like click's own: "error: --out: ...".
            prefix = "error: " if problem.file.startswith("-") else ""
            typer.echo(f"{prefix}{problem}", err=True)
        if len(exc.problems) > 1:
            typer.echo(f"{len(exc.problems)} problems found", err=True)
        return exc.exit_code
    if isinstance(exc, BriefError):
        for line in str(exc).splitlines() or [type(exc).__name__]:
            typer.echo(f"error: {line}", err=True)
        return exc.exit_code
    detail = str(exc).splitlines()[0] if str(exc) else ""
    typer.echo(f"error: {type(exc).__name__}: {detail} (run with --debug for details)", err=True)
    return 1


# typer may vendor click: take its exception classes from where typer's own live.
_CLICK_ERRORS = sys.modules[typer.BadParameter.__module__]
UsageError = _CLICK_ERRORS.UsageError
_HELP_ERROR = getattr(_CLICK_ERRORS, "NoArgsIsHelpError", ())


def _option_name(param: Any) -> str:
    """`--format` for an option (its longest spelling), `SUBJECT` for an argument."""
    opts: list[str] = [o for o in getattr(param, "opts", []) if o.startswith("-")]
    name: str = max(opts, key=len) if opts else param.human_readable_name
    return name


def usage_line(err: Exception) -> str:
    """A click usage error as one line naming the option: `--format: 'xls' is not one of ...`."""
    if isinstance(err, _CLICK_ERRORS.NoSuchOption):
        close = sorted(err.possibilities or [])
        hint = f" (did you mean {' or '.join(close)}?)" if close else ""
        return f"{err.option_name}: no such option{hint}"
    if isinstance(err, _CLICK_ERRORS.MissingParameter) or not isinstance(
        err, _CLICK_ERRORS.BadParameter
    ):
        # _CLICK_ERRORS is found at run time, so mypy cannot narrow `err` to a click error.
        text: str = err.format_message()  # type: ignore[attr-defined]
        return text
    # pydantic-style wording from typer's validation says nothing to a user.
    message = str(err.message).removeprefix("Value error, ").rstrip(".")
    return f"{_option_name(err.param)}: {message}" if err.param is not None else message


def _usage_exit(err: Exception, as_json: bool = False) -> int:
    typer.echo(f"error: {usage_line(err)}", err=True)
    if as_json:
        return _json_error([Problem(file="<arguments>", message=usage_line(err))], 2)
    return 2


class BriefGroup(TyperGroup):
    """The root group: subject routing and the one error handler."""

    def parse_args(self, ctx: ClickContext, args: list[str]) -> list[str]:
        # Known before any option is parsed: a usage error must be JSON too.
        ctx.meta["brief.json"] = "--json" in args
        if args and args[0] not in self.commands and args[0] not in _GROUP_ARGS:
            args = ["render", *args]
        return super().parse_args(ctx, args)

    def make_context(
        self,
        info_name: str | None,
        args: list[str],
        parent: ClickContext | None = None,
        **extra: Any,
    ) -> ClickContext:
        _QUIET["on"] = False
        try:
            return super().make_context(info_name, list(args), parent, **extra)
        except UsageError as err:
            if isinstance(err, _HELP_ERROR):
                raise
            raise typer.Exit(_usage_exit(err, "--json" in args)) from None

    def invoke(self, ctx: ClickContext) -> Any:
        try:
            return super().invoke(ctx)
        except UsageError as err:
            if isinstance(err, _HELP_ERROR):
                raise
            ctx.exit(_usage_exit(err, _json_enabled(ctx)))
        except (typer.Exit, typer.Abort, typer.TyperException):
            raise
        except KeyboardInterrupt:
            from brief import interrupt  # one line, exit 130 (see brief.interrupt)

            interrupt.exit_interrupted()
        except Exception as exc:
            ctx.exit(_failed(exc, _debug_enabled(ctx), _json_enabled(ctx)))


def _failed(exc: Exception, debug: bool, as_json: bool) -> int:
    """Report the error `exc` of a command (inside its `except`); its exit code."""
    if debug:
        # The traceback, then the same one-line report and exit code as without.
        import traceback

        traceback.print_exc()
    code = _report(exc)
    if as_json:
        _json_error(_problems_of(exc), code)
    return code


app = typer.Typer(
    name="brief",
    cls=BriefGroup,
    help=(
        "Structured briefing documents (PDF, Word, Markdown) from a curated corpus.\n\n"
        "brief SUBJECT [OPTIONS] renders the brief of a country or person: it is short "
        "for brief render SUBJECT [OPTIONS]."
    ),
    epilog=(
        "Examples:\n\n"
        "  brief norland --format pdf                # output/norland_<as-of>.pdf\n\n"
        '  brief "Jane Roe" --format all --as-of 2024-09-20\n\n'
        "  brief list\n\n"
        "  brief validate\n\n"
        "  brief pack --week 2024-W38 --formats pdf,docx --jobs 4\n\n"
        "  brief init my-briefs\n\n"
        "Exit codes: 0 success, 2 invalid input (data, templates, arguments), 1 other errors."
    ),
    subcommand_metavar="SUBJECT [OPTIONS] | COMMAND [ARGS]...",
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


# ------------------------------------------------------------ shared options


class _Selection(TypedDict):
    """What a brief covers, as `api.export` and `api.export_bytes` take it."""

    workspace: Path | None
    as_of: dt.date | None
    since: dt.date | None
    marking: str | None


class _RenderOptions(TypedDict, total=False):
    """`brief render`'s options as `api.render` and `api.watch` take them."""

    as_of: dt.date | None
    since: dt.date | None
    marking: str | None
    out: Path | None
    reference_docx: Path
    profile: str


def _set_debug(ctx: typer.Context, _param: typer.CallbackParam, value: bool) -> bool:
    if value:
        ctx.meta["brief.debug"] = True
    return value


def parse_date(value: str | dt.date | None) -> dt.date | None:
    """An ISO date (YYYY-MM-DD) for `--as-of`/`--since`."""
    if value is None or isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date; write it as YYYY-MM-DD") from None


WorkspaceOption = Annotated[
    Path | None,
    typer.Option(
        "--workspace",
        "-w",
        metavar="DIR",
        envvar="BRIEF_WORKSPACE",
        show_envvar=True,
        help="Folder holding briefings/ and seeds/ (default: found from the current folder up).",
    ),
]


def _set_quiet(_ctx: typer.Context, _param: typer.CallbackParam, value: bool) -> bool:
    _QUIET["on"] = _QUIET["on"] or value
    return value


JsonOption = Annotated[
    bool,
    typer.Option(
        "--json",
        help="Print JSON on stdout for scripts, errors included (key `version`: its format).",
    ),
]
QuietOption = Annotated[
    bool,
    typer.Option(
        "--quiet", "-q", callback=_set_quiet, help="Print nothing but errors and data asked for."
    ),
]
DebugOption = Annotated[
    bool,
    typer.Option(
        "--debug", callback=_set_debug, expose_value=True, help="Show tracebacks on errors."
    ),
]
AsOfOption = Annotated[
    dt.date | None,
    typer.Option(
        "--as-of",
        parser=parse_date,
        metavar="DATE",
        help="Information cut-off, YYYY-MM-DD (default: the latest day any extract's "
        "or source's date can mean).",
    ),
]
SinceOption = Annotated[
    dt.date | None,
    typer.Option(
        "--since",
        parser=parse_date,
        metavar="DATE",
        help="Start of the period covered (default: the briefing's window before --as-of).",
    ),
]


def workspace_root(workspace: Path | None) -> Path:
    from brief import api

    return api.find_workspace(workspace)


def load_corpus(workspace: Path | None) -> Corpus:
    """Find the workspace and load it (validating): what most commands start with."""
    from brief import api

    return api.load(workspace_root(workspace))


def shown_path(path: Path) -> str:
    """`path` relative to the current folder when it is inside it."""
    try:
        return str(Path(path).resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"brief {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Print the version."),
    ] = False,
) -> None:
    """Structured briefing documents (PDF, Word, Markdown) from a curated corpus."""


# ------------------------------------------------------------------- render


def _complete_subject(incomplete: str) -> list[tuple[str, str]]:
    """Shell completion of subjects by id, name or any alias: (id, name) pairs."""
    try:
        from brief.assemble.subjects import complete_subjects

        return [(word, s.name) for word, s in complete_subjects(load_corpus(None), incomplete)]
    except Exception:  # completion must never print an error into the shell
        return []


SubjectArgument = Annotated[
    str,
    typer.Argument(
        metavar="SUBJECT",
        autocompletion=lambda incomplete: _complete_subject(incomplete),
        help="Country or person: id, name or alias (norland, Norland, roe, 'Jane Roe').",
    ),
]
MarkingOption = Annotated[
    str | None,
    typer.Option(
        metavar="TEXT",
        help="Marking banner, e.g. UNCLASSIFIED or TLP:CLEAR (default: briefing's).",
    ),
]


def _out_option(what: str) -> Any:
    """`--out DIR` of a command that writes one file there, or `what` to standard output."""
    return typer.Option(
        "--out",
        "-o",
        metavar="DIR",
        help=f"Output folder (default: output/ in the workspace); - : standard output{what}.",
    )


def _is_stdout(out: Path | None) -> bool:
    return out is not None and str(out) == "-"


def _write_stdout(data: bytes) -> None:
    sys.stdout.buffer.write(data)
    sys.stdout.flush()


class Format(enum.StrEnum):
    pdf = "pdf"
    docx = "docx"
    md = "md"
    all = "all"


class Profile(enum.StrEnum):
    full = "full"
    note = "note"


@app.command(
    short_help="Render one brief (brief SUBJECT is short for this).",
    epilog=(
        "Examples:\n\n"
        "  brief norland                            # same as: brief render norland\n\n"
        "  brief Norland --format all --out /tmp/briefs\n\n"
        '  brief "Jane Roe" --format docx --as-of 2024-09-20 --since 2024-08-01\n\n'
        "  brief southland --format md --marking TLP:CLEAR\n\n"
        "  brief norland --profile note             # the two-page note\n\n"
        "Files are named <subject-id>_<as-of>.<ext>, e.g. output/norland_2024-09-22.pdf."
    ),
)
def render(
    subject: SubjectArgument,
    fmt: Annotated[
        Format,
        typer.Option(
            "--format", "-f", metavar="[pdf|docx|md|all]", help="Output format, or all three."
        ),
    ] = Format.pdf,
    as_of: AsOfOption = None,
    since: SinceOption = None,
    out: Annotated[Path | None, _out_option(" (md)")] = None,
    marking: MarkingOption = None,
    reference_docx: Annotated[
        Path | None,
        typer.Option(
            "--reference-docx",
            metavar="FILE",
            help="Word house style: styles, page size, margins, header and footer of this "
            ".docx (as Pandoc's --reference-doc).",
        ),
    ] = None,
    profile: Annotated[
        Profile,
        typer.Option(
            "--profile",
            metavar="[full|note]",
            help="full: every section; note: two pages (summary, key statements, outlook, "
            "sources), written beside the full brief as <subject-id>_<as-of>_note.<ext>.",
        ),
    ] = Profile.full,
    watch: Annotated[
        bool,
        typer.Option(
            "--watch",
            help="Render again on every change of a template, briefing or the corpus; "
            "report mistakes and go on (Ctrl-C ends).",
        ),
    ] = False,
    workspace: WorkspaceOption = None,
    quiet: QuietOption = False,
    debug: DebugOption = False,
) -> None:
    """Render the brief of one country or person (brief SUBJECT is short for this)."""
    from brief import api

    formats = api.FORMATS if fmt is Format.all else (fmt.value,)
    options: _RenderOptions = {"as_of": as_of, "since": since, "marking": marking, "out": out}
    if reference_docx is not None:
        options["reference_docx"] = reference_docx
    if profile is not Profile.full:
        options["profile"] = profile.value
    if watch and not _is_stdout(out):
        _watch(subject, formats, workspace, options)
        return
    if _is_stdout(out):
        if formats != ("md",):
            raise InvalidInput(
                Problem("--out", message="- (standard output) takes --format md only")
            )
        document = api.brief_document(
            subject, workspace=workspace, as_of=as_of, since=since, marking=marking,
            profile=profile.value,
        )  # fmt: skip
        _write_stdout(api.render_bytes(document, "md"))
        return
    try:
        paths = api.render(subject, formats, workspace=workspace, **options)
    except InvalidInput as error:
        raise _with_command_hint(error, subject) from None
    for path in paths:
        say(shown_path(path))


def _watch(
    subject: str, formats: tuple[str, ...], workspace: Path | None, options: _RenderOptions
) -> None:
    from brief import api

    def show(result: list[Path] | BriefError) -> None:
        if isinstance(result, BriefError):
            _report(result)
        else:
            say(", ".join(shown_path(path) for path in result))
        say("watching briefings/ and seeds/ for changes (Ctrl-C to stop)")

    import contextlib
    import signal

    # Ctrl-C is how a watch ends, not an interruption to report: exit 0, quietly.
    if signal.getsignal(signal.SIGINT) is not signal.SIG_IGN:  # nohup: leave it ignored
        signal.signal(signal.SIGINT, signal.default_int_handler)
    with contextlib.suppress(KeyboardInterrupt):
        api.watch(subject, formats, show, workspace=workspace, **options)


def _with_command_hint(error: InvalidInput, word: str) -> InvalidInput:
    """`brief valdate` is a typo of a command more likely than a subject."""
    import difflib

    import typer.main

    commands = list(typer.main.get_command(app).commands)  # type: ignore[attr-defined]
    close = difflib.get_close_matches(word, commands, n=1, cutoff=0.75)
    if not close or len(error.problems) != 1:
        return error
    problem = error.problems[0]
    message = f"{problem.message}; or did you mean the command `brief {close[0]}`?"
    return InvalidInput(Problem(problem.file, problem.line, problem.column, problem.field, message))


# --------------------------------------------------------------------- list


@app.command(
    "list",
    short_help="List who can be briefed (* = has a briefing definition).",
    epilog="Examples:\n\n  brief list\n\n  brief list --json | jq -r '.subjects[].id'",
)
def list_subjects(
    as_json: JsonOption = False,
    workspace: WorkspaceOption = None,
    quiet: QuietOption = False,
    debug: DebugOption = False,
) -> None:
    """List the countries and people that can be briefed (* = has a briefing definition)."""
    from brief import api

    subjects = api.list_subjects(workspace)
    if as_json:
        typer.echo(json_document(subjects=[s.as_json() for s in subjects]))
        return
    width = max((len(s.id) for s in subjects), default=0)
    for s in subjects:
        mark = "*" if s.briefing else " "
        typer.echo(f"{mark} {s.id:<{width}}  {s.kind:<7}  {s.name}")


# ------------------------------------------------------------------- export


class ExportTarget(enum.StrEnum):
    json = "json"
    csl_json = "csl-json"
    stix = "stix"


@app.command(
    short_help="Export a brief as JSON, its sources as CSL-JSON, or a STIX 2.1 bundle.",
    epilog=(
        "Examples:\n\n"
        "  brief export norland                     # output/norland_<as-of>.json\n\n"
        "  brief export norland --to csl-json --out - > norland.csl.json\n\n"
        "  brief export norland --to stix --out /tmp # for OpenCTI or MISP\n\n"
        "json: the assembled brief (sections, items, sources, notes), schema "
        "schemas/export.schema.json; csl-json: the sources, as Zotero and Pandoc "
        "(citeproc) read them; stix: report, identities for actors, a note per statement "
        "with its sources as external references."
    ),
)
def export(
    subject: SubjectArgument,
    to: Annotated[
        ExportTarget, typer.Option("--to", "-t", metavar="[json|csl-json|stix]", help="Format.")
    ] = (ExportTarget.json),
    as_of: AsOfOption = None,
    since: SinceOption = None,
    out: Annotated[Path | None, _out_option("")] = None,
    marking: MarkingOption = None,
    workspace: WorkspaceOption = None,
    quiet: QuietOption = False,
    debug: DebugOption = False,
) -> None:
    """Export the brief of one country or person for other tools (JSON, CSL-JSON, STIX 2.1)."""
    from brief import api

    options: _Selection = {
        "workspace": workspace,
        "as_of": as_of,
        "since": since,
        "marking": marking,
    }
    if _is_stdout(out):
        _write_stdout(api.export_bytes(subject, to.value, **options))
        return
    say(shown_path(api.export(subject, to.value, out=out, **options)))


# --------------------------------------------------------------------- pack


def _quiet_progress(quiet: bool) -> PlainProgress | None:
    """With -q, the pack's progress lines go nowhere (errors still do)."""
    if not quiet:
        return None
    import io

    from brief.pack.progress import PlainProgress

    return PlainProgress(io.StringIO())


pack_app = typer.Typer(no_args_is_help=False)
app.add_typer(pack_app, name="pack", short_help="Render every briefing for one week into a pack.")


@pack_app.callback(
    invoke_without_command=True,
    epilog=(
        "Examples:\n\n"
        "  brief pack --week 2024-W38\n\n"
        "  brief pack --as-of 2024-08-25 --formats pdf,docx,md --jobs 4\n\n"
        "  brief pack --shard 1/2 && brief pack --shard 2/2   # on two machines, then:\n\n"
        "  brief pack merge output/packs/*.shard-*\n\n"
        "Writes output/packs/<week>/: every brief in each format, pack_<week>.pdf (cover, "
        "contents, all briefs), changes.md, manifest.json and timings.json. A second run "
        "with unchanged inputs re-renders nothing. With --shard K/N only the K-th of N "
        "shares of the briefings, into output/packs/<week>.shard-K-of-N/."
    ),
)
def pack(
    ctx: typer.Context,
    week: Annotated[
        str | None,
        typer.Option(
            metavar="YYYY-Www",
            help="ISO week, e.g. 2024-W38; as-of is its Sunday (default: the default as-of week).",
        ),
    ] = None,
    as_of: AsOfOption = None,
    formats: Annotated[
        str,
        typer.Option(
            metavar="FORMATS", help="Comma-separated formats of the single briefs: pdf,docx,md."
        ),
    ] = "pdf,docx",
    jobs: Annotated[
        int,
        typer.Option(
            "--jobs", "-j", min=1, metavar="N", help="Parallel processes (same bytes as 1)."
        ),
    ] = 1,
    out: Annotated[
        Path | None,
        typer.Option(
            "--out",
            "-o",
            metavar="DIR",
            help="Packs folder (default: output/packs in the workspace).",
        ),
    ] = None,
    shard: Annotated[
        str | None,
        typer.Option(
            metavar="K/N",
            help="Render only the K-th of N shares of the briefings (merge with pack merge).",
        ),
    ] = None,
    workspace: WorkspaceOption = None,
    quiet: QuietOption = False,
    debug: DebugOption = False,
) -> None:
    """Render every briefing in briefings/ for one week into a pack."""
    from brief import api
    from brief.pack import parse_formats

    if ctx.invoked_subcommand is not None:
        return
    result = api.pack(
        workspace,
        week=week,
        as_of=as_of,
        formats=parse_formats(formats),
        jobs=jobs,
        out=out,
        progress=_quiet_progress(quiet),
        shard=shard,
    )
    say(result.summary_line(shown_path(result.folder)))
    if result.failures:
        raise result.failure_error()
    _end_process()


def _end_process() -> None:
    """A command run by `main` is done (written, reported): end the process now.
    Python's own ending frees the loaded corpus object by object (~0.5 s of CPU
    after a large pack, with nothing left to run beside it). Never in a caller's
    process (tests, `api` users): only when `main` started the command."""
    if not _MAIN["on"]:
        return
    import contextlib
    import logging
    import os

    logging.shutdown()
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError):  # a reader gone: nothing to flush to
            stream.flush()
    os._exit(0)


@pack_app.command(
    "plan",
    epilog=(
        "Example:\n\n  brief pack plan --shards 4\n\n"
        "Prints which briefings each of N shards would render (longest expected first, "
        "each to the least loaded shard, by the last pack's timings.json when there is one)."
    ),
)
def pack_plan(
    shards: Annotated[int, typer.Option("--shards", "-n", min=1, help="Number of shards.")] = 2,
    week: Annotated[
        str | None, typer.Option(metavar="YYYY-Www", help="ISO week (default: newest extract's).")
    ] = None,
    as_of: AsOfOption = None,
    out: Annotated[
        Path | None,
        typer.Option("--out", "-o", help="Packs folder (default: output/packs in the workspace)."),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
    workspace: WorkspaceOption = None,
    debug: DebugOption = False,
) -> None:
    """Show the week and how its briefings would be split into shards."""
    from brief import api
    from brief.pack.sharded import plan_lines

    data = api.pack_plan(workspace, shards=shards, week=week, as_of=as_of, out=out)
    typer.echo(json.dumps(data, indent=2) if as_json else "\n".join(plan_lines(data)))


@pack_app.command(
    "merge",
    epilog=(
        'Example:\n\n  brief pack merge shards/* --summary "$GITHUB_STEP_SUMMARY"\n\n'
        "Checks that the shards agree (week, formats, inputs, brief version) and that "
        "every briefing is in exactly one of them, then writes <out>/<week>/ byte for byte "
        "as one machine's brief pack would (but timings.json). Exit code 2 naming any "
        "missing, doubled or mismatched shard."
    ),
)
def pack_merge(
    shards: Annotated[
        list[Path], typer.Argument(metavar="SHARD_DIR", help="Folders of --shard runs.")
    ],
    out: Annotated[
        Path | None,
        typer.Option("--out", "-o", help="Packs folder (default: output/packs in the workspace)."),
    ] = None,
    summary: Annotated[
        Path | None,
        typer.Option(metavar="FILE", help="Append a Markdown summary (e.g. $GITHUB_STEP_SUMMARY)."),
    ] = None,
    workspace: WorkspaceOption = None,
    quiet: QuietOption = False,
    debug: DebugOption = False,
) -> None:
    """Merge the shards of `brief pack --shard K/N` into the whole pack."""
    from brief import api
    from brief.pack.sharded import merge_line, step_summary

    result = api.merge_shards(shards, workspace=workspace, out=out, progress=_quiet_progress(quiet))
    line = merge_line(result, len(shards), shown_path(result.folder))
    say(line)
    if summary is not None:
        with summary.open("a", encoding="utf-8") as handle:
            handle.write(step_summary(result, line))
    if result.failures:
        raise result.failure_error()


# --------------------------------------------------------------------- init


@app.command(
    short_help="Create a minimal workspace to start from.",
    epilog=(
        "Example:\n\n  brief init my-briefs\n\n"
        "  cd my-briefs && brief validate && brief mircea-geoana"
    ),
)
def init(
    directory: Annotated[
        Path, typer.Argument(metavar="DIR", help="Folder to create (must be empty or new).")
    ],
    quiet: QuietOption = False,
    debug: DebugOption = False,
) -> None:
    """Create a minimal workspace: one source, actor, extract, briefing, default templates."""
    from brief import api

    created = api.init(directory)
    say(f"created a brief workspace in {shown_path(created)}")
    say("next: cd into it, then `brief validate` and `brief mircea-geoana --format md`")


# ----------------------------------------------------------- validate, schema


@app.command(
    short_help="Check the whole corpus: every problem, one line each.",
    epilog=(
        "Examples:\n\n  brief validate\n\n  brief validate --json | jq '.problems[].text'\n\n"
        "Exit code 2 when anything is invalid, one line per problem."
    ),
)
def validate(
    workspace: WorkspaceOption = None,
    as_json: JsonOption = False,
    quiet: QuietOption = False,
    debug: DebugOption = False,
) -> None:
    """Check the corpus: schema, ids, references, dates, ICD 203 terms, quotes against sources.

    Lists every problem as file:line:column: field: message, exit code 2;
    prints the counts of records and exit code 0 when all is well.
    """
    from brief import api

    try:
        counts = api.validate(workspace_root(workspace))
    except InvalidInput as error:
        if not as_json or debug:
            raise
        typer.echo(json_document(**_json_report({}, error.problems)))
        raise typer.Exit(2) from None
    except BriefError as error:
        # No workspace found, or one that cannot be read: a script reading
        # stdout still gets JSON, and the exit code of invalid input.
        if not as_json or debug:
            raise
        problem = Problem(file=str(workspace or Path.cwd()), message=str(error))
        typer.echo(json_document(**_json_report({}, [problem])))
        raise typer.Exit(2) from None
    if as_json:
        typer.echo(json_document(**_json_report(counts, [])))
    else:
        say("valid: " + ", ".join(f"{n} {kind}" for kind, n in counts.items()))


def _json_report(counts: dict[str, int], problems: list[Problem]) -> dict[str, Any]:
    return {
        "valid": not problems,
        "counts": counts,
        "problems": [problem_json(problem) for problem in problems],
    }


@app.command(
    short_help="Write the JSON Schemas of the YAML files into schemas/.",
    epilog="Examples:\n\n  brief schema\n\n  brief schema --check   # in CI",
)
def schema(
    workspace: WorkspaceOption = None,
    check: Annotated[
        bool, typer.Option("--check", help="Only check that schemas/ is current (exit 2 if not).")
    ] = False,
    quiet: QuietOption = False,
    debug: DebugOption = False,
) -> None:
    """Write the JSON Schema of every YAML file kind into schemas/, for editors."""
    from brief import api

    changed = api.write_schemas(workspace_root(workspace), check=check)
    if check and changed:
        problems = [
            Problem(file=str(path), message="stale: run `brief schema` to update it")
            for path in changed
        ]
        raise InvalidInput(problems)
    verb = "stale" if check else "written"
    say(f"{len(changed)} schema file(s) {verb}" if changed else "schemas are current")


# ------------------------------------------------------------ ingest (issue 7)

SourceKindChoice = enum.StrEnum(  # type: ignore[misc]
    "SourceKindChoice",
    {k: k for k in ("official_release", "news_report", "interview", "commentary")},
)
"""The source kinds of `brief.corpus.models.SourceKind` (a test keeps them equal), without
importing the models when the command line is parsed."""


def _parse_grade(value: str | None) -> str | None:
    if value is None:
        return None
    from brief.grades import parse_reliability

    try:
        return parse_reliability(value)
    except ValueError as err:
        raise typer.BadParameter(str(err)) from None


def _complete_grade(incomplete: str) -> list[tuple[str, str]]:
    from brief.grades import reliability_choices

    return [(k, v) for k, v in reliability_choices() if k.startswith(incomplete.upper())]


sources_app = typer.Typer(
    help="Add sources to the corpus.",
    no_args_is_help=True,
    epilog="Example:\n\n  brief sources add saved-page.html --grade B --kind news_report",
)
app.add_typer(sources_app, name="sources")


def _interactive() -> bool:
    import sys

    ci = os.environ.get("CI", "").strip().lower() in {"1", "true", "yes"}
    return sys.stdin.isatty() and not ci


@sources_app.command(
    "add",
    epilog=(
        "Examples:\n\n  brief sources add ~/Downloads/article.html\n\n"
        "  brief sources add notes.txt --title 'Interview' --outlet N1 --date 2024-08-22 "
        "--kind interview --grade C --grade-note 'Regional broadcaster'"
    ),
)
def sources_add(
    path: Annotated[
        Path, typer.Argument(metavar="PATH", help="Saved web page (.html), PDF, .txt or .md file.")
    ],
    url: Annotated[str | None, typer.Option(metavar="URL", help="Where it was published.")] = None,
    outlet: Annotated[str | None, typer.Option(metavar="TEXT", help="Publisher or outlet.")] = None,
    title: Annotated[str | None, typer.Option(metavar="TEXT", help="Title.")] = None,
    author: Annotated[str | None, typer.Option(metavar="TEXT", help="Author.")] = None,
    date: Annotated[
        str | None, typer.Option(metavar="DATE", help="Publication date, YYYY-MM-DD.")
    ] = None,
    kind: Annotated[
        SourceKindChoice | None,
        typer.Option(
            metavar="[official_release|news_report|interview|commentary]", help="Kind of source."
        ),
    ] = None,
    grade: Annotated[
        str | None,
        typer.Option(
            parser=_parse_grade,
            metavar="[A|B|C|D|E|F]",
            autocompletion=lambda incomplete: _complete_grade(incomplete),
            help="The source's reliability (Admiralty): A completely reliable, B usually, "
            "C fairly, D not usually reliable, E unreliable, F cannot be judged. The "
            "credibility digit (C3) goes on each extract, in the draft.",
        ),
    ] = None,
    grade_note: Annotated[
        str | None, typer.Option(metavar="TEXT", help="Why this grade, one line.")
    ] = None,
    accessed: Annotated[
        dt.date | None,
        typer.Option(parser=parse_date, metavar="DATE", help="Date accessed (default today)."),
    ] = None,
    workspace: WorkspaceOption = None,
    quiet: QuietOption = False,
    debug: DebugOption = False,
) -> None:
    """Add a source: store its text untouched, hash it, detect language, mark boilerplate.

    Missing required metadata is asked for on a terminal; with CI=true or no
    terminal it is an error naming the options to give.
    """
    from brief import api

    overrides = {
        "url": url, "outlet": outlet, "title": title, "author": author, "published": date,
        "kind": kind.value if kind else None, "reliability": grade,
        "reliability_note": grade_note,
    }  # fmt: skip
    added = api.add_source(
        path,
        workspace=workspace,
        metadata=overrides,
        prompt=(lambda question: typer.prompt(question)) if _interactive() else None,
        accessed=accessed,
    )
    source = added.source
    say(f"added source {source.id} ({source.language}, sha256 {source.sha256[:12]})")
    say(f"  {shown_path(added.source_file)}")
    if source.boilerplate:
        say(f"  {len(source.boilerplate)} boilerplate passage(s) marked")
    say(f"next: brief extract {source.id}")


@app.command(
    "extract",
    short_help="Draft a source's extracts for review, or accept them.",
    epilog=(
        "Examples:\n\n  brief extract <source-id>              # writes a draft to review\n\n"
        "  brief extract <source-id> --accept\n\n  brief extract --score"
    ),
)
def extract_command(
    source_id: Annotated[str | None, typer.Argument(metavar="SOURCE_ID", help="Source id.")] = None,
    accept: Annotated[
        bool, typer.Option("--accept", help="Move reviewed `accept: true` items into the corpus.")
    ] = False,
    score: Annotated[
        bool, typer.Option("--score", help="Score the extractor against its gold standards.")
    ] = False,
    force: Annotated[
        bool, typer.Option("--force", help="Replace a draft under review (its edits are lost).")
    ] = False,
    gold: Annotated[
        list[Path] | None,
        typer.Option(
            "--gold", metavar="DIR", help="With --score: a folder of .txt + .gold.yaml articles."
        ),
    ] = None,
    polnear: Annotated[
        Path | None,
        typer.Option(
            metavar="DIR",
            help="With --score: the PolNeAR folder (default ../shared/datasets/polnear).",
        ),
    ] = None,
    split: Annotated[
        list[str] | None,
        typer.Option(metavar="SPLIT", help="With --score: PolNeAR split(s) (default dev)."),
    ] = None,
    workspace: WorkspaceOption = None,
    quiet: QuietOption = False,
    debug: DebugOption = False,
) -> None:
    """Propose draft extracts of a source for review (seeds/drafts/), or accept reviewed ones."""
    from brief import api

    if score:
        api.score(
            workspace,
            typer.echo,
            gold_folders=gold,
            polnear=polnear,
            splits=tuple(split or ["dev"]),
        )
        return
    if source_id is None:
        raise InvalidInput("give a SOURCE_ID (or --score)")
    if accept:
        done = api.accept(source_id, workspace=workspace)
        say(
            f"accepted {done.statements} statement(s), {done.events} event(s), "
            f"{done.actors} new actor(s) into {shown_path(done.extracts_file)}; "
            f"{done.remaining} candidate(s) left in the draft"
        )
        return
    path, draft = api.extract(source_id, workspace=workspace, force=force)
    say(
        f"draft: {len(draft.statements)} statement(s), {len(draft.events)} event(s), "
        f"{len(draft.new_actors)} new actor(s) -> {shown_path(path)}"
    )
    say(f"review it, set `accept: true` on what to keep, then: brief extract {source_id} --accept")


# ---------------------------------------------------------------- templates

templates_app = typer.Typer(
    help="Section templates in briefings/templates/ (see its README.md).",
    no_args_is_help=True,
    epilog="Example:\n\n  brief templates check",
)
app.add_typer(templates_app, name="templates")


@templates_app.command(
    "check",
    epilog=(
        "Example:\n\n  brief templates check --workspace .\n\nExit code 2 if any template fails."
    ),
)
def templates_check(
    workspace: WorkspaceOption = None, quiet: QuietOption = False, debug: DebugOption = False
) -> None:
    """Render every template against every briefing; report every problem."""
    from brief import api

    result = api.check_templates(workspace)
    say(f"{result.templates} templates rendered against {result.briefings} briefings: no problems")


def _command_names() -> set[str]:
    """The names typer gives `app`'s commands and groups (`brief SUBJECT` takes no other)."""
    names = {c.name or typer.main.get_command_name(c.callback.__name__)  # type: ignore[union-attr]
             for c in app.registered_commands}  # fmt: skip
    return names | {g.name for g in app.registered_groups if g.name}


def _render_plain(args: list[str]) -> int | None:
    """Run `brief SUBJECT OPTIONS...` as typer would, without typer's parsing, if
    `cli_fast.render_args` reads `args` (see there); its exit code. None: typer must."""
    from brief.cli_fast import render_args
    from brief.env import flag

    raw = render_args(args, _command_names())
    if raw is None:
        return None
    text = {k: v for k, v in raw.items() if isinstance(v, str)}
    try:
        as_of, since = parse_date(text.get("as_of")), parse_date(text.get("since"))
    except typer.BadParameter:
        return None  # typer says what is wrong with the date
    quiet = raw.get("quiet") is True
    _QUIET["on"] = quiet
    out, workspace = text.get("out"), text.get("workspace")
    try:
        render(
            text["subject"],
            fmt=Format(text.get("fmt", "pdf")),
            as_of=as_of,
            since=since,
            out=None if out is None else Path(out),
            marking=text.get("marking"),
            profile=Profile(text.get("profile", "full")),
            workspace=None if workspace is None else Path(workspace),
            quiet=quiet,
        )
    except UsageError as err:  # as BriefGroup.invoke and click's main take them
        return _usage_exit(err)
    except typer.Exit as done:
        return done.exit_code
    except typer.Abort:
        typer.echo("Aborted!", err=True)
        return 1
    except Exception as exc:
        return _failed(exc, flag("BRIEF_DEBUG"), as_json=False)
    return 0


def main() -> None:
    from brief import interrupt

    interrupt.install()
    _MAIN["on"] = True
    try:
        code = _render_plain(sys.argv[1:])
        if code is not None:
            sys.exit(code)
        app(prog_name="brief")
    except KeyboardInterrupt:
        interrupt.exit_interrupted()
    finally:
        _MAIN["on"] = False


if __name__ == "__main__":
    main()
