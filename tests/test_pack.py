"""`brief pack` end to end on the shipped corpus (a few briefings, to stay fast)."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from brief.cli import app
from shipped_workspace import copy_shipped_workspace

KEEP = ("kosovo", "boris-ruge")
runner = CliRunner()


def make_workspace(root: Path, keep: tuple[str, ...] = KEEP) -> Path:
    return copy_shipped_workspace(root, keep)


def pack(ws: Path, *args: str):
    return runner.invoke(app, ["pack", "--workspace", str(ws), *args])


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file but timings.json, the one file allowed to differ between runs."""
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.name != "timings.json"}


@pytest.fixture
def ws(tmp_path: Path) -> Path:
    return make_workspace(tmp_path / "ws")


def test_changes_never_claim_this_week_for_a_date_known_only_to_the_month(ws: Path) -> None:
    # 2024-W44 runs 28 October to 3 November; Rutte's and Smith's remarks are dated
    # only "October 2024": they may fall in the week, or weeks before it.
    result = pack(ws, "--week", "2024-W44", "--formats", "md")
    assert result.exit_code == 0, result.output
    changes = (ws / "output" / "packs" / "2024-W44" / "changes.md").read_text("utf-8")
    assert "Latest development this week" not in changes
    assert (
        "Latest development dated only October 2024 (may be this week): "
        "Kosovo and NATO's Partnership for Peace"
    ) in changes
    # The words as the briefs print them: the source's error marked, not mended.
    assert "(P4P \\[sic\\])" in changes


def test_pack_w38_writes_every_brief_and_a_manifest(ws: Path) -> None:
    result = pack(ws, "--week", "2024-W38", "--formats", "md,docx")
    assert result.exit_code == 0, result.output
    assert "4 brief files rendered, 0 up to date; wrote changes.md" in result.stdout
    assert "[brief 2/2]" in result.stderr
    folder = ws / "output" / "packs" / "2024-W38"
    names = {p.name for p in folder.iterdir()}
    for stem in KEEP:
        assert {f"{stem}_2024-09-22.md", f"{stem}_2024-09-22.docx"} <= names
    assert {"manifest.json", "changes.md", "timings.json"} <= names
    manifest = json.loads((folder / "manifest.json").read_text("utf-8"))
    assert manifest["pack"] == "2024-W38"
    assert manifest["as_of"] == "2024-09-22"
    assert manifest["tool"].startswith("brief ")
    assert len(manifest["inputs_sha256"]) == 64
    listed = [f for brief in manifest["briefs"] for f in brief["files"]]
    assert len(listed) == 2 * len(KEEP)
    for entry in listed:
        assert hashlib.sha256((folder / entry["path"]).read_bytes()).hexdigest() == entry["sha256"]
    # Cut off on the Sunday: the source of October 2024 (Rutte on N1) is not cited.
    kosovo = (folder / "kosovo_2024-09-22.md").read_text("utf-8")
    assert 'as_of: "2024-09-22"' in kosovo
    assert "Mark Rutte on the Western Balkans" not in kosovo
    changes = (folder / "changes.md").read_text("utf-8")
    assert changes.startswith("# What changed in 2024-W38")
    assert "Goffus" in changes  # his 17 September 2024 meetings are that week's news
    assert (
        "Latest development this week: Reopening the Ibar bridge in Mitrovica to road "
        "traffic, 17 September 2024"
    ) in changes
    lines = changes.splitlines()

    def line_of(extract_id: str, section: str) -> str:
        start = lines.index(f"## {section}")
        return next(ln for ln in lines[start:] if ln.endswith(f"\\[{extract_id}\\]"))

    # Reported speech is worded as in the briefs, never put in quotation marks.
    reported = line_of("twb-goffus-1", "Kosovo: country brief")
    assert "Tom Goffus: *Reported:* \\[Goffus\\] stressed the need" in reported
    assert "“He stressed" not in changes
    direct = line_of("twb-goffus-2", "Kosovo: country brief")
    assert "Tom Goffus: “decisions must be taken through dialogue" in direct
    # The source dates it only approximately; so do the briefs and changes.md.
    assert "around 17 September 2024" in reported
    # The outlet's own speculation is the outlet's, not a statement by Boris Ruge.
    comment = line_of("twb-outlet-2", "Boris Ruge: person brief")
    assert comment.startswith(
        "- Outlet's own comment, around 17 September 2024, Thewesternbalkans:"
    )
    assert "New statement" not in comment


def test_second_run_renders_nothing_and_says_so(ws: Path) -> None:
    assert pack(ws, "--week", "2024-W38", "--formats", "md").exit_code == 0
    folder = ws / "output" / "packs" / "2024-W38"
    before = {p.name: p.stat().st_mtime_ns for p in folder.iterdir()}
    result = pack(ws, "--week", "2024-W38", "--formats", "md")
    assert result.exit_code == 0
    assert "nothing to do" in result.stdout
    # Every message counts the same thing, brief files (one per brief and format).
    assert "nothing to do, 2 brief files up to date" in result.stdout
    assert "2 brief files up to date, not re-rendered" in result.stderr
    assert {p.name: p.stat().st_mtime_ns for p in folder.iterdir()} == before


def test_changed_input_re_renders(ws: Path) -> None:
    assert pack(ws, "--week", "2024-W38", "--formats", "md").exit_code == 0
    briefing = ws / "briefings" / "kosovo.yaml"
    briefing.write_text(briefing.read_text("utf-8").replace("Kosovo: country brief", "Kosovo"))
    result = pack(ws, "--week", "2024-W38", "--formats", "md")
    assert result.exit_code == 0
    assert "nothing to do" not in result.stdout
    assert "files rendered" in result.stdout


def test_parallel_pack_is_byte_identical(tmp_path: Path) -> None:
    ws = make_workspace(tmp_path / "ws", ("kosovo", "boris-ruge", "serbia"))
    j1, j2 = str(tmp_path / "j1"), str(tmp_path / "j2")
    assert pack(ws, "--week", "2024-W38", "--formats", "md,docx", "--out", j1).exit_code == 0
    result = pack(ws, "--week", "2024-W38", "--formats", "md,docx", "--jobs", "2", "--out", j2)
    assert result.exit_code == 0, result.output
    one, two = snapshot(tmp_path / "j1" / "2024-W38"), snapshot(tmp_path / "j2" / "2024-W38")
    assert one.keys() == two.keys()
    assert [name for name in one if one[name] != two[name]] == []


def test_one_failing_brief_keeps_the_others(ws: Path) -> None:
    (ws / "briefings" / "templates" / "broken.md.j2").write_text(
        "# {{ section.heading }}\n\n{% for x in section.actors %}{{ x.name }\n", "utf-8"
    )
    (ws / "briefings" / "serbia-broken.yaml").write_text(
        "subject: serbia\nkind: country\ntemplates:\n  actors: templates/broken.md.j2\n", "utf-8"
    )
    result = pack(ws, "--week", "2024-W38", "--formats", "md")
    assert result.exit_code == 2
    assert "briefings/templates/broken.md.j2:3" in result.stderr
    folder = ws / "output" / "packs" / "2024-W38"
    for stem in KEEP:
        assert (folder / f"{stem}_2024-09-22.md").is_file()
    assert not list(folder.glob("serbia-broken*"))
    manifest = json.loads((folder / "manifest.json").read_text("utf-8"))
    assert [f["briefing"] for f in manifest["failures"]] == ["serbia-broken"]
    # The others are cached; the broken one is tried again and fails again.
    again = pack(ws, "--week", "2024-W38", "--formats", "md")
    assert again.exit_code == 2
    assert "2 up to date" in again.stdout


def test_changes_compare_with_the_previous_pack(ws: Path) -> None:
    assert pack(ws, "--week", "2024-W37", "--formats", "md").exit_code == 0
    issues = ws / "seeds" / "issues" / "open-issues.yaml"
    text = issues.read_text("utf-8")
    # The ibar bridge's assessment of 17 September (its last): known in W38, not in W37.
    ibar = text.index("id: ibar-bridge")
    status = text.index("status: ", text.index("date: 2024-09-17", ibar))
    old = text[status : text.index("\n", status)]
    issues.write_text(text[:status] + "status: resolved" + text[text.index("\n", status) :])
    assert pack(ws, "--week", "2024-W38", "--formats", "md").exit_code == 0
    changes = (ws / "output" / "packs" / "2024-W38" / "changes.md").read_text("utf-8")
    assert "Compared with the pack of 2024-W37" in changes
    assert f"{old.removeprefix('status: ')} → resolved" in changes


@pytest.mark.client
def test_august_pack_has_a_combined_pdf_with_contents_and_bookmarks(ws: Path) -> None:
    from pypdf import PdfReader

    result = pack(ws, "--week", "2024-W34", "--formats", "pdf")
    assert result.exit_code == 0, result.output
    folder = ws / "output" / "packs" / "2024-W34"
    combined = PdfReader(folder / "pack_2024-W34.pdf")
    briefs = [PdfReader(folder / f"{stem}_2024-08-25.pdf") for stem in KEEP]
    titles = [item.title for item in combined.outline if not isinstance(item, list)]
    assert titles[0] == "Weekly pack 2024-W34"
    assert len(titles) == 1 + len(KEEP)
    cover_pages = len(combined.pages) - sum(len(b.pages) for b in briefs)
    assert cover_pages >= 1
    cover = "\n".join(combined.pages[i].extract_text() for i in range(cover_pages))
    assert "Contents" in cover and "What changed" in cover
    assert str(cover_pages + 1) in cover  # the first brief's page number
    # In parallel, the same bytes: single briefs and the combined PDF alike.
    again = pack(
        ws, "--week", "2024-W34", "--formats", "pdf", "--jobs", "2", "--out", str(ws / "j2")
    )
    assert again.exit_code == 0, again.output
    assert snapshot(ws / "j2" / "2024-W34") == snapshot(folder)


def test_as_of_picks_the_week_and_names_the_files(tmp_path: Path) -> None:
    ws = make_workspace(tmp_path / "ws", ("montenegro",))
    result = pack(ws, "--as-of", "2024-08-21", "--formats", "md")
    assert result.exit_code == 0, result.output
    folder = ws / "output" / "packs" / "2024-W34"
    assert (folder / "montenegro_2024-08-21.md").is_file()
    assert json.loads((folder / "manifest.json").read_text("utf-8"))["as_of"] == "2024-08-21"


def test_default_week_is_the_newest_extracts_week(tmp_path: Path) -> None:
    from brief import api
    from brief.pack.weeks import week_of

    ws = make_workspace(tmp_path / "ws", ("montenegro",))
    # The week of the latest day any extract's date can mean: "October 2024"
    # counts as 31 October, never as the 1st.
    newest = week_of(max(e.when.last for e in api.load(ws).extracts.values()))
    assert pack(ws, "--formats", "md").exit_code == 0
    assert (ws / "output" / "packs" / newest.label / "manifest.json").is_file()


def test_a_removed_briefing_leaves_no_stale_files(ws: Path) -> None:
    assert pack(ws, "--week", "2024-W38", "--formats", "md").exit_code == 0
    (ws / "briefings" / "boris-ruge.yaml").unlink()
    assert pack(ws, "--week", "2024-W38", "--formats", "md").exit_code == 0
    folder = ws / "output" / "packs" / "2024-W38"
    assert not list(folder.glob("boris-ruge*"))
    assert (folder / "kosovo_2024-09-22.md").is_file()


def test_invalid_data_stops_the_pack_before_anything_is_written(ws: Path) -> None:
    extracts = ws / "seeds" / "extracts" / "rks-ruge-n1-interview-2024-08.yaml"
    text = extracts.read_text("utf-8")
    extracts.write_text(text.replace("speaker: boris-ruge", "speaker: boris", 1), "utf-8")
    result = pack(ws, "--week", "2024-W38", "--formats", "md")
    assert result.exit_code == 2
    assert "unknown actor 'boris'" in result.stderr
    assert not (ws / "output").exists()


def test_failures_are_reported_in_the_same_order_whatever_the_jobs(
    ws: Path, tmp_path: Path
) -> None:
    (ws / "briefings" / "templates" / "broken.md.j2").write_text("{{ nope }}\n", "utf-8")
    for stem, subject in (("b-serbia", "serbia"), ("a-montenegro", "montenegro")):
        (ws / "briefings" / f"{stem}.yaml").write_text(
            f"subject: {subject}\nkind: country\ntemplates:\n  actors: templates/broken.md.j2\n",
            "utf-8",
        )
    outs = []
    for jobs in ("1", "3"):
        out = tmp_path / f"j{jobs}"
        result = pack(
            ws, "--week", "2024-W38", "--formats", "md", "--jobs", jobs, "--out", str(out)
        )
        assert result.exit_code == 2
        outs.append(snapshot(out / "2024-W38"))
    assert outs[0] == outs[1]
    manifest = json.loads(outs[0]["manifest.json"])
    assert [f["briefing"] for f in manifest["failures"]] == ["a-montenegro", "b-serbia"]


def test_two_briefings_of_one_subject_each_render_their_own(ws: Path) -> None:
    """A second Kosovo briefing with its own title and sections is packed as
    written, not as the first Kosovo briefing."""
    kosovo = (ws / "briefings" / "kosovo.yaml").read_text("utf-8")
    lines = [line for line in kosovo.splitlines() if not line.startswith(("title:", "sections:"))]
    monthly = "\n".join([*lines, 'title: "Kosovo: monthly note"', "sections: [summary, sources]"])
    (ws / "briefings" / "kosovo-monthly.yaml").write_text(monthly + "\n", "utf-8")
    result = pack(ws, "--week", "2024-W38", "--formats", "md")
    assert result.exit_code == 0, result.output
    folder = ws / "output" / "packs" / "2024-W38"
    weekly = (folder / "kosovo_2024-09-22.md").read_text("utf-8")
    monthly_md = (folder / "kosovo-monthly_2024-09-22.md").read_text("utf-8")
    assert 'title: "Kosovo: country brief"' in weekly and "# Key statements" in weekly
    assert 'title: "Kosovo: monthly note"' in monthly_md
    assert "# Key statements" not in monthly_md and "# Sources" in monthly_md
