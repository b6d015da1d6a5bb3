"""Reading the workspace: seeds/ and briefings/ into a checked `Corpus`.

Every file is read, parsed and validated even when others are broken, and
every problem is reported at once, located at file:line:column and field.
The clean path does no position bookkeeping: files are parsed with libyaml
and validated by pydantic in one call per file; only a file with a problem
is looked at again, item by item and node by node.
"""

from __future__ import annotations

import difflib
import hashlib
import os
import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Annotated, Any, TypeVar, get_args, get_origin

from pydantic import BaseModel, TypeAdapter, ValidationError

from brief.confine import RefusedFile, read_input
from brief.corpus import checks, warn_once
from brief.corpus.cache import gc_paused
from brief.corpus.checks import Finding
from brief.corpus.controls import describe, strip_controls, text_problem
from brief.corpus.corpus import Corpus
from brief.corpus.models import (
    ActorsFile,
    Briefing,
    ExtractsFile,
    IssuesFile,
    JudgmentsFile,
    Source,
    WorkspaceSettings,
)
from brief.corpus.theme_files import check_theme
from brief.corpus.yamlfile import Duplicate, Loc, Locator, NotLoaded, decode_utf8, load_yaml
from brief.errors import InvalidInput, Problem

SCHEMA_LINE = "# yaml-language-server: $schema="
M = TypeVar("M", bound=BaseModel)


@dataclass(frozen=True)
class FileKind:
    schema: str
    folder: str
    model: type[BaseModel]
    list_key: str | None = None
    """Key of the list of records, for files holding many."""


FILE_LAYOUT = (
    FileKind("source", "seeds/sources", Source),
    FileKind("actors", "seeds/actors", ActorsFile, "actors"),
    FileKind("extracts", "seeds/extracts", ExtractsFile, "extracts"),
    FileKind("issues", "seeds/issues", IssuesFile, "issues"),
    FileKind("judgments", "seeds/judgments", JudgmentsFile, "judgments"),
    FileKind("briefing", "briefings", Briefing),
)
WORKSPACE_KIND = FileKind("workspace", "briefings", WorkspaceSettings)
WORKSPACE_FILE = "briefings/_workspace.yaml"
"""Optional settings for every brief; briefing files starting with `_` are not briefings."""


@dataclass
class Loaded:
    """The corpus plus where each record was written, for the cross-checks."""

    corpus: Corpus
    origins: dict[str, dict[str, tuple[str, Loc]]] = field(default_factory=dict)
    """kind ('sources', 'actors', ...) -> id -> (file, path of the record in it)."""
    broken: set[tuple[str, str]] = field(default_factory=set)
    """(kind, id) of records written but invalid: references to them are not 'unknown'."""
    findings: list[Finding] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    warnings: list[Finding] = field(default_factory=list)
    """Fixed while loading (control characters removed): reported, not fatal."""
    raw: dict[str, bytes] = field(default_factory=dict, repr=False)
    """Relative path -> bytes of every file read, to locate problems in."""


def load_checked(root: Path) -> Corpus:
    """Load and check everything (`brief.corpus.load_corpus` on a cache miss);
    raise `InvalidInput` listing every problem."""
    loaded = load_workspace(root)
    warn_once(loaded.corpus.warnings)
    if loaded.problems:
        raise InvalidInput(loaded.problems)
    loaded.corpus.texts.release()  # checked: read again when asked
    return loaded.corpus


def load_workspace(root: Path) -> Loaded:
    """Load everything that can be loaded, check it, and collect every problem."""
    with gc_paused():
        return _load_workspace(root)


def _load_workspace(root: Path) -> Loaded:
    loaded = Loaded(corpus=Corpus(root=root))
    if not (root / "seeds").is_dir():
        loaded.problems.append(
            Problem(file=str(root), message="no seeds/ folder here: not a brief workspace")
        )
        return loaded
    for kind in FILE_LAYOUT:
        for path in _yaml_files(root, kind, loaded):
            _load_file(root, path, kind, loaded)
    if (root / WORKSPACE_FILE).is_file():
        _load_file(root, root / WORKSPACE_FILE, WORKSPACE_KIND, loaded)
        pdf = loaded.corpus.settings.pdf
        loaded.findings += check_theme(root, pdf, loaded.corpus.input_files)
    _read_templates(root, loaded)
    loaded.findings.extend(checks.run(loaded))
    locator = Locator(loaded.raw)
    for finding in loaded.findings:
        where = locator.locate(finding.file, finding.loc, at_key=finding.at_key)
        message = finding.message
        if finding.also:
            other = locator.locate(*finding.also)
            message += f" (also at {finding.also[0]}:{other.line}:{other.column})"
        loaded.problems.append(
            Problem(finding.file, where.line, where.column, where.field or None, message)
        )
    loaded.problems.sort()
    loaded.corpus.warnings = sorted(
        Problem(w.file, where.line, where.column, where.field or None, w.message)
        for w in loaded.warnings
        for where in [locator.locate(w.file, w.loc)]
    )
    return loaded


def _yaml_files(root: Path, kind: FileKind, loaded: Loaded) -> list[Path]:
    folder = root / kind.folder
    if not folder.is_dir():
        return []
    for stray in sorted(folder.glob("*.yml")):
        loaded.problems.append(
            Problem(file=_rel(root, stray), message="not read: brief reads *.yaml files only")
        )
    return sorted(p for p in folder.glob("*.yaml") if not p.name.startswith("_"))


def _rel(root: Path, path: Path) -> str:
    return path.relative_to(root).as_posix()


def _load_file(root: Path, path: Path, kind: FileKind, loaded: Loaded) -> None:
    rel = _rel(root, path)
    try:
        raw = read_input(root, path)
    except RefusedFile as refused:
        loaded.problems.append(Problem(file=rel, message=str(refused)))
        return
    _read(rel, raw, loaded)
    if raw.strip():
        _check_schema_line(root, path, rel, raw, kind, loaded)
    try:
        data, duplicates = load_yaml(rel, raw)
    except NotLoaded as error:
        loaded.problems.append(error.problem)
        _salvage_ids(raw, kind, loaded)
        return
    loaded.problems.extend(_duplicate_problem(rel, dup) for dup in duplicates)
    data, stripped = strip_controls(data)
    loaded.warnings.extend(Finding(rel, loc, describe(chars)) for loc, chars in stripped)
    if not isinstance(data, dict):
        what = "records under '" + kind.list_key + ":'" if kind.list_key else "fields"
        loaded.findings.append(
            Finding(rel, (), f"expected a mapping of {what}, found {_type_name(data)}")
        )
        return
    if kind.list_key and not isinstance(data.get(kind.list_key, []), list):
        loaded.findings.append(
            Finding(
                rel,
                (kind.list_key,),
                f"expected a list of records, found {_type_name(data[kind.list_key])}",
            )
        )
        return
    try:
        model = kind.model.model_validate(data)
    except ValidationError as error:
        _file_errors(rel, kind, data, error, loaded)
        return
    _store(root, rel, kind, model, loaded)


def _duplicate_problem(rel: str, dup: Duplicate) -> Problem:
    return Problem(
        file=rel,
        line=dup.line,
        column=dup.column,
        field=dup.key,
        message=f"duplicate key (first at line {dup.first_line}); YAML keeps only one",
    )


def load_model_file(rel: str, raw: bytes, model: type[M]) -> M:
    """One YAML file outside the corpus folders (e.g. a draft), read and checked
    as `brief validate` reads corpus files: `InvalidInput` with every problem,
    each at file:line:column and field."""
    try:
        data, duplicates = load_yaml(rel, raw)
    except NotLoaded as error:
        raise InvalidInput(error.problem) from None
    problems = [_duplicate_problem(rel, dup) for dup in duplicates]
    findings: list[Finding] = []
    result: M | None = None
    if not isinstance(data, dict):
        findings.append(Finding(rel, (), f"expected a mapping of fields, found {_type_name(data)}"))
    else:
        try:
            result = model.model_validate(data)
        except ValidationError as error:
            findings = _findings(rel, error, model)
    locator = Locator({rel: raw})
    for finding in findings:
        where = locator.locate(rel, finding.loc, at_key=finding.at_key)
        problems.append(
            Problem(rel, where.line, where.column, where.field or None, finding.message)
        )
    if problems or result is None:
        raise InvalidInput(problems)
    return result


def _file_errors(
    rel: str, kind: FileKind, data: dict[str, Any], error: ValidationError, loaded: Loaded
) -> None:
    """Report a file's errors, and keep its valid records so that the
    cross-checks do not report references to them as unknown."""
    loaded.findings.extend(_findings(rel, error, kind.model))
    if not kind.list_key:
        if kind.schema == "source":
            _mark_broken("sources", data, loaded)
        return
    adapter = _item_adapter(kind.model, kind.list_key)
    kept: list[Any] = []
    for index, item in enumerate(data.get(kind.list_key) or []):
        try:
            kept.append((index, adapter.validate_python(item)))
        except ValidationError:
            _mark_broken(kind.list_key, item, loaded)
    for index, record in kept:
        _store_record(rel, kind.list_key, index, record, loaded)


def _mark_broken(key: str, item: object, loaded: Loaded) -> None:
    if isinstance(item, dict) and isinstance(item.get("id"), str):
        loaded.broken.add((key, item["id"]))


def _salvage_ids(raw: bytes, kind: FileKind, loaded: Loaded) -> None:
    """The ids a file that could not be parsed seems to define, so that
    references to them are not also reported as unknown."""
    key = kind.list_key or ("sources" if kind.schema == "source" else None)
    if key is None:
        return
    text = raw.decode("utf-8", errors="replace")
    for ident in _ID_LINE.findall(text):
        loaded.broken.add((key, ident))


_ID_LINE = re.compile(r"^[ \t-]*id:[ \t]*[\"']?([a-z0-9][a-z0-9-]*)", re.MULTILINE)


@cache
def _item_adapter(model: type[BaseModel], list_key: str) -> TypeAdapter[Any]:
    (item_type,) = get_args(model.model_fields[list_key].annotation)
    return TypeAdapter(item_type)


def _store(root: Path, rel: str, kind: FileKind, model: BaseModel, loaded: Loaded) -> None:
    corpus = loaded.corpus
    if isinstance(model, Source):
        _store_record(rel, "sources", None, model, loaded)
        if model.id in corpus.texts:
            return  # a duplicate id: reported by the cross-checks
        _read_text(root, rel, model, loaded)
    elif isinstance(model, WorkspaceSettings):
        corpus.settings = model
    elif isinstance(model, Briefing):
        corpus.briefings[Path(rel).stem] = model
        loaded.origins.setdefault("briefings", {})[Path(rel).stem] = (rel, ())
    else:
        assert kind.list_key is not None
        for index, record in enumerate(getattr(model, kind.list_key)):
            _store_record(rel, kind.list_key, index, record, loaded)


def _store_record(rel: str, key: str, index: int | None, record: Any, loaded: Loaded) -> None:
    loc: Loc = () if index is None else (key, index)
    origins = loaded.origins.setdefault(key, {})
    first = origins.get(record.id)
    if first is not None:
        first_rel, first_loc = first
        message = f"duplicate id '{record.id}'"
        loaded.findings.append(
            Finding(rel, (*loc, "id"), message, also=(first_rel, (*first_loc, "id")))
        )
        loaded.findings.append(
            Finding(first_rel, (*first_loc, "id"), message, also=(rel, (*loc, "id")))
        )
        return
    origins[record.id] = (rel, loc)
    getattr(loaded.corpus, key)[record.id] = record


def _read_text(root: Path, rel: str, source: Source, loaded: Loaded) -> None:
    corpus = loaded.corpus
    relative = Path(source.text)
    if relative.is_absolute() or Path(os.path.normpath(relative)).parts[:1] == ("..",):
        loaded.findings.append(Finding(rel, ("text",), "must be a path inside seeds/"))
        return
    text_path = root / "seeds" / relative
    text_rel = _rel(root, text_path)
    try:
        raw = read_input(root, text_path)
    except RefusedFile as refused:
        why = str(refused)
        message = f"file not found: {text_rel}" if why == "not found" else f"{text_rel}: {why}"
        loaded.findings.append(Finding(rel, ("text",), message))
        return
    # Not kept: no problem is located in a text, and the checks read it again when asked.
    _read(text_rel, raw, loaded, keep=False)
    digest = hashlib.sha256(raw).hexdigest()
    if digest != source.sha256:
        loaded.findings.append(
            Finding(
                rel,
                ("sha256",),
                f"does not match {text_rel} (its sha256 is {digest}): "
                "the raw text must stay untouched",
            )
        )
    if problem := text_problem(raw):
        loaded.findings.append(Finding(rel, ("text",), f"{text_rel}: {problem}"))
        return
    try:
        decode_utf8(text_rel, raw)
    except NotLoaded as error:
        loaded.problems.append(error.problem)
        return
    # Read again when asked (as after loading): 10,000 texts held at once as str
    # took ~100 MB while the corpus was checked.
    corpus.texts.on_disk(source.id, text_path, corpus.input_files[text_rel])


def _read(rel: str, raw: bytes, loaded: Loaded, *, keep: bool = True) -> None:
    """An input file read: its bytes kept while loading (`keep`: to locate problems in),
    its digest for good."""
    if keep:
        loaded.raw[rel] = raw
    loaded.corpus.input_files[rel] = hashlib.sha256(raw).digest()


def _read_templates(root: Path, loaded: Loaded) -> None:
    folder = root / "briefings" / "templates"
    if folder.is_dir():
        for path in sorted(p for p in folder.rglob("*") if p.is_file() or p.is_symlink()):
            try:
                _read(_rel(root, path), read_input(root, path), loaded)
            except RefusedFile as refused:
                loaded.problems.append(Problem(file=_rel(root, path), message=str(refused)))


def _check_schema_line(
    root: Path, path: Path, rel: str, raw: bytes, kind: FileKind, loaded: Loaded
) -> None:
    """A file that names its JSON Schema on its first line (for editors) must
    name the right one: a header copied from another kind of file would make
    the editor validate against the wrong schema. Files without one are fine."""
    first = raw.split(b"\n", 1)[0].decode("utf-8", errors="replace").lstrip("\ufeff").strip()
    if not first.startswith(SCHEMA_LINE):
        return
    schema = root / "schemas" / f"{kind.schema}.schema.json"
    named = first[len(SCHEMA_LINE) :].strip()
    if os.path.normpath(path.parent / named) == os.path.normpath(schema):
        return
    expected = Path(os.path.relpath(schema, path.parent)).as_posix()
    loaded.problems.append(
        Problem(
            file=rel,
            line=1,
            column=len(SCHEMA_LINE) + 1,
            message=f"names the wrong schema '{named}': a {kind.folder}/ file uses '{expected}'",
        )
    )


def schema_line(root: Path, path: Path, kind: str) -> str:
    """The first line a YAML file of `kind` at `path` should carry, for editors."""
    schema = root / "schemas" / f"{kind}.schema.json"
    return SCHEMA_LINE + Path(os.path.relpath(schema, path.parent)).as_posix()


def _type_name(value: object) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, str):
        return "a string"
    return f"a {type(value).__name__}"


# ------------------------------------------------------- pydantic errors


def _fields_at(model: type[BaseModel], loc: Loc) -> list[str]:
    """The field names allowed where `loc` points (its last part excluded)."""
    current: Any = model
    for part in loc[:-1]:
        current = _unwrap(current)
        if isinstance(part, int):
            args = get_args(current)
            current = args[0] if args else None
        elif isinstance(current, type) and issubclass(current, BaseModel):
            info = current.model_fields.get(part)
            current = info.annotation if info else None
        else:  # a union: `part` is the tag of one of its members
            current = next((m for m in get_args(current) if _tag(m) == part), None)
        if current is None:
            return []
    current = _unwrap(current)
    if isinstance(current, type) and issubclass(current, BaseModel):
        return list(current.model_fields)
    return []


def _unwrap(annotation: Any) -> Any:
    while get_origin(annotation) is Annotated:
        annotation = get_args(annotation)[0]
    return annotation


def _tag(member: Any) -> object:
    member = _unwrap(member)
    if isinstance(member, type) and issubclass(member, BaseModel) and "kind" in member.model_fields:
        return member.model_fields["kind"].default
    return None


def _findings(rel: str, error: ValidationError, model: type[BaseModel]) -> list[Finding]:
    found: list[Finding] = []
    missing: dict[Loc, list[str]] = {}
    for item in error.errors(include_url=False):
        loc: Loc = tuple(item["loc"])
        if item["type"] == "missing" and loc:
            missing.setdefault(loc[:-1], []).append(str(loc[-1]))
            continue
        if item["type"] == "extra_forbidden":
            found.append(Finding(rel, loc, _unknown_field(model, loc), at_key=True))
            continue
        message = _message(item)
        if item["type"] == "value_error":
            loc, message = _rule_field(model, loc, message)
        found.append(Finding(rel, loc, message))
    for parent, names in missing.items():
        noun = "field" if len(names) == 1 else "fields"
        found.append(Finding(rel, parent, f"missing required {noun}: {', '.join(names)}"))
    return found


def _rule_field(model: type[BaseModel], loc: Loc, message: str) -> tuple[Loc, str]:
    """A model rule's message names the field it is about first (`end: ...`):
    point at that field."""
    name, sep, rest = message.partition(": ")
    if sep and name in _fields_at(model, (*loc, name)):
        return (*loc, name), rest
    return loc, message


def _unknown_field(model: type[BaseModel], loc: Loc) -> str:
    allowed = _fields_at(model, loc)
    close = difflib.get_close_matches(str(loc[-1]), allowed, n=1, cutoff=0.6)
    if close:
        return f"unknown field; did you mean '{close[0]}'?"
    if allowed:
        return f"unknown field; allowed here: {', '.join(allowed)}"
    return "unknown field"


_DATE_PARSING = {"date_parsing", "date_from_datetime_parsing", "datetime_parsing"}


def _message(item: Any) -> str:
    kind = item["type"]
    msg = str(item["msg"])
    if kind == "union_tag_not_found":
        return "missing 'kind': one of statement, event, fact"
    if kind == "value_error":
        return msg.removeprefix("Value error, ")
    if kind in _DATE_PARSING:
        reason = item.get("ctx", {}).get("error", "")
        return f"invalid value {item['input']!r}: not a date ({reason})"
    value = item.get("input")
    if isinstance(value, str | int | float | bool) and len(repr(value)) <= 80:
        return f"{msg} (got {value!r})"
    return msg
