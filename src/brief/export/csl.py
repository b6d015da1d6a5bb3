"""Sources as CSL-JSON, the citation data Zotero imports and Pandoc's citeproc reads.

Nothing is added that the record does not hold: an author stays a `literal`
name (brief never guesses which part is the family name), a date keeps its
precision (a month-precise date has no day).
"""

from __future__ import annotations

import datetime as dt

from brief.corpus.models import RELIABILITY_LABELS
from brief.export.assembled import ExportedSource

CSL_TYPES = {
    "official_release": "report",
    "news_report": "article-newspaper",
    "interview": "interview",
    "commentary": "article-newspaper",
}
"""CSL item type of each source kind (CSL 1.0.2 has no press-release type: a
release is a report, its kind kept as `genre`)."""


def date_parts(
    date: dt.date, precision: str = "day", end: dt.date | None = None
) -> dict[str, object]:
    """CSL date at the record's precision: a month or year without the day, a range as
    two dates, an approximate date marked `circa`."""
    if precision == "year":
        return {"date-parts": [[date.year]]}
    if precision == "month":
        return {"date-parts": [[date.year, date.month]]}
    day = [date.year, date.month, date.day]
    if precision == "range" and end is not None:
        return {"date-parts": [day, [end.year, end.month, end.day]]}
    parts: dict[str, object] = {"date-parts": [day]}
    if precision == "approximate":
        parts["circa"] = True
    return parts


def csl_item(source: ExportedSource) -> dict[str, object]:
    item: dict[str, object] = {
        "id": source.id,
        "type": CSL_TYPES.get(source.kind, "document"),
        "title": source.title,
        "container-title": source.outlet,
        "publisher": source.outlet,
        "genre": source.kind.replace("_", " "),
        "issued": date_parts(source.published, source.published_precision, source.published_end),
        "language": source.language,
        "note": (
            f"Admiralty reliability {source.reliability} "
            f"({RELIABILITY_LABELS[source.reliability]}): {source.reliability_note}"
        ),
    }
    if source.accessed:
        item["accessed"] = date_parts(source.accessed)
    if source.author:
        item["author"] = [{"literal": source.author}]
    if source.url:
        item["URL"] = source.url
    if source.summary:
        item["abstract"] = source.summary
    return item


def csl_items(sources: list[ExportedSource]) -> list[dict[str, object]]:
    """One CSL item per source, in the order given."""
    return [csl_item(source) for source in sources]
