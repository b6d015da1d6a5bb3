"""Each attribution pattern the extractor must handle, on small realistic passages."""

from __future__ import annotations

import pytest

from brief.ingest.extract import extract
from ingest_helpers import registry


def pairs(text: str, boilerplate: list[str] | None = None) -> list[tuple[str, str | None]]:
    found = extract(text, registry(), boilerplate or [])
    return [(text[q.quote.start : q.quote.end], q.speaker) for q in found.quotes]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # attribution after: "X said"
        (
            "“We remain committed to the region,” Ruge said on Monday.",
            [("We remain committed to the region", "boris-ruge")],
        ),
        # attribution after, inverted: "said X"
        (
            "“We remain committed to the region,” said Boris Ruge.",
            [("We remain committed to the region", "boris-ruge")],
        ),
        # "X told reporters:" before the quote
        (
            "Lajčák told reporters: “Both parties have obligations that are not optional.”",
            [("Both parties have obligations that are not optional.", "miroslav-lajcak")],
        ),
        # "X added that “…”"
        (
            "Ruge met officials in Belgrade. He added that “decisions must be taken through "
            "dialogue and nothing else.”",
            [("decisions must be taken through dialogue and nothing else.", "boris-ruge")],
        ),
        # dash attribution after: "–said the NATO Press office"
        (
            "“Ambassador Ruge welcomed Montenegro’s contributions to regional security” "
            "–said the NATO Press office.",
            [
                (
                    "Ambassador Ruge welcomed Montenegro’s contributions to regional security",
                    "nato-press-office",
                )
            ],
        ),
        # organisation after: "the NATO Press office announced"
        (
            "“He stressed the need for an inclusive and lasting solution” the NATO Press "
            "office announced.",
            [("He stressed the need for an inclusive and lasting solution", "nato-press-office")],
        ),
        # role in apposition: "Jane Roe, the EU envoy, said"
        (
            "Jane Roe, the EU envoy for the dialogue, said: “The deadline is not negotiable "
            "for anyone.”",
            [("The deadline is not negotiable for anyone.", "jane-roe")],
        ),
        # apposition after an inverted attribution
        (
            "“The deadline is not negotiable for anyone,” said Jane Roe, the EU envoy.",
            [("The deadline is not negotiable for anyone", "jane-roe")],
        ),
        # organisation as speaker: "the ministry said in a statement"
        (
            "The Serbian foreign ministry condemned the arrests. “This is a provocation aimed "
            "at Serbs,” the ministry said in a statement.",
            [("This is a provocation aimed at Serbs", "serbian-foreign-ministry")],
        ),
        # "a spokesperson for the mission said"
        (
            "EULEX monitored the trial. “The mission continues to monitor all cases closely,” "
            "a spokesperson for the mission said.",
            [("The mission continues to monitor all cases closely", "eulex")],
        ),
    ],
)
def test_attribution_patterns(text: str, expected: list[tuple[str, str]]) -> None:
    assert pairs(text) == expected


def test_pronoun_resolves_to_the_subject_not_the_last_name_mentioned() -> None:
    text = (
        "In Belgrade, Ruge met with President Aleksandar Vučić and Foreign Minister Marko "
        "Đurić. “We had good exchanges on the partnership we hope to deepen,” he said."
    )
    assert pairs(text) == [
        ("We had good exchanges on the partnership we hope to deepen", "boris-ruge")
    ]


def test_pronoun_follows_the_latest_named_speaker() -> None:
    text = (
        "“Serbia must recognise the reality on the ground,” Ruge said.\n"
        "Major General Özkan Ulutaş, the KFOR Commander, visited Mitrovica the same day. "
        "“Freedom of movement must be guaranteed for all,” he said."
    )
    assert [speaker for _, speaker in pairs(text)] == ["boris-ruge", "ozkan-ulutas"]


def test_continuation_quote_keeps_the_speaker() -> None:
    text = (
        "“Both parties have obligations under the agreement,” Lajčák told reporters. "
        "“We expect concrete steps before the end of the year.”\n"
        "“We will monitor every step of the way,” he added."
    )
    assert [speaker for _, speaker in pairs(text)] == ["miroslav-lajcak"] * 3


def test_quote_alone_in_a_paragraph_belongs_to_the_person_discussed() -> None:
    text = (
        "Ruge said NATO had a partnership with Serbia for several years.\n"
        "“NATO is here, it is part of this region, and we are watching closely.”"
    )
    assert pairs(text) == [
        ("NATO is here, it is part of this region, and we are watching closely.", "boris-ruge")
    ]


def test_description_resolves_to_the_person_given_that_role() -> None:
    text = (
        "NATO Assistant Secretary General for Political Affairs, Ambassador Boris Ruge, "
        "visited Pristina. He met Marko Đurić in Belgrade.\n"
        "Concerning the bridge, the Assistant Secretary General underlined NATO's position "
        "that “decisions must be taken through dialogue and in a coordinated manner.”"
    )
    assert pairs(text)[-1][1] == "boris-ruge"


@pytest.mark.parametrize(
    ("opening", "closing"),
    [("“", "”"), ('"', '"'), ("„", "“"), ("«", "»"), ("‘", "’")],
)
def test_every_quote_style(opening: str, closing: str) -> None:
    quote = "Our mission is the most tangible demonstration of commitment"
    text = f"{opening}{quote},{closing} Ruge said."
    assert pairs(text) == [
        ("Our mission is the most tangible demonstration of commitment", "boris-ruge")
    ]


def test_apostrophes_do_not_close_single_quotes() -> None:
    text = "‘NATO’s Allies’ commitment to Kosovo’s security is steadfast,’ Ruge said."
    assert pairs(text) == [
        ("NATO’s Allies’ commitment to Kosovo’s security is steadfast", "boris-ruge")
    ]


def test_scare_quotes_are_not_statements() -> None:
    assert pairs("Ruge said NATO does not want to talk about “separation,” at all.") == []


def test_next_sentence_is_not_an_attribution() -> None:
    text = (
        "Ruge underlined that “decisions must be taken through dialogue and coordination.” "
        "Vučić also emphasised that Serbia would keep its neutrality."
    )
    assert pairs(text) == [
        ("decisions must be taken through dialogue and coordination.", "boris-ruge")
    ]


def test_boilerplate_is_skipped() -> None:
    text = (
        "“We remain committed to the region,” Ruge said.\n"
        "“Share your thoughts with us in the comments below!” says our editor Jane Roe.\n"
    )
    boilerplate = ["“Share your thoughts with us in the comments below!” says our editor Jane Roe."]
    assert pairs(text, boilerplate) == [("We remain committed to the region", "boris-ruge")]


def test_unknown_speaker_is_proposed_as_a_new_person_with_role() -> None:
    text = (
        "Petar Petković, the head of the Office for Kosovo and Metohija, said Belgrade came in "
        "good faith. “We came here to talk about the Community, and nothing else,” he said."
    )
    found = extract(text, registry(), [])
    assert [(q.speaker) for q in found.quotes] == ["petar-petkovic"]
    assert [(p.id, p.name, p.role) for p in found.new_people] == [
        ("petar-petkovic", "Petar Petković", "head of the Office for Kosovo and Metohija")
    ]


def test_split_quotation_around_the_attribution() -> None:
    text = (
        "Jane Roe, the EU envoy, arrived in Pristina. “A unilateral step now,” she said, "
        "“would put at risk everything achieved in the dialogue.”"
    )
    assert [speaker for _, speaker in pairs(text)] == ["jane-roe", "jane-roe"]


def test_name_in_apposition_after_a_descriptive_speaker() -> None:
    text = (
        "“We only want the truth and the people responsible to face a court,” his brother, "
        "Valon Bunjaku, told the broadcaster."
    )
    assert pairs(text)[0][1] == "valon-bunjaku"


def test_names_with_particles_and_initials_are_proposed_whole() -> None:
    text = (
        "Commission President Ursula von der Leyen said: “The region belongs in our Union.”\n"
        "“We have decided to deploy more troops,” Admiral Stuart B. Munsch, the commander, said."
    )
    found = extract(text, registry(), [])
    assert [q.speaker for q in found.quotes] == ["ursula-von-der-leyen", "stuart-b-munsch"]


def test_a_country_institution_resolves_to_the_registered_one() -> None:
    text = "Serbia's foreign ministry said the report was “a political document with no value”."
    assert pairs(text) == [("a political document with no value", "serbian-foreign-ministry")]


def test_anonymous_official_speaks_for_the_organisation() -> None:
    text = (
        "A senior NATO official, who asked not to be named, was worried. “Every incident "
        "like this one takes us further away from peace,” the official said."
    )
    assert pairs(text)[0][1] == "nato"


def test_place_after_a_preposition_is_not_a_person() -> None:
    text = "Dragiša Milović, a resident of Zubin Potok, said people were afraid."
    found = extract(text, registry(), [])
    assert [p.id for p in found.new_people] == ["dragisa-milovic"]
