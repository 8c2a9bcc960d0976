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
from textual.widgets import Footer, Static

from planlens.tui.plain import tell
from planlens.tui.screens.compare_export import ExportActions
from planlens.tui.screens.compare_search import SearchActions
from planlens.tui.state import cycle_version, in_corpus_order
from planlens.tui.widgets.details import DetailsPane
from planlens.tui.widgets.key_hint import KeyEntry, KeyHint
from planlens.tui.widgets.link_review import LinkReview
from planlens.tui.widgets.provision_table import ProvisionTable
from planlens.tui.widgets.table_heading import TableHeading

if TYPE_CHECKING:
    from textual.app import ComposeResult

    from planlens.comparison.model import ChangeClass


FOOTER_WIDTH = 150
"""Narrower than this, the footer cannot show every key: the compact key hint replaces it."""

KEY_HINT = (
    KeyEntry("/", "search", "search"),
    KeyEntry("g", "jump", "jump"),
    KeyEntry("o", "overview", "overview"),
    KeyEntry("e", "export", "export"),
    KeyEntry("?", "help", "help"),
    KeyEntry("q", "quit", "quit"),
    KeyEntry("n", "next change", "next(1)"),
    KeyEntry("f", "figures", "figures"),
    KeyEntry("h", "history", "history"),
    KeyEntry("v", "versions", "pick_versions"),
    KeyEntry("t", "topic", "pick_topic"),
    KeyEntry("c", "classes", "pick_classes"),
    KeyEntry("u", "unchanged", "toggle_unchanged"),
    KeyEntry("]", "next version", "cycle(-1, 1)"),
    KeyEntry("^p", "commands", "command_palette"),
)
"""The keys of the narrow-terminal hint, most important first."""


class CompareScreen(SearchActions, ExportActions):
    """Provisions of two versions side by side, or of more in the provision matrix."""

    # Textual types it as an instance variable, so ClassVar would not type-check.
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (FOOTER_WIDTH, "-wide")]  # noqa: RUF012

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("n", "next(1)", "Next change"),
        Binding("N", "next(-1)", "Previous change", show=False),
        Binding("right_square_bracket", "cycle(-1, 1)", "Next version"),
        Binding("left_square_bracket", "cycle(-1, -1)", "Previous version", show=False),
        Binding("right_curly_bracket", "cycle(0, 1)", "Next left version", show=False),
        Binding("left_curly_bracket", "cycle(0, -1)", "Previous left version", show=False),
        Binding("x", "swap", "Swap sides", show=False),
        Binding("R", "pick_reference", "Reference version", show=False),
        Binding("v", "pick_versions", "Versions"),
        Binding("t", "pick_topic", "Topic"),
        Binding("c", "pick_classes", "Classes"),
        Binding("u", "toggle_unchanged", "Unchanged"),
        Binding("r", "reset_filters", "Reset filters", show=False),
        Binding("b", "toggle_by_topic", "By topic", show=False),
        Binding("slash", "search", "Search"),
        Binding("escape", "clear_search", "Clear search", show=False),
        Binding("g", "jump", "Jump"),
        Binding("f", "figures", "Figures"),
        Binding("h", "history", "History"),
        Binding("d", "toggle_details", "Details", show=False),
        Binding("o", "overview", "Overview"),
        Binding("e", "export", "Export"),
        # In the footer only while the row has suggested counterparts (see check_action); the
        # same keys pin and unpin links on any row.
        Binding("a", "review('accept')", "Accept suggestion"),
        Binding("D", "review('reject')", "Decline suggestion"),
        Binding("a", "edit_link('accept')", "Pin link (accept a suggestion)", show=False),
        Binding("D", "edit_link('reject')", "Unpin link (decline a suggestion)", show=False),
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
        yield KeyHint(KEY_HINT, id="key-hint")
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
        """Swap the two versions shown side by side; in the matrix, say how to choose the
        reference instead."""
        if len(self.view.plan_ids) == 2:
            self.show_versions(self.view.plan_ids[::-1])
        elif len(self.view.plan_ids) > 2:
            tell(
                self,
                "x swaps the two sides of a pair. In the matrix, press R to choose the "
                "reference version the other columns are compared with.",
                title="Nothing to swap",
            )

    def action_pick_reference(self) -> None:
        """Choose the version the others are compared with (two versions: the left one)."""
        from planlens.tui.screens.pickers import reference_picker

        if len(self.view.plan_ids) < 3:
            tell(
                self,
                "With two versions the left one is the reference: x swaps them.",
                title="Reference version",
            )
            return

        def chosen(reference: str | None) -> None:
            if reference is not None:
                self.view = replace(self.view, reference=reference or None)
                self.show_versions(self.view.plan_ids)

        self.app.push_screen(
            reference_picker(self.planlens.corpus, self.view.plan_ids, self.view.reference),
            chosen,
        )

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

    def action_toggle_by_topic(self) -> None:
        """Group the rows by topic (the core's `topic_groups`), or back to the reference's order."""
        self.set_view(replace(self.view, by_topic=not self.view.by_topic))

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
        tell(self, done, title=title, timeout=6)

    @on(LinkReview.EditFailed)
    def link_edit_failed(self, message: LinkReview.EditFailed) -> None:
        tell(
            self,
            message.error,
            title="Nothing was written",
            severity="error",
            timeout=10,
        )

    # -- other screens -------------------------------------------------------------------------

    def action_overview(self) -> None:
        from planlens.tui.screens.overview import OverviewScreen

        self.app.push_screen(OverviewScreen())

    def action_figures(self) -> None:
        """Every figure across every version, on the term of the provision under the cursor."""
        from planlens.comparison.timeline import figure_timeline
        from planlens.tui.screens.figures import FiguresScreen

        timeline = figure_timeline(self.planlens.corpus)
        if not timeline:
            tell(self, "No version of the corpus has typed figures (terms).")
            return
        terms = [name for address in self._selected_addresses() for name in self._terms(address)]

        def chosen(address: str | None) -> None:
            if address:
                self.jump_to(address)

        self.app.push_screen(FiguresScreen(timeline, terms[0] if terms else None), chosen)

    def _terms(self, address: str) -> list[str]:
        if self.comparison is None or address not in self.comparison.clauses:
            return []
        return list(self.comparison.clauses[address].terms)

    def action_history(self) -> None:
        """The provision under the cursor through every version of the corpus."""
        from planlens.tui.screens.history import HistoryScreen

        addresses = self._selected_addresses()
        if not addresses:
            tell(self, "No provision under the cursor.")
            return
        self.app.push_screen(HistoryScreen(self.planlens.corpus, addresses[0]))
