"""Adding records to the end of a curated YAML list without touching the rest.

Analysts write the corpus files by hand: comments, blank lines, key order
and their own indentation (`  - id:` under `extracts:`) must survive an
accept. So the new records are dumped on their own, indented like the
items already there, and spliced in after the last one; the result is
parsed again and must hold exactly the old data plus the new records.
"""

from __future__ import annotations

from typing import Any

import yaml

from brief.ingest import yamlio


class CannotAppend(Exception):
    """The file's layout leaves no safe place for the records; the message says why."""


def append_records(old: str, key: str, records: list[dict[str, Any]], header: str = "") -> str:
    """`old` with `records` added at the end of its top-level `key:` list.

    An empty `old` becomes `header` plus a fresh file.
    """
    if not old.strip():
        return header + yamlio.dump({key: records}).decode("utf-8")
    newline = "\r\n" if "\r\n" in old else "\n"
    text = old.replace("\r\n", "\n")
    if not text.endswith("\n"):
        text += "\n"
    try:
        root = yaml.compose(text, Loader=yaml.CSafeLoader)
    except yaml.YAMLError as error:
        raise CannotAppend(f"not valid YAML: {error}") from None
    new = _splice(text, root, key, records)
    _check(text, new, key, records)
    return new.replace("\n", newline)


def _splice(text: str, root: yaml.Node | None, key: str, records: list[dict[str, Any]]) -> str:
    found = _entry(root, key)
    if found is None:
        return text + f"{key}:\n" + _block(records, indent=2, gap=False)
    key_node, value = found
    empty = isinstance(value, yaml.ScalarNode) and value.tag.endswith(":null")
    if empty and value.start_mark.index == value.end_mark.index:
        # `extracts:` with nothing after it: the items go on the lines below.
        at = _line_end(text, key_node.end_mark.index)
        return text[:at] + _block(records, indent=2, gap=False) + text[at:]
    if empty:
        return _replace_value(text, value, records)
    if not isinstance(value, yaml.SequenceNode):
        raise CannotAppend(f"'{key}:' is not a list")
    if value.flow_style:
        if value.value:
            raise CannotAppend(f"'{key}:' is written as a [...] list: write it as a block list")
        return _replace_value(text, value, records)
    return _after_last_item(text, value, records)


def _entry(root: yaml.Node | None, key: str) -> tuple[yaml.Node, yaml.Node] | None:
    """(key, value) of `key` at the top of the file; None in a file of comments only."""
    if root is None:
        return None
    if not isinstance(root, yaml.MappingNode):
        raise CannotAppend(f"expected a mapping with '{key}:' at the top")
    return next(
        ((k, v) for k, v in root.value if isinstance(k, yaml.ScalarNode) and k.value == key),
        None,
    )


def _replace_value(text: str, value: yaml.Node, records: list[dict[str, Any]]) -> str:
    """`extracts: []` or `extracts: null`: drop the value, the items go on the lines below."""
    head = text[: value.start_mark.index].rstrip(" ")
    rest = text[value.end_mark.index :]
    at = len(head) + _line_end(rest, 0)
    text = head + rest
    return text[:at] + _block(records, indent=2, gap=False) + text[at:]


def _after_last_item(text: str, value: yaml.SequenceNode, records: list[dict[str, Any]]) -> str:
    """The records after the list's last item, indented and spaced as its items are."""
    items = value.value
    indent = _dash_column(text, items[0])
    # Analysts often leave a blank line between items: keep doing so.
    gap = any(text[: _line_start(text, item)].endswith("\n\n") for item in items[1:])
    at = _line_end(text, _leaf_end(items[-1]))
    return text[:at] + _block(records, indent=indent, gap=gap) + text[at:]


def _block(records: list[dict[str, Any]], indent: int, gap: bool) -> str:
    """The records as list items indented by `indent` spaces (blank lines between if `gap`)."""
    dumped = yamlio.dump({"_": records}).decode("utf-8").split("\n", 1)[1]
    pad = " " * indent
    lines = []
    for line in dumped.splitlines():
        if gap and line.startswith("- "):
            lines.append("")
        lines.append(pad + line if line else line)
    return "\n".join(lines) + "\n"


def _line_start(text: str, item: yaml.Node) -> int:
    return text.rfind("\n", 0, item.start_mark.index) + 1


def _dash_column(text: str, item: yaml.Node) -> int:
    """Column of the `-` that starts `item`."""
    dash = text[_line_start(text, item) : item.start_mark.index].rfind("-")
    return dash if dash >= 0 else item.start_mark.column


def _leaf_end(node: yaml.Node) -> int:
    """Where the last value written in `node` ends.

    A block collection's own end mark lies past any comments that follow
    it; its last scalar's does not.
    """
    while isinstance(node, yaml.MappingNode | yaml.SequenceNode) and not node.flow_style:
        if not node.value:
            break
        last = node.value[-1]
        node = last[1] if isinstance(last, tuple) else last
    return node.end_mark.index


def _line_end(text: str, index: int) -> int:
    """The start of the line after the one holding `index` (a block scalar may end at one)."""
    if index > 0 and text[index - 1] == "\n":
        return index
    end = text.find("\n", index)
    return len(text) if end < 0 else end + 1


def _check(old: str, new: str, key: str, records: list[dict[str, Any]]) -> None:
    before = yaml.safe_load(old) or {}
    try:
        after = yaml.safe_load(new)
    except yaml.YAMLError as error:
        raise CannotAppend(f"the result would not be valid YAML: {error}") from None
    added: list[Any] = yaml.safe_load(yamlio.dump(records)) or []
    expected = {**before, key: [*(before.get(key) or []), *added]}
    if after != expected:
        raise CannotAppend("the result would change what the file already holds")
