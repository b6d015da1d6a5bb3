"""What the analyst sees of speakers and new people: roles in apposition with their
organisation, and which person a bare surname names.

Names, places and organisations below are invented for these tests.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import yaml

from brief.corpus import load_corpus
from brief.corpus.models import ActorsFile, DraftFile
from brief.ingest.add import add_source
from brief.ingest.draft import build_draft, write_draft
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


def _draft(tmp_path: Path, text: str) -> DraftFile:
    source_id = _source(tmp_path, text)
    return build_draft(load_corpus(tmp_path / "ws"), source_id)


def _source(tmp_path: Path, text: str) -> str:
    """A workspace at `tmp_path / "ws"` holding `text` as a source: its id."""
    root = tmp_path / "ws"
    (root / "briefings").mkdir(parents=True)
    (root / "seeds" / "actors").mkdir(parents=True)
    (root / "seeds" / "actors" / "people.yaml").write_text(
        "actors:\n  - {id: vesterby, name: Vesterby, kind: country}\n", encoding="utf-8"
    )
    article = tmp_path / "article.txt"
    article.write_text(text, encoding="utf-8")
    added = add_source(
        root,
        article,
        overrides={"title": "Harbour plan approved", "outlet": "Coastal Courier",
                   "published": "2025-06-10", "kind": "news_report", "reliability": "B"},
        accessed=dt.date(2025, 6, 11),
    )  # fmt: skip
    return added.source.id


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
    draft = _draft(tmp_path, HARBOUR)
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


MILL = (
    "Mill reopens\n"
    "Tomas Lind, the founder of the mill, said on Monday that it would reopen.\n"
    "His wife, Anna Lind, said the family had waited long for this. "
    "“It was a hard start,” Ms. Lind said.\n"
    "Erik Lind, their son, said he would run it. “We are busy,” Lind added.\n"
    "“It was worth every year,” Lind said.\n"
)


def _speakers(text: str) -> dict[str, str | None]:
    found = extract(text, [], [])
    return {text[q.quote.start : q.quote.end]: q.speaker for q in found.quotes}


def test_the_draft_file_claims_no_date_precision_for_an_undated_role(tmp_path: Path) -> None:
    text = HARBOUR + (
        "Ivar Dahl took over as director of the Fjord Trust on 3 June. “We start now,” Dahl said.\n"
    )
    path, _ = write_draft(tmp_path / "ws", _source(tmp_path, text))
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    roles = {a["name"]: a["roles"] for a in data["new_actors"] if a.get("roles")}
    assert "date_precision" not in roles["Mia Strand"][0]
    assert roles["Ivar Dahl"][0]["date_precision"] == "day"
    assert str(roles["Ivar Dahl"][0]["start"]) == "2025-06-03"


def test_a_surname_several_people_share_is_decided_by_honorific_or_paragraph() -> None:
    speakers = _speakers(MILL)
    assert speakers["It was a hard start"] == "anna-lind"  # Ms.: the only woman
    assert speakers["We are busy"] == "erik-lind"  # the Lind this paragraph names


def test_another_persons_full_name_is_not_a_mention_of_a_namesake() -> None:
    text = (
        "Mill reopens\n"
        "Tomas Lind founded the mill in 1990.\n"
        "His son, Erik Lind, took over in 2020, the family said.\n"
    )
    found = extract(text, [], [])
    tomas = text.index("Tomas Lind")
    assert not [m for m in found.mentions if m.actor == "erik-lind" and m.start < tomas + 11]


def test_an_undecided_surname_says_so_in_the_speaker_evidence(tmp_path: Path) -> None:
    draft = _draft(tmp_path, MILL)
    by_quote = {s.quote: s for s in draft.statements}
    undecided = by_quote["It was worth every year"]
    assert undecided.speaker == "tomas-lind"  # the Lind the text introduced first
    assert "guess" in (undecided.speaker_evidence or "")
    assert "Anna Lind and Erik Lind" in (undecided.speaker_evidence or "")
    decided = by_quote["It was a hard start"]
    assert "guess" not in (decided.speaker_evidence or "")


FARM = (
    "Farm sold\n"
    "Karl Brandt, the mayor of Vesterby, sold the farm on Monday. "
    "“It is time,” Brandt said.\n"
    "“He worked hard all his life,” Brandt’s daughter said.\n"
    "“The sale is final,” Brandt’s campaign said.\n"
    "“We will miss the place,” Brandt’s son, Ole Brandt, said.\n"
)


def test_a_possessive_names_whose_relative_speaks_not_the_speaker() -> None:
    found = extract(FARM, [], [])
    speakers = {FARM[q.quote.start : q.quote.end]: q.speaker for q in found.quotes}
    daughter = speakers["He worked hard all his life"]
    assert daughter is not None and daughter != "karl-brandt"
    names = {p.id: p.name for p in found.new_people}
    assert names[daughter] == "unnamed: Brandt’s daughter"
    assert speakers["The sale is final"] == "karl-brandt"  # his campaign speaks for him
    assert speakers["We will miss the place"] == "ole-brandt"  # named in apposition


def test_a_title_ending_a_long_clause_is_the_role_not_the_clause() -> None:
    text = (
        "Harbour vote\n"
        "The plan passed easily, widening the council's lead over former Vesterby "
        "governor Ola Nes, who said the vote was rushed.\n"
        "Tove Aas, who is chairman of the Fjord Trust, said little.\n"
    )
    people = _people(text)
    assert people["Ola Nes"] == "former Vesterby governor"
    assert people["Tove Aas"] is None or "who" not in people["Tove Aas"]


def test_a_title_before_the_name_is_not_split_into_an_organisation(tmp_path: Path) -> None:
    text = (
        "Harbour vote\n"
        "“The vote stands,” said Secretary of State Ivar Dahl on Tuesday.\n"
        "“We are extremely happy,” said Mia Strand, director of the Harbour Union.\n"
        "“We are busy,” said Ole Nes, her son and director of the Nes Mill.\n"
    )
    actors = {a.name: a for a in _draft(tmp_path, text).new_actors}
    assert actors["Ole Nes"].roles == []  # `son and director` is no one title
    assert actors["Ivar Dahl"].role == "Secretary of State"
    assert actors["Ivar Dahl"].roles == []
    assert actors["Mia Strand"].roles[0].organisation == "Harbour Union"


def test_a_registered_surname_is_not_someone_elses_full_name() -> None:
    registry = ActorsFile.model_validate(
        {"actors": [{"id": "karel-brandt", "name": "Karel Brandt", "kind": "person"},
                    {"id": "ola-nes", "name": "Ola Nes", "kind": "person"}]}
    ).actors  # fmt: skip
    text = (
        "Farm sold\n"
        "Karel Brandt sold the farm on Monday. “It is time,” Brandt said.\n"
        "His daughter, Eva Brandt, said she would miss it. “We grew up here,” Eva Brandt said.\n"
        "“It was the right decision,” Brandt said. “It is sad,” Mayor Nes said.\n"
    )
    found = extract(text, list(registry), [])
    speakers = {text[q.quote.start : q.quote.end]: q.speaker for q in found.quotes}
    assert [p.id for p in found.new_people] == ["eva-brandt"]
    assert speakers["We grew up here"] == "eva-brandt"
    assert speakers["It is time"] == "karel-brandt"  # named in full in its paragraph
    assert speakers["It is sad"] == "ola-nes"  # a title before a surname is no other name
    guessed = [m for m in found.mentions if m.namesakes]
    assert [(text[m.start : m.end], m.actor, m.namesakes) for m in guessed] == [
        ("Brandt", "karel-brandt", ("Eva Brandt",))
    ]
