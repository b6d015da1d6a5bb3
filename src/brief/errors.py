"""Errors a user can act on.

Every problem in user input is a `Problem` located at file:line:column and a
dotted field path, so that one run can report all of them, one line each.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    file: str
    line: int | None = None
    column: int | None = None
    field: str | None = None
    message: str = ""

    def sort_key(self) -> tuple[str, int, int, str, str]:
        """File, then position (a problem without one first), then field and message."""
        return (self.file, self.line or 0, self.column or 0, self.field or "", self.message)

    def __lt__(self, other: Problem) -> bool:
        return self.sort_key() < other.sort_key()

    def __str__(self) -> str:
        where = self.file
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        return (
            f"{where}: {self.field}: {self.message}" if self.field else f"{where}: {self.message}"
        )


class BriefError(Exception):
    """An error the CLI reports as one line and exit code 1."""

    exit_code = 1


class InvalidInput(BriefError):
    """User input (data, template, arguments) is invalid: exit code 2.

    Carries every problem found, not just the first.
    """

    exit_code = 2

    def __init__(self, problems: list[Problem] | Problem | str) -> None:
        if isinstance(problems, str):
            problems = [Problem(file="<input>", message=problems)]
        elif isinstance(problems, Problem):
            problems = [problems]
        self.problems: list[Problem] = sorted(problems)
        super().__init__("\n".join(str(p) for p in self.problems))
