"""Direct quotations: every common quote style, one paragraph at most, boilerplate skipped.

Also the sentence boundaries the attribution rules need, which never split
inside a quotation.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from brief.ingest.lexicon import alternation
from brief.ingest.lexicon import words as words_of

# opener -> closers it pairs with (`"... law,”`: mixed pairs happen in scraped news)
QUOTE_MARKS = {
    "“": "”",
    "„": "“”",
    "«": "»",
    "»": "«",
    "‘": "’",
    '"': '"”',
}
DOUBLED = "''"
"""Two apostrophes as a double quotation mark (`''We will,'' he said`), as some wires print."""
MIN_WORDS = 3
"""Shorter quotations are scare quotes or names (`“separation,”`), not statements."""


@dataclass(frozen=True)
class Quotation:
    start: int
    """Offset of the first character inside the quotation marks."""
    end: int
    open_mark: int
    close_mark: int
    """Offset of the closing mark, or of the paragraph end when it never closes."""


@dataclass(frozen=True)
class Attributed:
    quote: Quotation
    speaker: str | None
    speaker_start: int | None
    speaker_end: int | None
    rule: str
    carried: tuple[int, int] | None = None
    """For a continuation: where the speaker of the quote it continues was named."""
    why: str | None = None
    """For a ranked speaker: the evidence that weighed most (brief.ingest.ranker)."""

    @property
    def evidence(self) -> tuple[int, int] | None:
        """Where the text names this quote's speaker (`he`, `Mr. Rove`), if anywhere."""
        start, end = self.speaker_start, self.speaker_end
        if start is not None and end is not None and end > start:
            return start, end
        return self.carried


# ------------------------------------------------------------------ finding


def paragraphs(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for line in text.split("\n"):
        if line.strip():
            spans.append((start, start + len(line)))
        start += len(line) + 1
    return spans


def _closes(text: str, index: int, closers: str) -> bool:
    if text[index] not in closers:
        return False
    if text[index] in "’'":
        # An apostrophe (Alliance’s, Allies’) is not a closing single quote.
        after = text[index + 1 : index + 2]
        return not after or not after.isalnum()
    return True


def _opens(text: str, index: int, marks: dict[str, str] = QUOTE_MARKS) -> bool:
    char = text[index]
    if char not in marks:
        return False
    before = text[index - 1 : index] if index else ""
    after = text[index + 1 : index + 2]
    if char in "‘\"'":
        # Straight and single quotes open only at a word's start.
        return (not before or not before.isalnum()) and bool(after) and not after.isspace()
    return True


HEADLINE_NAME = r"[A-Z][\w.’'-]*(?:\s[A-Z][\w.’'-]*){0,4}?"
"""A name at a headline's start, in Title Case as the whole headline is."""
HEADLINE_SPEAKER = re.compile(rf"{HEADLINE_NAME}:\s")
"""`Jane Roe: Harbour Plan ‘Dead in the Water’`: a headline giving its speaker first."""
_HEADLINE_MARKS = {**QUOTE_MARKS, "'": "'"}
"""Headlines quote in straight single quotes too (`Roe: 'We will not pay.'`)."""


def find_quotations(text: str, skip: list[tuple[int, int]]) -> list[Quotation]:
    """Every quotation, never crossing a paragraph, never inside skipped spans."""
    found: list[Quotation] = []
    spans = paragraphs(text)
    first = text[spans[0][0] : spans[0][1]] if spans else ""
    if len(spans) > 1 and HEADLINE_SPEAKER.match(first):
        # `Jane Roe: Harbour Plan ‘Dead in the Water’`: the headline quotes its speaker,
        # in Title Case as the whole headline is, not a title of a work.
        found += _quoted_in(text, spans[0], skip, headline=True)
        spans = spans[1:]
    elif len(spans) > 1 and _is_headline(first):
        # A headline's quotation repeats or trails the article's: not a statement.
        spans = spans[1:]
    for span in spans:
        found += _quoted_in(text, span, skip)
    return found


def _quoted_in(
    text: str, span: tuple[int, int], skip: list[tuple[int, int]], headline: bool = False
) -> list[Quotation]:
    """The quotations of one paragraph (`span`)."""
    found: list[Quotation] = []
    para_start, para_end = span
    marks = _HEADLINE_MARKS if headline else QUOTE_MARKS
    index = para_start
    while index < para_end:
        if _opens_doubled(text, index):
            close = text.find(DOUBLED, index + 2, para_end)
            close = para_end if close == -1 else close
            start, end = _trim(text, index + 2, close)
            close_mark = min(close + 1, para_end)
        elif _opens(text, index, marks):
            close = _closing_mark(text, index, para_end, marks)
            start, end = _trim(text, index + 1, close)
            close_mark = close
        else:
            index += 1
            continue
        if (
            end > start
            and _long_enough(text[start:end])
            and not any(s < end and start < e for s, e in skip)
            and not _title_or_gloss(text, index, start, end, headline)
        ):
            found.append(Quotation(start, end, index, close_mark))
        index = close_mark + 1
    return found


def _opens_doubled(text: str, index: int) -> bool:
    if text[index : index + 2] != DOUBLED:
        return False
    before = text[index - 1 : index] if index else ""
    after = text[index + 2 : index + 3]
    return (not before or not before.isalnum()) and bool(after) and not after.isspace()


def _title_or_gloss(
    text: str, open_mark: int, start: int, end: int, headline: bool = False
) -> bool:
    """A translation gloss (`meaning “...”`) or the title of a work (`the show “...”`);
    in a `headline` everything is in Title Case, so only the words before tell."""
    before = text[max(0, open_mark - 40) : open_mark]
    if _GLOSS.search(before) or _WORK.search(before):
        return True
    if headline:
        return False
    # `appeared on NBC’s “Meet the Press.”`: a programme, its full stop the sentence's
    on_programme = _ON_PROGRAMME.search(before) is not None
    return _title_case(text[start:end], full_stop=on_programme)


_ON_PROGRAMME = re.compile(r"(?:\bon|[’']s)\s*$")


def _title_case(words: str, full_stop: bool = False) -> bool:
    """`Peace Through Strength`, `Back to the Future`: a title, not a sentence."""
    tokens = words.rstrip(".!?,").split()
    ends = words.rstrip()[-1:]
    if not 2 <= len(tokens) <= 8 or (ends in ".!?" and not (full_stop and ends == ".")):
        return False
    minor = words_of("minor_words")
    content = [t for t in tokens if t.casefold() not in minor]
    return (
        bool(content)
        and all(t[:1].isupper() or t[:1].isdigit() for t in content)
        and (tokens[0][:1].isupper())
    )


_GLOSS = re.compile(rf"(?:^|\W)(?:{alternation('glosses')})\s*[,:]?\s*$", re.IGNORECASE)
_WORK = re.compile(rf"(?:^|\W)(?:{alternation('titles_of_works')})\s*[,:]?\s*$", re.IGNORECASE)


def _long_enough(words: str) -> bool:
    """Three words, or a whole short sentence (`Only dialogue will.`)."""
    count = len(words.split())
    sentence = words[:1].isupper() and words.rstrip('”"»’')[-1:] in ".!?"
    return count >= MIN_WORDS or (count >= 2 and sentence)


def _is_headline(line: str) -> bool:
    # A headline has no full stop, also when it ends in a quotation.
    stripped = line.strip().rstrip("”\"»“’'")
    return len(stripped.split()) <= 20 and stripped[-1:] not in ".!?"


def _closing_mark(text: str, index: int, para_end: int, marks: dict[str, str] = QUOTE_MARKS) -> int:
    closers = marks[text[index]]
    candidates = [j for j in range(index + 1, para_end) if _closes(text, j, closers)]
    if text[index] == "“":
        # `“… yet," Roe said.`, `“… here,“ said Roe`: scraped news closes a curly
        # quote with a straight one or with a second opening mark, before any `”`.
        candidates = sorted(candidates + _mixed_closers(text, index + 1, para_end))
    if text[index] == "‘":
        # `Allies’ commitment` is a plural possessive: a closing single quote
        # usually touches punctuation (`steadfast,’ he said`, `’.`).
        marked = [
            j
            for j in candidates
            if text[j - 1] in ",.!?;:"
            or text[j + 1 : j + 2] in {"", ",", ".", ";", ":", "!", "?", ")"}
        ]
        candidates = marked or candidates
    return candidates[0] if candidates else para_end


def _mixed_closers(text: str, start: int, end: int) -> list[int]:
    """Straight `"` and a `“` that ends a word (`here,“ said`) between start and end."""
    return [
        j
        for j in range(start, end)
        if text[j] == '"'
        or (text[j] == "“" and not text[j + 1 : j + 2].isalnum() and text[j - 1] in ",.!?")
    ]


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:"):
        end -= 1
    return start, end


# ------------------------------------------------------------------ sentences

_ABBREVIATIONS = re.compile(rf"(?:\b(?:{alternation('abbreviations')})|\b[A-Z])\.$")


def _in_quote(index: int, quotes: list[Quotation], opens: list[int]) -> bool:
    """Whether `index` is within a quotation's marks (`opens`: the quotes' open marks, sorted)."""
    at = bisect.bisect_right(opens, index) - 1
    return any(
        quotes[i].open_mark <= index <= quotes[i].close_mark for i in range(max(0, at - 2), at + 1)
    )


def sentence_start(text: str, index: int, floor: int, quotes: list[Quotation]) -> int:
    """Start of the sentence holding `index`, not splitting inside quotations."""
    quotes = sorted(quotes, key=lambda q: q.open_mark)
    opens = [q.open_mark for q in quotes]
    j = index
    while j > floor:
        j -= 1
        if text[j] not in '.!?”"’' or _in_quote(j, quotes, opens):
            continue
        if text[j] in '”"’' and text[j - 1 : j] in {".", "!", "?"} and text[j + 1 : j + 2] == " ":
            return j + 1  # `... against “parallel clubs.” He told`: a short quote ends it
        if text[j] in ".!?" and text[j + 1 : j + 2].isspace():
            if _ABBREVIATIONS.search(text[max(floor, j - 6) : j + 1]):
                continue
            return j + 1
    return floor


def sentence_end(text: str, index: int, ceiling: int, quotes: list[Quotation]) -> int:
    quotes = sorted(quotes, key=lambda q: q.open_mark)
    opens = [q.open_mark for q in quotes]
    j = index
    while j < ceiling:
        if (
            text[j] in ".!?"
            and (j + 1 >= ceiling or text[j + 1].isspace())
            and not _in_quote(j, quotes, opens)
            and not _ABBREVIATIONS.search(text[max(0, j - 6) : j + 1])
        ):
            return j + 1
        j += 1
    return ceiling
