"""The figures view (`f`): pick a term; one line per version, in date order, states drawn apart.

Reads the core's `figure_timeline` (no alignment needed): *set* values bold, *none* (the text
explicitly sets no such figure) in the accent colour, *removed* (reported dropped) as an error,
*silent* muted, *unknown* as a warning.
Enter on a line with a clause closes the view and jumps to that clause.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import DataTable, OptionList, Static
from textual.widgets.option_list import Option

from planlens.comparison.timeline import FigureEntry, FigureState
from planlens.safe import one_line, visible

STATE_WORDS: dict[FigureState, str] = {
    "set": "",
    "none": "none (explicitly)",
    "removed": "removed (reported)",
    "silent": "— says nothing",
    "unknown": "? known only in part",
}
"""What a line without a value says."""
STATE_STYLES: dict[FigureState, tuple[str, str]] = {
    "set": ("", "bold"),
    "none": ("text-accent", "bold"),
    "removed": ("text-error", "italic"),
    "silent": ("text-muted", ""),
    "unknown": ("text-warning", "italic"),
}
"""(theme variable, Rich style) of each state; the variable is resolved for `Text` cells."""


def state_style(state: FigureState, colours: Mapping[str, str]) -> str:
    """The Rich style of a state, its theme colour resolved from `colours`."""
    variable, style = STATE_STYLES[state]
    return f"{style} {colours.get(variable, '')}".strip()


def entry_cells(entry: FigureEntry, colours: Mapping[str, str]) -> tuple[Text, ...]:
    """The cells of one line: version, date, value or state, clause, confidence, note."""
    value = visible(entry.shown) if entry.shown is not None else STATE_WORDS[entry.state]
    return (
        Text(visible(entry.label), style="bold"),
        Text(entry.date),
        Text(value, style=state_style(entry.state, colours)),
        Text((entry.clause or "·") + (" [alternative]" if entry.bracketed else "")),
        Text(entry.confidence or "·"),
        Text(one_line(entry.note or "")[:120]),
    )


class FiguresScreen(ModalScreen[tuple[str, str | None] | None]):
    """Every typed figure across every version; dismisses with a clause address and, for a
    version reported to have dropped that clause, the version to show beside it; or None."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape,f", "close", "Close")]

    def __init__(
        self, timeline: Mapping[str, Sequence[FigureEntry]], term: str | None = None
    ) -> None:
        super().__init__()
        self.timeline = timeline
        """Term name → entries in date order (from `figure_timeline`)."""
        self.term = term if term in timeline else next(iter(timeline), None)
        """The term shown."""

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide", id="figures-dialog"):
            yield Static(Content("Figures across every version"), classes="dialog-title")
            with Horizontal(id="figures-body"):
                yield OptionList(
                    *[Option(Content(name), id=name) for name in self.timeline], id="figure-terms"
                )
                yield DataTable(id="figure-lines", cursor_type="row", zebra_stripes=True)
            yield Static(
                Content("↑↓: term · tab: versions · enter: go to the clause · esc: close"),
                classes="dialog-hint",
            )

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns("version", "date", "value", "clause", "confidence", "note")
        terms = self.query_one(OptionList)
        if self.term is not None:
            terms.highlighted = list(self.timeline).index(self.term)
            self.show_term(self.term)
        terms.focus()

    @on(OptionList.OptionHighlighted, "#figure-terms")
    def term_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if event.option.id is not None:
            self.show_term(event.option.id)

    @on(OptionList.OptionSelected, "#figure-terms")
    def term_chosen(self, event: OptionList.OptionSelected) -> None:
        self.query_one(DataTable).focus()

    def show_term(self, term: str) -> None:
        """Show the lines of `term`."""
        self.term = term
        table = self.query_one(DataTable)
        table.clear()
        for n, entry in enumerate(self.timeline[term]):
            table.add_row(*entry_cells(entry, self.app.theme_variables), key=str(n))

    @on(DataTable.RowSelected, "#figure-lines")
    def line_chosen(self, event: DataTable.RowSelected) -> None:
        if self.term is None or event.row_key.value is None:
            return
        entry = self.timeline[self.term][int(event.row_key.value)]
        if entry.clause is not None:
            self.dismiss((entry.clause, entry.plan if entry.state == "removed" else None))

    def action_close(self) -> None:
        self.dismiss(None)
