"""The "what changed since the previous pack" summary, as plain lines.

The same lines become `changes.md` and a section of the pack's cover page.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter

from brief.corpus import Corpus
from brief.pack.snapshot import BriefChanges


def long_date(day: dt.date) -> str:
    return f"{day.day} {day:%B %Y}"


def _speaker(corpus: Corpus, actor_id: str) -> str:
    return corpus.actors[actor_id].name if actor_id in corpus.actors else actor_id


def _issue_lines(corpus: Corpus, changes: BriefChanges) -> list[str]:
    lines = [
        f"Issue status changed: {_issue_title(corpus, issue)}: {before} → {now}"
        for issue, before, now in changes.status_changes
    ]
    lines += [
        f"Latest development this week: {_issue_title(corpus, issue)}, {long_date(day)}"
        for issue, day in changes.developments
    ]
    return lines


NOTHING = "No new statements and no issue developments."


def change_lines(corpus: Corpus, changes: BriefChanges) -> list[str]:
    """Every change, each new statement with its words: for changes.md."""
    lines = [
        f"New statement, {long_date(s.date)}, {_speaker(corpus, s.speaker)}: “{s.quote}” [{s.id}]"
        for s in changes.new_statements
    ]
    return lines + _issue_lines(corpus, changes) or [NOTHING]


def compact_lines(corpus: Corpus, changes: BriefChanges) -> list[str]:
    """Counts by speaker instead of the statements: for the pack's cover page."""
    lines = []
    if changes.new_statements:
        speakers = Counter(_speaker(corpus, s.speaker) for s in changes.new_statements)
        by = ", ".join(f"{name} {count}" for name, count in sorted(speakers.items()))
        count = len(changes.new_statements)
        lines.append(f"{count} new statement{'s' if count > 1 else ''} ({by})")
    return lines + _issue_lines(corpus, changes) or [NOTHING]


def _issue_title(corpus: Corpus, issue: str) -> str:
    return corpus.issues[issue].title if issue in corpus.issues else issue


def _md_escape(text: str) -> str:
    return re.sub(r"([\\`*_\[\]<>#|~])", r"\\\1", text)


def changes_markdown(heading: str, intro: str, sections: list[tuple[str, list[str]]]) -> str:
    """`sections`: (brief title, lines) in pack order."""
    out = [f"# {_md_escape(heading)}", "", _md_escape(intro), ""]
    for title, lines in sections:
        out += [f"## {_md_escape(title)}", ""]
        out += [f"- {_md_escape(line)}" for line in lines]
        out.append("")
    return "\n".join(out)
