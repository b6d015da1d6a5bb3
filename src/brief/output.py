"""Predictable names for generated files: `<subject-id>_<as-of>.<ext>`
(`<subject-id>_<as-of>_note.<ext>` for the two-page note)."""

from __future__ import annotations

from collections.abc import Iterable

from brief.document import Metadata
from brief.errors import InvalidInput, Problem
from brief.fold import ascii_slug

EXTENSIONS = {"pdf": "pdf", "docx": "docx", "md": "md"}

FORMATS = tuple(EXTENSIONS)
"""Formats a brief renders to, in the order they are written and listed."""


def check_formats(formats: Iterable[str], option: str = "--format") -> tuple[str, ...]:
    """The formats asked for, in order, once each; `InvalidInput` naming unknown ones
    (and `option`, the one that asked)."""
    names = tuple(dict.fromkeys(str(f).strip().lower() for f in formats))
    unknown = [name for name in names if name not in FORMATS]
    if unknown or not names:
        raise InvalidInput(
            Problem(
                file=option,
                message=f"unknown format(s) {', '.join(unknown) or '(none)'}; choose from "
                + ", ".join(FORMATS),
            )
        )
    return names


def output_name(meta: Metadata, fmt: str) -> str:
    """File name of a brief: the subject's corpus id and the as-of date.

    A document made without a corpus id (built by hand) falls back to a slug of its subject.
    """
    stem = meta.subject_id or ascii_slug(meta.subject) or "brief"
    profile = "" if meta.profile == "full" else f"_{meta.profile}"  # beside the full brief
    return f"{stem}_{meta.as_of.isoformat()}{profile}.{EXTENSIONS[fmt]}"
