"""Deterministic synthetic workspace for benchmarks: same seed and sizes, same bytes.

    python benchmarks/synth.py OUT_DIR --preset small        # 1k sources, 10k extracts
    python benchmarks/synth.py OUT_DIR --sources 50 --extracts 200 --actors 40 --briefings 4

The corpus is shaped like a real one so that loading, validation, assembly and
rendering do realistic work: names with diacritics and Cyrillic spellings,
article texts of a few kilobytes holding every quote and evidence passage
verbatim (provenance checks pass), site boilerplate, roles with dates, open
issues, ICD 203 judgments and country and person briefings with many notes.
"""

from __future__ import annotations

import argparse
import bisect
import datetime as dt
import hashlib
import random
import shutil
import sys
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

PRESETS: dict[str, dict[str, int]] = {
    "tiny": {"sources": 30, "extracts": 150, "actors": 40, "briefings": 4},
    "small": {"sources": 1_000, "extracts": 10_000, "actors": 200, "briefings": 10},
    "large": {"sources": 10_000, "extracts": 100_000, "actors": 2_000, "briefings": 50},
}

LAST_DAY = dt.date(2024, 12, 31)
AS_OF = LAST_DAY
"""Every extract is dated on or before this day: briefs are cut off here."""
SOURCES_PER_YEAR = 1_000
"""A larger corpus covers more years, as a team's archive grows: a brief's window
holds about as much at every size, so assembly cost that grows with briefs x
corpus shows up as such instead of hiding behind bigger briefs."""


def first_day(sources: int) -> dt.date:
    years = max(1.0, sources / SOURCES_PER_YEAR)
    return LAST_DAY - dt.timedelta(days=round(365.25 * years))


# ---------------------------------------------------------------- vocabulary

VOCABULARY_FILE = Path(__file__).with_name("vocabulary.yaml")


def _frozen(value: Any) -> Any:
    """YAML lists back to the tuples the generator indexes and hashes."""
    if isinstance(value, list):
        return tuple(_frozen(item) for item in value)
    if isinstance(value, dict):
        return {key: _frozen(item) for key, item in value.items()}
    return value


_VOCABULARY: dict[str, Any] = {
    name: _frozen(value)
    for name, value in yaml.safe_load(VOCABULARY_FILE.read_text(encoding="utf-8")).items()
}
COUNTRIES: Any = _VOCABULARY["COUNTRIES"]
ORGANISATIONS: Any = _VOCABULARY["ORGANISATIONS"]
NAMES: Any = _VOCABULARY["NAMES"]
COUNTRY_GROUPS: Any = _VOCABULARY["COUNTRY_GROUPS"]
CYRILLIC_COUNTRIES: set[str] = set(_VOCABULARY["CYRILLIC_COUNTRIES"])
NATIONAL_TITLES: Any = _VOCABULARY["NATIONAL_TITLES"]
INTERNATIONAL_TITLES: Any = _VOCABULARY["INTERNATIONAL_TITLES"]
OUTLETS: Any = _VOCABULARY["OUTLETS"]
ISSUE_TOPICS: Any = _VOCABULARY["ISSUE_TOPICS"]
QUOTE_CLAUSES: Any = _VOCABULARY["QUOTE_CLAUSES"]
CYRILLIC_CLAUSES: Any = _VOCABULARY["CYRILLIC_CLAUSES"]
FILLER: Any = _VOCABULARY["FILLER"]
OCCASIONS: Any = _VOCABULARY["OCCASIONS"]
EVENT_VERBS: Any = _VOCABULARY["EVENT_VERBS"]
FACT_TEMPLATES: Any = _VOCABULARY["FACT_TEMPLATES"]
JUDGMENT_CLAUSES: Any = _VOCABULARY["JUDGMENT_CLAUSES"]
PERSON_JUDGMENT_CLAUSES: Any = _VOCABULARY["PERSON_JUDGMENT_CLAUSES"]
LIKELIHOOD_FORMS: Any = _VOCABULARY["LIKELIHOOD_FORMS"]
INDICATORS: Any = _VOCABULARY["INDICATORS"]
LATIN_TO_CYRILLIC: Any = _VOCABULARY["LATIN_TO_CYRILLIC"]
FOLD: Any = _VOCABULARY["FOLD"]


def to_cyrillic(latin: str) -> str:
    """Serbian Latin -> Cyrillic, digraphs first; keeps case of the first letter."""
    out: list[str] = []
    i = 0
    while i < len(latin):
        pair = latin[i : i + 2]
        if pair.lower() in LATIN_TO_CYRILLIC:
            cyr = LATIN_TO_CYRILLIC[pair.lower()]
            out.append(cyr.upper() if pair[0].isupper() else cyr)
            i += 2
            continue
        ch = latin[i]
        cyr = LATIN_TO_CYRILLIC.get(ch.lower(), ch)
        out.append(cyr.upper() if ch.isupper() else cyr)
        i += 1
    return "".join(out)


def ascii_fold(text: str) -> str:
    text = "".join(FOLD.get(ch, ch) for ch in text)
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def slug(text: str) -> str:
    folded = ascii_fold(text).lower()
    words = "".join(ch if ch.isalnum() else " " for ch in folded).split()
    return "-".join(words)[:60].strip("-")


def running_text(title: str) -> str:
    """An issue title inside a sentence: lower-case first letter unless a proper noun."""
    if title.split()[0] in ("EU-facilitated", "Partnership", "Russian", "NATO"):
        return title
    return title[0].lower() + title[1:]


def month_name(day: dt.date) -> str:
    return day.strftime("%B %Y")


def long_date(day: dt.date) -> str:
    return f"{day.day} {day.strftime('%B %Y')}"


# --------------------------------------------------------------- generation


@dataclass
class Person:
    id: str
    name: str
    latin: str
    country: str | None
    employer: str  # country or organisation actor id
    cyrillic: bool


@dataclass
class Sizes:
    sources: int
    extracts: int
    actors: int
    briefings: int
    issues: int | None = None
    judgments: int | None = None


class Generator:
    def __init__(self, sizes: Sizes, seed: int) -> None:
        self.sizes = sizes
        self.rng = random.Random(seed)
        self.countries = [c[0] for c in COUNTRIES]
        self.country_name = {c[0]: c[1] for c in COUNTRIES}
        self.capital = {c[0]: c[3] for c in COUNTRIES}
        self.org_name = {o[0]: o[1] for o in ORGANISATIONS}
        # how running text names an organisation
        self.org_phrase = {
            oid: f"the {name}" if oid in ("european-union", "osce", "united-nations") else name
            for oid, name in self.org_name.items()
        }
        self.org_place = {o[0]: o[3] for o in ORGANISATIONS}
        self.people: list[Person] = []
        self.by_employer: dict[str, list[Person]] = defaultdict(list)
        self.sources: list[dict] = []
        self.texts: dict[str, str] = {}
        self.extracts: list[dict] = []
        self.mentions: dict[str, list[str]] = defaultdict(list)  # actor -> source ids
        self.extracts_about: dict[str, list[dict]] = defaultdict(list)
        self.issues: list[dict] = []
        self.issues_of: dict[str, list[str]] = defaultdict(list)  # country -> issue ids
        self.issue_title: dict[str, str] = {}

    # ------------------------------------------------------------- actors

    def make_people(self) -> None:
        wanted = max(0, self.sizes.actors - len(COUNTRIES) - len(ORGANISATIONS))
        national = [c for c in self.countries if c in COUNTRY_GROUPS]
        weights = {c[0]: c[5] for c in COUNTRIES}
        pools: dict[str, list[tuple[str, str]]] = {}
        for group, (firsts, lasts) in NAMES.items():
            pairs = [(f, la) for f in firsts for la in lasts]
            self.rng.shuffle(pairs)
            pools[group] = pairs
        used_ids: set[str] = set()
        taken: dict[str, int] = defaultdict(int)
        for n in range(wanted):
            if n % 6 == 5:
                employer = self.rng.choice([o[0] for o in ORGANISATIONS[:6]])
                group, country = "international", None
            else:
                country = self.rng.choices(national, [weights[c] for c in national])[0]
                employer = country
                group = self.rng.choice(COUNTRY_GROUPS[country])
            pool = pools[group]
            turn, at = divmod(taken[group], len(pool))
            taken[group] += 1
            first, last = pool[at]
            latin = f"{first} {last}"
            if turn:  # pool exhausted: tell namesakes apart by a middle initial, as analysts do
                latin = f"{first} {'ABDGKMNPRSTV'[(turn - 1) % 12]}{turn // 13 or ''}. {last}"
            cyrillic = (
                country in CYRILLIC_COUNTRIES and group == "slavic" and self.rng.random() < 0.1
            )
            name = to_cyrillic(latin) if cyrillic else latin
            pid = slug(latin)
            while pid in used_ids:
                pid = f"{pid}-{n}"
            used_ids.add(pid)
            person = Person(pid, name, latin, country, employer, cyrillic)
            self.people.append(person)
            self.by_employer[employer].append(person)

    def title_of(self, person: Person) -> str:
        titles = NATIONAL_TITLES if person.country else INTERNATIONAL_TITLES
        return titles[int(hashlib.sha256(person.id.encode()).hexdigest(), 16) % len(titles)]

    def display(self, person: Person, cyrillic: bool) -> str:
        return to_cyrillic(person.latin) if cyrillic else person.name

    # ------------------------------------------------------------- issues

    def make_issues(self) -> None:
        count = self.sizes.issues or max(len(self.countries), self.sizes.sources // 20)
        seen: dict[str, int] = defaultdict(int)
        for n in range(count):
            country = self.countries[n % len(self.countries)]
            topic = ISSUE_TOPICS[(n * 7 + n // len(self.countries)) % len(ISSUE_TOPICS)]
            title = topic
            seen[topic] += 1
            if seen[topic] > 1:
                title = f"{topic} ({self.country_name[country]}, {seen[topic]})"
            iid = (
                slug(topic) if seen[topic] == 1 else f"{slug(topic)[:40].strip('-')}-{seen[topic]}"
            )
            self.issue_title[iid] = title
            self.issues_of[country].append(iid)
            self.issues.append({"id": iid, "title": title, "country": country})

    # ------------------------------------------------------------ sources

    def speaker_for(self, country: str) -> Person | None:
        if self.rng.random() < 0.75 and self.by_employer.get(country):
            return self.rng.choice(self.by_employer[country])
        orgs = [o for o in self.org_name if self.by_employer.get(o)]
        if orgs:
            return self.rng.choice(self.by_employer[self.rng.choice(orgs)])
        return None

    def context(self, country: str, day: dt.date) -> dict[str, object]:
        other = self.rng.choice([c for c in self.countries if c != country])
        place = self.capital[country] or "Brussels"
        return {
            "country": self.country_name[country],
            "other": self.country_name[other],
            "org": self.org_phrase[self.rng.choice(list(self.org_name)[:6])],
            "place": place,
            "city": place,
            "capital": place,
            "issue": running_text(self.issue_title[self.rng.choice(self.issue_ids(country))]),
            "month": month_name(day - dt.timedelta(days=self.rng.randint(30, 400))),
        }

    def fill(self, template: str, country: str, day: dt.date) -> str:
        return template.format(**self.context(country, day))

    def make_sources(self) -> None:
        weights = [c[5] for c in COUNTRIES]
        self.first_day = first_day(self.sizes.sources)
        span = (LAST_DAY - self.first_day).days
        per_source = [1] * self.sizes.sources
        for _ in range(self.sizes.extracts - self.sizes.sources):
            per_source[self.rng.randrange(self.sizes.sources)] += 1
        published = sorted(
            self.first_day + dt.timedelta(days=self.rng.randint(7, span))
            for _ in range(self.sizes.sources)
        )
        extract_no = 0
        for n in range(self.sizes.sources):
            country = self.rng.choices(self.countries, weights)[0]
            outlet = self.rng.choice(OUTLETS)
            cyr = country in CYRILLIC_COUNTRIES and outlet[0] in ("N1", "Kosovo Online")
            cyr = cyr and self.rng.random() < 0.5
            sid = f"src-{n:05d}"
            self.build_source(sid, country, outlet, published[n], cyr, per_source[n], extract_no)
            extract_no += per_source[n]

    def build_source(
        self,
        sid: str,
        country: str,
        outlet: tuple,
        published: dt.date,
        cyr: bool,
        n_extracts: int,
        first_extract: int,
    ) -> None:
        name, domain, kind, reliability, note, boilerplate = outlet
        cname = self.country_name[country]
        title = self.fill(
            self.rng.choice(
                (
                    "{org} and {country} discuss security as tensions rise in {place}",
                    "Talks on {issue} continue in {place}",
                    "{country} officials meet {org} representatives",
                    "Regional leaders respond to developments on {issue}",
                )
            ),
            country,
            published,
        )
        title = title[0].upper() + title[1:]
        place = self.capital[country] or "Brussels"
        paragraphs = [title]
        paragraphs.append(
            f"{place}, {long_date(published)}. "
            + self.fill(self.rng.choice(FILLER), country, published)
        )
        for k in range(n_extracts):
            xid = f"x-{first_extract + k:06d}"
            passage, extract = self.build_extract(xid, sid, country, published, cyr)
            paragraphs.append(passage)
            if self.rng.random() < 0.6:
                paragraphs.append(self.fill(self.rng.choice(FILLER), country, published))
            self.extracts.append(extract)
        paragraphs.extend(boilerplate)
        text = "\n\n".join(paragraphs) + "\n"
        self.texts[sid] = text
        author = None if kind == "official_release" else self.rng.choice(self.author_pool())
        source = {
            "id": sid,
            "title": title,
            "outlet": name,
            "author": author,
            "url": f"https://www.{domain}/{published.year}/{published.month:02d}/{slug(title)}/",
            "published": published,
            "published_precision": "day",
            "accessed": published + dt.timedelta(days=self.rng.randint(0, 90)),
            "language": "sr" if cyr else "en",
            "kind": kind,
            "reliability": reliability,
            "reliability_note": note,
            "summary": f"{name} report on {cname}, {long_date(published)}.",
            "text": f"texts/{sid}.txt",
            "sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(),
        }
        if author is None:
            del source["author"]
        if boilerplate:
            source["boilerplate"] = list(boilerplate)
        self.sources.append(source)

    def author_pool(self) -> list[str]:
        return ["Ana Ćosić", "Marko Đorđević", "Besa Hoxha", "Edin Mujagić", "Erika Tóth"]

    def build_extract(
        self, xid: str, sid: str, country: str, published: dt.date, cyr: bool
    ) -> tuple[str, dict]:
        day = published - dt.timedelta(days=self.rng.choice((0, 0, 0, 1, 2, 3)))
        roll = self.rng.random()
        issues = self.issues_of.get(country, [])
        chosen_issues = sorted(set(self.rng.sample(issues, min(len(issues), 2))))
        chosen_issues = chosen_issues[: self.rng.randint(0, len(chosen_issues))]
        base = {
            "id": xid,
            "source": sid,
            "date": day,
            "location": self.location(country),
            "subjects": [country],
            "issues": chosen_issues,
            # Never 1: "confirmed by other sources" needs `corroborated_by`.
            "credibility": self.rng.choice((2, 2, 2, 2, 3, 3, 4, 6)),
        }
        speaker = self.speaker_for(country)
        if roll < 0.55 and speaker is not None:
            passage, extract = self.statement(base, speaker, country, day, cyr)
        elif roll < 0.8 and speaker is not None:
            passage, extract = self.event(base, speaker, country, day, cyr)
        else:
            passage, extract = self.fact(base, country, day)
        if not extract["issues"]:
            del extract["issues"]
        for actor in extract["subjects"]:
            self.mentions[actor].append(sid)
            self.extracts_about[actor].append(extract)
        return passage, extract

    def location(self, country: str) -> str:
        capital = self.capital[country]
        return f"{capital}, {self.country_name[country]}" if capital else "Brussels, Belgium"

    def statement(
        self, base: dict, speaker: Person, country: str, day: dt.date, cyr: bool
    ) -> tuple[str, dict]:
        if cyr:
            clauses = self.rng.sample(CYRILLIC_CLAUSES, self.rng.randint(1, 3))
        else:
            pool = self.rng.sample(QUOTE_CLAUSES, self.rng.randint(2, 4))
            clauses = [self.fill(c, country, day) for c in pool]
        quote = "; ".join(clauses)
        quote = quote[0].upper() + quote[1:] + "."
        who = f"{self.title_of(speaker)} {self.display(speaker, cyr)}"
        direct = self.rng.random() < 0.8
        if direct:
            passage = f"{who} said on {long_date(day)}: “{quote}”"
        else:
            quote = quote[0].lower() + quote[1:]
            passage = f"According to officials present, {who} said that {quote}"
        subjects = sorted({country, speaker.id})
        occasion = self.fill(self.rng.choice(OCCASIONS), country, day)
        extract = {
            "kind": "statement",
            **base,
            "subjects": subjects,
            "speaker": speaker.id,
            "quote": quote,
            "mode": "direct" if direct else "indirect",
            "occasion": occasion,
        }
        return passage, extract

    def event(
        self, base: dict, host: Person, country: str, day: dt.date, cyr: bool
    ) -> tuple[str, dict]:
        guest = self.speaker_for(country) or host
        if guest.id == host.id:
            guest = self.rng.choice(self.people)
        verb = self.rng.choice(EVENT_VERBS)
        city = self.capital[country] or "Brussels"
        issue_ids = base["issues"] or self.issues_of.get(country) or [self.issues[0]["id"]]
        topic = running_text(self.issue_title[issue_ids[0]])
        evidence = (
            f"On {long_date(day)}, {self.title_of(host)} {self.display(host, cyr)} {verb} "
            f"{self.title_of(guest)} {self.display(guest, cyr)} in {city} to discuss {topic} "
            "and the security situation in the region."
        )
        extract = {
            "kind": "event",
            **base,
            "subjects": sorted({country, host.id, guest.id}),
            "summary": f"{host.name} {verb} {guest.name} in {city}.",
            "actors": sorted({host.id, guest.id}),
            "evidence": evidence,
        }
        return evidence, extract

    def fact(self, base: dict, country: str, day: dt.date) -> tuple[str, dict]:
        template, summary = self.rng.choice(FACT_TEMPLATES)
        values = {
            "n": self.rng.randint(3, 5) * 1000 + self.rng.randint(0, 9) * 100,
            "k": self.rng.randint(20, 28),
            "p": f"{self.rng.randint(10, 30) / 10:.1f}",
            "year": day.year,
        }
        context = {**self.context(country, day), **values}
        evidence = template.format(**context)
        short = summary.format(**context)
        extract = {
            "kind": "fact",
            **base,
            "summary": short[0].upper() + short[1:],
            "evidence": evidence,
        }
        return evidence, extract

    # ------------------------------------------------------ issues, roles

    def finish_issues(self) -> list[dict]:
        tagged: dict[str, list[dict]] = defaultdict(list)
        for extract in self.extracts:
            for iid in extract.get("issues", ()):
                tagged[iid].append(extract)
        statuses = ("active", "escalating", "stalled", "improving", "resolved")
        out = []
        for issue in self.issues:
            evidence = tagged[issue["id"]]
            if not evidence:
                about = self.extracts_about.get(issue["country"]) or self.extracts
                host = about[len(about) // 2]
                host.setdefault("issues", []).append(issue["id"])
                evidence = [host]
            evidence = sorted(evidence, key=lambda e: (e["date"], e["id"]))[-12:]
            cname = self.country_name[issue["country"]]
            out.append(
                {
                    "id": issue["id"],
                    "title": issue["title"],
                    "aliases": [ascii_fold(issue["title"])]
                    if ascii_fold(issue["title"]) != issue["title"]
                    else [],
                    "subjects": [issue["country"]],
                    "status_history": [
                        {
                            "date": max(e["date"] for e in evidence),
                            "status": statuses[len(out) % len(statuses)],
                            "assessment": "no agreement on sequencing and guarantees",
                            "basis": [evidence[-1]["id"]],
                        }
                    ],
                    "summary": f"{issue['title']} remains a point of contention in {cname}; "
                    "the parties disagree on sequencing and guarantees.",
                    "evidence": [e["id"] for e in evidence],
                    "last_development": max(e["date"] for e in evidence),
                }
            )
            if not out[-1]["aliases"]:
                del out[-1]["aliases"]
        return out

    def roles(self, person: Person) -> list[dict]:
        sources = sorted(set(self.mentions.get(person.id, ()))) or [self.sources[0]["id"]]
        count = self.rng.randint(1, 3)
        start = self.first_day - dt.timedelta(days=self.rng.randint(0, 1200))
        titles = NATIONAL_TITLES if person.country else INTERNATIONAL_TITLES
        out = []
        start_source = self.reporting(start)
        for k in range(count):
            last = k == count - 1
            end = None if last else start + dt.timedelta(days=self.rng.randint(200, 700))
            # A start or end is given only by a source published by then: a
            # role whose end no source could yet report stays open.
            end_source = self.reporting(end) if end else None
            if end_source is None:
                end = None
            role = {
                "title": self.title_of(person) if last else self.rng.choice(titles),
                "organisation": person.employer,
                "start": start if start_source else None,
                "start_source": start_source,
                "end": end,
                "end_source": end_source,
                # Drawn but unused: an acting role needs the source's words saying
                # so, which synthetic texts do not hold. Drawn to keep the corpus.
                "acting": self.rng.random() < 0.0,
                "sources": sources[: self.rng.randint(1, 2)],
            }
            out.append({k: v for k, v in role.items() if v is not None and v is not False})
            if end is None:
                break
            start, start_source = end, end_source
        return out

    def reporting(self, day: dt.date) -> str | None:
        """The first source published on or after `day`, if any."""
        if not hasattr(self, "_by_date"):
            self._by_date = sorted((s["published"], s["id"]) for s in self.sources)
        index = bisect.bisect_left(self._by_date, (day, ""))
        return self._by_date[index][1] if index < len(self._by_date) else None

    def actors(self) -> dict[str, list[dict]]:
        files: dict[str, list[dict]] = defaultdict(list)
        for cid, name, kind, _capital, cyr_name, _w in COUNTRIES:
            actor = {"id": cid, "name": name, "kind": kind}
            aliases = [a for a in (ascii_fold(name), cyr_name) if a and a != name]
            if aliases:
                actor["aliases"] = aliases
            files["countries"].append(actor)
        for oid, name, kind, _place in ORGANISATIONS:
            files["organisations"].append({"id": oid, "name": name, "kind": kind})
        for person in self.people:
            aliases = []
            if person.cyrillic:
                aliases.append(person.latin)
            elif person.country in CYRILLIC_COUNTRIES:
                aliases.append(to_cyrillic(person.latin))
            if ascii_fold(person.latin) != person.latin:
                aliases.append(ascii_fold(person.latin))
            actor = {"id": person.id, "name": person.name, "kind": "person"}
            if aliases:
                actor["aliases"] = aliases
            if person.country:
                actor["country"] = person.country
            actor["roles"] = self.roles(person)
            files[f"people-{person.employer}"].append(actor)
        return files

    # ---------------------------------------------------------- judgments

    def judgments(self) -> dict[str, list[dict]]:
        count = self.sizes.judgments or max(len(self.countries), self.sizes.extracts // 50)
        people = [p for p in self.people if len(self.extracts_about.get(p.id, ())) >= 2]
        out: dict[str, list[dict]] = defaultdict(list)
        terms = list(LIKELIHOOD_FORMS)
        for n in range(count):
            person = None
            if people and n % 5 == 4:
                person = self.rng.choice(people)
                subject = person.id
                country = person.country or "western-balkans"
            else:
                subject = self.countries[n % len(self.countries)]
                country = subject
            about = self.extracts_about.get(subject) or self.extracts
            basis = sorted(
                self.rng.sample(about, min(len(about), self.rng.randint(2, 5))),
                key=lambda e: e["id"],
            )
            made = max(e["date"] for e in basis) + dt.timedelta(days=self.rng.randint(1, 20))
            made = min(made, AS_OF)
            horizon_day = made + dt.timedelta(days=180)
            horizon = f"through {month_name(horizon_day)}"
            term = terms[n % len(terms)]
            if person is not None:
                other = self.rng.choice(self.people)
                clause = self.rng.choice(PERSON_JUDGMENT_CLAUSES).format(
                    person=person.name,
                    other_person=other.name,
                    issue=running_text(self.issue_title[self.rng.choice(self.issue_ids(country))]),
                )
            else:
                clause = self.fill(self.rng.choice(JUDGMENT_CLAUSES), country, made)
            text = LIKELIHOOD_FORMS[term].format(
                clause=clause, horizon=f"before the end of {month_name(horizon_day)}"
            )
            issues = sorted({i for e in basis for i in e.get("issues", ())})[:2]
            judgment = {
                "id": f"j-{n:05d}",
                "subjects": [subject],
                "issues": issues,
                "text": text,
                "likelihood": term,
                "confidence": ("high", "moderate", "low")[n % 3],
                "confidence_basis": f"Rests on {len(basis)} reports from "
                f"{len({e['source'] for e in basis})} sources.",
                "key_assumption": "The parties' stated positions hold through the horizon.",
                "horizon": horizon,
                "made": made,
                "key": n % 4 == 0,
                "basis": [e["id"] for e in basis],
                "indicators": self.rng.sample(INDICATORS, self.rng.randint(1, 3)),
            }
            if not issues:
                del judgment["issues"]
            out[country].append(judgment)
        return out

    def issue_ids(self, country: str) -> list[str]:
        return self.issues_of.get(country) or [self.issues[0]["id"]]

    # ---------------------------------------------------------- briefings

    def briefings(self) -> dict[str, dict]:
        total = self.sizes.briefings
        n_countries = min(len(self.countries), max(1, total * 2 // 5))
        by_volume = sorted(self.countries, key=lambda c: (-len(self.extracts_about[c]), c))
        # national figures first, as analysts brief them most; then international officials
        people = sorted(
            (p for p in self.people if self.extracts_about.get(p.id)),
            key=lambda p: (p.country is None, -len(self.extracts_about[p.id]), p.id),
        )
        out: dict[str, dict] = {}
        markings = ("UNCLASSIFIED", "PUBLIC", "TLP:CLEAR")
        for n, cid in enumerate(by_volume[:n_countries]):
            out[cid] = {
                "subject": cid,
                "kind": "country",
                "title": f"{self.country_name[cid][0].upper()}{self.country_name[cid][1:]}: "
                "country brief",
                "marking": markings[n % 3],
                "window_days": (30, 60, 90)[n % 3],
            }
        for n, person in enumerate(people[: total - len(out)]):
            out[person.id] = {
                "subject": person.id,
                "kind": "person",
                "title": f"{person.name}: person brief",
                "marking": markings[n % 3],
                "window_days": (180, 365)[n % 2],
            }
        return out

    # --------------------------------------------------------------- run

    def generate(self) -> dict[str, object]:
        self.make_people()
        self.make_issues()
        self.make_sources()
        issues = self.finish_issues()
        return {
            "actors": self.actors(),
            "issues": issues,
            "judgments": self.judgments(),
            "briefings": self.briefings(),
        }


def _dump(data: object) -> bytes:
    text = yaml.dump(data, Dumper=yaml.CSafeDumper, allow_unicode=True, sort_keys=False, width=100)
    return text.encode("utf-8")


def generate(root: Path, sizes: Sizes, seed: int = 1) -> dict[str, int]:
    """Write a workspace (seeds/ and briefings/) into `root`, replacing what was there."""
    root = Path(root)
    if sizes.extracts < sizes.sources:
        raise ValueError("need at least one extract per source")
    for sub in ("seeds", "briefings"):
        shutil.rmtree(root / sub, ignore_errors=True)
    gen = Generator(sizes, seed)
    parts = gen.generate()
    seeds = root / "seeds"
    for sub in ("sources", "texts", "actors", "extracts", "issues", "judgments"):
        (seeds / sub).mkdir(parents=True, exist_ok=True)
    (root / "briefings").mkdir(parents=True, exist_ok=True)

    for source in gen.sources:
        (seeds / "sources" / f"{source['id']}.yaml").write_bytes(_dump(source))
        (seeds / "texts" / f"{source['id']}.txt").write_bytes(gen.texts[source["id"]].encode())
    by_month: dict[str, list[dict]] = defaultdict(list)
    published = {s["id"]: s["published"] for s in gen.sources}
    for extract in gen.extracts:
        by_month[published[extract["source"]].strftime("%Y-%m")].append(extract)
    for month, extracts in sorted(by_month.items()):
        (seeds / "extracts" / f"{month}.yaml").write_bytes(_dump({"extracts": extracts}))
    for name, actors in sorted(parts["actors"].items()):  # type: ignore[union-attr]
        (seeds / "actors" / f"{name}.yaml").write_bytes(_dump({"actors": actors}))
    by_country: dict[str, list[dict]] = defaultdict(list)
    for issue in parts["issues"]:  # type: ignore[union-attr]
        by_country[issue["subjects"][0]].append(issue)
    for country, issues in sorted(by_country.items()):
        (seeds / "issues" / f"{country}.yaml").write_bytes(_dump({"issues": issues}))
    for country, judgments in sorted(parts["judgments"].items()):  # type: ignore[union-attr]
        (seeds / "judgments" / f"{country}.yaml").write_bytes(_dump({"judgments": judgments}))
    for stem, briefing in sorted(parts["briefings"].items()):  # type: ignore[union-attr]
        (root / "briefings" / f"{stem}.yaml").write_bytes(_dump(briefing))
    return {
        "sources": len(gen.sources),
        "extracts": len(gen.extracts),
        "actors": sum(len(a) for a in parts["actors"].values()),  # type: ignore[union-attr]
        "issues": len(parts["issues"]),  # type: ignore[arg-type]
        "judgments": sum(len(j) for j in parts["judgments"].values()),  # type: ignore[union-attr]
        "briefings": len(parts["briefings"]),  # type: ignore[arg-type]
    }


def sizes_for(preset: str | None, **overrides: int | None) -> Sizes:
    base = dict(PRESETS[preset]) if preset else dict(PRESETS["tiny"])
    base.update({k: v for k, v in overrides.items() if v is not None})
    return Sizes(**base)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, help="workspace folder to (re)create")
    parser.add_argument("--preset", choices=sorted(PRESETS), default="tiny")
    for name in ("sources", "extracts", "actors", "briefings", "issues", "judgments"):
        parser.add_argument(f"--{name}", type=int, default=None)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    sizes = sizes_for(
        args.preset,
        sources=args.sources,
        extracts=args.extracts,
        actors=args.actors,
        briefings=args.briefings,
        issues=args.issues,
        judgments=args.judgments,
    )
    counts = generate(args.out, sizes, seed=args.seed)
    print(" ".join(f"{k}={v}" for k, v in counts.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
