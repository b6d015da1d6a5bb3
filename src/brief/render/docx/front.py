"""Page set-up, the marking banners and page numbers, the title block and contents."""

from __future__ import annotations

from docx.section import Section
from docx.shared import Cm, Twips
from lxml.etree import _Element

from brief.document import Metadata
from brief.document.dates import long_date
from brief.render.docx import fields
from brief.render.docx.text import Cleaner, paragraph, text_run
from brief.render.typography import curly_apostrophes


def setup_page(section: Section, marking: str) -> None:
    """A4 with 2.5 cm margins; the marking at the top and bottom of every page."""
    section.page_width, section.page_height = Twips(11906), Twips(16838)
    section.left_margin = section.right_margin = Cm(2.5)
    section.top_margin = section.bottom_margin = Cm(2.5)
    section.header_distance = section.footer_distance = Cm(1.2)

    header = section.header.part.element
    _clear(header)
    if marking:
        header.append(_banner(marking, "Header"))

    footer = section.footer.part.element
    _clear(footer)
    pages = paragraph("Footer", align="center")
    pages.append(text_run("Page "))
    for run in fields.field("PAGE", "1"):
        pages.append(run)
    pages.append(text_run(" of "))
    for run in fields.field("NUMPAGES", "1"):
        pages.append(run)
    footer.append(pages)
    if marking:
        footer.append(_banner(marking, "Footer"))


def _clear(container: _Element) -> None:
    for child in list(container):
        container.remove(child)


def _banner(marking: str, style: str) -> _Element:
    p = paragraph(style, align="center")
    p.append(text_run(marking, bold=True))
    return p


def title_block(meta: Metadata) -> list[_Element]:
    """Title, subtitle, subject, information date and marking (`meta` already clean)."""
    out: list[_Element] = []

    def line(style: str, text: str, *, bold: bool = False) -> None:
        p = paragraph(style)
        p.append(text_run(text, bold=bold))
        out.append(p)

    line("Title", meta.title)
    if meta.subtitle:
        line("Subtitle", meta.subtitle)
    # "Subject: Norland" under "Norland: country brief" would only repeat the title.
    if meta.subject and meta.subject.casefold() not in f"{meta.title} {meta.subtitle}".casefold():
        line("DocumentInfo", f"Subject: {meta.subject}")
    line("DocumentInfo", meta.information_line)
    if meta.since:
        line("DocumentInfo", f"Period covered: {long_date(meta.since)} to {long_date(meta.as_of)}")
    for label, value in meta.front:
        line("DocumentInfo", f"{label}: {value}")
    if meta.disclaimer:
        line("DocumentInfo", meta.disclaimer)
    if meta.marking:
        line("DocumentInfo", meta.marking, bold=True)
    return out


def contents(entries: list[tuple[int, str, str]], clean: Cleaner) -> list[_Element]:
    heading = paragraph("TOCHeading")
    heading.append(text_run("Contents"))
    # As the headings print them (typographic apostrophes).
    cleaned = [(level, curly_apostrophes(clean.again(text)), name) for level, text, name in entries]
    placeholder = "Update this field (F9) to build the table of contents."
    return [heading, *fields.toc(cleaned, placeholder)]
