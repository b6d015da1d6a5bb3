"""JSON Schema of every YAML file kind, for editors (`brief schema`).

Each YAML file's first line points at its schema, so the VS Code YAML
extension (and any yaml-language-server client) validates and completes it.
The output is deterministic: same models, same bytes.
"""

from __future__ import annotations

import json
from pathlib import Path

from brief.corpus.models import FILE_KINDS
from brief.fsutil import atomic_write_bytes

SCHEMA_DIR = "schemas"


# JSON Schema draft-07: the newest the VS Code YAML extension fully supports
# (yaml-language-server issue #856), hence `definitions` rather than `$defs`.
DRAFT = "http://json-schema.org/draft-07/schema#"


def schema_bytes(kind: str) -> bytes:
    schema = FILE_KINDS[kind].model_json_schema(ref_template="#/definitions/{model}")
    if "$defs" in schema:
        schema["definitions"] = schema.pop("$defs")
    schema["$schema"] = DRAFT
    schema.setdefault("title", kind)
    text = json.dumps(schema, indent=2, sort_keys=True, ensure_ascii=False)
    return (text + "\n").encode("utf-8")


def schema_files() -> dict[str, bytes]:
    """File name -> content, e.g. `extracts.schema.json`."""
    from brief.export.assembled import export_schema_bytes

    files = {f"{kind}.schema.json": schema_bytes(kind) for kind in sorted(FILE_KINDS)}
    # Not a YAML kind: the schema of `brief export --to json`, for its readers.
    files["export.schema.json"] = export_schema_bytes()
    return files


def stale_schemas(root: Path) -> list[Path]:
    """Schema files under `root/schemas/` that are missing or differ from the models."""
    folder = Path(root) / SCHEMA_DIR
    stale = []
    for name, content in schema_files().items():
        path = folder / name
        if not path.is_file() or path.read_bytes() != content:
            stale.append(path)
    return stale


def write_schemas(root: Path) -> list[Path]:
    """Write the schemas that changed; return them."""
    files = schema_files()
    changed = stale_schemas(root)
    for path in changed:
        atomic_write_bytes(path, files[path.name])
    return changed
