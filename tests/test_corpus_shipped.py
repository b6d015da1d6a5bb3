"""The corpus shipped in this repository is valid, and uses its schemas."""

from __future__ import annotations

from pathlib import Path

from brief.corpus.load import (
    FILE_LAYOUT,
    WORKSPACE_FILE,
    WORKSPACE_KIND,
    FileKind,
    load_workspace,
    schema_line,
)

REPO = Path(__file__).resolve().parents[1]


def shipped_files() -> list[tuple[FileKind, Path]]:
    """Every YAML file the loader reads, with its kind (`_workspace.yaml` is no briefing)."""
    files = [
        (kind, path)
        for kind in FILE_LAYOUT
        for path in sorted((REPO / kind.folder).glob("*.yaml"))
        if not path.name.startswith("_")
    ]
    assert (REPO / WORKSPACE_FILE).is_file()
    return [*files, (WORKSPACE_KIND, REPO / WORKSPACE_FILE)]


def test_shipped_corpus_is_valid() -> None:
    loaded = load_workspace(REPO)
    assert [str(p) for p in loaded.problems] == []
    # Valid because empty would be no test at all.
    assert all(n > 0 for n in loaded.corpus.counts().values()), loaded.corpus.counts()


def test_every_shipped_text_belongs_to_a_source() -> None:
    corpus = load_workspace(REPO).corpus
    used = {Path("seeds", s.text).as_posix() for s in corpus.sources.values()}
    texts = {p.relative_to(REPO).as_posix() for p in (REPO / "seeds" / "texts").glob("*")}
    assert len(corpus.sources) >= 5, "the five seed articles are curated as sources"
    assert len(texts) >= 5
    assert texts <= used, f"texts without a source: {sorted(texts - used)}"


def test_every_shipped_yaml_file_names_its_schema_for_editors() -> None:
    for kind, path in shipped_files():
        first = path.read_text(encoding="utf-8").split("\n", 1)[0]
        assert first == schema_line(REPO, path, kind.schema), path.relative_to(REPO)


def test_editors_schemas_accept_every_shipped_file_and_catch_a_typo() -> None:
    """What the VS Code YAML extension checks (draft-07) agrees with `brief validate`."""
    import json

    import jsonschema
    import yaml

    def as_editor_sees(value: object) -> object:  # YAML 1.2 editors read dates as strings
        if isinstance(value, dict):
            return {k: as_editor_sees(v) for k, v in value.items()}
        if isinstance(value, list):
            return [as_editor_sees(v) for v in value]
        return value.isoformat() if hasattr(value, "isoformat") else value

    checked = 0
    for kind, path in shipped_files():
        schema = json.loads((REPO / "schemas" / f"{kind.schema}.schema.json").read_text())
        validator = jsonschema.Draft7Validator(
            schema, format_checker=jsonschema.Draft7Validator.FORMAT_CHECKER
        )
        data = as_editor_sees(yaml.load(path.read_bytes(), Loader=yaml.CSafeLoader))
        errors = [e.message for e in validator.iter_errors(data)]
        assert errors == [], path.relative_to(REPO)
        checked += 1
        if isinstance(data, dict) and "title" in data:
            misspelt = {**data, "titel": data["title"]}
            assert not validator.is_valid(misspelt)
    assert checked > 0


def test_every_quotation_in_the_shipped_sources_is_curated() -> None:
    """Each passage of four words or more in quotation marks in a source text
    (boilerplate aside) is, at least in part, the quote of a statement."""
    import re

    from brief.corpus.models import Statement
    from brief.corpus.provenance import VerbatimIndex

    corpus = load_workspace(REPO).corpus
    missing = []
    for ident, text in corpus.texts.items():
        index = VerbatimIndex(text)
        quoted = [
            span
            for extract in corpus.extracts.values()
            if isinstance(extract, Statement) and extract.source == ident
            for span in index.find_all(extract.quote)
        ]
        boilerplate = [s for b in corpus.sources[ident].boilerplate for s in index.find_all(b)]
        for match in re.finditer(r"[“\"]([^”\"]+)[”\"]", text):
            start, end = match.span(1)
            if len(match.group(1).split()) < 4:
                continue
            if any(a < end and start < b for a, b in quoted + boilerplate):
                continue
            missing.append(f"{ident}: {match.group(1)[:70]}")
    assert missing == []
