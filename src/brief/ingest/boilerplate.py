"""Mark site boilerplate so it never becomes content.

Comment prompts, share buttons, cookie notices, newsletter prompts and
republishing disclaimers are found line by line and recorded verbatim in the
source's `boilerplate:` list; the extractor skips every span they cover.
Patterns cover English and the region's languages (the seed outlets write
comment prompts in Bosnian/Croatian/Serbian).
"""

from __future__ import annotations

import re

from brief.corpus.provenance import verbatim_index

_PATTERNS = [
    # comment prompts
    r"^leave a (reply|comment)\b",
    r"^please enter your (comment|name|email)",
    r"^(post a |add a |write a )?comments?:?$",
    r"^be the first to comment",
    r"^(what do you think|join the discussion|share your thoughts)\b",
    r"^you must be logged in to post a comment",
    r"^kakvo je (tvoje|vaše) mišljenje",
    r"^budi(te)? prvi koji će ostaviti komentar",
    r"^ostavite komentar",
    r"^komentari(šite)?:?$",
    # share buttons
    r"^(share|tweet|email|print)( (this|on|via)\b.*)?$",
    r"^share (this|on|via)\b",
    r"^(facebook|twitter|x|linkedin|whatsapp|telegram|viber|email|e-mail)"
    r"([ ,|/]+(facebook|twitter|x|linkedin|whatsapp|telegram|viber|email|e-mail|print))+$",
    r"^podijeli(te)?\b",
    # cookie notices
    r"\bwe use cookies\b",
    r"\b(accept|reject) (all )?cookies\b",
    r"^cookie (policy|settings|preferences)\b",
    r"\bthis (web)?site uses cookies\b",
    # newsletter and subscription prompts
    r"^(subscribe|sign up) (to|for) (our|the) newsletter",
    r"^(read more|related( articles| stories)?|most read|also read|see also):?\b.{0,80}$",
    # republishing disclaimers and rights notices
    r"^/?public release\. this material from the originating organi[sz]ation",
    r"\bmay (not )?be republished\b",
    r"\brepublishing terms\b",
    r"\ball rights reserved\b",
    r"\bview in full here\.?$",
    r"^(©|\(c\)|copyright) ?\d{4}",
]
_BOILERPLATE = [re.compile(pattern, re.IGNORECASE) for pattern in _PATTERNS]


def is_boilerplate(line: str) -> bool:
    stripped = line.strip()
    return bool(stripped) and any(pattern.search(stripped) for pattern in _BOILERPLATE)


def find_boilerplate(text: str) -> list[str]:
    """Every boilerplate line of `text`, verbatim (without its line break), in order."""
    found: list[str] = []
    for line in text.splitlines():
        stripped = line.strip()
        if is_boilerplate(stripped) and stripped not in found:
            found.append(stripped)
    return found


def boilerplate_spans(text: str, passages: list[str]) -> list[tuple[int, int]]:
    """Character spans of `text` covered by the recorded boilerplate passages.

    Matched as quotes are (`brief.corpus.provenance`): a passage an analyst
    retyped with straight quotes still marks the same lines.
    """
    index = verbatim_index(text)
    return sorted(span for passage in passages for span in index.find_all(passage))
