"""The provisions of the versions shown: status line, column heading, table, details, review.

`ProvisionView` owns what the compare view shows and the state behind it (`ViewState`: which
versions, against which reference, which filters; the search text and its hits). It compares
the versions in a worker (through the app's caches), lays the rows out, keeps the cursor on the
clauses it was on, shows the rows the core's filter keeps, and draws the row under the cursor
in the details pane and the link review. It posts `ProvisionView.Shown` once a comparison is on
screen. The screen around it owns the keys and the dialogs, and tells it what to show.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Literal, cast

from textual import on, work
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Static
from textual.worker import get_current_worker

from planlens.corpus.address import row_addresses
from planlens.errors import PlanlensError
from planlens.tui.failures import internal_error
from planlens.tui.find import find_address, next_change, search_hits, step_to
from planlens.tui.layout import layout
from planlens.tui.messages import ComparisonFailed, ComparisonReady, LayoutReady
from planlens.tui.opening import table_width
from planlens.tui.plain import tell
from planlens.tui.state import ViewState, expected_pairs, visible_rows
from planlens.tui.status import status_content
from planlens.tui.table_model import TableLayout
from planlens.tui.widgets.details import DetailsPane
from planlens.tui.widgets.link_review import LinkReview
from planlens.tui.widgets.provision_table import ProvisionTable
from planlens.tui.widgets.table_heading import TableHeading

if TYPE_CHECKING:
    from textual.app import ComposeResult
    from textual.content import Content

    from planlens.comparison.model import Comparison
    from planlens.tui.app import PlanlensApp

Placed = Literal["moved", "not-compared", "filters-cleared"]
"""What `ProvisionView.go_to` did with an address of a version shown."""


class ProvisionView(Vertical):
    """The rows of one comparison, with the details of the row under the cursor."""

    @dataclass
    class Shown(Message):
        """A comparison is on screen (after comparing, from the cache, or laid out again)."""

        comparison: Comparison
        """What is shown."""

    def __init__(self, plan_ids: tuple[str, ...], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.view = ViewState(plan_ids)
        """Versions and filters shown."""
        self.comparison: Comparison | None = None
        """The comparison on screen, once computed."""
        self.table_layout: TableLayout | None = None
        """Its layout for the table's width."""
        self.search = ""
        """The search text whose hits are marked and stepped through."""
        self.hits: list[int] = []
        """Table positions of the rows the search text finds."""
        self._details_shown: tuple[Comparison | None, int | None] = (None, None)
        self._pending_addresses: list[str] = []

    def compose(self) -> ComposeResult:
        yield Static(id="status")
        yield TableHeading(id="heading")
        yield ProvisionTable(id="table")
        # The review shares the details' space, so its lines never resize the table.
        with Vertical(id="details-box"):
            yield DetailsPane(id="details")
            yield LinkReview(id="review")

    def on_mount(self) -> None:
        # Synchronous, so the details pane changes in the frame that moves the cursor.
        self.table.cursor_changed.subscribe(self, self.show_details, immediate=True)
        self.update_status()

    @property
    def planlens(self) -> PlanlensApp:
        """The app, typed."""
        return cast("PlanlensApp", self.app)

    @property
    def table(self) -> ProvisionTable:
        """The provision table."""
        return self.query_one(ProvisionTable)

    # -- comparing -----------------------------------------------------------------------------

    def show_versions(self, plan_ids: tuple[str, ...], reference: str | None = None) -> None:
        """Show `plan_ids` compared with `reference` (None: each with its nearest ancestor):
        at once from the cache, or after a worker has compared them.

        Side by side, the left version is the reference: a chosen one moves there (compared
        with the version on its right, a reference on the right would put each version's words
        under the other's name).
        """
        reference = reference if reference in plan_ids else None
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
        self._pending_addresses = self.selected_addresses() or self._pending_addresses
        self.comparison = None
        self.table.loading = True
        self.update_status()
        self.compare_versions(plan_ids, width, cached, reference)

    def _width(self) -> int:
        return self.table.content_width or table_width(self.app.size.width)

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
        # Imported here: the engine pulls in numpy, which need not delay the first frame.
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
        tell(self, message.error, title="Could not compare", severity="error", timeout=10)

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
        previous = self.selected_addresses() or self._pending_addresses
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
        self.post_message(self.Shown(comparison))

    def selected_addresses(self) -> list[str]:
        """The addresses of the clauses in the row under the cursor."""
        row = self.table.cursor_row
        if self.comparison is None or row is None:
            return []
        return row_addresses(self.comparison.rows[row].clauses)

    def set_view(self, view: ViewState) -> None:
        """Change the filters (or the grouping) and show the rows they keep."""
        self.view = view
        self._apply_filters()

    def _apply_filters(self, row: int | None = None) -> None:
        """Show the rows the filters keep, with the cursor on `row` (or the current row)."""
        if self.comparison is None:
            self.update_status()
            return
        keep = self.table.cursor_row if row is None else row
        self.table.show(self.table_layout, visible_rows(self.comparison, self.view), keep)
        self.show_details(self.table.cursor_row)
        self.set_search(self.search)

    def set_search(self, text: str) -> None:
        """Mark the rows shown that `text` finds, and count them in the status line."""
        self.search = text
        table = self.table
        self.hits = search_hits(self.comparison, table.shown_rows, text) if self.comparison else []
        table.set_needle(text.strip())
        self.update_status()

    def update_status(self) -> None:
        """Draw the status line."""
        self.query_one("#status", Static).update(self.status())

    def status(self) -> Content:
        """The status line: versions, filters, counts, the search and its hits."""
        return status_content(
            self.view, self.comparison, len(self.table.shown_rows), self.search, len(self.hits)
        )

    @on(ProvisionTable.Highlighted)
    def details_follow_the_cursor(self, message: ProvisionTable.Highlighted) -> None:
        self.show_details(message.row)

    def show_details(self, row: int | None) -> None:
        """Show `row` in the details pane and the link review, unless it is already shown.

        Called as the table's cursor moves (`ProvisionTable.cursor_changed`), so the details
        are drawn in the same frame as the cursor; the table's message then finds nothing to
        do (unless drawing failed: then it tries again, and the error surfaces).
        """
        comparison, shown_row = self._details_shown
        if comparison is self.comparison and comparison is not None and shown_row == row:
            return
        topics = {tid: topic.label for tid, topic in self.planlens.corpus.topics.items()}
        self.query_one(DetailsPane).show(self.comparison, row, topics)
        self.query_one(LinkReview).show(self.comparison, row)
        self._details_shown = (self.comparison, row)

    # -- moving --------------------------------------------------------------------------------

    def step(self, step: int) -> None:
        """Next (or previous) search hit while searching; else the next row that changed."""
        table = self.table
        if self.comparison is None or not table.shown_rows:
            return
        if self.search:
            hits = set(self.hits)
            target = step_to(table.shown_rows, table.position, step, hits.__contains__)
            if target is None:
                tell(self, f"No provision matches “{self.search}”.", severity="warning")
        else:
            target = next_change(self.comparison, table.shown_rows, table.position, step)
            if target is None:
                tell(self, "No changes among the provisions shown.")
        if target is not None:
            table.move_to(target)
            self.show_details(table.cursor_row)

    def go_to(self, address: str) -> Placed:
        """Put the cursor on the clause at `address` (of a version shown, once compared),
        clearing the filters if they hide it."""
        assert self.comparison is not None
        match = find_address(self.comparison, address)
        if match.row is None:
            return "not-compared"
        placed: Placed = "moved"
        if match.row not in self.table.shown_rows:
            placed = "filters-cleared"
            self.set_view(self.view.without_filters())
        self.table.move_to(self.table.shown_rows.index(match.row))
        self.show_details(self.table.cursor_row)
        return placed
