"""Pick one item from a list (a topic to filter by, the reference version).

With type-ahead, letters typed while the list has focus narrow it to the options whose text
contains them (backspace widens it again); arrows and enter work as in any list.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from planlens.safe import visible
from planlens.tui import palette


class ChoiceScreen(ModalScreen[str | None]):
    """A list of options; dismiss with the chosen option's id, or None on escape."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel")]

    def __init__(
        self,
        title: str,
        options: Sequence[tuple[str, Content]],
        current: str | None = None,
        *,
        type_ahead: bool = False,
    ) -> None:
        super().__init__()
        self.title_text = title
        """What the user is choosing."""
        self.options = list(options)
        """(id, prompt) of each option, prompts shown literally."""
        self.current = current
        """The id highlighted first."""
        self.type_ahead = type_ahead
        """Whether typing narrows the list."""
        self.typed = ""
        """What has been typed to narrow the list."""

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(Content(self.title_text), classes="dialog-title")
            yield OptionList(*self._matching())
            yield Static(self._hint(), classes="dialog-hint", id="choice-hint")

    def _matching(self) -> list[Option]:
        needle = self.typed.casefold()
        return [
            Option(prompt, id=value)
            for value, prompt in self.options
            if needle in prompt.plain.casefold()
        ]

    def _hint(self) -> Content:
        keys = "enter: choose · esc: cancel"
        if not self.type_ahead:
            return Content(keys)
        if not self.typed:
            return Content(f"type to narrow the list · {keys}")
        return Content.assemble(
            ("showing “", palette.MUTED),
            (visible(self.typed), "bold"),
            ("” · backspace: widen · ", palette.MUTED),
            (keys, palette.MUTED),
        )

    def on_mount(self) -> None:
        option_list = self.query_one(OptionList)
        ids = [value for value, _ in self.options]
        if self.current in ids:
            option_list.highlighted = ids.index(self.current)
        option_list.focus()

    def on_key(self, event: events.Key) -> None:
        if not self.type_ahead:
            return
        if event.key == "backspace" and self.typed:
            self.typed = self.typed[:-1]
        elif event.is_printable and event.character and event.character.strip():
            self.typed += event.character
        elif event.key == "space" and self.typed:
            self.typed += " "
        else:
            return
        event.stop()
        self._narrow()

    def _narrow(self) -> None:
        option_list = self.query_one(OptionList)
        option_list.clear_options()
        option_list.add_options(self._matching())
        option_list.highlighted = 0 if option_list.option_count else None
        self.query_one("#choice-hint", Static).update(self._hint())

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)
