"""Footnote citations in Chicago notes-bibliography style, with Admiralty grades.

Templates call `cite(item)`, which prints a footnote reference. Which
reference comes first in the brief is known only once every section is
rendered, so the note texts are written afterwards (`definitions`): the first
note citing a source gives the full form, later notes a short form.

    First:  Author, “Title,” *Outlet*, 23 August 2024, https://... (B2).
    Later:  “Short Title,” *Outlet* (B2).
    Same single source as the note before:  Ibid. (B2).
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterable

from brief.assemble.sections import SourceRef
from brief.corpus.models import DatePrecision, Source
from brief.dates import PartialDate
from brief.document.markdown_escape import escape_markdown, escape_url
from brief.templates import MarkdownSafe


def chicago_date(
    day: dt.date, precision: DatePrecision = DatePrecision.DAY, end: dt.date | None = None
) -> str:
    # One date style in the whole brief (issue 12): notes word dates as the
    # text does ("7 July 2022", "around 22 August 2024"), not "July 7, 2022".
    return PartialDate.of(day, precision, end).text()


# A footnote reference as `cite` writes it: [^label].
_REFERENCE = re.compile(r"\[\^([^\]\s]+)\]")
_MINOR = {"a", "an", "and", "as", "at", "by", "for", "in", "of", "on", "or", "the", "to", "with"}


# Where a main title ends: a subtitle after a colon, a dash or a question,
# or a parenthesis such as "(headline not preserved)".
_TITLE_END = re.compile(r"[:;?!(\[]|\s[–—-]\s")


def short_title(title: str, words: int = 4) -> str:
    """Chicago's short title: the main title's first words, up to `words`
    significant ones (minor words such as "on", "and" do not count), never
    ending on a minor word or on punctuation."""
    main = _TITLE_END.split(title, maxsplit=1)[0].strip() or title
    kept: list[str] = []
    significant = 0
    for word in main.split():
        if significant == words:
            break
        kept.append(word)
        if _bare(word).casefold() not in _MINOR:
            significant += 1
    while len(kept) > 1 and _bare(kept[-1]).casefold() in _MINOR:
        kept.pop()
    return _rstrip_punctuation(" ".join(kept)) or title.strip()


def _rstrip_punctuation(text: str) -> str:
    while text and (unicodedata.category(text[-1])[0] == "P" or text[-1].isspace()):
        text = text[:-1]
    return text


def _bare(word: str) -> str:
    """`word` without the punctuation around it."""
    return _rstrip_punctuation(_rstrip_punctuation(word)[::-1])[::-1]


def _quoted_title(title: str) -> str:
    # Chicago puts the comma inside the quotation marks unless the title ends
    # in its own question or exclamation mark.
    escaped = escape_markdown(title, line_start=False)
    return f"“{escaped}”" if title.endswith(("?", "!")) else f"“{escaped},”"


def full_note(source: Source) -> str:
    parts = []
    if source.author:
        parts.append(escape_markdown(source.author) + ",")
    parts.append(_quoted_title(source.title))
    tail = f"*{escape_markdown(source.outlet, line_start=False)}*, " + (
        source.published_when.text()
    )
    if source.url:
        tail += f", [{escape_markdown(source.url, line_start=False)}]({escape_url(source.url)})"
    parts.append(tail)
    return " ".join(parts)


def short_note(source: Source) -> str:
    title = short_title(source.title)
    escaped = escape_markdown(title, line_start=False)
    quoted = f"“{escaped}”" if title.endswith(("?", "!")) else f"“{escaped},”"
    return f"{quoted} *{escape_markdown(source.outlet, line_start=False)}*"


class Citations:
    """Hands out footnote labels while templates render; writes the notes after."""

    PREFIX = "cite-"

    def __init__(self, sources: dict[str, Source]) -> None:
        self._sources = sources
        self._refs: dict[str, list[SourceRef]] = {}

    def cite(self, refs: Iterable[SourceRef]) -> MarkdownSafe:
        refs = _unique(refs)
        if not refs:
            return MarkdownSafe("")
        label = f"{self.PREFIX}{len(self._refs) + 1}"
        self._refs[label] = refs
        return MarkdownSafe(f"[^{label}]")

    def stub_definitions(self, text: str | None = None) -> str:
        """Placeholder definitions, so a parser sees the references (only those that
        `text` may reference, if given: all of them make each section's parse grow
        with the whole brief's notes)."""
        wanted = set(_REFERENCE.findall(text)) if text is not None else self._refs
        return "\n".join(f"[^{label}]: -" for label in self._refs if label in wanted)

    def definitions(self, order: list[str]) -> str:
        """The notes in Markdown, full form for each source's first citation in `order`."""
        seen: set[str] = set()
        lines = []
        previous: list[str] = []  # the sources of the note before
        for label in dict.fromkeys(order):
            if label not in self._refs:
                continue
            # One entry per source, with every grade it has for the cited items.
            grades: dict[str, list[str]] = {}
            for ref in self._refs[label]:
                grades.setdefault(ref.source, []).append(ref.grade)
            if list(grades) == previous and len(grades) == 1:
                # Chicago: the same single source as the note before is "Ibid."
                source_grades = next(iter(grades.values()))
                lines.append(f"[^{label}]: Ibid. ({', '.join(sorted(source_grades))}).")
                continue
            previous = list(grades)
            parts = []
            for source_id, source_grades in grades.items():
                source = self._sources[source_id]
                text = short_note(source) if source_id in seen else full_note(source)
                seen.add(source_id)
                parts.append(f"{text} ({', '.join(sorted(source_grades))})")
            lines.append(f"[^{label}]: " + "; ".join(parts) + ".")
        return "\n".join(lines)

    @property
    def cited_sources(self) -> set[str]:
        return {ref.source for refs in self._refs.values() for ref in refs}


def _unique(refs: Iterable[SourceRef]) -> list[SourceRef]:
    out: dict[tuple[str, str], SourceRef] = {}
    for ref in refs:
        out.setdefault((ref.source, ref.grade), ref)
    return list(out.values())
