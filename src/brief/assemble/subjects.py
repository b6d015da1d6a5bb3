"""Who can be briefed, and which actor a user means: `norland`, `Norland`,
`roe`, `"Jane Roe"`, `jane-roe`.

The one place that knows this: the assembler, `brief list` and shell
completion all ask here. Any country, region or person in the actor registry
can be briefed; a file in `briefings/` only customises the brief. Matching
ignores case, accents and hyphens, and a person is also found by surname.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass

from brief.assemble.index import per_corpus
from brief.corpus import Corpus
from brief.corpus.models import Actor, ActorKind, Briefing
from brief.errors import InvalidInput, Problem
from brief.fold import search_key

BRIEFABLE = {ActorKind.COUNTRY: "country", ActorKind.REGION: "country", ActorKind.PERSON: "person"}
"""Actor kind -> brief kind (a region is briefed like a country)."""


@dataclass(frozen=True)
class Subject:
    actor: Actor
    kind: str  # "country" or "person"
    briefing: Briefing | None
    briefing_name: str | None  # file stem in briefings/, e.g. "norland"


@dataclass(frozen=True)
class Briefable:
    """One subject as `brief list` shows it: the actor's own kind ("region", not "country")."""

    id: str
    name: str
    kind: str
    briefing: str | None
    """Stem of the briefing definition in briefings/, if there is one."""

    def as_json(self) -> dict[str, str | None]:
        return {"id": self.id, "name": self.name, "kind": self.kind, "briefing": self.briefing}


def briefable_subjects(corpus: Corpus) -> list[Briefable]:
    """Every briefable actor, countries and regions first, then people, by id."""
    listed = [
        Briefable(actor.id, actor.name, actor.kind.value, _subject(corpus, actor).briefing_name)
        for actor in corpus.actors.values()
        if actor.kind in BRIEFABLE
    ]
    return sorted(listed, key=lambda s: (s.kind == "person", s.id))


def complete_subjects(corpus: Corpus, prefix: str) -> list[tuple[str, Briefable]]:
    """Shell completions of `prefix`: (word to put on the command line, subject).

    A subject is found by its id, name, any alias or (people) surname, regardless of case
    and accents (`djo` finds Ana Đokić, `Nor` Norland, `roe` Jane Roe). The word
    offered starts with exactly what was typed, as shells require, has no spaces (they
    become hyphens, which resolve alike) and names the subject when given back to brief.
    """
    wanted = search_key(prefix)
    found = []
    for subject in briefable_subjects(corpus):
        actor = corpus.actors[subject.id]
        for key in _completion_keys(actor):
            word = key.replace(" ", "-")
            if not search_key(word).startswith(wanted):
                continue
            offered = word if word.startswith(prefix) else prefix + word[len(prefix) :]
            if search_key(offered) == search_key(word):  # the typed letters stand for the key's own
                found.append((offered, subject))
                break
    return found


def _completion_keys(actor: Actor) -> list[str]:
    keys = [actor.id, actor.name, *actor.aliases]
    if actor.kind == ActorKind.PERSON:
        keys += [name.split()[-1] for name in (actor.name, *actor.aliases) if " " in name]
    return keys


def _keys(actor: Actor) -> tuple[set[str], set[str]]:
    """(full keys, surname keys) of an actor."""
    names = [actor.id, actor.name, *actor.aliases]
    full = {search_key(n) for n in names}
    surnames: set[str] = set()
    if actor.kind == ActorKind.PERSON:
        for name in (actor.name, *actor.aliases):
            parts = search_key(name).split()
            if len(parts) > 1:
                surnames.add(parts[-1])
    return full, surnames


def _all_keys(corpus: Corpus) -> dict[str, tuple[set[str], set[str]]]:
    return {actor.id: _keys(actor) for actor in corpus.actors.values()}


def resolve_subject(corpus: Corpus, query: str) -> Subject:
    """The briefable actor `query` names; `InvalidInput` with suggestions otherwise.

    A briefing file's own name picks that briefing, even when another briefing
    covers the same subject (a weekly and a monthly Norland brief, say)."""
    named = _named_briefing(corpus, query)
    if named is not None:
        return named
    wanted = search_key(query)
    keys = per_corpus(corpus, "subject-keys", _all_keys)
    exact, by_surname, others = _matches(corpus, keys, wanted)
    matches = exact or by_surname
    if len(matches) == 1:
        return _subject(corpus, next(iter(matches.values())))
    if len(matches) > 1:
        names = ", ".join(f"{a.name} ({a.id})" for a in sorted(matches.values(), key=_order))
        raise InvalidInput(_problem(query, f"is ambiguous: it could be {names}; give the id"))
    if others:
        actor = next(iter(others.values()))
        raise InvalidInput(
            _problem(
                query,
                f"{actor.name} is a{'n' if actor.kind.value[0] in 'aeiou' else ''} "
                f"{actor.kind.value}; briefs cover countries, regions and persons",
            )
        )
    raise InvalidInput(_problem(query, _unknown_message(corpus, keys, wanted)))


def _named_briefing(corpus: Corpus, query: str) -> Subject | None:
    """The subject of the briefing file named `query`, if there is one."""
    wanted = search_key(query)
    stems = [query] if query in corpus.briefings else sorted(corpus.briefings)
    for stem in stems:
        briefing = corpus.briefings[stem]
        actor = corpus.actors.get(briefing.subject)
        if search_key(stem) == wanted and actor is not None and actor.kind in BRIEFABLE:
            return Subject(actor, BRIEFABLE[actor.kind], briefing, stem)
    return None


def _matches(
    corpus: Corpus, keys: dict[str, tuple[set[str], set[str]]], wanted: str
) -> tuple[dict[str, Actor], dict[str, Actor], dict[str, Actor]]:
    """The actors `wanted` names (a briefing's file name is looked up before): briefable
    ones by id, name or alias; briefable people by surname; and actors that are not
    briefable."""
    exact: dict[str, Actor] = {}
    by_surname: dict[str, Actor] = {}
    others: dict[str, Actor] = {}
    for actor in corpus.actors.values():
        full, surnames = keys[actor.id]
        if wanted in full:
            (exact if actor.kind in BRIEFABLE else others)[actor.id] = actor
        elif wanted in surnames and actor.kind in BRIEFABLE:
            by_surname[actor.id] = actor
    return exact, by_surname, others


def _order(actor: Actor) -> tuple[str, str]:
    return (search_key(actor.name), actor.id)


def _problem(query: str, message: str) -> Problem:
    return Problem(file="<subject>", message=f"'{query}' {message}")


def _unknown_message(
    corpus: Corpus, keys: dict[str, tuple[set[str], set[str]]], wanted: str
) -> str:
    labels: dict[str, str] = {}
    for actor in sorted(corpus.actors.values(), key=_order):
        if actor.kind not in BRIEFABLE:
            continue
        full, surnames = keys[actor.id]
        for key in full | surnames:
            labels.setdefault(key, f"{actor.name} ({actor.id})")
    close = difflib.get_close_matches(wanted, list(labels), n=8, cutoff=0.5)
    suggestions = list(dict.fromkeys(labels[key] for key in close))[:4]
    if suggestions:
        return "is no country or person in the corpus; closest: " + ", ".join(suggestions)
    return "is no country or person in the corpus (see seeds/actors/)"


def _subject(corpus: Corpus, actor: Actor) -> Subject:
    for name, briefing in sorted(corpus.briefings.items()):
        if briefing.subject == actor.id:
            return Subject(actor, BRIEFABLE[actor.kind], briefing, name)
    return Subject(actor, BRIEFABLE[actor.kind], None, None)
