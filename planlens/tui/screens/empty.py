"""What the app shows when no plan could be loaded: where it looked and what to do."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from textual.app import ComposeResult
from textual.containers import Center, Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Static

from planlens.safe import visible
from planlens.tui import palette


def empty_content(plan_dirs: Sequence[Path], problems: int) -> Content:
    """The explanation: no versions to compare, where they were looked for, what to try."""
    where = ", ".join(visible(str(d)) for d in plan_dirs) or "the default places"
    parts: list[str | tuple[str, str]] = [
        ("No versions to compare\n\n", "bold $text-warning"),
        "planlens found no valid plan file in ",
        (where, "bold"),
        ".\n\n",
    ]
    if problems:
        parts += [
            (f"{problems} problem(s) ", palette.WARNING),
            "kept files from loading: press ",
            ("p", "bold $text-accent"),
            " to see them, fix the files, and start again.\n\n",
        ]
    parts += [
        "To get going:\n",
        "  • planlens --plans DIR     open the plan files (*.toml) in DIR\n",
        "  • planlens new ID --from B start a new version from version B\n",
        "  • planlens validate DIR    list every problem in DIR's files\n\n",
        "Press ",
        ("q", "bold $text-accent"),
        " to quit.",
    ]
    return Content.assemble(*parts)


class EmptyScreen(Screen[None]):
    """Shown instead of the compare view when the corpus has no valid plan."""

    def __init__(self, plan_dirs: Sequence[Path], problems: int) -> None:
        super().__init__()
        self.plan_dirs = list(plan_dirs)
        """Where plans were looked for."""
        self.problem_count = problems
        """How many problems the loader found."""

    def compose(self) -> ComposeResult:
        with Center(), Vertical(id="empty"):
            yield Static(empty_content(self.plan_dirs, self.problem_count))
        yield Footer()
