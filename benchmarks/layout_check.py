"""Page-layout check: typesetting rules read back from the rendered PDF.

    python benchmarks/layout_check.py [WORKSPACE] [--as-of DATE]   # every briefing
    python benchmarks/layout_check.py --synth small                 # the 1k synthetic corpus

Renders each briefing of the workspace, reads every character's position,
font and size back from the PDF (pdfplumber) and reports each violation of:

- heading-stranded: a heading with no body text after it on its page;
- lead-in-stranded: a page whose last body line ends with a colon (an
  attribution line or a list's lead-in whose content went to the next page);
- lone-list-item: a page starting with a list item that is the only item of
  its list on that page;
- item-split: a list item or source entry continued from the previous page;
- overflow: a word running past the right margin;
- broken-word: a word of the document printed in pieces (a table cell's
  word broken mid-letter, or a URL broken anywhere but after / . - ? & =),
  found by comparing the PDF's words with the document's own.

Prints one line per violation and a summary; exit code 1 if any. Checks the
rules, not pictures: any layout that keeps them passes.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import re
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pdfplumber

ROOT = Path(__file__).resolve().parents[1]

# Page geometry of the PDF renderer (A4, margins in points).
PAGE_HEIGHT = 841.89
TOP = 27 * 72 / 25.4
BOTTOM = PAGE_HEIGHT - 27 * 72 / 25.4
LEFT = 25 * 72 / 25.4
RIGHT = 595.28 - 25 * 72 / 25.4
BODY_MIN_SIZE = 8.8  # notes are 8 pt; table cells 9, body 10.5
BREAKS_AFTER = "/.-?&=_"
_BULLET = re.compile(r"^(•|\d{1,3}\.)$")


@dataclass
class Line:
    text: str
    words: list[str]
    x0: float
    top: float
    size: float
    fonts: set[str]

    @property
    def italic(self) -> bool:
        return all("Italic" in f for f in self.fonts)

    @property
    def heading(self) -> bool:
        return all("SemiBold" in f or "Bold" in f for f in self.fonts) and self.size >= 10.4


@dataclass(frozen=True)
class Violation:
    name: str
    page: int  # 1-based
    rule: str
    detail: str

    def __str__(self) -> str:
        return f"{self.name}: page {self.page}: {self.rule}: {self.detail}"


def page_lines(words: list[dict]) -> list[Line]:
    """The body's lines (no banners, running header, footer or notes), top down."""
    rows: dict[int, list[dict]] = {}
    for word in words:
        if word["top"] < TOP - 2 or word["bottom"] > BOTTOM + 2:
            continue
        rows.setdefault(round(word["bottom"]), []).append(word)
    lines: list[Line] = []
    for key in sorted(rows):
        ws = sorted(rows[key], key=lambda w: w["x0"])
        size = max(w["size"] for w in ws)
        lines.append(
            Line(
                " ".join(w["text"] for w in ws),
                [w["text"] for w in ws],
                ws[0]["x0"],
                min(w["top"] for w in ws),
                size,
                {w["fontname"].split("+")[-1] for w in ws if w["size"] >= BODY_MIN_SIZE},
            )
        )
    # Lines of the contents (leader dots) are no headings, wherever it ends.
    return [
        line
        for line in lines
        if line.size >= BODY_MIN_SIZE and line.fonts and ". . . ." not in line.text
    ]


def check_pdf(name: str, data: bytes, vocabulary: set[str]) -> list[Violation]:
    out: list[Violation] = []
    pages: list[list[Line]] = []
    all_words: list[tuple[int, str]] = []
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for page in pdf.pages:
            words = page.extract_words(
                use_text_flow=True, extra_attrs=["fontname", "size"], x_tolerance=1.5
            )
            pages.append(page_lines(words))
            out += [
                Violation(name, page.page_number, "overflow", w["text"])
                for w in words
                if w["x1"] > RIGHT + 1.5
            ]
            if page.page_number > 1:  # the cover's contents has leader dots
                all_words += [
                    (page.page_number, w["text"])
                    for w in words
                    if w["top"] >= TOP - 2 and w["bottom"] <= PAGE_HEIGHT - 20
                ]
    for number, lines in enumerate(pages, start=1):
        if number == 1 or not lines:  # the cover and contents
            continue
        out += _page_rules(name, number, lines, pages[number] if number < len(pages) else [])
    out += _broken_words(name, all_words, vocabulary)
    return out


def _page_rules(
    name: str, number: int, lines: list[Line], following: list[Line]
) -> list[Violation]:
    out: list[Violation] = []
    last = lines[-1]
    if last.heading and following:
        out.append(Violation(name, number, "heading-stranded", last.text))
    elif last.text.rstrip().endswith(":") and following:
        out.append(Violation(name, number, "lead-in-stranded", last.text))
    first = lines[0]
    if first.words and _BULLET.match(first.words[0]):
        bullet_x = first.x0
        items = 1
        for line in lines[1:]:
            if line.words and _BULLET.match(line.words[0]) and abs(line.x0 - bullet_x) < 2:
                items += 1
                break
            if line.x0 < bullet_x - 2 or line.heading:
                break
        ended = any(line.x0 < bullet_x - 2 or line.heading for line in lines[1:])
        if items == 1 and ended:
            out.append(Violation(name, number, "lone-list-item", first.text))
    elif first.x0 > LEFT + 8 and not first.italic and not first.heading and number > 2:
        out.append(Violation(name, number, "item-split", first.text))
    return out


_PUNCTUATION = "()[]{},.;:!?\"'“”‘’«»„…"


def _apostrophes(text: str) -> str:
    """The renderers print apostrophes typographic: compare words without that."""
    return text.replace("\u2019", "'").replace("\u00b4", "'")


def _strip_note(token: str, vocabulary: set[str]) -> bool:
    """Whether `token` is a word of the document, perhaps with a note number glued on.

    A change of font splits a word from its punctuation (`*NATO*,`), so words
    are also compared without their leading and trailing punctuation.
    """
    token = _apostrophes(token)
    bare = token.strip(_PUNCTUATION)
    if token in vocabulary or bare in vocabulary or not bare or token.isdigit():
        return True
    match = re.match(r"^(.*?)(\d+(,\d+)*)$", token)
    return bool(match and match.group(1) in vocabulary)


def _broken_words(name: str, words: list[tuple[int, str]], vocabulary: set[str]) -> list[Violation]:
    out: list[Violation] = []
    i = 0
    while i < len(words):
        page, token = words[i]
        if _strip_note(token, vocabulary):
            i += 1
            continue
        # A URL (or a compound) broken at a line end: its pieces join into a word.
        joined, j = token, i
        while j + 1 < len(words) and j - i < 6 and joined[-1:] in BREAKS_AFTER:
            j += 1
            joined += words[j][1]
            if _strip_note(joined, vocabulary):
                break
        if _strip_note(joined, vocabulary) and j > i:
            i = j + 1
            continue
        out.append(Violation(name, page, "broken-word", token))
        i += 1
    return out


def vocabulary(document: object, extra: str = "") -> set[str]:
    """Every whitespace-separated word the document prints, notes and metadata included."""
    from brief.document import BlockQuote, Heading, ListBlock, Paragraph, Table
    from brief.document.model import Emphasis, LineBreak, Link, Note, Strong, Text

    texts: list[str] = [extra]

    def inline(children: tuple) -> str:
        parts: list[str] = []
        for node in children:
            match node:
                case Text(text=text):
                    parts.append(text)
                case Emphasis(children=c) | Strong(children=c) | Link(children=c):
                    parts.append(inline(c))
                case Note(children=c):
                    texts.append(inline(c))  # a note is a paragraph of its own
                case LineBreak():
                    parts.append(" ")
        return "".join(parts)

    def block(b: object) -> None:
        match b:
            case Heading(children=c) | Paragraph(children=c):
                texts.append(inline(c))
            case ListBlock(items=items):
                texts.append(" ".join(f"{n}." for n in range(1, len(items) + 1)))
                for item in items:
                    for sub in item:
                        block(sub)
            case BlockQuote(children=children):
                for sub in children:
                    block(sub)
            case Table(header=header, rows=rows):
                for row in (header, *rows):
                    for cell in row:
                        texts.append(inline(cell))

    for b in document.blocks:  # type: ignore[attr-defined]
        block(b)
    meta = document.meta  # type: ignore[attr-defined]
    texts += [meta.title, meta.subtitle, meta.subject, meta.marking, meta.marking.upper()]
    words = {_apostrophes(word) for text in texts for word in text.split()}
    return words | {word.strip(_PUNCTUATION) for word in words}


_DECORATION = (
    "Page of Contents Information as of Period covered to Sources Subject Marking "
    "… • January February March April May June July August September October November "
    "December"
)


def check_workspace(
    workspace: Path, as_of: dt.date | None = None, only: list[str] | None = None
) -> tuple[int, list[Violation]]:
    """Render every briefing of `workspace` and check it; (briefs checked, violations)."""
    from brief.api import build_document, load
    from brief.render import pdf

    corpus = load(workspace)
    violations: list[Violation] = []
    names = sorted(
        p.stem for p in (workspace / "briefings").glob("*.yaml") if not p.name.startswith("_")
    )
    names = [n for n in names if not only or n in only]
    for name in names:
        document = build_document(corpus, name, as_of=as_of)
        data = pdf.render(document)
        violations += check_pdf(name, data, vocabulary(document, _DECORATION))
    return len(names), violations


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("workspace", type=Path, nargs="?", default=ROOT)
    parser.add_argument("--as-of", type=dt.date.fromisoformat, default=None)
    parser.add_argument("--only", action="append", help="check only this briefing")
    parser.add_argument("--synth", choices=("tiny", "small"), help="check a synthetic corpus")
    args = parser.parse_args(argv)
    workspace = args.workspace
    if args.synth:
        sys.path.insert(0, str(ROOT / "benchmarks"))
        import synth

        workspace = Path(tempfile.mkdtemp(prefix="layout-synth-"))
        synth.generate(workspace, synth.sizes_for(args.synth))
    count, violations = check_workspace(workspace, args.as_of, args.only)
    for violation in violations:
        print(violation)
    print(f"{count} briefs checked, {len(violations)} violations")
    return 1 if violations else 0


if __name__ == "__main__":
    raise SystemExit(main())
