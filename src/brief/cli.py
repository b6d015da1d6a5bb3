"""The `brief` command: a thin typer layer over `brief.api`.

Heavy libraries (reportlab, python-docx, pydantic models) are imported inside
the commands, so `brief --help` starts fast.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from brief import __version__

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


def main() -> None:
    app()


if __name__ == "__main__":
    main()
