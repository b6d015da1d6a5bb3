"""`brief SUBJECT [OPTIONS]`, the everyday command, read without typer.

typer 0.29 builds a pydantic TypeAdapter for each parameter of the command it
runs (13 for `brief render`): ~0.11 G instructions, 4 % of a cold `brief norland
--format pdf`. `render_args` reads only the plain spellings of `brief render`'s
common options and returns None for anything else: help, other commands,
`--json`, `--debug`, `--watch`, a value that is not plainly valid, an option
given twice, shell completion. typer then parses the command line as before,
with its own messages and exit codes. tests/test_cli_fast.py checks that both
parse every command line `render_args` accepts to the same call of `api.render`.
"""

from __future__ import annotations

import os
from collections.abc import Collection

# Option spellings -> the name of `brief.cli.render`'s parameter.
_VALUED = {
    "--format": "fmt",
    "-f": "fmt",
    "--as-of": "as_of",
    "--since": "since",
    "--out": "out",
    "-o": "out",
    "--marking": "marking",
    "--profile": "profile",
    "--workspace": "workspace",
    "-w": "workspace",
}
_FLAGS = {"--quiet": "quiet", "-q": "quiet"}
_CHOICES = {"fmt": ("pdf", "docx", "md", "all"), "profile": ("full", "note")}

# typer reads these: completion (`_BRIEF_COMPLETE`) and `--workspace`'s default.
_TYPER_ENV = ("_BRIEF_COMPLETE", "BRIEF_WORKSPACE")


def render_args(args: list[str], commands: Collection[str]) -> dict[str, str | bool] | None:
    """`brief SUBJECT OPTIONS...` as `{"subject": ..., parameter: raw value}`, or None
    where typer must parse `args`. `commands` are the names that are not subjects."""
    if not args or any(name in os.environ for name in _TYPER_ENV):
        return None
    subject, *rest = args
    if not subject or subject.startswith("-") or subject in commands:
        return None
    found: dict[str, str | bool] = {"subject": subject}
    i = 0
    while i < len(rest):
        arg = rest[i]
        i += 1
        name, sep, value = arg.partition("=") if arg.startswith("--") else (arg, "", "")
        if name in _FLAGS and not sep:
            key: str = _FLAGS[name]
            parsed: str | bool = True
        elif name in _VALUED:
            if not sep:
                if i == len(rest):
                    return None
                value, i = rest[i], i + 1
            key, parsed = _VALUED[name], value
            # An empty value, or one like an option, is typer's to judge (or to refuse).
            if not value or value.startswith("-") or value not in _CHOICES.get(key, (value,)):
                return None
        else:
            return None
        if key in found:
            return None
        found[key] = parsed
    return found
