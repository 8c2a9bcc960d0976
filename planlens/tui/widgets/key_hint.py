"""A one-line hint of the keys that matter, for terminals too narrow for the full footer.

Textual's footer lists every binding in binding order and cuts off the rest, so at 80 columns
search, jump, overview, export, help and quit fell off its end. The hint lists its keys in
priority order and shows as many whole entries as fit the width.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from textual.content import Content
from textual.widget import Widget

GAP = "  "
"""Space between two entries."""


@dataclass(frozen=True)
class KeyEntry:
    """One key of the hint."""

    key: str
    """The key as typed (`/`, `?`, `^p`)."""
    word: str
    """What it does, in a word or two."""
    action: str
    """The action it is bound to (tests check the hint against the bindings)."""


def hint_content(entries: Sequence[KeyEntry], width: int) -> Content:
    """The entries that fit in `width` columns, most important first, never one cut in half."""
    parts: list[str | tuple[str, str]] = []
    used = 0
    for entry in entries:
        size = len(entry.key) + 1 + len(entry.word) + (len(GAP) if parts else 0)
        if used + size > width:
            break
        if parts:
            parts.append(GAP)
        parts += [(entry.key, "bold $text-accent"), (f" {entry.word}", "$text-muted")]
        used += size
    return Content.assemble(*parts)


class KeyHint(Widget):
    """The keys that matter most, on one line, as many as fit."""

    DEFAULT_CSS = """
    KeyHint {
        height: 1;
        padding: 0 1;
        background: $panel;
    }
    """

    def __init__(self, entries: Sequence[KeyEntry], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.entries = list(entries)
        """The keys, most important first."""

    def render(self) -> Content:
        return hint_content(self.entries, self.content_size.width)
