"""Loading the corpus: every kind of bad input is one located problem, all at once."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from brief.corpus import load_corpus
from brief.errors import InvalidInput
from tiny_workspace import edit, line_of, make_workspace, problems, the_problem, write

EXTRACTS = "seeds/extracts/n1-ruge.yaml"
ACTORS = "seeds/actors/actors.yaml"
SOURCE = "seeds/sources/n1-ruge.yaml"
JUDGMENTS = "seeds/judgments/judgments.yaml"
EVENT_DATE = "    date: 2024-08-20\n    subjects: [kosovo, boris-ruge]"


@pytest.fixture
def ws(tmp_path: Path) -> Path:
    return make_workspace(tmp_path)


def test_the_tiny_workspace_is_valid(ws: Path) -> None:
    corpus = load_corpus(ws)
    assert corpus.counts() == {
        "sources": 1,
        "actors": 4,
        "extracts": 2,
        "issues": 1,
        "judgments": 1,
        "briefings": 1,
    }
    assert corpus.texts["n1-ruge"].startswith("Ruge visits Pristina")
    assert corpus.extracts["ruge-no-vacuum"].speaker == "boris-ruge"
    assert "seeds/texts/n1-ruge.txt" in corpus.input_files


def test_invalid_input_carries_every_problem(ws: Path) -> None:
    edit(ws, EXTRACTS, "credibility: 2", "credibility: 9")
    edit(ws, ACTORS, "kind: country", "kind: nation")
    with pytest.raises(InvalidInput) as caught:
        load_corpus(ws)
    assert [p.file for p in caught.value.problems] == [ACTORS, EXTRACTS]


# ------------------------------------------------------------- YAML level


def test_malformed_yaml_is_located(ws: Path) -> None:
    edit(ws, EXTRACTS, "    subjects: [kosovo]\n", "    subjects: [kosovo\n")
    problem = the_problem(ws)
    assert problem.startswith(f"{EXTRACTS}:")
    assert "invalid YAML" in problem


def test_non_utf8_file_names_line_and_byte(ws: Path) -> None:
    path = ws / ACTORS
    path.write_bytes(path.read_bytes().replace(b"name: NATO", b"name: NAT\xd6"))
    line = line_of_bytes(path.read_bytes(), b"NAT\xd6")
    assert the_problem(ws) == (
        f"{ACTORS}:{line}:14: not valid UTF-8 (byte 0xd6); save the file as UTF-8"
    )


def line_of_bytes(raw: bytes, needle: bytes) -> int:
    return raw[: raw.index(needle)].count(b"\n") + 1


def test_empty_file(ws: Path) -> None:
    (ws / JUDGMENTS).write_bytes(b"")
    problem = the_problem(ws)
    assert problem == f"{JUDGMENTS}:1:1: file holds no data"


def test_comment_only_file_is_empty_too(ws: Path) -> None:
    write(ws, JUDGMENTS, "# nothing yet\n", "judgments")
    assert the_problem(ws) == f"{JUDGMENTS}:1:1: file holds no data"


def test_python_object_tag_is_refused_not_built(ws: Path, tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    edit(
        ws,
        JUDGMENTS,
        "    horizon: through 2025",
        f"    horizon: !!python/object/apply:os.system ['touch {marker}']",
    )
    problem = the_problem(ws)
    line = line_of(ws, JUDGMENTS, "horizon:")
    assert problem.startswith(f"{JUDGMENTS}:{line}:14: YAML tag '!!python/object/apply:os.system'")
    assert "not allowed" in problem
    assert not marker.exists()


def test_duplicate_key_is_reported_with_both_lines(ws: Path) -> None:
    edit(ws, SOURCE, "outlet: N1\n", "outlet: N1\noutlet: N2\n")
    first = line_of(ws, SOURCE, "outlet: N1")
    assert the_problem(ws) == (
        f"{SOURCE}:{first + 1}:1: outlet: duplicate key (first at line {first}); "
        "YAML keeps only one"
    )


def test_wrong_top_level_shape(ws: Path) -> None:
    write(ws, ACTORS, "- id: kosovo\n  name: Kosovo\n", "actors")
    found = problems(ws)
    assert f"{ACTORS}:2:1: expected a mapping of records under 'actors:', found a list" in found


def test_list_key_holding_a_mapping(ws: Path) -> None:
    write(ws, JUDGMENTS, "judgments:\n  id: x\n", "judgments")
    assert the_problem(ws) == (
        f"{JUDGMENTS}:3:3: judgments: expected a list of records, found a mapping"
    )


def test_impossible_date_is_located(ws: Path) -> None:
    edit(ws, EXTRACTS, "date: 2024-08-20", "date: 2024-02-30")
    line = line_of(ws, EXTRACTS, "2024-02-30")
    problem = the_problem(ws)
    assert problem.startswith(f"{EXTRACTS}:{line}:11: extracts[0].date: invalid value '2024-02-30'")
    assert "not a date" in problem


def test_impossible_date_does_not_hide_the_files_other_problems(ws: Path) -> None:
    edit(ws, JUDGMENTS, "made: 2024-10-01", "made: 2024-02-30\n    colour: red")
    edit(ws, JUDGMENTS, "likelihood: likely", "likelihood: improbable")
    made = line_of(ws, JUDGMENTS, "made:")
    assert problems(ws) == [
        f"{JUDGMENTS}:{line_of(ws, JUDGMENTS, 'likelihood:')}:17: judgments[0].likelihood: "
        "Input should be 'almost no chance', 'very unlikely', 'unlikely', 'roughly even chance', "
        "'likely', 'very likely' or 'almost certain' (got 'improbable')",
        f"{JUDGMENTS}:{made}:11: judgments[0].made: invalid value '2024-02-30': "
        "not a date (day value is outside expected range)",
        f"{JUDGMENTS}:{made + 1}:5: judgments[0].colour: unknown field; allowed here: id, "
        "subjects, issues, text, likelihood, confidence, confidence_basis, key_assumption, "
        "horizon, made, key, basis, indicators",
    ]


def test_timestamp_tag_on_a_non_date_is_a_located_problem(ws: Path) -> None:
    edit(ws, JUDGMENTS, "made: 2024-10-01", "made: !!timestamp soon")
    line = line_of(ws, JUDGMENTS, "made:")
    assert the_problem(ws).startswith(
        f"{JUDGMENTS}:{line}:11: judgments[0].made: invalid value 'soon': not a date"
    )


def test_schema_line_naming_the_wrong_schema(ws: Path) -> None:
    path = ws / ACTORS
    path.write_text(path.read_text().replace("actors.schema.json", "extracts.schema.json", 1))
    assert the_problem(ws) == (
        f"{ACTORS}:1:33: names the wrong schema '../../schemas/extracts.schema.json': "
        "a seeds/actors/ file uses '../../schemas/actors.schema.json'"
    )


def test_schema_line_is_optional(ws: Path) -> None:
    path = ws / ACTORS
    path.write_text(path.read_text().split("\n", 1)[1])
    assert problems(ws) == []


# ----------------------------------------------------------- schema level


def test_wrong_value_points_at_the_field(ws: Path) -> None:
    edit(ws, EXTRACTS, "credibility: 2", "credibility: 9")
    line = line_of(ws, EXTRACTS, "credibility: 9")
    assert the_problem(ws) == (
        f"{EXTRACTS}:{line}:18: extracts[0].credibility: "
        "Input should be less than or equal to 6 (got 9)"
    )


def test_unknown_field_points_at_the_key_and_suggests(ws: Path) -> None:
    edit(ws, EXTRACTS, "    occasion:", "    ocasion:")
    line = line_of(ws, EXTRACTS, "ocasion:")
    record = line_of(ws, EXTRACTS, "id: ruge-no-vacuum")
    assert problems(ws) == [
        f"{EXTRACTS}:{record}:5: extracts[0]: missing required field: occasion",
        f"{EXTRACTS}:{line}:5: extracts[0].ocasion: unknown field; did you mean 'occasion'?",
    ]


def test_unknown_field_lists_the_allowed_ones(ws: Path) -> None:
    edit(ws, ACTORS, "        end: 2024-08-21\n", "        end: 2024-08-21\n        xyz: 1\n")
    line = line_of(ws, ACTORS, "xyz:")
    assert the_problem(ws) == (
        f"{ACTORS}:{line}:9: actors[2].roles[0].xyz: unknown field; allowed here: "
        "title, organisation, start, start_precision, start_source, start_evidence, end, "
        "end_precision, end_source, end_evidence, acting, sources, note"
    )


def test_missing_fields_are_one_problem_at_the_record(ws: Path) -> None:
    edit(ws, EXTRACTS, "    speaker: boris-ruge\n", "")
    edit(ws, EXTRACTS, "    occasion: visit to Pristina\n", "")
    line = line_of(ws, EXTRACTS, "id: ruge-no-vacuum")
    assert the_problem(ws) == (
        f"{EXTRACTS}:{line}:5: extracts[0]: missing required fields: speaker, occasion"
    )


def test_missing_kind(ws: Path) -> None:
    edit(ws, EXTRACTS, "    kind: event\n", "")
    line = line_of(ws, EXTRACTS, "id: ruge-meets-osmani")
    assert the_problem(ws) == (
        f"{EXTRACTS}:{line}:5: extracts[1]: missing 'kind': one of statement, event, fact"
    )


def test_model_rule_is_located_at_its_field(ws: Path) -> None:
    edit(
        ws,
        ACTORS,
        "        end: 2024-08-21\n",
        "        start: 2024-10-01\n        end: 2024-08-21\n",
    )
    line = line_of(ws, ACTORS, "end: 2024-08-21")
    assert the_problem(ws) == (
        f"{ACTORS}:{line}:14: actors[2].roles[0].end: role ends (2024-08-21) before it starts "
        "(2024-10-01)"
    )


@pytest.mark.parametrize("marking", ["NATO UNCLASSIFIED", "nato  unclassified", "NATO RESTRICTED"])
def test_nato_markings_are_refused(ws: Path, marking: str) -> None:
    write(
        ws,
        "briefings/kosovo.yaml",
        f"subject: kosovo\nkind: country\nmarking: {marking}\n",
        "briefing",
    )
    assert the_problem(ws) == (
        f"briefings/kosovo.yaml:4:10: marking: '{marking}' is a NATO security marking, "
        "for information NATO owns; an open-source brief is marked e.g. UNCLASSIFIED, "
        "PUBLIC or TLP:CLEAR"
    )


def test_open_source_markings_are_fine(ws: Path) -> None:
    for marking in ("UNCLASSIFIED", "PUBLIC", "TLP:CLEAR"):
        write(
            ws,
            "briefings/kosovo.yaml",
            f"subject: kosovo\nkind: country\nmarking: {marking}\n",
            "briefing",
        )
        assert problems(ws) == []


def test_a_broken_record_does_not_hide_the_others(ws: Path) -> None:
    """One bad extract: the other extract of the file is still checked and
    references to the bad one are not reported as unknown."""
    edit(ws, EXTRACTS, "credibility: 2", "credibility: high")
    edit(ws, EXTRACTS, 'evidence: "He met Vjosa', 'evidence: "He greeted Vjosa')
    found = problems(ws)
    assert len(found) == 2, found
    assert "extracts[0].credibility" in found[0]
    assert "extracts[1].evidence: not found verbatim" in found[1]


# ---------------------------------------------------------- cross checks


def test_duplicate_id_across_files_names_both(ws: Path) -> None:
    write(
        ws,
        "seeds/actors/more.yaml",
        "actors:\n  - id: nato\n    name: NATO again\n    kind: organisation\n",
        "actors",
    )
    found = problems(ws)
    first = line_of(ws, ACTORS, "id: nato")
    assert found == [
        f"{ACTORS}:{first}:9: actors[1].id: duplicate id 'nato' "
        "(also at seeds/actors/more.yaml:3:9)",
        f"seeds/actors/more.yaml:3:9: actors[0].id: duplicate id 'nato' "
        f"(also at {ACTORS}:{first}:9)",
    ]


def test_duplicate_id_in_one_file(ws: Path) -> None:
    edit(ws, EXTRACTS, "id: ruge-meets-osmani", "id: ruge-no-vacuum")
    lines = (ws / EXTRACTS).read_text().splitlines()
    first, second = (n for n, line in enumerate(lines, 1) if "id: ruge-no-vacuum" in line)
    assert problems(ws) == [
        f"{EXTRACTS}:{first}:9: extracts[0].id: duplicate id 'ruge-no-vacuum' "
        f"(also at {EXTRACTS}:{second}:9)",
        f"{EXTRACTS}:{second}:9: extracts[1].id: duplicate id 'ruge-no-vacuum' "
        f"(also at {EXTRACTS}:{first}:9)",
    ]


@pytest.mark.parametrize(
    ("rel", "old", "new", "field", "message"),
    [
        (
            EXTRACTS,
            "source: n1-ruge",
            "source: n1-rug",
            "extracts[0].source",
            "unknown source 'n1-rug'; did you mean 'n1-ruge'?",
        ),
        (
            EXTRACTS,
            "speaker: boris-ruge",
            "speaker: boris-rugee",
            "extracts[0].speaker",
            "unknown actor 'boris-rugee'; did you mean 'boris-ruge'?",
        ),
        (
            EXTRACTS,
            "subjects: [kosovo]",
            "subjects: [kosova]",
            "extracts[0].subjects[0]",
            "unknown actor 'kosova'; did you mean 'kosovo'?",
        ),
        (
            EXTRACTS,
            "issues: [security]",
            "issues: [elections]",
            "extracts[0].issues[0]",
            "unknown issue 'elections'",
        ),
        (
            EXTRACTS,
            "actors: [boris-ruge, vjosa-osmani]",
            "actors: [boris-ruge, hashim-thaci]",
            "extracts[1].actors[1]",
            "unknown actor 'hashim-thaci'",
        ),
        (
            ACTORS,
            "organisation: nato",
            "organisation: eu",
            "actors[2].roles[0].organisation",
            "unknown actor 'eu'",
        ),
        (
            ACTORS,
            "sources: [n1-ruge]",
            "sources: [rferl]",
            "actors[2].roles[0].sources[0]",
            "unknown source 'rferl'",
        ),
        (
            ACTORS,
            "country: kosovo",
            "country: serbia",
            "actors[3].country",
            "unknown actor 'serbia'",
        ),
        (
            ACTORS,
            "country: kosovo",
            "country: nato",
            "actors[3].country",
            "'nato' is a organisation, not a country",
        ),
        (
            "seeds/issues/issues.yaml",
            "evidence: [ruge-no-vacuum]",
            "evidence: [nothing-here]",
            "issues[0].evidence[0]",
            "unknown extract 'nothing-here'",
        ),
        (
            "seeds/issues/issues.yaml",
            "subjects: [kosovo]",
            "subjects: [kosovo, bih]",
            "issues[0].subjects[1]",
            "unknown actor 'bih'",
        ),
        (
            JUDGMENTS,
            "basis: [ruge-no-vacuum]",
            "basis: [ruge-no-vacum]",
            "judgments[0].basis[0]",
            "unknown extract 'ruge-no-vacum'; did you mean 'ruge-no-vacuum'?",
        ),
        (
            JUDGMENTS,
            "issues: [security]",
            "issues: [bridge]",
            "judgments[0].issues[0]",
            "unknown issue 'bridge'",
        ),
        (
            JUDGMENTS,
            "subjects: [kosovo]",
            "subjects: [montenegro]",
            "judgments[0].subjects[0]",
            "unknown actor 'montenegro'",
        ),
        (
            "briefings/kosovo.yaml",
            "subject: kosovo",
            "subject: kosova",
            "subject",
            "unknown actor 'kosova'; did you mean 'kosovo'?",
        ),
    ],
)
def test_dangling_reference(
    ws: Path, rel: str, old: str, new: str, field: str, message: str
) -> None:
    edit(ws, rel, old, new)
    line = line_of(ws, rel, new)
    problem = the_problem(ws)
    assert problem.startswith(f"{rel}:{line}:")
    assert problem.endswith(f": {field}: {message}")


def test_person_brief_of_a_country(ws: Path) -> None:
    edit(ws, "briefings/kosovo.yaml", "kind: country", "kind: person")
    assert the_problem(ws) == (
        "briefings/kosovo.yaml:2:10: subject: a person brief needs a person actor; "
        "'kosovo' is a country"
    )


def test_extract_after_its_source(ws: Path) -> None:
    edit(ws, EXTRACTS, EVENT_DATE, EVENT_DATE.replace("2024-08-20", "2024-08-23"))
    assert the_problem(ws).endswith(
        "extracts[1].date: 2024-08-23 is after its source 'n1-ruge' was published (2024-08-22)"
    )


def test_month_precision_allows_the_whole_month(ws: Path) -> None:
    edit(ws, SOURCE, "published: 2024-08-22", "published: 2024-08-01\npublished_precision: month")
    edit(ws, EXTRACTS, EVENT_DATE, EVENT_DATE.replace("2024-08-20", "2024-08-31"))
    assert problems(ws) == []
    edit(ws, EXTRACTS, "date: 2024-08-31", "date: 2024-09-01")
    assert "is after its source 'n1-ruge' was published (August 2024)" in the_problem(ws)


def test_implausible_dates(ws: Path) -> None:
    edit(ws, EXTRACTS, "date: 2024-08-20", "date: 1024-08-20")
    edit(ws, SOURCE, "accessed: 2024-10-25", "accessed: 2024-08-21")
    found = problems(ws)
    assert any("extracts[0].date: 1024-08-20 is before 1900-01-01" in p for p in found)
    assert any("accessed: accessed 2024-08-21 before it was published" in p for p in found)
    assert any("more than five years before its source" in p for p in found)


def test_issue_evidence_after_its_last_development(ws: Path) -> None:
    edit(
        ws,
        "seeds/issues/issues.yaml",
        "last_development: 2024-08-20",
        "last_development: 2024-08-19",
    )
    assert the_problem(ws).endswith(
        "issues[0].evidence[0]: 'ruge-no-vacuum' is dated 2024-08-20, "
        "after the issue's last_development (2024-08-19)"
    )


def test_judgment_made_before_its_basis(ws: Path) -> None:
    edit(ws, JUDGMENTS, "made: 2024-10-01", "made: 2024-08-01")
    assert the_problem(ws).endswith(
        "judgments[0].basis[0]: 'ruge-no-vacuum' is dated 2024-08-20, "
        "after the judgment was made (2024-08-01)"
    )


# --------------------------------------------------------------- sources


def test_missing_text_file(ws: Path) -> None:
    (ws / "seeds/texts/n1-ruge.txt").unlink()
    line = line_of(ws, SOURCE, "text:")
    assert the_problem(ws) == (f"{SOURCE}:{line}:7: text: file not found: seeds/texts/n1-ruge.txt")


def test_text_outside_seeds(ws: Path) -> None:
    edit(ws, SOURCE, "text: texts/n1-ruge.txt", "text: ../../etc/passwd")
    assert the_problem(ws).endswith("text: must be a path inside seeds/")


def test_changed_text_breaks_its_sha256(ws: Path) -> None:
    path = ws / "seeds/texts/n1-ruge.txt"
    changed = path.read_bytes().replace(b"Pristina\n", b"Prishtina\n", 1)
    path.write_bytes(changed)
    line = line_of(ws, SOURCE, "sha256:")
    assert the_problem(ws) == (
        f"{SOURCE}:{line}:9: sha256: does not match seeds/texts/n1-ruge.txt "
        f"(its sha256 is {hashlib.sha256(changed).hexdigest()}): the raw text must stay untouched"
    )


def test_non_utf8_text_file(ws: Path) -> None:
    path = ws / "seeds/texts/n1-ruge.txt"
    raw = path.read_bytes().replace("“".encode(), b"\x93")
    path.write_bytes(raw)
    edit(ws, SOURCE, "sha256: ", "sha256: " + hashlib.sha256(raw).hexdigest() + "\n#")
    assert the_problem(ws) == (
        "seeds/texts/n1-ruge.txt:3:23: not valid UTF-8 (byte 0x93); save the file as UTF-8"
    )


def test_stray_yml_file_is_not_ignored_silently(ws: Path) -> None:
    write(ws, "seeds/extracts/more.yml", "extracts: []\n")
    assert the_problem(ws) == "seeds/extracts/more.yml: not read: brief reads *.yaml files only"


def test_not_a_workspace(tmp_path: Path) -> None:
    assert problems(tmp_path) == [f"{tmp_path}: no seeds/ folder here: not a brief workspace"]


def test_problems_with_and_without_a_position_sort_together() -> None:
    from brief.errors import Problem

    unordered = [Problem("a.yaml", 3, 1, "x", "late"), Problem("a.yaml", message="whole file")]
    assert [p.message for p in sorted(unordered)] == ["whole file", "late"]


@pytest.mark.parametrize(
    ("bad_line", "column", "hint"),
    [
        ("    occasion: visit: Pristina", 20, "a value holding ': ' must be in quotes"),
        ("\toccasion: visit to Pristina", 1, "indent with spaces, not tabs"),
        ('    occasion: "visit "Pristina" now"', 23, "a quotation mark inside a quoted value"),
        ("    occasion: @Pristina", 15, "a value starting with '@' must be in quotes"),
    ],
)
def test_common_yaml_mistakes_come_with_their_fix(
    ws: Path, bad_line: str, column: int, hint: str
) -> None:
    edit(ws, EXTRACTS, "    occasion: visit to Pristina", bad_line)
    line = line_of(ws, EXTRACTS, bad_line.strip())
    problem = the_problem(ws)
    assert problem.startswith(f"{EXTRACTS}:{line}:{column}: invalid YAML: ")
    assert hint in problem


def test_unclosed_quote_names_the_line_it_starts_on(ws: Path) -> None:
    """The parser fails lines later, at the next quotation mark; the fix is
    where the quoted value starts."""
    edit(ws, EXTRACTS, 'emerge."', "emerge.")
    start = line_of(ws, EXTRACTS, "quote:")
    failing = line_of(ws, EXTRACTS, 'evidence: "')
    problem = the_problem(ws)
    assert problem.startswith(f"{EXTRACTS}:{failing}:16: invalid YAML: ")
    assert f"the quoted value starting at line {start}, column 12" in problem
    assert 'probably missing its closing "' in problem


def test_unclosed_quote_at_the_end_names_the_line_it_starts_on(ws: Path) -> None:
    edit(ws, EXTRACTS, 'evidence: "He met Vjosa Osmani in Pristina"', 'evidence: "He met')
    start = line_of(ws, EXTRACTS, "evidence:")
    problem = the_problem(ws)
    assert "found unexpected end of stream" in problem
    assert f"while scanning a quoted scalar started at line {start}, column 15" in problem
    assert f"the quoted value starting at line {start}, column 15 is probably missing" in problem


def test_a_quoted_value_over_two_lines_is_not_called_unclosed(ws: Path) -> None:
    edit(
        ws,
        EXTRACTS,
        "    occasion: visit to Pristina",
        '    occasion: "visit to\n      Pristina" x',
    )
    problem = the_problem(ws)
    assert "invalid YAML" in problem
    assert "closing" not in problem


def test_invalid_mapping_key_points_at_the_key(ws: Path) -> None:
    write(
        ws,
        "briefings/kosovo.yaml",
        "subject: kosovo\nkind: country\ntemplates:\n  outlok: templates/outlook.md.j2\n",
        "briefing",
    )
    problem = the_problem(ws)
    assert problem.startswith("briefings/kosovo.yaml:5:3: templates.outlok: Input should be ")


def test_section_listed_twice(ws: Path) -> None:
    write(
        ws,
        "briefings/kosovo.yaml",
        "subject: kosovo\nkind: country\nsections: [outlook, actors, outlook]\n",
        "briefing",
    )
    assert the_problem(ws) == ("briefings/kosovo.yaml:4:29: sections[2]: 'outlook' is listed twice")


def test_missing_template_override(ws: Path) -> None:
    write(
        ws,
        "briefings/kosovo.yaml",
        "subject: kosovo\nkind: country\ntemplates:\n  outlook: templates/mine.md.j2\n",
        "briefing",
    )
    assert the_problem(ws) == (
        "briefings/kosovo.yaml:5:12: templates.outlook: template not found: "
        "briefings/templates/mine.md.j2"
    )


@pytest.mark.parametrize("url", ["n1info.rs/ruge", "ftp://n1info.rs/x", "https://n1 info.rs"])
def test_source_url_must_be_a_web_address(ws: Path, url: str) -> None:
    edit(ws, SOURCE, "outlet: N1\n", f"outlet: N1\nurl: {url}\n")
    assert the_problem(ws) == (
        f"{SOURCE}:{line_of(ws, SOURCE, 'url:')}:6: url: not a web address (http:// or https://)"
    )


def test_two_sources_sharing_one_text(ws: Path) -> None:
    body = (ws / SOURCE).read_text().replace("id: n1-ruge", "id: n1-ruge-copy")
    (ws / "seeds/sources/n1-ruge-copy.yaml").write_text(body)
    assert the_problem(ws) == (  # reported on the second in file order
        f"{SOURCE}:{line_of(ws, SOURCE, 'text:')}:7: text: "
        "'texts/n1-ruge.txt' is already the text of source 'n1-ruge-copy'"
    )
