"""What `brief validate` demands of evidence: corroboration, sourced roles, dated
statuses, complete judgments, [sic] and plain words; each refusal located."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from brief.corpus import load_corpus
from brief.typography import mark_sic, normalise_apostrophes
from tiny_workspace import edit, line_of, make_workspace, problems, the_problem, write

EXTRACTS = "seeds/extracts/n1-ruge.yaml"
ACTORS = "seeds/actors/actors.yaml"
ISSUES = "seeds/issues/issues.yaml"
JUDGMENTS = "seeds/judgments/judgments.yaml"
SECOND_TEXT = "Ruge in Pristina\n\nRuge met Vjosa Osmani in Pristina on 20 August 2024.\n"


@pytest.fixture
def ws(tmp_path: Path) -> Path:
    return make_workspace(tmp_path / "ws")


def add_second_source(root: Path) -> None:
    """A second outlet reporting the same meeting, as extract `rtk-meeting`."""
    (root / "seeds" / "texts" / "rtk.txt").write_text(SECOND_TEXT, encoding="utf-8")
    sha = hashlib.sha256(SECOND_TEXT.encode("utf-8")).hexdigest()
    write(root, "seeds/sources/rtk.yaml", f"""\
id: rtk
title: Ruge in Pristina
outlet: RTK
published: 2024-08-21
accessed: 2024-10-25
kind: news_report
reliability: B
reliability_note: Public broadcaster.
text: texts/rtk.txt
sha256: {sha}
""", "source")  # fmt: skip
    write(root, "seeds/extracts/rtk.yaml", """\
extracts:
  - id: rtk-meeting
    kind: event
    source: rtk
    date: 2024-08-20
    subjects: [kosovo]
    credibility: 2
    summary: Ruge met Osmani.
    actors: [boris-ruge, vjosa-osmani]
    evidence: "Ruge met Vjosa Osmani in Pristina"
""", "extracts")  # fmt: skip


# ------------------------------------------------------------ corroboration


def test_credibility_1_without_a_second_source_is_refused(ws: Path) -> None:
    edit(ws, EXTRACTS, "    credibility: 2\n    summary:", "    credibility: 1\n    summary:")
    line = line_of(ws, EXTRACTS, "credibility: 1")
    assert the_problem(ws) == (
        f"{EXTRACTS}:{line}:18: extracts[1].credibility: 1 means 'confirmed by other sources': "
        "list the confirming extract of another source in 'corroborated_by', "
        "or grade it 2 or lower"
    )


def test_credibility_1_is_not_confirmed_by_its_own_source(ws: Path) -> None:
    edit(ws, EXTRACTS, "    credibility: 2\n    summary:",
         "    credibility: 1\n    corroborated_by: [ruge-no-vacuum]\n    summary:")  # fmt: skip
    found = problems(ws)
    line = line_of(ws, EXTRACTS, "corroborated_by:")
    assert found == [
        f"{EXTRACTS}:{line - 1}:18: extracts[1].credibility: 1 means 'confirmed by other "
        "sources': list the confirming extract of another source in 'corroborated_by', "
        "or grade it 2 or lower",
        f"{EXTRACTS}:{line}:23: extracts[1].corroborated_by[0]: 'ruge-no-vacuum' is from the "
        "same source 'n1-ruge': confirmation comes from another source",
    ]


def test_credibility_1_confirmed_by_another_source_passes(ws: Path) -> None:
    add_second_source(ws)
    edit(ws, EXTRACTS, "    credibility: 2\n    summary:",
         "    credibility: 1\n    corroborated_by: [rtk-meeting]\n    summary:")  # fmt: skip
    assert problems(ws) == []
    corpus = load_corpus(ws)
    assert corpus.extracts["ruge-meets-osmani"].corroborated_by == ["rtk-meeting"]


# -------------------------------------------------------------------- roles


def test_a_role_end_without_a_source_is_refused(ws: Path) -> None:
    edit(ws, ACTORS, "        end_source: n1-ruge\n", "")
    line = line_of(ws, ACTORS, "end: 2024-08-21")
    assert the_problem(ws) == (
        f"{ACTORS}:{line}:14: actors[2].roles[0].end: no source gives this end date: name it "
        "in 'end_source' (and its words in 'end_evidence'), or leave the end out"
    )


def test_a_role_start_without_a_source_is_refused(ws: Path) -> None:
    edit(
        ws,
        ACTORS,
        "        end: 2024-08-21\n",
        "        start: 2024-08-01\n        end: 2024-08-21\n",
    )
    line = line_of(ws, ACTORS, "start: 2024-08-01")
    assert the_problem(ws).startswith(
        f"{ACTORS}:{line}:16: actors[2].roles[0].start: no source gives this start date"
    )


def test_an_acting_role_needs_words_saying_so(ws: Path) -> None:
    edit(
        ws,
        ACTORS,
        "        end_source: n1-ruge\n",
        "        end_source: n1-ruge\n        acting: true\n",
    )
    line = line_of(ws, ACTORS, "acting: true")
    assert the_problem(ws).startswith(
        f"{ACTORS}:{line}:17: actors[2].roles[0].acting: no source words say the role is held "
        "in an acting capacity"
    )


def test_role_evidence_must_be_in_its_source_verbatim(ws: Path) -> None:
    edit(ws, ACTORS, "        end_source: n1-ruge\n",
         "        end_source: n1-ruge\n        end_evidence: Ruge left NATO\n")  # fmt: skip
    line = line_of(ws, ACTORS, "end_evidence:")
    assert the_problem(ws) == (
        f"{ACTORS}:{line}:23: actors[2].roles[0].end_evidence: not found verbatim in source "
        "'n1-ruge' (matches up to 'Ruge', then differs)"
    )


def test_a_description_source_needs_its_words(ws: Path) -> None:
    edit(ws, ACTORS, "    country: kosovo\n",
         "    country: kosovo\n    description: Kosovo politician.\n"
         "    description_source: n1-ruge\n")  # fmt: skip
    line = line_of(ws, ACTORS, "description_source:")
    assert the_problem(ws).startswith(
        f"{ACTORS}:{line}:25: actors[3].description_source: give the words of the source"
    )


def test_last_reported_is_the_newest_source_known_by_the_cut_off(ws: Path) -> None:
    import datetime as dt

    add_second_source(ws)
    edit(ws, ACTORS, "        sources: [n1-ruge]", "        sources: [rtk, n1-ruge]")
    corpus = load_corpus(ws)
    role = corpus.actors["boris-ruge"].roles[0]
    when, source = corpus.role_last_reported(role, dt.date(2024, 9, 30)) or (None, None)
    assert (when.text() if when else None, source) == ("22 August 2024", "n1-ruge")
    when, source = corpus.role_last_reported(role, dt.date(2024, 8, 21)) or (None, None)
    assert (when.text() if when else None, source) == ("21 August 2024", "rtk")
    assert corpus.role_last_reported(role, dt.date(2024, 8, 1)) is None


# ----------------------------------------------------------- issue statuses


def test_a_status_without_a_date_is_refused(ws: Path) -> None:
    edit(ws, ISSUES, "      - date: 2024-08-20\n        status: active\n",
         "      - status: active\n")  # fmt: skip
    line = line_of(ws, ISSUES, "- status: active")
    assert the_problem(ws) == (
        f"{ISSUES}:{line}:9: issues[0].status_history[0]: missing required field: date"
    )


def test_a_status_without_a_basis_is_refused(ws: Path) -> None:
    edit(ws, ISSUES, "        basis: [ruge-no-vacuum]\n", "")
    line = line_of(ws, ISSUES, "- date: 2024-08-20")
    assert the_problem(ws) == (
        f"{ISSUES}:{line}:9: issues[0].status_history[0]: missing required field: basis"
    )


def test_a_bare_status_is_refused_with_the_field_to_use(ws: Path) -> None:
    edit(ws, ISSUES, "    status_history:\n", "    status: active\n    status_history:\n")
    line = line_of(ws, ISSUES, "status: active")
    assert the_problem(ws) == (
        f"{ISSUES}:{line}:5: issues[0].status: unknown field; did you mean 'status_history'?"
    )


def test_a_status_rests_only_on_what_was_known_by_its_date(ws: Path) -> None:
    edit(ws, ISSUES, "      - date: 2024-08-20", "      - date: 2024-08-19")
    line = line_of(ws, ISSUES, "basis: [ruge-no-vacuum]")
    assert the_problem(ws) == (
        f"{ISSUES}:{line}:17: issues[0].status_history[0].basis[0]: 'ruge-no-vacuum' is dated "
        "2024-08-20, after this assessment (2024-08-19)"
    )


def test_the_current_status_is_the_latest_assessed_by_the_cut_off(ws: Path) -> None:
    import datetime as dt

    edit(ws, ISSUES, "    summary: NATO's", """\
      - date: 2024-09-02
        status: escalating
        assessment: incidents reported
        basis: [ruge-no-vacuum]
    summary: NATO's""")  # fmt: skip
    issue = load_corpus(ws).issues["security"]
    assert issue.status_on(dt.date(2024, 8, 19)) is None
    assert issue.status_on(dt.date(2024, 9, 1)).status == "active"  # type: ignore[union-attr]
    assert issue.status_on(dt.date(2024, 9, 2)).status == "escalating"  # type: ignore[union-attr]
    edit(ws, ISSUES, "      - date: 2024-09-02", "      - date: 2024-08-01")
    line = line_of(ws, ISSUES, "- date: 2024-08-01")
    assert problems(ws) == [
        f"{ISSUES}:{line}:15: issues[0].status_history[1].date: 1 August 2024 is before the "
        "entry above it (20 August 2024): list the history oldest first",
        f"{ISSUES}:{line + 3}:17: issues[0].status_history[1].basis[0]: 'ruge-no-vacuum' is "
        "dated 2024-08-20, after this assessment (2024-08-01)",
    ]


# ---------------------------------------------------------------- judgments


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("    key_assumption: NATO's force planning does not change.\n", "",
         "judgments[0]: missing required field: key_assumption"),
        ("    confidence_basis: One NATO statement on the point.\n", "",
         "judgments[0]: missing required field: confidence_basis"),
        ("    indicators:\n      - A NATO decision on KFOR's strength\n", "    indicators: []\n",
         "judgments[0].indicators: List should have at least 1 item after validation, not 0"),
    ],
)  # fmt: skip
def test_a_judgment_states_basis_assumption_and_indicators(
    ws: Path, old: str, new: str, message: str
) -> None:
    edit(ws, JUDGMENTS, old, new)
    assert message in the_problem(ws)


def test_tool_jargon_in_printed_text_is_refused(ws: Path) -> None:
    edit(ws, JUDGMENTS, "One NATO statement on the point.", "The corpus holds one statement.")
    line = line_of(ws, JUDGMENTS, "confidence_basis:")
    assert the_problem(ws) == (
        f"{JUDGMENTS}:{line}:23: judgments[0].confidence_basis: 'corpus' is the tool's word, "
        "printed in briefs: speak of the reporting (e.g. 'the reporting available'), "
        "not of the corpus"
    )


def test_an_extract_id_in_printed_text_is_refused(ws: Path) -> None:
    note = "    note: A long-standing line, as in ruge-meets-osmani.\n"
    edit(
        ws,
        EXTRACTS,
        "    occasion: visit to Pristina\n",
        "    occasion: visit to Pristina\n" + note,
    )
    line = line_of(ws, EXTRACTS, "note:")
    assert the_problem(ws) == (
        f"{EXTRACTS}:{line}:11: extracts[0].note: 'ruge-meets-osmani' is an extract id, "
        "printed in briefs: name the source instead (e.g. 'the ministry's release on the visit')"
    )


# --------------------------------------------------------- [sic], apostrophes


def test_sic_marks_words_of_the_quote(ws: Path) -> None:
    edit(ws, EXTRACTS, "    occasion: visit to Pristina\n",
         "    occasion: visit to Pristina\n    sic: [vaccum]\n")  # fmt: skip
    line = line_of(ws, EXTRACTS, "sic:")
    assert the_problem(ws) == (
        f"{EXTRACTS}:{line}:11: extracts[0].sic[0]: 'vaccum' is not in the extract's quote"
    )
    edit(ws, EXTRACTS, "sic: [vaccum]", "sic: [vacuum]")
    assert problems(ws) == []


def test_sic_and_apostrophes_are_mended_on_output_only() -> None:
    quote = "the Partnership for Peace (P4P), and NATO´s efforts"
    assert mark_sic(normalise_apostrophes(quote), ["P4P"]) == (
        "the Partnership for Peace (P4P [sic]), and NATO’s efforts"
    )
    assert normalise_apostrophes("´quoted´ and don`t") == "´quoted´ and don’t"


def test_the_pack_reports_a_status_change_from_the_history_alone(ws: Path) -> None:
    from typer.testing import CliRunner

    from brief.cli import app

    edit(ws, ISSUES, "    summary: NATO's", """\
      - date: 2024-08-28
        status: escalating
        assessment: incidents reported
        basis: [ruge-no-vacuum]
    summary: NATO's""")  # fmt: skip
    result = CliRunner().invoke(
        app, ["pack", "--week", "2024-W35", "--formats", "md", "-w", str(ws)], env={"CI": "true"}
    )
    assert result.exit_code == 0, result.output
    changes = (ws / "output" / "packs" / "2024-W35" / "changes.md").read_text("utf-8")
    assert "No pack of 2024-W34 was found" in changes  # no earlier pack on disk
    assert "Issue status changed: Security in the north: active → escalating" in changes


# ---------------------------------------------------------- reported speech


def test_a_paraphrase_starting_with_a_pronoun_names_whom_it_is_about(ws: Path) -> None:
    text = ws / "seeds" / "texts" / "n1-ruge.txt"
    # The fixture's text holds "He met   Vjosa Osmani": a paraphrase starting with "He".
    edit(ws, EXTRACTS, """\
    quote: "We will not allow any type of security vacuum to emerge."
""", """\
    quote: "He met Vjosa Osmani"
    mode: indirect
""")  # fmt: skip
    assert "He met" in text.read_text("utf-8")
    line = line_of(ws, EXTRACTS, "id: ruge-no-vacuum")
    assert the_problem(ws) == (
        f"{EXTRACTS}:{line}:5: extracts[0].refers_to: the paraphrase starts 'He ...', which "
        "out of its paragraph names no one: say whom it is about in 'refers_to' (an actor id)"
    )
    edit(ws, EXTRACTS, "    mode: indirect\n", "    mode: indirect\n    refers_to: boris-ruge\n")
    assert problems(ws) == []


def test_a_quotes_referent_must_have_a_pronoun_to_name(ws: Path) -> None:
    # "We will not allow ..." has no he/she/they: `refers_to` would name nothing.
    edit(ws, EXTRACTS, """\
    quote: "We will not allow any type of security vacuum to emerge."
""", """\
    refers_to: vjosa-osmani
    quote: "We will not allow any type of security vacuum to emerge."
""")  # fmt: skip
    line = line_of(ws, EXTRACTS, "refers_to:")
    assert the_problem(ws) == (
        f"{EXTRACTS}:{line}:16: extracts[0].refers_to: the quote has no 'he', 'she' or "
        "'they' for it to name"
    )


def test_a_role_date_after_its_source_was_published_is_refused(ws: Path) -> None:
    # The fixture's source was published on 22 August: it cannot report an end in September.
    edit(ws, ACTORS, "        end: 2024-08-21\n", "        end: 2024-09-10\n")
    line = line_of(ws, ACTORS, "end: 2024-09-10")
    assert the_problem(ws) == (
        f"{ACTORS}:{line}:14: actors[2].roles[0].end: 2024-09-10 is after its source "
        "'n1-ruge' was published (2024-08-22)"
    )
