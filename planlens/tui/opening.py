"""What the app opens on: the first comparison, compared and laid out before the compare view.

Bare `planlens` loads the plans in a worker after its first frame; the same worker then
compares the versions shown first and lays their rows out for the table's width, so the compare
view paints its rows in its own first frame: no empty table, no loading indicator repainting
while the engine runs, no second worker to wait for. Pure (no Textual), like `state`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from planlens.errors import PlanlensError

if TYPE_CHECKING:
    from collections.abc import Sequence

    from planlens.comparison.model import Comparison
    from planlens.corpus.load import Corpus
    from planlens.tui.table_model import TableLayout

MIN_TABLE_WIDTH = 40
"""The narrowest table laid out."""
SCROLLBAR = 2
"""Cells the table's vertical scrollbar takes (the table always shows it)."""


def table_width(screen_width: int) -> int:
    """The width of the provision table's rows on a screen `screen_width` cells wide, before
    the table has been laid out (the table spans the screen; its scrollbar is left out)."""
    return max(screen_width - SCROLLBAR, MIN_TABLE_WIDTH)


@dataclass(frozen=True)
class FirstView:
    """The comparison the compare view opens on, laid out for its table."""

    plan_ids: tuple[str, ...]
    """The versions compared, as the compare view shows them."""
    comparison: Comparison
    """What `compare()` returned for them (each with its nearest ancestor)."""
    table_layout: TableLayout
    """Its rows laid out for the table's width."""


def first_view(corpus: Corpus, plan_ids: Sequence[str], width: int) -> FirstView | None:
    """Compare the versions `plan_ids` asks for (default: the default pair) and lay them out
    for a table `width` cells wide.

    None when there is nothing to show at once: no plans, or an unknown version (the app
    reports it once the plans are loaded). A comparison that fails raises, as in the view.
    """
    from planlens.comparison.build import compare
    from planlens.tui.layout import layout
    from planlens.tui.state import resolve_plan_ids

    if not corpus.plans:
        return None
    try:
        shown = resolve_plan_ids(corpus, plan_ids)
    except PlanlensError:
        return None
    comparison = compare(corpus, list(shown))
    return FirstView(shown, comparison, layout(comparison, width))
