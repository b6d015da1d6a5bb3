"""Speakers the text describes but does not name: `a senior official`, `the statement`.

A described speaker is a real attribution: the analyst learns that the quote
is an unnamed source's, and which one (`a source close to the campaign`),
instead of it being nobody's or, worse, the last person named. It is proposed
as an unnamed speaker (id `unnamed-...`) whose name is the description as
written. A later definite description (`the official`) is the same unnamed
speaker as the nearest earlier one with that head noun; `another official`
is a new one. A document (`the statement`, `the lawsuit`) is marked as such:
who issued it is the analyst's call.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from brief.fold import id_fold as fold
from brief.fold import id_slug as slugify
from brief.ingest.lexicon import alternation, words
from brief.ingest.mentions import Mention, NewActor
from brief.ingest.names import INDEFINITE

PREFIX = "unnamed-"
"""Id prefix of a proposed unnamed speaker."""
MAX_WORDS = 7
"""A longer phrase before a cue verb is a clause, not a description."""
_CUT = re.compile(rf"\s(?:{alternation('phrase_cuts')}|{alternation('description_cuts')})(?:\s|$)")
MAX_NAME_WORDS = 14
_DEFINITE = {"the", "this", "that"}
_PRONOUNS = {"he", "she", "it", "they", "we", "i", "you"}
_ADJECTIVES = {"former", "then"}
"""Determiners that are adjectives inside a description (`one former aide`)."""


@dataclass(frozen=True)
class Description:
    as_written: str
    """The description as written, up to a comma (`a source close to the campaign`)."""
    noun_phrase: str
    """Up to its head noun (`a source`): the unnamed speaker's id."""
    head: str
    """Its head noun, folded (`official`); a capitalised one as written (`Democrat`)."""
    definite: bool
    document: bool


def description(phrase: str) -> Description | None:
    """The description a speaker phrase is, or None when it is no noun phrase of one.

    `a source close to the campaign` -> `a source` (head `source`);
    `Her campaign` -> head `campaign`; `the first lady had`, `the two`, `But` -> None.
    """
    whole = phrase.strip(" ,–—-").split(",")[0].strip()
    tokens = _before_participle(_CUT.split(whole, maxsplit=1)[0].split())
    if not 2 <= len(tokens) <= MAX_WORDS:
        return None
    first = tokens[0].casefold()
    if first not in words("determiners"):
        return None
    last = tokens[-1].strip(".;:’'\"”")
    # `a Nevada Democrat`: after `a`, a capitalised head is still no name
    head_pattern = r"[A-Za-z][A-Za-z-]*[a-z]" if first in INDEFINITE else r"[a-z][a-z-]*[a-z]"
    if not re.fullmatch(head_pattern, last) or last.casefold() in words("not_description_heads"):
        return None
    if any(_not_in_a_noun_phrase(t) for t in tokens[1:] if t.casefold() not in _ADJECTIVES):
        return None  # `the complex filled with`, `an investment he`: a clause
    head = last if last[:1].isupper() else fold(last)
    as_written = " ".join(whole.split()[:MAX_NAME_WORDS])
    return Description(
        as_written, " ".join(tokens), head, first in _DEFINITE, head in words("document_heads")
    )


def _before_participle(tokens: list[str]) -> list[str]:
    """`the order released Friday` -> `the order`: a participle after a noun (not after
    an adverb or a determiner: `the recently released playbook`) ends the description."""
    for index, token in enumerate(tokens[2:], start=2):
        before = tokens[index - 1].casefold()
        if token.casefold() in words("document_participles") and not (
            before.endswith("ly") or before in words("determiners")
        ):
            return tokens[:index]
    return tokens


def _not_in_a_noun_phrase(token: str) -> bool:
    word = token.casefold().strip(",.;:")
    function = words("determiners") | words("minor_words") | words("phrase_cuts")
    return word in function or word in _PRONOUNS


def is_unnamed(actor: str | None) -> bool:
    return actor is not None and actor.startswith(PREFIX)


class Unnamed:
    """The unnamed speakers proposed for one article, in text order."""

    def __init__(self) -> None:
        self.created: list[NewActor] = []
        self.kinds: dict[str, str] = {}
        self.documents: set[str] = set()
        self._by_head: dict[str, list[tuple[int, str]]] = {}

    def speaker(self, text: str, start: int, end: int) -> Mention | None:
        """The unnamed speaker the words `text[start:end]` describe, or None."""
        found = description(text[start:end])
        if found is None:
            return None
        earlier = [a for at, a in self._by_head.get(found.head, []) if at <= start]
        # `the official` after `a senior official` is that official; `another` is not;
        # the same words (`it` standing for them again) the same speaker
        reuse = found.definite and earlier
        actor_id = earlier[-1] if reuse else self._new(found, start, end)
        return Mention(start, end, actor_id, self.kinds[actor_id], new=True)

    def possessed(self, text: str, start: int, end: int) -> Mention:
        """`Brandt’s daughter`: someone described through the person named, unnamed;
        the same words later are the same speaker."""
        as_written = " ".join(text[start:end].split())
        actor_id = PREFIX + slugify(as_written)
        if actor_id not in self.kinds:
            self.kinds[actor_id] = "person"
            self.created.append(NewActor(actor_id, f"unnamed: {as_written}", None, start, end))
        return Mention(start, end, actor_id, "person", new=True)

    def _new(self, found: Description, start: int, end: int) -> str:
        base = PREFIX + slugify(" ".join(found.noun_phrase.split()[1:]))
        actor_id, number = base, 1
        while actor_id in self.kinds:
            number += 1
            actor_id = f"{base}-{number}"
        organisation = found.document or found.head in words("organisation_heads")
        kind = "organisation" if organisation else "person"
        self.kinds[actor_id] = kind
        if found.document:
            self.documents.add(actor_id)
        self.created.append(NewActor(actor_id, f"unnamed: {found.as_written}", None, start, end))
        self._by_head.setdefault(found.head, []).append((start, actor_id))
        return actor_id
