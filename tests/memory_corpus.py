"""A small corpus built in Python (no YAML), for assembler and template tests
(`tests/tiny_workspace.py` writes a workspace as files instead).

It holds the cases the assembler must get right: a role change mid-window
(Ruge), the same quote from two sources (once with straight, once with
typographic quotes), the same words from two speakers, an extract after the
cut-off, and a quote full of Markdown and template syntax.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import shutil
from pathlib import Path

from brief.corpus import Corpus
from brief.corpus.models import (
    Actor,
    Briefing,
    Event,
    Fact,
    Judgment,
    OpenIssue,
    Role,
    Source,
    Statement,
    StatusEntry,
)

REPO = Path(__file__).resolve().parents[1]
TEMPLATES = REPO / "briefings" / "templates"

HOSTILE_QUOTE = (
    "We reject *this* and _that_ <b>now</b> & AT&T &amp; [^1] {{ brief.title }} {% if x %} "
    "`code` | pipes | and \\ backslashes"
)
HOSTILE_LINE_START = "# not a heading"

D = dt.date


def _source(n: int, *, outlet: str, published: dt.date, reliability: str = "B", **kw) -> Source:
    return Source(
        id=f"src-{n}",
        title=kw.pop("title", f"Report number {n} on Kosovo and the Western Balkans"),
        outlet=outlet,
        author=kw.pop("author", None),
        url=kw.pop("url", f"https://example.org/news/report_{n}"),
        published=published,
        accessed=D(2024, 10, 1),
        kind=kw.pop("kind", "news_report"),
        reliability=reliability,
        reliability_note="Established outlet with a corrections policy",
        text=f"texts/src-{n}.txt",
        sha256="0" * 64,
        **kw,
    )


def actors() -> list[Actor]:
    return [
        Actor(id="kosovo", name="Kosovo", kind="country"),
        Actor(id="serbia", name="Serbia", aliases=["Srbija", "Србија"], kind="country"),
        Actor(id="nato", name="NATO", kind="organisation"),
        Actor(
            id="boris-ruge",
            name="Boris Ruge",
            aliases=["Amb. Ruge"],
            kind="person",
            roles=[
                Role(
                    title="Assistant Secretary General for Political Affairs and Security Policy",
                    organisation="nato",
                    start=D(2022, 10, 1),
                    end=D(2024, 9, 10),
                    sources=["src-1"],
                ),
                Role(
                    title="Deputy Secretary General",
                    organisation="nato",
                    start=D(2024, 9, 10),
                    acting=True,
                    sources=["src-2"],
                ),
            ],
        ),
        Actor(
            id="aleksandar-vucic",
            name="Aleksandar Vučić",
            aliases=["Vucic", "Александар Вучић"],
            kind="person",
            country="serbia",
            roles=[Role(title="President of Serbia", start=D(2017, 5, 31), sources=["src-3"])],
        ),
        Actor(
            id="albin-kurti",
            name="Albin Kurti",
            kind="person",
            country="kosovo",
            description="Leads the government in Pristina.",
            roles=[Role(title="Prime Minister of Kosovo", start=D(2021, 3, 22), sources=["src-3"])],
        ),
        Actor(id="petar-ruge", name="Petar Ruge", kind="person"),  # for surname ambiguity
    ]


def extracts() -> list[Statement | Event | Fact]:
    common = {"subjects": ["kosovo"], "credibility": 2}
    return [
        Statement(
            id="ruge-august",
            source="src-1",
            date=D(2024, 8, 22),
            location="Belgrade, Serbia",
            speaker="boris-ruge",
            quote="KFOR will remain in Kosovo as long as necessary.",
            occasion="press conference",
            issues=["kfor-posture"],
            **common,
        ),
        # The same words reported by a second source, with typographic quotes
        # and different spacing: one statement, two sources.
        Statement(
            id="ruge-august-again",
            source="src-2",
            date=D(2024, 8, 22),
            location="Belgrade, Serbia",
            speaker="boris-ruge",
            quote="KFOR  will remain in Kosovo as long as necessary.",
            occasion="press conference",
            issues=["kfor-posture"],
            **common,
        ),
        # Another speaker with the same words: a separate statement.
        Statement(
            id="kurti-same-words",
            source="src-3",
            date=D(2024, 8, 25),
            location="Pristina, Kosovo",
            speaker="albin-kurti",
            quote="KFOR will remain in Kosovo as long as necessary.",
            occasion="interview",
            **common,
        ),
        Statement(
            id="ruge-september",
            source="src-2",
            date=D(2024, 9, 13),
            location="Podgorica, Montenegro",
            speaker="boris-ruge",
            quote="Dialogue is the only way forward.",
            occasion="meeting with the President of Montenegro",
            issues=["dialogue"],
            **common,
        ),
        Statement(
            id="vucic-hostile",
            source="src-3",
            date=D(2024, 9, 1),
            speaker="aleksandar-vucic",
            quote=HOSTILE_QUOTE,
            occasion="press conference",
            issues=["dialogue"],
            **common,
        ),
        Statement(
            id="vucic-line-start",
            source="src-3",
            date=D(2024, 9, 2),
            speaker="aleksandar-vucic",
            quote=HOSTILE_LINE_START,
            mode="indirect",
            occasion="television address",
            **common,
        ),
        Event(
            id="ruge-visit",
            source="src-2",
            date=D(2024, 9, 13),
            location="Podgorica, Montenegro",
            summary="Ruge met President Milatović in Podgorica",
            actors=["boris-ruge"],
            evidence="Boris Ruge visited Montenegro",
            **common,
        ),
        Event(
            id="bridge-talks",
            source="src-1",
            date=D(2024, 8, 30),
            location="Brussels, Belgium",
            summary="Talks on opening the Ibar bridge to traffic",
            actors=["albin-kurti", "nato"],
            evidence="talks on the Ibar bridge",
            issues=["dialogue"],
            **common,
        ),
        Fact(
            id="kfor-size",
            source="src-1",
            date=D(2024, 8, 20),
            summary="KFOR numbers about 4,500 troops",
            evidence="some 4,500 troops",
            issues=["kfor-posture"],
            **common,
        ),
        # After the cut-off used in the tests (2024-09-15): must never appear.
        Statement(
            id="after-cutoff",
            source="src-4",
            date=D(2024, 9, 20),
            speaker="boris-ruge",
            quote="This was said after the cut-off.",
            occasion="speech",
            issues=["dialogue"],
            **common,
        ),
        Event(
            id="event-after-cutoff",
            source="src-4",
            date=D(2024, 9, 21),
            summary="Something that happened after the cut-off",
            actors=["boris-ruge"],
            evidence="happened later",
            **common,
        ),
    ]


def build_corpus(root: Path) -> Corpus:
    """The fixture corpus, with the repository's templates copied under `root`."""
    shutil.copytree(TEMPLATES, root / "briefings" / "templates", dirs_exist_ok=True)
    corpus = Corpus(root=root)
    sources = [
        _source(
            1,
            outlet="NATO",
            published=D(2024, 8, 22),
            kind="official_release",
            reliability="A",
            author=None,
            title="Remarks by Boris Ruge in Belgrade",
        ),
        _source(2, outlet="Mirage News", published=D(2024, 9, 13), author="Jane Doe"),
        _source(3, outlet="N1", published=D(2024, 9, 2), reliability="C"),
        _source(4, outlet="RFE/RL", published=D(2024, 9, 21)),
    ]
    for source in sources:
        corpus.sources[source.id] = source
        corpus.texts[source.id] = "text"
        corpus.input_files[f"seeds/sources/{source.id}.yaml"] = hashlib.sha256(
            source.id.encode()
        ).digest()
    for actor in actors():
        corpus.actors[actor.id] = actor
    for extract in extracts():
        corpus.extracts[extract.id] = extract
    for issue in [
        OpenIssue(
            id="kfor-posture",
            title="KFOR posture",
            subjects=["kosovo"],
            status_history=[
                StatusEntry(
                    date=D(2024, 8, 22),
                    status="active",
                    assessment="reinforced strength",
                    basis=["kfor-size"],
                )
            ],
            summary="NATO keeps KFOR at reinforced strength",
            evidence=["kfor-size"],
            last_development=D(2024, 8, 22),
        ),
        OpenIssue(
            id="dialogue",
            title="Belgrade-Pristina dialogue",
            subjects=["kosovo", "serbia"],
            status_history=[
                StatusEntry(
                    date=D(2024, 9, 20),
                    status="stalled",
                    assessment="no meeting since the summer",
                    basis=["bridge-talks"],
                )
            ],
            summary="Status recorded after the cut-off",
            evidence=["bridge-talks"],
            last_development=D(2024, 9, 20),
        ),
    ]:
        corpus.issues[issue.id] = issue
    for judgment in [
        Judgment(
            id="kfor-stays",
            subjects=["kosovo"],
            issues=["kfor-posture"],
            text="KFOR will very likely stay at its current strength",
            likelihood="very likely",
            confidence="moderate",
            confidence_basis="two official sources agree, but force decisions can change fast",
            key_assumption="No crisis in the north forces a change",
            horizon="through March 2025",
            made=D(2024, 9, 1),
            key=True,
            basis=["ruge-august", "kfor-size"],
            indicators=["A NATO decision to reduce KFOR"],
        ),
        Judgment(
            id="later-judgment",
            subjects=["kosovo"],
            text="A deal on the bridge is unlikely",
            likelihood="unlikely",
            confidence="low",
            confidence_basis="one report of the talks",
            key_assumption="The parties keep their stated positions",
            horizon="through 2025",
            made=D(2024, 9, 30),
            basis=["bridge-talks"],
            indicators=["An agreement on the bridge in the dialogue"],
        ),
    ]:
        corpus.judgments[judgment.id] = judgment
    corpus.briefings["kosovo"] = Briefing(subject="kosovo", kind="country", window_days=60)
    return corpus


AS_OF = D(2024, 9, 15)
