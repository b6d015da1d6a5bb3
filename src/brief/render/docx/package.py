"""The package around the XML: parts kept, properties, and reproducible zip bytes."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from typing import Any

import docx.document
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.opc.pkgwriter import PackageWriter

from brief.document import Metadata
from brief.render.xml_text import escape

# Parts of python-docx's template that would describe another document: a
# thumbnail of an empty page, a Word 2010 styles copy that no longer matches
# styles.xml, and custom XML of Word for Mac.
_STALE = (
    RT.THUMBNAIL,
    RT.CUSTOM_XML,
    "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects",
)
ZIP_DATE = (1980, 1, 1, 0, 0, 0)  # earliest date a zip entry can hold
_FIRST = ("[Content_Types].xml", "_rels/.rels")


def drop_stale_parts(document: docx.document.Document) -> None:
    package = document.part.package
    for rels in (package.rels, document.part.rels):
        for r_id in sorted(rid for rid, rel in rels.items() if rel.reltype in _STALE):
            del rels[r_id]


def set_properties(document: docx.document.Document, meta: Metadata) -> None:
    """Core and extended properties from the metadata: nothing from the clock."""
    core = document.core_properties
    generator = meta.generator or "brief"
    stamp = dt.datetime.combine(meta.as_of, dt.time(0, 0))
    core.title = _fit(meta.title)
    core.subject = _fit(meta.subject)
    core.keywords = _keywords(meta.keywords)
    core.category = _fit(f"{meta.kind} brief" if meta.kind else "")
    core.author = _fit(meta.author or generator)
    core.last_modified_by = _fit(generator)
    core.created = stamp
    core.modified = stamp
    core.revision = 1
    core.language = _fit(meta.language)
    core.comments = f"inputs sha256 {meta.inputs_hash}" if meta.inputs_hash else ""

    package = document.part.package
    for r_id, rel in sorted(package.rels.items()):
        if rel.reltype == RT.EXTENDED_PROPERTIES:
            del package.rels[r_id]
    app = Part(PackURI("/docProps/app.xml"), CT.OFC_EXTENDED_PROPERTIES, _app_xml(generator))
    package.relate_to(app, RT.EXTENDED_PROPERTIES)


# python-docx refuses longer core properties (Word's own limit for these fields).
PROPERTY_LIMIT = 255


def _fit(text: str) -> str:
    return text if len(text) <= PROPERTY_LIMIT else text[: PROPERTY_LIMIT - 1] + "…"


def _keywords(keywords: tuple[str, ...]) -> str:
    """As many whole keywords as fit, in their order."""
    kept = ""
    for keyword in keywords:
        candidate = f"{kept}, {keyword}" if kept else keyword
        if len(candidate) > PROPERTY_LIMIT:
            break
        kept = candidate
    if not kept and keywords:  # a single keyword longer than the limit
        return _fit(keywords[0])
    return kept


def _app_xml(generator: str) -> bytes:
    return (
        "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
        '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
        'extended-properties">'
        f"<Application>{escape(generator)}</Application>"
        "<DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop>"
        "<LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc>"
        "<HyperlinksChanged>false</HyperlinksChanged>"
        "</Properties>"
    ).encode()


class _Entries:
    """Stands in for python-docx's zip writer: keeps each entry's bytes by name."""

    def __init__(self) -> None:
        self.files: dict[str, bytes] = {}

    def write(self, uri: PackURI, blob: bytes) -> None:
        self.files[uri.membername] = blob

    def close(self) -> None:
        pass


def save(document: docx.document.Document, contents: dict[str, bytes] | None = None) -> bytes:
    """`document`'s package as reproducible zip bytes, written once.

    `Document.save` compresses every part into a zip stamped with the clock, which
    then had to be read, decompressed and compressed again to fix the stamps (~a
    third of a small brief's Word render). Here python-docx's package writer hands
    its entries over as they are (the steps of `OpcPackage.save`, through its
    private writer functions: python-docx has no public way to get the entries),
    and they are compressed once.
    """
    package = document.part.package
    for part in package.parts:
        part.before_marshal()
    entries = _Entries()
    parts = list(package.parts)
    writer: Any = PackageWriter  # untyped private functions; `entries` stands in for its zip
    writer._write_content_types_stream(entries, parts)
    writer._write_pkg_rels(entries, package.rels)
    writer._write_parts(entries, parts)
    return _zip(entries.files, contents or {})


def _zip(files: dict[str, bytes], contents: dict[str, bytes]) -> bytes:
    """The entries as a zip with fixed entry order, dates and attributes (python-docx
    would stamp each with the current time). `contents` replaces the bytes of some
    entries (the embedded fonts, written by python-docx empty), stored uncompressed."""
    names = list(files)
    order = [n for n in _FIRST if n in names] + sorted(n for n in names if n not in _FIRST)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name in order:
            info = zipfile.ZipInfo(name, date_time=ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 0
            info.external_attr = 0
            if name in contents:
                # Stored as is: compressing 650 kB of fonts for every brief
                # would make the render slower for 45% less file size.
                info.compress_type = zipfile.ZIP_STORED
                target.writestr(info, contents[name])
            else:
                target.writestr(info, files[name], compresslevel=6)
    return out.getvalue()
