"""Predictable names for generated files: `<subject-id>_<as-of>.<ext>`
(`<subject-id>_<as-of>_note.<ext>` for the two-page note)."""

from __future__ import annotations

from brief.document import Metadata
from brief.fold import ascii_slug

EXTENSIONS = {"pdf": "pdf", "docx": "docx", "md": "md"}


def output_name(meta: Metadata, fmt: str) -> str:
    """File name of a brief: the subject's corpus id and the as-of date.

    A document made without a corpus id (built by hand) falls back to a slug of its subject.
    """
    stem = meta.subject_id or ascii_slug(meta.subject) or "brief"
    profile = "" if meta.profile == "full" else f"_{meta.profile}"  # beside the full brief
    return f"{stem}_{meta.as_of.isoformat()}{profile}.{EXTENSIONS[fmt]}"
