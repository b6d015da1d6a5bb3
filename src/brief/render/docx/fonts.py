"""IBM Plex Serif, named and embedded: the Word file looks like the PDF anywhere.

Word and LibreOffice read fonts embedded in the package (ECMA-376 Part 1,
17.8.1): each face is a part `word/fonts/fontN.odttf`, related from the font
table, whose first 32 bytes are XORed with a key given in the font table as a
GUID (the "obfuscation" that marks the font as embedded, not installed). The
key is made from the font file's own hash, so the same font gives the same
bytes in every run.
"""

from __future__ import annotations

import functools
import hashlib
import uuid
from pathlib import Path

import fontpkg
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml.ns import nsdecls
from docx.package import Package
from lxml import etree

FAMILY = "IBM Plex Serif"
OBFUSCATED_FONT = "application/vnd.openxmlformats-officedocument.obfuscatedFont"
# (element of w:font, weight, style), in the schema's order.
FACES = (
    ("embedRegular", 400, "normal"),
    ("embedBold", 700, "normal"),
    ("embedItalic", 400, "italic"),
    ("embedBoldItalic", 700, "italic"),
)
_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def font_key(data: bytes) -> str:
    """A GUID in braces, fixed by the font's bytes."""
    return "{" + str(uuid.UUID(bytes=hashlib.sha256(data).digest()[:16])).upper() + "}"


def obfuscate(data: bytes, key: str) -> bytes:
    """The font as an .odttf part: its first 32 bytes XORed with the key's bytes,
    which are the GUID's 32 hex digits read as 16 bytes from the last pair to the first."""
    digits = key.strip("{}").replace("-", "")
    key_bytes = bytes(int(digits[i : i + 2], 16) for i in range(30, -2, -2))
    head = bytes(b ^ key_bytes[i % 16] for i, b in enumerate(data[:32]))
    return head + data[32:]


@functools.cache
def _face(weight: int, style: str) -> tuple[str, bytes]:
    data = Path(fontpkg.path(FAMILY, weight, style)).read_bytes()
    key = font_key(data)
    return key, obfuscate(data, key)


def embed(package: Package) -> dict[str, bytes]:
    """Add the four faces to the font table as embedded fonts.

    The parts hold nothing while python-docx writes the package (it would
    compress 650 kB of fonts for nothing): returns each part's zip name and
    bytes, for `package.reproducible` to write.
    """
    contents: dict[str, bytes] = {}
    table = next(p for p in package.iter_parts() if p.partname == "/word/fontTable.xml")
    root = etree.fromstring(table.blob)
    for old in root.findall(f"{{{_W}}}font"):
        if old.get(f"{{{_W}}}name") == FAMILY:
            root.remove(old)
    font = etree.fromstring(
        f'<w:font {nsdecls("w")} w:name="{FAMILY}"><w:charset w:val="00"/>'
        '<w:family w:val="roman"/><w:pitch w:val="variable"/></w:font>'
    )
    for index, (tag, weight, style) in enumerate(FACES, start=1):
        key, blob = _face(weight, style)
        name = f"word/fonts/font{index}.odttf"
        part = Part(PackURI(f"/{name}"), OBFUSCATED_FONT, b"", package)
        contents[name] = blob
        r_id = table.relate_to(part, RT.FONT)
        embedded = etree.SubElement(font, f"{{{_W}}}{tag}")
        embedded.set(f"{{{_R}}}id", r_id)
        embedded.set(f"{{{_W}}}fontKey", key)
    root.insert(0, font)
    table._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    return contents
