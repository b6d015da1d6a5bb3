#!/usr/bin/env python3
"""Train the speaker ranker (brief.ingest.ranker) on the PolNeAR train split.

    .venv/bin/python scripts/train_speaker_ranker.py            # cross-validate, then train
    .venv/bin/python scripts/train_speaker_ranker.py --write    # ... and write the model

The extractor runs over every train article with the ranker switched off;
each quote no rule attributes gives its candidates (people the context
names, with their features), labelled right when the candidate is the
annotated source by the scorer's own test (brief.ingest.score.speaker_right).
A softmax over each quote's candidates (L2-regularised, full-batch gradient
descent: the same data gives the same weights) is fitted to the quotes whose
source is among them: it learns which candidate speaks, not how often
anyone does.

The threshold (the share the best candidate needs to be proposed) is the
lowest at which proposals are right `--precision` of the time (default 0.6)
on quotes the weights never saw: shares from models trained on the other
folds. Folds are whole articles, in date order within each outlet
(`--folds K`, default 5), so a fold's articles are later or earlier than the
ones its model learnt from, as new news is.

Honest figures: each fold's model (weights and threshold from the other
folds only) scores the whole extractor (rules + that model) end to end on
the held-out fold; the sum over folds is the cross-validated train figure.
The dev split is never read. `--write` stores the model trained on all of
train in src/brief/ingest/data/speaker_ranker.json.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from brief.ingest.boilerplate import find_boilerplate  # noqa: E402
from brief.ingest.extract import extract  # noqa: E402
from brief.ingest.polnear import GoldArticle, default_folder, read_split  # noqa: E402
from brief.ingest.quotes import Attributed, Quotation  # noqa: E402
from brief.ingest.ranker import (  # noqa: E402
    FEATURES,
    Candidate,
    Model,
    ModelRanker,
    candidates,
    nobody,
)
from brief.ingest.score import (  # noqa: E402
    Predicted,
    Tally,
    one_to_one,
    score_polnear_article,
    speaker_right,
)
from brief.ingest.speakers import Resolver  # noqa: E402

MODEL_FILE = REPO / "src" / "brief" / "ingest" / "data" / "speaker_ranker.json"


@dataclass
class Example:
    """One unattributed quote: its candidates' features and which are right."""

    fold: int
    features: list[dict[str, float]]
    right: list[bool]
    unsourced: bool
    """No annotated source: declining is the right answer."""
    nobody: dict[str, float]
    """The features of proposing no one (brief.ingest.ranker.nobody)."""


class Recorder:
    """A ranker that proposes nothing and records every candidate list."""

    def __init__(self) -> None:
        self.seen: list[tuple[Quotation, list[Candidate], dict[str, float]]] = []

    def attribute(
        self,
        text: str,
        quote: Quotation,
        quotes: list[Quotation],
        done: list[Attributed],
        resolver: Resolver,
    ) -> Attributed | None:
        found = candidates(text, quote, quotes, done, resolver)
        self.seen.append((quote, found, nobody(text, quote, found)))
        return None


def examples_of(fold: int, article: GoldArticle) -> list[Example]:
    recorder = Recorder()
    extract(article.text, [], find_boilerplate(article.text), recorder)
    spans = [(q.start, q.end) for q, _, _ in recorder.seen]
    gold = article.quotes
    found = []
    for p, g in one_to_one(spans, [(q.start, q.end) for q in gold]):
        _, cands, against = recorder.seen[p]
        if not cands:
            continue
        right = [speaker_right(_predicted(spans[p], c), gold[g]) for c in cands]
        features = [c.features for c in cands]
        found.append(Example(fold, features, right, gold[g].source is None, against))
    return found


def _predicted(span: tuple[int, int], candidate: Candidate) -> Predicted:
    """The candidate as the scorer sees a prediction: its name, its words as evidence."""
    actor = candidate.actor or candidate.name
    return Predicted(span, actor, (candidate.name,), (candidate.start, candidate.end))


# ------------------------------------------------------------------- fitting


def fit(
    examples: list[Example], l2: float, steps: int = 400, rate: float = 0.5
) -> dict[str, float]:
    """Softmax weights: a quote's right candidates should share most of it, or no one
    when none of them is right (declining is then the honest answer)."""
    weights = dict.fromkeys(FEATURES, 0.0)
    for _ in range(steps):
        grad = dict.fromkeys(FEATURES, 0.0)
        for example in examples:
            _gradient(Model(weights, 0.0), example, grad)
        for k in weights:
            weights[k] -= rate * (grad[k] / max(1, len(examples)) + l2 * weights[k])
    return {k: round(v, 4) for k, v in weights.items()}


def _gradient(model: Model, example: Example, grad: dict[str, float]) -> None:
    """Add d(-log of the right choices' share)/d(weights) for one quote to `grad`."""
    shares = model.shares(example.features, example.nobody)
    choices = [*zip(example.features, shares, example.right, strict=True)]
    choices.append((example.nobody, 1.0 - sum(shares), not any(example.right)))
    right = sum(p for _, p, ok in choices if ok)
    for features, p, ok in choices:
        err = p - (p / right if ok else 0.0)
        for k, v in features.items():
            grad[k] += err * v


Pick = tuple[float, bool, bool]
"""The best candidate's share, whether it is right, whether the quote has no source."""


def pick(model: Model, example: Example) -> Pick:
    shares = model.shares(example.features, example.nobody)
    best = max(range(len(shares)), key=lambda i: shares[i])
    return shares[best], example.right[best], example.unsourced


def choose_threshold(picks: list[Pick], precision: float) -> float:
    """The lowest share at which the proposals are still right `precision` of the time
    (a quote with no source is wrong to propose): the most proposals an analyst can
    trust that far. A quote left to no one is what the product wants when unsure, so
    pairs alone (where a wrong speaker costs no more than none) do not set it."""
    best, right = 1.0, 0
    for n, (share, ok, _) in enumerate(sorted(picks, reverse=True), 1):
        right += ok
        if right / n >= precision:
            best = share
    return best


def out_of_fold(examples: list[Example], l2: float) -> list[Pick]:
    """Every example's pick by a model trained on the other folds."""
    picks = []
    for fold in sorted({e.fold for e in examples}):
        model = Model(fit([e for e in examples if e.fold != fold], l2), 0.0)
        picks += [pick(model, e) for e in examples if e.fold == fold]
    return picks


def train(examples: list[Example], l2: float, precision: float) -> Model:
    """Weights from all `examples`, the threshold from their out-of-fold picks."""
    threshold = choose_threshold(out_of_fold(examples, l2), precision)
    return Model(fit(examples, l2), round(threshold, 4))


def date_folds(articles: list[GoldArticle], folds: int) -> list[int]:
    """Each article's fold: per outlet, its articles in name (date) order cut in `folds`
    runs, so a fold is a stretch of time, never a sample of the same days."""
    by_outlet: dict[str, list[int]] = {}
    for i, article in enumerate(articles):
        by_outlet.setdefault(article.name.split("_", 1)[0], []).append(i)
    fold = [0] * len(articles)
    for members in by_outlet.values():
        members.sort(key=lambda i: articles[i].name)
        for rank, i in enumerate(members):
            fold[i] = rank * folds // len(members)
    return fold


# --------------------------------------------------------------- evaluation


def end_to_end(articles: list[GoldArticle], model: Model | None) -> tuple[Tally, Tally]:
    """Detection and (quote, speaker) tallies of the extractor with `model` (None: off)."""
    from brief.ingest import score

    detection, pairs = Tally(), Tally()
    original = score.extract
    ranker = ModelRanker(model) if model is not None else Recorder()
    score.extract = lambda t, a, b: extract(t, a, b, ranker)  # type: ignore[assignment]
    try:
        for article in articles:
            result = score_polnear_article(article.name, article.text, article.quotes)
            detection.add(result.detection)
            pairs.add(result.quotes)
    finally:
        score.extract = original
    return detection, pairs


def line(label: str, tally: Tally) -> str:
    return (
        f"{label:<34} P {tally.precision:.3f}  R {tally.recall:.3f}  F1 {tally.f1:.3f}"
        f"  ({tally.true_pos} right of {tally.predicted} predicted, {tally.gold} gold)"
    )


def cross_validate(
    articles: list[GoldArticle],
    examples: list[Example],
    folds: list[int],
    l2: float,
    precision: float,
) -> None:
    base_det, base_pairs = Tally(), Tally()
    det, pairs = Tally(), Tally()
    proposed = right = 0
    count = max(folds) + 1
    for fold in range(count):
        held = [a for a, f in zip(articles, folds, strict=True) if f == fold]
        model = train([e for e in examples if e.fold != fold], l2, precision)
        for share, ok, _ in (pick(model, e) for e in examples if e.fold == fold):
            proposed += share >= model.threshold
            right += ok and share >= model.threshold
        d, p = end_to_end(held, None)
        base_det.add(d)
        base_pairs.add(p)
        d, p = end_to_end(held, model)
        det.add(d)
        pairs.add(p)
        print(f"fold {fold + 1}/{count}: threshold {model.threshold:.3f}, e2e F1 {p.f1:.3f}")
    print(f"cross-validated on train ({count} folds of whole articles in date order per "
          "outlet, each scored by a model that never saw it):")  # fmt: skip
    print(line("  rules only: detection", base_det))
    print(line("  rules only: end-to-end", base_pairs))
    print(line("  rules + ranker: detection", det))
    print(line("  rules + ranker: end-to-end", pairs))
    share = right / proposed if proposed else 0.0
    print(f"  ranked proposals on gold quotes: {right} right of {proposed} ({share:.2f})")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--polnear", type=Path, default=default_folder(REPO))
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--l2", type=float, default=0.01, help="regularisation strength")
    parser.add_argument("--precision", type=float, default=0.6,
                        help="the share of ranked proposals that must be right")  # fmt: skip
    parser.add_argument("--write", action="store_true", help=f"write {MODEL_FILE.name}")
    args = parser.parse_args()
    if not (args.polnear / "train").is_dir():
        print(f"PolNeAR not found at {args.polnear}: give --polnear DIR", file=sys.stderr)
        return 2
    if args.folds < 2:
        print("--folds must be at least 2 (the threshold is chosen across folds)", file=sys.stderr)
        return 2
    articles = read_split(args.polnear, "train")
    folds = date_folds(articles, args.folds)
    examples = [e for f, a in zip(folds, articles, strict=True) for e in examples_of(f, a)]
    positive = sum(any(e.right) for e in examples)
    print(f"train: {len(articles)} articles, {len(examples)} unattributed gold quotes with "
          f"candidates, {positive} with the right speaker among them")  # fmt: skip
    cross_validate(articles, examples, folds, args.l2, args.precision)
    model = train(examples, args.l2, args.precision)
    print(f"model on all of train: threshold {model.threshold:.3f} (chosen out of fold)")
    for name, weight in sorted(model.weights.items(), key=lambda kv: -abs(kv[1])):
        print(f"  {weight:+.3f}  {name}")
    if args.write:
        data = {
            "trained_on": "PolNeAR train split (scripts/train_speaker_ranker.py)",
            "l2": args.l2,
            "precision_target": args.precision,
            "threshold": model.threshold,
            "weights": model.weights,
        }
        MODEL_FILE.write_text(json.dumps(data, indent=1, sort_keys=True) + "\n", encoding="utf-8")
        print(f"wrote {MODEL_FILE.relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
