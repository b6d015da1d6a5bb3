"""Why the extractor proposes what it proposes: one line per proposal for the analyst.

The reviewer of a draft sees, for each statement, the words that name the
speaker and the rule that tied them to the quote (cue verb after or before
it, a pronoun resolved to the last person named who agrees in gender, a
continuation), and the words that date it (or that nothing does).
"""

from __future__ import annotations

import datetime as dt
import re

from brief.dates import Precision
from brief.ingest.dates import StatedDate
from brief.ingest.mentions import Mention
from brief.ingest.quotes import Attributed, Quotation, sentence_end, sentence_start
from brief.ingest.unnamed import description, is_unnamed

PRONOUNS = {"he", "she", "they", "it", "we"}

_RULES = {
    "after": "attribution right after the quote",
    "after-inverted": "attribution right after the quote (verb first)",
    "after-verb": "a person and a verb right after the quote, the verb not a listed "
    "cue (check the verb)",
    "after-dash": "the name (or description) signing the quote after a dash",
    "before-colon-name": "a person named right before the colon that introduces the quote",
    "after-clause": "attribution ending the sentence the quote runs on in",
    "before": "cue verb before the quote in the same sentence",
    "before-subject": "the subject of the sentence that introduces the quote",
    "before-subject-colon": "the subject of the sentence whose colon introduces the quote "
    "(no cue verb)",
    "before-subject-no-cue": "no cue verb: the person named as the subject of the quote's "
    "sentence (check: a weaker rule)",
    "before-coordinated": "cue verb before the quote sharing the sentence's subject "
    "(`X did A, and urged …`)",
    "quoting-subject": "no cue verb: the person who is the subject of the quote's sentence "
    "(check: a weaker rule)",
    "continuation": "continues the previous quote of the paragraph",
    "continuation-paragraph": "runs on from the quote that ended the previous paragraph",
    "continuation-fragment": "continues a short quoted fragment attributed right after it",
    "continuation-forward": "cut by an aside; the piece that completes it is attributed",
    "headline": "the headline opens with the speaker's name and a colon or cue verb",
    "name-colon": "the speaker's name and a colon right before the quote",
    "introduced": "introduced by the sentence that ends the previous paragraph",
    "introduced-subject": "the subject of the sentence ending in a colon that closes the "
    "previous paragraph (no cue verb)",
    "sentence-before": "the sentence before it in the paragraph reports this speaker's words",
    "reported-speech-before": "the previous paragraph reports this speaker's words",
    "transcript": "transcript line: the speaker's name before a colon",
    "ranked": "ranked: no rule attributes the quote; a learned ranker chose this speaker "
    "among the people its context names (weaker than a rule: check)",
    "unattributed": "no attribution in its sentence, its paragraph or the paragraph before",
}


def speaker_evidence(text: str, item: Attributed, name: str | None) -> str:
    rule = _RULES.get(item.rule, item.rule)
    words = text[item.evidence[0] : item.evidence[1]] if item.evidence else None
    if item.speaker is None:
        if words:
            return f"{rule}: “{words}” names no known or new actor; left unattributed"
        return f"{rule}; left unattributed"
    said = f"{rule}: “{_clause(text, item)}”" if item.speaker_start is not None else rule
    if words and words.strip().casefold() in PRONOUNS:
        said += f"; pronoun “{words.strip()}” -> {name or item.speaker}, the last person named "
        said += "who agrees in gender and number"
    elif item.rule.startswith("continuation") and words:
        said += f" (speaker named as “{words}”)"
    if item.why:
        said += f"; ranked on: {item.why}"
    return said + _unnamed_note(item.speaker, name)


def namesake_note(text: str, item: Attributed, mentions: list[Mention]) -> str:
    """`Lind said` when the text names Tomas Lind and Erik Lind: the link is a guess,
    and the analyst is told so."""
    spans = [span for span in (item.evidence, item.carried) if span is not None]
    for mention in mentions:
        guessed = mention.namesakes and mention.actor == item.speaker
        if guessed and any(s <= mention.start and mention.end <= e for s, e in spans):
            others = " and ".join(mention.namesakes)
            surname = text[mention.start : mention.end]
            return (
                f"; “{surname}” is a guess: the text also names {others} with that "
                "surname and nothing decides which (check)"
            )
    return ""


def _unnamed_note(speaker: str, name: str | None) -> str:
    if not is_unnamed(speaker):
        return ""
    said = "; described, not named: proposed as an unnamed speaker"
    described = description((name or "").removeprefix("unnamed: "))
    if described is not None and described.document:
        said += " (a document: who issued it is not established)"
    return said


def _clause(text: str, item: Attributed) -> str:
    """The attribution's words between the quote and the speaker, shortened."""
    assert item.speaker_start is not None and item.speaker_end is not None
    quote = item.quote
    if item.speaker_start > quote.close_mark:
        # After the quote: up to the end of the attribution, so the cue verb shows.
        start = quote.close_mark + 1
        stop = re.search(r"[.!?“\"\n]", text[item.speaker_end : item.speaker_end + 60])
        end = item.speaker_end + (stop.start() if stop else 0)
    elif item.speaker_end <= quote.open_mark:
        start, end = item.speaker_start, quote.open_mark
    else:
        start, end = item.speaker_start, item.speaker_end
    words = " ".join(text[start:end].split()).strip(' ,“”"')
    return words if len(words) <= 120 else words[:117] + "…"


def statement_date(
    text: str,
    quote: Quotation,
    quotes: list[Quotation],
    dates: list[StatedDate],
    published: dt.date,
    dateline: StatedDate | None = None,
) -> tuple[dt.date, Precision, str]:
    """(date, precision, evidence): a date stated in the quote's own sentence, else
    the dateline's date or the publication date, marked approximate (said on or
    before it). Never the date of an earlier event elsewhere in the article."""
    para_start = text.rfind("\n", 0, quote.open_mark) + 1
    para_end = text.find("\n", quote.close_mark)
    para_end = len(text) if para_end == -1 else para_end
    start = sentence_start(text, quote.open_mark, para_start, quotes)
    end = sentence_end(text, min(quote.close_mark + 1, para_end), para_end, quotes)
    own = [
        d
        for d in dates
        if start <= d.start < end
        and not quote.open_mark <= d.start <= quote.close_mark
        and d.date <= published
    ]
    if own:
        stated = own[0]
        return (
            stated.date,
            stated.precision,
            f"stated with the quote: “{text[stated.start : stated.end]}”",
        )
    if dateline is not None and dateline.date <= published:
        words = text[dateline.start : dateline.end]
        return (
            dateline.date,
            Precision.APPROXIMATE,
            f"dateline “{words}”: the text dates it no closer",
        )
    return published, Precision.APPROXIMATE, "publication date: the text dates this quote no closer"
