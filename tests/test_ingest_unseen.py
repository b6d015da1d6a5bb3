"""The failure classes of issue 13, each on text written for its test.

Names, places and organisations below are invented for these tests.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from typer.testing import CliRunner

from brief.cli import app
from brief.corpus.models import Actor, ActorsFile
from brief.errors import InvalidInput
from brief.ingest.add import add_source
from brief.ingest.boilerplate import find_boilerplate
from brief.ingest.draft import build_draft
from brief.ingest.evidence import speaker_evidence
from brief.ingest.extract import extract
from brief.ingest.quotes import Attributed

REGISTRY = ActorsFile.model_validate(
    {
        "actors": [
            {"id": "ossu", "name": "OSSU", "kind": "organisation",
             "aliases": ["Organisation for Safety in the Southern Uplands"]},
            {"id": "ossu-mission", "name": "OSSU mission", "kind": "mission"},
            {"id": "karel-brandt", "name": "Karel Brandt", "kind": "person"},
            {"id": "marta-ilic", "name": "Marta Ilić", "kind": "person"},
        ]
    }
).actors  # fmt: skip


def quotes(text: str, actors: list[Actor] | None = None) -> list[tuple[str, str | None, str]]:
    found = extract(text, REGISTRY if actors is None else actors, find_boilerplate(text))
    return [(text[q.quote.start : q.quote.end], q.speaker, q.rule) for q in found.quotes]


def speaker_of(text: str, words: str, actors: list[Actor] | None = None) -> str | None:
    for quote, speaker, _ in quotes(text, actors):
        if words in quote:
            return speaker
    raise AssertionError(f"no quote holding {words!r}: {quotes(text, actors)}")


NEW_ENVOY = (
    "Harbour talks resume\n"
    "Anneke de Vries took over as special representative of the OSSU on 3 June, "
    "succeeding Tomas Halvorsen, who retired after four years in the post.\n"
    '"The first weeks will be about listening to both communities," de Vries said.\n'
    'Halvorsen had warned in May that the talks were stalling. "Nobody should expect '
    'a quick deal," he said at the time.\n'
    'De Vries said the border crossings would be reviewed. "We will publish the review '
    'in full," she said.\n'
)


def test_a_person_introduced_mid_text_is_proposed_and_later_mentions_point_at_her() -> None:
    found = extract(NEW_ENVOY, REGISTRY, [])
    people = {p.id: p for p in found.new_people}
    assert "anneke-de-vries" in people and "tomas-halvorsen" in people
    assert not [p for p in people if p.startswith("de-vries")], "no duplicate for `De Vries`"
    assert speaker_of(NEW_ENVOY, "listening to both") == "anneke-de-vries"
    assert speaker_of(NEW_ENVOY, "publish the review") == "anneke-de-vries"
    assert speaker_of(NEW_ENVOY, "quick deal") == "tomas-halvorsen"


def _workspace(tmp_path: Path, text: str, published: str = "2025-06-10") -> tuple[Path, str]:
    root = tmp_path / "ws"
    (root / "briefings").mkdir(parents=True)
    (root / "seeds" / "actors").mkdir(parents=True)
    (root / "seeds" / "actors" / "people.yaml").write_text(
        "actors:\n"
        "  - {id: ossu, name: OSSU, kind: organisation}\n"
        "  - {id: karel-brandt, name: Karel Brandt, kind: person}\n",
        encoding="utf-8",
    )
    article = tmp_path / "article.txt"
    article.write_text(text, encoding="utf-8")
    added = add_source(
        root,
        article,
        overrides={"title": "Harbour talks resume", "outlet": "Coastal Courier",
                   "published": published, "kind": "news_report", "reliability": "B"},
        accessed=dt.date(2025, 6, 11),
    )  # fmt: skip
    return root, added.source.id


def test_the_draft_proposes_dated_roles_with_organisation_and_evidence(tmp_path: Path) -> None:
    from brief.corpus import load_corpus

    root, source_id = _workspace(tmp_path, NEW_ENVOY)
    draft = build_draft(load_corpus(root), source_id)
    actors = {a.id: a for a in draft.new_actors}
    envoy = actors["anneke-de-vries"].roles[0]
    assert (envoy.title, envoy.organisation, envoy.start) == (
        "special representative",
        "OSSU",
        dt.date(2025, 6, 3),
    )
    assert "took over as special representative" in envoy.evidence
    predecessor = actors["tomas-halvorsen"].roles[0]
    assert (predecessor.title, predecessor.end, predecessor.start) == (
        "special representative",
        dt.date(2025, 6, 3),
        None,
    )
    statement = next(s for s in draft.statements if "publish the review" in s.quote)
    assert statement.speaker == "anneke-de-vries"
    assert "pronoun “she”" in (statement.speaker_evidence or "")
    assert statement.date == dt.date(2025, 6, 10) and statement.date_precision == "approximate"
    assert "publication date" in (statement.date_evidence or "")


def test_a_role_taken_by_a_person_named_in_apposition_is_dated(tmp_path: Path) -> None:
    # `His son, Erik Lind, took over as its chairman on …`: the name sits between commas.
    from brief.corpus import load_corpus

    article = (
        "Harbour board changes hands\n"
        "Tomas Lind founded the harbour board in 1990. His son, Erik Lind, took over as "
        "its chairman on 1 February, the board said.\n"
        '"We are fine with all of it," Erik Lind said.\n'
    )
    root, source_id = _workspace(tmp_path, article)
    draft = build_draft(load_corpus(root), source_id)
    roles = {a.id: a.roles for a in draft.new_actors}
    chairman = roles["erik-lind"][0]
    assert (chairman.title, chairman.start) == ("chairman", dt.date(2025, 2, 1))
    assert "took over as its chairman" in chairman.evidence


def test_a_quote_is_dated_by_its_own_sentence_never_by_an_earlier_event(tmp_path: Path) -> None:
    text = (
        "Ferry strike ends\n"
        "The ferry strike began on 2 March and ended on 14 March.\n"
        '"The crews deserve better pay," Karel Brandt said on 20 May.\n'
        '"We are not finished with this dispute," Karel Brandt told the port radio.\n'
        'In April the port authority said it was "ready to talk at any hour".\n'
    )
    root, source_id = _workspace(tmp_path, text)
    from brief.corpus import load_corpus

    draft = build_draft(load_corpus(root), source_id)
    by_quote = {s.quote: s for s in draft.statements}
    dated = (
        by_quote["The crews deserve better pay,"]
        if "The crews deserve better pay," in by_quote
        else next(s for s in draft.statements if s.quote.startswith("The crews"))
    )
    assert (dated.date, dated.date_precision) == (dt.date(2025, 5, 20), "day")
    assert "20 May" in (dated.date_evidence or "")
    undated = next(s for s in draft.statements if s.quote.startswith("We are not finished"))
    assert (undated.date, undated.date_precision) == (dt.date(2025, 6, 10), "approximate")
    month = next(s for s in draft.statements if s.quote.startswith("ready to talk"))
    assert month.date_precision in {"month", "approximate"} and month.date <= dt.date(2025, 6, 10)
    assert month.date != dt.date(2025, 3, 14)


def test_an_organisation_speaker_with_modifiers_is_the_organisation() -> None:
    text = (
        "Checkpoints reopen\n"
        'Karel Brandt welcomed the decision. "This is overdue," he said.\n'
        '"Patrols will continue through the winter," a spokesperson for the OSSU mission '
        "in the north of the country said.\n"
    )
    assert speaker_of(text, "Patrols will continue") == "ossu-mission"


def test_the_role_of_someone_brought_in_unnamed_is_not_the_person_the_text_is_about() -> None:
    text = (
        "Crossing stays open\n"
        "Karel Brandt visited the crossing on Monday with two deputies.\n"
        "A spokesperson for the monitoring team in the north of the country said the "
        "night had been calm.\n"
        '"Nobody should read too much into one night of noise," the spokesperson said.\n'
    )
    assert speaker_of(text, "Nobody should read") != "karel-brandt"


def test_a_quote_nobody_is_named_for_stays_unattributed() -> None:
    text = (
        "Market day\n"
        "Karel Brandt opened the new market hall on Saturday and spoke to traders.\n"
        "Prices have risen sharply since the spring.\n"
        '"Nobody can afford fish any more," complained a trader he met.\n'
        "Brandt promised lower rents.\n"
        "Fishing boats stayed in port.\n"
        '"It was better before the bridge closed."\n'
    )
    assert speaker_of(text, "Nobody can afford fish") != "karel-brandt"
    assert speaker_of(text, "better before the bridge") is None


def test_a_described_speaker_is_proposed_as_unnamed_never_the_last_person_named() -> None:
    text = (
        "Market day\n"
        "Karel Brandt opened the new market hall on Saturday and spoke to traders.\n"
        '"Nobody can afford fish any more," one stallholder complained.\n'
        '"The ministry has not answered our letters," a source close to the traders\' '
        "union said.\n"
        'Brandt left early. "We expect a decision by spring," the source added.\n'
        '"Rents will be frozen for a year," the statement said.\n'
        '"I do not believe it," another stallholder said.\n'
    )
    found = extract(text, REGISTRY, [])
    speakers = {text[q.quote.start : q.quote.end][:12]: q.speaker for q in found.quotes}
    assert speakers == {
        "Nobody can a": "unnamed-stallholder",
        "The ministry": "unnamed-source",
        "We expect a ": "unnamed-source",  # `the source`: the one described before
        "Rents will b": "unnamed-statement",
        "I do not bel": "unnamed-stallholder-2",  # `another` is someone else
    }
    names = {p.id: p.name for p in found.new_people}
    assert names["unnamed-source"] == "unnamed: a source close to the traders' union"
    assert "karel-brandt" not in speakers.values()


def test_an_unnamed_speaker_reaches_the_draft_with_its_evidence(tmp_path: Path) -> None:
    text = (
        "Checkpoint talks\n"
        'Karel Brandt arrived late. "The crossing stays closed," a senior official said.\n'
        '"Traffic will resume next month," the statement said.\n'
    )
    from brief.corpus import load_corpus

    root, source_id = _workspace(tmp_path, text)
    draft = build_draft(load_corpus(root), source_id)
    by_quote = {s.quote[:12]: s for s in draft.statements}
    official = by_quote["The crossing"]
    assert official.speaker == "unnamed-senior-official"
    assert official.speaker_as_written == "a senior official"
    assert "described, not named" in (official.speaker_evidence or "")
    document = by_quote["Traffic will"]
    assert "a document" in (document.speaker_evidence or "")
    new = {a.id: a for a in draft.new_actors}
    assert new["unnamed-senior-official"].name == "unnamed: a senior official"
    assert new["unnamed-senior-official"].kind == "person"


def test_pronouns_agree_in_gender_and_number() -> None:
    text = (
        "Water rights\n"
        "Karel Brandt met Marta Ilić in the valley on Monday. Brandt said his ministry would "
        "pay for the pipes. Ilić said her council would not wait.\n"
        '"The wells are drying up every summer," she said.\n'
        '"We have heard these promises for ten years," she added.\n'
        '"The money is already in the budget," he said.\n'
        '"Both sides want the same thing," they said in a joint note.\n'
    )
    assert speaker_of(text, "wells are drying") == "marta-ilic"
    assert speaker_of(text, "these promises") == "marta-ilic"
    assert speaker_of(text, "already in the budget") == "karel-brandt"
    assert speaker_of(text, "same thing") not in {"karel-brandt", "marta-ilic"}


def test_he_finds_the_person_named_when_no_sentence_had_him_as_subject() -> None:
    bracketed = (
        "Harbour fees\n"
        "Pieter Smolak (Green) apologised to his colleagues on Tuesday.\n"
        "But Smolak's apology came after an attack on Marta Ilić and the harbour board.\n"
        '"It bothers me that the board answers with press releases," he said.\n'
    )
    assert speaker_of(bracketed, "bothers me") == "pieter-smolak"
    as_object = (
        "Harbour fees\n"
        "The harbour board rejected the plan of councillor Pieter Smolak on Tuesday.\n"
        '"It bothers me that the board answers with press releases," he said.\n'
        '"We will try again," she said.\n'
    )
    assert speaker_of(as_object, "bothers me") == "pieter-smolak"
    assert speaker_of(as_object, "try again") is None  # no woman was named


def test_a_capitalised_description_after_a_is_an_unnamed_speaker() -> None:
    text = (
        "Primary season\n"
        '"Turnout will decide it," said one Norland Liberal.\n'
        '"It is too close to call," added a Southland Liberal.\n'
        '"We have the better ground game," said another Norland Liberal.\n'
    )
    assert speaker_of(text, "Turnout will decide") == "unnamed-norland-liberal"
    assert speaker_of(text, "too close to call") == "unnamed-southland-liberal"
    assert speaker_of(text, "better ground game") == "unnamed-norland-liberal-2"


def test_an_attribution_ending_the_sentence_the_quote_runs_on_in() -> None:
    text = (
        "Ferry vote\n"
        'Karel Brandt spoke first. "The crossing pays for itself" as long as fuel stays '
        "cheap, said Ines Varga, an economist at the Riverton institute.\n"
        '"Nobody wants another strike" that closes the port for a month, Brandt said.\n'
        'The union called the plan "a gift to the owners" in a leaflet.\n'
    )
    assert speaker_of(text, "pays for itself") == "ines-varga"
    assert speaker_of(text, "another strike") == "karel-brandt"


def test_it_is_the_organisation_or_document_quoted_before() -> None:
    text = (
        "Harbour report\n"
        'Karel Brandt read the findings aloud. "The cranes are unsafe," the report said.\n'
        '"Repairs cannot wait until spring," it added.\n'
    )
    assert speaker_of(text, "cannot wait") == "unnamed-report"
    assert speaker_of(text, "cannot wait") != "karel-brandt"


def test_it_is_the_document_named_just_before_when_nothing_quoted_it() -> None:
    text = (
        "Harbour safety\n"
        "Karel Brandt, the harbour master, sent a letter to the ministry on Friday.\n"
        "“The cranes are unsafe and must stop at once,” it read.\n"
    )
    assert speaker_of(text, "cranes are unsafe", actors=[]) == "unnamed-letter"
    # No document named: `it` stays nobody's, never the person named last.
    plain = text.replace("sent a letter to the ministry", "was in Riverton")
    assert speaker_of(plain, "cranes are unsafe", actors=[]) is None


def test_a_name_in_apposition_to_a_role_is_the_speaker() -> None:
    # `the spokesman, Jane Roe, said`: the role describes, the name names; the
    # person the text was talking about is not the speaker.
    lead = "Harbour strike\nKarel Brandt left the talks early on Monday.\n"
    before = lead + "The harbour board’s spokesman, Tomas Lind, said: “We will not pay.”\n"
    assert speaker_of(before, "will not pay", actors=[]) == "tomas-lind"
    after = lead + "“We will not pay,” the board spokesman, Tomas Lind, said.\n"
    assert speaker_of(after, "will not pay", actors=[]) == "tomas-lind"
    inverted = lead + "“We will not pay,” said the board spokesman at the time, Tomas Lind.\n"
    assert speaker_of(inverted, "will not pay", actors=[]) == "tomas-lind"
    # `Jane Roe, the chair of ..., a ..., said`: the name before the asides.
    named_first = (
        lead + "Tomas Lind, the spokesman of the board, a body of ship owners, said: "
        "“We will not pay.”\n"
    )
    assert speaker_of(named_first, "will not pay", actors=[]) == "tomas-lind"


def test_a_cue_verb_inside_the_reported_clause_is_not_the_attribution() -> None:
    text = (
        "Farm subsidies\n"
        "Ines Varga, an economist at the Riverton institute, said the way Karel Brandt "
        'treated farmers who complained about the subsidies was "a scandal in slow motion".\n'
    )
    assert speaker_of(text, "scandal in slow motion") == "ines-varga"


def test_the_person_before_of_speaks_not_the_institution_after_it() -> None:
    text = (
        "Port finances\n"
        "The port lost money for a third year.\n"
        '"Cutting fees will not fill the hole," wrote Ines Varga of the Riverton '
        "Policy Institute.\n"
        "Tomas Okafor of the Harbour Workers Union said of Karel Brandt: "
        '"He never asked us."\n'
    )
    assert speaker_of(text, "fill the hole") == "ines-varga"
    assert speaker_of(text, "never asked us") == "tomas-okafor"


def test_the_subject_of_the_clause_a_cue_verb_ends_is_the_speaker() -> None:
    text = (
        "Pipeline dispute\n"
        "Marta Ilić met the mayors on Friday.\n"
        'Hours later, she issued a statement calling on the ministry "to stop the '
        'drilling until the survey is done".\n'
        'Recently she shrugged and said: "We have time."\n'
    )
    assert speaker_of(text, "stop the drilling") == "marta-ilic"
    assert speaker_of(text, "We have time") == "marta-ilic"


def test_a_quote_after_a_short_attributed_fragment_continues_its_speaker() -> None:
    text = (
        "Ferry fares\n"
        "Marta Ilić spoke after the vote.\n"
        '"Simply absurd," Karel Brandt said. "Nobody asked the fishermen."\n'
    )
    assert speaker_of(text, "Nobody asked") == "karel-brandt"


def test_according_to_names_the_source_of_the_quote_after_it() -> None:
    text = (
        "Harbour cranes\n"
        "Karel Brandt visited the docks on Monday.\n"
        'According to the harbour office, "the cranes will be repaired by May".\n'
        'According to Ines Varga, "the repairs will cost twice as much".\n'
    )
    assert speaker_of(text, "repaired by May") == "unnamed-harbour-office"
    assert speaker_of(text, "cost twice as much") == "ines-varga"


def test_a_translation_gloss_is_not_the_speakers_words() -> None:
    text = (
        "Rally in the square\n"
        'Protesters chanted "Ne damo dolinu", meaning "we will not give up the valley".\n'
        '"We are here until the decision is reversed," Karel Brandt said.\n'
    )
    found = [q for q, _, _ in quotes(text)]
    assert not any("give up the valley" in q for q in found)
    assert any("until the decision is reversed" in q for q in found)


def test_mr_and_ms_surname_find_the_person_named_in_full() -> None:
    text = (
        "Budget vote\n"
        "The finance committee is chaired by Oskar Lindqvist, who has opposed the plan.\n"
        '"This budget borrows from our grandchildren," Mr. Lindqvist said.\n'
        "Ms. Ferreira, the committee's deputy chair, disagreed: \"The roads cannot wait "
        'another winter."\n'
    )
    assert speaker_of(text, "borrows from our grandchildren") == "oskar-lindqvist"
    assert speaker_of(text, "roads cannot wait") == "ferreira"


def test_titles_and_middle_initials_stay_with_the_person_named() -> None:
    text = (
        "Dam inquiry\n"
        "The committee met on Tuesday.\n"
        '"The report leaves too much out," said Senate Minority Leader Tomas J. Okafor.\n'
        '"We will answer every question," Water Board Counsel Ines A. Varga wrote.\n'
        '"The spillway held," said Army Capt. Lena Morrow.\n'
    )
    found = extract(text, REGISTRY, [])
    names = {p.id: p.name for p in found.new_people}
    assert speaker_of(text, "leaves too much out") == "tomas-j-okafor"
    assert names["tomas-j-okafor"] == "Tomas J. Okafor"  # a person, not an organisation
    assert speaker_of(text, "answer every question") == "ines-a-varga"
    assert speaker_of(text, "spillway held") == "lena-morrow"


def test_partial_quotes_of_three_to_six_words_are_kept() -> None:
    text = (
        "Harbour fees\n"
        'Karel Brandt said the new fees were "a tax on fishermen" and would be challenged.\n'
        'Marta Ilić called the decision "long overdue and fair" in a short statement.\n'
    )
    assert speaker_of(text, "a tax on fishermen") == "karel-brandt"
    assert speaker_of(text, "long overdue and fair") == "marta-ilic"


def test_titles_of_programmes_and_books_are_not_quotes() -> None:
    text = (
        "Weekend interview\n"
        'Karel Brandt appeared on the programme "Voices of the Valley" on Sunday and '
        'discussed his memoir "Salt and Stone".\n'
        'He also read from the book entitled "Letters from a closed border".\n'
        '"I wrote it for my children," Brandt said.\n'
        'On Monday he was a guest on Riverton Radio\'s "Morning Desk With Ana Sels."\n'
    )
    found = [q for q, _, _ in quotes(text)]
    assert found == ["I wrote it for my children"]


def test_transcript_lines_are_quotes_of_the_named_speaker() -> None:
    text = (
        "Council hearing, transcript\n"
        "BRANDT: The pipeline will be finished before the end of the year.\n"
        "ILIĆ: Then why has the council not seen a single invoice?\n"
        "MODERATOR: Thank you both.\n"
    )
    found = {q: s for q, s, _ in quotes(text)}
    assert found["The pipeline will be finished before the end of the year."] == "karel-brandt"
    assert found["Then why has the council not seen a single invoice?"] == "marta-ilic"


def test_a_cookie_notice_is_marked_as_boilerplate() -> None:
    text = (
        "Harbour reopens\n"
        '"The harbour is open again," Karel Brandt said.\n'
        "This site uses cookies to improve your experience. Accept all cookies\n"
        "Share on Facebook | Twitter | Email\n"
    )
    marked = find_boilerplate(text)
    assert "This site uses cookies to improve your experience. Accept all cookies" in marked
    assert [q for q, _, _ in quotes(text)] == ["The harbour is open again"]


@pytest.mark.parametrize("grade", ["C3", "b2", "A1"])
def test_a_combined_grade_is_explained_and_refused(tmp_path: Path, grade: str) -> None:
    article = tmp_path / "a.txt"
    article.write_text('Title\n"We will open the border," Karel Brandt said.\n', encoding="utf-8")
    (tmp_path / "ws" / "seeds").mkdir(parents=True)
    with pytest.raises(InvalidInput) as caught:
        add_source(
            tmp_path / "ws",
            article,
            overrides={"title": "T", "outlet": "O", "published": "2025-01-02",
                       "kind": "news_report", "reliability": grade},
        )  # fmt: skip
    message = str(caught.value)
    assert "reliability" in message and "credibility" in message
    assert not list((tmp_path / "ws" / "seeds").rglob("*.yaml")), "nothing stored"


def test_the_cli_refuses_a_combined_grade_with_one_line(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Title\nText.\n", encoding="utf-8")
    (tmp_path / "briefings").mkdir()
    (tmp_path / "seeds").mkdir()
    result = CliRunner().invoke(
        app,
        ["sources", "add", str(article), "-w", str(tmp_path), "--grade", "C3", "--title", "T",
         "--outlet", "O", "--date", "2025-01-02", "--kind", "news_report"],
    )  # fmt: skip
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    assert "reliability letter (C" in result.output and "credibility" in result.output
    assert len(result.output.strip().splitlines()) == 1
    assert not list((tmp_path / "seeds").rglob("*.yaml")), "nothing stored"


# ------------------------------------------- session 4: attributions without a cue verb


def test_a_connective_before_the_pronoun_does_not_hide_the_speaker() -> None:
    text = (
        "Dam inquiry\n"
        "Jane Roe, the Norland water commissioner, visited the dam on Monday. "
        "But she added, “The spillway has not been inspected for a decade.”\n"
    )
    assert speaker_of(text, "spillway") == "jane-roe"


def test_a_fragment_in_doubled_apostrophes_carries_its_attribution() -> None:
    text = (
        "Harbour vote\n"
        "''It's absurd,'' Mr. Brandt said. ''Nobody asked the fishermen what they think.''\n"
    )
    assert speaker_of(text, "Nobody asked") == "karel-brandt"


def test_a_quote_paragraph_runs_on_after_a_long_attribution() -> None:
    text = (
        "Harbour vote\n"
        "“The numbers do not add up,” said Karel Brandt, a former harbour engineer who "
        "now advises the regional council on flood defences and port dredging.\n"
        "“Nobody has costed the second basin at all.”\n"
    )
    assert speaker_of(text, "second basin") == "karel-brandt"


def test_a_colon_ending_the_previous_paragraph_introduces_the_quote() -> None:
    text = (
        "Ferry strike\n"
        "Jane Roe, the union's negotiator, issued the following statement on Friday:\n"
        "“The crews will return to work once the rota is published in full.”\n"
    )
    found = extract(text, [], [])
    (quote,) = found.quotes
    assert quote.speaker == "jane-roe" and quote.rule == "introduced-subject"


def test_a_colon_in_the_quote_sentence_introduces_it_without_a_cue_verb() -> None:
    text = (
        "Ferry strike\n"
        "Karel Brandt leaned towards the microphones and delivered a blunt message: "
        "“Pay the crews or lose the summer season.”\n"
    )
    assert speaker_of(text, "Pay the crews") == "karel-brandt"


def test_a_named_subject_speaks_a_long_quote_without_a_cue_verb() -> None:
    text = (
        "Ferry strike\n"
        "Karel Brandt thanked the crews for “standing firm through a long and cold "
        "winter on the quays.”\n"
    )
    assert speaker_of(text, "standing firm") == "karel-brandt"


def test_a_capitalised_opener_without_a_cue_verb_names_nobody() -> None:
    text = (
        "Ferry strike\n"
        "Good timetables can still win back passengers, but only when “the boats "
        "actually leave on time every single day.”\n"
    )
    found = extract(text, [], [])
    assert [q.speaker for q in found.quotes] == [None]
    assert not found.new_people


def test_a_question_is_followed_by_its_attribution() -> None:
    text = (
        "Harbour vote\n"
        "“Who will pay for the second basin?” Karel Brandt remarked, alluding to the "
        "council's silence on the budget.\n"
    )
    assert speaker_of(text, "second basin") == "karel-brandt"


def test_a_party_label_after_the_name_does_not_break_the_attribution() -> None:
    text = (
        "Harbour vote\n"
        "“The council owes the fishermen an answer,” Sen. Jane Roe (L-Nor.) said on "
        "Saturday.\n"
    )
    assert speaker_of(text, "owes the fishermen") == "jane-roe"


def test_the_speaker_of_a_participle_is_the_subject_not_the_apposition() -> None:
    text = (
        "Flood report\n"
        "Jane Roe, a former aide to Karel Brandt, tied the losses to the late alarm, "
        "saying the council had been “asleep at the wheel for a whole week.”\n"
    )
    assert speaker_of(text, "asleep at the wheel") == "jane-roe"


@pytest.mark.parametrize(
    "cue", ["fumed", "shot back", "exclaimed", "thanked the crews", "interjected"]
)
def test_less_common_cue_verbs_attribute_the_quote(cue: str) -> None:
    text = f"Ferry strike\nKarel Brandt {cue}: “We will not sail until the rota is fixed.”\n"
    found = extract(text, [], [])
    assert [q.speaker for q in found.quotes] == ["karel-brandt"]
    assert found.quotes[0].rule == "before"


def test_a_name_before_a_role_apposition_is_the_speaker() -> None:
    text = (
        "Harbour vote\n"
        "Jane Roe, president and chief executive of the Riverton Harbour Board stated, "
        "“The dredging will start in spring whatever the council decides.”\n"
    )
    found = extract(text, [], [])
    assert [q.speaker for q in found.quotes] == ["jane-roe"]


def test_a_former_official_is_an_unnamed_speaker() -> None:
    text = (
        "Harbour vote\n"
        "“Nobody in the ministry read the survey,” one former harbour official said.\n"
    )
    (quote,) = extract(text, [], []).quotes
    assert quote.speaker == "unnamed-former-harbour-official"


def test_a_possessive_her_after_a_mans_name_does_not_make_him_a_woman() -> None:
    text = (
        "Harbour vote\n"
        "Karel Brandt told the council that Jane Roe had misled it.\n"
        "Brandt said the survey was only the latest problem in her long career.\n"
        "“Nobody in the ministry ever read the survey,” he said.\n"
    )
    assert speaker_of(text, "Nobody in the ministry", actors=[]) == "karel-brandt"


def test_a_headline_opening_with_a_name_and_a_colon_is_that_persons_quote() -> None:
    text = (
        "Karel Brandt: Harbour Plan ‘Will Sink the Whole Fishing Fleet.’\n"
        "Karel Brandt, a former harbour engineer, spoke in Riverton on Monday.\n"
    )
    (quote,) = extract(text, [], []).quotes
    assert (quote.speaker, quote.rule) == ("karel-brandt", "headline")


def test_a_headline_naming_a_speaker_before_a_cue_verb_is_that_persons_quote() -> None:
    text = (
        "Ines Varga Says Harbour Board ‘Has Lost Every Captain’s Trust.’\n"
        "Ines Varga, an economist at the Riverton institute, spoke on Monday.\n"
    )
    (quote,) = extract(text, [], []).quotes
    assert (quote.speaker, quote.rule) == ("ines-varga", "headline")


def test_quotes_in_a_headline_opening_with_a_speaker_and_a_colon_are_hers() -> None:
    # Headlines are set in Title Case and often in straight single quotes: neither
    # makes the quoted words a title when a speaker and a colon open the headline.
    text = (
        "Ines Varga: Harbour Board ‘Has Lost Every Captain’ in the Fleet\n"
        "Ines Varga, an economist at the Riverton institute, spoke on Monday.\n"
    )
    assert quotes(text, []) == [("Has Lost Every Captain", "ines-varga", "headline")]
    straight = (
        "Varga: 'The ferry will not pay for itself.'\n"
        "Ines Varga, an economist at the Riverton institute, spoke on Monday.\n"
    )
    assert [q[:2] for q in quotes(straight, [])] == [
        ("The ferry will not pay for itself.", "ines-varga")
    ]
    # Without a speaker's colon a headline's Title Case quote is still no statement.
    about = (
        "Riverton Stages ‘Has Lost Every Captain’ in the Old Harbour\nThe play opened on Monday.\n"
    )
    assert quotes(about, []) == []


def test_a_headline_about_a_person_is_not_their_quote() -> None:
    text = (
        "Harbour Board On Karel Brandt: ‘We Never Asked Him to Resign Today.’\n"
        "Karel Brandt, a former harbour engineer, left the board on Monday.\n"
    )
    assert [q.speaker for q in extract(text, [], []).quotes] == [None]


def test_a_quote_after_a_sentence_of_reported_speech_is_that_speakers() -> None:
    text = (
        "Harbour vote\n"
        "Karel Brandt said the harbour survey was badly flawed. “Nobody in the ministry "
        "ever read it from start to finish.”\n"
    )
    (quote,) = extract(text, [], []).quotes
    assert (quote.speaker, quote.rule) == ("karel-brandt", "sentence-before")


def test_a_quote_after_a_sentence_without_a_cue_verb_stays_unattributed() -> None:
    text = (
        "Harbour vote\n"
        "Karel Brandt walked out of the harbour meeting early. “Nobody in the ministry "
        "ever read it from start to finish.”\n"
    )
    assert [q.speaker for q in extract(text, [], []).quotes] == [None]


def test_a_cue_verb_before_the_speaker_before_the_quote() -> None:
    text = (
        "Harbour vote\n"
        "In short, explained Riverton Radio moderator Jane Roe: “What does the survey have "
        "to do with the dredging contract?”\n"
    )
    assert speaker_of(text, "dredging contract", actors=[]) == "jane-roe"


def test_the_outlet_after_telling_is_not_the_speaker() -> None:
    text = (
        "Harbour vote\n"
        "Karel Brandt defended the survey on Monday, telling the Coastal Courier, “Nobody "
        "has shown me a single error in it.”\n"
    )
    assert speaker_of(text, "single error") == "karel-brandt"


def test_a_pronoun_inside_a_long_quotation_does_not_set_the_speakers_gender() -> None:
    long_quote = (
        "The minister has told us for two years that the survey was done, that her "
        "engineers checked every quay wall, that the dredging could start at once, and "
        "that nobody needed to see the figures before the vote. None of that was true, "
        "and the harbour board knew it long before the council did"
    )
    text = f"Harbour vote\nKarel Brandt spoke after the vote.\n“{long_quote},” he said.\n"
    assert speaker_of(text, "None of that was true", actors=[]) == "karel-brandt"


def test_a_short_phrase_continuing_an_attributed_quote_is_kept() -> None:
    text = (
        "Harbour fees\n"
        '"The fees must go," Karel Brandt said on Monday. In his view they were "a tax '
        'on fishermen" and nothing else.\n'
        'Critics of the so-called "harbour of hope" plan were not at the meeting.\n'
    )
    found = {q: s for q, s, _ in quotes(text)}
    assert found["a tax on fishermen"] == "karel-brandt"
    assert "harbour of hope" not in found  # a borrowed phrase nobody is said to have said


def test_a_curly_quote_closed_by_a_straight_or_second_opening_mark() -> None:
    text = (
        "Harbour fees\n"
        '“The fees are a tax on fishermen," Karel Brandt said. "We will fight them.”\n'
        "“Nobody asked the council about the fees,“ said Marta Ilić on Monday.\n"
    )
    found = {q: s for q, s, _ in quotes(text)}
    assert found["The fees are a tax on fishermen"] == "karel-brandt"
    assert found["We will fight them."] == "karel-brandt"
    assert found["Nobody asked the council about the fees"] == "marta-ilic"


def test_an_attribution_after_the_quote_with_a_long_apposition() -> None:
    text = (
        "Harbour fees\n"
        '"The fees will empty the harbour," Tomas Okafor, 54, of Riverton, N.R., who '
        "fishes out of the old port, said on Monday.\n"
    )
    assert speaker_of(text, "empty the harbour") == "tomas-okafor"


def test_auxiliaries_and_openers_around_a_pronoun_speaker() -> None:
    text = (
        "Harbour fees\n"
        "Marta Ilić runs the port authority. She has long opposed the fees.\n"
        '"The fees must go," she has said.\n'
        'In 2019 she told the council: "We cannot wait any longer for a decision."\n'
        'Karel Brandt disagrees. "The fees pay for the harbour," he will often say.\n'
    )
    assert speaker_of(text, "fees must go") == "marta-ilic"
    assert speaker_of(text, "cannot wait any longer") == "marta-ilic"
    assert speaker_of(text, "pay for the harbour") == "karel-brandt"


def test_the_person_in_apposition_speaks_not_the_place_in_the_description() -> None:
    actors = [
        *REGISTRY,
        *ActorsFile.model_validate(
            {"actors": [{"id": "norland", "name": "Norland", "kind": "country"}]}
        ).actors,
    ]
    text = (
        "Harbour law\n"
        "The special envoy in Norland, Karel Brandt, has warned that the new law would "
        '"cross a red line" drawn by the accord.\n'
    )
    assert speaker_of(text, "cross a red line", actors) == "karel-brandt"


def test_a_cue_verb_coordinated_with_the_sentence_subject() -> None:
    text = (
        "Harbour law\n"
        "Karel Brandt compared the plan to a tax on fishermen, and urged voters not to "
        '"choose the road toward ruin for the harbour."\n'
    )
    assert speaker_of(text, "road toward ruin") == "karel-brandt"
    found = extract(text, REGISTRY, [])
    assert found.quotes[0].rule == "before-coordinated"


def test_the_person_a_sentence_quotes_without_a_cue_verb() -> None:
    text = (
        "Harbour fees\n"
        "The council met on Monday.\n"
        'Earlier this week, Marta Ilić shared her worry with donors, "the fees will empty '
        'the harbour by winter."\n'
        'She blamed the delay on "a council that never listens."\n'
        'Fundraising was "stagnant for about a month or six weeks" after the vote.\n'
    )
    found = {q: s for q, s, _ in quotes(text)}
    assert found["the fees will empty the harbour by winter."] == "marta-ilic"
    assert found["a council that never listens."] == "marta-ilic"
    # a capitalised word that is no person: never the last person named instead
    assert found.get("stagnant for about a month or six weeks") is None


def test_a_name_before_a_long_aside_and_an_opening_phrase() -> None:
    text = (
        "Ferry vote\n"
        "Tomas Okafor, a pollster who has worked for the OSSU, the regional security "
        'body, said the vote was "a warning to every party in the council."\n'
        "Lena Morrow, who lives in a small village outside of the old harbour town, "
        'Riverton, said she still "hopes the ferry will come back."\n'
        "Speaking at a rally in Riverton, Karel Brandt went after the board, calling it "
        '"a club of friends who never listen."\n'
    )
    assert speaker_of(text, "a warning to every party") == "tomas-okafor"
    assert speaker_of(text, "ferry will come back") == "lena-morrow"
    assert speaker_of(text, "club of friends") == "karel-brandt"


def test_a_joint_statement_goes_to_the_first_named_and_names_before_a_colon() -> None:
    text = (
        "Poll watch\n"
        'Late swing missed - Lena Morrow and Tomas Okafor: "The polls missed the late '
        'swing entirely."\n'
        '"We will publish the raw data," Tomas Okafor and Lena Morrow said.\n'
        'Rep. Ines Varga (R-Norland): "I have not heard anyone defend the polls."\n'
    )
    assert speaker_of(text, "missed the late swing") == "lena-morrow"
    assert speaker_of(text, "publish the raw data") == "tomas-okafor"
    assert speaker_of(text, "defend the polls") == "ines-varga"


def test_a_surname_that_is_also_a_common_word_after_mr_or_ms() -> None:
    text = (
        "Ferry fares\n"
        "The harbour board and the ferry union met on Monday.\n"
        '"The fares will rise in spring," Ms. White said on Monday.\n'
        '"Nobody told the crews," Mr. Law said.\n'
        '"We read the report twice," said Dr. King.\n'
    )
    found = extract(text, REGISTRY, [])
    named = {p.id: p.name for p in found.new_people}
    speakers = {text[q.quote.start : q.quote.end]: named.get(q.speaker or "") for q in found.quotes}
    assert speakers == {
        "The fares will rise in spring": "White",
        "Nobody told the crews": "Law",
        "We read the report twice": "King",
    }


def test_a_quote_no_rule_attributes_goes_to_a_ranked_candidate_that_says_why() -> None:
    text = (
        "Harbour vote\n"
        '"The fares are too high," Tomas Okafor said on Monday.\n'
        "The council met again on Tuesday.\n"
        "In the old port, Tomas Okafor and his crews handed out leaflets, with "
        '"We were promised a ferry and got a study" printed in red.\n'
    )
    found = extract(text, REGISTRY, [])
    item = next(q for q in found.quotes if "got a study" in text[q.quote.start : q.quote.end])
    assert (item.speaker, item.rule) == ("tomas-okafor", "ranked")
    said = speaker_evidence(text, item, "Tomas Okafor")
    assert said.startswith("ranked: ") and "weaker than a rule" in said
    # the features that weighed, in words (which ones depends on the trained weights)
    from brief.ingest.ranker import FEATURES

    assert any(words and words in said for words in FEATURES.values())


def test_the_ranker_proposes_no_one_its_context_does_not_name() -> None:
    text = (
        "Harbour vote\n"
        "Lena Morrow runs the harbour board.\n"
        "The council met on Monday; many voters stayed at home.\n"
        'Many Harbourfolk shrugged. "Nobody asked the crews what they think of this plan."\n'
    )
    found = extract(text, REGISTRY, [])
    assert [(q.speaker, q.rule) for q in found.quotes] == [(None, "unattributed")]


def test_the_shipped_ranker_model_is_small_and_matches_the_features() -> None:
    from importlib import resources

    from brief.ingest.ranker import FEATURES, shipped_model

    raw = resources.files("brief.ingest").joinpath("data", "speaker_ranker.json")
    assert len(raw.read_bytes()) < 4096
    model = shipped_model()
    assert set(model.weights) == set(FEATURES)
    assert 0.0 < model.threshold < 1.0


def test_said_first_at_a_sentence_start_with_an_aside_after_the_name() -> None:
    text = (
        "Harbour\n"
        "The crews were angry, Tomas Okafor has said. Said Okafor, "
        '"The thought that an error on our part is connected to this is painful."\n'
        "The old pier was rebuilt. Said Lena Morrow, who grew up in the harbour, "
        '"We were all so proud of it."\n'
    )
    found = {text[q.quote.start : q.quote.end]: (q.speaker, q.rule) for q in quotes_of(text)}
    assert found == {
        "The thought that an error on our part is connected to this is painful.": (
            "tomas-okafor",
            "before",
        ),
        "We were all so proud of it.": ("lena-morrow", "before"),
    }


def quotes_of(text: str) -> list[Attributed]:
    return extract(text, [], []).quotes


def test_the_ranker_may_choose_a_description_as_an_unnamed_speaker() -> None:
    from brief.ingest.ranker import Model, ModelRanker

    text = (
        "Harbour costs\n"
        "It rained on Monday; many voters stayed at home.\n"  # no one named
        'The harbour report, out on Tuesday, traced the damage to "years of cheap repairs and '
        'no plan".\n'
    )
    ranker = ModelRanker(Model({"description": 4.0}, 0.5))
    found = extract(text, REGISTRY, [], ranker)
    [item] = found.quotes
    assert item.rule == "ranked" and item.speaker is not None
    created = {p.id: p.name for p in found.new_people}
    assert created[item.speaker].startswith("unnamed: The harbour report")
    # without the description the quote stays unattributed: no one else is named
    plain = text.replace("The harbour report, out on Tuesday,", "On Tuesday, many")
    assert [(q.speaker, q.rule) for q in extract(plain, REGISTRY, [], ranker).quotes] == [
        (None, "unattributed")
    ]


def test_the_ranker_may_choose_a_surname_alone_of_a_person_named_earlier() -> None:
    from brief.ingest.ranker import Model, ModelRanker

    text = (
        "Harbour costs\n"
        "Lena Morrow and the harbour board met on Monday.\n"
        "It rained again on Tuesday.\n"  # no other candidate
        'Morrow stood by her record on the docks, "years of repairs and a plan at last".\n'
    )
    ranker = ModelRanker(Model({}, 0.0))  # any candidate is good enough
    assert [(q.speaker, q.rule) for q in extract(text, REGISTRY, [], ranker).quotes] == [
        ("lena-morrow", "ranked")
    ]
    # a lone capitalised word that is no one's surname stays no candidate
    plain = text.replace("Morrow stood", "Harbourfolk stood")
    assert [(q.speaker, q.rule) for q in extract(plain, REGISTRY, [], ranker).quotes] == [
        (None, "unattributed")
    ]


def test_an_unproven_name_before_the_quotes_sentence_is_no_candidate_at_any_weights() -> None:
    from brief.ingest.ranker import Model, ModelRanker

    text = (
        "Harbour vote\n"
        "Karel Brandt walked out of the harbour meeting early. “Nobody in the ministry "
        "ever read it from start to finish.”\n"
    )
    ranker = ModelRanker(Model({}, 0.0))  # any candidate would be proposed
    assert [q.speaker for q in extract(text, [], [], ranker).quotes] == [None]
