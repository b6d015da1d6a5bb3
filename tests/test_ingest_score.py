"""The extractor's measured quality, printed by `brief extract --score`."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from brief.cli import app
from brief.ingest.score import Tally, score_articles, score_quotes

REPO = Path(__file__).resolve().parents[1]


def test_matching_needs_the_speaker_and_half_the_words() -> None:
    text = "0123456789" * 3
    gold = [((0, 10), "a"), ((10, 20), "b")]
    predicted = [((0, 8), "a"), ((10, 20), "c"), ((20, 30), "d")]
    tally, misses = score_quotes(text, gold, predicted)
    assert (tally.true_pos, tally.predicted, tally.found, tally.gold) == (1, 3, 1, 2)
    assert round(tally.precision, 3) == 0.333 and tally.recall == 0.5
    assert len(misses) == 3


def test_empty_tallies_do_not_divide_by_zero() -> None:
    assert Tally().f1 == 1.0


def test_development_articles_stay_above_the_target() -> None:
    """A regression guard: rule changes must not drop below the issue's F1 0.9."""
    quotes, mentions = Tally(), Tally()
    for score in score_articles(REPO / "tests" / "data" / "articles"):
        quotes.add(score.quotes)
        mentions.add(score.mentions)
    assert quotes.gold >= 60
    assert quotes.f1 >= 0.9
    assert mentions.f1 >= 0.9


def test_score_command_prints_every_gold_standard() -> None:
    articles, heldout = REPO / "tests" / "data" / "articles", REPO / "tests" / "data" / "heldout"
    result = CliRunner().invoke(
        app,
        ["extract", "--score", "-w", str(REPO), "--gold", str(articles), "--gold", str(heldout)],
    )
    assert result.exit_code == 0, result.output
    assert "Curated corpus [in-sample]: 5 article(s)" in result.output
    assert f"Gold articles {articles} [in-sample" in result.output
    assert f"Gold articles {heldout} [in-sample" in result.output
    assert result.output.count("end-to-end (quote, speaker)") >= 3
