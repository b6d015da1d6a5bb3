"""Whatever the text, the extractor only proposes words that are in it."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from brief.ingest.extract import extract
from ingest_helpers import registry

PIECES = st.sampled_from(
    [
        "“", "”", '"', "„", "«", "»", "‘", "’", "'", ",", ".", ":", " ", "\n", "–",
        "he said", "said Ruge", "Ruge", "Ulutaş", "Đurić", "the ministry", "told reporters",
        "We will stay in the region", "NATO Press office", "a spokesperson for the mission",
        "Jane Roe, the EU envoy,", "added that", "On 13 September 2024", "Mr. ", "LEAVE A REPLY",
    ]
)  # fmt: skip
ACTORS = registry()


@settings(max_examples=150, deadline=None)
@given(st.lists(PIECES, max_size=40).map("".join))
# A full name skipped because it overlaps a registered name (`Ruge’said Rugethe`) once
# lent its surname to a speaker nobody proposed.
@example("Ruge’said Rugethe ministry“he saidthe ministry")
def test_candidates_are_verbatim_spans_and_speakers_are_known(text: str) -> None:
    found = extract(text, ACTORS, ["LEAVE A REPLY"])
    known = {a.id for a in ACTORS} | {p.id for p in found.new_people}
    for item in found.quotes:
        quote = item.quote
        assert 0 <= quote.start < quote.end <= len(text)
        assert text[quote.start : quote.end].strip() == text[quote.start : quote.end]
        assert item.speaker is None or item.speaker in known
        assert "LEAVE A REPLY" not in text[quote.start : quote.end]
    for mention in found.mentions:
        assert 0 <= mention.start < mention.end <= len(text)
