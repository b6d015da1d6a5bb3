"""YAML in and out for the files ingest writes: stable key order, readable Unicode."""

from __future__ import annotations

import datetime as dt
from enum import Enum
from pathlib import Path
from typing import Any

import yaml

from brief.errors import InvalidInput, Problem


class _Dumper(yaml.SafeDumper):
    def ignore_aliases(self, data: Any) -> bool:
        return True  # no &id001 anchors: every value written out in full


def _str(dumper: yaml.SafeDumper, value: str) -> yaml.Node:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _str)


def plain(value: Any) -> Any:
    """Model dump -> YAML-friendly data: enums as values, dates as dates, None dropped."""
    if isinstance(value, dict):
        return {key: plain(item) for key, item in value.items() if item is not None}
    if isinstance(value, list):
        return [plain(item) for item in value]
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, dt.date):
        return value
    return value


def dump(data: Any, schema: str | None = None) -> bytes:
    header = (
        f"# yaml-language-server: $schema=../../schemas/{schema}.schema.json\n" if schema else ""
    )
    body = yaml.dump(
        plain(data),
        Dumper=_Dumper,
        sort_keys=False,
        allow_unicode=True,
        width=100,
        default_flow_style=False,
    )
    return (header + body).encode("utf-8")


def load(path: Path) -> Any:
    try:
        return yaml.load(Path(path).read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
    except FileNotFoundError as exc:
        raise InvalidInput(Problem(file=str(path), message="no such file")) from exc
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise InvalidInput(
            Problem(
                file=str(path),
                line=mark.line + 1 if mark else None,
                column=mark.column + 1 if mark else None,
                message=f"invalid YAML: {getattr(exc, 'problem', exc)}",
            )
        ) from exc
