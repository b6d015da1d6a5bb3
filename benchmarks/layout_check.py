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
- blank-bottom: a page whose body ends more than a quarter of the text
  height above its notes (or the bottom margin) although more follows and
  no deliberate page break (the cover's, a `\\pagebreak`) ends it;
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
import itertools
import re
import subprocess
import sys
import tempfile
import zipfile
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
# A page may end this much of the text height short of its notes and still
# be full: what follows could not start there without breaking a keep rule.
BLANK_LIMIT = 0.25
_BULLET = re.compile(r"^(•|\d{1,3}\.)$")


@dataclass
class Line:
    text: str
    words: list[str]
    x0: float
    top: float
    size: float
    fonts: set[str]
    bottom: float = 0.0

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


@dataclass(frozen=True)
class Geometry:
    """Where a page's body may print (points from the top) and the smallest
    body text size (notes are smaller)."""

    top: float
    bottom: float
    left: float
    right: float
    min_size: float


PDF = Geometry(TOP, BOTTOM, LEFT, RIGHT, BODY_MIN_SIZE)


def page_lines(words: list[dict], geometry: Geometry = PDF) -> list[Line]:
    """The body's lines (no banners, running header, footer or notes), top down."""
    rows: dict[int, list[dict]] = {}
    for word in words:
        if word["top"] < geometry.top - 2 or word["bottom"] > geometry.bottom + 2:
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
                {w["fontname"].split("+")[-1] for w in ws if w["size"] >= geometry.min_size},
                max(w["bottom"] for w in ws),
            )
        )
    # Lines of the contents (leader dots) are no headings, wherever it ends.
    return [
        line
        for line in lines
        if line.size >= geometry.min_size and line.fonts and ". . . ." not in line.text
    ]


def check_pdf(
    name: str, data: bytes, vocabulary: set[str], broken_before: frozenset[str] = frozenset()
) -> list[Violation]:
    """The violations of `data`; `broken_before`: the text of each block that
    follows a deliberate page break (the page before it may end short)."""
    out: list[Violation] = []
    pages: list[list[Line]] = []
    notes_tops: list[float] = []
    all_words: list[tuple[int, str]] = []
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for page in pdf.pages:
            words = page.extract_words(
                use_text_flow=True, extra_attrs=["fontname", "size"], x_tolerance=1.5
            )
            pages.append(page_lines(words))
            notes_tops.append(notes_top(page, pages[-1], words))
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
        following = pages[number] if number < len(pages) else []
        out += _page_rules(name, number, lines, following)
    out += blank_bottoms(name, pages, notes_tops, PDF, broken_before)
    out += _broken_words(name, all_words, vocabulary)
    return out


def blank_bottoms(
    name: str,
    pages: list[list[Line]],
    notes_tops: list[float],
    geometry: Geometry,
    broken_before: frozenset[str],
) -> list[Violation]:
    """Pages (but the cover and the last) whose body ends more than
    BLANK_LIMIT of the text height above their notes or bottom margin,
    unless the next page starts after a deliberate page break."""
    out: list[Violation] = []
    for number in range(2, len(pages)):
        lines, following = pages[number - 1], pages[number]
        if not lines or not following:
            continue
        if any(following[0].text.startswith(text) for text in broken_before):
            continue
        blank = blank_fraction(lines, notes_tops[number - 1], geometry)
        if blank > BLANK_LIMIT:
            detail = f"{blank:.0%} blank before {following[0].text[:60]}"
            out.append(Violation(name, number, "blank-bottom", detail))
    return out


def blank_fraction(lines: list[Line], notes_top: float, geometry: Geometry) -> float:
    """The share of the text height left empty between the body's last line and the notes."""
    return max(0.0, notes_top - lines[-1].bottom) / (geometry.bottom - geometry.top)


def notes_top(
    page: object, lines: list[Line], words: list[dict], geometry: Geometry = PDF
) -> float:
    """Where the page's notes start: the short rule above them or their first
    line, whichever is higher (LibreOffice may print notes over the end of a
    table: no blank there), else the bottom margin."""
    below = lines[-1].bottom if lines else geometry.top
    half = (geometry.right - geometry.left) / 2
    rules = [
        r["top"]
        for r in (*page.lines, *page.rects)  # type: ignore[attr-defined]
        if below + 6 < r["top"] < geometry.bottom and r["x1"] - r["x0"] < half and r["height"] < 2
    ]
    notes = [w["top"] for w in words if below < w["top"] < geometry.bottom]
    return min([*rules, *notes], default=geometry.bottom)


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


def after_breaks(document: object) -> frozenset[str]:
    """The text of each top-level block that follows a deliberate page break."""
    from brief.document import PageBreak, plain_text

    blocks = document.blocks  # type: ignore[attr-defined]
    return frozenset(
        " ".join(plain_text(getattr(after, "children", ())).split())[:40]
        for before, after in itertools.pairwise(blocks)
        if isinstance(before, PageBreak)
    ) - {""}


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
    names = _briefings(workspace, only)
    for name in names:
        document = build_document(corpus, name, as_of=as_of)
        data = pdf.render(document)
        violations += check_pdf(
            name, data, vocabulary(document, _DECORATION), after_breaks(document)
        )
    return len(names), violations


def word_geometry(docx: bytes) -> Geometry:
    """The body area of a .docx's (first) section, in points."""
    with zipfile.ZipFile(io.BytesIO(docx)) as archive:
        xml = archive.read("word/document.xml").decode()
    # <w:pgSz w:w=.. w:h=..> and <w:pgMar w:top=.. w:bottom=.. ...>, in twips.
    tags = " ".join(re.findall(r"<w:pg(?:Sz|Mar)\b[^>]*>", xml))
    attrs = {key: float(value) / 20 for key, value in re.findall(r'w:(\w+)="(\d+)"', tags)}
    height, width = attrs["h"], attrs["w"]
    return Geometry(
        attrs["top"], height - attrs["bottom"], attrs["left"], width - attrs["right"], WORD_MIN_SIZE
    )


# Word notes are 9 pt, table cells 9.5, body 11 (as LibreOffice prints them).
WORD_MIN_SIZE = 9.2


def check_word_pdf(
    name: str, data: bytes, geometry: Geometry, broken_before: frozenset[str] = frozenset()
) -> list[Violation]:
    """Blank page bottoms of a .docx as LibreOffice lays it out (`data`: its PDF)."""
    pages: list[list[Line]] = []
    tops: list[float] = []
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for page in pdf.pages:
            words = page.extract_words(extra_attrs=["fontname", "size"], x_tolerance=1.5)
            pages.append(page_lines(words, geometry))
            tops.append(notes_top(page, pages[-1], words, geometry))
    return blank_bottoms(name, pages, tops, geometry, broken_before)


def check_word(
    workspace: Path, as_of: dt.date | None = None, only: list[str] | None = None
) -> tuple[int, list[Violation]]:
    """Render every briefing of `workspace` as .docx, lay each out with
    LibreOffice (soffice) and report its blank page bottoms."""
    from brief.api import build_document, load
    from brief.render import docx

    corpus = load(workspace)
    names = _briefings(workspace, only)
    out = Path(tempfile.mkdtemp(prefix="layout-word-"))
    documents = {name: build_document(corpus, name, as_of=as_of) for name in names}
    files = {}
    for name, document in documents.items():
        files[name] = docx.render(document)
        (out / f"{name}.docx").write_bytes(files[name])
    # A profile of its own: a LibreOffice already running (another user's
    # conversion) would otherwise take the job over, or refuse it.
    profile = f"-env:UserInstallation={(out / 'profile').as_uri()}"
    subprocess.run(
        ["soffice", profile, "--headless", "--convert-to", "pdf", "--outdir", str(out)]
        + [str(out / f"{name}.docx") for name in names],
        check=True,
        capture_output=True,
    )
    violations: list[Violation] = []
    for name in names:
        data = (out / f"{name}.pdf").read_bytes()
        geometry = word_geometry(files[name])
        label = f"{name} (Word)"
        violations += check_word_pdf(label, data, geometry, after_breaks(documents[name]))
    return len(names), violations


def _briefings(workspace: Path, only: list[str] | None) -> list[str]:
    names = sorted(
        p.stem for p in (workspace / "briefings").glob("*.yaml") if not p.name.startswith("_")
    )
    return [n for n in names if not only or n in only]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("workspace", type=Path, nargs="?", default=ROOT)
    parser.add_argument("--as-of", type=dt.date.fromisoformat, default=None)
    parser.add_argument("--only", action="append", help="check only this briefing")
    parser.add_argument(
        "--word", action="store_true", help="also lay the Word files out with LibreOffice"
    )
    parser.add_argument("--synth", choices=("tiny", "small"), help="check a synthetic corpus")
    args = parser.parse_args(argv)
    workspace = args.workspace
    if args.synth:
        sys.path.insert(0, str(ROOT / "benchmarks"))
        import synth

        workspace = Path(tempfile.mkdtemp(prefix="layout-synth-"))
        synth.generate(workspace, synth.sizes_for(args.synth))
    count, violations = check_workspace(workspace, args.as_of, args.only)
    if args.word:
        violations += check_word(workspace, args.as_of, args.only)[1]
    for violation in violations:
        print(violation)
    print(f"{count} briefs checked, {len(violations)} violations")
    return 1 if violations else 0


if __name__ == "__main__":
    raise SystemExit(main())
