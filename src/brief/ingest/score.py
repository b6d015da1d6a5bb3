"""Measured quality of the extractor: precision, recall and F1 against gold standards.

Two gold standards:
- the curated corpus: every hand-curated source (not itself proposed by a
  tool) with its direct statements and the actors its extracts and roles
  name;
- the test articles in `tests/data/articles/` (or `benchmarks/articles/`),
  each `<name>.txt` with a hand-written `<name>.gold.yaml` and a shared
  `actors.yaml` registry, written to hold the hard cases.

A predicted quotation matches a gold one when they share the speaker and
overlap by at least half of the shorter of the two (curators sometimes keep
only part of a long quotation). Mentions compare the sets of actor ids
per article.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from brief.corpus.models import Actor, ActorsFile, Event, Statement, StatementMode
from brief.corpus.provenance import find_verbatim
from brief.ingest.boilerplate import find_boilerplate
from brief.ingest.extract import extract

Span = tuple[int, int]


@dataclass
class Tally:
    true_pos: int = 0
    predicted: int = 0
    gold: int = 0
    found: int = 0
    """Gold items the extractor found (recall numerator)."""

    def add(self, other: Tally) -> None:
        self.true_pos += other.true_pos
        self.predicted += other.predicted
        self.gold += other.gold
        self.found += other.found

    @property
    def precision(self) -> float:
        return self.true_pos / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.found / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class ArticleScore:
    name: str
    quotes: Tally
    mentions: Tally
    misses: list[str] = field(default_factory=list)


def _overlap(a: Span, b: Span) -> bool:
    shared = min(a[1], b[1]) - max(a[0], b[0])
    return shared > 0 and shared >= 0.5 * min(a[1] - a[0], b[1] - b[0])


def score_quotes(
    text: str,
    gold: list[tuple[Span, str]],
    predicted: list[tuple[Span, str | None]],
) -> tuple[Tally, list[str]]:
    def hit(p: tuple[Span, str | None], g: tuple[Span, str]) -> bool:
        return p[1] == g[1] and _overlap(p[0], g[0])

    tally = Tally(
        true_pos=sum(any(hit(p, g) for g in gold) for p in predicted),
        predicted=len(predicted),
        gold=len(gold),
        found=sum(any(hit(p, g) for p in predicted) for g in gold),
    )
    misses = [
        f"missed {g[1]}: {text[g[0][0] : g[0][1]][:60]!r}"
        for g in gold
        if not any(hit(p, g) for p in predicted)
    ] + [
        f"wrong {p[1]}: {text[p[0][0] : p[0][1]][:60]!r}"
        for p in predicted
        if not any(hit(p, g) for g in gold)
    ]
    return tally, misses


def score_mentions(gold: set[str], predicted: set[str]) -> Tally:
    both = len(gold & predicted)
    return Tally(true_pos=both, predicted=len(predicted), gold=len(gold), found=both)


def _mention_misses(gold: set[str], predicted: set[str]) -> list[str]:
    return [f"missed actor {a}" for a in sorted(gold - predicted)] + [
        f"extra actor {a}" for a in sorted(predicted - gold)
    ]


def _predict(
    text: str, actors: list[Actor], boilerplate: list[str]
) -> tuple[list[tuple[Span, str | None]], set[str]]:
    found = extract(text, actors, boilerplate)
    quotes = [((q.quote.start, q.quote.end), q.speaker) for q in found.quotes]
    return quotes, {m.actor for m in found.mentions}


def _locate(text: str, quote: str) -> Span | None:
    return find_verbatim(text, quote)


# --------------------------------------------------------------- the corpus


def score_corpus(root: Path) -> list[ArticleScore]:
    """Against every hand-curated source of the workspace."""
    from brief.corpus import load_corpus

    corpus = load_corpus(root)
    actors = list(corpus.actors.values())
    scores = []
    for source_id, source in sorted(corpus.sources.items()):
        if source.proposed_by:
            continue  # the extractor proposed it: no independent gold
        text = corpus.texts[source_id]
        extracts = [e for e in corpus.extracts.values() if e.source == source_id]
        gold_quotes = []
        for e in extracts:
            if isinstance(e, Statement) and e.mode == StatementMode.DIRECT:
                span = _locate(text, e.quote)
                if span:
                    gold_quotes.append((span, e.speaker))
        named: set[str] = set()
        for e in extracts:
            named.update(e.subjects)
            if isinstance(e, Statement):
                named.add(e.speaker)
            if isinstance(e, Event):
                named.update(e.actors)
        for actor in actors:
            if any(source_id in role.sources for role in actor.roles):
                named.add(actor.id)
        predicted, mentioned = _predict(text, actors, list(source.boilerplate))
        quotes, misses = score_quotes(text, gold_quotes, predicted)
        misses += _mention_misses(named, mentioned)
        scores.append(ArticleScore(source_id, quotes, score_mentions(named, mentioned), misses))
    return scores


# ---------------------------------------------------------- test articles


def articles_folder(root: Path) -> Path | None:
    candidate = root / "tests" / "data" / "articles"
    return candidate if (candidate / "actors.yaml").is_file() else None


def score_articles(folder: Path, registry_file: Path | None = None) -> list[ArticleScore]:
    registry_file = registry_file or folder / "actors.yaml"
    registry = ActorsFile.model_validate(
        yaml.safe_load(registry_file.read_text(encoding="utf-8"))
    ).actors
    scores = []
    for gold_file in sorted(folder.glob("*.gold.yaml")):
        name = gold_file.name.removesuffix(".gold.yaml")
        text = (folder / f"{name}.txt").read_text(encoding="utf-8")
        gold = yaml.safe_load(gold_file.read_text(encoding="utf-8"))
        gold_quotes = []
        for item in gold.get("quotes", []):
            span = _locate(text, item["quote"])
            if span is None:
                raise ValueError(f"{gold_file}: quote not in the text: {item['quote'][:40]!r}")
            gold_quotes.append((span, item["speaker"]))
        predicted, mentioned = _predict(text, list(registry), find_boilerplate(text))
        quotes, misses = score_quotes(text, gold_quotes, predicted)
        mentions = score_mentions(set(gold.get("mentions", [])), mentioned)
        misses += _mention_misses(set(gold.get("mentions", [])), mentioned)
        scores.append(ArticleScore(name, quotes, mentions, misses))
    return scores


# ------------------------------------------------------------------ report


def _line(label: str, tally: Tally) -> str:
    return (
        f"  {label:<28} P {tally.precision:5.3f}  R {tally.recall:5.3f}  F1 {tally.f1:5.3f}"
        f"   ({tally.true_pos}/{tally.predicted} predicted right, "
        f"{tally.found}/{tally.gold} gold found)"
    )


def report(title: str, scores: list[ArticleScore], echo: Callable[[str], None]) -> Tally:
    quotes, mentions = Tally(), Tally()
    for score in scores:
        quotes.add(score.quotes)
        mentions.add(score.mentions)
    echo(f"{title}: {len(scores)} article(s)")
    echo(_line("(quote, speaker) pairs", quotes))
    echo(_line("actor mentions", mentions))
    for score in scores:
        for miss in score.misses:
            echo(f"    {score.name}: {miss}")
    return quotes


def print_scores(root: Path, echo: Callable[[str], None]) -> dict[str, Tally]:
    """Score on the curated corpus and on the test articles; print both."""
    results = {"corpus": report("Curated corpus", score_corpus(root), echo)}
    folder = articles_folder(root)
    if folder is not None:
        results["articles"] = report(
            f"Test articles ({folder.relative_to(root)})", score_articles(folder), echo
        )
        heldout = folder.parent / "heldout"
        if heldout.is_dir():
            results["heldout"] = report(
                f"Held-out articles ({heldout.relative_to(root)})",
                score_articles(heldout, folder / "actors.yaml"),
                echo,
            )
    else:
        echo("Test articles: none found (tests/data/articles/actors.yaml)")
    return results
