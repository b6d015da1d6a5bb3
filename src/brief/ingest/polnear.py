"""PolNeAR (political news attribution relations) as a gold standard for quotations.

The corpus is not shipped: it is read from where it lies
(`../shared/datasets/polnear/` beside the repository, or a folder given on
the command line). Its annotations mark every attribution (source, cue,
content); a *direct quotation* is the part of a content that stands in
quotation marks, and its speaker is the attribution's source. The reading
rules follow the dataset's README:

1. quoted pieces per paragraph: double quotes, curly or straight, mixed
   pairs allowed; single quotes only outside double quotes and at word
   boundaries; a quote left open runs to the end of its paragraph;
2. a piece belongs to an attribution whose content holds one of its marks
   or covers at least half of it; the quote is the part inside the content;
3. pieces of fewer than three words are scare quotes, not statements.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from brief.ingest.lexicon import alternation, words

Span = tuple[int, int]
MIN_WORDS = 3


@dataclass(frozen=True)
class GoldQuote:
    start: int
    end: int
    source: str | None
    """The annotated source's words (`Mr. Rove`, `he`, `a spokeswoman`), None if none."""
    source_span: Span | None

    @property
    def head(self) -> str | None:
        """The proper name the source is, or None for pronouns and descriptions."""
        return name_head(self.source) if self.source else None


@dataclass(frozen=True)
class GoldArticle:
    name: str
    text: str
    quotes: list[GoldQuote]


def default_folder(root: Path) -> Path:
    """Where the shared datasets lie relative to a repository checkout."""
    return Path(root).resolve().parent / "shared" / "datasets" / "polnear"


def read_split(folder: Path, split: str) -> list[GoldArticle]:
    texts = sorted((Path(folder) / split / "text").glob("*.txt"))
    annotations = Path(folder) / split / "attributions"
    articles = []
    for text_file in texts:
        stem = text_file.stem
        ann = sorted(annotations.glob(f"{stem}_*.ann"))
        if not ann:
            continue
        text = text_file.read_text(encoding="utf-8")
        quotes = gold_quotes(text, ann[0].read_text(encoding="utf-8"))
        articles.append(GoldArticle(stem, text, quotes))
    return articles


# ------------------------------------------------------------- annotations


@dataclass(frozen=True)
class _Attribution:
    content: list[Span]
    source: Span | None


def _spans(field: str) -> list[Span]:
    spans = []
    for part in field.split(";"):
        start, end = part.split()[-2:]
        spans.append((int(start), int(end)))
    return spans


def parse_ann(ann: str) -> list[_Attribution]:
    spans: dict[str, tuple[str, list[Span]]] = {}
    relations: list[dict[str, str]] = []
    for line in ann.splitlines():
        if line.startswith("T") and "\t" in line:
            ident, middle = line.split("\t")[:2]
            kind = middle.split(" ", 1)[0]
            spans[ident] = (kind, _spans(middle[len(kind) :]))
        elif line.startswith("E") and "\t" in line:
            args = line.split("\t")[1].split()
            relations.append(dict(arg.split(":", 1) for arg in args if ":" in arg))
    found = []
    for relation in relations:
        content = [s for key in ("Content", "Content2") if key in relation
                   for s in spans.get(relation[key], ("", []))[1]]  # fmt: skip
        source = spans.get(relation.get("Source", ""), ("", []))[1]
        if content:
            found.append(_Attribution(content, (source[0][0], source[-1][1]) if source else None))
    return found


# ------------------------------------------------------------------ pieces


@dataclass(frozen=True)
class Piece:
    open_mark: int
    close_mark: int
    """Offset of the closing mark, or the paragraph end when it never closes."""

    @property
    def inner(self) -> Span:
        return self.open_mark + 1, self.close_mark


def quoted_pieces(text: str) -> list[Piece]:
    pieces: list[Piece] = []
    start = 0
    for line in text.split("\n"):
        pieces.extend(_pieces_of_line(text, start, start + len(line)))
        start += len(line) + 1
    return pieces


def _pieces_of_line(text: str, start: int, end: int) -> list[Piece]:
    found = []
    i = start
    while i < end:
        char = text[i]
        if char in '“"':
            close = _double_close(text, i, end)
            found.append(Piece(i, close))
            i = close + 1
        elif char in "‘'" and _word_start(text, i, end):
            single = _single_close(text, i, end)
            if single is not None:
                found.append(Piece(i, single))
                i = single + 1
            else:
                i += 1
        else:
            i += 1
    return found


def _double_close(text: str, i: int, end: int) -> int:
    closers = "”" if text[i] == "“" else '"”'
    for j in range(i + 1, end):
        if text[j] in closers:
            return j
    if text[i] == "“":
        for j in range(i + 1, end):
            if text[j] == '"':
                return j
    return end


def _word_start(text: str, i: int, end: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < end else " "
    return not before.isalnum() and after.isalnum()


def _single_close(text: str, i: int, end: int) -> int | None:
    closers = "’" if text[i] == "‘" else "'’"
    for j in range(i + 1, end):
        if text[j] in closers:
            after = text[j + 1] if j + 1 < end else " "
            if not after.isalnum() and not text[j - 1].isspace():
                return j
    return None


# ------------------------------------------------------------------- quotes


def gold_quotes(text: str, ann: str) -> list[GoldQuote]:
    attributions = parse_ann(ann)
    quotes: list[GoldQuote] = []
    for piece in quoted_pieces(text):
        inner = piece.inner
        length = inner[1] - inner[0]
        if length <= 0:
            continue
        for attribution in attributions:
            covered = [
                (max(s, inner[0]), min(e, inner[1]))
                for s, e in attribution.content
                if max(s, inner[0]) < min(e, inner[1])
            ]
            if not covered:
                continue
            holds_mark = any(
                s <= mark < e
                for s, e in attribution.content
                for mark in (piece.open_mark, piece.close_mark)
            )
            if not holds_mark and sum(e - s for s, e in covered) * 2 < length:
                continue
            start, end = _trim(text, covered[0][0], covered[-1][1])
            if len(text[start:end].split()) < MIN_WORDS:
                continue
            source = attribution.source
            quotes.append(
                GoldQuote(start, end, text[source[0] : source[1]] if source else None, source)
            )
    quotes.sort(key=lambda q: (q.start, q.end))
    return _unique(quotes)


def _unique(quotes: list[GoldQuote]) -> list[GoldQuote]:
    seen: set[Span] = set()
    kept = []
    for quote in quotes:
        if (quote.start, quote.end) not in seen:
            seen.add((quote.start, quote.end))
            kept.append(quote)
    return kept


def _trim(text: str, start: int, end: int) -> Span:
    while start < end and (text[start].isspace() or text[start] in "“”\"‘’'"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in "“”\"‘’',;:"):
        end -= 1
    return start, end


# -------------------------------------------------------------------- names

_CUT = re.compile(rf",|\s(?:{alternation('phrase_cuts')})\s")


def name_head(source: str) -> str | None:
    """`Clinton press secretary Brian Fallon` -> Fallon; `Edward Alden of the CFR` -> Alden.

    None when the source names nobody (`he`, `the official`, `a spokeswoman`,
    `the Florida senator`, `Mr. Roe's campaign`).
    """
    # `Harry Reid (D-Nev.)`: a party label in brackets is no part of the name
    source = re.sub(r"\s*\([^)]*\)", "", source.strip())
    part = _CUT.split(source, maxsplit=1)[0]
    skip = words("not_names") | words("name_suffixes")
    capitalised = [t for t in part.split() if t[:1].isupper()]
    titles = words("title_words") | {"former", "acting", "then"}
    if part.split() == capitalised and all(t.casefold() in titles for t in capitalised):
        # `Former Secretary of State Jane Roe`: the `of` belongs to the title
        part = source.split(",")[0]
    if _is_description(part):
        # `the mayor, Ilse Marwood,`: the name in apposition is who spoke
        return _apposed_name(source)
    tokens = [t.strip(".’'\"“”()") for t in part.split()]
    capitalised = [
        t
        for t in tokens
        if t[:1].isupper() and t.casefold() not in skip and not t.casefold().endswith(".")
    ]
    capitalised = [re.sub(r"[’']s$", "", t) for t in capitalised]
    return capitalised[-1] if capitalised else None


def _is_description(part: str) -> bool:
    """`the Florida senator`, `Mr. Roe's campaign`, `Obama administration officials`:
    the phrase ends in a common noun, its head; the capitalised words before it
    only modify it (or own it), so the source names nobody. `Roe himself` and
    `the Rev. Ilse Marwood` keep their name."""
    tokens = [t.strip(".’'\"“”()") for t in part.split()]
    last = next((t for t in reversed(tokens) if t), "")
    return last[:1].islower() and last.casefold() not in words("not_description_heads")


def _apposed_name(source: str) -> str | None:
    """The surname of a name set off by commas after a description, if one is."""
    parts = source.split(",")
    if len(parts) < 2:
        return None
    tokens = [t.strip(".’'\"“”") for t in parts[1].split()]
    tokens = [t for t in tokens if t and t.casefold() not in words("name_suffixes")]
    if 2 <= len(tokens) <= 4 and all(
        t[:1].isupper() or t.casefold() in words("particles") for t in tokens
    ):
        return tokens[-1]
    return None
