"""Where each extract is filed: by subject, speaker, event participant, issue and
(background parts) subject, in date order.

The extract index (`brief.assemble.index`) is made of these lists. Working them out
touches every one of 100,000 extracts (~1.3 s), in every process that builds a
brief; the corpus cache stores them beside the extracts they were worked out from,
so a corpus served from the cache has them at once (`Corpus.extract_postings`).
Positions, not objects: they are valid only for the very extracts, in the very
order, they were worked out from, which `Corpus.extract_postings` checks.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from brief.corpus.models import AnyExtract, Event, Statement

TABLES = ("subject", "speaker", "actor", "issue", "background")


@dataclass
class Postings:
    order: list[int]
    """Positions of the extracts (in the corpus's order) sorted by (date key, id)."""
    lasts: list[dt.date]
    """The last day each extract of `order` can mean, in that order."""
    tables: dict[str, dict[str, list[int]]]
    """Table -> key -> indices into `order`, ascending: the extracts filed there."""


def work_out(extracts: list[AnyExtract]) -> Postings:
    """The postings of `extracts` (the corpus's extracts, in its order)."""
    keyed = sorted((e.when.key, e.id, i) for i, e in enumerate(extracts))
    tables: dict[str, dict[str, list[int]]] = {t: defaultdict(list) for t in TABLES}
    subject, speaker, actor = tables["subject"], tables["speaker"], tables["actor"]
    issue, background = tables["issue"], tables["background"]
    for rank, (_key, _ident, position) in enumerate(keyed):
        extract = extracts[position]
        subjects = dict.fromkeys(extract.subjects)
        for key in subjects:
            subject[key].append(rank)
        for key in dict.fromkeys(extract.issues):
            issue[key].append(rank)
        if isinstance(extract, Statement):
            speaker[extract.speaker].append(rank)
        elif isinstance(extract, Event):
            for key in dict.fromkeys(extract.actors):
                actor[key].append(rank)
        if getattr(extract, "part", "body") == "background":
            for key in subjects:
                background[key].append(rank)
    return Postings(
        order=[position for _key, _ident, position in keyed],
        lasts=[key[0] for key, _ident, _position in keyed],
        tables={name: dict(table) for name, table in tables.items()},
    )
