"""Who a noun phrase names: a registered actor, a new person, a pronoun or a role.

`he`/`she` resolve to the person the text is talking about at that point
(the last sentence subject or speaker); descriptions such as `the Assistant
Secretary General` to the person the text gave that role; `a spokesperson
for the mission` and `a senior EU official` to the organisation they speak for.
"""

from __future__ import annotations

import functools
import re

from brief.corpus.models import Actor
from brief.fold import id_fold as fold
from brief.ingest.lexicon import alternation, lines, words
from brief.ingest.mentions import FoldedText, Mention
from brief.ingest.names import INDEFINITE, NameBook, speaker_name
from brief.ingest.namesakes import gender_words
from brief.ingest.quotes import Attributed, Quotation
from brief.ingest.unnamed import Unnamed, description, is_unnamed

PRONOUNS = {"he", "she", "they", "it", "we"}
ORGANISATION_KINDS = {"organisation", "mission", "office", "group"}
_HEAD_CUT = re.compile(r"\s(?:of|at|with|from)\s")
SPOKESPEOPLE = re.compile(rf"\b(?:{alternation('spoken_for')})\b", re.IGNORECASE)
"""Words that make a phrase speak for an organisation (`a spokesperson`, `a statement`)."""
GENERIC_HEADS = tuple(lines("generic_heads"))
"""Nouns that stand for an organisation named earlier (`the ministry`)."""

ROLE_NOUNS = alternation("role_nouns")
_ROLE_SUBJECT = re.compile(
    rf"(?:^|(?<=[.!?]\s)|(?<=\n))(?P<np>[Tt]he\s(?:[\w-]+\s){{0,3}}?(?i:{ROLE_NOUNS}))"
    r"\s+(?:also\s+|then\s+|later\s+)?(?!and\b|of\b|for\b|to\b|in\b)[a-z]+",
    re.MULTILINE,
)
_ROLE_HEAD = re.compile(rf"\b(?i:{ROLE_NOUNS})$")
_NAME_IN_APPOSITION = re.compile(
    r",\s+(?:also\s+|then\s+)?(?!and\b|or\b|who\b|which\b|whose\b|the\b|a\b|an\b)[a-z]+\s"
)
_DOCUMENT_PHRASE = re.compile(
    rf"\b(?i:{alternation('determiners')})\s(?:[\w’'-]+\s){{0,3}}?"
    rf"(?:{alternation('document_heads')})\b"
)
"""`a letter`, `the campaign's email`: a document that `it` may stand for."""
_OBJECT_BEFORE = re.compile(r"\b(?:with|by|to|from|of|and|met|told|for)\s+(?:\S+\s+){0,3}$")
_FUNCTION_WORDS = {
    "and", "or", "of", "in", "on", "at", "for", "with", "to", "from", "the", "a", "an",
    "who", "which", "whose", "that", "as",
}  # fmt: skip


class Resolver:
    """Who a noun phrase before or after a speech verb refers to, at a point in the text."""

    def __init__(
        self,
        text: str,
        mentions: list[Mention],
        quotes: list[Quotation],
        registry: list[Actor] | None = None,
        names: NameBook | None = None,
    ) -> None:
        self.text = text
        self.names = names
        self.registry = registry or []
        self.mentions = sorted(mentions, key=lambda m: m.start)
        if names is not None:
            # Full names the article gives (`Jane Roe said`) are people a pronoun can
            # stand for, even before anything quotes them.
            self.mentions = sorted(
                self.mentions + names.candidates(self.mentions), key=lambda m: m.start
            )
        self.quotes = quotes
        self.folded = FoldedText(text)
        self.kinds = {m.actor: m.kind for m in self.mentions}
        self.subjects: list[tuple[int, Mention]] = []
        self.subjects = self._subjects()
        self.genders: dict[str, str | None] = {}
        self.unnamed = Unnamed()
        self.spoken: list[Mention] = []
        """Organisations and documents quoted so far (`it said` may mean them)."""

    def _subjects(self) -> list[tuple[int, Mention]]:
        """(offset, person) for every sentence whose subject is a named person."""
        found = [
            (m.start, m)
            for m in self.mentions
            if m.kind == "person" and not self._inside_quote(m.start) and self._is_subject(m)
        ]
        # `The commander also met ...`: a role standing for a person named earlier.
        for match in _ROLE_SUBJECT.finditer(self.text):
            if self._inside_quote(match.start("np")):
                continue
            person = self._description(match.group("np"), match.start("np"), match.start("np"))
            if person is not None and person.kind == "person":
                found.append((match.start("np"), person))
        return sorted(found, key=lambda item: item[0])

    def _is_subject(self, mention: Mention) -> bool:
        """Whether the person named at `mention` is the subject of its sentence."""
        after = self.text[mention.end : mention.end + 140]
        if _NAME_IN_APPOSITION.match(after) and self.text[: mention.start].endswith(", "):
            return True  # `The head of the UN mission, Caroline Ziadeh, called on ...`
        appos = re.match(r",\s[^,“”\"«»„.!?\n]{2,100},", after)
        rest = after[appos.end() :] if appos else after
        # `Sen. Jane Roe (D-Norland) apologized`: a party label in brackets
        rest = re.sub(r"^\s*\([^()]{1,30}\)", "", rest)
        word = re.match(r"\s+(\w+)", rest)
        if not word or not word.group(1)[0].islower() or word.group(1) in _FUNCTION_WORDS:
            return False
        window = self.text[max(0, mention.start - 30) : mention.start]
        before = re.split(r"[.!?\n“”\",;:]", window)[-1]
        return not _OBJECT_BEFORE.search(before)

    def _inside_quote(self, index: int) -> bool:
        return any(q.start <= index < q.end for q in self.quotes)

    def note(self, found: Attributed) -> None:
        """A person just quoted is who the text is talking about next; an organisation
        or document just quoted is what `it said` means next."""
        if found.speaker is None:
            return
        kind = self.kinds.get(found.speaker) or self.unnamed.kinds.get(found.speaker)
        if kind is None and self.names is not None:
            kind = self.names.kinds.get(found.speaker, "person")
        if kind in ORGANISATION_KINDS:
            at = found.quote.start
            self.spoken.append(Mention(at, at, found.speaker, kind))
        elif kind == "person" and not is_unnamed(found.speaker):
            # a pronoun later is not pinned on an unnamed source
            at = found.quote.start
            mention = Mention(at, at, found.speaker, "person")
            self.subjects = sorted([*self.subjects, (at, mention)], key=lambda s: s[0])

    def salient_person(self, before: int, gender: str | None = None) -> Mention | None:
        """The person the text is talking about just before offset `before`.

        With a `gender` (`m` for he, `f` for she), the nearest person that
        pronoun can stand for: never a man for `she` nor a woman for `he`.
        """
        candidates = [m for offset, m in self.subjects if offset < before]
        if gender is not None:
            candidates = self._agreeing(candidates, gender)
        if candidates or gender is None:
            return candidates[-1] if candidates else None
        return self._nearest_named(before, gender)

    def _agreeing(self, candidates: list[Mention], gender: str) -> list[Mention]:
        """The candidates a pronoun of `gender` can stand for."""
        candidates = [m for m in candidates if self.gender(m.actor) in {gender, None}]
        # A recent person known to agree beats a nearer capitalised phrase that
        # nothing shows to be a person (`the new Strategic Concept adopted ...`).
        agreeing = [m for m in candidates[-4:] if self.gender(m.actor) == gender]
        if agreeing:
            candidates = [
                m for m in candidates if m.start <= agreeing[-1].start or not self._unproven(m)
            ]
        return candidates

    def _nearest_named(self, before: int, gender: str) -> Mention | None:
        """No sentence has a person as its subject yet (`Sen. Roe's apology ...
        “…,” he said`): the nearest person named before, outside quotations, whose
        gender the text shows to agree."""
        named = [
            m
            for m in self.mentions
            if m.kind == "person"
            and m.end <= before
            and not self._inside_quote(m.start)
            and not self._unproven(m)
        ]
        agreeing = [m for m in named if self.gender(m.actor) == gender]
        if agreeing:
            return agreeing[-1]
        # `former Secretary of State Jane Roe drew a contrast. “…,” she said`: nothing
        # states Roe's gender, but she is the person named just before
        recent = self._paragraphs_back(before, 2)
        unknown = [m for m in named if m.start >= recent and self.gender(m.actor) is None]
        return unknown[-1] if unknown else None

    def _unproven(self, mention: Mention) -> bool:
        """A full name from the name book that no evidence has made a person yet."""
        names = self.names
        return (
            names is not None
            and mention.actor in names.pending
            and mention.actor not in names.people
        )

    def gender(self, actor: str) -> str | None:
        """`m`, `f` or None: from titles and gendered role words beside the name, then
        from the pronouns that follow it (`..., Jane Roe said. She added`)."""
        if actor not in self.genders:
            self.genders[actor] = self._gender(actor)
        return self.genders[actor]

    def _gender(self, actor: str) -> str | None:
        votes = {"m": 0, "f": 0}
        marks = gender_words()
        mentions = [m for m in self.mentions if m.actor == actor]
        for mention in mentions:
            before = self.text[max(0, mention.start - 40) : mention.start].split()
            after = self.text[mention.end : mention.end + 60].split(",")
            for word in [*before[-3:], *(after[1].split() if len(after) > 1 else [])]:
                mark = marks.get(word.strip(".,;:").casefold()) or marks.get(word.casefold())
                if mark:
                    votes[mark] += 3
            pronoun = self._pronoun_after(mention)
            if pronoun:
                votes[pronoun] += 1
        if votes["m"] == votes["f"]:
            return None
        return "m" if votes["m"] > votes["f"] else "f"

    def _pronoun_after(self, mention: Mention) -> str | None:
        """`m` or `f`: the first personal pronoun after the name, before any other
        person is named."""
        following = self.text[mention.end : mention.end + 250]
        others = [
            m.start - mention.end
            for m in self.mentions
            if m.start > mention.end and m.kind == "person" and m.actor != mention.actor
        ]
        limit = min([len(following), *others])
        # Pronouns inside quotations are the speaker's words about others; `him`/`her`
        # are as often someone else (`Roe criticised her rival`): they count only when
        # no `he`/`she`/`his` follows.
        narrative = re.sub(r"[“\"][^”\"]*(?:[”\"]|$)", " ", following[:limit])
        pronoun = re.search(r"\b(he|his|she|hers)\b", narrative, re.I) or re.search(
            r"\b(him|her)\b", narrative, re.I
        )
        if pronoun is None:
            return None
        return "m" if pronoun.group(1).lower() in {"he", "him", "his"} else "f"

    def names_person(self, start: int, end: int) -> bool:
        """Whether `text[start:end]` is `he`/`she` or holds a person the text names."""
        if self.text[start:end].strip().casefold() in {"he", "she"}:
            return True
        return any(
            m.kind == "person" and start <= m.start and m.end <= end and not self._unproven(m)
            for m in self.mentions
        )

    def may_be_person(self, start: int, end: int) -> bool:
        """Whether `text[start:end]` is a person by its form (`Jane Roe`, `Sen. Roe`), checked
        without proposing any new actor."""
        if self.names_person(start, end):
            return True
        extra = self.names.extra if self.names is not None else frozenset()
        named = speaker_name(self.text[start:end], extra)
        return named is not None and named.kind == "person"

    def resolve(self, start: int, end: int, at: int) -> Mention | None:
        """The actor a noun phrase `text[start:end]` names; `at` is where it is used."""
        phrase = self.text[start:end].strip(" ,–—-")
        if not phrase:
            return None
        inside = [m for m in self.mentions if start <= m.start and m.end <= end]
        first_word = phrase.split()[0].casefold()
        if first_word in PRONOUNS and len(phrase.split()) == 1:
            return self._pronoun(first_word, at)
        if inside and first_word in INDEFINITE and _described_not_named(phrase, inside):
            return None  # `one Norland Liberal`: a description, though its words look like a name
        people = self._head_people(inside, start, end)
        person = self._unnamed_person(phrase, first_word, inside, people, (start, end), at)
        if person is not None:
            return person
        someone = self._someone_of(inside, start, end)
        if someone is not None:
            return someone
        if inside:
            return self._named_inside(phrase, inside, people, start, end)
        return self._described_or_linked(phrase, start, end, at)

    def _someone_of(self, inside: list[Mention], start: int, end: int) -> Mention | None:
        """`Brandt’s daughter said`: the daughter, an unnamed speaker, never Brandt; but
        `Brandt’s campaign` speaks for Brandt, and `Brandt’s aide, Tom Poe` is Poe."""
        owner = _OWNER.match(self.text, start, end)
        if owner is None:
            return None
        possessed = _POSSESSED.match(self.text, owner.end(), end)
        if possessed is None or any(m.start >= owner.end() for m in inside):
            return None
        if fold(possessed.group("head")).rstrip("s") not in _other_people():
            return None
        return self.unnamed.possessed(self.text, start, possessed.end())

    def _head_people(self, inside: list[Mention], start: int, end: int) -> list[Mention]:
        """The people a phrase names; only those before `of` when some are (`Jane Roe of
        the Riverton Institute`: the head before `of`, not what follows)."""
        people = [m for m in inside if m.kind == "person"]
        cut = _HEAD_CUT.search(self.text, start, end)
        if cut is not None and any(m.end <= cut.start() for m in people):
            people = [m for m in people if m.end <= cut.start()]
        return people

    def _unnamed_person(
        self,
        phrase: str,
        first_word: str,
        inside: list[Mention],
        people: list[Mention],
        span: tuple[int, int],
        at: int,
    ) -> Mention | None:
        """A phrase naming no person: the person in the role it gives, else the person
        before its `of` (`Jane Roe of the Riverton Institute`, not the institute)."""
        start, end = span
        person = self._person_in_role(phrase, first_word, people, at, start)
        if person is None and inside and not people:
            person = self._person_before_cut(start, end, inside, at)
        return person

    def _person_in_role(
        self, phrase: str, first_word: str, people: list[Mention], at: int, start: int
    ) -> Mention | None:
        """`the Norland president`: a person in a role, Norland only qualifies it."""
        if people or first_word not in {"the", "this", "that"}:
            return None
        return self._description(phrase, at, start) if _ROLE_HEAD.search(phrase) else None

    def _pronoun(self, pronoun: str, at: int) -> Mention | None:
        """`he`, `she`: the person the text is talking about; `it`, `they`, `we`: the
        organisation last named; `it` also a document named since."""
        if pronoun in {"he", "she"}:
            return self.salient_person(at, "m" if pronoun == "he" else "f")
        organisation = self._last_organisation(at)
        if pronoun != "it":
            return organisation
        document = self._last_document(at)
        if document is None or (organisation is not None and organisation.start > document[0]):
            return organisation
        # `The board sent a letter on Friday. “…,” it read.`: the letter, as an
        # unnamed document (who issued it is the analyst's call)
        return self.unnamed.speaker(self.text, *document) or organisation

    def _paragraphs_back(self, at: int, count: int) -> int:
        """Where the paragraph `count - 1` paragraphs before the one of `at` starts."""
        start = at
        for _ in range(count):
            start = self.text.rfind("\n", 0, max(0, start - 1)) + 1
            while start > 1 and not self.text[: start - 1].rsplit("\n", 1)[-1].strip():
                start = self.text.rfind("\n", 0, start - 1) + 1  # blank lines between
        return start

    def _last_document(self, at: int) -> tuple[int, int] | None:
        """Where the last document (`a letter`, `the email`) is named before `at`, outside
        quotations, in the paragraph of `at` or the two before it."""
        start = self._paragraphs_back(at, 3)
        found = [
            (m.start(), m.end())
            for m in _DOCUMENT_PHRASE.finditer(self.text, start, at)
            if not self._inside_quote(m.start()) and _is_document(m.group(0))
        ]
        return found[-1] if found else None

    def _named_inside(
        self, phrase: str, inside: list[Mention], people: list[Mention], start: int, end: int
    ) -> Mention:
        """The actor a phrase naming actors (`inside` it) stands for: its last person,
        else the institution or the spoken-for actor it names."""
        if people:
            # `Jane Roe and Tom Poe said`: a joint statement, credited to the first named
            joint = len(people) > 1 and " and " in self.text[people[0].end : people[1].start]
            return people[0] if joint else people[-1]
        institution = self._institution_of(phrase, inside[-1], start, end)
        return institution if institution is not None else inside[-1]

    def _described_or_linked(self, phrase: str, start: int, end: int, at: int) -> Mention | None:
        """A phrase naming no known actor: who it describes, else a name the article
        gives elsewhere."""
        described = self._description(phrase, at, start)
        if described is not None or self.names is None:
            return described
        linked = self.names.link(start, end, at)
        if linked is not None:
            self.kinds.setdefault(linked.actor, linked.kind)
        return linked

    def describe(self, start: int, end: int) -> Mention | None:
        """An unnamed speaker for a description the text gives (`a senior official`)."""
        return self.unnamed.speaker(self.text, start, end)

    def _person_before_cut(
        self, start: int, end: int, inside: list[Mention], at: int
    ) -> Mention | None:
        cut = _HEAD_CUT.search(self.text, start, end)
        if self.names is None or cut is None or any(m.start < cut.start() for m in inside):
            return None
        named = speaker_name(self.text[start : cut.start()], self.names.extra)
        if named is None or named.kind != "person":
            return None
        linked = self.names.link(start, cut.start(), at)
        if linked is not None:
            self.kinds.setdefault(linked.actor, linked.kind)
        return linked

    def resolve_name(self, name: str, start: int, end: int, at: int) -> Mention | None:
        """Link a name given in another spelling (a transcript's `BRANDT`) at `start:end`."""
        if self.names is None:
            return None
        linked = self.names.link_name(name, start, end, at)
        if linked is not None:
            self.kinds.setdefault(linked.actor, linked.kind)
        return linked

    def _institution_of(
        self, phrase: str, country: Mention, start: int, end: int
    ) -> Mention | None:
        """`Norland's government` -> the registered `Norlandic government`, when there is one."""
        match = re.search(r"[’']s\s+(?:\w+\s+)?(\w+)$", phrase)
        if match is None or country.kind not in {"country", "region"}:
            return None
        noun = fold(match.group(1))
        if noun not in GENERIC_HEADS:
            return None
        stem = fold(self.text[country.start : country.end])[:5]
        found = [
            actor
            for actor in self.registry
            if actor.kind.value not in {"person", "country", "region"}
            and any(
                noun in fold(name) and stem in fold(name) for name in (actor.name, *actor.aliases)
            )
        ]
        if len(found) != 1:
            return None
        return Mention(start, end, found[0].id, found[0].kind.value)

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
            for m in [*self.mentions, *self.spoken]
            if m.start < at and m.kind in ORGANISATION_KINDS
        ]
        return max(orgs, key=lambda m: m.start) if orgs else None

    def _description(self, phrase: str, at: int, phrase_start: int) -> Mention | None:
        """`the Assistant Secretary General`, `the senior OSSU official`, `the ministry`."""
        words = phrase.split()
        if words[0].casefold() not in {"the", "a", "an", "this", "that"}:
            return None
        anonymous = self._anonymous_source(words[-1], phrase_start)
        if anonymous is not None:
            return anonymous
        generic = fold(words[-1]) in GENERIC_HEADS
        if words[0].casefold() in {"a", "an"} and not generic:
            return None  # `a senior official`: someone not named, never the last person named
        if generic:
            return self._generic(fold(words[-1]), at)
        return self._role_holder(words, at, phrase_start)

    def _generic(self, noun: str, at: int) -> Mention | None:
        """`the ministry`: the last organisation named with that word, else the last one."""
        for mention in reversed([m for m in self.mentions if m.start < at]):
            if mention.kind != "person" and noun in fold(
                self.text[mention.start : mention.end + 40]
            ):
                return mention
        return self._last_organisation(at)

    def _role_holder(self, words: list[str], at: int, phrase_start: int) -> Mention | None:
        """A role title the text gave a person earlier (`OSSU Assistant Secretary
        General ..., Ambassador Jane Roe`): the person nearest its last use."""
        head = fold(" ".join(words[1:]))
        proper = all(w[:1].isupper() for w in words[1:])
        if proper and not re.search(rf"\b(?:{ROLE_NOUNS})\b", head):
            return None  # `the FBI`: a name, not a role; the name book links it
        people = [
            m for m in self.mentions if m.kind == "person" and m.start < at and self._known(m)
        ]
        document = _is_document(f"the {head}")
        for use_start, use_end in reversed(self._uses(head, at)):
            if use_start >= phrase_start:
                continue  # the description itself
            nearest = self._nearest_in_sentence(people, use_start, use_end, document)
            if nearest is not None:
                return nearest
        if re.search(rf"\b(?:{ROLE_NOUNS})$", head) and not self._introduced_unnamed(head, at):
            return self.salient_person(at)
        return None

    def _introduced_unnamed(self, head: str, at: int) -> bool:
        """Whether the text brought in someone unnamed by this role before `at` (`a
        spokesperson for the mission said ...`): `the spokesperson` is then that person,
        not the person the text is about."""
        last_word = re.escape(head.split()[-1])
        introduced = re.compile(rf"\b[Aa]n?\s+(?:[\w-]+\s){{0,3}}?{last_word}\b")
        return introduced.search(self.text, 0, at) is not None

    def _known(self, mention: Mention) -> bool:
        """A person known to be one: registered, or a name the evidence made a person."""
        names = self.names
        return names is None or mention.actor not in names.pending or mention.actor in names.people

    def _uses(self, head: str, at: int) -> list[tuple[int, int]]:
        """Where the text uses the words `head` (folded) before `at`."""
        if not head:
            return []
        pattern = rf"(?<!\w){re.escape(head)}(?!\w)"
        spans = [
            self.folded.span(match.start(), match.end())
            for match in re.finditer(pattern, self.folded.folded)
        ]
        return [span for span in spans if span[1] <= at]

    def _nearest_in_sentence(
        self, people: list[Mention], use_start: int, use_end: int, document: bool = False
    ) -> Mention | None:
        """The person the role used at `use_start:use_end` is given to in the same
        sentence, nearest first; for a document (`said in a statement that Roe …`), the
        person nearest it within 80 characters, as whose the statement is."""
        same_sentence = [
            m for m in people if self._same_sentence(min(use_start, m.start), max(use_end, m.end))
        ]
        if document:
            author = _AUTHOR_AFTER.match(self.text, use_end)
            if author is not None:
                # `a handwritten note from Jane Roe`: hers; `from a former mayor`: nobody's
                # the text names
                if author.group("name") is None:
                    return None
                return next((m for m in same_sentence if m.start == author.start("name")), None)
            given = [m for m in same_sentence if max(use_start - m.end, m.start - use_end) < 80]
        else:
            given = [m for m in same_sentence if self._given_role(m, use_start, use_end)]
        return min(given, key=lambda m: max(use_start - m.end, m.start - use_end, 0), default=None)

    def _given_role(self, person: Mention, use_start: int, use_end: int) -> bool:
        """`policy staffer Jane Roe`, `Jane Roe, the harbour's policy staffer`: the role
        stands right before the name or in apposition after it; a person merely near it
        (`a source who identified Jane Roe`) does not hold it."""
        if person.start >= use_end:
            between = self.text[use_end : person.start]
            return len(between) < 80 and bool(_ROLE_TO_NAME.fullmatch(between))
        between = self.text[person.end : use_start]
        return bool(re.fullmatch(r",\s(?:[\w’'.-]+\s){0,8}", between))


_OWNER = re.compile(r"\s*(?:[A-Z][\w.-]*\s+){0,3}?[A-Z][\w-]*(?=’s|'s|’|')")
"""A name that owns what follows it (`Mr. Brandt` in `Mr. Brandt’s daughter`)."""
_POSSESSED = re.compile(
    r"(?:’s|'s|’|')\s+(?:[a-z][\w-]*\s+){0,3}(?P<head>[a-z][\w-]*)(?=\s*(?:,|$))"
)
"""`’s daughter`, `'s longtime friend`: what a possessive name's owner has, up to a comma."""


@functools.cache
def _other_people() -> frozenset[str]:
    """Head nouns (singular) for a person other than the possessive's owner."""
    found = {w.rstrip("s") for w in words("relation_nouns") | words("role_nouns")}
    return frozenset(found | {w.rstrip("s") for w in gender_words() if w[:1].islower()})


_ROLE_TO_NAME = re.compile(r"(?:\s(?:for|of)(?:\s[\w’'.-]+){1,6},|,)?\s(?:[A-Z][\w’'.-]*\s){0,3}")
"""What may stand between a role and its holder's name: its qualifiers and titles
(`Assistant Secretary General for Political Affairs, Ambassador Jane Roe`, `the
commander of the harbour mission, Major General Jane Roe`)."""


_AUTHOR_AFTER = re.compile(r"\s+(?:from|by)\s+(?:(?P<name>[A-Z])|(?:a|an|one)\s)")
"""`a note from Jane Roe`, `a letter from a former mayor`: who wrote the document, a
name or someone the text does not name."""


def _is_document(phrase: str) -> bool:
    """`a letter`, not `a man whose book`: the whole phrase describes a document."""
    found = description(phrase)
    return found is not None and found.document and found.noun_phrase == phrase


def _described_not_named(phrase: str, inside: list[Mention]) -> bool:
    """`one Norland Liberal`: a description whose words look like a name (every mention
    in it only proposed as new), not a name."""
    if not all(m.new for m in inside):
        return False
    as_described = description(phrase)
    return as_described is not None and as_described.head[:1].isupper()
