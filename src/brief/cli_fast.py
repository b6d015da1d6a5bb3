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
        option = _option(rest, i)
        if option is None or option[0] in found:  # typer's to judge, or given twice
            return None
        key, value, i = option
        found[key] = value
    return found


def _option(args: list[str], i: int) -> tuple[str, str | bool, int] | None:
    """The option at `args[i]`: (parameter, raw value, index of what follows), or None
    when it is not one of the plain spellings with a plainly valid value."""
    arg = args[i]
    name, sep, value = arg.partition("=") if arg.startswith("--") else (arg, "", "")
    if name in _FLAGS and not sep:
        return _FLAGS[name], True, i + 1
    if name not in _VALUED:
        return None
    if not sep:
        if i + 1 == len(args):
            return None
        value = args[i + 1]
    key = _VALUED[name]
    # An empty value, or one like an option, is typer's to judge (or to refuse).
    if not value or value.startswith("-") or value not in _CHOICES.get(key, (value,)):
        return None
    return key, value, i + (1 if sep else 2)
