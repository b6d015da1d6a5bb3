"""A learned choice of speaker for quotes that no rule attributes.

The rules (brief.ingest.attribution) attribute a quote when its text says
who speaks: a cue verb, a colon, a pronoun chain, a continuation. Some
quotes have no such words (`Gov. Jane Roe blamed the court's “…`, `That
line from Jane Roe appeared …`); the rules leave them unattributed. This
module then looks only at the people and organisations the quote's own
paragraph and the paragraph before it name (or `he`/`she` there, resolved
by gender), weighs each with a small model that shares the quote among them
(a softmax over the candidates: a candidate is likely only as far as the
others are not) and proposes the best one when its share reaches the
model's threshold, when it clearly dominates the others. With no candidate,
or none dominating, the quote stays unattributed: never the last person
named for want of anyone else.

The model (data/speaker_ranker.json: feature weights and the threshold) is
trained on the PolNeAR train split by scripts/train_speaker_ranker.py; the
features are the evidence, so each proposal says why (`ranked: the subject
of the quote's sentence, 3 words before it`) and that it is weaker than a rule.
"""

from __future__ import annotations

import functools
import json
import math
import re
from collections import Counter
from dataclasses import dataclass, field
from importlib import resources
from typing import Protocol

from brief.ingest.lexicon import alternation, words
from brief.ingest.mentions import Mention
from brief.ingest.names import speaker_name
from brief.ingest.quotes import Attributed, Quotation, sentence_end, sentence_start
from brief.ingest.speakers import ORGANISATION_KINDS, Resolver
from brief.ingest.unnamed import description

FEATURES: dict[str, str] = {
    "sentence_before": "named in the quote's sentence, before it",
    "sentence_after": "named in the quote's sentence, after it",
    "paragraph_before": "named earlier in the quote's paragraph",
    "paragraph_after": "named later in the quote's paragraph",
    "previous_paragraph": "named in the paragraph before",
    "subject": "the subject of its sentence",
    "object": "after a preposition or object verb",
    "possessive": "in a possessive (`X's`)",
    "pronoun": "a pronoun resolved by gender",
    "organisation": "an organisation",
    "unproven": "not shown to be a person",
    "titled": "with a title (`Mr.`, `Sen.`)",
    "last_speaker": "the speaker of the quote before",
    "quoted_before": "quoted earlier in the article",
    "mentions": "named often in the article",
    "most_named": "the person the article names most",
    "nearest": "the nearest candidate to the quote",
    "distance": "far from the quote",
    "cue_in_sentence": "a cue verb in its sentence",
    "subject_here": "the subject of the quote's sentence",
    "first_here": "the first named in the quote's sentence",
    "colon": "its sentence ends in a colon before the quote",
    "cue_between": "a cue verb between it and the quote",
    "subject_before": "the subject of a sentence before the quote in its paragraph",
    "subject_previous": "the subject of a sentence in the paragraph before",
    "named_here": "named several times around the quote",
    "pronoun_here": "`he`/`she` in the quote's sentence",
    "last_speaker_alone": "the speaker of the quote before, the quote alone in its paragraph",
    "cue_after": "a cue verb right after it",
    "description": "a description (`the report`, `the candidate`)",
    "nobody": "",
    "nobody_short": "",
    "nobody_opens": "",
    "nobody_alone": "",
    "nobody_candidates": "",
    "nobody_in_sentence": "",
}
"""Each feature and how the analyst reads it. The `nobody` ones weigh the choice of no
one (the quote's length and place, how many candidates, none in its sentence): the
case against proposing any candidate, never a reason for one (blank)."""

_CUE = re.compile(rf"(?<![\w’'-])(?:{alternation('speech_verbs')})(?![\w-])")
_TITLE_BEFORE = re.compile(rf"\b(?:{alternation('title_words')})\s*$")
_TITLED = re.compile(rf"(?:{alternation('title_words')})\s")
_OBJECT_BEFORE = re.compile(rf"\b(?:{alternation('object_words')})\s+(?:the\s+)?$")
_PRONOUN = re.compile(r"(?<![\w’'-])(?:[Hh]e|[Ss]he|[Hh]is|[Hh]er)(?![\w-])")
_GENDER = {"he": "m", "his": "m", "she": "f", "her": "f"}
"""`he`/`she` and `his`/`her` (`His criticism was: “…”`), the gender each stands for."""
_HEADS = "|".join(
    sorted(
        (
            re.escape(w)
            for w in words("document_heads") | words("role_nouns") | words("organisation_heads")
            if " " not in w
        ),
        key=len,
        reverse=True,
    )
)
_DESCRIPTION = re.compile(
    rf"(?<![\w’'-])(?i:{alternation('determiners')})\s+(?:[\w’'-]+\s+){{0,4}}?"
    rf"(?:{_HEADS})(?![\w’'-])"
)
"""`the report`, `The GOP presidential candidate`, `the harbour council`: a determiner up
to the first head noun of a document, a role or an organisation (data/document_heads.txt,
data/role_nouns.txt, data/organisation_heads.txt)."""


@dataclass(frozen=True)
class Candidate:
    """Someone the quote's context names: `start:end` is where, `actor` who."""

    start: int
    end: int
    actor: str | None
    """None for a name no mention holds yet (`Mr. Biden`): resolved when chosen."""
    name: str
    kind: str
    features: dict[str, float] = field(hash=False)


@dataclass(frozen=True)
class Model:
    weights: dict[str, float]
    threshold: float

    def weight(self, features: dict[str, float]) -> float:
        return sum(self.weights.get(name, 0.0) * value for name, value in features.items())

    def shares(self, candidates: list[dict[str, float]], nobody: dict[str, float]) -> list[float]:
        """Each candidate's share of the quote (a softmax), the rest left to no one."""
        weights = [self.weight(features) for features in candidates]
        top = max([self.weight(nobody), *weights])
        raised = [math.exp(w - top) for w in weights]
        total = math.exp(self.weight(nobody) - top) + sum(raised)
        return [r / total for r in raised]

    def reasons(self, features: dict[str, float], most: int = 3) -> list[str]:
        """The evidence that weighed most for a candidate, in the analyst's words."""
        weighed = sorted(
            (self.weights.get(name, 0.0) * value, name)
            for name, value in features.items()
            if FEATURES.get(name) and self.weights.get(name, 0.0) * value > 0
        )
        return [FEATURES[name] for _, name in reversed(weighed[-most:])]


@functools.cache
def shipped_model() -> Model:
    """The model trained on PolNeAR train (scripts/train_speaker_ranker.py)."""
    raw = resources.files("brief.ingest").joinpath("data", "speaker_ranker.json")
    data = json.loads(raw.read_text("utf-8"))
    return Model({k: float(v) for k, v in data["weights"].items()}, float(data["threshold"]))


class Ranker(Protocol):
    def attribute(
        self,
        text: str,
        quote: Quotation,
        quotes: list[Quotation],
        done: list[Attributed],
        resolver: Resolver,
    ) -> Attributed | None: ...


class ModelRanker:
    """Proposes the best-scoring candidate when it reaches the model's threshold."""

    def __init__(self, model: Model | None = None) -> None:
        self.model = model or shipped_model()

    def attribute(
        self,
        text: str,
        quote: Quotation,
        quotes: list[Quotation],
        done: list[Attributed],
        resolver: Resolver,
    ) -> Attributed | None:
        found = candidates(text, quote, quotes, done, resolver)
        if not found:
            return None
        shares = self.model.shares([c.features for c in found], nobody(text, quote, found))
        share, _, best = max(zip(shares, (-c.start for c in found), found, strict=True))
        if share < self.model.threshold:
            return None
        actor = best.actor
        if actor is None:
            speaker = _chosen(resolver, best, quote)
            if speaker is None:
                return None
            actor = speaker.actor
        why = ", ".join(self.model.reasons(best.features)) or "the best of the candidates"
        others = len(found) - 1
        among = f"{share:.0%} of the quote, against {others} other candidate(s) and no one"
        return Attributed(quote, actor, best.start, best.end, "ranked", why=f"{why}; {among}")


def _chosen(resolver: Resolver, best: Candidate, quote: Quotation) -> Mention | None:
    """Who a candidate no mention holds is, settled now it is chosen: a description is
    the role's holder or a new unnamed speaker (a document always the latter)."""
    if best.kind == "description":
        found = description(resolver.text[best.start : best.end])
        held = (
            None
            if found is None or found.document
            else resolver.resolve(best.start, best.end, quote.start)
        )
        return held or resolver.describe(best.start, best.end)
    speaker = resolver.resolve(best.start, best.end, quote.start)
    if speaker is None or (speaker.kind == "person") != (best.kind == "person"):
        return None
    return speaker


def actor_names(resolver: Resolver, actor: str) -> tuple[str, ...]:
    """The names an actor id stands for: the registry's, or a name the article gives."""
    for registered in resolver.registry:
        if registered.id == actor:
            return (registered.name, *registered.aliases)
    book = resolver.names
    if book is not None:
        person = book.people.get(actor) or book.pending.get(actor)
        if person is not None:
            return (person.name,)
    return ()


# ------------------------------------------------------------------ candidates


def candidates(
    text: str,
    quote: Quotation,
    quotes: list[Quotation],
    done: list[Attributed],
    resolver: Resolver,
) -> list[Candidate]:
    """Everyone the quote's paragraph and the paragraph before it name, outside
    quotations, with the features that say how likely each is to speak it. None for
    a headline's quote: who a headline is about is no evidence of who said it."""
    if "\n" not in text[: quote.open_mark]:
        return []
    context = _Context.of(text, quote, quotes, done, resolver)
    spans = _spans(context)
    context.local = Counter(m.actor for _, _, m in spans)
    if not spans:
        return []
    context.first_named = min(
        (s for s, _, _ in spans if context.sentence[0] <= s < quote.open_mark), default=-1
    )
    nearest = min(_gap(s, e, quote) for s, e, _ in spans)
    return [
        Candidate(
            s,
            e,
            m.actor or None,
            _name(resolver, text[s:e], m.actor),
            m.kind,
            _features(context, s, e, m, nearest),
        )
        for s, e, m in spans
    ]


def nobody(text: str, quote: Quotation, found: list[Candidate]) -> dict[str, float]:
    """The case for no one: the quote's length and place, how many candidates it has and
    whether any is in its sentence (a borrowed phrase is often short, with no one near)."""
    para_start = text.rfind("\n", 0, quote.open_mark) + 1
    para_end = text.find("\n", quote.close_mark)
    opens = not text[para_start : quote.open_mark].strip()
    after = text[quote.close_mark + 1 : len(text) if para_end == -1 else para_end]
    here = ("sentence_before", "sentence_after")
    features = {
        "nobody": 1.0,
        "nobody_short": float(len(text[quote.start : quote.end].split()) < 6),
        "nobody_opens": float(opens),
        "nobody_alone": float(opens and len(after.split()) < 3),
        "nobody_candidates": math.log(1 + len(found)),
        "nobody_in_sentence": float(not any(k in c.features for c in found for k in here)),
    }
    return {k: v for k, v in features.items() if v}


_NAME_LIKE = re.compile(
    r"(?<![\w’'.-])(?:[A-Z][a-z]{0,4}\.\s+)?(?:[A-Z]\.\s)?[A-Z][\w’'-]+"
    r"(?:\s(?:[A-Z]\.|[A-Z][\w’'-]+))*"
)


def _names(
    context: _Context, taken: list[tuple[int, int, Mention]]
) -> list[tuple[int, int, Mention]]:
    """Names of people in the window that no mention holds (`Mr. Biden`, `Trump`), as
    mentions of no actor yet (actor ``): who they are is settled only if chosen."""
    found = []
    resolver = context.resolver
    for match in _NAME_LIKE.finditer(context.text, *context.window):
        start, end = match.span()
        if re.search(r"[’']s$", match.group(0)):
            end -= 2
        if context.quoted(start) or any(s < end and start < e for s, e, _ in taken):
            continue
        quoted = _quoted_surname(context, context.text[start:end])
        if quoted is not None:
            found.append((start, end, Mention(start, end, quoted, "person")))
        elif resolver.may_be_person(start, end):
            found.append((start, end, Mention(start, end, "", "person", new=True)))
        elif _organisation(context, start, end):
            found.append((start, end, Mention(start, end, "", "organisation", new=True)))
    return found


def _quoted_surname(context: _Context, word: str) -> str | None:
    """The person the article already quotes whose name ends in `word` (`Trump` of one
    quoted as `Trump` or `Donald Trump`), when only one does: a rule has shown them a
    person who speaks here, though no mention holds this word."""
    if " " in word or len(word) < 3:
        return None
    kinds = context.resolver.kinds
    found = {
        actor
        for actor in context.quoted_actors
        if kinds.get(actor, "person") == "person"
        and any(name.split()[-1] == word for name in actor_names(context.resolver, actor))
    }
    return found.pop() if len(found) == 1 else None


def _organisation(context: _Context, start: int, end: int) -> bool:
    """`the Heritage Foundation`, `CNN`: a name the text gives an organisation."""
    resolver = context.resolver
    extra = resolver.names.extra if resolver.names is not None else frozenset()
    named = speaker_name(context.text[start:end], extra)
    if named is None or named.kind != "organisation":
        return False
    tokens = named.name.split()
    return (len(tokens) > 1 or tokens[0].isupper()) and not {
        tokens[0].casefold(),
        tokens[-1].casefold(),
    } & context.lower_words


@functools.lru_cache(maxsize=4)
def _lower_words(text: str) -> frozenset[str]:
    return frozenset(re.findall(r"\b[a-z][a-z’'-]*\b", text))


def _plausible(context: _Context, start: int, end: int, mention: Mention) -> bool:
    """A person the text shows to be one, or a name that looks like one: two words or a
    title, its first word no common word (the article never uses it in lower case:
    `Many Americans`, `Filling`, `According` are not people)."""
    resolver = context.resolver
    if mention.kind != "person" or context.text[start:end].casefold() in _GENDER:
        return True
    if resolver.names_person(start, end):
        return True
    tokens = context.text[start:end].split()
    own_title = len(tokens) > 1 and _TITLED.match(context.text, start) is not None
    titled = own_title or bool(_TITLE_BEFORE.search(context.text[max(0, start - 30) : start]))
    first = tokens[1] if own_title else tokens[0]
    if not titled and len(tokens) < 2:
        return mention.actor in context.quoted_actors or _surname_of(
            resolver, tokens[0], mention.actor
        )
    return not {first.casefold(), tokens[-1].casefold()} & context.lower_words


def _surname_of(resolver: Resolver, word: str, actor: str) -> bool:
    """`Roe` alone, held by a mention of a person the article names `Jane Roe`."""
    names = actor_names(resolver, actor) if actor else ()
    return len(word) > 2 and any(
        len(name.split()) > 1 and name.split()[-1] == word for name in names
    )


def _name(resolver: Resolver, phrase: str, actor: str) -> str:
    """How the candidate is named: its actor's name, else the phrase's name."""
    if actor:
        names = actor_names(resolver, actor)
        return names[0] if names else phrase
    extra = resolver.names.extra if resolver.names is not None else frozenset()
    named = speaker_name(phrase, extra)
    return named.name if named is not None else phrase


def _spans(context: _Context) -> list[tuple[int, int, Mention]]:
    """Where the window names someone, and who: mentions, pronouns, names."""
    spans: list[tuple[int, int, Mention]] = [
        (m.start, m.end, m)
        for m in context.resolver.mentions
        if context.window[0] <= m.start < context.window[1]
        and not context.quoted(m.start)
        and (m.kind == "person" or m.kind in ORGANISATION_KINDS)
    ]
    spans += _pronouns(context)
    spans += _names(context, spans)
    spans += _descriptions(context, spans)
    return [
        (s, e, m)
        for s, e, m in spans
        if _plausible(context, s, e, m) and not _unproven_elsewhere(context, s, e, m)
    ]


def _unproven_elsewhere(context: _Context, start: int, end: int, mention: Mention) -> bool:
    """A name nothing shows to be a person, outside the quote's sentence: only the last
    person named (`Jane Roe walked out early. “…”`), no evidence of who speaks."""
    outside = not context.sentence[0] <= start < context.sentence[1]
    proven = (
        mention.actor in context.quoted_actors
        or context.text[start:end].casefold() in _GENDER
        or context.resolver.names_person(start, end)
    )
    return outside and mention.kind == "person" and not proven


def _descriptions(
    context: _Context, taken: list[tuple[int, int, Mention]]
) -> list[tuple[int, int, Mention]]:
    """Descriptions of a speaker no mention holds (`the report`, `the GOP presidential
    candidate`), as mentions of no actor yet: an unnamed speaker is made only if chosen."""
    found = []
    for match in _DESCRIPTION.finditer(context.text, *context.window):
        start, end = match.span()
        if context.quoted(start) or any(s < end and start < e for s, e, _ in taken):
            continue
        if description(match.group(0)) is not None:
            found.append((start, end, Mention(start, end, "", "description", new=True)))
    return found


def _pronouns(context: _Context) -> list[tuple[int, int, Mention]]:
    """`he`/`she`/`his`/`her` outside quotations, with the person each stands for (by
    gender)."""
    found = []
    for match in _PRONOUN.finditer(context.text, *context.window):
        if context.quoted(match.start()):
            continue
        gender = _GENDER[match.group(0).casefold()]
        person = context.resolver.salient_person(match.start(), gender)
        if person is not None:
            found.append((match.start(), match.end(), person))
    return found


def _gap(start: int, end: int, quote: Quotation) -> int:
    return max(quote.open_mark - end, start - quote.close_mark, 0)


@dataclass
class _Context:
    text: str
    quote: Quotation
    quotes: list[Quotation]
    resolver: Resolver
    window: tuple[int, int]
    paragraph: tuple[int, int]
    sentence: tuple[int, int]
    last_speaker: str | None
    last_nearby: bool
    quoted_actors: frozenset[str]
    counts: Counter[str]
    most_named: str | None
    local: Counter[str] = field(default_factory=Counter)
    """How often each actor is named in the window."""
    lower_words: frozenset[str] = frozenset()
    """Words the article uses in lower case: common words, not names."""
    first_named: int = -1
    """Where the first candidate in the quote's sentence, before it, starts."""

    @classmethod
    def of(
        cls,
        text: str,
        quote: Quotation,
        quotes: list[Quotation],
        done: list[Attributed],
        resolver: Resolver,
    ) -> _Context:
        para_start = text.rfind("\n", 0, quote.open_mark) + 1
        para_end = text.find("\n", quote.close_mark)
        para_end = len(text) if para_end == -1 else para_end
        before = text.rfind("\n", 0, max(0, para_start - 1))
        while before > 0 and not text[before + 1 : para_start].strip():
            before = text.rfind("\n", 0, before)
        window_start = max(0, before + 1)
        start = sentence_start(text, quote.open_mark, para_start, quotes)
        end = sentence_end(text, min(quote.close_mark + 1, para_end), para_end, quotes)
        last = next((d for d in reversed(done) if d.speaker is not None), None)
        counts = Counter(m.actor for m in resolver.mentions if m.kind == "person")
        return cls(
            text,
            quote,
            quotes,
            resolver,
            (window_start, para_end),
            (para_start, para_end),
            (start, end),
            last.speaker if last else None,
            last is not None and last.quote.start >= window_start,
            frozenset(d.speaker for d in done if d.speaker),
            counts,
            next((a for a, _ in counts.most_common(1)), None),
            lower_words=_lower_words(text),
        )

    def quoted(self, at: int) -> bool:
        return any(q.open_mark <= at <= q.close_mark for q in self.quotes)


def _features(
    context: _Context, start: int, end: int, mention: Mention, nearest: int
) -> dict[str, float]:
    text, quote = context.text, context.quote
    found: dict[str, float] = {_where(context, start): 1.0}
    found.update(_form(context, start, end, mention))
    found.update(_history(context, mention))
    gap = _gap(start, end, quote)
    found["nearest"] = float(gap == nearest)
    found["distance"] = min(len(_between(text, start, end, quote).split()), 60) / 20
    sentence = _sentence_of(context, start)
    found["cue_in_sentence"] = float(_CUE.search(text, *sentence) is not None)
    found["cue_after"] = float(_CUE.match(_after_words(text, end)) is not None)
    here = _where(context, start) == "sentence_before"
    found["subject_here"] = float(here and found.get("subject", 0.0) > 0)
    found["first_here"] = float(here and start == context.first_named)
    found["colon"] = float(here and text[: quote.open_mark].rstrip().endswith(":"))
    where, subject = _where(context, start), found.get("subject", 0.0) > 0
    found["subject_before"] = float(where == "paragraph_before" and subject)
    found["subject_previous"] = float(where == "previous_paragraph" and subject)
    found["cue_between"] = float(
        end <= quote.open_mark and _CUE.search(text, end, quote.open_mark) is not None
    )
    found["pronoun_here"] = float(here and found.get("pronoun", 0.0) > 0)
    found["named_here"] = math.log(context.local.get(mention.actor, 0) + 1) / 2
    alone = (
        not text[context.paragraph[0] : quote.open_mark].strip()
        and len(text[quote.close_mark + 1 : context.paragraph[1]].split()) < 3
    )
    found["last_speaker_alone"] = float(alone) * found.get("last_speaker", 0.0)
    return {k: v for k, v in found.items() if v}


def _where(context: _Context, start: int) -> str:
    quote = context.quote
    if context.sentence[0] <= start < context.sentence[1]:
        return "sentence_before" if start < quote.open_mark else "sentence_after"
    if start >= context.paragraph[0]:
        return "paragraph_before" if start < quote.open_mark else "paragraph_after"
    return "previous_paragraph"


def _form(context: _Context, start: int, end: int, mention: Mention) -> dict[str, float]:
    """What the words themselves say: a pronoun, a title, a subject, an object."""
    text, resolver = context.text, context.resolver
    phrase = text[start:end]
    before = text[max(0, start - 40) : start]
    sentence = _sentence_of(context, start)
    opener = text[sentence[0] : start].strip(' ,“”"')
    return {
        "pronoun": float(phrase.casefold() in _GENDER),
        "organisation": float(mention.kind not in {"person", "description"}),
        "description": float(mention.kind == "description"),
        "unproven": float(
            mention.kind == "person"
            and phrase.casefold() not in _GENDER
            and not resolver.names_person(start, end)
        ),
        "titled": float(bool(_TITLE_BEFORE.search(before) or _TITLED.match(text, start))),
        "possessive": float(
            text[end : end + 2] in {"'s", "’s"} or phrase.casefold() in {"his", "her"}
        ),
        "object": float(bool(_OBJECT_BEFORE.search(before))),
        "subject": float(
            any(at == start for at, _ in resolver.subjects)
            or (
                (not opener or opener.endswith(",") or opener.casefold() in _OPENERS)
                and re.match(r"\s+(?:[a-z]+ly\s+)?[a-z]+", text[end : end + 30]) is not None
            )
        ),
    }


_OPENERS = words("leading_connectives")


def _history(context: _Context, mention: Mention) -> dict[str, float]:
    """What the article said of this actor before: quoted, named often."""
    counts = context.counts
    return {
        "last_speaker": float(context.last_nearby and mention.actor == context.last_speaker),
        "quoted_before": float(mention.actor in context.quoted_actors),
        "mentions": math.log(1 + counts.get(mention.actor, 0)) / 2,
        "most_named": float(mention.actor == context.most_named),
    }


def _sentence_of(context: _Context, at: int) -> tuple[int, int]:
    if context.sentence[0] <= at < context.sentence[1]:
        return context.sentence
    text = context.text
    floor = text.rfind("\n", 0, at) + 1
    ceiling = text.find("\n", at)
    ceiling = len(text) if ceiling == -1 else ceiling
    start = sentence_start(text, at, floor, context.quotes)
    return start, sentence_end(text, at, ceiling, context.quotes)


def _between(text: str, start: int, end: int, quote: Quotation) -> str:
    return text[end : quote.open_mark] if end <= quote.open_mark else text[quote.close_mark : start]


def _after_words(text: str, end: int) -> str:
    """The words right after a name, past an apposition or adverb (`Roe, 54, later said`)."""
    rest = text[end : end + 80]
    rest = re.sub(r"^\s*\([^()]{1,30}\)", "", rest)
    rest = re.sub(r"^,[^,]{1,60},", "", rest)
    return re.sub(r"^\s+(?:[a-z]+ly\s+|has\s+|had\s+|have\s+)?", "", rest)
