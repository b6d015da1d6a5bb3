"""Table column widths from the cells' text, shared by the PDF and Word renderers.

A column never gets narrower than its longest word (plus padding), so no word
is ever broken inside a cell; the room left over goes to the columns that
want more than their minimum, in proportion to the square root of their
typical one-line width (damped, so that one long-text column does not starve
the others), never beyond that width. Only when the longest words alone are
wider than the table (a URL in every column) do minimums shrink, in
proportion.

Both formats measure the same font (IBM Plex Serif), so both lay a table out
alike; the measure is passed in because the point sizes and units differ.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

# A column's "typical" cell: the odd very long one wraps instead of widening all.
TYPICAL = 0.8


def natural_and_minimum(
    columns: Sequence[Sequence[str]], measure: Callable[[str], float], padding: float
) -> tuple[list[float], list[float]]:
    """Per column: its typical one-line width and its longest word's, padding included."""
    natural: list[float] = []
    minimum: list[float] = []
    for texts in columns:
        lines = [max((measure(line) for line in text.split("\n")), default=0.0) for text in texts]
        words = [measure(word) for text in texts for word in text.split()]
        natural.append(_typical(lines) + padding)
        minimum.append(max(words, default=0.0) + padding)
    return natural, minimum


def fit_columns(natural: Sequence[float], minimum: Sequence[float], total: float) -> list[float]:
    """Widths summing to at most `total`: each at least its minimum when they fit."""
    count = len(natural)
    if not count:
        return []
    natural = [max(n, m) for n, m in zip(natural, minimum, strict=True)]
    if sum(natural) <= total:
        return list(natural)
    floor = sum(minimum)
    if floor >= total:
        return [total * m / floor for m in minimum] if floor else [total / count] * count
    return _share_room(natural, minimum, total - floor)


def _share_room(natural: list[float], minimum: Sequence[float], room: float) -> list[float]:
    """The minimums, widened by `room` shared among the columns that want more."""
    widths = list(minimum)
    open_columns = {i for i, (n, m) in enumerate(zip(natural, minimum, strict=True)) if n > m}
    # Water-filling: share the room, cap columns at their natural width, and
    # share what the capped ones leave among the rest.
    while open_columns and room > 1e-6:
        weight = sum(natural[i] ** 0.5 for i in open_columns)
        shares = {i: room * natural[i] ** 0.5 / weight for i in open_columns}
        capped = {i for i in open_columns if widths[i] + shares[i] >= natural[i]}
        if not capped:
            for i, share in shares.items():
                widths[i] += share
            break
        for i in capped:
            room -= natural[i] - widths[i]
            widths[i] = natural[i]
        open_columns -= capped
    return widths


def _typical(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(TYPICAL * len(ordered)))] if ordered else 0.0
