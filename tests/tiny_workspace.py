"""A tiny valid workspace as YAML files on disk, written file by file, for corpus
tests to break (`tests/memory_corpus.py` builds a corpus in Python instead)."""

from __future__ import annotations

import hashlib
from pathlib import Path

TEXT = (
    "Ruge visits Pristina\n"
    "\n"
    "Ambassador Ruge said: “We will not allow any type of\n"
    "security vacuum to emerge.” He met   Vjosa Osmani in Pristina on 20 August 2024.\n"
    "\n"
    "Leave a comment. We will not allow any type of spam.\n"
)
BOILERPLATE = "Leave a comment. We will not allow any type of spam."

SOURCE = """\
id: n1-ruge
title: Ruge visits Pristina
outlet: N1
published: 2024-08-22
accessed: 2024-10-25
kind: news_report
reliability: B
reliability_note: Established regional broadcaster.
text: texts/n1-ruge.txt
sha256: {sha}
boilerplate:
  - "{boilerplate}"
"""

ACTORS = """\
actors:
  - id: kosovo
    name: Kosovo
    kind: country
  - id: nato
    name: NATO
    kind: organisation
  - id: boris-ruge
    name: Boris Ruge
    aliases: [Ruge]
    kind: person
    roles:
      - title: Assistant Secretary General
        organisation: nato
        end: 2024-08-21
        end_source: n1-ruge
        sources: [n1-ruge]
  - id: vjosa-osmani
    name: Vjosa Osmani
    kind: person
    country: kosovo
"""

EXTRACTS = """\
extracts:
  - id: ruge-no-vacuum
    kind: statement
    source: n1-ruge
    date: 2024-08-20
    subjects: [kosovo]
    issues: [security]
    credibility: 2
    speaker: boris-ruge
    quote: "We will not allow any type of security vacuum to emerge."
    occasion: visit to Pristina
  - id: ruge-meets-osmani
    kind: event
    source: n1-ruge
    date: 2024-08-20
    subjects: [kosovo, boris-ruge]
    credibility: 2
    summary: Ruge met President Osmani.
    actors: [boris-ruge, vjosa-osmani]
    evidence: "He met Vjosa Osmani in Pristina"
"""

ISSUES = """\
issues:
  - id: security
    title: Security in the north
    subjects: [kosovo]
    status_history:
      - date: 2024-08-20
        status: active
        assessment: NATO restates its commitment
        basis: [ruge-no-vacuum]
    summary: NATO's commitment to security.
    evidence: [ruge-no-vacuum]
    last_development: 2024-08-20
"""

JUDGMENTS = """\
judgments:
  - id: kosovo-kfor-stays
    subjects: [kosovo]
    issues: [security]
    text: KFOR is likely to keep its strength in Kosovo through 2025.
    likelihood: likely
    confidence: moderate
    confidence_basis: One NATO statement on the point.
    key_assumption: NATO's force planning does not change.
    horizon: through 2025
    made: 2024-10-01
    basis: [ruge-no-vacuum]
    indicators:
      - A NATO decision on KFOR's strength
"""

BRIEFING = """\
subject: kosovo
kind: country
title: Kosovo
"""

FILES = {
    "seeds/sources/n1-ruge.yaml": ("source", SOURCE),
    "seeds/actors/actors.yaml": ("actors", ACTORS),
    "seeds/extracts/n1-ruge.yaml": ("extracts", EXTRACTS),
    "seeds/issues/issues.yaml": ("issues", ISSUES),
    "seeds/judgments/judgments.yaml": ("judgments", JUDGMENTS),
    "briefings/kosovo.yaml": ("briefing", BRIEFING),
}


def header(rel: str, kind: str) -> str:
    """The schema line every YAML file starts with (`rel` relative to the workspace)."""
    up = "../" * (rel.count("/"))
    return f"# yaml-language-server: $schema={up}schemas/{kind}.schema.json\n"


def write(root: Path, rel: str, body: str, kind: str | None = None) -> Path:
    """Write a workspace file; with `kind`, prefixed by its schema line."""
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text((header(rel, kind) if kind else "") + body, encoding="utf-8")
    return path


def make_workspace(root: Path) -> Path:
    """Write the tiny valid workspace into `root` and return it."""
    (root / "seeds" / "texts").mkdir(parents=True, exist_ok=True)
    (root / "seeds" / "texts" / "n1-ruge.txt").write_bytes(TEXT.encode("utf-8"))
    sha = hashlib.sha256(TEXT.encode("utf-8")).hexdigest()
    for rel, (kind, body) in FILES.items():
        if kind == "source":
            body = body.format(sha=sha, boilerplate=BOILERPLATE)
        write(root, rel, body, kind)
    return root


def line_of(root: Path, rel: str, needle: str) -> int:
    """1-based number of the first line of `rel` containing `needle`."""
    for number, line in enumerate((root / rel).read_text(encoding="utf-8").splitlines(), 1):
        if needle in line:
            return number
    raise AssertionError(f"{needle!r} not in {rel}")


def edit(root: Path, rel: str, old: str, new: str) -> None:
    """Replace the first `old` in one file of the workspace; `old` must be there."""
    path = root / rel
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {rel}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def problems(root: Path) -> list[str]:
    """Every problem `brief validate` would report, as its one-line text."""
    from brief.corpus.load import load_workspace

    return [str(p) for p in load_workspace(root).problems]


def the_problem(root: Path) -> str:
    """The one problem `brief validate` reports (fails when there are none or several)."""
    found = problems(root)
    assert len(found) == 1, found
    return found[0]
