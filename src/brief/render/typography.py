"""Typographic apostrophes, the same in every rendered format.

Sources and curators type "OSSU's", "OSSU´s" (an acute accent) or "OSSU’s";
a printed brief shows one apostrophe, the typographic ’. Only an apostrophe
inside a word ("country's", "don't") or after a plural's s ("officials'")
changes: quotation marks are left as written, and so is any word holding a
URL. Provenance checks allow exactly this difference (typographic quotes).
The Markdown output keeps the text as written, so that it reads back into
the same document.
"""

from __future__ import annotations

import re

_APOSTROPHE = re.compile(
    r"(?<=[^\W\d_])['\u00b4](?=[^\W\d_])"  # inside a word: country's, OSSU´s
    r"|(?<=[^\W\d_]s)'(?=[\s,.;:!?)\]]|$)"  # after a plural: officials'
)
_URL = re.compile(r"\S*(?:://|www\.)\S*")


def curly_apostrophes(text: str) -> str:
    """`text` with every apostrophe typographic (’), URLs untouched."""
    if "'" not in text and "\u00b4" not in text:
        return text
    parts: list[str] = []
    last = 0
    for match in _URL.finditer(text):
        parts.append(_APOSTROPHE.sub("\u2019", text[last : match.start()]))
        parts.append(match.group())
        last = match.end()
    parts.append(_APOSTROPHE.sub("\u2019", text[last:]))
    return "".join(parts)
