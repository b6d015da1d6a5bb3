"""A PDF render and the cyclic garbage collector: the render frees its own
layout before it returns (a pack renders 50 briefs in one worker), and leaves
the collector as it found it."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

from brief.render import pdf
from sample_docs import rich_document


@pytest.fixture
def collector() -> Iterator[None]:
    was_enabled, thresholds = gc.isenabled(), gc.get_threshold()
    yield
    gc.set_threshold(*thresholds)
    if was_enabled:
        gc.enable()
    else:
        gc.disable()


def test_a_render_leaves_no_cyclic_garbage_behind(collector: None) -> None:
    gc.enable()
    document = rich_document()
    gc.collect()
    data = pdf.render(document)
    assert data.startswith(b"%PDF")
    # reportlab's document template, canvas and PDF objects refer to each
    # other: left to the collector's thresholds, they outlive the render.
    assert gc.collect() == 0
    assert gc.isenabled()


def test_the_collector_is_left_as_the_caller_set_it(collector: None) -> None:
    document = rich_document(sections=1)
    gc.set_threshold(1234, 5, 6)
    gc.enable()
    first = pdf.render(document)
    assert gc.isenabled() and gc.get_threshold() == (1234, 5, 6)
    gc.disable()
    assert pdf.render(document) == first
    assert not gc.isenabled() and gc.get_threshold() == (1234, 5, 6)
