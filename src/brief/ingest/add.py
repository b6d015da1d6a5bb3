"""`brief sources add`: a new source record, its stored text and, for HTML, the original page."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError

from brief.corpus.checks import web_address_problem
from brief.corpus.controls import strip_controls, text_problem
from brief.corpus.models import Source, SourceKind
from brief.errors import InvalidInput, Problem
from brief.fold import id_slug as slugify
from brief.fsutil import atomic_write_bytes
from brief.grades import parse_reliability
from brief.ingest import yamlio
from brief.ingest.boilerplate import find_boilerplate
from brief.ingest.language import detect_language
from brief.ingest.read import read_document

REQUIRED = ("title", "outlet", "published", "kind", "reliability")
"""Metadata a source cannot do without; asked for when neither file nor flags give it."""

QUESTIONS = {
    "title": "Title",
    "outlet": "Outlet (publisher)",
    "published": "Publication date (YYYY-MM-DD)",
    "kind": "Kind (" + ", ".join(k.value for k in SourceKind) + ")",
    "reliability": "Reliability grade (A-F)",
}

Prompt = Callable[[str], str]


@dataclass
class Added:
    source: Source
    source_file: Path
    text_file: Path
    original_file: Path | None


def add_source(
    workspace: Path,
    path: Path,
    *,
    overrides: dict[str, str | None] | None = None,
    prompt: Prompt | None = None,
    accessed: dt.date | None = None,
) -> Added:
    """Read `path`, complete its metadata, refuse duplicates, write text and record atomically.

    `overrides` (title, outlet, author, url, published, kind, reliability,
    reliability_note) win over what the file states. Missing required
    metadata is asked with `prompt`; without one it is an `InvalidInput`
    naming every missing field.
    """
    seeds = Path(workspace) / "seeds"
    document = read_document(path)
    if why := text_problem(document.text_bytes):
        raise InvalidInput(Problem(file=str(path), message=why))
    metadata = _metadata(path, document.metadata, overrides or {}, prompt)
    sha256 = hashlib.sha256(document.text_bytes).hexdigest()
    existing = _existing_sources(seeds)
    _refuse_duplicate(path, sha256, existing)
    source = _source(path, metadata, document.text, sha256, existing, accessed)
    text_file = seeds / source.text
    source_file = seeds / "sources" / f"{source.id}.yaml"
    original_file = None
    # The text goes first: a source record must never point at a missing text.
    atomic_write_bytes(text_file, document.text_bytes)
    if document.original is not None:
        original_file = seeds / "originals" / f"{source.id}{document.original_suffix}"
        atomic_write_bytes(original_file, document.original)
    data = source.model_dump(mode="python", exclude_defaults=False)
    if not data["boilerplate"]:
        del data["boilerplate"]
    atomic_write_bytes(source_file, yamlio.dump(data, schema="source"))
    return Added(source, source_file, text_file, original_file)


def _metadata(
    path: Path, stated: dict[str, str], overrides: dict[str, str | None], prompt: Prompt | None
) -> dict[str, str]:
    """What the file states, overridden by the options, missing fields asked for."""
    metadata = dict(stated)
    metadata.update({key: value for key, value in overrides.items() if value})
    cleaned, _ = strip_controls(metadata)  # what validate would warn about, never written
    metadata = {str(key): str(value) for key, value in cleaned.items()}
    if metadata.get("url") and (why := web_address_problem(metadata["url"])):
        # Given: a mistake to report. Found in the page: not usable, not recorded.
        if overrides.get("url"):
            raise InvalidInput(Problem(file="--url", message=f"{metadata['url']!r}: {why}"))
        del metadata["url"]
    if metadata.get("reliability"):
        metadata["reliability"] = _grade(path, metadata["reliability"])
    _ask_missing(path, metadata, prompt)
    return metadata


def _ask_missing(path: Path, metadata: dict[str, str], prompt: Prompt | None) -> None:
    """Required metadata the file and options lack, asked with `prompt`, else refused."""
    missing = [name for name in REQUIRED if not metadata.get(name)]
    if missing and prompt is None:
        raise InvalidInput(
            Problem(
                file=str(path),
                message="missing metadata: "
                + ", ".join(_flag(name) for name in missing)
                + " (give them as options)",
            )
        )
    for name in missing:
        metadata[name] = prompt(QUESTIONS[name]).strip() if prompt else ""
        if name == "reliability" and metadata[name]:
            metadata[name] = _grade(path, metadata[name])


def _refuse_duplicate(path: Path, sha256: str, existing: dict[str, str]) -> None:
    for source_id, known_hash in existing.items():
        if known_hash == sha256:
            raise InvalidInput(
                Problem(
                    file=str(path),
                    message=f"duplicate: the same text is already source '{source_id}' "
                    f"(sha256 {sha256[:12]}…)",
                )
            )


def _source(
    path: Path,
    metadata: dict[str, str],
    text: str,
    sha256: str,
    existing: dict[str, str],
    accessed: dt.date | None,
) -> Source:
    """The source record, validated; its problems located at `path`."""
    published, precision = _parse_date(path, metadata["published"])
    source_id = _unique_id(
        f"{metadata['outlet']} {published:%Y-%m-%d} {metadata['title']}", existing
    )
    boilerplate = find_boilerplate(text)
    grade = metadata["reliability"]
    record = {
        "id": source_id,
        "title": metadata["title"],
        "outlet": metadata["outlet"],
        "author": metadata.get("author"),
        "url": metadata.get("url"),
        "published": published,
        "published_precision": precision,
        "accessed": accessed or dt.date.today(),
        "language": detect_language(_without(text, boilerplate)),
        "kind": metadata["kind"],
        "reliability": grade,
        "reliability_note": metadata.get("reliability_note")
        or f"Graded {grade} by the analyst at ingest; no reason recorded.",
        "text": f"texts/{source_id}.txt",
        "sha256": sha256,
        "boilerplate": boilerplate,
    }
    try:
        return Source.model_validate(record)
    except ValidationError as exc:
        raise InvalidInput(
            [
                Problem(
                    file=str(path),
                    field=".".join(str(part) for part in error["loc"]),
                    message=error["msg"],
                )
                for error in exc.errors()
            ]
        ) from exc


def _grade(path: Path, text: str) -> str:
    """The one grade rule (brief.grades): "C3" is explained, never cut to "C"."""
    try:
        return parse_reliability(text)
    except ValueError as err:
        raise InvalidInput(Problem(file=str(path), field="grade", message=str(err))) from None


def _flag(name: str) -> str:
    return {"published": "--date", "reliability": "--grade"}.get(name, f"--{name}")


def _parse_date(path: Path, value: str) -> tuple[dt.date, str]:
    value = value.strip()
    try:
        if len(value) == 7:
            return dt.date.fromisoformat(value + "-01"), "month"
        return dt.date.fromisoformat(value[:10]), "day"
    except ValueError as exc:
        raise InvalidInput(
            Problem(
                file=str(path),
                field="published",
                message=f"'{value}' is not a date: use YYYY-MM-DD or YYYY-MM",
            )
        ) from exc


def _existing_sources(seeds: Path) -> dict[str, str]:
    """id -> sha256 of every source already in the workspace (read leniently)."""
    found: dict[str, str] = {}
    for file in sorted((seeds / "sources").glob("*.yaml")):
        try:
            data = yamlio.load(file)
        except InvalidInput:
            continue
        if isinstance(data, dict):
            found[str(data.get("id", file.stem))] = str(data.get("sha256", ""))
    return found


def _unique_id(base: str, existing: dict[str, str]) -> str:
    base = re.sub(r"(?:-(?:and|or|the|of|a|an|to|in|on|for|with))+$", "", slugify(base, 60))
    candidate, n = base, 2
    while candidate in existing:
        candidate, n = f"{base}-{n}", n + 1
    return candidate


def _without(text: str, passages: list[str]) -> str:
    for passage in passages:
        text = text.replace(passage, "")
    return text
