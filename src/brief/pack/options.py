"""What a pack run is asked for, and what it reports back."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from brief.corpus import Corpus
from brief.errors import BriefError, InvalidInput, Problem
from brief.output import check_formats
from brief.pack.shard import Shard
from brief.pack.weeks import Week, parse_week, week_of


def brief_files(count: int) -> str:
    return f"{count} brief file{'' if count == 1 else 's'}"


@dataclass(frozen=True)
class PackOptions:
    root: Path
    week: str | None = None
    as_of: dt.date | None = None
    formats: tuple[str, ...] = ("pdf", "docx")
    jobs: int = 1
    out: Path | None = None
    """Folder of packs; the pack goes into `<out>/<week>/` (default `output/packs`)."""
    shard: Shard | None = None
    """Render only this shard's briefings, into `<out>/<week>.shard-K-of-N/`."""


@dataclass
class PackResult:
    folder: Path
    week: Week
    as_of: dt.date
    rendered: list[str] = field(default_factory=list)
    """Brief files (one per brief and format) rendered in this run."""
    cached: list[str] = field(default_factory=list)
    """Brief files kept: their inputs are unchanged."""
    written: list[str] = field(default_factory=list)
    """The pack's other files written in this run: changes.md, the combined PDF."""
    kept: list[str] = field(default_factory=list)
    """The pack's other files kept as they were."""
    failures: list[tuple[str, str, bool]] = field(default_factory=list)
    """(briefing, error, invalid_input)"""

    def summary_line(self, where: str | None = None) -> str:
        """One line for the user; `where` is the folder as it should be shown.

        It counts brief files (a brief has one per format), as the progress lines do,
        and names the pack's other files."""
        where = where or str(self.folder)
        if not self.rendered and not self.written and not self.failures:
            kept = "".join(f", {name}" for name in self.kept)
            return (
                f"pack {self.week.label}: nothing to do, {brief_files(len(self.cached))}"
                f"{kept} up to date, inputs unchanged ({where})"
            )
        line = f"pack {self.week.label}: {brief_files(len(self.rendered))} rendered, "
        line += f"{len(self.cached)} up to date"
        if self.failures:
            line += f", {len(self.failures)} failed"
        if self.written:
            line += f"; wrote {', '.join(self.written)}"
        return f"{line} ({where})"

    def failure_error(self) -> BriefError:
        problems = [
            Problem(file=stem if stem.startswith("(") else f"briefings/{stem}.yaml", message=e)
            for stem, e, _ in self.failures
        ]
        if all(invalid for _, _, invalid in self.failures):
            return InvalidInput(problems)
        return BriefError("\n".join(str(p) for p in problems))


def parse_formats(text: str) -> tuple[str, ...]:
    """`--formats pdf,docx`: the formats, in order, once each."""
    return check_formats([name for name in text.split(",") if name.strip()], "--formats")


def resolve_week(corpus: Corpus, week: str | None, as_of: dt.date | None) -> tuple[Week, dt.date]:
    """The week and cut-off: `--week` (its Sunday), `--as-of`, else the week of the
    default cut-off (the latest day any extract or source date can mean)."""
    if week is not None and as_of is not None:
        raise InvalidInput(Problem(file="<arguments>", message="give --week or --as-of, not both"))
    if week is not None:
        parsed = parse_week(week)
        return parsed, parsed.sunday
    if as_of is not None:
        return week_of(as_of), as_of
    # Not `corpus.extracts`: a pack run again need not read them to find its week.
    default = corpus.default_as_of() if corpus.newest_extract_day() else None
    if default is None:
        raise InvalidInput(Problem(file="seeds/extracts", message="no extracts: give --week"))
    newest = week_of(default)
    return newest, newest.sunday
