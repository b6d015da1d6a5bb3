"""The loaded corpus: every curated record, by id, plus the source texts."""

from __future__ import annotations

import datetime as dt
import hashlib
import operator
from collections.abc import Iterator, MutableMapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from brief.corpus.models import (
    Actor,
    AnyExtract,
    Briefing,
    FrontMatter,
    Judgment,
    OpenIssue,
    Role,
    Source,
    WorkspaceSettings,
)
from brief.corpus.postings import Postings, work_out
from brief.dates import PartialDate
from brief.errors import BriefError, Problem


class SourceTexts(MutableMapping[str, str]):
    """Source id -> the source's text. A loaded corpus keeps only where each text
    lies and its sha256, and reads it when asked: a large corpus's texts (tens of
    MB, twice over as bytes and str) are needed while it is checked, not while
    briefs are built from it. A text that changed on disk since the corpus was
    checked is an error, never silently other words. Texts set directly stay in
    memory."""

    def __init__(self) -> None:
        self._held: dict[str, str] = {}
        self._files: dict[str, tuple[Path, bytes]] = {}

    def on_disk(self, ident: str, path: Path, digest: bytes) -> None:
        """`ident`'s text is the file at `path`, whose sha256 is `digest`."""
        self._files[ident] = (path, digest)

    def release(self) -> None:
        """Keep in memory only the texts that have no file to be read from."""
        for ident in self._files:
            self._held.pop(ident, None)

    def __getitem__(self, ident: str) -> str:
        held = self._held.get(ident)
        if held is not None:
            return held
        path, digest = self._files[ident]
        try:
            raw = path.read_bytes()
        except OSError as err:
            raise BriefError(f"cannot read {path}: {err.strerror or err}") from None
        if hashlib.sha256(raw).digest() != digest:
            raise BriefError(f"{path} changed since the corpus was checked: run the command again")
        return raw.decode("utf-8")

    def __setitem__(self, ident: str, text: str) -> None:
        self._held[ident] = text

    def __delitem__(self, ident: str) -> None:
        found = self._held.pop(ident, None) is not None
        if self._files.pop(ident, None) is None and not found:
            raise KeyError(ident)

    def __contains__(self, ident: object) -> bool:
        return ident in self._held or ident in self._files

    def __iter__(self) -> Iterator[str]:
        yield from self._held
        yield from (ident for ident in self._files if ident not in self._held)

    def __len__(self) -> int:
        return len(self._held.keys() | self._files.keys())


@dataclass
class Corpus:
    root: Path
    sources: dict[str, Source] = field(default_factory=dict)
    texts: SourceTexts = field(default_factory=SourceTexts)
    actors: dict[str, Actor] = field(default_factory=dict)
    extracts: dict[str, AnyExtract] = field(default_factory=dict)
    issues: dict[str, OpenIssue] = field(default_factory=dict)
    judgments: dict[str, Judgment] = field(default_factory=dict)
    briefings: dict[str, Briefing] = field(default_factory=dict)
    """Keyed by the briefing file's stem, e.g. `norland`."""
    warnings: list[Problem] = field(default_factory=list)
    """What loading fixed and says so (control characters removed), located."""
    settings: WorkspaceSettings = field(default_factory=WorkspaceSettings)
    """`briefings/_workspace.yaml`, or the defaults without it."""
    input_files: dict[str, bytes] = field(default_factory=dict, repr=False)
    """Relative path -> sha256 digest of every file read (seeds, briefings, templates)."""
    tree_hash: str | None = None
    """`brief.workspace.inputs_hash` of the workspace as it was loaded (from the cache's
    read of every file), None when not known."""

    def __getattr__(self, name: str) -> Any:
        # Reached only for an attribute that is not set: the extracts of a corpus served
        # from the cache are read when first asked for (`brief.corpus.cache.Extracts`),
        # so a corpus is never seen with an empty set in their place.
        pending = self.__dict__.get("pending_extracts") if name == "extracts" else None
        if pending is None:
            raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")
        extracts = pending()
        if pending.postings is not None:
            self.__dict__["saved_postings"] = (list(extracts.values()), pending.postings)
        self.__dict__["extracts"] = extracts
        self.__dict__.pop("pending_extracts", None)
        return extracts

    def __getstate__(self) -> dict[str, Any]:
        """Pickled (a worker started by spawning): with its extracts, never a file."""
        _ = self.extracts
        return self.__dict__

    def extract_postings(self) -> tuple[list[AnyExtract], Postings]:
        """The extracts in order and where each is filed (`brief.corpus.postings`): as the
        cache stored them with these very extracts (the same objects in the same order),
        else worked out."""
        extracts = list(self.extracts.values())
        saved = self.__dict__.get("saved_postings")
        if saved is not None:
            objects, postings = saved
            if len(objects) == len(extracts) and all(map(operator.is_, objects, extracts)):
                return extracts, postings
        return extracts, work_out(extracts)

    def inputs_hash(self) -> str:
        """sha256 over every input file's path and bytes, in sorted order."""
        digest = hashlib.sha256()
        for rel in sorted(self.input_files):
            digest.update(rel.encode("utf-8") + b"\0")
            digest.update(self.input_files[rel])
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

    def default_as_of(self) -> dt.date | None:
        """The default information cut-off: the latest day any extract's date or any
        source's publication date can mean, so that nothing curated is left out
        (a source published after its newest extract included). None when empty."""
        newest = self.newest_extract_day()
        days = [s.published_when.last for s in self.sources.values()]
        return max([*days, newest] if newest else days, default=None)

    def newest_extract_day(self) -> dt.date | None:
        """The latest day any extract's date can mean; None without extracts. Known
        without reading the extracts of a corpus served from the cache."""
        pending = self.__dict__.get("pending_extracts")
        if pending is not None:
            return pending.newest  # type: ignore[no-any-return]
        return max((e.when.last for e in self.extracts.values()), default=None)

    def role_last_reported(self, role: Role, as_of: dt.date) -> tuple[PartialDate, str] | None:
        """When the role was last reported by the as-of date: the newest publication
        date among its sources known by then, and that source's id."""
        known = [
            (source.published_when, source.id)
            for source in (self.sources.get(s) for s in role.all_sources())
            if source is not None and source.published_when.on_or_before(as_of)
        ]
        return max(known, key=lambda pair: (pair[0].key, pair[1]), default=None)

    def glossary(self) -> dict[str, str]:
        """Abbreviation -> expansion, from the actors' and issues' records."""
        entries: dict[str, str] = {}
        for actor in sorted(self.actors.values(), key=lambda a: a.id):
            entry = actor.glossary_entry()
            if entry:
                entries.setdefault(*entry)
        for issue in sorted(self.issues.values(), key=lambda i: i.id):
            for item in issue.glossary:
                entries.setdefault(item.abbreviation, item.expansion)
        return dict(sorted(entries.items(), key=lambda kv: kv[0].casefold()))

    def front_matter_for(self, briefing_id: str | None) -> FrontMatter:
        """The workspace's front matter, overridden field by field by the briefing's."""
        base = self.settings.front_matter
        briefing = self.briefings.get(briefing_id) if briefing_id else None
        if briefing is None or briefing.front_matter is None:
            return base
        return briefing.front_matter.over(base)
