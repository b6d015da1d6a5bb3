"""Where a URL may break at a line end: only after / . - ? & = (and _ ~ #).

reportlab breaks a URL only after a slash, and a word that still does not fit
anywhere, letter by letter ("https: //news.example/...in-n orland"). Its line
breaker asks `_uri_split_pairs(uri)` for the places a URL may break, longest
first head; `install` hands it one that offers every place after one of
these characters. Nothing is inserted: the line simply ends there, so the text
copied back (joined at the line end) is the URL as written.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import paragraph as _paragraph

BREAK_AFTER = frozenset("/.-?&=_~#")
_PATH = re.compile(r"[\w.~-]+(?:\.[\w-]+)+/\S*")
# Never break inside the scheme's "://" nor leave a single character behind.
_MIN_PIECE = 2


def split_pairs(uri: str) -> list[tuple[str, str]] | None:
    """(head, tail) pairs at every allowed break of `uri`, longest head first;
    None when `uri` is not a URL (reportlab then treats it as a word)."""
    if isinstance(uri, bytes):
        uri = uri.decode("utf8")
    # The rest of a URL already broken after its scheme has no scheme: a
    # path ("www.x.org/2024/...") is broken the same way.
    if not _paragraph.uri_pat.match(uri) and not _PATH.fullmatch(uri):  # type: ignore[attr-defined]
        return None
    start = uri.find("://")
    start = start + 3 if start >= 0 else 0
    pairs = [
        (uri[: i + 1], uri[i + 1 :])
        for i in range(start, len(uri) - _MIN_PIECE)
        if uri[i] in BREAK_AFTER and i + 1 - start >= _MIN_PIECE
    ]
    if start:  # right after the scheme, as a last resort
        pairs.insert(0, (uri[:start], uri[start:]))
    pairs.reverse()
    return pairs


# reportlab.platypus.paragraph's internals used here (uri_pat, _shyUnsplit,
# _uri_split_pairs) are not in its stubs: hence the attr-defined ignores.
_shy_unsplit: Callable[[str, str | None], str] = _paragraph._shyUnsplit  # type: ignore[attr-defined]


def _unsplit(head: str, tail: str | None = None) -> str:
    # reportlab rejoins the pieces of a word split at a line end (when a
    # paragraph is split across pages and laid out again) by stripping every
    # "-" at the end of the head, taking it for the hyphen it adds itself: a
    # URL broken after a real "-" lost it. An added hyphen is stripped before
    # this join (`tail` None), so a head still ending in "-" keeps it.
    plain = not hasattr(head, "_shyIndices") and not hasattr(tail, "_shyIndices")
    if tail is not None and head.endswith("-") and plain:
        return head + tail
    return _shy_unsplit(head, tail)


@functools.cache
def install() -> None:
    """Make reportlab's line breaker use `split_pairs`, and keep real hyphens
    when it rejoins a split word (once per process)."""
    _paragraph._uri_split_pairs = split_pairs  # type: ignore[attr-defined]
    _paragraph._shyUnsplit = _unsplit  # type: ignore[attr-defined]


_TAG = re.compile(r"<[^>]*>")
# A word longer than this that is no URL might not fit a line: reportlab may
# then break it anywhere rather than let it run off the page.
LONG_WORD = 30


def for_urls(style: ParagraphStyle, markup: str) -> ParagraphStyle:
    """`style`, or for a paragraph holding a URL a variant that breaks it
    where `split_pairs` allows (only such paragraphs pay for the search).

    reportlab breaks a word that fits no line anywhere, even a URL it could
    have moved to the next line and broken there after a slash: unless the
    paragraph holds another word that might not fit a line, that fallback is
    off, and a URL that does not fit the rest of its line starts the next.
    """
    if "://" not in markup:
        return style
    words = _TAG.sub(" ", markup).split()
    long_words = any(len(word) > LONG_WORD and "://" not in word for word in words)
    return _url_style(style, long_words)


@functools.cache
def _url_style(style: ParagraphStyle, long_words: bool) -> ParagraphStyle:
    # uriWasteReduce: fill the line with a URL's pieces when it would end
    # more than 5% short. embeddedHyphenation 2: a URL none of whose pieces
    # fits the rest of the line moves to the next line and breaks there (it
    # also lets a word break after a hyphen it holds: typographically fine).
    return ParagraphStyle(
        f"{style.name}-url{'-long' if long_words else ''}",
        parent=style,
        uriWasteReduce=0.05,
        splitLongWords=1 if long_words else 0,
        embeddedHyphenation=0 if long_words else 2,
    )
