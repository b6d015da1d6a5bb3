"""Document metadata: the information cut-off as the creation date, and XMP.

reportlab's invariant mode (same document, same bytes) dates every PDF
2000-01-01. A brief has a date that means something and never changes for
the same inputs: its information cut-off ("as of"). It is the creation and
modification date, in the document information and in the XMP packet that
archiving tools and PDF/A validators read (title, subject, keywords,
language, creator tool), all from the document's metadata: no clock.
"""

from __future__ import annotations

import calendar
import datetime as dt
import time

from reportlab.lib.utils import TimeStamp
from reportlab.pdfbase.pdfdoc import XMP
from reportlab.pdfgen.canvas import Canvas

from brief.document import Metadata
from brief.render.xml_text import escape

PRODUCER = "ReportLab PDF Library - www.reportlab.com"


def as_of_stamp(day: dt.date) -> TimeStamp:
    """A reportlab time stamp at midnight UTC of `day`."""
    stamp = TimeStamp(invariant=1)
    seconds = calendar.timegm(day.timetuple())
    stamp.t = seconds
    stamp.lt = time.gmtime(seconds)
    stamp.YMDhms = tuple(stamp.lt)[:6]
    stamp.dhh = stamp.dmm = 0
    return stamp


def apply(canvas: Canvas, meta: Metadata) -> None:
    """Date the document by its cut-off and attach the XMP packet."""
    document = canvas._doc  # type: ignore[attr-defined]  # reportlab's PDFDocument, internal
    document._timeStamp = as_of_stamp(meta.as_of)
    document.Catalog.Metadata = XMP(creator=lambda _doc: xmp_packet(meta).encode("utf-8"))


def xmp_packet(meta: Metadata) -> str:
    date = f"{meta.as_of.isoformat()}T00:00:00Z"
    subject = meta.subtitle or meta.subject
    author = meta.author or meta.generator
    keywords = "".join(f"<rdf:li>{escape(k)}</rdf:li>" for k in meta.keywords)
    return (
        '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>'
        '<x:xmpmeta xmlns:x="adobe:ns:meta/">'
        '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
        '<rdf:Description rdf:about=""'
        ' xmlns:dc="http://purl.org/dc/elements/1.1/"'
        ' xmlns:xmp="http://ns.adobe.com/xap/1.0/"'
        ' xmlns:pdf="http://ns.adobe.com/pdf/1.3/">'
        f'<dc:title><rdf:Alt><rdf:li xml:lang="x-default">{escape(meta.title)}</rdf:li>'
        "</rdf:Alt></dc:title>"
        f'<dc:description><rdf:Alt><rdf:li xml:lang="x-default">{escape(subject)}</rdf:li>'
        "</rdf:Alt></dc:description>"
        f"<dc:creator><rdf:Seq><rdf:li>{escape(author)}</rdf:li></rdf:Seq></dc:creator>"
        f"<dc:subject><rdf:Bag>{keywords}</rdf:Bag></dc:subject>"
        f"<dc:language><rdf:Bag><rdf:li>{escape(meta.language)}</rdf:li></rdf:Bag></dc:language>"
        "<dc:format>application/pdf</dc:format>"
        f"<pdf:Keywords>{escape(', '.join(meta.keywords))}</pdf:Keywords>"
        f"<pdf:Producer>{PRODUCER}</pdf:Producer>"
        f"<xmp:CreatorTool>{escape(meta.generator)}</xmp:CreatorTool>"
        f"<xmp:CreateDate>{date}</xmp:CreateDate>"
        f"<xmp:ModifyDate>{date}</xmp:ModifyDate>"
        f"<xmp:MetadataDate>{date}</xmp:MetadataDate>"
        "</rdf:Description></rdf:RDF></x:xmpmeta>"
        '<?xpacket end="r"?>'
    )
