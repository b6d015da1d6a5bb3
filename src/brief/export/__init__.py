"""`brief export`: a brief for the tools analysts use beside it.

- `json`: the assembled brief (its sections with their items, the sources it
  cites, the footnotes as printed), schema `schemas/export.schema.json`;
- `csl-json`: the sources it cites, as Zotero and Pandoc's citeproc read them;
- `stix`: a STIX 2.1 bundle (a report, an identity per actor, a note per
  statement with its sources as external references), for OpenCTI and MISP.

Every format is deterministic: same inputs, same bytes (ids are derived
from the corpus ids, timestamps from the as-of date).
"""

from __future__ import annotations

import datetime as dt
import json

from brief.corpus import Corpus
from brief.errors import InvalidInput, Problem

TARGETS = {"json": "json", "csl-json": "csl.json", "stix": "stix.json"}
"""Export format -> file extension."""


def export_bytes(
    corpus: Corpus,
    subject: str,
    to: str,
    *,
    as_of: dt.date | None = None,
    since: dt.date | None = None,
    marking: str | None = None,
) -> tuple[bytes, str]:
    """The brief of `subject` in the export format `to` (UTF-8 JSON ending in a newline),
    and its file name, `<subject-id>_<as-of>.<ext>`."""
    if to not in TARGETS:
        raise InvalidInput(Problem("--to", message=f"'{to}' is not one of {', '.join(TARGETS)}"))
    from brief.export.assembled import assembled

    brief = assembled(corpus, subject, as_of=as_of, since=since, marking=marking)
    if to == "json":
        data: object = brief.model_dump(mode="json")
    elif to == "csl-json":
        from brief.export.csl import csl_items

        data = csl_items(brief.sources)
    else:
        from brief.export.stix import stix_bundle

        data = stix_bundle(brief, corpus)
    text = json.dumps(data, indent=2, ensure_ascii=False, sort_keys=to != "json") + "\n"
    name = f"{brief.brief.subject_id}_{brief.brief.as_of.isoformat()}.{TARGETS[to]}"
    return text.encode("utf-8"), name
