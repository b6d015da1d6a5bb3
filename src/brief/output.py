"""Predictable names for generated files: `<subject-id>_<as-of>.<ext>`
(`<subject-id>_<as-of>_note.<ext>` for the two-page note)."""

from __future__ import annotations

import re
import unicodedata

from brief.document import Metadata

EXTENSIONS = {"pdf": "pdf", "docx": "docx", "md": "md"}


# Letters NFKD does not decompose into ASCII ones.
_LETTERS = str.maketrans(
    {"đ": "d", "Đ": "D", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "ß": "ss", "æ": "ae", "Æ": "AE"}
)


def slug(text: str) -> str:
    """`São Tomé` -> `sao-tome`, `Ana Đokić` -> `ana-dokic`."""
    folded = unicodedata.normalize("NFKD", text.translate(_LETTERS))
    ascii_text = folded.encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-") or "brief"


def output_name(meta: Metadata, fmt: str) -> str:
    """File name of a brief: the subject's corpus id and the as-of date.

    A document made without a corpus id (built by hand) falls back to a slug of its subject.
    """
    stem = meta.subject_id or slug(meta.subject)
    profile = "" if meta.profile == "full" else f"_{meta.profile}"  # beside the full brief
    return f"{stem}_{meta.as_of.isoformat()}{profile}.{EXTENSIONS[fmt]}"
