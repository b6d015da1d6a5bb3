"""Text escaped for XML, as `xml.sax.saxutils` escapes it.

Not imported from there: `xml.sax.saxutils` imports `urllib.request`, and
with it `http.client`, `email` and `ssl`, about 25 ms of every cold
`brief SUBJECT --format pdf` for two one-line functions.
"""

from __future__ import annotations


def escape(text: str) -> str:
    """`&`, `<` and `>` as entities."""
    return text.replace("&", "&amp;").replace(">", "&gt;").replace("<", "&lt;")


def quoteattr(text: str) -> str:
    """`text` as a quoted attribute value: escaped, line breaks and tabs as
    character references, in the quotes it does not contain (else `&quot;`)."""
    text = escape(text).replace("\n", "&#10;").replace("\r", "&#13;").replace("\t", "&#9;")
    if '"' not in text:
        return f'"{text}"'
    if "'" not in text:
        return f"'{text}'"
    return '"' + text.replace('"', "&quot;") + '"'
