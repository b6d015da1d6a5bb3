"""The `brief` command: a thin typer layer over `brief.api`.

Heavy libraries (reportlab, python-docx, pydantic models) are imported inside
the commands, so `brief --help` starts fast.
"""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path
from typing import Annotated, NoReturn

import typer

from brief import __version__
from brief.errors import InvalidInput, Problem

app = typer.Typer(
    name="brief",
    help="Structured briefing documents (PDF, Word, Markdown) from a curated corpus.",
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
)

WorkspaceOption = Annotated[
    Path | None,
    typer.Option(
        "--workspace",
        "-w",
        envvar="BRIEF_WORKSPACE",
        help="Folder holding briefings/ and seeds/ (default: found from the current folder).",
    ),
]
DebugOption = Annotated[bool, typer.Option("--debug", help="Show tracebacks on errors.")]


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


def _workspace(workspace: Path | None) -> Path:
    return workspace if workspace is not None else Path.cwd()


def _fail(problems: list[Problem], debug: bool, error: Exception) -> NoReturn:
    if debug:
        raise error
    for problem in problems:
        typer.echo(str(problem), err=True)
    typer.echo(f"{len(problems)} problem{'s' if len(problems) != 1 else ''} found", err=True)
    raise typer.Exit(2)


@app.command()
def validate(
    workspace: WorkspaceOption = None,
    as_json: Annotated[
        bool, typer.Option("--json", help="Print a machine-readable report on stdout.")
    ] = False,
    debug: DebugOption = False,
) -> None:
    """Check the corpus: schema, ids, references, dates, ICD 203 terms, quotes against sources.

    Lists every problem as file:line:column: field: message, exit code 2;
    prints the counts of records and exit code 0 when all is well.
    """
    from brief import api

    try:
        counts = api.validate(_workspace(workspace))
    except InvalidInput as error:
        if as_json and not debug:
            typer.echo(json.dumps(_json_report({}, error.problems), indent=2, ensure_ascii=False))
            raise typer.Exit(2) from None
        _fail(error.problems, debug, error)
    if as_json:
        typer.echo(json.dumps(_json_report(counts, []), indent=2, ensure_ascii=False))
    else:
        typer.echo("valid: " + ", ".join(f"{n} {kind}" for kind, n in counts.items()))


def _json_report(counts: dict[str, int], problems: list[Problem]) -> dict:
    return {
        "valid": not problems,
        "counts": counts,
        "problems": [{**asdict(problem), "text": str(problem)} for problem in problems],
    }


@app.command()
def schema(
    workspace: WorkspaceOption = None,
    check: Annotated[
        bool, typer.Option("--check", help="Only check that schemas/ is current (exit 2 if not).")
    ] = False,
    debug: DebugOption = False,
) -> None:
    """Write the JSON Schema of every YAML file kind into schemas/, for editors."""
    from brief import api

    changed = api.write_schemas(_workspace(workspace), check=check)
    if check and changed:
        problems = [
            Problem(file=str(path), message="stale: run `brief schema` to update it")
            for path in changed
        ]
        _fail(problems, debug, InvalidInput(problems))
    verb = "stale" if check else "written"
    typer.echo(f"{len(changed)} schema file(s) {verb}" if changed else "schemas are current")


def main() -> None:
    app()


if __name__ == "__main__":
    main()
