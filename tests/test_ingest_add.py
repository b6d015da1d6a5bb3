"""`brief sources add`: metadata, stored text, duplicates, missing metadata in CI."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from brief.cli import app
from brief.ingest.boilerplate import find_boilerplate
from ingest_helpers import make_workspace

DATA = Path(__file__).parent / "data"
HTML = DATA / "html" / "balkan-dispatch-envoy.html"


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    return make_workspace(tmp_path / "ws")


def run(*args: str, env: dict[str, str] | None = None):
    return CliRunner().invoke(app, list(args), env={"CI": "true", **(env or {})})


def test_html_page_gives_article_text_and_metadata(workspace: Path) -> None:
    result = run("sources", "add", str(HTML), "-w", str(workspace), "--kind", "news_report",
                 "--grade", "B", "--accessed", "2024-10-04")  # fmt: skip
    assert result.exit_code == 0, result.output
    record_file = next((workspace / "seeds" / "sources").glob("*.yaml"))
    raw = record_file.read_text(encoding="utf-8")
    assert raw.startswith("# yaml-language-server: $schema=../../schemas/source.schema.json\n")
    record = yaml.safe_load(raw)
    assert record["id"] == "balkan-dispatch-2024-10-03-eu-envoy-urges-belgrade"
    assert record["title"] == "EU Envoy Urges Belgrade and Pristina to Implement Deals"
    assert record["outlet"] == "Balkan Dispatch"
    assert record["author"] == "Ana Petrović"
    assert str(record["published"]) == "2024-10-03"
    assert record["url"].startswith("https://balkandispatch.example/2024/10/03/")
    assert record["language"] == "en"
    text = (workspace / "seeds" / record["text"]).read_bytes()
    assert record["sha256"] == hashlib.sha256(text).hexdigest()
    decoded = text.decode("utf-8")
    # Navigation, cookie banner and footer are gone; the article is there.
    assert "Most read" not in decoded and "Accept all cookies" not in decoded
    assert "“Both parties have obligations" in decoded
    # Boilerplate that survived extraction is marked verbatim.
    assert record["boilerplate"] and all(b in decoded for b in record["boilerplate"])
    assert any("republished" in b for b in record["boilerplate"])
    # The original page is kept, byte for byte.
    assert (workspace / "seeds" / "originals" / f"{record['id']}.html").read_bytes() == (
        HTML.read_bytes()
    )


def test_plain_text_is_stored_untouched(workspace: Path, tmp_path: Path) -> None:
    article = tmp_path / "article.txt"
    article.write_bytes(
        "Ruge in Pristina\r\n\r\n“We are not going anywhere,” Ruge said.  \n".encode()
    )
    result = run("sources", "add", str(article), "-w", str(workspace),
                 "--title", "Ruge in Pristina", "--outlet", "N1", "--date", "2024-08-20",
                 "--kind", "interview", "--grade", "c", "--accessed", "2024-08-21")  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "n1-2024-08-20-ruge-in-pristina" in result.output
    stored = workspace / "seeds" / "texts" / "n1-2024-08-20-ruge-in-pristina.txt"
    assert stored.read_bytes() == article.read_bytes()
    record = yaml.safe_load(
        (workspace / "seeds/sources/n1-2024-08-20-ruge-in-pristina.yaml").read_text()
    )
    assert record["reliability"] == "C"


def test_duplicate_text_is_refused(workspace: Path) -> None:
    args = ("sources", "add", str(HTML), "-w", str(workspace), "--kind", "news_report",
            "--grade", "B", "--accessed", "2024-10-04")  # fmt: skip
    assert run(*args).exit_code == 0
    before = sorted(p.name for p in (workspace / "seeds").rglob("*"))
    second = run(*args, "--title", "Another title")
    assert second.exit_code == 2
    assert "duplicate" in second.output
    assert "balkan-dispatch-2024-10-03-eu-envoy-urges-belgrade" in second.output
    assert "Traceback" not in second.output
    assert sorted(p.name for p in (workspace / "seeds").rglob("*")) == before


def test_missing_metadata_is_one_error_line_in_ci(workspace: Path, tmp_path: Path) -> None:
    article = tmp_path / "note.txt"
    article.write_text("“We will stay in the region for as long as needed,” Ruge said.\n")
    result = run("sources", "add", str(article), "-w", str(workspace), "--kind", "news_report")
    assert result.exit_code == 2
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1
    assert "--title" in lines[0] and "--outlet" in lines[0] and "--date" in lines[0]
    assert "--grade" in lines[0] and "--kind" not in lines[0]
    assert not (workspace / "seeds" / "sources").exists()


def test_unsupported_file_and_bad_date_are_clear_errors(workspace: Path, tmp_path: Path) -> None:
    docx = tmp_path / "x.docx"
    docx.write_bytes(b"PK")
    assert "unsupported file type" in run("sources", "add", str(docx), "-w", str(workspace)).output
    pdf = tmp_path / "x.pdf"  # PDFs are read since issue 17: a damaged one is a clear error
    pdf.write_bytes(b"%PDF")
    assert "cannot read the PDF" in run("sources", "add", str(pdf), "-w", str(workspace)).output
    article = tmp_path / "a.txt"
    article.write_text("Some article text about NATO and the region.\n")
    result = run("sources", "add", str(article), "-w", str(workspace), "--title", "T",
                 "--outlet", "O", "--date", "20 Aug", "--kind", "news_report",
                 "--grade", "B")  # fmt: skip
    assert result.exit_code == 2 and "not a date" in result.output


def test_boilerplate_in_english_and_the_region_languages() -> None:
    text = (
        "NATO said it would stay.\nLEAVE A REPLY\nPlease enter your comment!\n"
        "Kakvo je tvoje mišljenje o ovome?\nBudi prvi koji će ostaviti komentar!\n"
        "We use cookies to improve your experience.\nShare on Facebook\n"
        "/Public Release. This material from the originating organization/author(s) might be "
        "of the point-in-time nature.\nThe share of Serbs in the police grew.\n"
    )
    assert find_boilerplate(text) == [
        "LEAVE A REPLY",
        "Please enter your comment!",
        "Kakvo je tvoje mišljenje o ovome?",
        "Budi prvi koji će ostaviti komentar!",
        "We use cookies to improve your experience.",
        "Share on Facebook",
        "/Public Release. This material from the originating organization/author(s) might be "
        "of the point-in-time nature.",
    ]


def test_missing_metadata_is_asked_for_on_a_terminal(workspace: Path, tmp_path: Path) -> None:
    from brief.ingest.add import add_source

    article = tmp_path / "note.md"
    article.write_text("# Ruge ends Balkans visit\n\n“We are not going anywhere,” Ruge said.\n")
    answers = {"Outlet (publisher)": "N1", "Publication date (YYYY-MM-DD)": "2024-08-20"}
    asked: list[str] = []

    def prompt(question: str) -> str:
        asked.append(question)
        return answers.get(question, "B" if "grade" in question else "news_report")

    added = add_source(workspace, article, prompt=prompt, accessed=None)

    assert asked == [  # the title comes from the Markdown heading
        "Outlet (publisher)",
        "Publication date (YYYY-MM-DD)",
        "Kind (official_release, news_report, interview, commentary)",
        "Reliability grade (A-F)",
    ]
    assert added.source.id == "n1-2024-08-20-ruge-ends-balkans-visit"
    assert added.source.title == "Ruge ends Balkans visit"
