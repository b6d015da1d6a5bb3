"""Direct quotations and who said them.

Finds quotations in every common style, then attributes each one:
1. an attribution right after the quote (`…,” he said`, `…” –said the NATO
   Press office`, `…,” said Jane Roe, the EU envoy`);
2. a speech verb in the same sentence before it (`Ruge affirmed that: “…`,
   `X told reporters: “…`, `the ministry said in a statement that it was “…`);
3. otherwise a continuation: the speaker of the previous quote in the
   paragraph, or the person the text is talking about.
Pronouns and descriptions (`he`, `the Assistant Secretary General`) resolve
to the person the text is talking about at that point.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from brief.ingest.mentions import FoldedText, Mention
from brief.ingest.slug import fold

# opener -> closers it pairs with
QUOTE_MARKS = {
    "“": "”",
    "„": "“”",
    "«": "»",
    "»": "«",
    "‘": "’",
    '"': '"',
}
MIN_WORDS = 4
"""Shorter quotations are scare quotes or names (`“separation,”`), not statements."""

VERB = (
    r"(?:says?|said|saying|tells?|told|telling|add(?:s|ed|ing)?|stat(?:es|ed|ing)|"
    r"stress(?:es|ed|ing)?|emphasi[sz](?:es|ed|ing)|not(?:es|ed|ing)|affirm(?:s|ed|ing)?|"
    r"underlin(?:es|ed|ing)|highlight(?:s|ed|ing)?|announc(?:es|ed|ing)|declar(?:es|ed|ing)|"
    r"insist(?:s|ed|ing)?|warn(?:s|ed|ing)?|explain(?:s|ed|ing)?|argu(?:es|ed|ing)|"
    r"claim(?:s|ed|ing)?|point(?:s|ed)? out|pointing out|reiterat(?:es|ed|ing)|"
    r"recall(?:s|ed|ing)?|assert(?:s|ed|ing)?|remark(?:s|ed|ing)?|comment(?:s|ed|ing)?|"
    r"wr(?:ites|ote|iting)|tweet(?:s|ed|ing)?|post(?:s|ed|ing)?|inform(?:s|ed|ing)?|"
    r"confirm(?:s|ed|ing)?|acknowledg(?:es|ed|ing)|conclud(?:es|ed|ing)|continu(?:es|ed|ing)|"
    r"ask(?:s|ed|ing)?|repl(?:ies|ied|ying)|respond(?:s|ed|ing)?|urg(?:es|ed|ing)|"
    r"elaborat(?:es|ed|ing)|observ(?:es|ed|ing)|went on|goes on|put it|vow(?:s|ed|ing)?|"
    r"promis(?:es|ed|ing)|admit(?:s|ted|ting)?|recount(?:s|ed|ing)?|suggest(?:s|ed|ing)?|"
    r"predict(?:s|ed|ing)?|caution(?:s|ed|ing)?|concede(?:s|d)?|reaffirm(?:s|ed|ing)?|"
    r"underscor(?:es|ed|ing)|pledg(?:es|ed|ing)|lament(?:s|ed|ing)?|quipp(?:ed|ing)|"
    r"demand(?:s|ed|ing)?|recalled|reiterated|according to)"
)
_VERB = re.compile(rf"(?<![\w’'-]){VERB}(?![\w-])")
PRONOUNS = {"he", "she", "they", "it", "we"}
SPOKESPEOPLE = re.compile(
    r"\b(?:spokes(?:person|man|woman)|representative|statement|press release|"
    r"communiqu[eé]|press office|press service)\b",
    re.IGNORECASE,
)
GENERIC_HEADS = (
    "ministry",
    "mission",
    "office",
    "government",
    "embassy",
    "alliance",
    "commission",
    "council",
    "presidency",
    "command",
    "delegation",
    "police",
)


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
        # An apostrophe (NATO’s, Allies’) is not a closing single quote.
        after = text[index + 1 : index + 2]
        return not after or not after.isalnum()
    return True


def _opens(text: str, index: int) -> bool:
    char = text[index]
    if char not in QUOTE_MARKS:
        return False
    before = text[index - 1 : index] if index else ""
    after = text[index + 1 : index + 2]
    if char in '‘"':
        # Straight and single quotes open only at a word's start.
        return (not before or not before.isalnum()) and bool(after) and not after.isspace()
    return True


def find_quotations(text: str, skip: list[tuple[int, int]]) -> list[Quotation]:
    """Every quotation, never crossing a paragraph, never inside skipped spans."""
    found: list[Quotation] = []
    spans = paragraphs(text)
    if len(spans) > 1 and _is_headline(text[spans[0][0] : spans[0][1]]):
        # A headline's quotation repeats or trails the article's: not a statement.
        spans = spans[1:]
    for para_start, para_end in spans:
        index = para_start
        while index < para_end:
            if not _opens(text, index):
                index += 1
                continue
            close = _closing_mark(text, index, para_end)
            start, end = _trim(text, index + 1, close)
            if (
                end > start
                and _long_enough(text[start:end])
                and not any(s < end and start < e for s, e in skip)
            ):
                found.append(Quotation(start, end, index, close))
            index = close + 1
    return found


def _long_enough(words: str) -> bool:
    """Four words, or a whole short sentence (`Only dialogue will.`)."""
    count = len(words.split())
    sentence = words[:1].isupper() and words.rstrip('”"»’')[-1:] in ".!?"
    return count >= MIN_WORDS or (count >= 2 and sentence)


def _is_headline(line: str) -> bool:
    stripped = line.strip()
    return len(stripped.split()) <= 20 and stripped[-1:] not in '.!?”"»“’'


def _closing_mark(text: str, index: int, para_end: int) -> int:
    closers = QUOTE_MARKS[text[index]]
    candidates = [j for j in range(index + 1, para_end) if _closes(text, j, closers)]
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


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:"):
        end -= 1
    return start, end


# ------------------------------------------------------------------ sentences

_ABBREVIATIONS = re.compile(
    r"(?:\b(?:Mr|Ms|Mrs|Dr|Amb|Gen|Col|Lt|Maj|Brig|Prof|St|No|Sen|Rep|Gov|Jr|Sr|vs|etc)|"
    r"\b[A-Z]|U\.S|U\.K|E\.U)\.$"
)


def sentence_start(text: str, index: int, floor: int, quotes: list[Quotation]) -> int:
    """Start of the sentence holding `index`, not splitting inside quotations."""
    j = index
    while j > floor:
        j -= 1
        if any(q.open_mark <= j <= q.close_mark for q in quotes):
            continue
        if text[j] in ".!?" and text[j + 1 : j + 2].isspace():
            if _ABBREVIATIONS.search(text[max(floor, j - 4) : j + 1]):
                continue
            return j + 1
    return floor


def sentence_end(text: str, index: int, ceiling: int, quotes: list[Quotation]) -> int:
    j = index
    while j < ceiling:
        if (
            text[j] in ".!?"
            and (j + 1 >= ceiling or text[j + 1].isspace())
            and not any(q.open_mark <= j <= q.close_mark for q in quotes)
            and not _ABBREVIATIONS.search(text[max(0, j - 4) : j + 1])
        ):
            return j + 1
        j += 1
    return ceiling


# ------------------------------------------------------------- attribution


class Resolver:
    """Who a noun phrase before or after a speech verb refers to, at a point in the text."""

    def __init__(self, text: str, mentions: list[Mention], quotes: list[Quotation]) -> None:
        self.text = text
        self.mentions = sorted(mentions, key=lambda m: m.start)
        self.quotes = quotes
        self.folded = FoldedText(text)
        self.kinds = {m.actor: m.kind for m in self.mentions}
        self.subjects: list[tuple[int, Mention]] = []
        self.subjects = self._subjects()

    def _subjects(self) -> list[tuple[int, Mention]]:
        """(offset, person) for every sentence whose subject is a named person."""
        found = []
        for mention in self.mentions:
            if mention.kind != "person" or self._inside_quote(mention.start):
                continue
            after = self.text[mention.end : mention.end + 140]
            if _NAME_IN_APPOSITION.match(after) and self.text[: mention.start].endswith(", "):
                # `The head of the UN mission, Caroline Ziadeh, called on ...`
                found.append((mention.start, mention))
                continue
            appos = re.match(r",\s[^,“”\"«»„.!?\n]{2,100},", after)
            rest = after[appos.end() :] if appos else after
            word = re.match(r"\s+(\w+)", rest)
            if word and word.group(1)[0].islower() and word.group(1) not in _FUNCTION_WORDS:
                window = self.text[max(0, mention.start - 30) : mention.start]
                before = re.split(r"[.!?\n“”\",;:]", window)[-1]
                if not _OBJECT_BEFORE.search(before):
                    found.append((mention.start, mention))
        # `The commander also met ...`: a role standing for a person named earlier.
        for match in _ROLE_SUBJECT.finditer(self.text):
            if self._inside_quote(match.start("np")):
                continue
            person = self._description(match.group("np"), match.start("np"), match.start("np"))
            if person is not None and person.kind == "person":
                found.append((match.start("np"), person))
        return sorted(found, key=lambda item: item[0])

    def _inside_quote(self, index: int) -> bool:
        return any(q.start <= index < q.end for q in self.quotes)

    def note(self, found: Attributed) -> None:
        """A person just quoted is who the text is talking about next."""
        if found.speaker is None:
            return
        kind = self.kinds.get(found.speaker)
        if kind == "person":
            at = found.quote.start
            mention = Mention(at, at, found.speaker, "person")
            self.subjects = sorted([*self.subjects, (at, mention)], key=lambda s: s[0])

    def salient_person(self, before: int) -> Mention | None:
        """The person the text is talking about just before offset `before`."""
        candidates = [m for offset, m in self.subjects if offset < before]
        return candidates[-1] if candidates else None

    def resolve(self, start: int, end: int, at: int) -> Mention | None:
        """The actor a noun phrase `text[start:end]` names; `at` is where it is used."""
        phrase = self.text[start:end].strip(" ,–—-")
        if not phrase:
            return None
        inside = [m for m in self.mentions if start <= m.start and m.end <= end]
        first_word = phrase.split()[0].casefold()
        if first_word in PRONOUNS and len(phrase.split()) == 1:
            if first_word in {"he", "she"}:
                return self.salient_person(at)
            return self._last_organisation(at)
        people = [m for m in inside if m.kind == "person"]
        if not people and _ROLE_HEAD.search(phrase) and first_word in {"the", "this", "that"}:
            # `the Kosovo president`: a person in a role, Kosovo only qualifies it.
            person = self._description(phrase, at, start)
            if person is not None:
                return person
        if inside:
            if SPOKESPEOPLE.search(phrase) and not people:
                return inside[-1]
            return people[-1] if people else inside[-1]
        return self._description(phrase, at, start)

    def _same_sentence(self, start: int, end: int) -> bool:
        between = self.text[start:end]
        return "\n" not in between and not re.search(r"[a-z0-9][.!?]\s+[A-Z“\"]", between)

    def _anonymous_source(self, head: str, before: int) -> Mention | None:
        """`the official` after `a senior EU official`: the organisation they speak for."""
        pattern = rf"\b[Aa]n?\s+(?:[\w-]+\s){{0,3}}?{re.escape(head)}\b"
        uses = list(re.finditer(pattern, self.text[:before]))
        if not uses:
            return None
        use = uses[-1]
        inside = [m for m in self.mentions if use.start() <= m.start and m.end <= use.end()]
        organisations = [m for m in inside if m.kind != "person"]
        return organisations[-1] if organisations and len(inside) == len(organisations) else None

    def _last_organisation(self, at: int) -> Mention | None:
        orgs = [
            m
            for m in self.mentions
            if m.start < at and m.kind in {"organisation", "mission", "office", "group"}
        ]
        return orgs[-1] if orgs else None

    def _description(self, phrase: str, at: int, phrase_start: int) -> Mention | None:
        """`the Assistant Secretary General`, `the senior NATO official`, `the ministry`."""
        words = phrase.split()
        if words[0].casefold() not in {"the", "a", "an", "this", "that"}:
            return None
        head = fold(" ".join(words[1:]))
        anonymous = self._anonymous_source(words[-1], phrase_start)
        if anonymous is not None:
            return anonymous
        if any(fold(w) in GENERIC_HEADS for w in words[-1:]):
            noun = fold(words[-1])
            for mention in reversed([m for m in self.mentions if m.start < at]):
                if mention.kind != "person" and noun in fold(
                    self.text[mention.start : mention.end + 40]
                ):
                    return mention
            return self._last_organisation(at)
        # A role title the text gave a person earlier (`NATO Assistant Secretary
        # General ..., Ambassador Boris Ruge`): the person nearest its last use.
        people = [m for m in self.mentions if m.kind == "person" and m.start < at]
        uses = (
            [
                span
                for match in re.finditer(rf"(?<!\w){re.escape(head)}(?!\w)", self.folded.folded)
                if (span := self.folded.span(match.start(), match.end()))[1] <= at
            ]
            if head
            else []
        )
        for use_start, use_end in reversed(uses):
            if use_start >= phrase_start:
                continue  # the description itself
            # The person the role is given to in the same sentence, nearest first.
            same_sentence = [
                m
                for m in people
                if self._same_sentence(min(use_start, m.start), max(use_end, m.end))
            ]
            nearest = min(
                same_sentence,
                key=lambda m: max(use_start - m.end, m.start - use_end, 0),
                default=None,
            )
            if nearest is not None and max(use_start - nearest.end, nearest.start - use_end) < 80:
                return nearest
        if re.search(rf"\b(?:{ROLE_NOUNS})$", head):
            return self.salient_person(at)
        return None


ROLE_NOUNS = (
    r"commander|minister|president|envoy|ambassador|chief|representative|secretary general|"
    r"prime minister|foreign minister|official|spokesperson|spokesman|spokeswoman|diplomat|"
    r"director|general|leader|negotiator|premier|chancellor|mayor|head"
)
_ROLE_SUBJECT = re.compile(
    rf"(?:^|(?<=[.!?]\s)|(?<=\n))(?P<np>[Tt]he\s(?:[\w-]+\s){{0,3}}?(?i:{ROLE_NOUNS}))"
    r"\s+(?:also\s+|then\s+|later\s+)?(?!and\b|of\b|for\b|to\b|in\b)[a-z]+",
    re.MULTILINE,
)
_ROLE_HEAD = re.compile(rf"\b(?i:{ROLE_NOUNS})$")
_NAME_IN_APPOSITION = re.compile(
    r",\s+(?:also\s+|then\s+)?(?!and\b|or\b|who\b|which\b|whose\b|the\b|a\b|an\b)[a-z]+\s"
)
_OBJECT_BEFORE = re.compile(r"\b(?:with|by|to|from|of|and|met|told|for)\s+(?:\S+\s+){0,3}$")
_FUNCTION_WORDS = {
    "and", "or", "of", "in", "on", "at", "for", "with", "to", "from", "the", "a", "an",
    "who", "which", "whose", "that", "as",
}  # fmt: skip


def attribute(text: str, quotes: list[Quotation], resolver: Resolver) -> list[Attributed]:
    """Speaker of every quotation (None when nothing in the text says who)."""
    results: list[Attributed] = []
    for index, quote in enumerate(quotes):
        para_start, para_end = _paragraph_of(text, quote.start)
        found = _after(text, quote, quotes, resolver, para_end) or _before(
            text, quote, quotes, resolver, para_start
        )
        if found is None:
            found = _continuation(text, quote, results, quotes[:index], resolver, para_start)
        resolver.note(found)
        results.append(found)
    return [r for r in results if not _partial(text, r) and not _repeated(text, r, results)]


PARTIAL_WORDS = 6
"""A short quotation inside a running sentence is a phrase the writer borrowed."""


def _partial(text: str, found: Attributed) -> bool:
    if found.rule in {"after", "after-inverted"}:
        return False
    quote = found.quote
    following = text[quote.close_mark + 1 : quote.close_mark + 40].lstrip()
    words = text[quote.start : quote.end]
    if len(words.split()) >= PARTIAL_WORDS:
        return False
    if following[:1].islower():
        return True
    # `accused Stoltenberg of “meddling in internal affairs”.`: a borrowed phrase
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


_AFTER_NP = r"(?P<np>(?:[^\s,.;:“”\"«»„]+\s){0,6}?[^\s,.;:“”\"«»„]+)"
_AFTER_SPEAKER_VERB = re.compile(
    rf"^[\s,.”\"»“–—-]*{_AFTER_NP}(?P<appos>,\s[^,“”\"]{{2,100}},)?\s+"
    rf"(?:(?:also|then|later|again|further|simply|firmly|\w+ly)\s+)?{VERB}(?![\w-])"
)
_AFTER_VERB_SPEAKER = re.compile(
    rf"^[\s,.”\"»“–—-]*{VERB}\s+(?P<np>(?:(?:the|a|an)\s)?(?:[^\s,.;:“”\"]+\s){{0,6}}?"
    rf"[^\s,.;:“”\"]+?)(?=\s*(?:[,.;:“”\"]|$|\s(?:in|on|at|during|after|before|from|when|"
    rf"while|adding|noting|as|to|who)\s))"
)


def _after(
    text: str, quote: Quotation, quotes: list[Quotation], resolver: Resolver, para_end: int
) -> Attributed | None:
    tail_start = min(quote.close_mark + 1, para_end)
    later = [q.open_mark for q in quotes if q.open_mark >= tail_start]
    tail_end = min([para_end, *later])
    tail = text[tail_start:tail_end]
    closed_sentence = text[quote.start : quote.close_mark].rstrip()[-1:] in ".!?"
    for pattern, rule in ((_AFTER_SPEAKER_VERB, "after"), (_AFTER_VERB_SPEAKER, "after-inverted")):
        match = pattern.match(tail)
        if not match:
            continue
        np_start, np_end = tail_start + match.start("np"), tail_start + match.end("np")
        if np_start - tail_start > 6 and rule == "after":
            continue
        if closed_sentence and tail.lstrip()[:1].isupper() and not _short_clause(tail, match):
            continue  # `…manner.” He also emphasised NATO's…` is the next sentence
        speaker = resolver.resolve(np_start, np_end, quote.start)
        if speaker is not None or _looks_like_speaker(text[np_start:np_end]):
            return _make(quote, speaker, np_start, np_end, rule)
    return None


def _short_clause(tail: str, match: re.Match[str]) -> bool:
    """Whether the attribution is a whole short sentence (`“We will win.” Rutte said.`)."""
    rest = tail[match.end() :]
    stop = re.search(r"[.!?]", rest)
    return stop is not None and len(rest[: stop.start()].split()) <= 5


def _looks_like_speaker(phrase: str) -> bool:
    words = phrase.split()
    return bool(words) and (words[0][0].isupper() or words[0].casefold() in {"the", "a", "an"})


def _before(
    text: str, quote: Quotation, quotes: list[Quotation], resolver: Resolver, para_start: int
) -> Attributed | None:
    earlier = [q.close_mark + 1 for q in quotes if q.close_mark < quote.open_mark]
    floor = max([para_start, *[e for e in earlier if e >= para_start]])
    start = sentence_start(text, quote.open_mark, floor, quotes)
    prefix = text[start : quote.open_mark]
    verbs = list(_VERB.finditer(prefix))
    if not verbs:
        return None
    last = verbs[-1]
    gap = prefix[last.end() :]
    if len(gap.split()) > 10:
        return None
    for verb in reversed(verbs):
        np_start, np_end = _np_before(prefix, verb.start())
        participle = _participle(prefix[: verb.start()])
        if np_end > np_start and not participle:
            speaker = resolver.resolve(start + np_start, start + np_end, quote.start)
            if speaker is not None:
                return _make(quote, speaker, start + np_start, start + np_end, "before")
            if _looks_like_speaker(prefix[np_start:np_end]):
                return _make(quote, None, start + np_start, start + np_end, "before")
    # `The Deputy Secretary General ... , telling them that “…`: the sentence's subject.
    subject = _SENTENCE_SUBJECT.match(prefix)
    if subject and verbs[-1].group(0).endswith("ing"):
        np_start, np_end = start + subject.start("np"), start + subject.end("np")
        speaker = resolver.resolve(np_start, np_end, quote.start)
        return _make(quote, speaker, np_start, np_end, "before-subject")
    return None


def _participle(before_verb: str) -> bool:
    """`…, Ruge emphasized NATO’s presence, stating, “…`: a verb with no subject of its own.

    Unlike `Jane Roe, the EU envoy, said`, where the commas enclose an apposition.
    """
    head = before_verb.rstrip()
    if not head.endswith(","):
        return False
    inner = re.search(r",([^,]+),$", head)
    if inner is None:
        return True
    segment = inner.group(1).split()
    opens_apposition = segment[0].casefold() in {"the", "a", "an", "who", "whose"} or bool(
        _VERB.fullmatch(segment[0])
    )
    return not opens_apposition and bool(_VERB.search(inner.group(1)))


_SENTENCE_SUBJECT = re.compile(
    r"\s*(?P<np>(?:(?:The|the|A|An)\s)?(?:[A-Z][\w.’'-]*)(?:\s(?:[A-Z][\w.’'-]*|of|for|and))*)"
    r"\s+(?:also\s+|then\s+|later\s+)?[a-z]"
)


def _np_before(prefix: str, verb_start: int) -> tuple[int, int]:
    """The clause segment right before a verb: its subject, apposition removed."""
    head = prefix[:verb_start].rstrip()
    end = len(head)
    adverb = re.search(r"\s(?:also|then|later|again|further|\w+ly)$", head)
    if adverb:
        end = adverb.start()
        head = head[:end]
    if head.endswith(","):
        # `Jane Roe, the EU envoy, said`: the subject is before the apposition.
        inner = head[:-1].rfind(",")
        if inner != -1:
            head = head[:inner]
            end = inner
    cut = max(head.rfind(c) for c in ",;:()–—") + 1
    words = head[cut:].split()
    if len(words) > 9:
        # Too long for a subject: keep its last words (`... the NATO Press office`).
        cut = len(head) - len(" ".join(words[-9:]))
    start = cut
    while start < end and head[start].isspace():
        start += 1
    return start, end


def _continuation(
    text: str,
    quote: Quotation,
    done: list[Attributed],
    earlier: list[Quotation],
    resolver: Resolver,
    para_start: int,
) -> Attributed:
    if done and done[-1].speaker is not None:
        previous = done[-1]
        between = text[previous.quote.close_mark + 1 : quote.open_mark]
        same_paragraph = previous.quote.start >= para_start
        if same_paragraph and "\n" not in between:
            return Attributed(quote, previous.speaker, None, None, "continuation")
    person = resolver.salient_person(quote.open_mark)
    last_speaker = done[-1] if done and done[-1].speaker else None
    if last_speaker is not None and (person is None or (last_speaker.quote.start > person.start)):
        return Attributed(quote, last_speaker.speaker, None, None, "continuation")
    if person is not None:
        return Attributed(quote, person.actor, person.start, person.end, "topic")
    return Attributed(quote, None, None, None, "unattributed")


def _make(quote: Quotation, speaker: Mention | None, start: int, end: int, rule: str) -> Attributed:
    return Attributed(quote, speaker.actor if speaker else None, start, end, rule)
