"""Paragraph markup -> reportlab fragments without the HTML tokenizer.

reportlab parses each paragraph's mini-markup with `ParaParser`, an
`html.parser.HTMLParser`: its tokenizer (pure Python, a regex and several
method calls per tag and attribute) is about a tenth of a render. The markup
this renderer writes (`markup.py`) is a small, regular subset: a few tags with
quoted attributes, three entities and plain text. This module tokenizes that
subset with one regex and feeds the tokens to reportlab's own parser callbacks
in the order HTMLParser would, so reportlab still builds every fragment and
the fragments are the same. Any markup outside the subset (or that reportlab
rejects) returns None: the caller then parses it the usual way.
"""

from __future__ import annotations

import re
from html import unescape

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus.paraparser import ParaFrag, ParaParser

# One token of the subset at a time, as HTMLParser (convert_charrefs=False)
# splits it: a tag `markup.py` writes, with double- or single-quoted
# attributes; an entity among the three `escape` writes; text up to the next
# `<` or `&`.
_TOKEN = re.compile(
    r"<(?P<end>/)?(?P<tag>a|b|i|br|font|super)"
    r"""(?P<attrs>(?:\ [a-z]+=(?:"[^"]*"|'[^']*'))*)(?P<close>/)?>"""
    r"|&(?P<entity>amp|lt|gt);"
    r"|(?P<text>[^<&]+)"
)
_ATTR = re.compile(r"""\ ([a-z]+)=(?:"([^"]*)"|'([^']*)')""")

Parsed = tuple[ParagraphStyle, list[ParaFrag], list[ParaFrag] | None]
_Attrs = list[tuple[str, str]]
_Call = tuple[str, str, _Attrs]  # (callback; tag, text or entity name; attributes)
_NONE: _Attrs = []


def _attrs(raw: str) -> _Attrs:
    # HTMLParser unescapes every quoted value (quoteattr writes &#10; and &quot;).
    out: _Attrs = []
    for name, double, single in _ATTR.findall(raw):
        value = double or single
        out.append((name, unescape(value) if "&" in value else value))
    return out


def _calls(text: str) -> list[_Call] | None:
    """The parser callbacks `text` makes, in order; None outside the subset."""
    calls: list[_Call] = []
    pos, size = 0, len(text)
    match = _TOKEN.match
    while pos < size:
        token = match(text, pos)
        if token is None:
            return None
        pos = token.end()
        kind = token.lastgroup
        if kind == "text":
            calls.append(("data", token.group(), _NONE))
        elif kind == "entity":
            calls.append(("entity", token.group("entity"), _NONE))
        elif token.group("end"):
            if token.group("attrs") or token.group("close"):
                return None  # `</a x="y">`, `</a/>`: leave such oddities to HTMLParser
            calls.append(("end", token.group("tag"), _NONE))
        else:
            calls.append(("start", token.group("tag"), _attrs(token.group("attrs"))))
            if token.group("close"):
                calls.append(("end", token.group("tag"), _NONE))
    return calls


class _Frag(ParaFrag):
    """A ParaFrag that copies itself without `copy.copy`'s generic protocol.

    The parser copies the fragment on top of its stack for every run of text
    and every tag (`copy.copy`, which goes through `__reduce_ex__` and
    `copyreg` for a plain class); the copy is the same: a new instance with
    the same attributes. Used while parsing only: the fragments handed on are
    ParaFrags again.
    """

    def __copy__(self) -> _Frag:
        clone = _Frag.__new__(_Frag)
        clone.__dict__.update(self.__dict__)
        return clone


class _Parser(ParaParser):
    def _initial_frag(self, attr: object, attrMap: object, bullet: int = 0) -> ParaFrag:
        # Every fragment of the paragraph is a copy of this one (or of a copy).
        frag: ParaFrag = super()._initial_frag(attr, attrMap, bullet)  # type: ignore[misc]
        frag.__class__ = _Frag
        return frag

    def _iReset(self) -> None:
        # ParaParser's, without its `hasattr(self, "bFragList")`: ParaParser's
        # __getattr__ raises an AttributeError for it, twice per paragraph.
        self.fragList: list[ParaFrag] = []
        self.__dict__.pop("bFragList", None)


def parse(text: str, style: ParagraphStyle, case_sensitive: int) -> Parsed | None:
    """What `ParaParser().parse(text, style)` returns for cleaned `text`, or
    None when `text` is not of the subset or does not parse."""
    if text.startswith("<para"):
        return None  # reportlab would not wrap it in its own <para>
    calls = _calls(text)
    if calls is None:
        return None
    parser = _Parser()
    parser.caseSensitive = case_sensitive
    # As ParaParser.parse does around `feed("<para>" + text + "</para>")`.
    parser._setup_for_parse(style)
    try:
        parser.handle_starttag("para", [])
        for kind, value, attrs in calls:
            if kind == "data":
                parser.handle_data(value)
            elif kind == "entity":
                parser.handle_entityref(value)
            elif kind == "start":
                parser.handle_starttag(value, attrs)
            else:
                parser.handle_endtag(value)
        parser.handle_endtag("para")
    except Exception:  # reportlab's own parse reports it, with its message
        return None
    style, frags, bullet = parser._complete_parse()
    if frags is None:
        return None
    for frag in (*frags, *(bullet or ())):
        frag.__class__ = ParaFrag  # what reportlab's parser hands on
    return style, frags, bullet
