"""The loaded corpus: every curated record, by id, plus the source texts."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from brief.corpus.models import (
    Actor,
    Briefing,
    Event,
    Fact,
    Judgment,
    OpenIssue,
    Source,
    Statement,
)
from brief.errors import Problem

AnyExtract = Statement | Event | Fact


@dataclass
class Corpus:
    root: Path
    sources: dict[str, Source] = field(default_factory=dict)
    texts: dict[str, str] = field(default_factory=dict)
    actors: dict[str, Actor] = field(default_factory=dict)
    extracts: dict[str, AnyExtract] = field(default_factory=dict)
    issues: dict[str, OpenIssue] = field(default_factory=dict)
    judgments: dict[str, Judgment] = field(default_factory=dict)
    briefings: dict[str, Briefing] = field(default_factory=dict)
    """Keyed by the briefing file's stem, e.g. `kosovo`."""
    warnings: list[Problem] = field(default_factory=list)
    """What loading fixed and says so (control characters removed), located."""
    input_files: dict[str, bytes] = field(default_factory=dict, repr=False)
    """Relative path -> raw bytes of every file read (seeds, briefings, templates)."""

    def inputs_hash(self) -> str:
        """sha256 over every input file's path and bytes, in sorted order."""
        digest = hashlib.sha256()
        for rel in sorted(self.input_files):
            digest.update(rel.encode("utf-8") + b"\0")
            digest.update(hashlib.sha256(self.input_files[rel]).digest())
        return digest.hexdigest()

    def counts(self) -> dict[str, int]:
        return {
            "sources": len(self.sources),
            "actors": len(self.actors),
            "extracts": len(self.extracts),
            "issues": len(self.issues),
            "judgments": len(self.judgments),
            "briefings": len(self.briefings),
        }
