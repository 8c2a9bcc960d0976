"""Ask for a clause address to jump to, with completion from the corpus."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.suggester import SuggestFromList
from textual.widgets import Input, Static


class JumpScreen(ModalScreen[str | None]):
    """An address input (`us-28:21.a`, or `21.a` in the left version); dismiss with the text."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, addresses: Sequence[str], left: str) -> None:
        super().__init__()
        self.addresses = list(addresses)
        """Every clause address of the corpus, for completion."""
        self.left = left
        """The version a bare clause id belongs to."""

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(Content("Jump to a clause"), classes="dialog-title")
            yield Input(
                placeholder=f"plan:clause (us-28:21.a, GEN-19:p3) or a clause of {self.left}",
                suggester=SuggestFromList(self.addresses, case_sensitive=False),
                id="jump-input",
            )
            yield Static(
                Content("enter: jump · →: accept completion · esc: cancel"), classes="dialog-hint"
            )

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.dismiss(event.value.strip() or None)

    def action_cancel(self) -> None:
        self.dismiss(None)
