"""The compare view: the provisions of the chosen versions, a details pane, and every control.

`CompareScreen` joins the view's parts: its state, comparing and showing rows
(`compare_base`), search (`compare_search`), jumps (`compare_jump`) and export
(`compare_export`); here are its keys, its widgets, and choosing versions and filters.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, ClassVar, cast

from textual import on
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import Footer, Input, Static

from planlens.tui.screens.compare_export import ExportActions
from planlens.tui.screens.compare_jump import JumpActions
from planlens.tui.screens.compare_search import SearchActions
from planlens.tui.state import cycle_version, in_corpus_order
from planlens.tui.widgets.details import DetailsPane
from planlens.tui.widgets.link_review import LinkReview
from planlens.tui.widgets.provision_table import ProvisionTable
from planlens.tui.widgets.table_heading import TableHeading

if TYPE_CHECKING:
    from textual.app import ComposeResult

    from planlens.comparison.model import ChangeClass


class CompareScreen(SearchActions, JumpActions, ExportActions):
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
        # In the footer only while the row has suggested counterparts (see check_action); the
        # same keys pin and unpin links on any row.
        Binding("a", "review('accept')", "Accept suggestion"),
        Binding("R", "review('reject')", "Reject suggestion"),
        Binding("a", "edit_link('accept')", "Pin link (accept a suggestion)", show=False),
        Binding("R", "edit_link('reject')", "Unpin link (reject a suggestion)", show=False),
        Binding("ctrl+z", "edit_link('undo')", "Undo link edit", show=False),
    ]

    def compose(self) -> ComposeResult:
        yield Static(id="status")
        yield TableHeading(id="heading")
        yield ProvisionTable(id="table")
        # The review shares the details' space, so its lines never resize the table.
        with Vertical(id="details-box"):
            yield DetailsPane(id="details")
            yield LinkReview(id="review")
        yield Input(
            placeholder="search clause texts, titles and addresses", id="search", compact=True
        )
        yield Footer()

    def on_mount(self) -> None:
        table = self.table
        table.focus()
        # Synchronous, so the details pane changes in the frame that moves the cursor.
        table.cursor_changed.subscribe(self, self._show_details, immediate=True)
        self._update_status()
        # After the first frame: the worker's imports and work must not delay it.
        self.call_after_refresh(self.show_versions, self.view.plan_ids)

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

    # -- reviewing links (the behaviour is LinkReview's) ----------------------------------------

    def _show_details(self, row: int | None) -> None:
        super()._show_details(row)
        self.query_one(LinkReview).show(self.comparison, row)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "review":
            review = next(iter(self.query(LinkReview)), None)
            return review is not None and review.suggested
        return True

    def action_edit_link(self, what: str) -> None:
        """Accept, reject or undo in the link review under the details."""
        review = self.query_one(LinkReview)
        {"accept": review.accept, "reject": review.reject, "undo": review.undo}[what]()

    def action_review(self, what: str) -> None:
        """The same, from the keys shown while the row has suggested counterparts."""
        self.action_edit_link(what)

    @on(LinkReview.Edited)
    def links_edited(self, message: LinkReview.Edited) -> None:
        self.planlens.replace_corpus(message.corpus)
        self.show_versions(self.view.plan_ids)
        done = "; ".join(f"{entry.change}" for entry in message.applied)
        title = "Undone" if message.undo else f"Written to {message.applied[0].path.name}"
        self.notify(done, title=title, timeout=6, markup=False)

    @on(LinkReview.EditFailed)
    def link_edit_failed(self, message: LinkReview.EditFailed) -> None:
        self.notify(
            message.error, title="Nothing was written", severity="error", timeout=10, markup=False
        )

    # -- other screens -------------------------------------------------------------------------

    def action_overview(self) -> None:
        from planlens.tui.screens.overview import OverviewScreen

        self.app.push_screen(OverviewScreen())
