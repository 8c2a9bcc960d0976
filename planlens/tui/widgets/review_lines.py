"""How the link review's lines look: a caption, then one line per link or suggestion.

Text from plan files (titles) goes through `one_line`/`visible` into `Content` pieces, never
into markup.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from textual.content import Content

from planlens.safe import one_line, visible
from planlens.tui import palette

if TYPE_CHECKING:
    from planlens.authoring.review import ReviewItem

KIND_WORDS = {
    "suggested": ("suggested", palette.WARNING),
    "asserted": ("asserted", "$text-success"),
    "found": ("found", palette.MUTED),
}
HINTS = {
    "suggested": "a accepts (pins the link) · D declines (not suggested again)",
    "asserted": "D unpins (removes the link from the file)",
    "found": "a pins it as asserted",
}


def item_content(item: ReviewItem) -> Content:
    """One item as a line: the pair, how it is known, its score and shared topics."""
    word, style = KIND_WORDS[item.kind]
    parts: list[str | tuple[str, str]] = [
        (f"{word:<9} ", style),
        (f"{item.a} ↔ {item.b}", "bold"),
        "  ",
        one_line(item.title),
        (f"  score {item.score:.2f}", palette.MUTED),
    ]
    if item.kind == "found":
        parts.append((f" ({item.via} pass)", palette.MUTED))
    if item.topics:
        parts.append(("  shared: " + ", ".join(visible(t) for t in item.topics), palette.MUTED))
    parts.append((f"   {HINTS[item.kind]}", palette.MUTED))
    return Content.assemble(*parts)


def _count(number: int, noun: str) -> str:
    return "" if not number else f"{number} {noun}{'' if number == 1 else 's'}"


def caption(items: Sequence[ReviewItem]) -> Content:
    """The first line: how many links and suggestions the row has, and the undo key."""
    suggested = sum(item.kind == "suggested" for item in items)
    counts = [_count(len(items) - suggested, "link"), _count(suggested, "suggested counterpart")]
    text = " and ".join(count for count in counts if count) or "No links or suggestions"
    return Content.assemble((text, palette.HEADING), ("   ctrl+z undoes", palette.MUTED))
