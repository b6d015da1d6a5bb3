"""Language detection with langdetect, seeded so the same text always gives the same answer."""

from __future__ import annotations


def detect_language(text: str, default: str = "en") -> str:
    """ISO 639-1 code of `text` (boilerplate already removed), or `default` if unsure."""
    from langdetect import DetectorFactory, LangDetectException, detect_langs

    # langdetect samples n-grams at random: a fixed seed makes it deterministic.
    DetectorFactory.seed = 0
    try:
        best = detect_langs(text)[0]
    except LangDetectException:
        return default
    if best.prob < 0.8:
        return default
    # langdetect reports the Serbo-Croatian standards separately and often
    # arbitrarily; the corpus only needs the language the analyst reads.
    lang: str = best.lang  # langdetect ships no types
    return lang.split("-")[0].lower()
