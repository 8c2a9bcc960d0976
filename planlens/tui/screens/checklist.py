"""Pick several items with checkboxes (the versions to compare, the change classes to show)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, SelectionList, Static
from textual.widgets.selection_list import Selection

from planlens.tui.plain import tell


class ChecklistScreen(ModalScreen[list[str] | None]):
    """Checkboxes; dismiss with the checked ids in list order, or None on escape."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel"),
        Binding("a", "apply", "Apply"),
    ]

    def __init__(
        self,
        title: str,
        items: Sequence[tuple[str, Content, bool]],
        *,
        minimum: int = 0,
        hint: str = "",
    ) -> None:
        super().__init__()
        self.title_text = title
        """What the user is choosing."""
        self.items = list(items)
        """(id, prompt, checked) of each item; prompts shown literally."""
        self.minimum = minimum
        """Fewest items that may be checked."""
        self.hint = hint
        """A line under the list saying what the choice does."""

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(Content(self.title_text), classes="dialog-title")
            yield SelectionList[str](
                *[Selection(prompt, value, checked) for value, prompt, checked in self.items]
            )
            yield Static(
                Content(f"{self.hint}space: check · a: apply · esc: cancel"),
                classes="dialog-hint",
                id="checklist-hint",
            )
            with Horizontal(classes="dialog-buttons"):
                yield Button("Apply", variant="primary", id="apply")
                yield Button("Cancel", id="cancel")

    def on_mount(self) -> None:
        self.query_one(SelectionList).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "apply":
            self.action_apply()
        else:
            self.dismiss(None)

    def action_apply(self) -> None:
        checked = set(self.query_one(SelectionList).selected)
        chosen = [value for value, _, _ in self.items if value in checked]
        if len(chosen) < self.minimum:
            tell(self, f"Check at least {self.minimum}.", severity="warning")
            return
        self.dismiss(chosen)

    def action_cancel(self) -> None:
        self.dismiss(None)
