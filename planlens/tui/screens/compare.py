"""The compare view: the provisions of the chosen versions, a details pane, and every control.

The screen owns the view state (`ViewState`): which versions, which filters, what is searched.
Comparing runs in a thread worker that calls `compare()` and posts `ComparisonReady`; the
handlers below are the only code that changes the widgets.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, ClassVar, cast

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Input, Static
from textual.worker import get_current_worker

from planlens.comparison import ChangeClass, Comparison
from planlens.errors import PlanlensError
from planlens.safe import visible
from planlens.tui import palette
from planlens.tui.find import find_address, next_change, normalise_address, search_hits, step_to
from planlens.tui.layout import TableLayout, layout
from planlens.tui.messages import (
    ComparisonFailed,
    ComparisonReady,
    LayoutReady,
    ReportFailed,
    ReportWritten,
)
from planlens.tui.state import (
    ViewState,
    cycle_version,
    in_corpus_order,
    visible_rows,
)
from planlens.tui.widgets.details import DetailsPane
from planlens.tui.widgets.provision_table import ProvisionTable
from planlens.tui.widgets.table_heading import TableHeading

if TYPE_CHECKING:
    from planlens.tui.app import PlanlensApp
    from planlens.tui.screens.export import ExportRequest


def status_content(
    view: ViewState,
    comparison: Comparison | None,
    shown: int,
    search: str = "",
    hits: int = 0,
    brand: bool = True,
) -> Content:
    """The line above the table: versions, counts, filters and search."""
    parts: list[str | tuple[str, str]] = [("planlens  ", "bold $text-accent")] if brand else []
    if comparison is None:
        return Content.assemble(
            *parts, ("comparing " + " · ".join(view.plan_ids) + "…", palette.MUTED)
        )
    labels = [visible(plan.label) for plan in comparison.plans]
    parts.append((" ⇄ ".join(labels), "bold"))
    parts.append((f"   {shown} of {len(comparison.rows)} provisions", palette.MUTED))
    filters = []
    if view.topic:
        filters.append(f"topic {view.topic}")
    if view.classes:
        filters.append("classes " + ", ".join(sorted(view.classes)))
    if view.hide_unchanged:
        filters.append("unchanged hidden")
    if filters:
        parts.append(("   filter: " + " · ".join(filters), palette.WARNING))
    if search:
        parts.append(
            (f"   /{visible(search)}  {hits} hit{'s' if hits != 1 else ''}", "$text-accent")
        )
    partial = [visible(p.label) for p in comparison.plans if not p.complete]
    if partial:
        parts.append((f"   ? = unknown: {', '.join(partial)} known only in part", palette.WARNING))
    return Content.assemble(*parts)


class CompareScreen(Screen[None]):
    """Provisions of two versions side by side, or of more in the provision matrix."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("n", "next(1)", "Next change"),
        Binding("N", "next(-1)", "Previous change", show=False),
        Binding("right_square_bracket", "cycle(-1, 1)", "Next version"),
        Binding("left_square_bracket", "cycle(-1, -1)", "Previous version", show=False),
        Binding("right_curly_bracket", "cycle(0, 1)", "Next left version", show=False),
        Binding("left_curly_bracket", "cycle(0, -1)", "Previous left version", show=False),
        Binding("x", "swap", "Swap sides", show=False),
        Binding("v", "pick_versions", "Versions"),
        Binding("t", "pick_topic", "Topic"),
        Binding("c", "pick_classes", "Classes"),
        Binding("u", "toggle_unchanged", "Unchanged"),
        Binding("r", "reset_filters", "Reset filters", show=False),
        Binding("slash", "search", "Search"),
        Binding("escape", "clear_search", "Clear search", show=False),
        Binding("g", "jump", "Jump"),
        Binding("d", "toggle_details", "Details", show=False),
        Binding("o", "overview", "Overview"),
        Binding("e", "export", "Export"),
    ]

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
        self.pending_jump: str | None = None
        """An address to jump to once the comparison that holds it is ready."""
        self._details_shown: tuple[Comparison | None, int | None] = (None, None)

    @property
    def planlens(self) -> PlanlensApp:
        """The app, typed."""
        return cast("PlanlensApp", self.app)

    @property
    def table(self) -> ProvisionTable:
        """The provision table."""
        return self.query_one(ProvisionTable)

    def compose(self) -> ComposeResult:
        yield Static(id="status")
        yield TableHeading(id="heading")
        yield ProvisionTable(id="table")
        yield DetailsPane(id="details")
        yield Input(
            placeholder="search clause texts, titles and addresses", id="search", compact=True
        )
        yield Footer()

    def on_mount(self) -> None:
        self.table.focus()
        self._update_status()
        # After the first frame: the worker's imports and work must not delay it.
        self.call_after_refresh(self.show_versions, self.view.plan_ids)

    # -- comparing -----------------------------------------------------------------------------

    def _width(self) -> int:
        return self.table.content_width or max(self.app.size.width - 2, 40)

    def show_versions(self, plan_ids: tuple[str, ...]) -> None:
        """Show `plan_ids`: at once from the cache, or after a worker has compared them."""
        self.view = replace(self.view, plan_ids=plan_ids)
        cached = self.planlens.comparisons.get(plan_ids)
        width = self._width()
        if cached is not None:
            table_layout = self.planlens.layouts.get((plan_ids, width))
            if table_layout is not None:
                self._show(cached, table_layout)
                return
        self.comparison = None
        self.table.loading = True
        self._update_status()
        self.compare_versions(plan_ids, width, cached)

    @work(exclusive=True, thread=True, group="compare", exit_on_error=False)
    def compare_versions(
        self, plan_ids: tuple[str, ...], width: int, cached: Comparison | None
    ) -> None:
        """Compare `plan_ids` (unless cached) and lay the rows out, off the UI thread."""
        # Imported here: the engine pulls in scipy, which need not delay the first frame.
        from planlens.compare import compare

        worker = get_current_worker()
        try:
            comparison = cached or compare(self.planlens.corpus, list(plan_ids))
            table_layout = layout(comparison, width)
        except PlanlensError as exc:
            self.post_message(ComparisonFailed(plan_ids, str(exc)))
            return
        except Exception as exc:  # shown to the user, never lost
            self.post_message(
                ComparisonFailed(plan_ids, f"internal error: {type(exc).__name__}: {exc}")
            )
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
        if message.plan_ids == self.view.plan_ids:
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

    def _show(self, comparison: Comparison, table_layout: TableLayout) -> None:
        previous = self._selected_addresses()
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
        if self.pending_jump is not None:
            address, self.pending_jump = self.pending_jump, None
            self.jump_to(address)

    def _selected_addresses(self) -> list[str]:
        row = self.table.cursor_row
        if self.comparison is None or row is None:
            return []
        clauses = self.comparison.rows[row].clauses
        return [f"{pid}:{cid}" for pid, ids in clauses.items() for cid in ids]

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

        Actions of this screen that move the cursor call this at once, so the details are
        drawn in the same frame as the cursor; the table's message then finds nothing to do.
        """
        comparison, shown_row = self._details_shown
        if comparison is self.comparison and comparison is not None and shown_row == row:
            return
        self._details_shown = (self.comparison, row)
        topics = {tid: topic.label for tid, topic in self.planlens.corpus.topics.items()}
        self.query_one(DetailsPane).show(self.comparison, row, topics)

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

    # -- versions ------------------------------------------------------------------------------

    def action_cycle(self, slot: int, step: int) -> None:
        """Replace the version in `slot` (0: left, -1: right) by the next or previous one."""
        ids = cycle_version(self.planlens.corpus.ids, self.view.plan_ids, slot, step)
        if ids != self.view.plan_ids:
            self.show_versions(ids)

    def action_swap(self) -> None:
        """Swap the two versions shown side by side."""
        if len(self.view.plan_ids) == 2:
            self.show_versions(self.view.plan_ids[::-1])

    def action_pick_versions(self) -> None:
        from planlens.tui.screens.pickers import version_picker

        minimum = min(2, len(self.planlens.corpus.plans))

        def chosen(ids: list[str] | None) -> None:
            if ids:
                ordered = in_corpus_order(self.planlens.corpus, ids)
                if len(ordered) == 2 and set(ordered) == set(self.view.plan_ids):
                    ordered = self.view.plan_ids
                self.show_versions(ordered)

        self.app.push_screen(
            version_picker(self.planlens.corpus, self.view.plan_ids, minimum), chosen
        )

    # -- filters -------------------------------------------------------------------------------

    def set_view(self, view: ViewState) -> None:
        """Change the filters and show the rows they keep."""
        self.view = view
        self._apply_filters()

    def action_pick_topic(self) -> None:
        from planlens.tui.screens.pickers import topic_picker

        if self.comparison is None:
            return

        def chosen(topic: str | None) -> None:
            if topic is not None:
                self.set_view(replace(self.view, topic=topic or None))

        self.app.push_screen(
            topic_picker(self.planlens.corpus, self.comparison, self.view.topic), chosen
        )

    def action_pick_classes(self) -> None:
        from planlens.tui.screens.pickers import class_picker

        if self.comparison is None:
            return

        def chosen(classes: list[str] | None) -> None:
            if classes is not None:
                self.set_view(
                    replace(self.view, classes=frozenset(cast("list[ChangeClass]", classes)))
                )

        self.app.push_screen(class_picker(self.comparison, self.view.classes), chosen)

    def action_toggle_unchanged(self) -> None:
        self.set_view(replace(self.view, hide_unchanged=not self.view.hide_unchanged))

    def action_reset_filters(self) -> None:
        self.set_view(self.view.without_filters())

    def action_toggle_details(self) -> None:
        self.toggle_class("-no-details")

    # -- search and jump -----------------------------------------------------------------------

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

    def _update_search(self, move: bool = False) -> None:
        table = self.table
        self.hits = (
            search_hits(self.comparison, table.shown_rows, self.search) if self.comparison else []
        )
        table.set_needle(self.search.strip())
        if move and self.hits and table.position not in self.hits:
            after = [hit for hit in self.hits if hit >= table.position]
            table.move_to(after[0] if after else self.hits[0])

    def action_jump(self) -> None:
        from planlens.tui.screens.jump import JumpScreen

        corpus = self.planlens.corpus
        addresses = [plan.address(clause) for plan in corpus.plans for clause in plan.clauses]

        def chosen(text: str | None) -> None:
            if text:
                self.jump_to(text)

        self.app.push_screen(JumpScreen(addresses, self.view.plan_ids[0]), chosen)

    def jump_to(self, text: str) -> None:
        """Put the cursor on the clause at address `text`, showing its version if need be."""
        corpus = self.planlens.corpus
        address = normalise_address(text, self.view.plan_ids[0] if self.view.plan_ids else None)
        try:
            corpus.clause(address)
        except PlanlensError as exc:
            self.notify(str(exc)[:300], title="No such clause", severity="error")
            return
        plan_id = address.partition(":")[0]
        if plan_id not in self.view.plan_ids:
            ids = self.view.plan_ids
            shown = (ids[0], plan_id) if len(ids) <= 2 else in_corpus_order(corpus, [*ids, plan_id])
            self.pending_jump = address
            self.notify(f"Showing {plan_id} to reach {address}.")
            self.show_versions(shown)
            return
        if self.comparison is None:
            self.pending_jump = address
            return
        match = find_address(self.comparison, address)
        if match.row is None:
            self.notify(f"{address} is not in this comparison.", severity="warning")
            return
        if match.row not in self.table.shown_rows:
            self.notify("Filters cleared to show it.")
            self.set_view(self.view.without_filters())
        self.table.move_to(self.table.shown_rows.index(match.row))
        self._show_details(self.table.cursor_row)

    # -- other screens -------------------------------------------------------------------------

    def action_overview(self) -> None:
        from planlens.tui.screens.overview import OverviewScreen

        self.app.push_screen(OverviewScreen())

    def action_export(self) -> None:
        from planlens.report import FORMATS
        from planlens.tui.screens.export import ExportScreen

        if self.comparison is None:
            return
        stem = "-vs-".join(self.view.plan_ids) if len(self.view.plan_ids) <= 3 else "matrix"
        summary = status_content(
            self.view, self.comparison, len(self.table.shown_rows), brand=False
        )
        if self.view.classes:
            summary += Content.styled(
                "\nThe class filter is not part of reports: every change class is written.",
                palette.WARNING,
            )

        def chosen(request: ExportRequest | None) -> None:
            if request is not None:
                self.write_export(request, self.view)

        self.app.push_screen(ExportScreen(FORMATS, stem, summary), chosen)

    @work(exclusive=True, thread=True, group="export", exit_on_error=False)
    def write_export(self, request: ExportRequest, view: ViewState) -> None:
        """Write the report of `view` through the report registry, off the UI thread."""
        from planlens.compare import compare
        from planlens.report import write_report

        try:
            comparison = self.comparison
            if comparison is None or view.topic is not None or view.hide_unchanged:
                comparison = compare(
                    self.planlens.corpus,
                    list(view.plan_ids),
                    topic=view.topic,
                    changed_only=view.hide_unchanged,
                )
            path = write_report(comparison, request.fmt, request.path)
        except (PlanlensError, OSError) as exc:
            self.post_message(ReportFailed(str(exc)))
            return
        except Exception as exc:  # shown to the user, never lost
            self.post_message(ReportFailed(f"internal error: {type(exc).__name__}: {exc}"))
            return
        self.post_message(ReportWritten(path))

    @on(ReportWritten)
    def report_written(self, message: ReportWritten) -> None:
        self.notify(str(message.path), title="Report written")

    @on(ReportFailed)
    def report_failed(self, message: ReportFailed) -> None:
        self.notify(message.error[:400], title="Export failed", severity="error", timeout=10)
