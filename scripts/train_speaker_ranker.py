#!/usr/bin/env python3
"""Train the speaker ranker (brief.ingest.ranker) on the PolNeAR train split.

    .venv/bin/python scripts/train_speaker_ranker.py            # cross-validate, then train
    .venv/bin/python scripts/train_speaker_ranker.py --write    # ... and write the model

The extractor runs over every train article with the ranker switched off;
each quote no rule attributes gives its candidates (people the context
names, with their features), labelled right when the candidate is the
annotated source by the scorer's own test (brief.ingest.score.speaker_right).
A logistic model (L2-regularised, full-batch gradient descent: the same
data gives the same weights) is fitted to them.

Honest figures: `--folds K` (default 5) splits the train articles in K
folds; each fold's model is trained on the others and the whole extractor
(rules + that model) is scored end to end on the held-out fold. The sum
over folds is the cross-validated train figure; the dev split is never read.
The threshold is chosen the same way (on the training folds only).
`--write` stores the model trained on all of train in
src/brief/ingest/data/speaker_ranker.json.
"""

from __future__ import annotations

import argparse
import json
import math
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

    article: int
    features: list[dict[str, float]]
    right: list[bool]


class Recorder:
    """A ranker that proposes nothing and records every candidate list."""

    def __init__(self) -> None:
        self.seen: list[tuple[Quotation, list[Candidate]]] = []

    def attribute(
        self,
        text: str,
        quote: Quotation,
        quotes: list[Quotation],
        done: list[Attributed],
        resolver: Resolver,
    ) -> Attributed | None:
        found = candidates(text, quote, quotes, done, resolver)
        self.seen.append((quote, found))
        return None


def examples_of(index: int, article: GoldArticle) -> list[Example]:
    recorder = Recorder()
    extract(article.text, [], find_boilerplate(article.text), recorder)
    spans = [(q.start, q.end) for q, _ in recorder.seen]
    gold = article.quotes
    found = []
    for p, g in one_to_one(spans, [(q.start, q.end) for q in gold]):
        _, cands = recorder.seen[p]
        if not cands:
            continue
        right = [speaker_right(_predicted(spans[p], c), gold[g]) for c in cands]
        found.append(Example(index, [c.features for c in cands], right))
    return found


def _predicted(span: tuple[int, int], candidate: Candidate) -> Predicted:
    """The candidate as the scorer sees a prediction: its name, its words as evidence."""
    actor = candidate.actor or candidate.name
    return Predicted(span, actor, (candidate.name,), (candidate.start, candidate.end))


# ------------------------------------------------------------------- fitting


def fit(
    examples: list[Example], steps: int = 400, rate: float = 0.5, l2: float = 1e-3
) -> dict[str, float]:
    rows = [(f, r) for e in examples for f, r in zip(e.features, e.right, strict=True)]
    weights = dict.fromkeys(FEATURES, 0.0)
    for _ in range(steps):
        grad = dict.fromkeys(FEATURES, 0.0)
        for features, right in rows:
            z = sum(weights[k] * v for k, v in features.items())
            p = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
            err = p - float(right)
            for k, v in features.items():
                grad[k] += err * v
        for k in weights:
            weights[k] -= rate * (grad[k] / len(rows) + l2 * weights[k])
    return {k: round(v, 4) for k, v in weights.items()}


def pick(model: Model, example: Example) -> tuple[float, bool]:
    """The best candidate's score and whether it is right."""
    scores = [model.score(f) for f in example.features]
    best = max(range(len(scores)), key=lambda i: scores[i])
    return scores[best], example.right[best]


def choose_threshold(model: Model, examples: list[Example], precision: float) -> float:
    """The lowest threshold whose proposals are right at least `precision` of the time."""
    picks = sorted((pick(model, e) for e in examples), reverse=True)
    best, right = 1.0, 0
    for n, (score, ok) in enumerate(picks, 1):
        right += ok
        if right / n >= precision:
            best = score
    return best


def train(examples: list[Example], precision: float) -> Model:
    weights = fit(examples)
    model = Model(weights, 0.5)
    return Model(weights, round(choose_threshold(model, examples, precision), 4))


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
    articles: list[GoldArticle], examples: list[Example], folds: int, precision: float
) -> None:
    base_det, base_pairs = Tally(), Tally()
    det, pairs = Tally(), Tally()
    proposed = right = 0
    for fold in range(folds):
        held = [a for i, a in enumerate(articles) if i % folds == fold]
        model = train([e for e in examples if e.article % folds != fold], precision)
        for example in (e for e in examples if e.article % folds == fold):
            score, ok = pick(model, example)
            if score >= model.threshold:
                proposed += 1
                right += ok
        d, p = end_to_end(held, None)
        base_det.add(d)
        base_pairs.add(p)
        d, p = end_to_end(held, model)
        det.add(d)
        pairs.add(p)
        print(f"fold {fold + 1}/{folds}: threshold {model.threshold:.3f}, e2e F1 {p.f1:.3f}")
    print(f"cross-validated on train ({folds} folds, each scored by a model that never saw it):")
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
    parser.add_argument("--precision", type=float, default=0.6,
                        help="the share of ranked proposals that must be right")  # fmt: skip
    parser.add_argument("--write", action="store_true", help=f"write {MODEL_FILE.name}")
    args = parser.parse_args()
    if not (args.polnear / "train").is_dir():
        print(f"PolNeAR not found at {args.polnear}: give --polnear DIR", file=sys.stderr)
        return 2
    articles = read_split(args.polnear, "train")
    examples = [e for i, a in enumerate(articles) for e in examples_of(i, a)]
    positive = sum(any(e.right) for e in examples)
    print(f"train: {len(articles)} articles, {len(examples)} unattributed gold quotes with "
          f"candidates, {positive} with the right speaker among them")  # fmt: skip
    if args.folds > 1:
        cross_validate(articles, examples, args.folds, args.precision)
    model = train(examples, args.precision)
    print(f"model on all of train: threshold {model.threshold:.3f}")
    for name, weight in sorted(model.weights.items(), key=lambda kv: -abs(kv[1])):
        print(f"  {weight:+.3f}  {name}")
    if args.write:
        data = {
            "trained_on": "PolNeAR train split (scripts/train_speaker_ranker.py)",
            "precision_target": args.precision,
            "threshold": model.threshold,
            "weights": model.weights,
        }
        MODEL_FILE.write_text(json.dumps(data, indent=1, sort_keys=True) + "\n", encoding="utf-8")
        print(f"wrote {MODEL_FILE.relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
