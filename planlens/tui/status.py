"""The compare view's status line: versions, counts, filters and search, as one `Content`.

The export dialog shows the same line (without the app's name) to say what it will write.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.content import Content

from planlens.safe import visible
from planlens.tui import palette

if TYPE_CHECKING:
    from planlens.comparison.model import Comparison
    from planlens.tui.state import ViewState


def status_content(
    view: ViewState,
    comparison: Comparison | None,
    shown: int,
    search: str = "",
    hits: int = 0,
    brand: bool = True,
) -> Content:
    """The line above the table: versions, counts, filters and search."""
    parts: list[str | tuple[str, str]] = [("planlens  ", palette.BRAND)] if brand else []
    if comparison is None:
        return Content.assemble(
            *parts, ("comparing " + " · ".join(view.plan_ids) + "…", palette.MUTED)
        )
    labels = [visible(plan.label) for plan in comparison.plans]
    parts.append((" ⇄ ".join(labels), "bold"))
    reference = next((p for p in comparison.plans if p.id == view.reference), None)
    if reference is not None and len(comparison.plans) > 2:
        parts.append((f"   against {visible(reference.label)}", "bold"))
    parts.append((f"   {shown} of {len(comparison.rows)} provisions", palette.MUTED))
    filters = []
    if view.topic:
        filters.append(f"topic {view.topic}")
    if view.classes:
        filters.append("classes " + ", ".join(sorted(view.classes)))
    if view.hide_unchanged:
        filters.append("unchanged hidden")
    if filters:
        parts.append(("   filter: " + " · ".join(filters), palette.WARNING))
    if view.by_topic:
        parts.append(("   grouped by topic", "$text-accent"))
    if search:
        parts.append(
            (f"   /{visible(search)}  {hits} hit{'s' if hits != 1 else ''}", "$text-accent")
        )
    partial = [visible(p.label) for p in comparison.plans if not p.complete]
    if partial:
        parts.append((f"   ? = unknown: {', '.join(partial)} known only in part", palette.WARNING))
    return Content.assemble(*parts)
