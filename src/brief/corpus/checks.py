"""Checks across records: references, dates, estimative language, provenance.

Each check yields `Finding`s (file, field path, message); the loader turns
them into located problems. Checks run on the records that passed schema
validation, so one broken record does not hide problems in the others.
"""

from __future__ import annotations

import datetime as dt
import difflib
import os
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from pydantic import BaseModel

from brief.corpus.models import (
    LIKELIHOOD_ROW_1,
    LIKELIHOOD_ROW_2,
    Actor,
    ActorKind,
    DatePrecision,
    Event,
    Fact,
    Judgment,
    OpenIssue,
    Role,
    Source,
    SourceKind,
    Statement,
    StatementMode,
    StatusEntry,
)
from brief.corpus.provenance import VerbatimIndex
from brief.corpus.yamlfile import Loc
from brief.dates import PartialDate
from brief.typography import QUOTE_PRONOUN, excerpt_problem

if TYPE_CHECKING:
    from brief.corpus.corpus import Corpus
    from brief.corpus.load import Loaded
    from brief.corpus.models import AnyExtract


@dataclass
class Finding:
    """A problem before it is located: file, field path, message."""

    file: str
    loc: Loc
    message: str
    at_key: bool = False
    also: tuple[str, Loc] | None = None
    """Another place the message is about (e.g. the first of two duplicate ids)."""


EARLIEST = dt.date(1900, 1, 1)
"""No extract in a corpus about today's politics is older: an earlier date is a typo."""
STATEMENT_MAX_AGE = dt.timedelta(days=5 * 366)
"""A quotation older than this at its source's publication is almost surely a wrong date."""

BRIEFED_KINDS = {
    "country": (ActorKind.COUNTRY, ActorKind.REGION),
    "person": (ActorKind.PERSON,),
}


def run(loaded: Loaded) -> list[Finding]:
    found: list[Finding] = []
    for check in (
        _references,
        _sources,
        _actor_countries,
        _briefings,
        _dates,
        _roles,
        _corroboration,
        _reported_speech,
        _quote_referents,
        _excerpts,
        _status_histories,
        _estimative_language,
        _jargon,
        _provenance,
        _evidence_passages,
    ):
        found.extend(check(loaded))
    return found


def _finding(file: str, loc: Loc, message: str) -> Finding:
    return Finding(file, loc, message)


# ----------------------------------------------------------- references


class _Refs:
    """Resolves references of one kind, suggesting the nearest known id."""

    SUGGESTIONS = 200
    """Suggestions cost a scan of the known ids each: enough for a typo or
    two, not minutes when a renamed id leaves thousands dangling."""

    def __init__(self, loaded: Loaded, kind: str, noun: str) -> None:
        self.known = getattr(loaded.corpus, kind)
        self.broken = {ident for k, ident in loaded.broken if k == kind}
        self.noun = noun
        self.suggested = 0

    def problem(self, ident: str) -> str | None:
        if ident in self.known or ident in self.broken:
            return None
        message = f"unknown {self.noun} '{ident}'"
        if self.suggested >= self.SUGGESTIONS:
            return message
        self.suggested += 1
        pool = self.known if len(self.known) <= 5000 else _same_start(self.known, ident)
        close = difflib.get_close_matches(ident, pool, n=1, cutoff=0.6)
        return f"{message}; did you mean '{close[0]}'?" if close else message


def _same_start(known: dict[str, object], ident: str) -> list[str]:
    return [candidate for candidate in known if candidate[:2] == ident[:2]]


def _check_refs(
    refs: _Refs, file: str, loc: Loc, idents: str | Iterable[str] | None
) -> Iterator[Finding]:
    if idents is None:
        return
    if isinstance(idents, str):
        message = refs.problem(idents)
        if message:
            yield _finding(file, loc, message)
        return
    for index, ident in enumerate(idents):
        message = refs.problem(ident)
        if message:
            yield _finding(file, (*loc, index), message)


_EXTRACT_REFS = (
    ("source", "sources"),
    ("subjects", "actors"),
    ("issues", "issues"),
    ("corroborated_by", "extracts"),
)
REFERENCES: dict[type[BaseModel], tuple[tuple[str, str], ...]] = {
    Actor: (("country", "actors"), ("description_source", "sources")),
    Role: (
        ("organisation", "actors"),
        ("sources", "sources"),
        ("start_source", "sources"),
        ("end_source", "sources"),
    ),
    Statement: (
        *_EXTRACT_REFS,
        ("speaker", "actors"),
        ("reported_by", "actors"),
        ("refers_to", "actors"),
    ),
    Event: (*_EXTRACT_REFS, ("actors", "actors")),
    Fact: _EXTRACT_REFS,
    OpenIssue: (("subjects", "actors"), ("evidence", "extracts")),
    StatusEntry: (("basis", "extracts"),),
    Judgment: (("subjects", "actors"), ("issues", "issues"), ("basis", "extracts")),
}
"""Record type -> (field, the corpus collection its ids are in): every reference checked."""

NESTED = {Actor: "roles", OpenIssue: "status_history"}
"""Record type -> the field holding records whose references are checked too."""


def _references(loaded: Loaded) -> Iterator[Finding]:
    refs = {
        kind: _Refs(loaded, kind, kind.removesuffix("s"))
        for kind in ("sources", "actors", "extracts", "issues")
    }
    for kind in ("actors", "extracts", "issues", "judgments"):
        for ident, record in getattr(loaded.corpus, kind).items():
            file, loc = loaded.origins[kind][ident]
            yield from _record_references(refs, file, loc, record)


def _record_references(
    refs: dict[str, _Refs], file: str, loc: Loc, record: BaseModel
) -> Iterator[Finding]:
    for field, kind in REFERENCES[type(record)]:
        yield from _check_refs(refs[kind], file, (*loc, field), getattr(record, field))
    nested = NESTED.get(type(record))
    if nested is not None:
        for number, item in enumerate(getattr(record, nested)):
            yield from _record_references(refs, file, (*loc, nested, number), item)


def web_address_problem(url: str) -> str | None:
    """Why `url` cannot be a source's URL (None: it can). `brief sources add` asks too."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc or " " in url:
        return "not a web address (http:// or https://)"
    return None


def _sources(loaded: Loaded) -> Iterator[Finding]:
    """Source metadata a citation prints: a usable URL, one text per source."""
    texts: dict[str, str] = {}
    for ident, source in loaded.corpus.sources.items():
        file, loc = loaded.origins["sources"][ident]
        if source.url is not None and (why := web_address_problem(source.url)):
            yield _finding(file, (*loc, "url"), why)
        text = os.path.normpath(source.text)
        first = texts.setdefault(text, ident)
        if first != ident:
            yield _finding(
                file, (*loc, "text"), f"'{source.text}' is already the text of source '{first}'"
            )


def _actor_countries(loaded: Loaded) -> Iterator[Finding]:
    actors = loaded.corpus.actors
    for ident, actor in actors.items():
        country = actors.get(actor.country) if actor.country else None
        if country is not None and country.kind not in (ActorKind.COUNTRY, ActorKind.REGION):
            file, loc = loaded.origins["actors"][ident]
            yield _finding(
                file, (*loc, "country"), f"'{country.id}' is a {country.kind}, not a country"
            )


def _briefings(loaded: Loaded) -> Iterator[Finding]:
    corpus = loaded.corpus
    actors = _Refs(loaded, "actors", "actor")
    for stem, briefing in corpus.briefings.items():
        file = loaded.origins["briefings"][stem][0]
        message = actors.problem(briefing.subject)
        if message:
            yield _finding(file, ("subject",), message)
        subject = corpus.actors.get(briefing.subject)
        if subject is not None and subject.kind not in BRIEFED_KINDS[briefing.kind]:
            yield _finding(
                file,
                ("subject",),
                f"a {briefing.kind} brief needs a {briefing.kind} actor; "
                f"'{subject.id}' is a {subject.kind}",
            )
        seen: set[str] = set()
        for index, section in enumerate(briefing.sections or ()):
            if section in seen:
                yield _finding(file, ("sections", index), f"'{section}' is listed twice")
            seen.add(section)
        for section, template in briefing.templates.items():
            if why := _template_refusal(corpus.root, template):
                yield _finding(file, ("templates", section), why)


def _template_refusal(root: Path, template: str) -> str | None:
    """Why a briefing's template path cannot be used (None: it can). Checked here, so
    `brief validate` reports it at the briefing's line, as rendering would fail."""
    from brief.confine import refusal

    path = Path(template)
    if path.is_absolute() or ".." in path.parts:
        return f"must be a path inside briefings/, not {template}"
    why = refusal(root, root / "briefings" / path)
    if why == "not found":
        return f"template not found: briefings/{template}"
    return f"briefings/{template}: {why}" if why else None


# ---------------------------------------------------------------- dates


def _latest_day(source: Source) -> dt.date | None:
    """The latest day the source can have been published, if its date is that precise
    (an approximate date has no firm latest day)."""
    if source.published_precision == DatePrecision.APPROXIMATE:
        return None
    return source.published_when.last


def _dates(loaded: Loaded) -> Iterator[Finding]:
    corpus = loaded.corpus
    source: Source | None  # each source in turn, then an extract's (which may be missing)
    for ident, source in corpus.sources.items():
        if source.accessed < source.published:
            file, loc = loaded.origins["sources"][ident]
            yield _finding(
                file,
                (*loc, "accessed"),
                f"accessed {source.accessed} before it was published ({source.published})",
            )
    for ident, extract in corpus.extracts.items():
        file, loc = loaded.origins["extracts"][ident]
        if extract.date < EARLIEST:
            yield _finding(file, (*loc, "date"), f"{extract.date} is before {EARLIEST}: a typo?")
        source = corpus.sources.get(extract.source)
        if source is None:
            continue
        latest = _latest_day(source)
        if latest is not None and extract.when.first > latest:
            yield _finding(
                file,
                (*loc, "date"),
                f"{_written(extract.when)} is after its source '{source.id}' was published "
                f"({_written(source.published_when)})",
            )
        if isinstance(extract, Statement) and extract.date < source.published - STATEMENT_MAX_AGE:
            yield _finding(
                file,
                (*loc, "date"),
                f"{extract.date} is more than five years before its source "
                f"'{source.id}' ({source.published}): a wrong date?",
            )
    for kind, field, dated, what in _RESTS_ON:
        for ident, record in getattr(corpus, kind).items():
            file, loc = loaded.origins[kind][ident]
            yield from _extracts_not_after(
                corpus, file, (*loc, field), getattr(record, field), dated(record), what
            )


_RESTS_ON: tuple[tuple[str, str, Callable[[Any], dt.date], str], ...] = (
    ("issues", "evidence", lambda i: i.last_development_when.last, "the issue's last_development"),
    ("judgments", "basis", lambda j: j.made, "the judgment was made"),
)
"""(collection, field listing extracts, the record's date, how to say it): records
that rest on extracts, none of which may be dated after the record."""


def _extracts_not_after(
    corpus: Corpus,
    file: str,
    loc: Loc,
    extract_ids: list[str],
    limit: dt.date,
    what: str,
) -> Iterator[Finding]:
    """A record may only rest on extracts dated on or before its own date: by the
    latest day an extract's date can mean, except that nothing is later than the
    day its source was accessed (an "October 2024" report read on 25 October)."""
    for index, extract_id in enumerate(extract_ids):
        extract = corpus.extracts.get(extract_id)
        if extract is not None and _latest_possible(corpus, extract) > limit:
            yield _finding(
                file,
                (*loc, index),
                f"'{extract_id}' is dated {_written(extract.when)}, after {what} ({limit})",
            )


# ---------------------------------------------------------------- roles

_ACTING = re.compile(r"\bacting\b", re.IGNORECASE)


def _roles(loaded: Loaded) -> Iterator[Finding]:
    """A role is printed only as far as its sources go: a start or an end needs
    the source giving it, an acting capacity needs words saying so."""
    for ident, actor in loaded.corpus.actors.items():
        file, loc = loaded.origins["actors"][ident]
        if actor.description_source and not actor.description_evidence:
            yield _finding(
                file,
                (*loc, "description_source"),
                "give the words of the source supporting the description in 'description_evidence'",
            )
        if actor.description_evidence and not actor.description_source:
            yield _finding(
                file, (*loc, "description_evidence"), "needs 'description_source', its source"
            )
        for number, role in enumerate(actor.roles):
            yield from _role(file, (*loc, "roles", number), role)
            yield from _role_dates_in_print(loaded.corpus, file, (*loc, "roles", number), role)


def _role_dates_in_print(corpus: Corpus, file: str, loc: Loc, role: Role) -> Iterator[Finding]:
    """A source reports a start or end it could know: not one after it was published."""
    for end in ("start", "end"):
        when = getattr(role, f"{end}_when")
        source = corpus.sources.get(getattr(role, f"{end}_source") or "")
        if when is None or source is None:
            continue
        latest = _latest_day(source)
        if latest is not None and when.first > latest:
            yield _finding(
                file,
                (*loc, end),
                f"{_written(when)} is after its source '{source.id}' was published "
                f"({_written(source.published_when)})",
            )


def _role(file: str, loc: Loc, role: Role) -> Iterator[Finding]:
    for end in ("start", "end"):
        day = getattr(role, end)
        source = getattr(role, f"{end}_source")
        evidence = getattr(role, f"{end}_evidence")
        if day is not None and source is None:
            yield _finding(
                file,
                (*loc, end),
                f"no source gives this {end} date: name it in '{end}_source' "
                f"(and its words in '{end}_evidence'), or leave the {end} out",
            )
        if day is None and (source is not None or evidence is not None):
            field = f"{end}_source" if source is not None else f"{end}_evidence"
            yield _finding(file, (*loc, field), f"there is no '{end}' date for it to support")
        if evidence is not None and source is None:
            yield _finding(file, (*loc, f"{end}_evidence"), f"needs '{end}_source', its source")
    if role.acting and not (role.start_evidence and _ACTING.search(role.start_evidence)):
        yield _finding(
            file,
            (*loc, "acting"),
            "no source words say the role is held in an acting capacity: "
            "give them in 'start_evidence' (with 'start' and 'start_source')",
        )


# ------------------------------------------------------- reported speech

# Reported speech printed out of its paragraph: a leading pronoun ("He also
# highlighted ...") no longer says whom it is about. (A fragment such as
# "noting that ..." is printed after its speaker's name, so it does not dangle.)
_DANGLING_START = re.compile(r"(?:he|she|they|it|its|his|her|their)\b", re.IGNORECASE)


def _reported_speech(loaded: Loaded) -> Iterator[Finding]:
    for ident, extract in loaded.corpus.extracts.items():
        if not isinstance(extract, Statement) or extract.mode != StatementMode.INDIRECT:
            continue
        words = extract.quote.lstrip("\"“'‘ ")
        if extract.refers_to is None and _DANGLING_START.match(words) is not None:
            file, loc = loaded.origins["extracts"][ident]
            first = words.split(maxsplit=1)[0] if words.split() else words
            yield _finding(
                file,
                (*loc, "refers_to"),
                f"the paraphrase starts '{first} ...', which out of its paragraph names no "
                "one: say whom it is about in 'refers_to' (an actor id)",
            )


def _quote_referents(loaded: Loaded) -> Iterator[Finding]:
    """A quote's `refers_to` names its first he/she/they: the quote must have one."""
    for ident, extract in loaded.corpus.extracts.items():
        if not isinstance(extract, Statement) or extract.mode != StatementMode.DIRECT:
            continue
        words = extract.excerpt or extract.quote
        if extract.refers_to is not None and QUOTE_PRONOUN.search(words) is None:
            file, loc = loaded.origins["extracts"][ident]
            yield _finding(
                file,
                (*loc, "refers_to"),
                "the quote has no 'he', 'she' or 'they' for it to name",
            )


def _excerpts(loaded: Loaded) -> Iterator[Finding]:
    """A brief prints a statement's excerpt in place of its quote: only the
    quote's own passages, in its order, may stand there."""
    for ident, extract in loaded.corpus.extracts.items():
        if not isinstance(extract, Statement) or extract.excerpt is None:
            continue
        problem = excerpt_problem(extract.excerpt, extract.quote)
        if problem is not None:
            file, loc = loaded.origins["extracts"][ident]
            yield _finding(file, (*loc, "excerpt"), problem)


# ---------------------------------------------------------- corroboration


def _corroboration(loaded: Loaded) -> Iterator[Finding]:
    """Credibility 1 ("confirmed by other sources") names the confirmation:
    an extract of another source, which briefs cite in the same note."""
    extracts = loaded.corpus.extracts
    for ident, extract in extracts.items():
        file, loc = loaded.origins["extracts"][ident]
        others = []
        for index, other_id in enumerate(extract.corroborated_by):
            other = extracts.get(other_id)
            if other is None:
                continue  # reported as unknown by the references check
            if other_id == ident or other.source == extract.source:
                yield _finding(
                    file,
                    (*loc, "corroborated_by", index),
                    f"'{other_id}' is from the same source '{extract.source}': "
                    "confirmation comes from another source",
                )
            else:
                others.append(other_id)
        if extract.credibility == 1 and not others:
            yield _finding(
                file,
                (*loc, "credibility"),
                "1 means 'confirmed by other sources': list the confirming extract of "
                "another source in 'corroborated_by', or grade it 2 or lower",
            )


# --------------------------------------------------------- issue statuses


def _status_histories(loaded: Loaded) -> Iterator[Finding]:
    """Each status is an assessment on a date, resting on extracts known by then;
    entries run oldest first, so the current one is the last known."""
    corpus = loaded.corpus
    for ident, issue in corpus.issues.items():
        file, loc = loaded.origins["issues"][ident]
        previous = None
        for number, entry in enumerate(issue.status_history):
            entry_loc = (*loc, "status_history", number)
            if previous is not None and entry.when.key < previous.when.key:
                yield _finding(
                    file,
                    (*entry_loc, "date"),
                    f"{entry.when.text()} is before the entry above it "
                    f"({previous.when.text()}): list the history oldest first",
                )
            previous = entry
            yield from _extracts_not_after(
                corpus,
                file,
                (*entry_loc, "basis"),
                entry.basis,
                entry.when.last,
                "this assessment",
            )


# ---------------------------------------------------------------- jargon

# Words of the tool, not of the reporting: a reader of a brief has no corpus.
_JARGON = re.compile(
    r"\b(?:corpus|corpora|extracts?|seeds?/|ya?ml|curated\s+records?)\b", re.IGNORECASE
)
# Any lower-case hyphenated word: looked up among the extract ids, one dict lookup each.
_EXTRACT_ID = re.compile(r"\b[a-z0-9]+(?:-[a-z0-9]+)+\b")


def _jargon(loaded: Loaded) -> Iterator[Finding]:
    """Curated text that briefs print speaks of the reporting, not of the tool:
    "the reporting available", not "the corpus holds"; a source by name, not
    an extract id."""
    corpus = loaded.corpus
    texts: list[tuple[str, Loc, str | None]] = []
    for ident, judgment in corpus.judgments.items():
        file, loc = loaded.origins["judgments"][ident]
        texts += [
            (file, (*loc, "text"), judgment.text),
            (file, (*loc, "confidence_basis"), judgment.confidence_basis),
            (file, (*loc, "key_assumption"), judgment.key_assumption),
        ]
        texts += [(file, (*loc, "indicators", n), t) for n, t in enumerate(judgment.indicators)]
    for ident, issue in corpus.issues.items():
        file, loc = loaded.origins["issues"][ident]
        texts.append((file, (*loc, "summary"), issue.summary))
        texts += [
            (file, (*loc, "status_history", n, "assessment"), e.assessment)
            for n, e in enumerate(issue.status_history)
        ]
    for ident, extract in corpus.extracts.items():
        file, loc = loaded.origins["extracts"][ident]
        texts.append((file, (*loc, "note"), extract.note))
        if not isinstance(extract, Statement):
            texts.append((file, (*loc, "summary"), extract.summary))
    for ident, actor in corpus.actors.items():
        file, loc = loaded.origins["actors"][ident]
        texts.append((file, (*loc, "description"), actor.description))
        texts += [(file, (*loc, "roles", n, "note"), r.note) for n, r in enumerate(actor.roles)]
    for file, loc, text in texts:
        if not text:
            continue
        word = _JARGON.search(text)
        if word:
            yield _finding(
                file,
                loc,
                f"'{word.group(0)}' is the tool's word, printed in briefs: speak of the "
                "reporting (e.g. 'the reporting available'), not of the corpus",
            )
        for match in _EXTRACT_ID.finditer(text):
            if match.group(0) in corpus.extracts:
                yield _finding(
                    file,
                    loc,
                    f"'{match.group(0)}' is an extract id, printed in briefs: name the "
                    "source instead (e.g. 'the ministry's release on the visit')",
                )


def _written(when: PartialDate) -> str:
    """A date in a message: as written (ISO) when it is a day, else in words."""
    return when.first.isoformat() if when.precision == DatePrecision.DAY else when.text()


def _latest_possible(corpus: Corpus, extract: AnyExtract) -> dt.date:
    source = corpus.sources.get(extract.source)
    if source is None:
        return extract.when.last
    return min(extract.when.last, max(source.accessed, extract.when.first))


# ------------------------------------------------- estimative language

_ESTIMATIVE = {
    **{term: term for term in LIKELIHOOD_ROW_1 + LIKELIHOOD_ROW_2},
    # Adverbs of the same terms: still that row's term.
    "almost certainly": "almost certain",
    "nearly certainly": "nearly certain",
    "probably": "probable",
    "improbably": "improbable",
    "highly probably": "highly probable",
    "highly improbably": "highly improbable",
}
_ESTIMATIVE_RE = re.compile(
    r"\b(?:"
    + "|".join(re.escape(t).replace(r"\ ", r"\s+") for t in sorted(_ESTIMATIVE, key=len)[::-1])
    + r")\b",
    re.IGNORECASE,
)
_HEDGE_RE = re.compile(r"\b(could|possibly|may|might)\b", re.IGNORECASE)
_MONTH_MAY_RE = re.compile(r"\bMay\s+\d|\d\s+May\b")
# "confidence-building measures" is politics, not a confidence level: hence (?!-).
_CONFIDENCE_RE = re.compile(
    r"\b(?:(?:high|moderate|medium|low)\s*-?\s*confidence|confident(?:ly)?"
    r"|with\s+(?:\w+\s+)?confidence)\b(?!-)",
    re.IGNORECASE,
)


def _estimative_language(loaded: Loaded) -> Iterator[Finding]:
    for ident, judgment in loaded.corpus.judgments.items():
        file, loc = loaded.origins["judgments"][ident]
        yield from _judgment_text(file, (*loc, "text"), judgment.text, judgment.likelihood)
        if judgment.confidence_basis:
            yield from _confidence_basis(
                file, (*loc, "confidence_basis"), judgment.confidence_basis
            )


def _judgment_text(file: str, loc: Loc, text: str, own: str) -> Iterator[Finding]:
    others = sorted(_terms(text) - {own})
    if others:
        yield _finding(
            file,
            loc,
            f"uses {_quoted(others)} besides its likelihood '{own}': one ICD 203 term per judgment",
        )
    for hedge in _hedges(text):
        yield _finding(file, loc, f"vague hedge '{hedge}': say it with the ICD 203 term '{own}'")
    confidence = _CONFIDENCE_RE.search(text)
    if confidence:
        yield _finding(
            file,
            loc,
            f"'{confidence.group(0)}' in the text: confidence goes in 'confidence', "
            "never in the judgment's sentence",
        )


def _confidence_basis(file: str, loc: Loc, basis: str) -> Iterator[Finding]:
    """Briefs print the basis in the confidence sentence ("We have high
    confidence in this judgment: <basis>"), which ICD 203 keeps free of any
    likelihood term, the judgment's own included, and of hedges."""
    terms = sorted(_terms(basis))
    if terms:
        yield _finding(
            file,
            loc,
            f"uses {_quoted(terms)}: the basis is printed in the confidence sentence, "
            "which must hold no ICD 203 likelihood term; say why the evidence is strong or weak",
        )
    for hedge in _hedges(basis):
        yield _finding(
            file,
            loc,
            f"vague hedge '{hedge}' in the confidence sentence: state what the evidence shows",
        )


def _terms(text: str) -> set[str]:
    """The ICD 203 terms (either row) `text` uses, as their table entries."""
    return {
        _ESTIMATIVE[" ".join(m.group(0).lower().split())] for m in _ESTIMATIVE_RE.finditer(text)
    }


def _hedges(text: str) -> Iterator[str]:
    for match in _HEDGE_RE.finditer(text):
        if match.group(0) == "May" and _MONTH_MAY_RE.search(
            text, max(0, match.start() - 3), match.end() + 2
        ):
            continue  # the month
        yield match.group(0)


def _quoted(terms: list[str]) -> str:
    return ", ".join(f"'{term}'" for term in terms)


# ----------------------------------------------------------- provenance


def _provenance(loaded: Loaded) -> Iterator[Finding]:
    """Boilerplate passages (in source order), then extracts' passages (in extract order),
    found verbatim in their source. Checked source by source, so that one source's
    index is in memory at a time (10,000 at once took ~300 MB)."""
    corpus = loaded.corpus
    by_source: dict[str, list[str]] = {}
    for ident, extract in corpus.extracts.items():
        by_source.setdefault(extract.source, []).append(ident)
    problems: dict[str, tuple[str, str]] = {}
    for ident, source in corpus.sources.items():
        text = corpus.texts.get(ident)
        if text is None:
            continue
        file, loc = loaded.origins["sources"][ident]
        index = VerbatimIndex(text)
        spans: list[tuple[int, int]] = []
        for number, passage in enumerate(source.boilerplate):
            found = index.find_all(passage)
            if not found:
                yield _finding(
                    file, (*loc, "boilerplate", number), f"not found verbatim in {source.text}"
                )
            spans.extend(found)
        for extract_id in by_source.get(ident, []):
            problem = _passage_problem(corpus, corpus.extracts[extract_id], index, spans)
            if problem is not None:
                problems[extract_id] = problem
    for ident in corpus.extracts:
        if ident in problems:
            file, loc = loaded.origins["extracts"][ident]
            yield _finding(file, (*loc, problems[ident][0]), problems[ident][1])


def _passage_problem(
    corpus: Corpus, extract: AnyExtract, index: VerbatimIndex, boilerplate: list[tuple[int, int]]
) -> tuple[str, str] | None:
    """(field, message) when an extract's quote or evidence is not content of its source
    as the extract claims it is."""
    field = "quote" if isinstance(extract, Statement) else "evidence"
    passage = extract.quote if isinstance(extract, Statement) else extract.evidence
    found = index.find_all(passage)
    content = [span for span in found if not _overlaps(span, boilerplate)]
    if found and not content:
        return field, "comes from the site's boilerplate, which is never content"
    if not found:
        return field, f"not found verbatim in source '{extract.source}'" + _hint(index, passage)
    if _unquoted_direct(extract, corpus.sources[extract.source], index.text, content):
        return "mode", (
            "direct, but the source does not put these words in quotation marks: "
            "reported speech is 'indirect'"
        )
    return None


_DOUBLE_QUOTES = '"“”„‟«»'
_OPENING_SINGLE = "'‘‚‹"
_BLANK_LINE = re.compile(r"\n[^\S\n]*\n")


def _unquoted_direct(
    extract: object, source: Source, text: str, spans: list[tuple[int, int]]
) -> bool:
    """A direct statement whose words stand outside quotation marks at every
    place they occur. Interview transcripts are exempt: answers there are the
    speaker's own words without marks."""
    if not isinstance(extract, Statement) or extract.mode != StatementMode.DIRECT:
        return False
    if source.kind == SourceKind.INTERVIEW:
        return False
    return not any(_inside_quotes(text, span) for span in spans)


def _inside_quotes(text: str, span: tuple[int, int]) -> bool:
    start = span[0]
    if text[start] in _DOUBLE_QUOTES + _OPENING_SINGLE:
        return True
    paragraph_start = max((m.end() for m in _BLANK_LINE.finditer(text, 0, start)), default=0)
    before = text[paragraph_start:start]
    if before.rstrip() and before.rstrip()[-1] in _OPENING_SINGLE:
        return True
    # An odd number of double quotation marks before it in its paragraph
    # (lines may wrap; a blank line ends it): a quotation is open. A quotation
    # running on opens each paragraph anew.
    return sum(before.count(mark) for mark in _DOUBLE_QUOTES) % 2 == 1


def _overlaps(span: tuple[int, int], others: list[tuple[int, int]]) -> bool:
    return any(span[0] < end and start < span[1] for start, end in others)


def _hint(index: VerbatimIndex, passage: str) -> str:
    """Where the passage stops matching: the longest prefix that is in the text."""
    words = passage.split()
    low, high = 0, len(words)
    while low < high:  # binary search: a prefix in the text means all shorter ones are
        mid = (low + high + 1) // 2
        if index.find(" ".join(words[:mid])) is not None:
            low = mid
        else:
            high = mid - 1
    if low == 0 or low == len(words):
        return ""
    shown = " ".join(words[max(0, low - 4) : low])
    return f" (matches up to '{'...' if low > 4 else ''}{shown}', then differs)"


def _evidence_passages(loaded: Loaded) -> Iterator[Finding]:
    """Words given as support outside extracts (a description's, a role's start
    or end) are in their source verbatim; every [sic] marks words of the quote."""
    corpus = loaded.corpus
    indexes: dict[str, VerbatimIndex] = {}

    def index_of(source_id: str) -> VerbatimIndex | None:
        if source_id not in indexes and source_id in corpus.texts:
            indexes[source_id] = VerbatimIndex(corpus.texts[source_id])
        return indexes.get(source_id)

    passages: list[tuple[str, Loc, str | None, str | None]] = []
    for ident, actor in corpus.actors.items():
        file, loc = loaded.origins["actors"][ident]
        passages.append(
            (
                file,
                (*loc, "description_evidence"),
                actor.description_source,
                actor.description_evidence,
            )
        )
        for number, role in enumerate(actor.roles):
            role_loc = (*loc, "roles", number)
            passages.append(
                (file, (*role_loc, "start_evidence"), role.start_source, role.start_evidence)
            )
            passages.append((file, (*role_loc, "end_evidence"), role.end_source, role.end_evidence))
    for file, loc, source_id, passage in passages:
        index = index_of(source_id) if source_id and passage else None
        if index is not None and passage and index.find(passage) is None:
            yield _finding(
                file, loc, f"not found verbatim in source '{source_id}'" + _hint(index, passage)
            )
    for ident, extract in corpus.extracts.items():
        words = extract.quote if isinstance(extract, Statement) else extract.evidence
        for number, error in enumerate(extract.sic):
            if error not in words:
                file, loc = loaded.origins["extracts"][ident]
                field = "quote" if isinstance(extract, Statement) else "evidence"
                yield _finding(
                    file, (*loc, "sic", number), f"'{error}' is not in the extract's {field}"
                )
