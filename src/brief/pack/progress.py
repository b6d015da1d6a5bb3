"""Progress of a pack: a rich progress bar on a terminal, plain lines in CI."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, TextIO

from brief.pack.options import brief_files
from brief.pack.worker import Outcome

if TYPE_CHECKING:
    from rich.console import Console
    from rich.progress import TaskID


def _outcome_line(outcome: Outcome) -> str:
    if outcome.error:
        return f"{outcome.stem}: FAILED: {outcome.error}"
    total = sum(outcome.seconds.values())
    return f"{outcome.stem}: rendered {', '.join(outcome.files)} in {total:.1f}s"


class PlainProgress:
    """One line per brief on stderr: readable in CI logs."""

    def __init__(self, stream: TextIO | None = None) -> None:
        self.stream = stream or sys.stderr
        self.total = 0
        self.done = 0

    def start(self, total: int, cached: int) -> None:
        self.total = total
        if cached:
            print(f"{brief_files(cached)} up to date, not re-rendered", file=self.stream)

    def advance(self, outcome: Outcome) -> None:
        self.done += 1
        print(
            f"[brief {self.done}/{self.total}] {_outcome_line(outcome)}",
            file=self.stream,
            flush=True,
        )

    def note(self, text: str) -> None:
        print(text, file=self.stream, flush=True)

    def stop(self) -> None:
        pass


class RichProgress(PlainProgress):
    """A progress bar on stderr, for a person at a terminal."""

    def __init__(self, console: Console | None = None) -> None:
        super().__init__()
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

        self.progress = Progress(
            TextColumn("[bold]pack"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("{task.description}"),
            console=console or Console(stderr=True),
            transient=False,
        )
        self.task: TaskID | None = None

    def start(self, total: int, cached: int) -> None:
        self.progress.start()
        if cached:
            self.progress.console.print(f"{brief_files(cached)} up to date, not re-rendered")
        self.task = self.progress.add_task("", total=total)

    def advance(self, outcome: Outcome) -> None:
        if outcome.error:
            from rich.markup import escape

            # Errors quote user text, which may hold [brackets]: never markup.
            self.progress.console.print(f"[red]{escape(_outcome_line(outcome))}[/red]")
        assert self.task is not None, "advance() before start()"
        self.progress.update(self.task, advance=1, description=outcome.stem)

    def note(self, text: str) -> None:
        self.progress.console.print(text, markup=False)

    def stop(self) -> None:
        self.progress.stop()


def make_progress() -> PlainProgress:
    from brief.env import in_ci

    interactive = sys.stderr.isatty() and not in_ci()
    return RichProgress() if interactive else PlainProgress()
