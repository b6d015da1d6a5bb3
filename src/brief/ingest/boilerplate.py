"""Mark site boilerplate so it never becomes content.

Comment prompts, share buttons, cookie notices, newsletter prompts and
republishing disclaimers are found line by line and recorded verbatim in the
source's `boilerplate:` list; the extractor skips every span they cover.
Patterns cover English and the region's languages (the seed outlets write
comment prompts in the languages of the region they cover).
"""

from __future__ import annotations

from brief.corpus.provenance import verbatim_index
from brief.ingest.lexicon import patterns

_BOILERPLATE = patterns("boilerplate")


def is_boilerplate(line: str) -> bool:
    stripped = line.strip()
    return bool(stripped) and any(pattern.search(stripped) for pattern in _BOILERPLATE)


def find_boilerplate(text: str) -> list[str]:
    """Every boilerplate line of `text`, verbatim (without its line break), in order."""
    found: list[str] = []
    for line in text.splitlines():
        stripped = line.strip()
        if is_boilerplate(stripped) and stripped not in found:
            found.append(stripped)
    return found


def boilerplate_spans(text: str, passages: list[str]) -> list[tuple[int, int]]:
    """Character spans of `text` covered by the recorded boilerplate passages.

    Matched as quotes are (`brief.corpus.provenance`): a passage an analyst
    retyped with straight quotes still marks the same lines.
    """
    index = verbatim_index(text)
    return sorted(span for passage in passages for span in index.find_all(passage))
