"""Letters without their accents: `Đokić` -> `Dokic`, `Şahin` -> `Sahin`.

Shared by heading anchors (`from_markdown.slugify`) and subject matching
(`brief.assemble.subjects.fold`), so that a name matches and links the same
way everywhere. `brief.output.slug` spells the same table. `brief.ingest.slug`
differs on purpose: corpus ids follow a romanisation (`Đ` -> `Dj`,
as in `ana-djokic`), while people type and search `Dokic`.
"""

from __future__ import annotations

import unicodedata

# Letters NFKD does not decompose into a base letter and an accent.
_LETTERS = str.maketrans(
    {
        "đ": "d",
        "Đ": "D",
        "ð": "d",
        "Ð": "D",
        "ł": "l",
        "Ł": "L",
        "ø": "o",
        "Ø": "O",
        "ı": "i",
        "ß": "ss",
        "æ": "ae",
        "Æ": "AE",
    }
)


def strip_accents(text: str) -> str:
    """`text` without combining accents; other scripts are not transliterated (Петровић stays)."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_LETTERS))
    return "".join(c for c in decomposed if not unicodedata.combining(c))
