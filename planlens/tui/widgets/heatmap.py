"""The similarity heat map of the overview: one cell per pair of versions, shaded by share kept.

A pair with too little known in common (`Similarity.too_little`) reads `few`, never a share.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from textual.content import Content

from planlens.comparison.overview import MIN_KNOWN, MIN_KNOWN_PART, Similarity
from planlens.safe import visible
from planlens.tui import palette

CELL = 5
"""Width of a cell: a percentage and padding."""


def shade(share: float) -> str:
    """Background for a share: the theme's primary colour, stronger as the share grows."""
    step = round(share * 8) * 10
    return f"on $primary {max(step, 5)}%"


def cell(similarity: Similarity | None, pending: bool) -> tuple[str, str]:
    """One cell: the share in common, `few` when too little is known, `n/a` when nothing is,
    `··` while it is being computed."""
    if similarity is None:
        mark = "··" if pending else "n/a"
    elif similarity.known == 0:
        mark = "n/a"
    elif similarity.too_little:
        mark = "few"
    else:
        share = similarity.measured_share or 0.0
        return f"{share:>{CELL - 1}.0%} ", shade(share)
    return f"{mark:>{CELL - 1}} ", palette.MUTED


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
    for row, a in enumerate(plan_ids):
        parts.append("\n")
        parts.append((f"{visible(labels[a]):<{width}} ", "bold"))
        parts.append((f"{row + 1:>2} ", palette.MUTED))
        for b in plan_ids:
            if a == b:
                parts.append((f"{'──':>{CELL - 1}} ", palette.MUTED))
                continue
            similarity = similarities.get((a, b)) or similarities.get((b, a))
            parts.append(cell(similarity, pending))
    return Content.assemble(*parts)


def heatmap_legend() -> Content:
    """What the heat map's cells mean (drawn under the map, wrapped to the width)."""
    return Content.styled(
        "Provisions in common: of the provisions either version has (leaving out those "
        "whose fate is unknown), the share both have, reworded or not. "
        f"few: too little known to measure (fewer than {MIN_KNOWN} provisions, or under "
        f"{MIN_KNOWN_PART:.0%} of the pair's, have a known fate). n/a: nothing known to "
        "compare (a version known only from reports).",
        palette.MUTED,
    )
