"""Measured quality of the extractor: precision, recall and F1 against gold standards.

Gold standards:
- the curated corpus (in-sample): every hand-curated source (not itself
  proposed by a tool) with its direct statements and the actors its
  extracts and roles name;
- folders of gold articles given with `--gold DIR` (each `<name>.txt` with a
  hand-written `<name>.gold.yaml` and a shared `actors.yaml`);
- PolNeAR (`brief.ingest.polnear`): real news with annotated attributions,
  the train split in-sample (rules were developed on it), the dev split
  partly in-sample (no text of it was read; its per-rule error counts were,
  and shaped the dash-signature rules).

Matching cannot flatter: predictions and gold quotations are paired one to
one, and a pair counts only when the overlap is at least half of the LONGER
span, so a four-word fragment of a long quotation is not a find, and one
prediction never finds two gold quotations.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import yaml

from brief.corpus.models import Actor, ActorsFile, Event, Statement, StatementMode
from brief.corpus.provenance import find_verbatim
from brief.fold import id_fold as fold
from brief.ingest.boilerplate import find_boilerplate
from brief.ingest.extract import extract
from brief.ingest.polnear import GoldQuote, read_split

if TYPE_CHECKING:
    from brief.corpus import AnyExtract

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
class Accuracy:
    right: int = 0
    total: int = 0

    def add(self, other: Accuracy) -> None:
        self.right += other.right
        self.total += other.total

    @property
    def value(self) -> float:
        return self.right / self.total if self.total else 1.0


@dataclass
class ArticleScore:
    name: str
    quotes: Tally
    """(quote, speaker) pairs: end-to-end."""
    mentions: Tally = field(default_factory=Tally)
    misses: list[str] = field(default_factory=list)
    detection: Tally = field(default_factory=Tally)
    """Quotations alone, speaker ignored."""
    named: Accuracy = field(default_factory=Accuracy)
    """Speaker right, of the found quotations whose gold speaker is a proper name."""


def overlaps_enough(a: Span, b: Span) -> bool:
    """At least half of the longer span is shared."""
    shared = min(a[1], b[1]) - max(a[0], b[0])
    return shared > 0 and 2 * shared >= max(a[1] - a[0], b[1] - b[0])


def one_to_one(
    predicted: list[Span], gold: list[Span], ok: Callable[[int, int], bool] | None = None
) -> list[tuple[int, int]]:
    """Pairs (prediction, gold), each used at most once, largest overlaps first."""
    candidates = []
    for p, pspan in enumerate(predicted):
        for g, gspan in enumerate(gold):
            if overlaps_enough(pspan, gspan) and (ok is None or ok(p, g)):
                shared = min(pspan[1], gspan[1]) - max(pspan[0], gspan[0])
                candidates.append((-shared, p, g))
    used_p: set[int] = set()
    used_g: set[int] = set()
    pairs = []
    for _, p, g in sorted(candidates):
        if p not in used_p and g not in used_g:
            used_p.add(p)
            used_g.add(g)
            pairs.append((p, g))
    return pairs


def _tally(pairs: list[tuple[int, int]], predicted: int, gold: int) -> Tally:
    return Tally(true_pos=len(pairs), predicted=predicted, gold=gold, found=len(pairs))


def score_quotes(
    text: str,
    gold: list[tuple[Span, str]],
    predicted: list[tuple[Span, str | None]],
) -> tuple[Tally, list[str]]:
    """(quote, speaker) pairs where speakers are actor ids: the same id is right."""
    pairs = one_to_one(
        [p[0] for p in predicted], [g[0] for g in gold], lambda p, g: predicted[p][1] == gold[g][1]
    )
    found_g = {g for _, g in pairs}
    found_p = {p for p, _ in pairs}
    misses = [
        f"missed {g[1]}: {text[g[0][0] : g[0][1]][:60]!r}"
        for i, g in enumerate(gold)
        if i not in found_g
    ] + [
        f"wrong {p[1]}: {text[p[0][0] : p[0][1]][:60]!r}"
        for i, p in enumerate(predicted)
        if i not in found_p
    ]
    return _tally(pairs, len(predicted), len(gold)), misses


def score_detection(gold: list[Span], predicted: list[Span]) -> Tally:
    return _tally(one_to_one(predicted, gold), len(predicted), len(gold))


def score_mentions(gold: set[str], predicted: set[str]) -> Tally:
    both = len(gold & predicted)
    return Tally(true_pos=both, predicted=len(predicted), gold=len(gold), found=both)


def _mention_misses(gold: set[str], predicted: set[str]) -> list[str]:
    return [f"missed actor {a}" for a in sorted(gold - predicted)] + [
        f"extra actor {a}" for a in sorted(predicted - gold)
    ]


@dataclass(frozen=True)
class Predicted:
    span: Span
    speaker: str | None
    """Actor id, None when unattributed."""
    names: tuple[str, ...]
    """The speaker's name and aliases (registry or proposed new actor)."""
    evidence: Span | None
    """Where the speaker's words are (`he`, `Mr. Rove`, `a spokesperson for ...`)."""


def predict(
    text: str, actors: list[Actor], boilerplate: list[str]
) -> tuple[list[Predicted], set[str]]:
    found = extract(text, actors, boilerplate)
    names: dict[str, tuple[str, ...]] = {a.id: (a.name, *a.aliases) for a in actors}
    names.update({p.id: (p.name,) for p in found.new_people})
    predicted = [
        Predicted(
            (q.quote.start, q.quote.end),
            q.speaker,
            names.get(q.speaker, ()) if q.speaker else (),
            q.evidence,
        )
        for q in found.quotes
    ]
    return predicted, {m.actor for m in found.mentions}


def _pairs_by_id(predicted: list[Predicted]) -> list[tuple[Span, str | None]]:
    return [(p.span, p.speaker) for p in predicted]


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
        gold_quotes = _gold_quotes(text, extracts)
        named = _named(extracts) | {
            a.id for a in actors if any(source_id in role.sources for role in a.roles)
        }
        predicted, mentioned = predict(text, actors, list(source.boilerplate))
        scores.append(_id_score(source_id, text, gold_quotes, predicted, named, mentioned))
    return scores


def _gold_quotes(text: str, extracts: list[AnyExtract]) -> list[tuple[Span, str]]:
    """Where the curated direct quotations are in the text, with their speakers."""
    gold = []
    for e in extracts:
        if isinstance(e, Statement) and e.mode == StatementMode.DIRECT:
            span = find_verbatim(text, e.quote)
            if span:
                gold.append((span, e.speaker))
    return gold


def _named(extracts: list[AnyExtract]) -> set[str]:
    """Every actor the curated extracts name: subjects, speakers, participants."""
    named: set[str] = set()
    for e in extracts:
        named.update(e.subjects)
        if isinstance(e, Statement):
            named.add(e.speaker)
        if isinstance(e, Event):
            named.update(e.actors)
    return named


def _id_score(
    name: str,
    text: str,
    gold_quotes: list[tuple[Span, str]],
    predicted: list[Predicted],
    named: set[str],
    mentioned: set[str],
) -> ArticleScore:
    quotes, misses = score_quotes(text, gold_quotes, _pairs_by_id(predicted))
    misses += _mention_misses(named, mentioned)
    detection = score_detection([g[0] for g in gold_quotes], [p.span for p in predicted])
    return ArticleScore(name, quotes, score_mentions(named, mentioned), misses, detection)


# ---------------------------------------------------------- gold articles


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
            span = find_verbatim(text, item["quote"])
            if span is None:
                raise ValueError(f"{gold_file}: quote not in the text: {item['quote'][:40]!r}")
            gold_quotes.append((span, item["speaker"]))
        predicted, mentioned = predict(text, list(registry), find_boilerplate(text))
        scores.append(
            _id_score(name, text, gold_quotes, predicted, set(gold.get("mentions", [])), mentioned)
        )
    return scores


# ------------------------------------------------------------------ PolNeAR


def speaker_right(predicted: Predicted, gold: GoldQuote) -> bool:
    """Whether the predicted speaker is the annotated source.

    A source that is a proper name (`Mr. Rove`, `Clinton press secretary
    Brian Fallon`) is right when the predicted actor's name holds its head
    (`Rove`, `Fallon`); so is a name in apposition to a description (`the
    mayor, Jane Roe`). PolNeAR has no coreference, so for a pronoun or a
    description (`he`, `the official`, `the Florida senator`: capitalised
    modifiers name nobody) the speaker is right when the
    extractor took it from the annotated source words (or carried it on from
    them to a continuation); who `he` then resolves to is not checked.
    A quote with no annotated source is right when left unattributed.
    """
    if gold.source is None:
        return predicted.speaker is None
    if predicted.speaker is None:
        return False
    head = gold.head
    if head is not None:
        wanted = fold(head).replace("’", "'")  # `O’Connor` is `O'Connor`
        return any(
            wanted in fold(name).replace("’", "'").split() for name in predicted.names
        ) or any(wanted == fold(name) for name in predicted.names)
    span = gold.source_span
    ev = predicted.evidence
    return span is not None and ev is not None and ev[0] < span[1] and span[0] < ev[1]


def score_polnear_article(name: str, text: str, gold: list[GoldQuote]) -> ArticleScore:
    predicted, _ = predict(text, [], find_boilerplate(text))
    gold_spans = [(g.start, g.end) for g in gold]
    pred_spans = [p.span for p in predicted]
    detected = one_to_one(pred_spans, gold_spans)
    named = Accuracy()
    for p, g in detected:
        if gold[g].head is not None:
            named.total += 1
            named.right += speaker_right(predicted[p], gold[g])
    pairs = one_to_one(pred_spans, gold_spans, lambda p, g: speaker_right(predicted[p], gold[g]))
    return ArticleScore(
        name,
        quotes=_tally(pairs, len(predicted), len(gold)),
        detection=_tally(detected, len(predicted), len(gold)),
        named=named,
        misses=_polnear_misses(text, gold, predicted, detected, pairs),
    )


def _polnear_misses(
    text: str,
    gold: list[GoldQuote],
    predicted: list[Predicted],
    detected: list[tuple[int, int]],
    pairs: list[tuple[int, int]],
) -> list[str]:
    misses = []
    found_g = {g for _, g in detected}
    found_p = {p for p, _ in detected}
    right = {g for _, g in pairs}
    for i, g in enumerate(gold):
        if i not in found_g:
            misses.append(f"missed [{g.source}]: {text[g.start : g.end][:70]!r}")
    for i, p in enumerate(predicted):
        if i not in found_p:
            misses.append(f"extra [{p.speaker}]: {text[p.span[0] : p.span[1]][:70]!r}")
    for p_index, g_index in detected:
        if g_index not in right:
            got, want = predicted[p_index], gold[g_index]
            said = text[got.evidence[0] : got.evidence[1]] if got.evidence else None
            misses.append(
                f"speaker [{want.source}] got [{got.speaker} from {said!r}]: "
                f"{text[want.start : want.end][:50]!r}"
            )
    return misses


def score_polnear(folder: Path, split: str) -> list[ArticleScore]:
    return [score_polnear_article(a.name, a.text, a.quotes) for a in read_split(folder, split)]


# ------------------------------------------------------------------ report


def _line(label: str, tally: Tally) -> str:
    return (
        f"  {label:<30} P {tally.precision:5.3f}  R {tally.recall:5.3f}  F1 {tally.f1:5.3f}"
        f"   ({tally.true_pos}/{tally.predicted} predicted right, "
        f"{tally.found}/{tally.gold} gold found)"
    )


@dataclass
class Totals:
    detection: Tally = field(default_factory=Tally)
    pairs: Tally = field(default_factory=Tally)
    mentions: Tally = field(default_factory=Tally)
    named: Accuracy = field(default_factory=Accuracy)


def totals(scores: list[ArticleScore]) -> Totals:
    total = Totals()
    for score in scores:
        total.detection.add(score.detection)
        total.pairs.add(score.quotes)
        total.mentions.add(score.mentions)
        total.named.add(score.named)
    return total


def report(
    title: str,
    scores: list[ArticleScore],
    echo: Callable[[str], None],
    *,
    mentions: bool = True,
    named: bool = False,
    misses: bool = True,
) -> Totals:
    total = totals(scores)
    echo(f"{title}: {len(scores)} article(s), {total.detection.gold} gold quotation(s)")
    echo(_line("quote detection", total.detection))
    if named:
        echo(
            f"  {'speaker, named sources':<30} accuracy {total.named.value:5.3f}"
            f"   ({total.named.right}/{total.named.total} found quotations whose source is a name)"
        )
    echo(_line("end-to-end (quote, speaker)", total.pairs))
    if mentions:
        echo(_line("actor mentions", total.mentions))
    if misses:
        for score in scores:
            for miss in score.misses:
                echo(f"    {score.name}: {miss}")
    return total


IN_SAMPLE = "in-sample"
PARTLY_IN_SAMPLE = "partly in-sample"
DEV_PROVENANCE = (
    "no rule was written from its text; its per-rule error counts, read on 2026-12-01, "
    "led to the dash-signature rules"
)


def print_scores(
    root: Path,
    echo: Callable[[str], None],
    *,
    gold_folders: list[Path] | None = None,
    polnear: Path | None = None,
    splits: tuple[str, ...] = ("dev",),
) -> dict[str, Totals]:
    """Score on the curated corpus, any gold folders and PolNeAR; print each, labelled."""
    results = {
        "corpus": report(f"Curated corpus [{IN_SAMPLE}]", score_corpus(root), echo),
    }
    for folder in gold_folders or []:
        registry = folder / "actors.yaml"
        if not registry.is_file():
            registry = next(
                (f / "actors.yaml" for f in gold_folders or [] if (f / "actors.yaml").is_file()),
                registry,
            )
        results[folder.name] = report(
            f"Gold articles {folder} [{IN_SAMPLE}: the rules were written from them]",
            score_articles(folder, registry),
            echo,
        )
    if polnear is None or not (polnear / "dev").is_dir():
        echo(f"PolNeAR: not found ({polnear}); give --polnear DIR")
        return results
    for split in splits:
        label = PARTLY_IN_SAMPLE if split == "dev" else IN_SAMPLE
        why = DEV_PROVENANCE if split == "dev" else "the rules were developed on it"
        results[f"polnear-{split}"] = report(
            f"PolNeAR {split} [{label}: {why}]",
            score_polnear(polnear, split),
            echo,
            mentions=False,
            named=True,
            misses=False,
        )
    return results
