"""A new section type is one registry entry plus a template (README, "Templates")."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pydantic
import pytest

from brief.assemble import build_document
from brief.assemble.assembler import Assembly
from brief.assemble.registry import SECTIONS, SectionType
from brief.assemble.sections import Count, Section
from brief.corpus import Corpus
from brief.corpus.models import Briefing
from brief.render.markdown import render_text
from memory_corpus import AS_OF, build_corpus

TEMPLATE = """\
# {{ section.heading }}

{% for s in section.speakers %}
- {{ s.label }}: {{ plural(s.count, "statement") }}
{% endfor %}
"""


class Speakers(Section):
    speakers: list[Count]


def speakers(a: Assembly, name: str, heading: str, built: list[Section]) -> Section:
    """Who spoke in the period, and how often (the README's worked example)."""
    said = Counter(v.speaker for v in a.statements(a.window()) if v.speaker)
    counts = [Count(label=who, count=n) for who, n in sorted(said.items())]
    return Speakers(name=name, heading=heading, speakers=counts)


@pytest.fixture
def corpus(tmp_path: Path) -> Corpus:
    return build_corpus(tmp_path)


def brief_with(corpus: Corpus, sections: list[str]) -> str:
    corpus.briefings["kosovo"] = Briefing(subject="kosovo", kind="country", sections=sections)
    return render_text(build_document(corpus, "kosovo", as_of=AS_OF))


def test_a_registered_section_with_its_template_is_printed_where_listed(
    corpus: Corpus, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(SECTIONS, "speakers", SectionType("Who spoke", speakers))
    (corpus.root / "briefings" / "templates" / "speakers.md.j2").write_text(TEMPLATE)

    text = brief_with(corpus, ["outlook", "speakers", "sources"])

    assert "# Who spoke\n" in text
    assert "- Boris Ruge: " in text  # a speaker of the fixture's window
    assert text.index("# Outlook") < text.index("# Who spoke") < text.index("# Sources")


def test_a_section_the_registry_does_not_hold_is_refused_in_the_briefing() -> None:
    with pytest.raises(pydantic.ValidationError) as err:
        Briefing(subject="kosovo", kind="country", sections=["outlook", "speakers"])
    message = str(err.value)
    assert "sections.1" in message
    assert "Input should be 'summary', 'key_judgments'" in message


def test_every_registered_section_has_a_built_in_template() -> None:
    built_in = Path(__file__).resolve().parents[1] / "src" / "brief" / "resources" / "templates"
    assert sorted(SECTIONS) == sorted(
        p.name.removesuffix(".md.j2") for p in built_in.glob("[!_]*.md.j2")
    )
