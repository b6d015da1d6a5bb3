"""An open issue's latest development, as known on the cut-off.

The brief prints, for each open issue, its latest development: the newest of
everything recorded on the issue (tagged with it or listed as its evidence) that
is dated and published by the cut-off, the same words of one speaker counted once,
from the first time they were reported. It is found from the end of the issue's
history; here it is checked against that definition, taken literally (views of the
whole history, the last one), on every issue of a synthetic corpus at several
cut-offs.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import sys
from pathlib import Path

import pytest

from brief.api import load
from brief.assemble.assembler import Assembly
from brief.assemble.compose import plan
from brief.assemble.index import index_for
from brief.assemble.sections import ExtractView
from brief.corpus import AnyExtract, Corpus
from brief.corpus.models import OpenIssue, Statement

ROOT = Path(__file__).resolve().parents[1]


def _synth():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("synth", ROOT / "benchmarks" / "synth.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["synth"] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Corpus:
    synth = _synth()
    root = tmp_path_factory.mktemp("latest")
    # Few issues for many extracts: long histories, statements reported more than once.
    synth.generate(root, synth.Sizes(sources=300, extracts=3000, actors=60, briefings=3, issues=12))
    corpus = load(root)
    _restate(corpus)
    return corpus


def _restate(corpus: Corpus) -> None:
    """Every 7th statement reported again, by another outlet, days to months later:
    the same words, so one statement from the first report on (the synthetic corpus
    seldom repeats a quote). Some repeats lie after the cut-offs, in sources published
    after them."""
    sources = sorted(corpus.sources.values(), key=lambda s: (s.published_when.last, s.id))
    statements = sorted(
        (e for e in corpus.extracts.values() if isinstance(e, Statement)), key=lambda e: e.id
    )
    for n, said in enumerate(statements[::7]):
        later = said.date + dt.timedelta(days=(3, 20, 90)[n % 3])
        reporter = next(
            (s for s in sources if s.published_when.last >= later and s.id != said.source),
            sources[-1],
        )
        again = said.model_copy(update={"id": f"{said.id}-again", "source": reporter.id})
        corpus.extracts[again.id] = again.model_copy(update={"date": later})


def _known_history(assembly: Assembly, issue: OpenIssue) -> list[AnyExtract]:
    extracts = assembly.corpus.extracts
    recorded = [*assembly.index.on_issue(issue.id, None, assembly.as_of)]
    recorded += [extracts[i] for i in issue.evidence if i in extracts]
    known = assembly.known({e.id: e for e in recorded}.values())
    return sorted(known, key=lambda e: (e.when.key, e.id))


def _by_definition(assembly: Assembly, issue: OpenIssue) -> ExtractView | None:
    """The last of the views of everything known of the issue on the cut-off."""
    known = _known_history(assembly, issue)
    return assembly.mixed_views(known)[-1] if known else None


def _assembly(corpus: Corpus, subject: str, as_of: dt.date) -> Assembly:
    the_plan = plan(corpus, subject, as_of=as_of)
    return Assembly(corpus, index_for(corpus), the_plan.subject, the_plan.as_of, the_plan.since)


def test_latest_development_is_the_newest_known_by_the_cut_off(corpus: Corpus) -> None:
    newest = max(e.when.last for e in corpus.extracts.values())
    cut_offs = [newest - dt.timedelta(days=days) for days in (0, 9, 40, 120, 300)]
    subjects = sorted({s for i in corpus.issues.values() for s in i.subjects})
    checked = passed_over = unknown = 0
    for as_of in cut_offs:
        for subject in subjects:
            assembly = _assembly(corpus, subject, as_of)
            for issue in assembly.index.issues.get(subject, []):
                view = assembly.issue_view(issue)
                expected = _by_definition(assembly, issue)
                if expected is None:
                    assert view is None
                    unknown += 1
                    continue
                assert view is not None and view.latest == expected, (issue.id, as_of)
                checked += 1
                # the newest report repeats words first reported earlier: not the latest
                newest = max(_known_history(assembly, issue), key=lambda e: (e.when.last, e.id))
                passed_over += newest.id != expected.id
    # The corpus exercises what matters: many issues, newest reports of old words.
    assert checked > 50 and passed_over > 5, (checked, passed_over, unknown)
