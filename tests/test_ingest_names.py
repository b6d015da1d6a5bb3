"""What the analyst sees of speakers and new people: roles in apposition with their
organisation, and which person a bare surname names.

Names, places and organisations below are invented for these tests.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from brief.corpus import load_corpus
from brief.ingest.add import add_source
from brief.ingest.draft import build_draft
from brief.ingest.extract import extract

HARBOUR = (
    "Harbour plan approved\n"
    "The council of Vesterby approved the harbour plan on Tuesday.\n"
    "“We are extremely happy,” said Mia Strand, director of the Harbour Union, "
    "a group that backed the plan.\n"
    "Jonas Berg, executive director of the Fjord Trust, said the vote was overdue. "
    "“It took too long,” Berg said.\n"
    "“We will appeal,” said Lena Holm, spokeswoman for the Coastal Alliance.\n"
)


def _people(text: str) -> dict[str, str | None]:
    return {p.name: p.role for p in extract(text, [], []).new_people}


def test_a_role_in_apposition_without_an_article_is_the_new_persons_role() -> None:
    people = _people(HARBOUR)
    assert people["Mia Strand"] == "director of the Harbour Union"
    assert people["Jonas Berg"] == "executive director of the Fjord Trust"
    assert people["Lena Holm"] == "spokeswoman for the Coastal Alliance"


def test_the_organisation_in_a_role_is_not_proposed_as_a_person() -> None:
    people = _people(HARBOUR)
    assert "Fjord Trust" not in people and "Harbour Union" not in people
    text = (
        "Budget row\n"
        "“The figures do not add up,” Ola Nes, a former director of the independent "
        "Norrland Budget Office, said on Monday.\n"
    )
    assert "Norrland Budget" not in _people(text)


def test_the_draft_shows_the_apposed_role_with_its_organisation_and_no_date(
    tmp_path: Path,
) -> None:
    root = tmp_path / "ws"
    (root / "briefings").mkdir(parents=True)
    (root / "seeds" / "actors").mkdir(parents=True)
    (root / "seeds" / "actors" / "people.yaml").write_text(
        "actors:\n  - {id: vesterby, name: Vesterby, kind: country}\n", encoding="utf-8"
    )
    article = tmp_path / "article.txt"
    article.write_text(HARBOUR, encoding="utf-8")
    added = add_source(
        root,
        article,
        overrides={"title": "Harbour plan approved", "outlet": "Coastal Courier",
                   "published": "2025-06-10", "kind": "news_report", "reliability": "B"},
        accessed=dt.date(2025, 6, 11),
    )  # fmt: skip
    draft = build_draft(load_corpus(root), added.source.id)
    actors = {a.name: a for a in draft.new_actors}
    strand = actors["Mia Strand"]
    assert strand.role == "director"
    [role] = strand.roles
    assert (role.title, role.organisation, role.start, role.end) == (
        "director",
        "Harbour Union",
        None,
        None,
    )
    assert "said Mia Strand, director of the Harbour Union" in role.evidence
    holm = actors["Lena Holm"].roles[0]
    assert (holm.title, holm.organisation) == ("spokeswoman", "Coastal Alliance")
