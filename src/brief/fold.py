"""Letters without their accents, and slugs: one table, two named policies.

`Đ` is the one letter the two policies spell differently:

- `READER`: as people type and search, `Đokić` -> `Dokic`. Subject lookup
  and its sort order (`search_key`), heading anchors and file names
  (`ascii_slug`).
- `ROMANISED`: as corpus ids spell names, in the Serbian romanisation,
  `Đokić` -> `Djokic` (`ana-djokic`). Ingest's name matching (`id_fold`)
  and the ids it proposes (`id_slug`), so a name and its id fold alike.

Other scripts are not transliterated (`Петровић` stays Cyrillic).
"""

from __future__ import annotations

import re
import unicodedata

# Letters NFKD does not decompose into a base letter and an accent.
_UNDECOMPOSED = {
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

READER = str.maketrans(_UNDECOMPOSED)
"""`Đokić` -> `Dokic`: what people type."""

ROMANISED = str.maketrans({**_UNDECOMPOSED, "đ": "dj", "Đ": "Dj"})
"""`Đokić` -> `Djokic`: how corpus ids spell it."""


def strip_accents(text: str, letters: dict[int, str]) -> str:
    """`text` without combining accents, `letters` (`READER`, `ROMANISED`) spelled out."""
    decomposed = unicodedata.normalize("NFKD", text.translate(letters))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def search_key(text: str) -> str:
    """Case-, accent- and punctuation-free words (`READER`): `Đokić` -> `dokic`,
    `boris-ruge` -> `boris ruge`. How a typed subject meets a name or an id."""
    text = strip_accents(text, READER).casefold()
    return " ".join(re.sub(r"[\W_]+", " ", text).split())


def ascii_slug(text: str) -> str:
    """Lower-case ASCII words joined by hyphens (`READER`), "" when none is left:
    `Key judgments` -> `key-judgments`, `Ana Đokić` -> `ana-dokic`."""
    ascii_text = strip_accents(text, READER).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def id_fold(text: str) -> str:
    """Accent- and case-insensitive form (`ROMANISED`): `Ilić` -> `ilic`, `Đokić` -> `djokic`.

    Punctuation is kept. Not length-preserving; `brief.ingest.mentions.FoldedText`
    keeps offsets.
    """
    return strip_accents(text, ROMANISED).casefold()


def id_slug(text: str, max_length: int = 80) -> str:
    """A corpus id from a name (`ROMANISED`): `Ana Đokić` -> `ana-djokic`; cut at a
    word boundary in its second half when longer than `max_length`."""
    slug = re.sub(r"[^a-z0-9]+", "-", id_fold(text)).strip("-")
    if len(slug) > max_length:
        slug = slug[:max_length]
        if "-" in slug[max_length // 2 :]:
            slug = slug[: slug.rfind("-")]
        slug = slug.strip("-")
    return slug
