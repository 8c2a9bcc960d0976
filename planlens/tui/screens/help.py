"""Help: every key, generated from the bindings themselves, and what the change marks mean."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from planlens.comparison.model import CHANGE_CLASSES
from planlens.tui import palette

Section = tuple[str, Sequence[BindingType]]


def key_rows(
    bindings: Iterable[BindingType], display: dict[str, str] | None = None
) -> list[tuple[str, str]]:
    """(keys, description) for each binding with a description, keys shown as typed."""
    names = display or {}
    rows: list[tuple[str, str]] = []
    for binding in Binding.make_bindings(bindings):
        if not binding.description:
            continue
        keys = binding.key_display or names.get(binding.key, binding.key)
        if rows and rows[-1][1] == binding.description:
            rows[-1] = (f"{rows[-1][0]} {keys}", binding.description)
        else:
            rows.append((keys, binding.description))
    return rows


KEY_NAMES = {
    "left_square_bracket": "[",
    "right_square_bracket": "]",
    "left_curly_bracket": "{",
    "right_curly_bracket": "}",
    "question_mark": "?",
    "slash": "/",
    "up": "↑",
    "down": "↓",
    "pageup": "PgUp",
    "pagedown": "PgDn",
    "escape": "esc",
}
"""How key names read in the help, where they are not what one types."""


def help_content(sections: Sequence[Section]) -> Content:
    """The help text: one block of keys per section, then the legend of change marks."""
    parts: list[str | tuple[str, str]] = []
    for title, bindings in sections:
        parts.append((f"{title}\n", palette.HEADING))
        for keys, description in key_rows(bindings, KEY_NAMES):
            parts += [(f"  {keys:<16}", "bold $text-accent"), f"{description}\n"]
        parts.append("\n")
    parts.append(("Change marks\n", palette.HEADING))
    for change in CHANGE_CLASSES:
        style = palette.CLASS_STYLES[change]
        parts += [(f"  {palette.mark(change):<3}", style), (f"{palette.word(change)}\n", style)]
    parts += [
        (f"  {palette.PRESENT_MARK:<3}", palette.MUTED),
        "present in the reference version\n",
        (f"  {palette.ABSENT_MARK:<3}", palette.MUTED),
        "no clause and nothing to report\n\n",
        ("Unknown is not removed: ", "bold"),
        "a version known only in part (badge ",
        ("partial", palette.WARNING),
        ") may well keep a provision we cannot see; it is marked ",
        ("? unknown", palette.CLASS_STYLES["unknown"]),
        ", never ",
        ("- removed", palette.CLASS_STYLES["removed"]),
        ".\n",
    ]
    return Content.assemble(*parts)


class HelpScreen(ModalScreen[None]):
    """Every key of the app, listed from the bindings."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape,question_mark,q", "close", "Close")]

    def __init__(self, sections: Sequence[Section]) -> None:
        super().__init__()
        self.sections = list(sections)
        """(title, bindings) per area of the app."""

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide"):
            yield Static(Content("planlens — keys"), classes="dialog-title")
            with VerticalScroll():
                yield Static(help_content(self.sections), id="help-body")
            yield Static(Content("esc / ? / q: close"), classes="dialog-hint")

    def action_close(self) -> None:
        self.dismiss(None)
