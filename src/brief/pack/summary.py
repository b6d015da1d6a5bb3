"""The "what changed since the previous pack" summary, as plain lines.

The same lines become `changes.md` and a section of the pack's cover page.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache
from types import SimpleNamespace
from typing import Any

from brief.assemble.words import printed_words
from brief.corpus import Corpus
from brief.corpus.models import ActorKind, Statement
from brief.pack.snapshot import BriefChanges
from brief.templates import BUILT_IN, make_environment


def _speaker(corpus: Corpus, actor_id: str) -> str:
    return corpus.actors[actor_id].name if actor_id in corpus.actors else actor_id


def _is_outlet(corpus: Corpus, actor_id: str) -> bool:
    actor = corpus.actors.get(actor_id)
    return actor is not None and actor.kind == ActorKind.OUTLET


@cache
def _macros() -> Any:
    """The briefs' own prose macros, so a quote is worded here exactly as in a brief."""
    env = make_environment(BUILT_IN)
    env.globals["cite"] = lambda *items: ""  # changes.md names the extract id instead
    return env.get_template("templates/_macros.md.j2").module


def _words(corpus: Corpus, statement: Statement) -> str:
    """Markdown: “direct words” or *Reported:* the source's account of them, as the
    briefs print them (excerpt, apostrophes, [sic])."""
    view = SimpleNamespace(
        quote=printed_words(statement, corpus), direct=statement.mode == "direct"
    )
    return str(_macros().words(view))


def statement_line(corpus: Corpus, s: Statement) -> str:
    """One new statement as a Markdown line; an outlet's own comment is labelled as such,
    so it is never read as a statement by the brief's subject."""
    when = _md_escape(s.when.text())
    who = _md_escape(_speaker(corpus, s.speaker))
    label = "Outlet's own comment" if _is_outlet(corpus, s.speaker) else "New statement"
    return f"{label}, {when}, {who}: {_words(corpus, s)} {_md_escape(f'[{s.id}]')}"


def _issue_lines(corpus: Corpus, changes: BriefChanges) -> list[str]:
    """Plain text."""
    lines = [
        f"Issue status changed: {_issue_title(corpus, issue)}: {before} → {now}"
        for issue, before, now in changes.status_changes
    ]
    for issue, day in changes.developments:
        title = _issue_title(corpus, issue)
        if changes.since is None or day.first > changes.since:
            lines.append(f"Latest development this week: {title}, {day.text()}")
        else:  # "October 2024" may mean a day of this week, or an earlier one
            lines.append(f"Latest development dated only {day.text()} (may be this week): {title}")
    return lines


NOTHING = "No new statements and no issue developments."


def change_lines(corpus: Corpus, changes: BriefChanges) -> list[str]:
    """Every change, each new statement with its words: Markdown lines for changes.md."""
    lines = [statement_line(corpus, s) for s in changes.new_statements]
    lines += [_md_escape(line) for line in _issue_lines(corpus, changes)]
    return lines or [NOTHING]


def compact_lines(corpus: Corpus, changes: BriefChanges) -> list[str]:
    """Counts by speaker instead of the statements: for the pack's cover page."""
    lines = []
    statements = [s for s in changes.new_statements if not _is_outlet(corpus, s.speaker)]
    comments = [s for s in changes.new_statements if _is_outlet(corpus, s.speaker)]
    for found, singular, plural in (
        (statements, "new statement", "new statements"),
        (comments, "outlet's own comment", "outlets' own comments"),
    ):
        if found:
            speakers = Counter(_speaker(corpus, s.speaker) for s in found)
            by = ", ".join(f"{name} {count}" for name, count in sorted(speakers.items()))
            lines.append(f"{len(found)} {singular if len(found) == 1 else plural} ({by})")
    return lines + _issue_lines(corpus, changes) or [NOTHING]


def _issue_title(corpus: Corpus, issue: str) -> str:
    return corpus.issues[issue].title if issue in corpus.issues else issue


def _md_escape(text: str) -> str:
    return re.sub(r"([\\`*_\[\]<>#|~])", r"\\\1", text)


def changes_markdown(heading: str, intro: str, sections: list[tuple[str, list[str]]]) -> str:
    """`sections`: (brief title, Markdown lines from `change_lines`) in pack order."""
    out = [f"# {_md_escape(heading)}", "", _md_escape(intro), ""]
    for title, lines in sections:
        out += [f"## {_md_escape(title)}", ""]
        out += [f"- {line}" for line in lines]
        out.append("")
    return "\n".join(out)
