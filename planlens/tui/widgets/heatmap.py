"""The similarity heat map of the overview: one cell per pair of versions, shaded by share kept."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from textual.content import Content

from planlens.safe import visible
from planlens.tui import palette
from planlens.tui.stats import Similarity

CELL = 5
"""Width of a cell: a percentage and padding."""


def shade(share: float) -> str:
    """Background for a share: the theme's primary colour, stronger as the share grows."""
    step = round(share * 8) * 10
    return f"on $primary {max(step, 5)}%"


def heatmap_content(
    plan_ids: Sequence[str],
    labels: Mapping[str, str],
    similarities: Mapping[tuple[str, str], Similarity],
    pending: bool = False,
) -> Content:
    """A grid of versions × versions: the percentage of provisions kept, `··` while unknown."""
    width = max((len(visible(labels[pid])) for pid in plan_ids), default=4)
    parts: list[str | tuple[str, str]] = [" " * (width + 4)]
    for column, _ in enumerate(plan_ids):
        parts.append((f"{column + 1:>{CELL - 1}} ", palette.MUTED))
    parts.append("\n")
    for row, a in enumerate(plan_ids):
        parts.append((f"{visible(labels[a]):<{width}} ", "bold"))
        parts.append((f"{row + 1:>2} ", palette.MUTED))
        for b in plan_ids:
            if a == b:
                parts.append((f"{'──':>{CELL - 1}} ", palette.MUTED))
                continue
            similarity = similarities.get((a, b)) or similarities.get((b, a))
            share = similarity.share if similarity is not None else None
            if share is None:
                mark = "··" if similarity is None and pending else "n/a"
                parts.append((f"{mark:>{CELL - 1}} ", palette.MUTED))
            else:
                parts.append((f"{share:>{CELL - 1}.0%} ", shade(share)))
        parts.append("\n")
    parts.append(
        (
            "\nProvisions in common: of the provisions either version has (leaving out those "
            "whose fate is unknown), the share both have, reworded or not. n/a: nothing "
            "known to compare (a version known only from reports).",
            palette.MUTED,
        )
    )
    return Content.assemble(*parts)
