"""The cyclic garbage collector's policy while a document renders.

A PDF render builds its layout (reportlab's fragments, lines, frames, PDF
objects: ~40 k tracked objects for a brief of 350 notes) and keeps nearly all
of it until the file is written; almost nothing it drops on the way is cyclic,
so reference counting frees it. What does outlive the render is one large
cycle (document template, canvas and PDF objects referring to each other),
which only the collector frees. With the collector's default thresholds a
render ran ~135 young, ~12 middle and ~1.3 full collections: the young ones
walk the render's own objects and find nothing, and the full one walks every
object of the process (whatever an earlier render left, and whatever the
caller holds) to free the previous render's layout.

So a render runs with the collector paused and ends with one young
collection: it walks only what the render made, and frees the render's cycle
then and there. Memory stays bounded by one render: what the render keeps is
what it needs until its last page; the cycle is freed before it returns. The
Word render runs the same way (its objects live until its end or are freed by
reference counting: young collections during it walk them for nothing).
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator


@contextlib.contextmanager
def one_collection() -> Iterator[None]:
    """Pause the collector for the block; then collect the youngest generation once.

    Objects made while the collector is paused stay in the youngest generation,
    so that one collection walks exactly what the block made and kept. If the
    collector was already off (the caller's choice), it stays off and nothing
    is collected.
    """
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.collect(0)
        gc.enable()
