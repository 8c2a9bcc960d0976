"""Search the whole corpus (`/`): hits listed as you type, enter on the first or on the one chosen.

The hits come from the core's `SearchIndex` (case-, accent- and script-insensitive), those in
the versions on screen first. Enter in the field chooses the first hit; ↓ moves into the list.
The screen dismisses with the chosen hit and the query, and the compare view jumps to it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from planlens.comparison.search import SearchHit, SearchIndex, ranked
from planlens.safe import visible
from planlens.tui import palette
from planlens.tui.plain import tell

MAX_HITS = 200
"""Hits listed at most (the count says how many there are)."""


@dataclass(frozen=True)
class SearchChoice:
    """What the search screen returns: the hit chosen and the query that found it."""

    hit: SearchHit
    """The chosen hit."""
    query: str
    """The text searched for."""


def hit_content(hit: SearchHit) -> Content:
    """One hit as a line: address, field, and the snippet with the match marked.

    The core has already put the snippet on one line; `visible` shows any control character.
    """
    # An omission's address is the dropped provision's: say which version reports it.
    field = f"omission in {visible(hit.plan)}" if hit.field == "omission" else hit.field
    return Content.assemble(
        (f"{visible(hit.clause)}", "bold"),
        (f"  {field}  ", palette.MUTED),
        visible(hit.snippet.before),
        (visible(hit.snippet.match), palette.SEARCH_HIT),
        visible(hit.snippet.after),
    )


class CorpusSearchScreen(ModalScreen[SearchChoice | None]):
    """A query field over a list of hits from every version of the corpus."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel"),
        Binding("down", "into_list", "Hits", show=False),
    ]

    def __init__(self, index: SearchIndex, shown: Sequence[str], query: str = "") -> None:
        super().__init__()
        self.index = index
        """The corpus, folded for search."""
        self.shown = list(shown)
        """The versions on screen: their hits come first."""
        self.text = query
        """The text searched for (in the field)."""
        self.hits: list[SearchHit] = []
        """The hits of the current query, in the order listed."""

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide", id="corpus-search-dialog"):
            yield Static(Content("Search every version"), classes="dialog-title")
            yield Input(
                value=self.text,
                placeholder="titles, texts, notes, figures and omissions; any case, any accents",
                id="corpus-search-input",
            )
            yield Static(id="corpus-search-count")
            yield OptionList(id="corpus-search-hits")
            yield Static(
                Content("enter: first hit · ↓: choose in the list · esc: cancel"),
                classes="dialog-hint",
            )

    def on_mount(self) -> None:
        self.query_one(Input).focus()
        self._list(self.text)

    @on(Input.Changed, "#corpus-search-input")
    def search_as_typed(self, event: Input.Changed) -> None:
        self._list(event.value)

    def _list(self, query: str) -> None:
        self.text = query
        self.hits = ranked(self.index.search(query), self.shown)
        options = self.query_one(OptionList)
        options.clear_options()
        options.add_options(
            [Option(hit_content(hit), id=str(n)) for n, hit in enumerate(self.hits[:MAX_HITS])]
        )
        if self.hits:
            options.highlighted = 0
        count = len(self.hits)
        words = f"{count} hit{'s' if count != 1 else ''}" if query.strip() else ""
        if count > MAX_HITS:
            words += f" (the first {MAX_HITS} listed)"
        self.query_one("#corpus-search-count", Static).update(Content(words))

    @on(Input.Submitted, "#corpus-search-input")
    def first_hit(self, event: Input.Submitted) -> None:
        if self.hits:
            self.dismiss(SearchChoice(self.hits[0], self.text))
        else:
            tell(self, f"Nothing matches “{self.text}”.", severity="warning")

    @on(OptionList.OptionSelected, "#corpus-search-hits")
    def chosen_hit(self, event: OptionList.OptionSelected) -> None:
        if event.option.id is not None:
            self.dismiss(SearchChoice(self.hits[int(event.option.id)], self.text))

    def action_into_list(self) -> None:
        if self.hits:
            self.query_one(OptionList).focus()

    def action_cancel(self) -> None:
        self.dismiss(None)
