"""The "what changed since the previous pack" summary, as plain lines.

The same lines become `changes.md` and a section of the pack's cover page.
"""

from __future__ import annotations

import datetime as dt
import re

from brief.corpus import Corpus
from brief.pack.snapshot import BriefChanges


def long_date(day: dt.date) -> str:
    return f"{day.day} {day:%B %Y}"


def change_lines(corpus: Corpus, changes: BriefChanges) -> list[str]:
    lines = []
    for s in changes.new_statements:
        speaker = corpus.actors[s.speaker].name if s.speaker in corpus.actors else s.speaker
        lines.append(
            f"New statement, {long_date(s.date)}: {speaker} ({s.occasion}): “{s.quote}” [{s.id}]"
        )
    for issue, before, now in changes.status_changes:
        lines.append(f"Issue status changed: {_issue_title(corpus, issue)}: {before} → {now}")
    for issue, day in changes.developments:
        lines.append(
            f"Latest development this week: {_issue_title(corpus, issue)}, {long_date(day)}"
        )
    return lines or ["No new statements and no issue developments."]


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
