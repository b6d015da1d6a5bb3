"""brief's XML escaping gives what xml.sax.saxutils gives (so PDFs and Word files
keep their bytes), for text that needs every rule."""

from __future__ import annotations

from xml.sax import saxutils

import pytest

from brief.render.xml_text import escape, quoteattr
from sample_docs import HOSTILE, NAMES

SAMPLES = [
    "",
    HOSTILE,
    *NAMES,
    'say "no" & <leave>',
    "it's 'quoted'",
    "both \" and ' in\tone\nline\r",
    "https://example.org/a?b=1&c=<2>",
]


@pytest.mark.parametrize("text", SAMPLES)
def test_escaping_is_the_standard_librarys(text: str) -> None:
    assert escape(text) == saxutils.escape(text)
    assert quoteattr(text) == saxutils.quoteattr(text)
