"""Reading YAML safely and fast, and finding where a field is written.

Loading is the hot path (a corpus may hold 100k extracts), so it uses
libyaml (`CSafeLoader`) and keeps no positions. Only when something is
wrong does `Locator` parse the file again into nodes to find the line and
column of the offending field.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Generator, Hashable, Sequence
from dataclasses import dataclass
from typing import Any

import yaml
from yaml.constructor import ConstructorError

from brief.errors import Problem

Loc = Sequence[str | int]


class NotLoaded(Exception):
    """A file could not be read as YAML data; carries the located problem."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(str(problem))
        self.problem = problem


@dataclass(frozen=True)
class Duplicate:
    key: str
    line: int
    column: int
    first_line: int
    first_column: int


class _Loader(yaml.CSafeLoader):
    """libyaml safe loader that records duplicate mapping keys instead of
    silently keeping the last one."""

    def __init__(self, stream: bytes) -> None:
        super().__init__(stream)
        self.duplicates: list[Duplicate] = []

    def construct_yaml_map(self, node: yaml.MappingNode) -> Generator[dict[Any, Any]]:
        data: dict[Any, Any] = {}
        yield data
        self.flatten_mapping(node)
        for key_node, value_node in node.value:
            key = self.construct_object(key_node, deep=False)
            if not isinstance(key, Hashable):
                raise ConstructorError(
                    "while constructing a mapping",
                    node.start_mark,
                    "found an unhashable key",
                    key_node.start_mark,
                )
            data[key] = self.construct_object(value_node, deep=False)
        if len(data) != len(node.value):  # cheap test; the search runs only on a hit
            self._record_duplicates(node)

    def _record_duplicates(self, node: yaml.MappingNode) -> None:
        seen: dict[object, yaml.Node] = {}
        for key_node, _ in node.value:
            # Keys merged in with `<<` sit before the mapping; they may be overridden.
            if key_node.start_mark.index < node.start_mark.index:
                continue
            key = self.construct_object(key_node, deep=True)
            first = seen.get(key)
            if first is None:
                seen[key] = key_node
                continue
            self.duplicates.append(
                Duplicate(
                    key=str(key),
                    line=key_node.start_mark.line + 1,
                    column=key_node.start_mark.column + 1,
                    first_line=first.start_mark.line + 1,
                    first_column=first.start_mark.column + 1,
                )
            )

    def construct_lenient_timestamp(self, node: yaml.ScalarNode) -> datetime.date | str:
        # Its own name, not an override: it may return a string, which PyYAML's
        # construct_yaml_timestamp never does.
        # A scalar shaped like a date but naming none (2024-02-30) stays a
        # string: the model then reports it at its field, with the file's other
        # problems, instead of the whole file failing to load.
        # `!!timestamp foo` does not match at all: PyYAML would crash on it.
        if not self.timestamp_regexp.match(node.value):
            return self.construct_scalar(node)
        try:
            return self.construct_yaml_timestamp(node)
        except (ValueError, OverflowError):
            return self.construct_scalar(node)


_Loader.add_constructor("tag:yaml.org,2002:map", _Loader.construct_yaml_map)
_Loader.add_constructor("tag:yaml.org,2002:timestamp", _Loader.construct_lenient_timestamp)


def _position(text: bytes, byte_offset: int) -> tuple[int, int]:
    """1-based line and column (in characters) of a byte offset."""
    before = text[:byte_offset]
    line = before.count(b"\n") + 1
    line_start = before.rfind(b"\n") + 1
    column = len(before[line_start:].decode("utf-8", errors="replace")) + 1
    return line, column


def _mark_problem(rel: str, raw: bytes, error: yaml.MarkedYAMLError) -> Problem:
    mark = error.problem_mark or error.context_mark
    problem = error.problem or "invalid YAML"
    if isinstance(error, ConstructorError) and "constructor for the tag" in problem:
        tag = problem.split("'")[1] if "'" in problem else "?"
        tag = tag.replace("tag:yaml.org,2002:", "!!")
        message = f"YAML tag '{tag}' is not allowed: brief reads plain data only"
    else:
        message = f"invalid YAML: {problem}"
        if error.context:
            message += f" ({error.context}{_since(error.context_mark, mark)})"
        if error.context == "while scanning a quoted scalar" and error.context_mark:
            start = error.context_mark
            message += (
                f"; the quoted value starting at line {start.line + 1}, column"
                f" {start.column + 1} is probably missing its closing quotation mark"
            )
        elif mark is not None:
            message += _unclosed_quote(raw, mark) or _hint(
                problem, _line(raw, mark.line), mark.column
            )
    if mark is None:
        return Problem(file=rel, message=message)
    return Problem(file=rel, line=mark.line + 1, column=mark.column + 1, message=message)


def _since(context: yaml.Mark | None, mark: yaml.Mark | None) -> str:
    """Where the construct the problem broke began, when that is elsewhere:
    the mistake is often there, not where the parser gave up."""
    if context is None or (mark is not None and context.line == mark.line):
        return ""
    return f" started at line {context.line + 1}, column {context.column + 1}"


_KEY_LINE = re.compile(r"^\s*(?:-\s+)?[A-Za-z_][\w-]*:(?:\s|$)", re.MULTILINE)


def _unclosed_quote(raw: bytes, mark: yaml.Mark) -> str:
    """A quoted value missing its closing quote runs on over the next lines to
    the next quotation mark, and the parser fails only there. Name where it
    starts: the last quoted value before the failure, if it spans lines,
    ends on the failing line and swallowed lines that look like `key: value`."""
    last: yaml.ScalarToken | None = None
    try:
        for token in yaml.scan(raw, Loader=yaml.CSafeLoader):
            if token.start_mark.index >= mark.index:
                break
            if isinstance(token, yaml.ScalarToken):
                last = token
    except yaml.YAMLError:
        pass  # the scanner stopped at the failure: `last` is what came before it
    if last is None or last.style not in ('"', "'"):
        return ""
    start, end = last.start_mark, last.end_mark
    if start.line == end.line or end.line != mark.line:
        return ""
    lines = raw.decode("utf-8", errors="replace").splitlines()
    swallowed = "\n".join(lines[start.line + 1 : end.line + 1])
    if not _KEY_LINE.search(swallowed):
        return ""
    return (
        f"; the quoted value starting at line {start.line + 1}, column {start.column + 1}"
        f" is probably missing its closing {last.style}"
    )


def _line(raw: bytes, number: int) -> str:
    lines = raw.decode("utf-8", errors="replace").splitlines()
    return lines[number] if number < len(lines) else ""


def _hint(problem: str, line: str, column: int) -> str:
    """The likely fix for the mistakes hand-written YAML makes most."""
    char = line[column : column + 1]
    if "cannot start any token" in problem and char == "\t":
        return "; indent with spaces, not tabs"
    if "cannot start any token" in problem and char in ("@", "`"):
        return f"; a value starting with '{char}' must be in quotes"
    if "mapping values are not allowed" in problem:
        return "; a value holding ': ' must be in quotes"
    if "expected key" in problem and (line.count('"') > 2 or line.count("'") > 2):
        return (
            '; a quotation mark inside a quoted value must be escaped (\\" inside "...",'
            " '' inside '...')"
        )
    return ""


def decode_utf8(rel: str, raw: bytes) -> str:
    """The text of a file that must be UTF-8; `NotLoaded` naming the bad byte otherwise."""
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line, column = _position(raw, error.start)
        bad = raw[error.start : error.start + 1].hex()
        raise NotLoaded(
            Problem(
                file=rel,
                line=line,
                column=column,
                message=f"not valid UTF-8 (byte 0x{bad}); save the file as UTF-8",
            )
        ) from None


def load_yaml(rel: str, raw: bytes) -> tuple[object, list[Duplicate]]:
    """Parse one YAML document: its data and any duplicate keys in it.

    Raises `NotLoaded` for a file that is not UTF-8, not YAML, holds a tag
    that would build objects, or holds no data at all.
    """
    decode_utf8(rel, raw)  # libyaml's own decoding errors are cryptic
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    loader = _Loader(raw)
    try:
        data = loader.get_single_data()
    except yaml.MarkedYAMLError as error:
        raise NotLoaded(_mark_problem(rel, raw, error)) from None
    except yaml.YAMLError as error:
        raise NotLoaded(Problem(file=rel, message=f"invalid YAML: {error}")) from None
    except (ValueError, TypeError, OverflowError) as error:
        # A scalar its tag cannot build (`!!int abc`): no mark comes with it,
        # so find it.
        raise NotLoaded(_bad_scalar(rel, raw, error)) from None
    finally:
        loader.dispose()
    if data is None:
        raise NotLoaded(Problem(file=rel, line=1, column=1, message="file holds no data"))
    return data, loader.duplicates


def _bad_scalar(rel: str, raw: bytes, error: Exception) -> Problem:
    constructor = yaml.constructor.SafeConstructor()
    stack = [yaml.compose(raw, Loader=yaml.CSafeLoader)]
    while stack:
        node = stack.pop()
        if isinstance(node, yaml.ScalarNode):
            try:
                constructor.construct_object(node, deep=True)
            except (ValueError, TypeError, OverflowError, yaml.YAMLError) as bad:
                mark = node.start_mark
                return Problem(
                    file=rel,
                    line=mark.line + 1,
                    column=mark.column + 1,
                    message=f"invalid value '{node.value}': {bad}",
                )
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(reversed(node.value))
        elif isinstance(node, yaml.MappingNode):
            for key_node, value_node in reversed(node.value):
                stack.extend((value_node, key_node))
    return Problem(file=rel, message=f"invalid value: {error}")


@dataclass(frozen=True)
class Located:
    line: int
    column: int
    field: str
    """The dotted path as written in the file, e.g. `extracts[3].quote`."""


def field_path(loc: Loc) -> str:
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out


class Locator:
    """Finds the line and column of a field path in YAML files, parsing each
    file into nodes at most once, and only when asked."""

    def __init__(self, files: dict[str, bytes]) -> None:
        self._files = files
        self._nodes: dict[str, yaml.Node | None] = {}

    def _root(self, rel: str) -> yaml.Node | None:
        if rel not in self._nodes:
            try:
                raw = self._files[rel]
                if raw.startswith(b"\xef\xbb\xbf"):
                    raw = raw[3:]
                self._nodes[rel] = yaml.compose(raw, Loader=yaml.CSafeLoader)
            except (KeyError, yaml.YAMLError):
                self._nodes[rel] = None
        return self._nodes[rel]

    def locate(self, rel: str, loc: Loc, *, at_key: bool = False) -> Located:
        """Where `loc` is written; where its nearest written parent is, if it is missing.

        `at_key` points at the key rather than the value (for unknown fields).
        Path parts that are not in the file (pydantic's union tags, e.g.
        `statement`) are skipped.
        """
        node = self._root(rel)
        if node is None:
            return Located(1, 1, field_path(loc))
        mark = node.start_mark
        written: list[str | int] = []
        key_node: yaml.Node | None = None
        for part in loc:
            if part == "[key]":  # pydantic: the key itself is invalid, e.g. of `templates:`
                if key_node is not None:
                    mark = key_node.start_mark
                break
            key_node, child = _child(node, part)
            if child is None:
                if isinstance(part, str) and _is_tag(node, part):
                    continue  # a union's tag, not a field
                written.append(part)  # missing field: report it at its parent
                break
            written.append(part)
            node = child
            mark = (key_node if at_key and key_node is not None else child).start_mark
        return Located(mark.line + 1, mark.column + 1, field_path(written))


def _child(node: yaml.Node, part: str | int) -> tuple[yaml.Node | None, yaml.Node | None]:
    if isinstance(node, yaml.SequenceNode) and isinstance(part, int):
        if 0 <= part < len(node.value):
            return None, node.value[part]
    elif isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            if isinstance(key_node, yaml.ScalarNode) and key_node.value == str(part):
                return key_node, value_node
    return None, None


def _is_tag(node: yaml.Node, part: str) -> bool:
    if not isinstance(node, yaml.MappingNode):
        return False
    return any(
        isinstance(k, yaml.ScalarNode) and k.value == "kind" and getattr(v, "value", None) == part
        for k, v in node.value
    )
