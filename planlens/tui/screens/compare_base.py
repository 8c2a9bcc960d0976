"""What every part of the compare view shares: its state, comparing, and showing the rows.

`CompareBase` owns the view state (`ViewState`): which versions, which filters, what is
searched. Comparing runs in a thread worker that calls `compare()` and posts
`ComparisonReady`; the handlers here are the only code that puts rows in the table. The parts
that are their own concern (search, jump, export) extend it in `compare_*.py`, and
`CompareScreen` joins them.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, cast

from textual import on, work
from textual.screen import Screen
from textual.widgets import Static
from textual.worker import get_current_worker

from planlens.errors import PlanlensError
from planlens.tui.failures import internal_error
from planlens.tui.find import find_address, next_change, search_hits, step_to
from planlens.tui.layout import TableLayout, layout
from planlens.tui.messages import ComparisonFailed, ComparisonReady, LayoutReady
from planlens.tui.state import ViewState, expected_pairs, visible_rows
from planlens.tui.status import status_content
from planlens.tui.widgets.details import DetailsPane
from planlens.tui.widgets.provision_table import ProvisionTable
from planlens.tui.widgets.table_heading import TableHeading

if TYPE_CHECKING:
    from planlens.comparison.model import Comparison
    from planlens.tui.app import PlanlensApp


class CompareBase(Screen[None]):
    """The compare view's state and the moves every part of it makes."""

    def __init__(self, plan_ids: tuple[str, ...]) -> None:
        super().__init__()
        self.view = ViewState(plan_ids)
        """Versions and filters shown."""
        self.comparison: Comparison | None = None
        """The comparison on screen, once computed."""
        self.table_layout: TableLayout | None = None
        """Its layout for the table's width."""
        self.search = ""
        """The search text, when searching."""
        self.hits: list[int] = []
        """Table positions of the rows the search finds."""
        self._details_shown: tuple[Comparison | None, int | None] = (None, None)
        self._pending_addresses: list[str] = []

    @property
    def planlens(self) -> PlanlensApp:
        """The app, typed."""
        return cast("PlanlensApp", self.app)

    @property
    def table(self) -> ProvisionTable:
        """The provision table."""
        return self.query_one(ProvisionTable)

    # -- comparing -----------------------------------------------------------------------------

    def _width(self) -> int:
        return self.table.content_width or max(self.app.size.width - 2, 40)

    def show_versions(self, plan_ids: tuple[str, ...]) -> None:
        """Show `plan_ids`: at once from the cache, or after a worker has compared them.

        The matrix's reference version is kept while it is among them. Side by side, the left
        version is the reference: a chosen one moves there (compared with the version on its
        right, a reference on the right would put each version's words under the other's name).
        """
        reference = self.view.reference if self.view.reference in plan_ids else None
        if reference is not None and len(plan_ids) == 2:
            plan_ids = (reference, *(pid for pid in plan_ids if pid != reference))
            reference = None
        self.view = replace(self.view, plan_ids=plan_ids, reference=reference)
        cached = self.planlens.comparisons.get(plan_ids)
        if cached is not None and cached.pairs != self._expected_pairs():
            cached = None  # compared against another reference
        width = self._width()
        if cached is not None:
            table_layout = self.planlens.layouts.get((plan_ids, width))
            if table_layout is not None:
                self._show(cached, table_layout)
                return
        # The table empties while the worker compares: remember where the cursor was.
        self._pending_addresses = self._selected_addresses() or self._pending_addresses
        self.comparison = None
        self.table.loading = True
        self._update_status()
        self.compare_versions(plan_ids, width, cached, reference)

    def _expected_pairs(self) -> list[tuple[str, str]]:
        return expected_pairs(self.planlens.corpus, self.view)

    @work(exclusive=True, thread=True, group="compare", exit_on_error=False)
    def compare_versions(
        self,
        plan_ids: tuple[str, ...],
        width: int,
        cached: Comparison | None,
        reference: str | None = None,
    ) -> None:
        """Compare `plan_ids` against `reference` (unless cached) and lay the rows out, off the
        UI thread."""
        # Imported here: the engine pulls in scipy, which need not delay the first frame.
        from planlens.comparison.build import compare

        worker = get_current_worker()
        try:
            comparison = cached or compare(
                self.planlens.corpus, list(plan_ids), reference=reference
            )
            table_layout = layout(comparison, width)
        except PlanlensError as exc:
            self.post_message(ComparisonFailed(plan_ids, str(exc)))
            return
        except Exception as exc:  # logged with its traceback, shown to the user
            message = internal_error(self.app, exc, f"comparing {', '.join(plan_ids)}")
            self.post_message(ComparisonFailed(plan_ids, message))
            return
        if not worker.is_cancelled:
            self.post_message(ComparisonReady(plan_ids, comparison, table_layout))

    @work(exclusive=True, thread=True, group="layout", exit_on_error=False)
    def relayout(self, comparison: Comparison, plan_ids: tuple[str, ...], width: int) -> None:
        """Lay the rows out again for a new width, off the UI thread."""
        table_layout = layout(comparison, width)
        if not get_current_worker().is_cancelled:
            self.post_message(LayoutReady(plan_ids, table_layout))

    @on(ComparisonReady)
    def show_comparison(self, message: ComparisonReady) -> None:
        self.planlens.remember(message.comparison, message.table_layout)
        shown = message.plan_ids == self.view.plan_ids
        if shown and message.comparison.pairs == self._expected_pairs():
            self._show(message.comparison, message.table_layout)

    @on(ComparisonFailed)
    def show_failure(self, message: ComparisonFailed) -> None:
        if message.plan_ids != self.view.plan_ids:
            return
        self.table.loading = False
        self.notify(message.error, title="Could not compare", severity="error", timeout=10)

    @on(LayoutReady)
    def show_layout(self, message: LayoutReady) -> None:
        if self.comparison is not None and message.plan_ids == self.view.plan_ids:
            self.planlens.remember(self.comparison, message.table_layout)
            self._show(self.comparison, message.table_layout)

    @on(ProvisionTable.Resized)
    def lay_out_again(self, message: ProvisionTable.Resized) -> None:
        if self.comparison is not None:
            self.relayout(self.comparison, self.view.plan_ids, message.width)

    # -- showing -------------------------------------------------------------------------------

    def _show(self, comparison: Comparison, table_layout: TableLayout) -> None:
        """Put `comparison` in the table, keeping the cursor on the clauses it was on."""
        previous = self._selected_addresses() or self._pending_addresses
        self._pending_addresses = []
        self.comparison = comparison
        self.table_layout = table_layout
        self.table.loading = False
        self.query_one(TableHeading).show(table_layout)
        row = None
        for address in previous:
            row = find_address(comparison, address).row
            if row is not None:
                break
        self._apply_filters(row)

    def _selected_addresses(self) -> list[str]:
        row = self.table.cursor_row
        if self.comparison is None or row is None:
            return []
        clauses = self.comparison.rows[row].clauses
        return [f"{pid}:{cid}" for pid, ids in clauses.items() for cid in ids]

    def set_view(self, view: ViewState) -> None:
        """Change the filters and show the rows they keep."""
        self.view = view
        self._apply_filters()

    def _apply_filters(self, row: int | None = None) -> None:
        """Show the rows the filters keep, with the cursor on `row` (or the current row)."""
        if self.comparison is None:
            self._update_status()
            return
        keep = self.table.cursor_row if row is None else row
        visible_list = visible_rows(self.comparison, self.view)
        self.table.show(self.table_layout, visible_list, keep)
        self._show_details(self.table.cursor_row)
        self._update_search()
        self._update_status()

    def _update_search(self, move: bool = False) -> None:
        """Find the search text among the rows shown; with `move`, go to the first hit."""
        table = self.table
        self.hits = (
            search_hits(self.comparison, table.shown_rows, self.search) if self.comparison else []
        )
        table.set_needle(self.search.strip())
        if move and self.hits and table.position not in self.hits:
            after = [hit for hit in self.hits if hit >= table.position]
            table.move_to(after[0] if after else self.hits[0])

    def _update_status(self) -> None:
        status = status_content(
            self.view, self.comparison, len(self.table.shown_rows), self.search, len(self.hits)
        )
        self.query_one("#status", Static).update(status)

    @on(ProvisionTable.Highlighted)
    def show_details(self, message: ProvisionTable.Highlighted) -> None:
        self._show_details(message.row)

    def _show_details(self, row: int | None) -> None:
        """Show `row` in the details pane, unless it is already shown there.

        The screen calls this as the table's cursor moves (`ProvisionTable.cursor_changed`), so
        the details are drawn in the same frame as the cursor; the table's message then finds
        nothing to do (unless drawing failed: then it tries again, and the error surfaces).
        """
        comparison, shown_row = self._details_shown
        if comparison is self.comparison and comparison is not None and shown_row == row:
            return
        topics = {tid: topic.label for tid, topic in self.planlens.corpus.topics.items()}
        self.query_one(DetailsPane).show(self.comparison, row, topics)
        self._details_shown = (self.comparison, row)

    # -- moving --------------------------------------------------------------------------------

    def action_next(self, step: int) -> None:
        """Next (or previous) search hit while searching; else the next row that changed."""
        table = self.table
        if self.comparison is None or not table.shown_rows:
            return
        if self.search:
            hits = set(self.hits)
            target = step_to(table.shown_rows, table.position, step, hits.__contains__)
            if target is None:
                self.notify(f"No provision matches “{self.search}”.", severity="warning")
        else:
            target = next_change(self.comparison, table.shown_rows, table.position, step)
            if target is None:
                self.notify("No changes among the provisions shown.")
        if target is not None:
            table.move_to(target)
            self._show_details(table.cursor_row)
