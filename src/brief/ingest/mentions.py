"""Actor mentions: registry names and aliases matched accent-insensitively, new people proposed.

`Ozturk`, `Öztürk` and `ÖZTÜRK` are the same name; a person's surname alone
(`Roe`) matches when no other registered person shares it. Capitalised
names the registry does not know are proposed as new people when the text
gives evidence that they are people (a title before them, a role in
apposition, or a speech verb), with the role the text states.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from brief.corpus.models import Actor
from brief.fold import id_fold as fold
from brief.fold import id_slug as slugify
from brief.ingest.lexicon import alternation, words
from brief.ingest.namesakes import Holder, choose, same_person


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    actor: str
    kind: str
    """Actor kind, `person` for proposed new people."""
    new: bool = False
    namesakes: tuple[str, ...] = ()
    """A bare surname several people named in full share, linked by a guess: the others."""


@dataclass(frozen=True)
class NewActor:
    id: str
    name: str
    role: str | None
    start: int
    end: int


@functools.lru_cache(maxsize=4096)
def _fold_char(char: str) -> str:
    return fold(char)


class FoldedText:
    """`text` folded to lower-case ASCII, with a map back to original offsets."""

    def __init__(self, text: str) -> None:
        parts: list[str] = []
        origin: list[int] = []
        for index, char in enumerate(text):
            folded = _fold_char(char)
            parts.append(folded)
            origin.extend([index] * len(folded))
        self.text = text
        self.folded = "".join(parts)
        self.origin = origin

    def span(self, start: int, end: int) -> tuple[int, int]:
        return self.origin[start], self.origin[end - 1] + 1


NOT_NAME_WORDS = words("not_names")
"""Capitalised words that are not parts of a person's name (titles, months, institutions)."""

TITLE_WORDS = alternation("title_words")
_NAME_TOKEN = r"[^\W\d_][\w’'\-]*"
_TOKEN = re.compile(_NAME_TOKEN)
_TITLE_BEFORE = re.compile(
    rf"\b(?:{TITLE_WORDS})(?:\s+(?:of|for|to|in|at)\s+(?!(?:the|a|an)\s*$)[^,.;:]+?)?\s*,?\s*$",
    re.IGNORECASE,
)
_APPOSITION_AFTER = re.compile(
    r"^,\s+((?:the|a|an|[A-Z][\w’]*’s|[A-Z][\w]*'s)\s[^,.;:“”\"]{2,90}?)(?:[,.;]|$)"
)
_RELATIVES = "|".join(sorted(words("phrase_cuts") - words("minor_words")))
_CLAUSE_WORD = rf"(?:{alternation('auxiliaries')}|{_RELATIVES})\b"
"""`, who has been chairman of`: a clause, not a role in apposition."""
_ROLE_APPOSITION_AFTER = re.compile(
    rf"^,\s+((?:(?!{_CLAUSE_WORD})[a-z][\w-]*\s+){{0,3}}?(?:{alternation('role_nouns')})"
    r"(?:\s+(?:of|for|at|to|in|with)\s+[^,.;:“”\"]{2,80}?)?)(?:[,.;]|$)"
)
"""A role without an article: `Mia Strand, director of the Harbour Union, said`."""
_PLACE_BEFORE = re.compile(
    r"\b(?:of|in|from|at|to|near|into|across|outside)\s+(?:the\s+)?$"
    r"|\b(?:of|for|in|at|to)\s+the\s+(?:[a-z][\w-]*\s+){1,3}$"
)
"""`a resident of Zubin Potok`, `director of the nonpartisan Fjord Trust`: a place or a
body, not a person."""
_BYLINE_BEFORE = re.compile(r"(?:^|\n)[^\n.]{0,30}?\b[Bb]y\s+$")
_SPEECH_BEFORE = re.compile(
    rf"\b(?:{alternation('speech_verbs')}|{alternation('successor_words')})\s+$"
)
_VERB_AFTER = re.compile(
    r"^(?:,\s[^,“”\"]{2,90},|,)?\s+(?:also\s+|later\s+|then\s+)?"
    rf"(?:{alternation('speech_verbs')}|{alternation('event_verbs_after_name')})\b"
)


_VERB_WORD = re.compile(rf"(?:{alternation('speech_verbs')})", re.IGNORECASE)


def _is_capitalised(token: str, extra: frozenset[str] = frozenset()) -> bool:
    """A capitalised word that can be part of a person's name (not `Urges` in a headline)."""
    folded = token.casefold().rstrip(".")
    return (
        token[:1].isupper()
        and folded not in NOT_NAME_WORDS
        and folded not in extra
        and not _VERB_WORD.fullmatch(folded)
    )


def registry_words(actors: list[Actor]) -> frozenset[str]:
    """Words of the registry's places and organisations: never part of a person's name."""
    found: set[str] = set()
    for actor in actors:
        if actor.kind.value == "person":
            continue
        for name in (actor.name, *actor.aliases):
            found.update(token.casefold() for token in _TOKEN.findall(name))
    return frozenset(found)


class ActorIndex:
    """Names and aliases of the registry, folded, longest first."""

    def __init__(self, actors: list[Actor]) -> None:
        entries: dict[str, tuple[str, str, bool]] = {}
        surnames: dict[str, set[str]] = {}
        for actor in actors:
            for name in (actor.name, *actor.aliases):
                # `the Southern Uplands` is matched as `Southern Uplands`: the
                # article is not part of the name, and lower case in running text.
                key = re.sub(r"^the\s+", "", fold(name).strip())
                if len(key) >= 2:
                    entries.setdefault(key, (actor.id, actor.kind.value, name.isupper()))
                if actor.kind.value == "person":
                    last = fold(name).split()[-1] if name.split() else ""
                    if len(last) >= 3:
                        surnames.setdefault(last, set()).add(actor.id)
        for last, ids in surnames.items():
            if len(ids) == 1 and last not in entries:
                entries[last] = (next(iter(ids)), "person", False)
        self.entries = entries
        self.kinds = {actor.id: actor.kind.value for actor in actors}
        self.names = {actor.id: actor.name for actor in actors}
        self.pattern = _pattern(entries)
        self._without: dict[str, ActorIndex] = {}

    def without(self, actor: str) -> ActorIndex:
        """This index less one actor's names (cached)."""
        if actor not in self._without:
            other = ActorIndex([])
            other.entries = {k: v for k, v in self.entries.items() if v[0] != actor}
            other.kinds, other.names = self.kinds, self.names
            other.pattern = _pattern(other.entries)
            self._without[actor] = other
        return self._without[actor]


def _pattern(entries: dict[str, tuple[str, str, bool]]) -> re.Pattern[str] | None:
    keys = sorted(entries, key=lambda key: (-len(key), key))
    if not keys:
        return None
    return re.compile(r"(?<![\w])(" + "|".join(re.escape(key) for key in keys) + r")(?![\w])")


def find_nested(text: str, index: ActorIndex, mentions: list[Mention]) -> list[Mention]:
    """Registered names inside longer ones: OSSU in `OSSU-led border mission`."""
    nested: list[Mention] = []
    for outer in mentions:
        inner = index.without(outer.actor)
        for mention in find_mentions(text[outer.start : outer.end], inner):
            if mention.actor != outer.actor:
                nested.append(
                    Mention(outer.start + mention.start, outer.start + mention.end,
                            mention.actor, mention.kind)
                )  # fmt: skip
    return nested


def find_mentions(text: str, index: ActorIndex) -> list[Mention]:
    """Registry mentions, longest match first, never overlapping, in text order."""
    if index.pattern is None:
        return []
    folded = FoldedText(text)
    found: list[Mention] = []
    for match in index.pattern.finditer(folded.folded):
        actor, kind, upper_only = index.entries[match.group(1)]
        start, end = folded.span(match.start(), match.end())
        original = text[start:end]
        if not original[:1].isupper() and not original[:1].isdigit():
            continue  # `baker` the word is not Baker the person
        if upper_only and not original.isupper():
            continue
        found.append(Mention(start, end, actor, kind))
    return found


POSSESSIVE_ENDINGS = ("’s", "'s", "s’", "s'")
"""`Roe’s`, `Sanders’`: a possessive names what belongs to someone, not who speaks."""

PARTICLES = words("particles")
"""Lower-case parts of names: `Ursula von der Leyen`, `Gert Jan de Vries`."""

_LEADING_TITLES = frozenset(t.replace("\\", "") for t in words("title_words"))
SENTENCE_OPENERS = words("sentence_openers")
"""`Then`, `Maybe`, `Does`: capitalised because they open a sentence, so they never
begin a name (`Then Brafman said` names Brafman)."""


@functools.lru_cache(maxsize=4)
def _name_groups(
    text: str, extra: frozenset[str] = frozenset()
) -> list[tuple[int, int, list[str]]]:
    """Runs of 2-3 capitalised name tokens (plus particles and initials) one space apart."""
    groups: list[tuple[int, int, list[str]]] = []
    run: list[re.Match[str]] = []

    def close() -> None:
        group = _run_name(text, run)
        if group is not None:
            groups.append(group)

    for token in _TOKEN.finditer(text):
        word = token.group(0)
        gap = text[run[-1].end() : token.start()] if run else ""
        joined = bool(run) and _joined(gap, run[-1].group(0), word)
        particle = word in PARTICLES and bool(run)
        if _name_word(text, token, (bool(run), joined), extra) or (particle and joined):
            if not joined:
                close()
                run = []
            run.append(token)
        else:
            close()
            run = []
    close()
    return groups


def _joined(gap: str, previous: str, word: str) -> bool:
    """Whether `word` goes on the name `previous` ends: one space apart, or after an
    initial (`Harry S. Truman`, `J.J. Roe`)."""
    initial = len(previous) == 1
    return gap == " " or (initial and gap == ". ") or (initial and gap == "." and len(word) == 1)


def _name_word(
    text: str, token: re.Match[str], place: tuple[bool, bool], extra: frozenset[str]
) -> bool:
    """Whether `token` can be a word of a name; `place`: (after a run, joined to it)."""
    in_run, joined = place
    word = token.group(0)
    if word.endswith(POSSESSIVE_ENDINGS):
        return False
    if not joined and word.casefold() in SENTENCE_OPENERS:
        return False
    return _is_capitalised(word, extra) or _initial(text, token, in_run)


def _run_name(text: str, tokens: list[re.Match[str]]) -> tuple[int, int, list[str]] | None:
    """The name a run of capitalised tokens holds: 2-3 words, titles and particles trimmed."""
    run = _trimmed(tokens)
    core = [m for m in run if m.group(0) not in PARTICLES]
    words = [m for m in core if len(m.group(0)) > 1]  # `Harry M. Reid`: M. is an initial
    names = run
    if len(words) > 3:  # `Opposition MP Andrija Mandić`: the name is at the end
        names = [m for m in run if m.start() >= words[-2].start()]
    core = [m for m in names if m.group(0) not in PARTICLES]
    if not 2 <= len(core) <= 3 or not words:
        return None  # `U.S`: initials alone name no one
    start, end = names[0].start(), names[-1].end()
    return start, end, text[start:end].split()


def _trimmed(tokens: list[re.Match[str]]) -> list[re.Match[str]]:
    """A run less the particles that end it and the title that opens it."""
    run = list(tokens)
    while run and run[-1].group(0) in PARTICLES:
        run.pop()
    while len(run) > 2 and run[0].group(0).casefold() in _LEADING_TITLES:
        run.pop(0)  # `Lawyer Ben Brafman`: a title at a sentence start
    return run


_INITIAL_AFTER = re.compile(r"\. [A-Z]|\.[A-Z]\.")
"""What follows an initial: the next name (`A. Baker`) or another initial (`J.J.`)."""


def _initial(text: str, token: re.Match[str], in_run: bool) -> bool:
    """`James A. Baker`: a capital letter and a dot inside a name (also `A`, `I`)."""
    after = text[token.end() : token.end() + 3]
    return (
        in_run
        and len(token.group(0)) == 1
        and token.group(0).isupper()
        and _INITIAL_AFTER.fullmatch(after) is not None
    )


def find_new_people(
    text: str,
    known: list[Mention],
    skip: list[tuple[int, int]],
    extra: frozenset[str] = frozenset(),
) -> tuple[list[NewActor], list[Mention]]:
    """People the registry does not know, with the role the text gives, and their mentions.

    `extra`: words that are never part of a person's name (the registry's places).
    """
    taken = [(m.start, m.end) for m in known] + list(skip)
    people: dict[str, NewActor] = {}
    mentions: list[Mention] = []
    headline = _headline_end(text)
    for start, end, tokens in _name_groups(text, extra):
        if any(s < end and start < e for s, e in taken) or start < headline:
            continue
        if tokens[0].casefold() in PARTICLES:
            continue  # `De Vries said` at a sentence start: a surname, linked below
        before, after = text[max(0, start - 80) : start], text[end : end + 120]
        found = _person_evidence(before, after)
        if found is None:
            continue
        name = " ".join(tokens)
        actor_id = slugify(name)
        if actor_id not in people:
            people[actor_id] = NewActor(actor_id, name, found.role, start, end)
        mentions.append(Mention(start, end, actor_id, "person", new=True))
        taken.append((start, end))
    # `Tomas Lind` holds the surname `Lind` but is another name (`De Vries` is not)
    groups = [(s, e) for s, e, t in _name_groups(text, extra) if t[0].casefold() not in PARTICLES]
    mentions += _surname_mentions(text, list(people.values()), mentions, taken + groups)
    people_sorted = sorted(people.values(), key=lambda p: p.start)
    return people_sorted, sorted(mentions, key=lambda m: m.start)


@dataclass(frozen=True)
class _Evidence:
    role: str | None  # as the text gives it, without its article


def _person_evidence(before: str, after: str) -> _Evidence | None:
    """What shows a capitalised name between `before` and `after` to be a person's: an
    apposition, a title, a verb, a byline or a speech cue (None: no such evidence)."""
    if _PLACE_BEFORE.search(before):
        return None  # `a resident of Zubin Potok`: a place, not a person
    apposition = _APPOSITION_AFTER.match(after) or _ROLE_APPOSITION_AFTER.match(after)
    title = _TITLE_BEFORE.search(before)
    evidence = (
        apposition
        or title
        or _VERB_AFTER.match(after)
        or _BYLINE_BEFORE.search(before)
        or _SPEECH_BEFORE.search(before)
    )
    if not evidence:
        return None
    role = apposition.group(1) if apposition else _title_text(before, title)
    return _Evidence(re.sub(r"^(?:the|a|an)\s+", "", role) if role else role)


def _surname_mentions(
    text: str, people: list[NewActor], full: list[Mention], taken: list[tuple[int, int]]
) -> list[Mention]:
    """Later mentions of new people by surname alone (`Petković said`); `taken` (the
    spans of mentions and of full names) grows. A surname two people named in `full`
    share goes to the one `namesakes.choose` finds, the other kept as a namesake."""
    mentions = []
    folded = FoldedText(text)
    for surname, holders in _holders(people, full).items():
        for match in re.finditer(rf"(?<![\w]){re.escape(surname)}(?![\w])", folded.folded):
            start, end = folded.span(match.start(), match.end())
            if not text[start].isupper() or any(s < end and start < e for s, e in taken):
                continue
            choice = choose(text, start, holders) if len(holders) > 1 else None
            holder = choice.holder if choice else holders[0]
            others = choice.others if choice else ()
            mentions.append(Mention(start, end, holder.id, "person", True, others))
            taken.append((start, end))
    return mentions


def without_other_names(
    text: str, known: list[Mention], names: dict[str, str], extra: frozenset[str] = frozenset()
) -> list[Mention]:
    """Registry mentions less a registered surname alone inside someone else's full
    name: `Eva Brandt` is not the registered Karel Brandt (`names`: id -> name)."""
    groups = _name_groups(text, extra)
    kept = []
    for mention in known:
        bare = mention.kind == "person" and " " not in text[mention.start : mention.end]
        inside = [" ".join(t) for s, e, t in groups if s < mention.start and mention.end == e]
        if bare and inside and not _same_or_titled(inside[0], names.get(mention.actor, "")):
            continue
        kept.append(mention)
    return kept


def _same_or_titled(full: str, registered: str) -> bool:
    """`Harry M. Reid` is the registered Harry Reid, and so are `Senator Reid` and
    `Secretary-General Harry Reid`."""
    words = full.split()
    not_names = _LEADING_TITLES | NOT_NAME_WORDS
    while len(words) > 1 and all(
        part.casefold() in not_names or part.casefold().rstrip(".") in not_names
        for part in words[0].split("-")
    ):
        words.pop(0)
    return len(words) == 1 or (bool(registered) and same_person(" ".join(words), registered))


def with_namesakes(
    text: str,
    known: list[Mention],
    names: dict[str, str],
    new: tuple[list[NewActor], list[Mention]],
) -> list[Mention]:
    """A registered person's bare surname that a proposed person shares (the registered
    Karel Brandt, the new Eva Brandt: `Brandt said`) goes to the one
    `namesakes.choose` finds, the others kept as namesakes."""
    holders = _holders(*new)
    found = []
    for mention in known:
        surname = fold(text[mention.start : mention.end])
        shared = holders.get(surname, []) if mention.kind == "person" else []
        if not shared or " " in surname:
            found.append(mention)
            continue
        spans = tuple(
            (m.start, m.end)
            for m in known
            if m.actor == mention.actor and " " in fold(text[m.start : m.end])
        )
        registered = Holder(mention.actor, names.get(mention.actor, mention.actor), spans)
        choice = choose(text, mention.start, [registered, *shared])
        is_new = choice.holder is not registered
        found.append(
            Mention(mention.start, mention.end, choice.holder.id, "person", is_new, choice.others)
        )
    return found


def _holders(people: list[NewActor], full: list[Mention]) -> dict[str, list[Holder]]:
    """Folded surname -> the distinct people holding it (`Hillary Clinton` and `Hillary
    Rodham Clinton` are one), each with where the text names them in full."""
    found: dict[str, list[Holder]] = {}
    for person in people:
        holders = found.setdefault(fold(person.name.split()[-1]), [])
        spans = tuple((m.start, m.end) for m in full if m.actor == person.id)
        same = next((h for h in holders if same_person(h.name, person.name)), None)
        if same is None:
            holders.append(Holder(person.id, person.name, spans))
        else:
            merged = Holder(same.id, same.name, tuple(sorted(same.spans + spans)))
            holders[holders.index(same)] = merged
    return found


def _headline_end(text: str) -> int:
    """End of a Title Case headline (every word capitalised: no evidence of names)."""
    first = text.split("\n", 1)[0]
    words = [w for w in first.split() if w[:1].isalpha()]
    capitalised = [w for w in words if w[:1].isupper()]
    if len(text) > len(first) and len(words) >= 3 and len(capitalised) >= 0.7 * len(words):
        return len(first)
    return 0


_ROLE_OPENERS = re.compile(
    rf"^(?:(?:the|a|an|with|by|to|from|of|met|{alternation('subordinators')})\s+)+"
)
"""Words before a title that are not part of the role: `after town spokesman Erik Holm`."""


def _title_text(before: str, title: re.Match[str] | None) -> str | None:
    if title is None:
        return None
    clause = re.split(r"[,.;:()“”\"\n]|\band\b", before)[-1].strip()
    # `With former mayor`, `But former secretary`: an opener capitalised at a sentence start
    opener = _ROLE_OPENERS.match(clause[:1].lower() + clause[1:])
    clause = clause[opener.end() :].strip() if opener else clause
    clause = re.sub(r"^(?:Mr|Ms|Mrs|Dr|Amb)\.$", "", clause).strip()
    clause = _SPEECH_OPENER.sub("", clause)  # `said Secretary of State Jane Roe`
    if len(clause.split()) > _MAX_ROLE_WORDS:
        clause = _title_tail(before, title)
    return clause or None


_SPEECH_OPENER = re.compile(rf"^(?:{alternation('speech_verbs')})\s+")
_MAX_ROLE_WORDS = 6
"""A longer clause before a title is a sentence (`... his lead over Senator`)."""


def _title_tail(before: str, title: re.Match[str]) -> str:
    """The title that ends a long clause, with the capitalised words and role modifiers
    right before it: `Rounding out the stage will be former Florida governor` ->
    `former Florida governor`."""
    kept = before[title.start() :].strip(" ,").split()
    for word in reversed(before[: title.start()].split()):
        if not (word[:1].isupper() or word.casefold() in words("role_modifiers")):
            break
        if word.endswith((",", ".", ";", ":")):
            break
        kept.insert(0, word)
    return " ".join(kept)
