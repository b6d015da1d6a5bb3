"""Attributing each quotation to its speaker.

1. an attribution right after the quote (`…,” he said`, `…” –said the Alliance
   press office`, `…,” said Jane Roe, the EU envoy`);
2. a speech verb in the same sentence before it (`Roe affirmed that: “…`,
   `X told reporters: “…`, `the ministry said in a statement that it was “…`),
   or, for a participle (`…, stating, “…`), the sentence's subject;
3. otherwise a continuation: the speaker of the previous quote in the
   paragraph, or the person the text is talking about.
Short quotations inside a running sentence (borrowed phrases) and quotations
repeating a longer one (headlines, pull quotes) are dropped.
"""

from __future__ import annotations

import re

from brief.ingest.lexicon import alternation
from brief.ingest.lexicon import words as words_of
from brief.ingest.mentions import NOT_NAME_WORDS, Mention
from brief.ingest.names import PERSONAL_PRONOUNS
from brief.ingest.quotes import (
    HEADLINE_NAME,
    Attributed,
    Quotation,
    sentence_end,
    sentence_start,
)
from brief.ingest.ranker import Ranker
from brief.ingest.speakers import Resolver

VERB = rf"(?:{alternation('speech_verbs')})"
_VERB = re.compile(rf"(?<![\w’'-]){VERB}(?![\w-])")
_OPENING_VERB = re.compile(rf"(?=[A-Z])(?i:{VERB})(?![\w-])")
"""A cue verb opening a sentence, so capitalised (`Said Jane Roe, “…`)."""


def attribute(
    text: str, quotes: list[Quotation], resolver: Resolver, ranker: Ranker | None = None
) -> list[Attributed]:
    """Speaker of every quotation (None when nothing in the text says who).

    A quote no rule attributes goes to the `ranker` (brief.ingest.ranker), which
    may propose one of the people its context names, marked `ranked`."""
    results: list[Attributed] = []
    for index, quote in enumerate(quotes):
        para_start, para_end = _paragraph_of(text, quote.start)
        found = _own_attribution(text, quote, quotes, resolver, (para_start, para_end))
        if found is None:
            found = _continuation(text, quote, results, quotes[:index], resolver, para_start)
        if found.rule == "unattributed" and ranker is not None:
            found = ranker.attribute(text, quote, quotes, results, resolver) or found
        resolver.note(found)
        results.append(found)
    results = _interrupted(text, results)
    # A short phrase in a running sentence is kept only when its speaker is known:
    # with one, it is the speaker's words (`Roe said … and called it “a tax on us”`).
    return [
        r
        for r in results
        if not (r.speaker is None and _partial(text, r)) and not _repeated(text, r, results)
    ]


def _own_attribution(
    text: str,
    quote: Quotation,
    quotes: list[Quotation],
    resolver: Resolver,
    paragraph: tuple[int, int],
) -> Attributed | None:
    """The attribution the quote's own sentence, fragment or headline makes, if any."""
    para_start, para_end = paragraph
    found = (
        _after(text, quote, quotes, resolver, para_end)
        or _before(text, quote, quotes, resolver, para_start)
        or _after_clause(text, quote, quotes, resolver, para_end)
    )
    if found is not None and found.speaker is None:
        found = _described(found, resolver)
    if found is None:
        found = (
            _after_unlisted_verb(text, quote, quotes, resolver, para_end)
            or _after_dash(text, quote, resolver, (para_start, para_end))
            or _name_before_colon(text, quote, resolver, para_start)
        )
    if found is None:
        found = _after_fragment(text, quote, quotes, resolver, para_start)
    if found is not None and found.speaker is None:
        found = _described(found, resolver)
    if found is None and para_start == 0:
        found = _headline(text, quote, resolver)
    return found


_HEADLINE_SPEAKER = re.compile(
    rf"(?P<np>{HEADLINE_NAME})(?::\s|\s(?P<verb>(?=[A-Z])(?i:{VERB}))\s)"
)
"""`Jane Roe:`, `Jane Roe Says`: the name runs up to the colon or the cue verb (so
`Jane Roe Says` is not `Jane` and the verb `Roe`)."""
_HEADLINE_STOPS = {"on", "of", "for", "to", "in", "at", "about", "with", "and", "after", "over"}


def _headline(text: str, quote: Quotation, resolver: Resolver) -> Attributed | None:
    """`Jane Roe: Harbour Plan ‘Dead in the Water’`, `Jane Roe Says …‘…’`: a headline
    that opens with a person's name and a colon or a (capitalised) cue verb."""
    match = _HEADLINE_SPEAKER.match(text, 0, quote.open_mark)
    if match is None:
        return None
    words = match.group("np").split()
    if any(w.casefold() in _HEADLINE_STOPS for w in words):
        return None  # `Minister On Jane Roe:`: the name is what the headline is about
    speaker = resolver.resolve(match.start("np"), match.end("np"), quote.start)
    if speaker is None or speaker.kind != "person":
        return None
    return _make(quote, speaker, match.start("np"), match.end("np"), "headline")


def _interrupted(text: str, results: list[Attributed]) -> list[Attributed]:
    """`“I don't think the wisdom” -- an aside -- “is going to last,” he says`: a quote
    cut by an aside takes the attribution of the piece that completes it."""
    fixed = list(results)
    for index in range(len(fixed) - 2, -1, -1):
        here, after = fixed[index], fixed[index + 1]
        if here.rule != "unattributed" or after.speaker is None:
            continue
        if not after.rule.startswith("after"):
            continue
        between = text[here.quote.close_mark + 1 : after.quote.open_mark]
        if "\n" in between or re.search(r"[.!?]\s", between) or len(between.split()) > 25:
            continue
        fixed[index] = Attributed(
            here.quote, after.speaker, None, None, "continuation-forward", after.evidence, after.why
        )
    return fixed


PARTIAL_WORDS = 6
"""A short quotation inside a running sentence with no speaker is a phrase the writer
borrowed."""


_OWN_RULES = {"after", "after-inverted", "after-verb", "after-dash", "after-clause", "before"}
"""Rules that find a quote's own attribution: a short quote they attribute is kept."""


def _partial(text: str, found: Attributed) -> bool:
    if found.rule in _OWN_RULES:
        return False
    quote = found.quote
    following = text[quote.close_mark + 1 : quote.close_mark + 40].lstrip()
    words = text[quote.start : quote.end]
    if len(words.split()) >= PARTIAL_WORDS:
        return False
    if following[:1].islower():
        return True
    # `accused Doe of “meddling in internal affairs”.`: a borrowed phrase
    preceding = text[max(0, quote.open_mark - 30) : quote.open_mark].rstrip()
    introduced = re.search(rf"(?:{VERB}|\bthat|:|,)$", preceding)
    return words[:1].islower() and not introduced


def _repeated(text: str, found: Attributed, results: list[Attributed]) -> bool:
    """A headline or pull quote repeating words quoted in full elsewhere."""
    words = text[found.quote.start : found.quote.end].strip(" .,;:!?")
    return any(
        other is not found
        and words in text[other.quote.start : other.quote.end]
        and other.quote.end - other.quote.start > found.quote.end - found.quote.start
        for other in results
    )


def _paragraph_of(text: str, index: int) -> tuple[int, int]:
    start = text.rfind("\n", 0, index) + 1
    end = text.find("\n", index)
    return start, len(text) if end == -1 else end


# `Stuart B. Munsch`, `Mr. Rove`: initials and abbreviated titles keep their dot
_ABBREVIATED = rf"(?:(?:[A-Z]\.)+|(?:{alternation('abbreviations')})\.)"
_NP_TOKEN = rf"(?:{_ABBREVIATED}|[^\s,.;:“”\"«»„]+)"
_AFTER_NP = rf"(?P<np>(?:{_NP_TOKEN}\s){{0,14}}?{_NP_TOKEN})"
_BEFORE_VERB = rf"(?:(?:{alternation('adverbs')}|{alternation('auxiliaries')})\s+){{0,3}}"
"""Words between a speaker and the cue verb: `once`, `has`, `will often`."""
_AFTER_SPEAKER_VERB = re.compile(
    rf"^[\s,.”\"»“–—'-]*{_AFTER_NP}(?:\s\([^()]{{1,30}}\))?(?P<appos>(?:,\s[^,“”\"]{{1,100}}){{1,4}},)?\s+"
    rf"{_BEFORE_VERB}{VERB}(?![\w-])"
)
_NP_ENDS = alternation("noun_phrase_ends")
"""Words that end a speaker's noun phrase after the verb (`said Roe in Riverton`)."""
_AFTER_VERB_SPEAKER = re.compile(
    rf"^[\s,.”\"»“–—'-]*{VERB}\s+(?P<np>(?:(?:the|a|an)\s)?(?:{_NP_TOKEN}\s){{0,6}}?"
    rf"(?:{_ABBREVIATED}|[^\s,.;:“”\"]+?))(?<![\s.][A-Z])(?=\s*(?:[,.;:“”\"]|$|\s(?:{_NP_ENDS})\s))"
)


def _tail(text: str, quote: Quotation, quotes: list[Quotation], para_end: int) -> tuple[int, str]:
    """Where the words after the quote start, and the words, up to the paragraph's end or
    the next quote."""
    start = min(quote.close_mark + 1, para_end)
    later = [q.open_mark for q in quotes if q.open_mark >= start]
    return start, text[start : min([para_end, *later])]


_RUNS_ON = re.compile(rf"[\s,]*(?:{alternation('subordinators')})\s")
"""`“…,” after Roe announced …`: a conjunction after the quote opens another clause."""
BE_FORMS = ("is", "are", "was", "were", "been", "being")
"""Forms of `to be` that make a cue verb passive (`were told`, `was reported by`)."""
_BE = "|".join(BE_FORMS)
_PASSIVE_BE = re.compile(rf"\b(?:{_BE})(?:\s+\w+)?$")
_PASSIVE_BY = re.compile(r"\s+by\s")
"""`was first reported by`: a passive cue verb, whose subject did not speak."""


def _after(
    text: str, quote: Quotation, quotes: list[Quotation], resolver: Resolver, para_end: int
) -> Attributed | None:
    tail_start, tail = _tail(text, quote, quotes, para_end)
    closed_sentence = text[quote.start : quote.end].rstrip()[-1:] == "."
    # `“…?” Roe asked, …`: a question or exclamation is followed by its attribution;
    # after a full stop, `“…” He also …` is the next sentence.
    if _RUNS_ON.match(tail):
        return None  # `... was “a political document” and that X ...`: the sentence runs on
    for pattern, rule in ((_AFTER_SPEAKER_VERB, "after"), (_AFTER_VERB_SPEAKER, "after-inverted")):
        match = pattern.match(tail)
        if not match or (rule == "after-inverted" and _GERUND_FIRST.match(tail)):
            continue  # `“…,” referring to the convention`: a participle, not `said Roe`
        if closed_sentence and tail.lstrip()[:1].isupper() and not _short_clause(tail, match):
            continue  # `…manner.” He also emphasised the Alliance's…` is the next sentence
        if _PASSIVE_BE.search(match.group("np")) and _PASSIVE_BY.match(tail, match.end()):
            continue  # `…” The move was first reported by the Herald.`: the agent follows
        found = _after_match(text, quote, resolver, match, tail_start, rule)
        if found is not None:
            return found
    return None


_NAME = r"[A-Z][\w’'-]*(?:\s[A-Z][\w’'.-]*){0,3}"
_AFTER_NAME_ANY_VERB = re.compile(
    rf"^[^\S\n]*(?P<np>{_NAME}|[Hh]e|[Ss]he)\s(?:[a-z]+ly\s)?[a-z]{{3,}}(?:ed|es|s)\b"
)
"""`“…?” Roe pressed.`, `“…,” Roe quickly interjected …`: a name (or he/she) and a
finite verb right after the quote."""
_AFTER_ANY_VERB_NAME = re.compile(rf"^[^\S\n]*[a-z]{{3,}}ed\s(?P<np>{_NAME})(?=\s*(?:[.,;]|$))")
"""`“…,” pressed Roe.`: the verb first, then the name, closing the sentence."""


_SIGNER_TOKEN = rf"(?:{_ABBREVIATED}|[^\s,.;:()“”\"]+)"
_DASH_SIGNER = re.compile(
    rf"^[^\S\n]*(?:—|–|―|‒|--?)[^\S\n]*(?P<np>{_SIGNER_TOKEN}(?:\s{_SIGNER_TOKEN}){{0,9}}?)"
    rf"(?=[^\S\n]*(?:[,.;:(]|$)|\s(?:{alternation('signature_cuts')})\s)"
)
"""`“…” — Jane Roe, on the budget`, `— Sen. Jane Roe (D-Ost.)`, `— former mayor Jane
Roe during the debate`: a quote signed with a dash, as in lists of lines; the signer
runs up to a comma, a bracket, the end or a word opening what follows the name."""


def _after_dash(
    text: str, quote: Quotation, resolver: Resolver, paragraph: tuple[int, int]
) -> Attributed | None:
    """Who signs, after a dash, a quote that opens its paragraph (a byline after a
    quote in running text signs the article, not the quote)."""
    para_start, para_end = paragraph
    if text[para_start : quote.open_mark].strip():
        return None
    tail_start = min(quote.close_mark + 1, para_end)
    tail = text[tail_start:para_end]
    if not tail.strip(" .,"):
        # `- Jane Roe.` as a paragraph of its own under the quote (fact checks)
        tail_start, tail = _signature_line(text, para_end)
    match = _DASH_SIGNER.match(tail)
    if match is None:
        return None
    np_start, np_end = tail_start + match.start("np"), tail_start + match.end("np")
    speaker = resolver.resolve(np_start, np_end, quote.start)
    if speaker is None:
        return None
    return _make(quote, speaker, np_start, np_end, "after-dash")


_PERSON_COLON = re.compile(
    rf"(?<!\b[Oo]n\s)(?<!\b[Ii]n\s)(?<!\b[Aa]t\s)(?<!\b[Vv]ia\s)(?P<np>{_NAME}):\s*$"
)
"""`… pollster Jane Roe: “`, not `… wrote on Twitter: “` (a place where, not a who)."""


def _name_before_colon(
    text: str, quote: Quotation, resolver: Resolver, para_start: int
) -> Attributed | None:
    """`… doesn't surprise pollster Jane Roe: “…”`: a person's name right before the colon
    that introduces the quote, whatever the sentence's verb."""
    if para_start == 0:
        return None  # a headline (`Roe Praises Poe: ‘…’`): the headline rule reads it
    match = _PERSON_COLON.search(text, max(para_start, quote.open_mark - 80), quote.open_mark)
    if match is None or any(w.casefold() in _HEADLINE_STOPS for w in match.group("np").split()):
        return None  # `Board President On Jane Roe: ‘…`: the name is what it is about
    if not resolver.names_person(match.start("np"), match.end("np")):
        return None  # `… a familiar voice from Italian:`: a capitalised word, no person
    return _person_at(quote, resolver, match.start("np"), match.end("np"), "before-colon-name")


SIGNATURE_WORDS = 12
"""How long a paragraph signing the quote above it may be (`- Jane Roe, in a speech.`)."""


def _signature_line(text: str, para_end: int) -> tuple[int, str]:
    """The next non-blank paragraph after `para_end` when it is short enough to be a
    signature (else nothing), with where it starts."""
    start = para_end
    while start < len(text) and text[start].isspace():
        start += 1
    end = text.find("\n", start)
    line = text[start : len(text) if end == -1 else end]
    return (start, line) if len(line.split()) <= SIGNATURE_WORDS else (start, "")


def _after_unlisted_verb(
    text: str, quote: Quotation, quotes: list[Quotation], resolver: Resolver, para_end: int
) -> Attributed | None:
    """A quote cut off by `,` `?` or `!` and followed by a person and a verb is that
    person's, whatever the verb: unseen news uses cue verbs no list holds. Tried
    after every listed-cue rule."""
    if text[quote.start : quote.close_mark].rstrip()[-1:] not in {",", "?", "!"}:
        return None
    tail_start, tail = _tail(text, quote, quotes, para_end)
    match = _AFTER_NAME_ANY_VERB.match(tail) or _AFTER_ANY_VERB_NAME.match(tail)
    if match is None:
        return None
    np_start, np_end = tail_start + match.start("np"), tail_start + match.end("np")
    return _person_at(quote, resolver, np_start, np_end, "after-verb")


_FINITE_WORDS = words_of("auxiliaries") | {*BE_FORMS, "be"}
"""Verbs that make a phrase after `said` a clause (`said the plan could be …`)."""


_GERUND_FIRST = re.compile(r"[\s,.”\"»“–—'-]*(?![Aa]ccording\b)\w+ing\b")


def _after_match(
    text: str,
    quote: Quotation,
    resolver: Resolver,
    match: re.Match[str],
    tail_start: int,
    rule: str,
) -> Attributed | None:
    """The attribution a match after the quote makes, if its phrase names a speaker."""
    np_start, np_end = tail_start + match.start("np"), tail_start + match.end("np")
    if np_start - tail_start > 6 and rule == "after":
        return None
    words = text[np_start:np_end].split()
    if len(words) > 1 and words[0].casefold() in PERSONAL_PRONOUNS:
        return None  # `He struggles with a task - conceding …`: a clause, not a speaker
    if rule == "after-inverted" and any(w.casefold() in _FINITE_WORDS for w in words[1:]):
        return None  # `…,'' said the candidate could be …`: the verb's clause, no speaker
    np_end = _titled_end(text, np_start, np_end)
    named = _name_after_role(text, np_start, np_end)
    if named is not None:
        np_start, np_end = named
    speaker = resolver.resolve(np_start, np_end, quote.start)
    if speaker is None and "appos" in match.groupdict() and match.group("appos"):
        # `…,” his brother, Valon Bunjaku, told RTK`: the name is in apposition.
        np_start, np_end = tail_start + match.start("appos"), tail_start + match.end("appos")
        speaker = resolver.resolve(np_start, np_end, quote.start)
    if speaker is not None or _looks_like_speaker(text[np_start:np_end]):
        return _make(quote, speaker, np_start, np_end, rule)
    return None


_APPOSED_NAME = re.compile(
    r",\s+(?P<name>[A-Z](?:\.|[\w’'-]*)(?:\s(?:[A-Z](?:\.|[\w’'-]*)|[a-z]{2,3}(?=\s[A-Z]))){1,3})"
    r"(?=\s*[,.;]|\s*$)"
)
"""`, Jane Roe,`: a bare name in apposition (initials and particles such as `de` kept)."""


def _name_after_role(text: str, np_start: int, np_end: int) -> tuple[int, int] | None:
    """`the board spokesman, Jane Roe, said`, `said the board spokesman at the time, Jane
    Roe`: the role describes, the name in apposition right after it names: its span."""
    rest = re.match(r"[^,.;:“”\"\n]{0,40}(?=,)", text[np_end : np_end + 41])
    comma = np_end + (rest.end() if rest else 0)
    name = _APPOSED_NAME.match(text, comma)
    if name is None or not _role_phrase(text[np_start:comma]):
        return None
    return name.start("name"), name.end("name")


def _role_phrase(phrase: str) -> bool:
    """`the White House spokesman`, `Roe’s campaign chairman`, `another user`: a
    description ending in a lowercase noun, not a name."""
    words = phrase.split()
    if not words or not words[-1][:1].islower():
        return False
    possessive = any(re.search(r"[’']s$", w) for w in words[:-1])
    return words[0].casefold() in words_of("determiners") or possessive


def _titled_end(text: str, np_start: int, np_end: int) -> int:
    """`said Army Capt. Jane Roe`: the end of the phrase past a title's dot."""
    last_word = np_start + max(0, text.rfind(" ", np_start, np_end) + 1 - np_start)
    for at in (np_start, last_word):
        titled = _TITLED_NAME.match(text, at)
        if titled is not None and titled.end() > np_end:
            np_end = titled.end()
    return np_end


_CLAUSE_SPEAKER_VERB = re.compile(
    rf",\s+(?P<np>(?:{_NP_TOKEN}\s){{0,5}}?{_NP_TOKEN})\s+"
    rf"{_BEFORE_VERB}{VERB}\s*[.!?]?$"
)
_CLAUSE_VERB_SPEAKER = re.compile(
    rf",\s+{VERB}\s+(?P<np>[^,.;:“”\"]{{2,80}}?)(?:,\s[^“”\"]{{2,120}})?[.!?]?$"
)
CLAUSE_WORDS = 30
"""How long the words running on after a quote may be before `…, Roe said.` ends them."""


_FRAGMENT_END = re.compile(r"(?:[”\"]|'')(?P<attribution>(?:(?!'')[^“”\"\n]){3,120})$")
"""The close of a short fragment (`”`, `"` or a wire's doubled `''`) and what follows it."""


def _after_fragment(
    text: str, quote: Quotation, quotes: list[Quotation], resolver: Resolver, para_start: int
) -> Attributed | None:
    """`“It’s absurd,” Roe said. “Nobody asked us.”`: the quote continues a fragment too
    short to be a quotation itself, and the fragment's attribution names its speaker."""
    if any(para_start <= q.close_mark < quote.open_mark for q in quotes if q is not quote):
        previous = max(q.close_mark for q in quotes if q.close_mark < quote.open_mark)
        para_start = max(para_start, previous + 1)
    before = _FRAGMENT_END.search(text, para_start, quote.open_mark)
    if before is None or not re.search(r"[.,:]\s*$", before.group("attribution")):
        return None
    close = before.start()
    fragment = Quotation(close, close, close, close)
    found = _after(text, fragment, [quote], resolver, quote.open_mark)
    if found is None:
        return None
    start, end = found.speaker_start, found.speaker_end
    speaker = found.speaker
    return Attributed(quote, speaker, start, end, "continuation-fragment")


def _after_clause(
    text: str, quote: Quotation, quotes: list[Quotation], resolver: Resolver, para_end: int
) -> Attributed | None:
    """`“…” that is blatantly sexist, Roe said.`, `“…” if she loses, said Jane Roe, an
    analyst.`: the attribution ends the sentence the quote runs on in."""
    if text[quote.start : quote.close_mark].rstrip()[-1:] in ".!?":
        return None  # the quote ended its sentence: what follows is another one
    tail_start = min(quote.close_mark + 1, para_end)
    later = [q.open_mark for q in quotes if q.open_mark >= tail_start]
    end = sentence_end(text, tail_start, min([para_end, *later]), quotes)
    clause = text[tail_start:end].rstrip()
    if len(clause.split()) > CLAUSE_WORDS:
        return None
    for pattern in (_CLAUSE_SPEAKER_VERB, _CLAUSE_VERB_SPEAKER):
        match = pattern.search(clause)
        if match is None or _VERB.search(clause[: match.start()]):
            continue  # a cue verb earlier in the clause attributes something else
        np_start, np_end = tail_start + match.start("np"), tail_start + match.end("np")
        speaker = resolver.resolve(np_start, np_end, quote.start)
        if speaker is not None or _looks_like_speaker(text[np_start:np_end]):
            return _make(quote, speaker, np_start, np_end, "after-clause")
    return None


_TITLED_NAME = re.compile(
    rf"(?:{_ABBREVIATED}\s)+(?:[A-Z]\.\s|[A-Z][\w’'-]*(?:\s(?=[A-Z])|(?=[\s,.;:)])))+"
)


def _short_clause(tail: str, match: re.Match[str]) -> bool:
    """Whether the attribution is a whole short sentence (`“We will win.” Roe said.`)."""
    rest = tail[match.end() :]
    stop = re.search(r"[.!?]", rest)
    return stop is not None and len(rest[: stop.start()].split()) <= 5


def _looks_like_speaker(phrase: str) -> bool:
    """A phrase that names someone, even when nothing resolves it: `“…,” it read` is an
    attribution (to nobody the text names), not a quote for the ranker to give to a
    person."""
    words = phrase.split()
    return bool(words) and (
        words[0][0].isupper()
        or words[0].casefold() in {"he", "she", "they", "it"}
        or words[0].casefold() in words_of("determiners")
    )


def _before(
    text: str, quote: Quotation, quotes: list[Quotation], resolver: Resolver, para_start: int
) -> Attributed | None:
    earlier = [q.close_mark + 1 for q in quotes if q.close_mark < quote.open_mark]
    floor = max([para_start, *[e for e in earlier if e >= para_start]])
    start = sentence_start(text, quote.open_mark, floor, quotes)
    prefix = text[start : quote.open_mark]
    according = _according_to(text, quote, resolver, start, prefix)
    if according is not None:
        return according
    verbs = [verb for verb in _VERB.finditer(prefix) if not _heard(prefix, verb)]
    if not verbs and _ACCORDING_OPENING.match(prefix):
        # `According to the playbook, its salespeople were told, “…`
        return _according_to(text, quote, resolver, start, prefix, _ACCORDING_OPENING)
    verbs = verbs or _opening_verb(prefix)
    if not verbs:
        return _named_colon(text, quote, resolver, start, prefix) or _subject_colon(
            text, quote, resolver, start, prefix
        )
    return _inverted_before(quote, resolver, start, prefix) or _before_verbs(
        quote, resolver, start, prefix, verbs
    )


def _opening_verb(prefix: str) -> list[re.Match[str]]:
    """`Said Jane Roe, “…`: the cue verb opens the sentence, capitalised."""
    opening = _OPENING_VERB.match(prefix, len(prefix) - len(prefix.lstrip()))
    return [opening] if opening else []


_INVERTED_BEFORE = re.compile(
    rf"(?:^\s*(?i:{VERB})|[,;]\s+(?:{VERB}))\s+(?P<np>[^,:;“”\"]{{2,60}}?)"
    rf"(?:,\s+(?:who|a|an|the)\s[^:;“”\"]{{2,100}}?)?\s*[:,]\s*$"
)
"""`Said Jane Roe, “…`, `…, explained Jane Roe, who chairs the board, “…`."""


def _inverted_before(
    quote: Quotation, resolver: Resolver, start: int, prefix: str
) -> Attributed | None:
    """`Said Jane Roe, “…`, `In short, explained moderator Jane Roe: “…`: the cue verb
    first, then the speaker, right before the quote."""
    match = _INVERTED_BEFORE.search(prefix)
    if match is None or re.search(r"\b(?:tell|told|ask|wr(?:ite|ote|iting))", match.group(0)):
        return None  # `telling Reuters, “…`, `wrote in The Times: “…`: no speaker after these
    if not match.group("np")[:1].isupper():
        return None  # `said of Roe: “…`, `said in an op-ed: “…`: no speaker phrase
    return _speaker_named(quote, resolver, start, match, "before")


def _before_verbs(
    quote: Quotation, resolver: Resolver, start: int, prefix: str, verbs: list[re.Match[str]]
) -> Attributed | None:
    """The speaker the cue verbs before the quote (in `prefix`, from `start`) name."""
    if len(prefix[verbs[-1].end() :].split()) > GAP_WORDS:
        return None
    verbs = [v for v in verbs if not _noun_use(prefix, v.start())]
    for verb in reversed(verbs):
        found = _before_verb(quote, resolver, start, prefix, verb.start())
        if found is not None:
            return found
    if verbs and verbs[-1].group(0).endswith("ing"):
        return _sentence_subject(quote, resolver, start, prefix, verbs[-1].start())
    return None


_COORDINATED = re.compile(r"(?:,\s*|\s)(?:and|but|or)(?:\s+then)?\s+$")


def _coordinated(
    quote: Quotation, resolver: Resolver, start: int, prefix: str, verb_start: int
) -> Attributed | None:
    """`Jane Roe compared the plan to a tax, and urged voters to reject “…`: the cue
    verb shares the sentence's subject, when that subject names a person."""
    if _COORDINATED.search(prefix[:verb_start]) is None:
        return None
    subject = _SENTENCE_SUBJECT.match(prefix)
    if subject is None or subject.group("np").split()[0].casefold() in words_of("sentence_openers"):
        return None
    return _speaker_named(quote, resolver, start, subject, "before-coordinated")


def _sentence_subject(
    quote: Quotation, resolver: Resolver, start: int, prefix: str, verb_start: int
) -> Attributed | None:
    """`The Deputy Secretary General ... , telling them that “…`, `Speaking in Riverton,
    Jane Roe went after the board, calling it “…`: the subject of the clause the
    participle follows, else the sentence's subject."""
    head = prefix[:verb_start].rstrip().rstrip(",")
    if not head.strip():
        # `Acknowledging that Holm “…,” though, Jane Roe did suggest …`
        return _subject_after_quote(quote, resolver)
    absolute = _WITH_PARTICIPLE.search(head)
    if absolute is not None:
        # `…, with one of her ads asking, “…`: the ad asks, not the sentence's subject
        np_start, np_end = start + absolute.start("np"), start + absolute.end("np")
        return _resolved(quote, resolver, np_start, np_end, "before-subject")
    # `… about Jane Roe, who chairs the board, saying “…`: the relative clause's person
    subject = _RELATIVE_SUBJECT.search(head)
    if subject is None:
        clause = _SENTENCE_SUBJECT.match(prefix, max(head.rfind(c) for c in ",;:–—") + 1)
        if clause is not None and not _plain_subject(clause.group("np")):
            clause = None
        subject = clause or _subject_of(prefix)
    if subject is None:
        return None
    # `Roe’s campaign director, Tom Poe, wrote to them, saying`: the name after the role
    span = _name_after_role(prefix, subject.start("np"), subject.end("np"))
    if span is None and _mute_subject(subject.group("np")):
        return None
    np_start, np_end = (
        (start + span[0], start + span[1])
        if span
        else (
            start + subject.start("np"),
            start + subject.end("np"),
        )
    )
    return _resolved(quote, resolver, np_start, np_end, "before-subject")


_WITH_PARTICIPLE = re.compile(r"(?:^|,)\s+with\s+(?P<np>[^,;:“”\"]{2,60}?)$")
_SUBJECT_AFTER = re.compile(
    r"[^.!?“”\"\n]*?,\s+(?:(?:though|however|too),\s+)?"
    r"(?P<np>[A-Z][\w.’'-]*(?:\s[A-Z][\w.’'-]*){0,3})\s+(?:[a-z]+\s+)?[a-z]"
)


def _subject_after_quote(quote: Quotation, resolver: Resolver) -> Attributed | None:
    """A sentence opening with the participle (`Acknowledging that Holm “…,” though,
    Jane Roe did suggest …`): the main clause's subject, after the quote."""
    match = _SUBJECT_AFTER.match(resolver.text, quote.close_mark + 1)
    if match is None:
        return None
    return _resolved(quote, resolver, match.start("np"), match.end("np"), "before-subject")


def _subject_colon(
    text: str, quote: Quotation, resolver: Resolver, start: int, prefix: str
) -> Attributed | None:
    """No cue verb before the quote, but the sentence's subject speaks: `Jane Roe leaned
    in and delivered a blunt message: “…`, `Roe thanked the voters for “…`.

    Without a colon only a named person as subject counts, and only for a quotation
    long enough to be a statement (not a title the sentence mentions)."""
    colon = prefix.rstrip().endswith(":")
    if not colon and len(text[quote.start : quote.end].split()) < SUBJECT_QUOTE_WORDS:
        return None
    subject = _SENTENCE_SUBJECT.match(prefix)
    if subject is None or subject.group("np").isupper():
        return None
    if subject.group("np").split()[0].casefold() in words_of("sentence_openers"):
        return None  # `According to …`, `Asked about …`: not the subject
    np_start, np_end = start + subject.start("np"), start + subject.end("np")
    if not colon and not resolver.names_person(np_start, np_end):
        return None  # `Good information …`: a capitalised opener, not a person
    speaker = resolver.resolve(np_start, np_end, quote.start)
    if speaker is None:
        return None
    rule = "before-subject-colon" if colon else "before-subject-no-cue"
    return _make(quote, speaker, np_start, np_end, rule)


def _according_to(
    text: str,
    quote: Quotation,
    resolver: Resolver,
    start: int,
    prefix: str,
    pattern: re.Pattern[str] | None = None,
) -> Attributed | None:
    """`According to the ministry, “…`: the source right before the quote (or where
    `pattern` finds it)."""
    according = (pattern or _ACCORDING_TO).search(prefix)
    if according is None:
        return None
    np_start, np_end = start + according.start("np"), start + according.end("np")
    speaker = resolver.resolve(np_start, np_end, quote.start)
    if speaker is not None or _looks_like_speaker(text[np_start:np_end]):
        return _make(quote, speaker, np_start, np_end, "before")
    return None


def _before_verb(
    quote: Quotation, resolver: Resolver, start: int, prefix: str, verb_start: int
) -> Attributed | None:
    """The attribution the phrase before a cue verb makes (`prefix` begins at `start`)."""
    np_start, np_end = _np_before(prefix, verb_start)
    if _VERB.search(prefix[np_start:np_end]):
        return None  # `Roe said the way ... women who complained`: an earlier verb's clause
    if np_end <= np_start or _COORDINATED.fullmatch(" " + prefix[np_start:np_end].strip() + " "):
        return _coordinated(quote, resolver, start, prefix, verb_start)
    if _participle(prefix[:verb_start], prefix[verb_start:]):
        return None
    if prefix[np_start:np_end].split()[0] == "who":
        return _relative(quote, resolver, start, prefix, (np_start, np_end))
    speaker = resolver.resolve(start + np_start, start + np_end, quote.start)
    if speaker is not None and speaker.kind != "person":
        # `The envoy in Norland, Jane Roe, has warned`: the person in apposition
        # speaks, not the place or body the description names.
        apposed = _apposed_person(quote, resolver, start, prefix, (np_end, verb_start))
        if apposed is not None:
            return apposed
    if speaker is not None:
        return _make(quote, speaker, start + np_start, start + np_end, "before")
    return _unresolved_before(quote, resolver, start, prefix, (np_start, np_end, verb_start))


def _unresolved_before(
    quote: Quotation, resolver: Resolver, start: int, prefix: str, at: tuple[int, int, int]
) -> Attributed | None:
    """The phrase before the verb (`at`: its start, end and the verb's start) names no one:
    a name in apposition or a clause subject inside it, else an unresolved speaker."""
    np_start, np_end, verb_start = at
    named = _apposition_name(prefix, np_end, verb_start) or _clause_subject(
        prefix, np_start, np_end
    )
    if named is not None:
        speaker = resolver.resolve(start + named[0], start + named[1], quote.start)
        if speaker is not None:
            return _make(quote, speaker, start + named[0], start + named[1], "before")
    phrase = prefix[np_start:np_end]
    if _looks_like_speaker(phrase) and len(phrase.split()) <= SUBJECT_WORDS:
        return _make(quote, None, start + np_start, start + np_end, "before")
    return None


_FUNCTION_WORDS = {"of", "in", "at", "for", "with", "from", "on", "and", "or", "to", "by"}

_ANTECEDENT = re.compile(
    r"(?:^|\s)(?P<np>[A-Z][\w.’'-]*(?:\s(?:[A-Z][\w.’'-]*|[A-Z]\.)){0,3})"
    r"(?:\s\([^()]{1,30}\))?(?:\s(?:of|from)(?:\s[A-Z][\w.’'-]*){1,3})?,\s*$"
)
"""`Jane Roe (D-Norland), `, `Sen. Jane Roe of Norland, ` right before a `who`: the name
the relative pronoun stands for."""


def _relative(
    quote: Quotation, resolver: Resolver, start: int, prefix: str, who: tuple[int, int]
) -> Attributed | None:
    """`The board met Jane Roe, who said: “…`: the person the `who` stands for, with
    the name and the pronoun as evidence."""
    antecedent = _ANTECEDENT.search(prefix, 0, who[0])
    if antecedent is None:
        return None
    np_start, np_end = start + antecedent.start("np"), start + antecedent.end("np")
    speaker = resolver.resolve(np_start, np_end, quote.start)
    if speaker is None or speaker.kind != "person":
        return None
    return _make(quote, speaker, np_start, start + who[0] + len("who"), "before-relative")


_CLAUSE_SUBJECT = re.compile(
    r"(?P<s>[Hh]e|[Ss]he|[Tt]hey|[A-Z][\w’'.-]*(?:\s[A-Z][\w’'.-]*){0,3})\s+"
    r"(?:also\s+|then\s+|later\s+|often\s+)?(?!and\b|of\b|for\b|to\b|in\b|on\b)[a-z]+"
)


def _clause_subject(prefix: str, np_start: int, np_end: int) -> tuple[int, int] | None:
    """`she issued a statement calling on …`, `he furrowed his brow and said`: the
    subject of the clause the cue verb ends."""
    at = np_start
    opener = re.match(r"\S+\s+", prefix[at:np_end])
    if opener and opener.group(0).strip(" ,").casefold() in words_of("sentence_openers"):
        at += opener.end()  # `Recently she shrugged and said`: the subject follows
    match = _CLAUSE_SUBJECT.match(prefix, at, np_end)
    if match is None or match.end("s") == np_end:
        return None
    if match.group("s").split()[0].casefold() in words_of("sentence_openers"):
        return None  # `Though …`: a sentence opener, not a subject
    return match.start("s"), match.end("s")


SUBJECT_WORDS = 6
SUBJECT_QUOTE_WORDS = 3
"""A quote shorter than this after a sentence's subject with no cue verb may be a title."""
"""A longer phrase before a cue verb is a clause, not its subject: look further back."""
GAP_WORDS = 45
"""How far into a verb's reported clause a quote may start (`X told reporters that
he believed it is incumbent upon Y to act “in the way ...”`): the same sentence."""


def _noun_use(prefix: str, at: int) -> bool:
    """`his recent remarks`, `Roe’s comments`: the cue word is a noun here, not a verb."""
    before = prefix[:at].split()
    if not before:
        return False
    word = before[-1].casefold()
    # `an opportunity to talk about`: an infinitive has no subject of its own here
    if _determines(word) or word == "to":
        return True
    # `her recent remarks`: a determiner, a lower-case word and a plural cue noun
    cue = re.match(r"\w+", prefix[at:])
    return (
        len(before) > 1
        and cue is not None
        and cue.group(0).casefold() in words_of("cue_nouns")
        and before[-1].islower()
        and _determines(before[-2])
    )


def _determines(word: str) -> bool:
    """A determiner or a possessive (`the`, `her`, `Roe’s`)."""
    return word.casefold() in words_of("determiners") or word.endswith(("’s", "'s"))


def _apposed_person(
    quote: Quotation, resolver: Resolver, start: int, prefix: str, between: tuple[int, int]
) -> Attributed | None:
    """The person named in apposition between a subject and its verb, if any."""
    named = _apposition_name(prefix, *between)
    if named is None:
        return None
    name_start, name_end = start + named[0], start + named[1]
    person = resolver.resolve(name_start, name_end, quote.start)
    if person is None or person.kind != "person":
        return None
    return _make(quote, person, name_start, name_end, "before")


def _apposition_name(prefix: str, np_end: int, verb_start: int) -> tuple[int, int] | None:
    """`As the chief executive, Jane Roe, put it`: the name in the apposition."""
    between = prefix[np_end:verb_start]
    match = re.match(r"\s*,\s*(?P<name>[^,]{2,60}?)\s*,\s*(?:\w+\s+)?$", between)
    if match is None:
        return None
    return np_end + match.start("name"), np_end + match.end("name")


_ACCORDING_TO = re.compile(r"(?:^|[,;]\s+)[Aa]ccording to (?P<np>[^,;:“”\"]{2,80}),\s*$")
"""`According to the ministry, “…`: the source right before the quote."""
_ACCORDING_OPENING = re.compile(r"^\s*[Aa]ccording to (?P<np>[^,;:“”\"]{2,80}),")
"""`According to the playbook, …`: the source opening the sentence."""
_HEARD = re.compile(rf"\b(?:{_BE})\s+(?:\w+ly\s+)?(?:{alternation('hearer_verbs')})$")


def _heard(prefix: str, verb: re.Match[str]) -> bool:
    """`its salespeople were told`: a passive cue verb whose subject heard the words."""
    return _HEARD.search(prefix, 0, verb.end()) is not None


_NAME_COLON = re.compile(
    r"(?:^\s*|[-–—,;.(]\s*|\bfrom\s)"  # `More from Roe: “…`, `“…” Roe: “…`
    r"(?P<np>[A-Z][^\s,;:()–—-]*(?:\s(?:[A-Z][^\s,;:()–—-]*|and|of)){0,5})(?:\s\([^()]{1,30}\))?:\s*$"
)


def _named_colon(
    text: str, quote: Quotation, resolver: Resolver, start: int, prefix: str
) -> Attributed | None:
    """`... for Republicans - Jane Roe: “...`: a name and a colon right before the quote."""
    match = _NAME_COLON.search(prefix)
    if match is None:
        return None
    if any(w.casefold() in _HEADLINE_STOPS - {"of", "and"} for w in match.group("np").split()):
        return None  # `Harbour Board On Jane Roe: ‘…`: the name is what it is about
    return _speaker_named(quote, resolver, start, match, "name-colon")


def _participle(before_verb: str, verb: str = "") -> bool:
    """`…, Roe emphasized the Alliance’s presence, stating, “…`: a verb with no subject of its own.

    Unlike `Jane Roe, the EU envoy, said`, where the commas enclose an apposition.
    """
    head = before_verb.rstrip()
    gerund = re.match(r"\w+ing\b", verb) is not None
    if gerund and re.search(r"\s(?:and|or|but)$", head):
        return True  # `Roe praised Poe, stating … and chiding the press for “…`
    if not head.endswith(","):
        return False
    inner = re.search(r",([^,]+),$", head)
    if inner is None or gerund:
        # `Roe endorsed Poe at the club, Poe's own, calling him “…`: a participle after a
        # comma never takes the words before it as its subject
        return True
    segment = inner.group(1).split()
    opens_apposition = segment[0].casefold() in {"the", "a", "an", "who", "whose"} or bool(
        _VERB.fullmatch(segment[0])
    )
    if opens_apposition:
        return False
    return bool(_VERB.search(inner.group(1)))


def _subject_predicate(segment: list[str]) -> bool:
    """`Speaking in Riverton, Jane Roe went after the board, calling`: the segment is a
    clause (a name, then a lowercase verb and more words), not an apposition."""
    lower = next((i for i, w in enumerate(segment) if w[:1].islower()), None)
    if lower is None or lower == 0 or len(segment) - lower < 2:
        return False
    return _predicate(segment[lower:])


def _predicate(segment: list[str]) -> bool:
    """`Roe, chair of …, tied the scores to the rates, saying`: the segment before the
    participle is a predicate (a lowercase verb opening several words), not an apposition
    (`chair of the Riverton Institute`, `a former envoy`)."""
    first = segment[0]
    if len(segment) < 3 or not first[:1].islower():
        return False
    nouns = words_of("role_nouns") | words_of("title_words") | words_of("determiners")
    return first.casefold() not in nouns and first.casefold() not in _FUNCTION_WORDS


_SENTENCE_SUBJECT = re.compile(
    r"\s*(?P<np>(?:(?:The|the|A|An)\s)?(?:[A-Z][\w.’'-]*)"
    rf"(?:\s(?:[A-Z][\w.’'-]*|of|for|and|(?:{alternation('title_words')})(?=\s[A-Z])))*)"
    r"(?:\s\([^()]{1,30}\))?(?:,\s[^,“”\"]{2,100},)?\s+(?:also\s+|then\s+|later\s+)?[a-z]"
)


_NAME_OPENING_ASIDE = re.compile(
    r"\s*(?:—|–|--)\s*(?P<name>[A-Z][\w’'.-]*(?:\s[A-Z][\w’'.-]*){1,3})(?=[,\s]*(?:—|–|--|,))"
)
"""A dash aside that opens with a full name: the name the description before it gives."""


_CAPITALISED = r"[A-Z][\w’'.-]*(?:\s[A-Z][\w’'.-]*)*"
_NAME_OF_PLACE = re.compile(
    rf"(?:^|[,;:]\s|\.\s)(?P<name>[A-Z][\w’'.-]*(?:\s[A-Z][\w’'.-]*){{1,2}})"
    rf"\sof\s{_CAPITALISED},\s{_CAPITALISED},?$"
)
"""`Jane Roe of Ostby, Nordland`: a person with the town and region they are from."""


def _np_before(prefix: str, verb_start: int) -> tuple[int, int]:
    """The clause segment right before a verb: its subject, apposition removed."""
    head = prefix[:verb_start].rstrip()
    end = len(head)
    between = re.search(rf"(?:\s(?:{alternation('adverbs')}|{alternation('auxiliaries')}))+$", head)
    if between:
        end = between.start()
        head = head[:end]
    if head.endswith(","):
        # `Jane Roe, the EU envoy, said`: the subject is before the apposition.
        inner = head[:-1].rfind(",")
        if inner != -1:
            apposed = _apposed_subject(head, inner, end)
            if apposed is not None:
                return apposed
            head = head[:inner]
            end = inner
    aside = re.search(r"\s*(?:—|–|--)[^—–]{1,140}(?:—|–|--)$", head)
    if aside:
        opening = _NAME_OPENING_ASIDE.match(head, aside.start())
        if opening is not None:
            # `A former candidate -- Jane Roe, who lost in 2008 -- said`: the name
            return opening.start("name"), opening.end("name")
        # `Jane Roe — mentioned as a running mate — told …`: the subject is before it.
        head = head[: aside.start()]
        end = aside.start()
    party = re.search(r"\s*\([^()]{1,30}\)$", head)
    if party:
        # `Rep. Jane Roe (D-Md.), chair of ..., said`: the party tag is not the subject.
        head = head[: party.start()]
        end = party.start()
    from_place = _NAME_OF_PLACE.search(head)
    if from_place is not None:
        # `Jane Roe of Ostby, Nordland, said`: the person, not the region after the comma
        return from_place.start("name"), from_place.end("name")
    start = _skip_space(head, max(head.rfind(c) for c in ",;:()–—") + 1, end)
    # `Jane Roe, who lives outside the capital, said`: a long aside, the name before it
    named = _name_before_apposition(head, start)
    if named is not None:
        return named
    words = head[start:].split()
    if len(words) > 9:
        # Too long for a subject: keep its last words (`... the Alliance Press office`).
        start = _skip_space(head, len(head) - len(" ".join(words[-9:])), end)
    named = _pronoun_subject(head, start, end)
    if named is not None:
        return named
    return _past_connectives(head, start, end), end


def _apposed_subject(head: str, inner: int, end: int) -> tuple[int, int] | None:
    """The subject named around a role in apposition ending at `inner` (a comma)."""
    role_start = _skip_space(head, max(head.rfind(c, 0, inner) for c in ",;:()–—") + 1, inner)
    if _name_after_role(head, role_start, inner) is None:
        return None
    # `Jane Roe, the editor of the town's paper, Ostby Herald, said`: Roe
    # `the EU envoy, Jane Roe, said`: the name in apposition is the subject
    named = _name_before_role(head, role_start)
    return named or (_skip_space(head, inner + 1, end), end - 1)


def _name_before_role(head: str, role_start: int) -> tuple[int, int] | None:
    """`Jane Roe, the editor of the town's paper, Ostby Herald, said`: a full name opening
    the clause before the role; the name after the role is the paper's."""
    comma = head.rfind(",", 0, role_start)
    if comma == -1 or head[comma + 1 : role_start].strip():
        return None
    start = _skip_space(head, max(head.rfind(c, 0, comma) for c in ",;:()–—") + 1, comma)
    words = head[start:comma].split()
    if not 2 <= len(words) <= 4 or not _full_name(words):
        return None
    if words[0].casefold() in words_of("sentence_openers"):
        return None
    return start, comma


def _skip_space(head: str, start: int, end: int) -> int:
    while start < end and head[start].isspace():
        start += 1
    return start


def _pronoun_subject(head: str, start: int, end: int) -> tuple[int, int] | None:
    """`In 2010 she said`, `the crowd booed when he told`: a subject pronoun right
    before the verb is its subject, whatever opens the clause (unless a cue verb
    there reports it: `Roe said she asked`)."""
    pronoun = re.search(r"(?:^|\s)(?P<p>[Hh]e|[Ss]he|[Tt]hey)$", head[start:end])
    if pronoun is None or _VERB.search(head[start : start + pronoun.start("p")]):
        return None
    return start + pronoun.start("p"), end


_APPOSITION_OPENERS = {"a", "an", "who", "during", "speaking", "in", "at"}
"""Lowercase words that open an apposition or an aside between a name and its verb
(`Jane Roe, a pollster who works with the Riverton Institute, said`)."""


def _name_before_apposition(head: str, start: int) -> tuple[int, int] | None:
    """`Jane Roe, president and CEO of the Riverton Institute stated`: the segment
    before the verb is a lowercase apposition; the subject is the name before it."""
    first = head[start:].split()[:1]
    roles = words_of("role_nouns") | words_of("title_words") | _APPOSITION_OPENERS
    definite = bool(first) and first[0] == "the"
    if not first or not first[0][:1].islower() or (first[0].casefold() not in roles | {"the"}):
        return None
    comma = head.rfind(",", 0, start)
    if comma == -1 or head[comma + 1 : start].strip():
        return None
    before = max(head.rfind(c, 0, comma) for c in ",;:()–—") + 1
    segment = head[before:comma]
    name_start = before + len(segment) - len(segment.lstrip())
    words = segment.split()
    if not words or not words[0][:1].isupper() or len(words) > 6:
        return None
    if words[0].casefold() in words_of("sentence_openers"):
        return None  # `In a statement, the ministry said`: an opener, not a name
    if definite and not _full_name(words):
        return None  # `Asked about it, the chair said`: only a name stands before `the …`
    return name_start, comma


def _full_name(words: list[str]) -> bool:
    """`Sen. Jane Roe`, not `Repeatedly` nor `New Riverton Monday`: capitalised words,
    two of them and the last words that can be part of a person's name."""
    core = [w for w in words if w.casefold().rstrip(".") not in NOT_NAME_WORDS]
    return len(core) >= 2 and core[-1] == words[-1] and all(w[:1].isupper() for w in words)


def _past_connectives(head: str, start: int, end: int) -> int:
    """`But he added`, `And then she said`: the subject starts after the connectives."""
    while True:
        word = re.match(r"(\S+)\s+(?=\S)", head[start:end])
        if word is None or word.group(1).casefold() not in words_of("leading_connectives"):
            return start
        start += word.end()


def _continuation(
    text: str,
    quote: Quotation,
    done: list[Attributed],
    earlier: list[Quotation],
    resolver: Resolver,
    para_start: int,
) -> Attributed:
    """A quote with no attribution of its own continues the one before it, or nobody's.

    It continues the previous quotation's speaker when both are in the same
    paragraph, or when it opens its paragraph right after a paragraph that
    ended in an attributed quotation (news quotes run on over paragraphs).
    Otherwise it stays unattributed: never the last person named.
    """
    if done and done[-1].speaker is not None:
        previous = done[-1]
        between = text[previous.quote.close_mark + 1 : quote.open_mark]
        same_paragraph = previous.quote.start >= para_start and "\n" not in between
        if same_paragraph:
            return Attributed(
                quote, previous.speaker, None, None, "continuation", previous.evidence,
                previous.why,
            )  # fmt: skip
        own_cue = _VERB.search(text[quote.close_mark + 1 : quote.close_mark + 160].split("\n")[0])
        if not own_cue and _runs_on(text, previous, quote, para_start):
            return Attributed(
                quote, previous.speaker, None, None, "continuation-paragraph", previous.evidence,
                previous.why,
            )  # fmt: skip
    introduced = (
        _introduced(text, quote, earlier, resolver, para_start)
        or _sentence_before(text, quote, earlier, resolver, para_start)
        or _quoting_subject(text, quote, earlier, resolver, para_start)
    )
    if introduced is not None:
        return introduced
    return Attributed(quote, None, None, None, "unattributed")


_OPENER = re.compile(r"[A-Z][\w’'-]*(?:\s[\w’'.-]+){0,7},\s+")
"""`Earlier this week, `, `In Riverton, `: an opening phrase before the subject."""
_PRONOUN_SUBJECT = re.compile(r"(?P<np>[Hh]e|[Ss]he)\s+(?:[a-z]+\s+)?[a-z]")


def _quoting_subject(
    text: str, quote: Quotation, quotes: list[Quotation], resolver: Resolver, para_start: int
) -> Attributed | None:
    """`Earlier this week, Jane Roe shared her worry with donors, “…`, `She blamed the
    fees on “…`: no cue verb and nothing else attributes the quote, but the person
    who is the subject of its sentence (named with first and last name, known to be
    a person, or `he`/`she`) is who the sentence quotes."""
    start = sentence_start(text, quote.open_mark, para_start, quotes)
    prefix = text[start : quote.open_mark]
    subject = _subject_of(prefix)
    if subject is None or not _plain_subject(subject.group("np")):
        return None
    np_start, np_end = start + subject.start("np"), start + subject.end("np")
    if not resolver.names_person(np_start, np_end) and (
        len(subject.group("np").split()) < 2 or not resolver.may_be_person(np_start, np_end)
    ):
        return None  # `Fundraising was “…`: one capitalised word, not shown to be a person
    return _person_at(quote, resolver, np_start, np_end, "quoting-subject")


_RELATIVE_SUBJECT = re.compile(
    r"(?:^|\s)(?P<np>[A-Z][\w.’'-]*(?:\s[A-Z][\w.’'-]*){0,3}),\swho\s[^,;:“”\"]*$"
)
"""`Jane Roe, who chairs the board`: the person a relative clause at the end is about."""


def _subject_of(sentence: str) -> re.Match[str] | None:
    """The subject (`np`) of a sentence, past an opening phrase (`Earlier this week, `,
    `Speaking in Riverton, `, `Like Roe, `): `he`/`she` or a capitalised phrase."""
    opener = _OPENER.match(sentence)
    at = 0
    if opener is not None:
        first = opener.group(0).split()[0].casefold()
        opens = first in words_of("sentence_openers") or first.endswith("ing")
        if opens and first not in words_of("determiners"):
            at = opener.end()
    return _PRONOUN_SUBJECT.match(sentence, at) or _SENTENCE_SUBJECT.match(sentence, at)


def _mute_subject(phrase: str) -> bool:
    """`There is talk about …`, `Roe's son defended him, saying`: a subject that is not who
    speaks (an expletive, or a possessive cut from the noun it qualifies)."""
    return re.search(r"[’']s?$", phrase) is not None or phrase.split()[0] in {"There", "Here"}


def _plain_subject(phrase: str) -> bool:
    """Not an opener (`Though …`), a possessive (`Roe’s answer`), a headline in
    capitals or a phrase cut at `and`/`of` (`Roe and`)."""
    words = phrase.split()
    return not (
        words[0].casefold() in words_of("sentence_openers")
        or re.search(r"[’']s?$", phrase)
        or phrase.isupper()
        or words[-1] in _FUNCTION_WORDS
    )


def _previous_paragraph(text: str, para_start: int) -> tuple[int, int] | None:
    """The non-blank paragraph before the one starting at `para_start`."""
    end = para_start - 1
    while end > 0 and text[end - 1].isspace():
        end -= 1
    if end <= 0:
        return None
    return text.rfind("\n", 0, end) + 1, end


RUN_ON_WORDS = 40
"""How long the attribution after a paragraph's last quote may be (`…,” said Jane Roe, a
senior fellow at …`) for the next paragraph's quote to continue it."""


def _runs_on(text: str, previous: Attributed, quote: Quotation, para_start: int) -> bool:
    """The quote opens a paragraph right after the previous quote's paragraph, which
    ended in that quote (its attribution at most after it)."""
    if text[para_start : quote.open_mark].strip():
        return False
    before = _previous_paragraph(text, para_start)
    if before is None or previous.quote.start < before[0]:
        return False
    tail = text[min(previous.quote.close_mark + 1, before[1]) : before[1]]
    return len(tail.split()) <= RUN_ON_WORDS and not _VERB.search(
        tail[tail.find(".") + 1 :] if "." in tail else ""
    )


def _introduced(
    text: str, quote: Quotation, quotes: list[Quotation], resolver: Resolver, para_start: int
) -> Attributed | None:
    """`In a speech, Roe said:` closing the previous paragraph, or a paragraph
    of reported speech (`He stressed that ...`) right before a quote-only paragraph."""
    if text[para_start : quote.open_mark].strip():
        return None
    before = _previous_paragraph(text, para_start)
    if before is None or any(before[0] <= q.open_mark < before[1] for q in quotes):
        return None
    last_start = sentence_start(text, before[1] - 1, before[0], quotes)
    sentence = text[last_start : before[1]]
    colon = sentence.rstrip().endswith(":")
    rule = "introduced" if colon else "reported-speech-before"
    found = _reported_by(quote, resolver, last_start, sentence, rule)
    if found is None and colon:
        return _introduced_by_subject(quote, resolver, last_start, sentence)
    return found


def _reported_by(
    quote: Quotation, resolver: Resolver, start: int, sentence: str, rule: str
) -> Attributed | None:
    """The speaker whose words the sentence (at `start`) reports with a cue verb."""
    for verb in _VERB.finditer(sentence):
        np_start, np_end = _np_before(sentence, verb.start())
        if np_end <= np_start or _participle(sentence[: verb.start()]):
            continue
        if not _looks_like_speaker(sentence[np_start:np_end]):
            break
        speaker = resolver.resolve(start + np_start, start + np_end, quote.start)
        if speaker is not None:
            return _make(quote, speaker, start + np_start, start + np_end, rule)
        break
    return None


def _sentence_before(
    text: str, quote: Quotation, quotes: list[Quotation], resolver: Resolver, para_start: int
) -> Attributed | None:
    """`Roe said the survey was flawed. “Nobody read it.”`: a quote opening its sentence
    after a sentence of the same paragraph that reports someone's words."""
    before = text[para_start : quote.open_mark].rstrip()
    if not before or before[-1] not in ".:!?":
        return None
    start = sentence_start(text, para_start + len(before) - 1, para_start, quotes)
    if any(start <= q.open_mark < quote.open_mark for q in quotes):
        return None  # the sentence before quotes someone: its own attribution rules
    return _reported_by(quote, resolver, start, text[start : para_start + len(before)],
                        "sentence-before")  # fmt: skip


def _introduced_by_subject(
    quote: Quotation, resolver: Resolver, start: int, sentence: str
) -> Attributed | None:
    """`Jane Roe issued the following statement:` with the quote as the next paragraph:
    the subject of the sentence the colon ends, when it names someone."""
    subject = _SENTENCE_SUBJECT.match(sentence)
    if subject is None or subject.group("np").casefold() in {"here", "there"}:
        return None  # `Here are the best lines of the night:` introduces, names no one
    return _speaker_named(quote, resolver, start, subject, "introduced-subject")


def _resolved(
    quote: Quotation, resolver: Resolver, np_start: int, np_end: int, rule: str
) -> Attributed:
    """The quote attributed by `rule` to whoever `text[np_start:np_end]` names (no one
    the text names: the words stay as evidence)."""
    return _make(quote, resolver.resolve(np_start, np_end, quote.start), np_start, np_end, rule)


def _person_at(
    quote: Quotation, resolver: Resolver, np_start: int, np_end: int, rule: str
) -> Attributed | None:
    """The quote attributed by `rule` to the person `text[np_start:np_end]` names; None
    when the words name no one or no person."""
    speaker = resolver.resolve(np_start, np_end, quote.start)
    if speaker is None or speaker.kind != "person":
        return None
    return _make(quote, speaker, np_start, np_end, rule)


def _speaker_named(
    quote: Quotation, resolver: Resolver, start: int, match: re.Match[str], rule: str
) -> Attributed | None:
    """The speaker the match's `np` group names (the match searched the text from
    `start`), attributed by `rule`; None when it names no one."""
    np_start, np_end = start + match.start("np"), start + match.end("np")
    speaker = resolver.resolve(np_start, np_end, quote.start)
    if speaker is None:
        return None
    return _make(quote, speaker, np_start, np_end, rule)


def _described(found: Attributed, resolver: Resolver) -> Attributed:
    """`…,” a senior official said`: the unnamed speaker the attribution describes."""
    if found.speaker_start is None or found.speaker_end is None:
        return found
    unnamed = resolver.describe(found.speaker_start, found.speaker_end)
    if unnamed is None:
        return found
    return _make(found.quote, unnamed, found.speaker_start, found.speaker_end, found.rule)


def _make(quote: Quotation, speaker: Mention | None, start: int, end: int, rule: str) -> Attributed:
    return Attributed(quote, speaker.actor if speaker else None, start, end, rule)
