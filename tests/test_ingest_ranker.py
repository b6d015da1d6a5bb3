"""The speaker ranker's choice among a quote's candidates, on text written for these tests
(the names and places are invented), and how its training script picks the threshold."""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path
from types import ModuleType

from brief.ingest.extract import extract
from brief.ingest.ranker import Model, ModelRanker

ROOT = Path(__file__).resolve().parents[1]
LONG = "We were promised a ferry and got a study"


def _article(sentence: str) -> str:
    return f"Harbour vote\nThe council met again on Tuesday.\n{sentence}\n"


def _ranked(text: str, model: Model) -> list[tuple[str | None, str]]:
    return [(q.speaker, q.rule) for q in extract(text, [], [], ModelRanker(model)).quotes]


def test_a_ranked_speaker_must_dominate_the_other_candidates() -> None:
    # Both people weigh the same: neither has most of the quote, so no one is proposed.
    model = Model({"sentence_before": 3.0}, 0.6)
    both = _article(f"For Lena Morrow and Karel Brandt, it was all “{LONG}” again.")
    assert _ranked(both, model) == [(None, "unattributed")]
    one = _article(f"For Lena Morrow, it was all “{LONG}” again.")
    assert _ranked(one, model) == [("lena-morrow", "ranked")]


def test_the_case_for_no_one_can_outweigh_a_lone_candidate() -> None:
    # A short phrase is as often borrowed as said: the model may leave it to no one.
    model = Model({"sentence_before": 1.0, "nobody_short": 3.0}, 0.5)
    short = _article("For Lena Morrow, it was all “a ferry and a study” again.")
    assert _ranked(short, Model({"sentence_before": 1.0}, 0.5)) == [("lena-morrow", "ranked")]
    assert ("lena-morrow", "ranked") not in _ranked(short, model)
    long = _article(f"For Lena Morrow, it was all “{LONG}” again.")
    assert _ranked(long, model) == [("lena-morrow", "ranked")]


def test_a_ranked_proposal_says_how_much_of_the_quote_its_speaker_has() -> None:
    text = _article(f"For Lena Morrow and Karel Brandt, it was all “{LONG}” again.")
    model = Model({"first_here": 2.0}, 0.5)
    [item] = extract(text, [], [], ModelRanker(model)).quotes
    assert item.speaker == "lena-morrow" and item.why is not None
    assert "the first named in the quote's sentence" in item.why
    assert re.search(r"; \d+% of the quote, against \d+ other candidate\(s\) and no one$", item.why)


def test_his_or_her_before_a_quote_is_a_candidate_of_that_gender() -> None:
    said = "Karel Brandt said on Monday that he would vote against the plan. Lena Morrow "
    view = " view of the plan, friends say, has always been “{}” and nothing more."
    model = Model({"pronoun_here": 3.0}, 0.6)  # only a pronoun in the quote's sentence
    for pronoun, speaker in (("His", "karel-brandt"), ("Her", "lena-morrow")):
        text = f"Harbour vote\n{said}said she would not.\n{pronoun}{view.format(LONG)}\n"
        [item] = extract(text, [], [], ModelRanker(model)).quotes
        assert (item.speaker, item.rule) == (speaker, "ranked")
        assert (item.speaker_start, item.speaker_end) == (
            text.index(pronoun),
            text.index(pronoun) + 3,
        )


def test_an_organisation_described_by_its_kind_is_a_candidate() -> None:
    text = _article(
        "For the harbour council, the ferry plan was “years of promises and a study at the "
        "end” and little else."
    )
    model = Model({"first_here": 3.0}, 0.6)  # the first named in the quote's sentence
    found = extract(text, [], [], ModelRanker(model))
    [item] = found.quotes
    assert item.rule == "ranked" and item.speaker_start is not None
    assert text[item.speaker_start : item.speaker_end] == "the harbour council"
    assert {p.id: p.name for p in found.new_people}[item.speaker or ""] == (
        "unnamed: the harbour council"
    )


def _script() -> ModuleType:
    path = ROOT / "scripts" / "train_speaker_ranker.py"
    spec = importlib.util.spec_from_file_location("train_speaker_ranker", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["train_speaker_ranker"] = module
    spec.loader.exec_module(module)
    return module


def test_the_threshold_is_the_lowest_share_whose_proposals_are_right_often_enough() -> None:
    choose = _script().choose_threshold
    # (best candidate's share, right, quote has no source), as models that never saw
    # the quotes weighed them: proposing a quote with no source is wrong.
    picks = [(0.9, True, False), (0.7, False, True), (0.5, True, False), (0.3, False, False)]
    assert choose(picks, 0.6) == 0.5  # 2 right of 3 down to 0.5; 2 of 4 down to 0.3
    assert choose(picks, 0.5) == 0.3
    assert choose(picks, 0.9) == 0.9
    assert choose([(0.4, False, True)], 0.6) == 1.0  # none right enough: propose none


def test_cross_validation_folds_are_stretches_of_time_per_outlet() -> None:
    from brief.ingest.polnear import GoldArticle

    names = ["ab_2016-03-01", "ab_2016-01-01", "ab_2016-02-01", "ab_2016-04-01", "cd_2015-12-01",
             "cd_2016-05-01"]  # fmt: skip
    articles = [GoldArticle(name, "", []) for name in names]
    folds = _script().date_folds(articles, 2)
    assert dict(zip(names, folds, strict=True)) == {
        "ab_2016-01-01": 0, "ab_2016-02-01": 0, "ab_2016-03-01": 1, "ab_2016-04-01": 1,
        "cd_2015-12-01": 0, "cd_2016-05-01": 1,
    }  # fmt: skip
