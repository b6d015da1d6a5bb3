"""Section views are made without validation (`sections.View.__init__`): each view
of every shipped brief must be exactly what validating its fields would give, so
templates and the JSON export see the same values, of the same types."""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel

from brief import api
from brief.assemble.compose import assemble_sections, plan
from brief.assemble.sections import View, views_in
from brief.corpus import Corpus

REPO = Path(__file__).resolve().parents[1]
SUBJECTS = sorted(p.stem for p in (REPO / "briefings").glob("[!_]*.yaml"))


@pytest.fixture(scope="module")
def corpus() -> Corpus:
    return api.load(REPO)


@functools.cache
def _validating(view: type[View]) -> type[View]:
    """`view` with pydantic's own, validating `__init__` (`View` replaces it, and
    `model_validate` would call the replacement)."""
    namespace = {"__init__": BaseModel.__init__, "__module__": view.__module__}
    return type(view.__name__, (view,), namespace)


def _same(made: Any, validated: Any, where: str) -> None:
    """Equal, and of the same type all the way down (a tuple for a list, or a str
    for a number, would print or export differently)."""
    if isinstance(made, View):
        assert isinstance(validated, type(made)), f"{where}: {type(validated)}"
        for name in type(made).model_fields:
            _same(getattr(made, name), getattr(validated, name), f"{where}.{name}")
        assert made.model_fields_set == validated.model_fields_set, where
        return
    assert type(made) is type(validated), f"{where}: {type(made)} != {type(validated)}"
    if isinstance(made, list):
        assert len(made) == len(validated), where
        for i, (a, b) in enumerate(zip(made, validated, strict=True)):
            _same(a, b, f"{where}[{i}]")
    else:
        assert made == validated, where


@pytest.mark.parametrize("profile", ["full", "note"])
@pytest.mark.parametrize("subject", SUBJECTS)
def test_every_view_is_what_validation_gives(corpus: Corpus, subject: str, profile: str) -> None:
    brief, sections = assemble_sections(corpus, plan(corpus, subject, profile=profile))
    views = list(views_in([brief, *sections]))
    assert len(views) > 20  # the walk reaches into the sections
    for view in views:
        fields = {name: getattr(view, name) for name in view.model_fields_set}
        validated = _validating(type(view))(**fields)
        _same(view, validated, f"{subject}: {type(view).__name__}")
