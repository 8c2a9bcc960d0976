"""The compare view's incremental search: `/` opens the field, hits are found as you type.

The search text and its hits are part of the view state (`CompareBase`), since filtering the
rows finds them again; `n`/`N` step through them while searching.
"""

from __future__ import annotations

from textual import on
from textual.widgets import Input

from planlens.tui.screens.compare_base import CompareBase


class SearchActions(CompareBase):
    """Searching clause texts, titles and addresses of the rows shown."""

    def action_search(self) -> None:
        self.add_class("-searching")
        self.query_one("#search", Input).focus()

    @on(Input.Changed, "#search")
    def search_as_typed(self, event: Input.Changed) -> None:
        self.search = event.value
        self._update_search(move=True)
        self._update_status()

    @on(Input.Submitted, "#search")
    def search_next(self, event: Input.Submitted) -> None:
        self.table.focus()
        if self.search:
            self.action_next(1)

    def action_clear_search(self) -> None:
        self.search = ""
        self.query_one("#search", Input).value = ""
        self.remove_class("-searching")
        self._update_search()
        self._update_status()
        self.table.focus()
