"""The workspace's PDF theme (`pdf:` in briefings/_workspace.yaml) as render options.

The renderer takes a plain `brief.render.pdf.theme.Theme` (values and bytes),
never the corpus: this is where the settings and the files the loader read
and checked become one.
"""

from __future__ import annotations

from brief.corpus import Corpus
from brief.corpus.theme_files import briefings_path
from brief.render.pdf.theme import DEFAULT, FontFiles, Logo, Theme


def pdf_theme(corpus: Corpus) -> Theme | None:
    """The theme of the workspace's PDFs; None when it sets none (the house look)."""
    # Compared as a Theme, not with `PdfSettings()`: building that model's validator
    # (and pydantic's scan of every installed package for plugins) was ~20 ms of each
    # cold command; settings that only restate the defaults give the default Theme.
    theme = _theme(corpus)
    return None if theme == DEFAULT else theme


def _theme(corpus: Corpus) -> Theme:
    settings = corpus.settings.pdf

    def data(name: str) -> bytes:
        # The loader read and checked every file the settings name (theme_files).
        rel = briefings_path(name)
        assert rel is not None
        return corpus.input_files[rel]

    def optional(name: str | None) -> bytes | None:
        return None if name is None else data(name)

    files = settings.font_files
    margins, colors = settings.margins, settings.colors
    return Theme(
        page_size=settings.page_size,
        margins_mm=(margins.top, margins.bottom, margins.left, margins.right),
        font_family=settings.font,
        font_files=None
        if files is None
        else FontFiles(
            regular=data(files.regular),
            bold=optional(files.bold),
            italic=optional(files.italic),
            bold_italic=optional(files.bold_italic),
        ),
        headings=colors.headings,
        rules=colors.rules,
        banner=colors.banner,
        links=colors.links,
        logo=None
        if settings.logo is None
        else Logo(data(settings.logo), settings.logo_width, settings.logo_in_header),
    )
