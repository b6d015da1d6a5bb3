"""Reading the workspace: seeds/ and briefings/ into a `Corpus`.

MINIMAL FIRST VERSION: the validation issue replaces this with located,
all-problems-at-once loading. The public entry point stays `load_corpus`.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from brief.corpus.corpus import Corpus
from brief.corpus.models import (
    ActorsFile,
    Briefing,
    ExtractsFile,
    IssuesFile,
    JudgmentsFile,
    Source,
)
from brief.errors import InvalidInput, Problem


def _read_yaml(path: Path, corpus: Corpus) -> object:
    raw = path.read_bytes()
    corpus.input_files[path.relative_to(corpus.root).as_posix()] = raw
    return yaml.load(raw.decode("utf-8"), Loader=yaml.CSafeLoader)


def load_corpus(root: Path) -> Corpus:
    """Load and validate the workspace at `root`; raise `InvalidInput` listing all problems."""
    root = Path(root)
    corpus = Corpus(root=root)
    problems: list[Problem] = []
    seeds = root / "seeds"
    for path in sorted((seeds / "sources").glob("*.yaml")):
        source = Source.model_validate(_read_yaml(path, corpus))
        corpus.sources[source.id] = source
        text_path = seeds / source.text
        raw = text_path.read_bytes()
        corpus.input_files[text_path.relative_to(root).as_posix()] = raw
        corpus.texts[source.id] = raw.decode("utf-8")
    for path in sorted((seeds / "actors").glob("*.yaml")):
        for actor in ActorsFile.model_validate(_read_yaml(path, corpus)).actors:
            corpus.actors[actor.id] = actor
    for path in sorted((seeds / "extracts").glob("*.yaml")):
        for extract in ExtractsFile.model_validate(_read_yaml(path, corpus)).extracts:
            corpus.extracts[extract.id] = extract
    for path in sorted((seeds / "issues").glob("*.yaml")):
        for issue in IssuesFile.model_validate(_read_yaml(path, corpus)).issues:
            corpus.issues[issue.id] = issue
    for path in sorted((seeds / "judgments").glob("*.yaml")):
        for judgment in JudgmentsFile.model_validate(_read_yaml(path, corpus)).judgments:
            corpus.judgments[judgment.id] = judgment
    for path in sorted((root / "briefings").glob("*.yaml")):
        corpus.briefings[path.stem] = Briefing.model_validate(_read_yaml(path, corpus))
    if problems:
        raise InvalidInput(problems)
    return corpus
