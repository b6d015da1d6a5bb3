"""Transcripts: `NAME: words` lines, each the named speaker's words.

A line counts when at least two lines of the text share the form, so that a
stray `UPDATE:` or `Note:` is not a transcript (data/transcript_labels.txt
lists labels that never speak, and speakers nobody can be linked to).
"""

from __future__ import annotations

import re

from brief.ingest.lexicon import alternation, lines
from brief.ingest.quotes import Attributed, Quotation, paragraphs
from brief.ingest.speakers import Resolver

_UPPER = "A-ZÀ-ÝĀ-Ž"
_LINE = re.compile(
    rf"^(?P<label>(?:(?i:{alternation('abbreviations')})\.\s)?[{_UPPER}][{_UPPER}’'.\- ]{{0,38}}"
    rf"[{_UPPER}.]):\s+(?P<said>\S.*)$"
)


def _labels(kind: str) -> list[re.Pattern[str]]:
    return [
        re.compile(rf"^(?:{entry.split(chr(9), 1)[1]})$", re.IGNORECASE)
        for entry in lines("transcript_labels")
        if entry.startswith(kind + "\t")
    ]


def transcript_lines(text: str, skip: list[tuple[int, int]]) -> list[tuple[int, int, int, int]]:
    """(label start, label end, words start, words end) of every transcript line."""
    found = []
    not_speakers = _labels("not")
    for start, end in paragraphs(text):
        match = _LINE.match(text[start:end])
        if match is None or any(s < end and start < e for s, e in skip):
            continue
        label = match.group("label").strip()
        if any(p.match(label) for p in not_speakers) or len(match.group("said").split()) < 2:
            continue
        found.append(
            (start, start + len(label), start + match.start("said"), start + len(match.group(0)))
        )
    return found if len(found) >= 2 else []


def attribute_transcript(
    text: str, found: list[tuple[int, int, int, int]], resolver: Resolver
) -> list[Attributed]:
    nobody = _labels("nobody")
    results = []
    for label_start, label_end, start, end in found:
        while end > start and text[end - 1].isspace():
            end -= 1
        quote = Quotation(start, end, label_end, end)
        label = text[label_start:label_end]
        if any(p.match(label.strip(" .")) for p in nobody):
            results.append(Attributed(quote, None, label_start, label_end, "transcript"))
            continue
        speaker = resolver.resolve(label_start, label_end, start)
        if speaker is None and label.isupper():
            # `BRANDT:` as a name: read it as `Brandt` so that it links like one.
            speaker = resolver.resolve_name(label.title(), label_start, label_end, start)
        results.append(
            Attributed(
                quote, speaker.actor if speaker else None, label_start, label_end, "transcript"
            )
        )
    return results
