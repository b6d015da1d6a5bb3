"""Each item printed once: where a brief prints a statement or an event, and
how the other sections refer to it.

Sections are built in the order the brief prints them. The first section to
print a statement gives it a number ("statement 4"); a later section that
would print it again gets a reference instead. Events and facts have a home
section (the chronology, meetings, background): other sections refer to it.
A statement whose words are wholly inside another statement of the same
source (a press release quoting the official it reports) is shown by that
statement, never on its own.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from brief.assemble.sections import ExtractView, StatementGroup
from brief.corpus.provenance import normalize


def _words(view: ExtractView) -> str:
    # The source's own words: the printed quote may name a paraphrase's "he" as "[Roe]".
    return normalize(view.verbatim or view.quote or "").strip("\"'“”‘’ .").casefold()


@dataclass(frozen=True)
class _Told:
    """A printed statement, as a fact it tells is matched against it."""

    number: int
    view: ExtractView
    words: str
    sources: frozenset[str]


@dataclass
class Placing:
    numbers: dict[str, int] = field(default_factory=dict)  # statement id -> its number
    homes: dict[str, str] = field(default_factory=dict)  # event/fact id -> heading printing it
    inside: dict[str, str] = field(default_factory=dict)  # statement id -> id of its container
    printed_at: dict[str, str] = field(default_factory=dict)  # event/fact id -> heading printing it
    # source -> the printed statements citing it, with their words and sources
    told: dict[str, list[_Told]] = field(default_factory=dict)

    def fold(self, statements: Iterable[ExtractView]) -> None:
        """Note statements whose words another statement of the same source holds."""
        views = [v for v in statements if v.kind == "statement" and (v.verbatim or v.quote)]
        # Each quote normalised once, and each statement compared only with those
        # sharing its rarest source (no other can hold all its sources), in the same
        # order as a comparison with all of them: a brief quotes hundreds of statements.
        words = [_words(v) for v in views]
        sources = [{r.source for r in v.sources} for v in views]
        by_source = _by_source(sources)
        everyone = range(len(views))
        for i, view in enumerate(views):
            rarest = min(sources[i], key=lambda s: len(by_source[s]), default=None)
            for j in everyone if rarest is None else by_source[rarest]:
                if self._holds(views[j], view, words[j], words[i]) and sources[i] <= sources[j]:
                    self.inside[view.id] = views[j].id
                    break

    def fold_into_events(
        self, statements: Iterable[ExtractView], events: Iterable[ExtractView]
    ) -> None:
        """Note statements whose words are the evidence of an event this brief prints
        (a release's sentence "X joined Y in meetings with ..." is the meeting): the
        event shows them, once."""
        # Events only: a fact's summary is an account of the words (who reported
        # what), while the statement is the words themselves.
        shown = [
            (e.id, normalize(e.evidence or "").casefold(), {r.source for r in e.sources})
            for e in events
            if e.kind == "event" and e.id in self.homes and e.evidence
        ]
        for view in statements:
            if view.kind == "statement" and view.id not in self.inside:
                event = _event_holding(view, shown)
                if event is not None:
                    self.inside[view.id] = event

    def _holds(self, other: ExtractView, view: ExtractView, its: str, words: str) -> bool:
        """Whether `other` (words `its`), not itself inside another, holds the words of
        `view` and more."""
        return (
            other.id != view.id
            and other.id not in self.inside
            and len(its) > len(words)
            and words in its
        )

    def home(self, views: Iterable[ExtractView], heading: str) -> None:
        """`heading` prints these events and facts; others refer to it."""
        for view in views:
            self.homes.setdefault(view.id, heading)

    def knows(self, view: ExtractView) -> bool:
        """Whether `view` is printed elsewhere, so that showing it here costs a reference only."""
        return any(view.id in d for d in (self.numbers, self.inside, self.homes, self.printed_at))

    def statement(self, view: ExtractView) -> ExtractView:
        """`view` printed here (numbered), or a reference if printed before or inside another."""
        container = self.inside.get(view.id)
        if container is not None and container in self.homes:
            return view.model_copy(update={"see": self.homes[container]})
        if container is not None and container in self.numbers:
            number = self.numbers[container]
            return view.model_copy(update={"number": number, "see": f"statement {number}"})
        if view.id in self.numbers:
            number = self.numbers[view.id]
            return view.model_copy(update={"number": number, "see": f"statement {number}"})
        number = len(self.numbers) + 1
        self.numbers[view.id] = number
        entry = _Told(number, view, _words(view), frozenset(r.source for r in view.sources))
        for source in entry.sources:
            self.told.setdefault(source, []).append(entry)
        return view.model_copy(update={"number": number})

    def placed(self, view: ExtractView, here: str, *, claim: bool = False) -> ExtractView:
        """`view` as section `here` shows it: in full, or referring to where it is printed.

        `claim`: print an event here even if another section was to be its home
        (an issue's latest development); that section then refers here.
        """
        if view.kind == "statement":
            return self.statement(view)
        teller = self.told_by(view)
        if teller is not None:
            return self.statement(teller)
        printed = self.printed_at.get(view.id)
        home = printed or (None if claim else self.homes.get(view.id))
        if home is not None and home != here:
            return view.model_copy(update={"see": home})
        self.printed_at[view.id] = here
        return view

    def told_by(self, view: ExtractView) -> ExtractView | None:
        """The printed statement that tells fact `view` in the speaker's own words
        ("Roe said the minister promised a review" is Roe's "he told us there will
        be a review"): the statement shows it. Background facts stay in
        Background, where a reader looks for context."""
        if view.kind != "fact" or view.part != "body" or not view.evidence:
            return None
        evidence = normalize(view.evidence).casefold()
        sources = {r.source for r in view.sources}
        # Only statements citing the fact's sources can tell it: those, in print order.
        candidates = {e.number: e for s in sources for e in self.told.get(s, ())}
        for _, entry in sorted(candidates.items()):
            if entry.words and entry.words in evidence and entry.sources <= sources:
                return entry.view
        return None

    def printed(self, views: Iterable[ExtractView]) -> list[ExtractView]:
        """Number statements in print order, dropping those shown inside another of them."""
        listed = list(views)
        ids = {v.id for v in listed}
        return [self.statement(v) for v in listed if self.inside.get(v.id) not in ids]


def _event_holding(statement: ExtractView, events: list[tuple[str, str, set[str]]]) -> str | None:
    """The first event (id, evidence normalised, sources) holding the statement's words
    and citing its sources."""
    words, sources = _words(statement), {r.source for r in statement.sources}
    if not words:
        return None
    for event, evidence, cited in events:
        if words in evidence and sources <= cited:
            return event
    return None


def _by_source(sources: list[set[str]]) -> dict[str, list[int]]:
    """Source -> the positions of the statements citing it, in order."""
    by_source: dict[str, list[int]] = {}
    for i, held in enumerate(sources):
        for source in held:
            by_source.setdefault(source, []).append(i)
    return by_source


def groups(
    statements: Iterable[ExtractView], introduced: set[tuple[str, str]] | None = None
) -> list[StatementGroup]:
    """Consecutive statements by one speaker on one occasion and day share one attribution.

    A speaker's role is given the first time the speaker appears in it (per
    `introduced`, shared between calls); later attributions give the name only.
    """
    introduced = set() if introduced is None else introduced
    runs: list[list[ExtractView]] = []
    for view in statements:
        last = runs[-1][-1] if runs else None
        same = last is not None and (last.speaker_id, last.occasion, last.date_text) == (
            view.speaker_id,
            view.occasion,
            view.date_text,
        )
        if same:
            runs[-1].append(view)
        else:
            runs.append([view])
    out = []
    for run in runs:
        first = run[0]
        key = (first.speaker_id or "", first.speaker_role or "")
        out.append(
            StatementGroup(
                speaker=first.speaker or "",
                speaker_id=first.speaker_id or "",
                speaker_role=None if key in introduced else first.speaker_role,
                date_text=first.date_text,
                location=first.location,
                occasion=first.occasion,
                statements=run,
            )
        )
        introduced.add(key)
    return out
