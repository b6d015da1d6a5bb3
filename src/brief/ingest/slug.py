"""Stable ids from names: lower case, ASCII, hyphenated."""

from __future__ import annotations

import re
import unicodedata

# Letters NFKD does not decompose into a base letter + accent.
_SPECIAL = str.maketrans(
    {"đ": "dj", "Đ": "Dj", "ß": "ss", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "ı": "i"}
)


def fold(text: str) -> str:
    """Accent-insensitive, case-insensitive form: `Ilić` -> `ilic`, `Öztürk` -> `ozturk`.

    Not length-preserving; use `brief.ingest.mentions.FoldedText` to keep offsets.
    """
    decomposed = unicodedata.normalize("NFKD", text.translate(_SPECIAL))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


def slugify(text: str, max_length: int = 80) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-")
    if len(slug) > max_length:
        slug = slug[:max_length]
        if "-" in slug[max_length // 2 :]:
            slug = slug[: slug.rfind("-")]
        slug = slug.strip("-")
    return slug
