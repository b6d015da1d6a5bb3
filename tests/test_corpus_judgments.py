"""ICD 203: a judgment uses its own row-1 term, no other, no hedges, no fused confidence."""

from __future__ import annotations

from pathlib import Path

import pytest

from brief.corpus.load import load_workspace
from tiny_workspace import line_of, make_workspace

JUDGMENTS = "seeds/judgments/judgments.yaml"
TEXT = "KFOR is likely to keep its strength in Kosovo through 2025."


def problems_with_text(root: Path, text: str, likelihood: str = "likely") -> list[str]:
    path = root / JUDGMENTS
    body = path.read_text(encoding="utf-8")
    body = body.replace(TEXT, text).replace("likelihood: likely", f"likelihood: {likelihood}")
    path.write_text(body, encoding="utf-8")
    return [str(p) for p in load_workspace(root).problems]


@pytest.fixture
def ws(tmp_path: Path) -> Path:
    return make_workspace(tmp_path)


@pytest.mark.parametrize(
    ("text", "likelihood"),
    [
        ("KFOR is very likely to stay in 2025.", "very likely"),
        ("A deal is unlikely before the elections.", "unlikely"),
        ("A return to talks is almost certain in May 2025.", "almost certain"),
        ("KFOR will almost certainly stay until 12 May 2025.", "almost certain"),
        ("Trust is likely to grow with confidence-building measures.", "likely"),
    ],
)
def test_clean_judgments_pass(ws: Path, text: str, likelihood: str) -> None:
    assert problems_with_text(ws, text, likelihood) == []


@pytest.mark.parametrize(
    ("text", "likelihood", "message"),
    [
        (
            "KFOR is likely to stay; a drawdown is very unlikely.",
            "likely",
            "uses 'very unlikely' besides its likelihood 'likely': one ICD 203 term per judgment",
        ),
        (
            "KFOR is very likely to stay.",
            "likely",
            "uses 'very likely' besides its likelihood 'likely'",
        ),
        (
            "It is likely, indeed probable, that KFOR stays.",
            "likely",
            "uses 'probable' besides its likelihood 'likely'",
        ),
        (
            "A deal is unlikely; a breakdown is probably remote.",
            "unlikely",
            "uses 'probable', 'remote' besides its likelihood 'unlikely'",
        ),
        ("KFOR is likely to stay but could leave.", "likely", "vague hedge 'could'"),
        ("KFOR is likely to stay; it may grow.", "likely", "vague hedge 'may'"),
        ("May is likely to bring talks.", "likely", "vague hedge 'May'"),
        ("Possibly KFOR is likely to stay.", "likely", "vague hedge 'Possibly'"),
        ("KFOR might likely stay.", "likely", "vague hedge 'might'"),
        (
            "We assess with high confidence that KFOR is likely to stay.",
            "likely",
            "'with high confidence' in the text: confidence goes in 'confidence'",
        ),
        ("We are confident KFOR is likely to stay.", "likely", "'confident' in the text"),
    ],
)
def test_estimative_language_problems(ws: Path, text: str, likelihood: str, message: str) -> None:
    found = problems_with_text(ws, text, likelihood)
    line = line_of(ws, JUDGMENTS, "    text:")
    assert len(found) == 1, found
    assert found[0].startswith(f"{JUDGMENTS}:{line}:11: judgments[0].text: {message}")


def test_text_must_use_its_own_term(ws: Path) -> None:
    found = problems_with_text(ws, "KFOR will stay.", "likely")
    line = line_of(ws, JUDGMENTS, "    text:")
    assert found == [
        f"{JUDGMENTS}:{line}:11: judgments[0].text: must use its likelihood term 'likely'"
    ]


def test_row_2_term_is_not_a_likelihood(ws: Path) -> None:
    found = problems_with_text(ws, "KFOR is probable to stay.", "probable")
    line = line_of(ws, JUDGMENTS, "likelihood:")
    assert len(found) == 1
    assert found[0].startswith(f"{JUDGMENTS}:{line}:17: judgments[0].likelihood: Input should be")


def problems_with_basis(root: Path, basis: str) -> list[str]:
    path = root / JUDGMENTS
    body = path.read_text(encoding="utf-8")
    body = body.replace(
        "    confidence_basis: One NATO statement on the point.\n",
        f"    confidence_basis: {basis}\n",
    )
    path.write_text(body, encoding="utf-8")
    return [str(p) for p in load_workspace(root).problems]


@pytest.mark.parametrize(
    "basis",
    [
        "Two official sources agree, but force decisions can change fast.",
        "Statements by NATO officials in May 2024 and in the September 2024 release.",
        "Builds on confidence-building measures the sides agreed.",
    ],
)
def test_clean_confidence_basis_passes(ws: Path, basis: str) -> None:
    assert problems_with_basis(ws, basis) == []


@pytest.mark.parametrize(
    ("basis", "message"),
    [
        # Briefs print "Confidence: moderate. <Basis>", beside the judgment:
        # a likelihood term there fuses the two, the judgment's own term included.
        ("It is likely given NATO's statements.", "uses 'likely': the basis is printed in"),
        ("A change of course is remote.", "uses 'remote': the basis is printed in"),
        (
            "Officials will very probably repeat it; a reversal is almost no chance.",
            "uses 'almost no chance', 'probable': the basis is printed in",
        ),
        ("The sources could be wrong.", "vague hedge 'could' in the confidence sentence"),
        ("Reports may be incomplete.", "vague hedge 'may' in the confidence sentence"),
    ],
)
def test_confidence_basis_holds_no_likelihood_term_or_hedge(
    ws: Path, basis: str, message: str
) -> None:
    found = problems_with_basis(ws, basis)
    line = line_of(ws, JUDGMENTS, "confidence_basis:")
    assert len(found) == 1, found
    assert found[0].startswith(f"{JUDGMENTS}:{line}:23: judgments[0].confidence_basis: {message}")
