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


# ------------------------------------------------------------ ingest (issue 7)

sources_app = typer.Typer(help="Add and list sources.", no_args_is_help=True)
app.add_typer(sources_app, name="sources")


def _ingest_root(workspace: Path | None) -> Path:
    try:
        from brief.workspace import find_workspace
    except ImportError:  # until the workspace finder lands
        return (workspace or Path.cwd()).resolve()
    return find_workspace(workspace)


def _ingest_fail(error: Exception) -> typer.Exit:
    from brief.errors import BriefError

    if not isinstance(error, BriefError):
        raise error
    for line in str(error).splitlines():
        typer.echo(f"error: {line}", err=True)
    return typer.Exit(error.exit_code)


def _interactive() -> bool:
    import os
    import sys

    ci = os.environ.get("CI", "").strip().lower() in {"1", "true", "yes"}
    return sys.stdin.isatty() and not ci


@sources_app.command("add")
def sources_add(
    path: Annotated[Path, typer.Argument(help="Saved web page (.html), .txt or .md file.")],
    url: Annotated[str | None, typer.Option(help="Where it was published.")] = None,
    outlet: Annotated[str | None, typer.Option(help="Publisher or outlet.")] = None,
    title: Annotated[str | None, typer.Option(help="Title.")] = None,
    author: Annotated[str | None, typer.Option(help="Author.")] = None,
    date: Annotated[str | None, typer.Option(help="Publication date, YYYY-MM-DD.")] = None,
    kind: Annotated[
        str | None,
        typer.Option(help="official_release, news_report, interview or commentary."),
    ] = None,
    grade: Annotated[str | None, typer.Option(help="Reliability grade A-F.")] = None,
    grade_note: Annotated[str | None, typer.Option(help="Why this grade, one line.")] = None,
    accessed: Annotated[str | None, typer.Option(help="Date accessed (default today).")] = None,
    workspace: WorkspaceOption = None,
) -> None:
    """Add a source: store its text untouched, hash it, detect language, mark boilerplate."""
    import datetime as dt

    from brief.errors import BriefError, InvalidInput
    from brief.ingest.add import add_source

    try:
        when = dt.date.fromisoformat(accessed) if accessed else None
    except ValueError:
        raise _ingest_fail(InvalidInput(f"--accessed: '{accessed}' is not YYYY-MM-DD")) from None
    overrides = {
        "url": url, "outlet": outlet, "title": title, "author": author, "published": date,
        "kind": kind, "reliability": grade, "reliability_note": grade_note,
    }  # fmt: skip
    try:
        added = add_source(
            _ingest_root(workspace),
            path,
            overrides=overrides,
            prompt=(lambda q: typer.prompt(q)) if _interactive() else None,
            accessed=when,
        )
    except BriefError as error:
        raise _ingest_fail(error) from None
    source = added.source
    typer.echo(f"added source {source.id} ({source.language}, sha256 {source.sha256[:12]})")
    typer.echo(f"  {added.source_file}")
    if source.boilerplate:
        typer.echo(f"  {len(source.boilerplate)} boilerplate passage(s) marked")
    typer.echo(f"next: brief extract {source.id}")


@app.command("extract")
def extract_command(
    source_id: Annotated[str | None, typer.Argument(help="Source id.")] = None,
    accept: Annotated[
        bool, typer.Option("--accept", help="Move reviewed `accept: true` items into the corpus.")
    ] = False,
    score: Annotated[
        bool, typer.Option("--score", help="Score the extractor against the gold standards.")
    ] = False,
    workspace: WorkspaceOption = None,
) -> None:
    """Propose draft extracts of a source for review (seeds/drafts/), or accept reviewed ones."""
    from brief.errors import BriefError, InvalidInput

    try:
        if score:
            from brief.ingest.score import print_scores

            print_scores(_ingest_root(workspace), typer.echo)
            return
        if source_id is None:
            raise InvalidInput("give a SOURCE_ID (or --score)")
        if accept:
            from brief.ingest.draft import accept_draft

            done = accept_draft(_ingest_root(workspace), source_id)
            typer.echo(
                f"accepted {done.statements} statement(s), {done.events} event(s), "
                f"{done.actors} new actor(s) into {done.extracts_file}; "
                f"{done.remaining} candidate(s) left in the draft"
            )
            return
        from brief.ingest.draft import write_draft

        path, draft = write_draft(_ingest_root(workspace), source_id)
    except BriefError as error:
        raise _ingest_fail(error) from None
    typer.echo(
        f"draft: {len(draft.statements)} statement(s), {len(draft.events)} event(s), "
        f"{len(draft.new_actors)} new actor(s) -> {path}"
    )
    typer.echo(
        f"review it, set `accept: true` on what to keep, then: brief extract {source_id} --accept"
    )


def main() -> None:
    app()


if __name__ == "__main__":
    main()
