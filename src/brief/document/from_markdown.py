"""brief's small Markdown dialect -> document model blocks.

The dialect is CommonMark (raw HTML off) plus GFM tables and Pandoc-style
footnotes, parsed with markdown-it-py:

- headings `#`..`###` (deeper levels are clamped to 3), each with a stable
  anchor made from its text (`key-judgments`, `key-judgments-2`, ...);
- paragraphs, bullet and ordered lists, block quotes, tables;
- `*emphasis*`, `**strong**`, `[links](https://...)`, `<https://...>`;
- footnotes `[^label]` with `[^label]: text` definitions (or inline
  `^[text]`): each reference becomes a `Note` holding the definition;
- hard breaks (backslash or two spaces at the end of a line);
- a line holding only `\\pagebreak` is a page break.

Anything else (code, images, rules, HTML) stays literal text: what a
template writes is never silently dropped.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.footnote import footnote_plugin
from mdit_py_plugins.front_matter import front_matter_plugin

from brief.document import note_refs
from brief.document.model import (
    Align,
    Block,
    BlockQuote,
    Emphasis,
    Heading,
    Inline,
    LineBreak,
    Link,
    ListBlock,
    Note,
    PageBreak,
    Paragraph,
    Strong,
    Table,
    Text,
    plain_text,
)
from brief.fold import ascii_slug

PAGE_BREAK = "\\pagebreak"


class MarkdownError(ValueError):
    """Markdown outside the dialect; `line` is 1-based (None when unknown)."""

    def __init__(self, message: str, line: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.line = line


@cache
def _parser() -> MarkdownIt:
    return make_parser()


def make_parser(*, note_refs_first: bool = True) -> MarkdownIt:
    """The dialect's parser; `note_refs_first`: read footnote references before the
    link rule tries them (`brief.document.note_refs`: the same tokens, sooner)."""
    md = MarkdownIt("commonmark", {"html": False, "typographer": False})
    md.enable("table")
    # Outside the dialect: such syntax stays literal text (indented code, for
    # one, would turn a stray indentation into a code block).
    md.disable(["code", "fence", "backticks", "html_block", "html_inline", "image", "hr"])
    md.use(footnote_plugin)
    md.use(front_matter_plugin)  # the metadata of a rendered brief, skipped here
    if note_refs_first:
        note_refs.use(md)
    # A pure function of the URL (parse, punycode, percent-encode: ~0.2 ms each), asked
    # for every link; a brief cites the same sources again and so do a pack's briefs.
    md.normalizeLink = lru_cache(maxsize=16384)(md.normalizeLink)  # type: ignore[method-assign]
    return md


def parse_markdown(text: str) -> tuple[Block, ...]:
    """Parse Markdown of the dialect into blocks; raise `MarkdownError` on anything else."""
    env: dict[str, Any] = {}
    tokens = _parser().parse(text, env)
    builder = _Builder()
    body, notes = _split_footnotes(tokens)
    builder.notes = {
        note_id: builder.note_inlines(note_tokens) for note_id, note_tokens in notes.items()
    }
    return tuple(builder.blocks(body))


class CitedMarkdown:
    """Markdown whose footnote texts can be written only once the order the references
    are read in is known (the first note citing a source gives its full form), parsed
    once: the body with placeholder definitions (`stubs(body)`), which gives that order
    and the body's blocks; then the notes written for that order (`notes(order)`).

    The same blocks and Markdown as parsing `markdown` itself: the body's tokens do not
    depend on what its footnote definitions say, only on which labels are defined.
    Where that may not hold (a reference read only inside an inline note), the body's
    labels are read section by section and the whole Markdown parsed, as before.
    """

    def __init__(
        self,
        parts: Sequence[str],
        stubs: Callable[[str], str],
        notes: Callable[[list[str]], str],
    ) -> None:
        self._prefix = "".join(part + "\n\n" for part in parts)
        self._env: dict[str, Any] = {}
        tokens = _parser().parse(self._prefix + stubs(self._prefix) + "\n", self._env)
        self._body, self._body_notes = _split_footnotes(tokens)
        order = _labels(self._body)
        self._one_parse = set(order) == _referenced(self._env)
        if not self._one_parse:  # read section by section; `blocks` parses the whole
            order = [ref for part in parts for ref in footnote_labels(f"{part}\n\n{stubs(part)}")]
        self._order = order
        self._notes = notes(order)
        self.markdown = self._prefix + self._notes + "\n"

    def blocks(self) -> tuple[Block, ...]:
        """The document's blocks; `MarkdownError` (line in `markdown`) on anything else."""
        if not self._one_parse:
            return parse_markdown(self.markdown)
        labelled = self._labelled_notes()
        builder = _Builder()
        for note_id, note_tokens in self._body_notes.items():
            label = _label_of(self._env, note_id)
            builder.notes[note_id] = labelled[label] if label else builder.note_inlines(note_tokens)
        return tuple(builder.blocks(self._body))

    def _labelled_notes(self) -> dict[str, tuple[Inline, ...]]:
        """Each cited label's note, parsed on its own after a line referencing them all
        (so each is kept), with the body's link reference definitions in reach."""
        labels = list(dict.fromkeys(self._order))
        head = "".join(f"[^{label}]" for label in labels) + "\n\n"
        env: dict[str, Any] = {"references": dict(self._env.get("references", {}))}
        tokens = _parser().parse(head + self._notes + "\n", env)
        _body, notes = _split_footnotes(tokens)
        builder = _Builder()
        out: dict[str, tuple[Inline, ...]] = {}
        try:
            for note_id, note_tokens in notes.items():
                out[str(_label_of(env, note_id))] = builder.note_inlines(note_tokens)
        except MarkdownError as err:
            if err.line is not None:  # a line of `markdown`, not of this parse
                err.line += self._prefix.count("\n") - head.count("\n")
            raise
        return out


def _split_footnotes(tokens: list[Token]) -> tuple[list[Token], dict[int, list[Token]]]:
    body: list[Token] = []
    notes: dict[int, list[Token]] = {}
    current: list[Token] | None = None
    for token in tokens:
        if token.type in ("footnote_block_open", "footnote_block_close", "front_matter"):
            continue
        if token.type == "footnote_open":
            current = notes.setdefault(token.meta["id"], [])
        elif token.type == "footnote_close":
            current = None
        elif current is not None:
            current.append(token)
        else:
            body.append(token)
    return body, notes


def _merge_text(inlines: list[Inline]) -> tuple[Inline, ...]:
    merged: list[Inline] = []
    for node in inlines:
        if isinstance(node, Text) and merged and isinstance(merged[-1], Text):
            merged[-1] = Text(merged[-1].text + node.text)
        elif isinstance(node, Text) and not node.text:
            continue
        else:
            merged.append(node)
    return tuple(merged)


def _line(token: Token) -> int | None:
    return token.map[0] + 1 if token.map else None


@dataclass
class _Builder:
    notes: dict[int, tuple[Inline, ...]] = field(default_factory=dict)
    anchors: set[str] = field(default_factory=set)

    # ------------------------------------------------------------ inlines

    def inlines(self, children: Sequence[Token]) -> tuple[Inline, ...]:
        stack: list[tuple[str, list[Inline], str]] = [("root", [], "")]
        for tok in children:
            out = stack[-1][1]
            match tok.type:
                case "text":
                    out.append(Text(tok.content))
                case "softbreak":
                    out.append(Text(" "))
                case "hardbreak":
                    out.append(LineBreak())
                case "code_inline":
                    out.append(Text(tok.content))
                case "em_open" | "strong_open":
                    stack.append((tok.type, [], ""))
                case "link_open":
                    stack.append((tok.type, [], str(tok.attrs.get("href", ""))))
                case "em_close" | "strong_close" | "link_close":
                    kind, content, href = stack.pop()
                    inner = _merge_text(content)
                    node: Inline
                    if kind == "em_open":
                        node = Emphasis(inner)
                    elif kind == "strong_open":
                        node = Strong(inner)
                    else:
                        node = Link(href, inner)
                    stack[-1][1].append(node)
                case "footnote_ref":
                    out.append(Note(self.notes.get(tok.meta["id"], ())))
                case _:
                    raise MarkdownError(f"unsupported Markdown inline '{tok.type}'")
        return _merge_text(stack[0][1])

    def note_inlines(self, tokens: list[Token]) -> tuple[Inline, ...]:
        """A note holds inlines: paragraphs of a definition are joined by line breaks."""
        parts: list[Inline] = []
        for token in tokens:
            if token.type == "inline":
                if parts:
                    parts.append(LineBreak())
                parts.extend(self.inlines(token.children or []))
            elif token.type not in ("paragraph_open", "paragraph_close", "footnote_anchor"):
                raise MarkdownError(
                    f"a footnote holds only paragraphs, not '{token.type}'", _line(token)
                )
        return _merge_text(parts)

    # ------------------------------------------------------------- blocks

    def blocks(self, tokens: list[Token]) -> list[Block]:
        out: list[Block] = []
        i = 0
        while i < len(tokens):
            try:
                block, next_i = self.block(tokens, i)
            except MarkdownError as err:
                if err.line is None:
                    err.line = _line(tokens[i])
                raise
            out.append(block)
            i = next_i
        return out

    def block(self, tokens: list[Token], i: int) -> tuple[Block, int]:
        tok = tokens[i]
        end = _closing(tokens, i)
        inner = tokens[i + 1 : end]
        match tok.type:
            case "heading_open":
                children = self.inlines(inner[0].children or [])
                level = min(int(tok.tag[1]), 3)
                return Heading(level, children, self.anchor(children)), end + 1
            case "paragraph_open":
                inline = inner[0]
                if inline.content.strip() == PAGE_BREAK:
                    return PageBreak(), end + 1
                return Paragraph(self.inlines(inline.children or [])), end + 1
            case "bullet_list_open" | "ordered_list_open":
                items = []
                j = 0
                while j < len(inner):
                    item_end = _closing(inner, j)
                    items.append(tuple(self.blocks(inner[j + 1 : item_end])))
                    j = item_end + 1
                return ListBlock(tuple(items), ordered=tok.type == "ordered_list_open"), end + 1
            case "blockquote_open":
                return BlockQuote(tuple(self.blocks(inner))), end + 1
            case "table_open":
                return self.table(inner), end + 1
            case _:
                raise MarkdownError(f"unsupported Markdown block '{tok.type}'", _line(tok))

    def table(self, tokens: list[Token]) -> Table:
        rows: list[tuple[tuple[Inline, ...], ...]] = []
        align: list[Align] = []
        styled = False
        row: list[tuple[Inline, ...]] = []
        for tok in tokens:
            if tok.type == "tr_open":
                row = []
            elif tok.type == "tr_close":
                rows.append(tuple(row))
            elif tok.type == "th_open":
                style = str(tok.attrs.get("style", ""))
                styled = styled or bool(style)
                side = style.removeprefix("text-align:")
                align.append(side if side in ("center", "right") else "left")  # type: ignore[arg-type]
            elif tok.type == "inline":
                row.append(self.inlines(tok.children or []))
        header, *body = rows
        return Table(header=header, rows=tuple(body), align=tuple(align) if styled else ())

    def anchor(self, children: tuple[Inline, ...]) -> str:
        base = ascii_slug(plain_text(children)) or "section"
        anchor, n = base, 1
        while anchor in self.anchors:
            n += 1
            anchor = f"{base}-{n}"
        self.anchors.add(anchor)
        return anchor


def _closing(tokens: list[Token], i: int) -> int:
    """Index of the token closing the one opened at `i` (itself when not an opener)."""
    if tokens[i].nesting != 1:
        return i
    depth = 0
    for j in range(i, len(tokens)):
        depth += tokens[j].nesting
        if depth == 0:
            return j
    raise MarkdownError("unbalanced Markdown", _line(tokens[i]))


def _labels(body: list[Token]) -> list[str]:
    """Labels of the footnote references in `body`, in reading order."""
    labels: list[str] = []
    for token in body:
        for child in token.children or []:
            if child.type == "footnote_ref" and child.meta.get("label"):
                labels.append(child.meta["label"])
    return labels


def _referenced(env: dict[str, Any]) -> set[str]:
    """The labels a parse read as footnote references."""
    listed = env.get("footnotes", {}).get("list", {})
    return {note["label"] for note in listed.values() if note.get("label")}


def _label_of(env: dict[str, Any], note_id: int) -> str | None:
    """The label of a parse's note `note_id`; None for an inline note (`^[...]`)."""
    label = env["footnotes"]["list"][note_id].get("label")
    return str(label) if label else None


def footnote_labels(text: str) -> list[str]:
    """Labels of the footnote references in `text`, in reading order (defined ones only)."""
    body, _notes = _split_footnotes(_parser().parse(text, {}))
    return _labels(body)
