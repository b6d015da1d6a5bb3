"""The extractor generalises: no sample-corpus names, no reading of tests/, lexicons as data."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[1]
INGEST = REPO / "src" / "brief" / "ingest"


def _sample_corpus_names() -> set[str]:
    """People (full names and surnames), places and outlets of the seeds and test articles."""
    names: set[str] = set()
    registries = [*(REPO / "seeds" / "actors").glob("*.yaml"),
                  *(REPO / "tests" / "data").glob("*/actors.yaml")]  # fmt: skip
    for registry in registries:
        for actor in yaml.safe_load(registry.read_text(encoding="utf-8"))["actors"]:
            if actor["kind"] not in {"person", "country", "region", "outlet"}:
                continue
            for name in (actor["name"], *actor.get("aliases", [])):
                names.add(name)
                if actor["kind"] == "person":
                    names.add(name.split()[-1])
    for source in (REPO / "seeds" / "sources").glob("*.yaml"):
        names.add(yaml.safe_load(source.read_text(encoding="utf-8"))["outlet"])
    return {name for name in names if len(name) >= 4}


def _extractor_files() -> list[Path]:
    return sorted(p for p in INGEST.rglob("*") if p.is_file() and p.suffix in {".py", ".txt"})


def test_the_sample_corpus_has_names_to_look_for() -> None:
    names = _sample_corpus_names()
    assert len(names) >= 30
    assert any(" " in name for name in names)


def test_the_extractor_names_no_person_outlet_or_place_of_the_sample_corpus() -> None:
    names = _sample_corpus_names()
    found = []
    for path in _extractor_files():
        text = path.read_text(encoding="utf-8")
        for name in names:
            if re.search(rf"(?<!\w){re.escape(name)}(?!\w)", text):
                found.append(f"{path.relative_to(REPO)}: {name}")
    assert not found, "\n".join(found)


def test_no_code_or_help_text_in_src_names_the_sample_corpus() -> None:
    """Help examples and docstrings use invented placeholders (Norland, Jane Roe); only
    the sample workspace `brief init` copies (resources/init) holds the sample corpus."""
    names = _sample_corpus_names()
    sample = REPO / "src" / "brief" / "resources" / "init"
    alternatives = "|".join(re.escape(n) for n in sorted(names - GENERIC, key=len, reverse=True))
    pattern = re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)")
    found: list[str] = []
    for path in sorted((REPO / "src" / "brief").rglob("*")):
        if not path.is_file() or path.suffix not in {".py", ".txt", ".j2", ".md", ".yaml"}:
            continue
        if sample in path.parents:
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            if "marking" in line.casefold():
                continue  # the rule that no NATO marking heads open-source work (TRADECRAFT)
            found += [f"{path.relative_to(REPO)}: {m.group(0)}" for m in pattern.finditer(line)]
    assert not found, "\n".join(found)


GENERIC = {"U.S."}
"""Abbreviations any English text uses (`not "U.S." or "Mr."`), not the sample's."""


def test_no_code_path_of_the_extractor_reads_tests() -> None:
    for path in INGEST.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"[\"'/]tests[\"'/]", text), f"{path.name} refers to tests/"


def test_word_lists_live_in_data_files() -> None:
    """Long alternations of words in code are lexicons in disguise."""
    for path in INGEST.glob("*.py"):
        text = path.read_text(encoding="utf-8")
        for literal in re.findall(r'r?"((?:[^"\\]|\\.)*)"', text):
            assert literal.count("|") <= 10, f"{path.name}: a word list in code: {literal[:60]}"
    assert len(list((INGEST / "data").glob("*.txt"))) >= 10
