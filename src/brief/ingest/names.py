"""Speakers the registry does not know: from the words of the attribution to a new actor.

`Mr. Rove said`, `said Clinton press secretary Brian Fallon`, `the Trump
campaign said`: the speaker phrase names someone. The phrase's head name is
linked to the fullest form of that name the article gives (`Rove` ->
`Karl Rove`, `De Vries` -> `Anneke de Vries`) and proposed as a new actor,
so later mentions by surname point at the same actor instead of a duplicate.
A phrase that names nobody (`the official`, `a source`) links to nobody.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from brief.fold import id_fold as fold
from brief.fold import id_slug as slugify
from brief.ingest.lexicon import alternation, words
from brief.ingest.mentions import (
    PARTICLES,
    POSSESSIVE_ENDINGS,
    SENTENCE_OPENERS,
    Mention,
    NewActor,
    _name_groups,
)
from brief.ingest.namesakes import Choice, Holder, choose, same_person

_TOKEN = re.compile(r"[^\W\d_][\w’'.\-]*")
_CUT = re.compile(rf",|\s(?:{alternation('phrase_cuts')})\s")
_ORGANISATION_AFTER = re.compile(rf" (?:{alternation('organisation_heads')})\b", re.IGNORECASE)
"""`Congressional Budget Office`: words before an organisation's head name no person."""
INDEFINITE = frozenset({"a", "an", "one", "another"})
PERSONAL_PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i"})
"""A phrase of several words opening with one is a clause (`He struggles with …`)."""


@dataclass(frozen=True)
class NamedSpeaker:
    name: str
    kind: str
    """person, organisation or group."""


def speaker_name(phrase: str, extra: frozenset[str] = frozenset()) -> NamedSpeaker | None:
    """The actor a speaker phrase names, as written, or None for pronouns and descriptions.

    `Clinton press secretary Brian Fallon` -> Brian Fallon (person);
    `Mr. Rove` -> Rove; `the Trump campaign` -> Trump campaign (organisation);
    `FBI officials` -> FBI officials (group); `the official` -> None.
    """
    head = _CUT.split(phrase.strip(), maxsplit=1)[0]
    tokens = [t.rstrip(".") if t.endswith(".") and len(t) > 2 else t for t in _TOKEN.findall(head)]
    tokens = [t for t in tokens if t]
    if not tokens:
        return None
    if len(tokens) > 1 and tokens[0].casefold() in PERSONAL_PRONOUNS:
        return None  # `He struggles with a task`: a clause, not a name
    while len(tokens) > 1 and tokens[0].casefold() in SENTENCE_OPENERS:
        tokens = tokens[1:]  # `Maybe Trump`: Trump
    determiners = words("determiners")
    last = tokens[-1]
    if last.endswith(POSSESSIVE_ENDINGS):
        return None
    if last[:1].islower() and last.casefold() not in PARTICLES:
        return _described(tokens, determiners)
    return _named(tokens, _capitalised_run(tokens, determiners), words("not_names") | extra)


def _described(tokens: list[str], determiners: frozenset[str]) -> NamedSpeaker | None:
    """A phrase ending in a lower-case noun: `the Trump campaign`, `FBI officials`."""
    last = tokens[-1]
    modifiers = _capitalised_run(tokens[:-1], determiners)
    if not modifiers or any(t.endswith(POSSESSIVE_ENDINGS) for t in modifiers):
        return None
    if last.casefold() in words("organisation_heads"):
        return NamedSpeaker(" ".join([*modifiers, last]), "organisation")
    if not last.casefold().endswith("s"):
        # `a Western diplomat`, `a Twitter spokesman`: one anonymous person; the
        # organisation they speak for when the modifier is one (`OSSU official`).
        acronym = len(modifiers) == 1 and modifiers[0].isupper() and len(modifiers[0]) > 1
        speaks_for = last.casefold() in words("spokespeople")
        if acronym or speaks_for:
            return NamedSpeaker(" ".join(modifiers), "organisation")
        return None
    return NamedSpeaker(" ".join([*modifiers, last]), "group")


def _named(tokens: list[str], run: list[str], not_names: frozenset[str]) -> NamedSpeaker | None:
    """A phrase (`tokens`) ending in a capitalised `run`: a person's name (titles
    dropped) or an organisation's (`Mr. Rove`, `the Interior Ministry`, `FBI`)."""
    if not run:
        return None
    core = [t for t in run if t.casefold() not in not_names or t.casefold() in PARTICLES]
    # `the Senate Intelligence Committee`, not `Senate Minority Leader Harry Reid`
    organisation = run[-1].casefold() in words("organisation_heads") or (
        len(run) == 1 and run[0].isupper() and len(run[0]) > 1
    )
    if organisation:
        return NamedSpeaker(" ".join(run), "organisation")
    if len(run) >= 2 and run[-2].casefold() in words("honorifics"):
        return NamedSpeaker(run[-1], "person")  # `Ms. White`: a surname that is also a word
    if not core:
        return None  # `He`, `The President`: a pronoun or a title alone
    if tokens[0].casefold() in INDEFINITE and len(tokens) == len(run) + 1:
        return None  # `a Nevada Democrat`: someone described, not named
    return NamedSpeaker(" ".join(_after_titles(run, core)), "person")


def _after_titles(run: list[str], core: list[str]) -> list[str]:
    """Titles (`Sen.`, `Foreign Minister`) stand before the name: the run from the
    first core word, and after the last title (`Senate Minority Leader Harry Reid`)."""
    first = next(i for i, t in enumerate(run) if t in core)
    titles = [i for i, t in enumerate(run[:-1]) if t.casefold() in words("title_words")]
    if titles and titles[-1] >= first:
        first = titles[-1] + 1
    return run[first:]


def _ends_in(name: str, surname: str, words: int) -> bool:
    """Whether `name` has at least `words` words, the last `surname` (folded)."""
    parts = name.split()
    return fold(parts[-1]) == surname and len(parts) >= words


def _capitalised_run(tokens: list[str], determiners: frozenset[str]) -> list[str]:
    """The last run of capitalised tokens (with name particles) at the end of `tokens`."""
    run: list[str] = []
    for token in reversed(tokens):
        capitalised = token[:1].isupper() and token.casefold() not in determiners
        if capitalised or (token.casefold() in PARTICLES and run):
            run.insert(0, token)
        else:
            break
    while run and run[0].casefold() in PARTICLES and run[0][:1].islower():
        run.pop(0)
    return run


def _dateline(text: str, start: int, end: int) -> bool:
    """`BOCA RATON, Fla. --` opening a paragraph: a place, wherever else it is named."""
    opens = start == 0 or text[start - 1] == "\n"
    return opens and text[start:end].isupper() and text[end : end + 1] == ","


class NameBook:
    """Full names the article gives, so that a surname finds its person."""

    def __init__(
        self,
        text: str,
        new_people: list[NewActor],
        mentions: list[Mention],
        extra: frozenset[str] = frozenset(),
        skip: tuple[tuple[int, int], ...] = (),
    ) -> None:
        """`skip`: boilerplate spans (`Jane Roe via Agency Images`), whose names are no one's."""
        self.text = text
        self.extra = extra
        self.people: dict[str, NewActor] = {p.id: p for p in new_people}
        self.kinds: dict[str, str] = {}
        self.created: list[NewActor] = []
        self.pending: dict[str, NewActor] = {}
        groups = _name_groups(text, extra)
        places = {slugify(" ".join(t)) for s, e, t in groups if _dateline(text, s, e)}
        self.full: list[tuple[int, int, str]] = [
            (start, end, " ".join(tokens))
            for start, end, tokens in groups
            if not _ORGANISATION_AFTER.match(text, end)
            and slugify(" ".join(tokens)) not in places
            and not any(s <= start < e for s, e in skip)
        ]
        self.mentions = mentions
        self.guessed: list[Mention] = []
        """Surnames linked by a guess among namesakes (`Mention.namesakes`)."""

    def candidates(self, known: list[Mention]) -> list[Mention]:
        """Mentions of the article's full names that no other mention covers."""
        found = []
        for start, end, full in self.full:
            if any(m.start < end and start < m.end for m in known):
                continue
            actor_id = slugify(full)
            if actor_id and actor_id not in self.people:
                self.pending.setdefault(actor_id, NewActor(actor_id, full, None, start, end))
            found.append(Mention(start, end, actor_id, "person", new=True))
        # Only a name this book can propose (taken above, or already an actor) lends its
        # surname: a skipped full name's surname would point at an actor nobody proposes.
        lenders = {m.actor for m in known + found} | set(self.people)
        return found + self._surnames(known + found, lenders)

    def _surnames(self, taken: list[Mention], lenders: set[str]) -> list[Mention]:
        """`Clinton, for her part, sided with ...`: a full name's surname used alone."""
        by_surname: dict[str, set[str]] = {}
        for _, _, full in self.full:
            by_surname.setdefault(full.split()[-1], set()).add(slugify(full))
        unique = {
            k: next(iter(v))
            for k, v in by_surname.items()
            if len(v) == 1 and len(k) >= 3 and next(iter(v)) in lenders
        }
        if not unique:
            return []
        pattern = "|".join(re.escape(k) for k in sorted(unique, key=len, reverse=True))
        spans = sorted((m.start, m.end) for m in taken)
        starts = [s for s, _ in spans]
        found: list[Mention] = []
        for match in re.finditer(rf"(?<![\w’'-])(?:{pattern})(?![\w-])", self.text):
            start, end = match.span()
            at = bisect.bisect_right(starts, end) - 1
            near = spans[max(0, at - 3) : at + 1]
            if not any(s < end and start < e for s, e in near):
                found.append(Mention(start, end, unique[match.group(0)], "person", new=True))
        return found

    def adopt(self, actor_id: str) -> None:
        """A candidate became a speaker: propose it as a new actor."""
        if actor_id in self.pending and actor_id not in self.people:
            self.people[actor_id] = self.pending[actor_id]
            self.created.append(self.pending[actor_id])
            self.kinds[actor_id] = "person"

    def link(self, start: int, end: int, at: int) -> Mention | None:
        return self.link_name(self.text[start:end], start, end, at)

    def link_name(self, phrase: str, start: int, end: int, at: int) -> Mention | None:
        """The actor `phrase` (the words at `start:end`, maybe respelled) names."""
        named = speaker_name(phrase, self.extra)
        if named is None:
            return None
        name, others = named.name, tuple[str, ...]()
        if named.kind == "person":
            name, others = self._fullest(named.name, at, start)
        actor_id = slugify(name)
        if not actor_id:
            return None
        self.adopt(actor_id)
        if actor_id not in self.people:
            person = NewActor(actor_id, name, None, start, end)
            self.people[actor_id] = person
            self.created.append(person)
            self.kinds[actor_id] = named.kind
        kind = self.kinds.get(actor_id, "person")
        mention = Mention(start, end, actor_id, kind, new=True, namesakes=others)
        if others:
            self.guessed.append(mention)
        return mention

    def _fullest(self, name: str, at: int, start: int) -> tuple[str, tuple[str, ...]]:
        """`Rove` -> `Karl Rove` when the article gives the full name (nearest before `at`),
        and the other people it names in full with that surname when two proposed people
        share it and nothing decides between them (`namesakes.choose`, at `start`)."""
        tokens = name.split()
        key = [fold(t) for t in tokens if fold(t) not in PARTICLES] or [fold(tokens[-1])]
        surname = key[-1]
        known = [p.name for p in self.people.values() if _ends_in(p.name, surname, len(tokens))]
        if len(tokens) >= 2 and not known:
            return name, ()
        if len(tokens) == 1 and (chosen := self._namesake(known, start)) is not None:
            return chosen.holder.name, chosen.others
        return self._nearest_full(name, surname, known, at), ()

    def _nearest_full(self, name: str, surname: str, known: list[str], at: int) -> str:
        """The full name ending in `surname` given last before `at`, else the first
        proposed person holding it, else the first full name, else `name` itself."""
        candidates = self._longer_names(surname, len(name.split()))
        before = [c for c in candidates if c[0] < at]
        if before:
            return before[-1][1]
        if known:
            return known[0]
        return candidates[0][1] if candidates else name

    def _namesake(self, known: list[str], start: int) -> Choice | None:
        """Which of two or more proposed people a bare surname at `start` names."""
        holders = self._holders(known)
        return choose(self.text, start, holders) if len(holders) > 1 else None

    def _holders(self, known: list[str]) -> list[Holder]:
        """The distinct people among `known` names, with where the text names them."""
        holders: list[Holder] = []
        for name in known:
            if any(same_person(h.name, name) for h in holders):
                continue
            spans = tuple((s, e) for s, e, full in self.full if same_person(full, name))
            if spans:
                holders.append(Holder(slugify(name), name, spans))
        return holders

    def _longer_names(self, surname: str, words: int) -> list[tuple[int, str]]:
        """(offset, full name) of the names the article gives that end in `surname`
        and have more than `words` words."""
        return [(s, full) for s, _, full in self.full if _ends_in(full, surname, words + 1)]
