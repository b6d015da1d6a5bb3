"""Random corpora, valid and broken, with hostile strings (issue 14).

- `validate` never fails as a crash: every corpus is valid or `InvalidInput`
  (exit 2, located problems), never any other exception (exit 1);
- every valid corpus renders in all three formats, and the words of every
  quote read back from the PDF (pdftotext) and the Word file;
- the corpus cache never hides a problem: after random mutations of a
  validated workspace, a warm load reports exactly what a cold load reports.

In-process (the API the CLI calls) to stay fast; the real-process cases are
in the other test_hostile_*.py modules.
"""

from __future__ import annotations

import hashlib
import html
import os
import re
import shutil
import subprocess
import tempfile
import unicodedata
import zipfile
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from brief import api
from brief.corpus.controls import CONTROLS
from brief.corpus.provenance import normalize
from brief.errors import InvalidInput

SOURCE = "nato-dsg-nac-kfor-2022-07"
PERSON = "mircea-geoana"

# Letters the PDF font has (Latin, Cyrillic), Markdown and template syntax, entities.
WORD_CHARS = "abcdefghijklmnopqrstuvwxyzčćđšžăîșțАБВГДЂЕЖЗИЈКЛЉМНЊОПРСТЋУФХЦЧЏШабвгђежзијклљмнњ"
HOSTILE = ["*", "_", "[^1]", "<b>", "{{ x }}", "{% if %}", "&amp;", "#", "|", "~", "\\", "`"]
CONTROL = ["\x00", "\x0b", "\x1b", "\x7f"]


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from brief.init import create_workspace

    return create_workspace(tmp_path_factory.mktemp("props") / "ws")


words = st.text(alphabet=WORD_CHARS, min_size=1, max_size=8)
# A word first: a field of control characters alone is empty once they are removed.
anything = st.one_of(words, st.sampled_from(HOSTILE), st.sampled_from(CONTROL))
hostile_text = st.tuples(words, st.lists(anything, max_size=6)).map(
    lambda parts: " ".join([parts[0], *parts[1]])
)
sentence = st.lists(st.one_of(words, st.sampled_from(HOSTILE)), min_size=3, max_size=9).map(
    lambda parts: " ".join(parts).capitalize() + "."
)


@st.composite
def corpora(draw: st.DrawFn, broken: bool = True) -> dict:
    """A source text, the statements quoting it, and hostile metadata; with `broken`,
    maybe one mistake (or a URL validate refuses)."""
    sentences = draw(st.lists(sentence, min_size=1, max_size=4, unique=True))
    quoted = draw(st.lists(st.sampled_from(sentences), min_size=1, max_size=3, unique=True))
    # A direct quote stands in quotation marks in its source (validate checks it).
    paragraphs = [f"He said: “{s}”" if s in quoted else s for s in sentences]
    return {
        "text": "\n\n".join(paragraphs) + "\n",
        "quotes": quoted,
        "title": draw(hostile_text),
        "occasion": draw(hostile_text),
        "location": draw(hostile_text),
        "url": draw(
            st.sampled_from(
                [None, "https://example.org/a?b=1&amp;c=2", *(["not a url"] if broken else [])]
            )
        ),
        "break": draw(
            st.sampled_from([None, "speaker", "date", "yaml", "field", "sha"] if broken else [None])
        ),
    }


def write_corpus(ws: Path, corpus: dict) -> None:
    text = corpus["text"].encode("utf-8")
    (ws / "seeds" / "texts" / f"{SOURCE}.txt").write_bytes(text)
    source_file = ws / "seeds" / "sources" / f"{SOURCE}.yaml"
    source = yaml.safe_load(source_file.read_text("utf-8"))
    source.update(title=corpus["title"], sha256=hashlib.sha256(text).hexdigest())
    if corpus["url"]:
        source["url"] = corpus["url"]
    if corpus["break"] == "sha":
        source["sha256"] = "0" * 64
    source_file.write_text(yaml.safe_dump(source, allow_unicode=True), "utf-8")
    extracts = [
        {
            "id": f"q-{i}",
            "kind": "statement",
            "source": SOURCE,
            "speaker": "nobody" if corpus["break"] == "speaker" else PERSON,
            "mode": "direct",
            "date": "2022-07-32" if corpus["break"] == "date" else "2022-07-07",
            "location": corpus["location"],
            "occasion": corpus["occasion"],
            "subjects": [PERSON],
            "credibility": 2,
            "quote": quote,
        }
        for i, quote in enumerate(corpus["quotes"])
    ]
    if corpus["break"] == "field":
        extracts[0]["qoute"] = "typo"
    dumped = yaml.safe_dump({"extracts": extracts}, allow_unicode=True)
    if corpus["break"] == "yaml":
        dumped = dumped.replace("extracts:", "extracts: [", 1)
    (ws / "seeds" / "extracts" / f"{SOURCE}.yaml").write_text(dumped, "utf-8")


def _fresh(base: Path) -> Path:
    ws = Path(tempfile.mkdtemp(prefix="brief-prop-")) / "ws"
    shutil.copytree(base, ws)
    return ws


def _expected_valid(corpus: dict) -> bool:
    return corpus["break"] is None and corpus["url"] != "not a url"


def _pdf_text(data: bytes, folder: Path) -> str:
    path = folder / "brief.pdf"
    path.write_bytes(data)
    done = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, text=True, check=True
    )
    return done.stdout


def _docx_text(data: bytes, folder: Path) -> str:
    path = folder / "brief.docx"
    path.write_bytes(data)
    with zipfile.ZipFile(path) as package:
        xml = package.read("word/document.xml").decode("utf-8")
    paragraphs = re.findall(r"<w:p[ >].*?</w:p>", xml, flags=re.S)
    return "\n".join(
        "".join(html.unescape(t) for t in re.findall(r"<w:t[^>]*>([^<]*)</w:t>", p))
        for p in paragraphs
    )


def _comparable(text: str) -> str:
    return normalize(unicodedata.normalize("NFKC", text))


@pytest.mark.client
@settings(max_examples=6, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(corpus=corpora(broken=False))
def test_valid_random_corpora_render_in_every_format_and_quotes_read_back(
    base: Path, corpus: dict
) -> None:
    ws = _fresh(base)
    try:
        write_corpus(ws, corpus)
        api.validate(ws)  # made valid: must validate, whatever the hostile strings
        document = api.build_document(api.load(ws), PERSON)
        rendered = {fmt: api.render_bytes(document, fmt) for fmt in ("md", "pdf", "docx")}
        assert all(rendered.values())
        assert not CONTROLS.search(rendered["md"].decode("utf-8"))
        pdf = _comparable(_pdf_text(rendered["pdf"], ws))
        docx = _comparable(_docx_text(rendered["docx"], ws))
        for quote in corpus["quotes"]:
            words = _comparable(quote)
            assert words in pdf, (quote, pdf)
            assert words in docx, (quote, docx)
    finally:
        shutil.rmtree(ws.parent, ignore_errors=True)


@settings(max_examples=25, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(corpus=corpora())
def test_validate_never_crashes_on_broken_or_hostile_corpora(base: Path, corpus: dict) -> None:
    ws = _fresh(base)
    try:
        write_corpus(ws, corpus)
        try:
            api.validate(ws)
        except InvalidInput as err:  # exit 2, each problem located in a file
            assert not _expected_valid(corpus), err
            assert err.problems and all(p.file.startswith("seeds/") for p in err.problems)
        else:
            assert _expected_valid(corpus)
    finally:
        shutil.rmtree(ws.parent, ignore_errors=True)


# ------------------------------------------------------------------- cache

MUTATIONS = [
    "append-junk",
    "control-in-title",
    "delete-text",
    "text-outside",
    "text-loop",
    "folder-for-yaml",
    "edit-text",
    "empty-text",
    "template-outside",
    "touch-nothing",
]


def mutate(ws: Path, outside: Path, mutation: str) -> None:
    source = ws / "seeds" / "sources" / f"{SOURCE}.yaml"
    text = ws / "seeds" / "texts" / f"{SOURCE}.txt"
    if mutation == "append-junk":
        with open(source, "a", encoding="utf-8") as handle:
            handle.write("junk: [\n")
    elif mutation == "control-in-title":
        data = source.read_text("utf-8").replace('title: "NATO', 'title: "\\u001bNATO', 1)
        source.write_text(data, "utf-8")
    elif mutation == "delete-text":
        text.unlink(missing_ok=True)
    elif mutation in ("text-outside", "text-loop"):
        if text.exists() and not text.is_symlink():
            shutil.copy(text, outside)
        text.unlink(missing_ok=True)
        text.symlink_to(outside if mutation == "text-outside" else text.name)
    elif mutation == "folder-for-yaml":
        (ws / "seeds" / "issues" / "more.yaml").mkdir(parents=True, exist_ok=True)
    elif mutation == "edit-text":
        if text.is_file():
            text.write_bytes(text.read_bytes() + b" edited")
    elif mutation == "empty-text":
        if text.is_file():
            text.write_bytes(b"")
    elif mutation == "template-outside":
        link = ws / "briefings" / "templates" / "extra.md.j2"
        if not os.path.lexists(link):
            link.symlink_to(outside)


def _outcome(ws: Path) -> tuple:
    """What a load reports: the counts, or every problem; and the warnings."""
    from brief.corpus.load import load_workspace

    try:
        corpus = api.load(ws)
    except InvalidInput as err:
        return ("invalid", tuple(str(p) for p in err.problems))
    del load_workspace
    return ("valid", tuple(sorted(corpus.counts().items())), tuple(map(str, corpus.warnings)))


@settings(max_examples=15, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(steps=st.lists(st.sampled_from(MUTATIONS), min_size=1, max_size=3))
def test_the_corpus_cache_never_hides_a_problem(
    base: Path, steps: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    ws = _fresh(base)
    outside = ws.parent / "outside.txt"
    outside.write_text("elsewhere", "utf-8")
    try:
        monkeypatch.setenv("BRIEF_CACHE_DIR", str(ws.parent / "cache"))
        monkeypatch.delenv("BRIEF_NO_CACHE", raising=False)
        assert _outcome(ws)[0] == "valid"  # the cache now holds the valid corpus
        for step in steps:
            mutate(ws, outside, step)
            warm = _outcome(ws)
            monkeypatch.setenv("BRIEF_NO_CACHE", "1")
            cold = _outcome(ws)
            monkeypatch.delenv("BRIEF_NO_CACHE")
            assert warm == cold, (steps, step)
    finally:
        shutil.rmtree(ws.parent, ignore_errors=True)
