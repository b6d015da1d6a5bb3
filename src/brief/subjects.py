"""Who can be briefed: every country, region and person in the actor registry."""

from __future__ import annotations

from dataclasses import dataclass

from brief.corpus import Corpus

BRIEFABLE_KINDS = ("country", "region", "person")


@dataclass(frozen=True)
class Subject:
    id: str
    name: str
    kind: str
    briefing: str | None
    """Stem of the briefing definition in briefings/, if there is one."""

    def as_json(self) -> dict[str, str | None]:
        return {"id": self.id, "name": self.name, "kind": self.kind, "briefing": self.briefing}


def briefable_subjects(corpus: Corpus) -> list[Subject]:
    """Briefable actors, countries and regions first, then people, by id."""
    by_subject = {b.subject: stem for stem, b in sorted(corpus.briefings.items())}
    subjects = [
        Subject(actor.id, actor.name, str(actor.kind), by_subject.get(actor.id))
        for actor in corpus.actors.values()
        if str(actor.kind) in BRIEFABLE_KINDS
    ]
    return sorted(subjects, key=lambda s: (s.kind == "person", s.id))
