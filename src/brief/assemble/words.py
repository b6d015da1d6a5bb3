"""A statement's words as every output prints them: its curated excerpt if it
has one, apostrophes set right, "[sic]" after curated errors, and a
paraphrase's opening pronoun replaced by the name it stands for ("[Roe] also
highlighted ..."), a quote's pronoun followed by it ("he [Roe] told us"). The
corpus keeps the source's words untouched."""

from __future__ import annotations

from brief.corpus import Corpus
from brief.corpus.models import ActorKind, Statement
from brief.typography import QUOTE_PRONOUN, excerpt_text, mark_sic, normalise_apostrophes

_PRONOUNS = {"he", "she", "they", "it"}


def printed_words(statement: Statement, corpus: Corpus) -> str:
    words = excerpt_text(statement.excerpt) if statement.excerpt else statement.quote
    text = mark_sic(normalise_apostrophes(words), statement.sic)
    referent = statement.refers_to
    if referent and statement.mode != "direct":
        first, _, rest = text.partition(" ")
        if first.casefold() in _PRONOUNS and rest:
            text = f"[{short_name(corpus, referent)}] {rest}"
    elif referent:
        # The speaker's words stay whole: the name is added after the pronoun.
        name = short_name(corpus, referent)
        text = QUOTE_PRONOUN.sub(lambda m: f"{m.group(0)} [{name}]", text, count=1)
    return text


def short_name(corpus: Corpus, actor_id: str) -> str:
    """A person's surname, else the actor's name."""
    actor = corpus.actors.get(actor_id)
    if actor is None:
        return actor_id
    return actor.name.split()[-1] if actor.kind == ActorKind.PERSON else actor.name
