"""The PolNeAR gold standard and the scorer that cannot flatter."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from brief.ingest.polnear import GoldQuote, gold_quotes, name_head, read_split
from brief.ingest.score import Predicted, one_to_one, score_detection, speaker_right

REPO = Path(__file__).resolve().parents[1]


def polnear_folder() -> Path | None:
    """../shared/datasets/polnear beside the checkout (or beside the main worktree)."""
    candidates = [REPO.parent / "shared" / "datasets" / "polnear"]
    common = subprocess.run(
        ["git", "-C", str(REPO), "rev-parse", "--path-format=absolute", "--git-common-dir"],
        capture_output=True,
        text=True,
        check=False,
    ).stdout.strip()
    if common:
        candidates.append(Path(common).parent.parent / "shared" / "datasets" / "polnear")
    return next((c for c in candidates if (c / "dev").is_dir()), None)


TEXT = (
    "Headline here\n"
    "“We will not give up on the harbour,” the mayor, Ilse Marwood, said on Tuesday.\n"
    'Marwood said the plan was "a long road to travel" and added that she was "sure".\n'
)


def _ann(text: str) -> str:
    quote = text.index("We will")
    q_end = text.index("harbour") + len("harbour,”")
    source = text.index("the mayor")
    s_end = text.index(", said")
    road = text.index("the plan")
    r_end = text.index(" and added")
    marwood = text.index("Marwood said")
    return (
        f"T1\tContent {quote - 1} {q_end}\tx\n"
        f"T2\tSource {source} {s_end}\tx\n"
        f"T3\tCue {s_end + 2} {s_end + 6}\tsaid\n"
        f"T4\tAttribution {s_end + 2} {s_end + 6}\tsaid\n"
        "E1\tAttribution:T4 Content:T1 Cue:T3 Source:T2\n"
        f"T5\tContent {road} {r_end}\tx\n"
        f"T6\tSource {marwood} {marwood + 7}\tMarwood\n"
        f"T7\tAttribution {marwood + 8} {marwood + 12}\tsaid\n"
        "E2\tAttribution:T7 Content:T5 Source:T6\n"
    )


def test_direct_quotations_are_quoted_parts_of_contents_with_their_source() -> None:
    quotes = gold_quotes(TEXT, _ann(TEXT))
    found = [(TEXT[q.start : q.end], q.source) for q in quotes]
    # `“sure”` is one word, and no content holds it: not a direct quotation.
    assert found == [
        ("We will not give up on the harbour", "the mayor, Ilse Marwood"),
        ("a long road to travel", "Marwood"),
    ]


def test_the_head_of_a_source_is_its_last_name_before_a_preposition() -> None:
    assert name_head("Clinton press secretary Brian Fallon") == "Fallon"
    assert name_head("Edward Alden of the Council on Foreign Relations") == "Alden"
    assert name_head("Mr. Rove") == "Rove"
    # A description names nobody, however many capitalised words modify it...
    assert name_head("the Norland senator") is None
    assert name_head("a senior Marwood adviser") is None
    assert name_head("Mr. Marwood's campaign") is None
    assert name_head("Norland administration officials") is None
    # ...unless a name stands in apposition to it: that person spoke.
    assert name_head("the mayor, Ilse Marwood") == "Marwood"
    assert name_head("the Norland senator, Tom O’Hale,") == "O’Hale"
    assert name_head("the mayor, who spoke first") is None
    # A name ending in a word that is no noun is still a name.
    assert name_head("Marwood himself") == "Marwood"
    assert name_head("the Rev. Ilse Marwood") == "Marwood"
    assert name_head("Tom Hale Jr., the director") == "Hale"
    assert name_head("he") is None
    assert name_head("a spokeswoman for the campaign") is None
    # A party label in brackets is not the name: the head stays the surname.
    assert name_head("Senator Ilse Marwood (D-Norland)") == "Marwood"
    assert name_head("Tom O’Hale (R-Ore.), a backer") == "O’Hale"
    # A title with `of` in it (`Secretary of State`) does not cut the name off.
    assert name_head("Former Secretary of State Ilse Marwood") == "Marwood"


def test_a_fragment_of_a_long_quote_is_not_a_find() -> None:
    gold = [(0, 100)]
    # Half of the shorter span would accept it; half of the longer does not.
    assert score_detection(gold, [(0, 30)]).true_pos == 0
    assert score_detection(gold, [(0, 60)]).true_pos == 1


def test_one_prediction_never_finds_two_gold_quotes() -> None:
    tally = score_detection([(0, 10), (10, 20)], [(0, 20)])  # each half of it
    assert (tally.true_pos, tally.found) == (1, 1)
    assert one_to_one([(0, 10), (0, 10)], [(0, 10)]) == [(0, 0)]


def test_speaker_right_compares_names_and_for_pronouns_the_source_words() -> None:
    quotes = gold_quotes(TEXT, _ann(TEXT))
    second = quotes[1]  # source `Marwood`, a name
    assert speaker_right(Predicted((0, 1), "ilse-marwood", ("Ilse Marwood",), None), second)
    assert not speaker_right(Predicted((0, 1), "tom-hale", ("Tom Hale",), None), second)
    assert not speaker_right(Predicted((0, 1), None, (), None), second)
    quoted = GoldQuote(0, 1, "Tom O’Hale", (0, 10))  # typographic apostrophe in the gold
    assert speaker_right(Predicted((0, 1), "tom-o-hale", ("Tom O'Hale",), None), quoted)
    first = quotes[0]  # `the mayor, Ilse Marwood`: the name in apposition must be the speaker
    assert first.source_span is not None
    assert speaker_right(Predicted((0, 1), "ilse-marwood", ("Ilse Marwood",), None), first)
    assert not speaker_right(Predicted((0, 1), "x", ("X",), first.source_span), first)
    described = GoldQuote(0, 1, "the Norland senator", (40, 59))  # a description
    # its words must be the evidence; a name the description only modifies is no match
    assert speaker_right(Predicted((0, 1), "x", ("X",), (44, 59)), described)
    assert not speaker_right(Predicted((0, 1), "x", ("X",), (0, 3)), described)
    assert not speaker_right(Predicted((0, 1), "norland", ("Norland",), None), described)


def test_the_shared_dev_split_reads_as_its_readme_describes() -> None:
    folder = polnear_folder()
    if folder is None:
        pytest.skip("PolNeAR is not at ../shared/datasets/polnear (CI keeps it there)")
    articles = read_split(folder, "dev")
    assert len(articles) == 84
    quotes = [q for a in articles for q in a.quotes]
    assert 650 <= len(quotes) <= 800
    named = [q for q in quotes if q.head is not None]
    assert 0.5 <= len(named) / len(quotes) <= 0.8
