"""What is printed is what the corpus says (issue 14): real `brief` processes.

Control characters are removed once, at load, the same in every format, with
one located warning per field; a URL is kept as recorded; `brief sources add`
refuses what `brief validate` would; empty and binary texts are invalid.
"""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest

from hostile_helpers import run_brief

SOURCE = f"seeds/sources/{'nato-dsg-nac-kfor-2022-07'}.yaml"
TEXT = "seeds/texts/nato-dsg-nac-kfor-2022-07.txt"
ADD = ("--title", "T", "--outlet", "O", "--date", "2024-01-01", "--kind", "news_report")


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> Path:
    ws = tmp_path_factory.mktemp("content") / "ws"
    done = run_brief("init", str(ws))
    assert done.returncode == 0, done.stderr
    return ws


@pytest.fixture
def ws(base: Path, tmp_path: Path) -> Path:
    return Path(shutil.copytree(base, tmp_path / "ws"))


def _edit(path: Path, old: str, new: str) -> int:
    """Replace `old` (once) in `path`; return the line it is on."""
    text = path.read_text("utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), "utf-8")
    return text[: text.index(old)].count("\n") + 1


def _docx_text(path: Path) -> str:
    with zipfile.ZipFile(path) as package:
        xml = "".join(
            package.read(n).decode("utf-8")
            for n in package.namelist()
            if n.startswith("word/") and n.endswith(".xml")
        )
    return re.sub(r"<[^>]+>", "", xml)


def _pdf_text(path: Path) -> str:
    done = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, text=True, check=True
    )
    return done.stdout


@pytest.mark.client
def test_control_characters_are_removed_in_every_format_with_one_warning_per_field(
    ws: Path,
) -> None:
    title_line = _edit(ws / SOURCE, 'title: "NATO Deputy', 'title: "NA\\u001bTO Deputy\\u0000')
    people = ws / "seeds" / "actors" / "people.yaml"
    name_line = _edit(people, "name: Mircea Geoană", 'name: "Mircea\\u000b Geoană"')
    warnings = [
        f"warning: seeds/actors/people.yaml:{name_line}:11: actors[0].name: removed 1 control "
        "character (U+000B): they print differently, or not at all, in each format",
        f"warning: {SOURCE}:{title_line}:8: title: removed 2 control characters "
        "(U+0000, U+001B): they print differently, or not at all, in each format",
    ]
    for _ in ("cold", "warm"):  # the cache keeps the warnings
        done = run_brief("validate", cwd=ws, BRIEF_NO_CACHE="0")
        assert done.returncode == 0, done.stderr
        assert done.stderr.splitlines() == warnings
    done = run_brief("mircea-geoana", "--format", "all", "--out", "out", cwd=ws)
    assert done.returncode == 0, done.stderr
    assert done.stderr.splitlines() == warnings  # once, not once per format
    md, pdf, docx = (next((ws / "out").glob(f"*.{ext}")) for ext in ("md", "pdf", "docx"))
    texts = {"md": md.read_text("utf-8"), "pdf": _pdf_text(pdf), "docx": _docx_text(docx)}
    for fmt, text in texts.items():
        # (not \f: pdftotext ends every page with one)
        assert not re.search("[\x00-\x08\x0b\x0e-\x1f\ufffd]", text), fmt
        assert "NATO Deputy Secretary General and North Atlantic" in " ".join(text.split()), fmt
        assert "Mircea Geoană" in text, fmt


def test_a_url_is_kept_exactly_as_recorded(ws: Path) -> None:
    url = "https://www.nato.int/cps/en/natohq/news.htm?a=1&amp;b=2&lt;3"
    with open(ws / SOURCE, "a", encoding="utf-8") as handle:
        handle.write(f'url: "{url}"\n')
    done = run_brief("mircea-geoana", "--format", "all", "--out", "out", cwd=ws)
    assert done.returncode == 0, done.stderr
    md = next((ws / "out").glob("*.md")).read_text("utf-8")
    from brief.document.from_markdown import parse_markdown

    links = re.findall(r"\]\((<[^>]*(?:\\>[^>]*)*>)\)", md)
    hrefs = {str(parse_markdown(f"[x]({dest})")[0].children[0].url) for dest in links}
    assert url in hrefs, hrefs
    with zipfile.ZipFile(next((ws / "out").glob("*.docx"))) as package:
        rels = "".join(
            package.read(n).decode("utf-8") for n in package.namelist() if n.endswith(".rels")
        )
    assert 'Target="https://www.nato.int/cps/en/natohq/news.htm?a=1&amp;amp;b=2&amp;lt;3"' in rels
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(next((ws / "out").glob("*.pdf")).read_bytes()))
    uris = {
        str(annot.get_object()["/A"].get("/URI"))
        for page in reader.pages
        for annot in page.get("/Annots") or []
        if "/A" in annot.get_object()
    }
    assert url in uris, uris


BAD_URLS = ["ftp://example.org/x", "https://example.org/a b", "javascript:alert(1)", "example.org"]


def test_sources_add_refuses_a_url_validate_would_refuse(ws: Path, tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    page.write_text("Words of a new source.\n", "utf-8")
    before = sorted(p.name for p in (ws / "seeds").rglob("*"))
    for url in BAD_URLS:
        done = run_brief("sources", "add", str(page), *ADD, "--grade", "B", "--url", url, cwd=ws)
        assert done.returncode == 2, done.stderr
        assert done.stderr.splitlines() == [
            f"error: --url: {url!r}: not a web address (http:// or https://)"
        ]
        assert sorted(p.name for p in (ws / "seeds").rglob("*")) == before
    # And validate says the same of each of them.
    line = _edit(ws / SOURCE, "outlet: NATO", "url: x\noutlet: NATO")
    for url in BAD_URLS[:2]:  # one rule (web_address_problem): two cases show it is shared
        source = (ws / SOURCE).read_text("utf-8").splitlines()
        source[line - 1] = f"url: {url!r}"
        (ws / SOURCE).write_text("\n".join([*source, ""]), "utf-8")
        check = run_brief("validate", cwd=ws)
        assert check.returncode == 2
        assert f"{SOURCE}:{line}:6: url: not a web address (http:// or https://)" in check.stderr


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "empty: a source text must hold the words its extracts quote"),
        (b"PK\x03\x04\x00\x00binary", "binary, not text (it holds NUL bytes)"),
        (bytes(range(1, 32)) * 4 + b"abc", "binary, not text"),
    ],
    ids=["empty", "nul", "controls"],
)
def test_an_empty_or_binary_text_is_invalid_at_validate_and_at_sources_add(
    ws: Path, tmp_path: Path, content: bytes, message: str
) -> None:
    import hashlib

    (ws / TEXT).write_bytes(content)
    _edit(ws / SOURCE, "sha256: ", f"sha256: {hashlib.sha256(content).hexdigest()}\n#")
    done = run_brief("validate", cwd=ws)
    assert done.returncode == 2, done.stderr
    assert f"{SOURCE}:15:7: text: {TEXT}: {message}" in done.stderr, done.stderr
    page = tmp_path / "page.txt"
    page.write_bytes(content)
    added = run_brief("sources", "add", str(page), *ADD, "--grade", "B", cwd=ws)
    assert added.returncode == 2, added.stderr
    assert added.stderr.startswith(f"{page}: "), added.stderr
    assert not list((ws / "seeds" / "sources").glob("o-2024-01-01-*"))
