"""Document -> Markdown: the reviewable, diffable form of a brief.

Real footnotes (`[^1]` with the definitions at the end, numbered in reading
order like every other renderer), YAML front matter with the metadata, and a
visible title block with the marking at the top and the bottom. Text is
escaped so that the file parses back (`brief.document.from_markdown`) to the
same blocks: a quote with `*`, `[^1]` or `<b>` stays a quote.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from brief.document.dates import long_date
from brief.document.markdown_escape import escape_markdown, escape_url
from brief.document.model import (
    Block,
    BlockQuote,
    Document,
    Emphasis,
    Heading,
    Inline,
    LineBreak,
    Link,
    ListBlock,
    Metadata,
    Note,
    PageBreak,
    Paragraph,
    Strong,
    Table,
    Text,
    plain_text,
)

EXTENSION = ".md"


def render(document: Document) -> bytes:
    return render_text(document).encode("utf-8")


def render_text(document: Document) -> str:
    writer = _Writer()
    parts = [front_matter(document.meta)]
    blocks = (*title_blocks(document.meta), *document.blocks, *closing_blocks(document.meta))
    parts.extend(writer.block(block) for block in blocks)
    parts = [p for p in parts if p]
    if writer.definitions:
        parts.append("\n".join(writer.definitions))
    return "\n\n".join(parts) + "\n"


def title_blocks(meta: Metadata) -> tuple[Block, ...]:
    """The visible head of the file: marking banner, title, cut-off line."""
    period = meta.information_line
    if meta.since:
        period += f" · covering {long_date(meta.since)} to {long_date(meta.as_of)}"
    head: list[Block] = [Paragraph((Strong((Text(meta.marking),)),))]
    head.append(Heading(1, (Text(meta.title),), anchor="title"))
    if meta.subtitle:
        head.append(Paragraph((Text(meta.subtitle),)))
    head.append(Paragraph((Emphasis((Text(period),)),)))
    if meta.front:
        head.append(Paragraph((Text(" · ".join(f"{k}: {v}" for k, v in meta.front)),)))
    if meta.disclaimer:
        head.append(Paragraph((Emphasis((Text(meta.disclaimer),)),)))
    return tuple(head)


def closing_blocks(meta: Metadata) -> tuple[Block, ...]:
    return (Paragraph((Strong((Text(meta.marking),)),)),)


def front_matter(meta: Metadata) -> str:
    """YAML front matter (JSON scalars are valid YAML), read by Pandoc and shown by GitHub."""
    fields: list[tuple[str, object]] = [
        ("title", meta.title),
        ("subtitle", meta.subtitle or None),
        ("subject", meta.subject),
        ("kind", meta.kind),
        ("marking", meta.marking),
        ("as_of", meta.as_of.isoformat()),
        ("since", meta.since.isoformat() if meta.since else None),
        ("author", meta.author or None),
        ("keywords", list(meta.keywords) or None),
        ("lang", meta.language),
        ("sources", meta.source_count),
        ("generator", meta.generator or None),
        ("inputs_hash", meta.inputs_hash or None),
    ]
    lines = [
        f"{key}: {json.dumps(value, ensure_ascii=False)}"
        for key, value in fields
        if value is not None
    ]
    return "---\n" + "\n".join(lines) + "\n---"


@dataclass
class _Writer:
    definitions: list[str] = field(default_factory=list)

    # ------------------------------------------------------------ blocks

    def block(self, block: Block) -> str:
        match block:
            case Heading(level=level, children=children):
                return "#" * max(1, min(level, 6)) + " " + self.inlines(children, breaks=" ")
            case Paragraph(children=children):
                return self.inlines(children)
            case ListBlock(items=items, ordered=ordered):
                return self.list_block(items, ordered)
            case BlockQuote(children=children):
                inner = "\n\n".join(self.block(b) for b in children if self.block_nonempty(b))
                return "\n".join(f"> {line}" if line else ">" for line in inner.split("\n"))
            case Table():
                return self.table(block)
            case PageBreak():
                return "\\pagebreak"
        raise TypeError(f"unknown block {block!r}")

    @staticmethod
    def block_nonempty(block: Block) -> bool:
        return not (isinstance(block, Paragraph) and not block.children)

    def list_block(self, items: tuple[tuple[Block, ...], ...], ordered: bool) -> str:
        tight = all(len(item) == 1 and isinstance(item[0], Paragraph) for item in items)
        rendered = []
        for n, item in enumerate(items, start=1):
            marker = f"{n}. " if ordered else "- "
            body = "\n\n".join(self.block(b) for b in item if self.block_nonempty(b))
            indent = " " * len(marker)
            lines = body.split("\n")
            rendered.append(
                "\n".join(
                    [marker + lines[0]] + [indent + line if line else "" for line in lines[1:]]
                )
            )
        return ("\n" if tight else "\n\n").join(rendered)

    def table(self, table: Table) -> str:
        columns = max(len(table.header), *(len(row) for row in table.rows)) if table.rows else 0
        columns = max(columns, len(table.header))

        def row_text(cells: tuple[tuple[Inline, ...], ...]) -> str:
            texts = [self.inlines(cell, breaks=" ") for cell in cells]
            texts += [""] * (columns - len(texts))
            return "| " + " | ".join(texts) + " |"

        rules = {"left": ":---", "center": ":---:", "right": "---:"}
        align = [rules[a] for a in table.align] + ["---"] * (columns - len(table.align))
        lines = [row_text(table.header), "| " + " | ".join(align[:columns]) + " |"]
        lines += [row_text(row) for row in table.rows]
        return "\n".join(lines)

    # ----------------------------------------------------------- inlines

    def inlines(self, children: tuple[Inline, ...], *, breaks: str = "\\\n") -> str:
        """Inline runs as the whole content of a block."""
        text = self.runs(children, breaks=breaks, line_start=True)
        # Leading and trailing spaces of a block would be dropped by any parser.
        stripped = text.lstrip(" ")
        text = "&#32;" * (len(text) - len(stripped)) + stripped
        stripped = text.rstrip(" ")
        return stripped + "&#32;" * (len(text) - len(stripped))

    def runs(self, children: tuple[Inline, ...], *, breaks: str, line_start: bool) -> str:
        out: list[str] = []
        for node in children:
            out.append(self.inline(node, line_start=line_start, breaks=breaks))
            line_start = isinstance(node, LineBreak) and breaks != " "
        return "".join(out)

    def inline(self, node: Inline, *, line_start: bool, breaks: str) -> str:
        match node:
            case Text(text=text):
                return escape_markdown(text, line_start=line_start)
            case Emphasis(children=children):
                return _delimit("*", self.runs(children, breaks=breaks, line_start=False))
            case Strong(children=children):
                return _delimit("**", self.runs(children, breaks=breaks, line_start=False))
            case Link(url=url, children=children):
                label = self.runs(children, breaks=breaks, line_start=False)
                if not url.lower().startswith(("http://", "https://")):
                    return label
                if _autolinks(url, children):  # a bare URL prints once, not as [url](url)
                    return f"<{url}>"
                return f"[{label}]({escape_url(url)})"
            case LineBreak():
                return breaks
            case Note(children=children):
                return self.note(children)
        raise TypeError(f"unknown inline {node!r}")

    def note(self, children: tuple[Inline, ...]) -> str:
        number = len(self.definitions) + 1
        # Reserve the number before rendering the content, which cannot hold
        # notes of its own in Markdown: a nested note is printed in brackets.
        self.definitions.append("")
        flat = tuple(
            Text(f" ({plain_text(c.children)})") if isinstance(c, Note) else c for c in children
        )
        content = self.inlines(flat, breaks="\\\n    ")
        self.definitions[number - 1] = f"[^{number}]: {content}"
        return f"[^{number}]"


def _delimit(mark: str, inner: str) -> str:
    """Wrap in emphasis marks, keeping edge spaces outside (CommonMark flanking rules)."""
    if not inner.strip(" "):
        return inner
    core = inner.strip(" ")
    lead = inner[: len(inner) - len(inner.lstrip(" "))]
    trail = inner[len(inner.rstrip(" ")) :]
    return f"{lead}{mark}{core}{mark}{trail}"


def _autolinks(url: str, children: tuple[Inline, ...]) -> bool:
    """Whether a link shows its own URL and can be a CommonMark autolink `<url>`."""
    shows_url = len(children) == 1 and isinstance(children[0], Text) and children[0].text == url
    # Characters an autolink would print differently from the URL (`&amp;` is
    # an entity to some readers, `\` an escape) keep the [url](<url>) form.
    return shows_url and all(c in _AUTOLINK_SAFE for c in url)


_AUTOLINK_SAFE = frozenset(
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~:/?#@!$'()+,;=%"
)
