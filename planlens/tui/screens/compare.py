"""The compare view: the keys and dialogs around the provisions of the chosen versions.

`CompareScreen` is composed of widgets that own their behaviour: `ProvisionView` (comparing,
showing, filtering, the details and the link review), the key hint and the footer. The dialogs
return what was chosen (`JumpScreen` an address, `CorpusSearchScreen` a hit, `ExportScreen` a
request) and the screen tells the view what to show; the app writes exports in a worker.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, ClassVar, cast

from textual import on
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import Footer

from planlens.corpus.address import format_address
from planlens.errors import PlanlensError
from planlens.tui.find import normalise_address
from planlens.tui.plain import tell
from planlens.tui.state import ViewState, cycle_version, in_corpus_order
from planlens.tui.status import status_content
from planlens.tui.widgets.key_hint import KeyEntry, KeyHint
from planlens.tui.widgets.link_review import LinkReview
from planlens.tui.widgets.provisions import ProvisionView

if TYPE_CHECKING:
    from textual.app import ComposeResult

    from planlens.comparison.model import ChangeClass, Comparison
    from planlens.comparison.search import SearchIndex
    from planlens.corpus.load import Corpus
    from planlens.tui.app import PlanlensApp
    from planlens.tui.screens.corpus_search import SearchChoice
    from planlens.tui.screens.export import ExportRequest
    from planlens.tui.table_model import TableLayout
    from planlens.tui.widgets.provision_table import ProvisionTable


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


class CompareScreen(Screen[None]):
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

    def __init__(self, plan_ids: tuple[str, ...]) -> None:
        super().__init__()
        self._initial = plan_ids
        self.pending_jump: str | None = None
        """An address to jump to once the comparison that holds it is on screen."""
        self._search_index: tuple[Corpus, SearchIndex] | None = None

    def compose(self) -> ComposeResult:
        yield ProvisionView(self._initial, id="provisions")
        yield KeyHint(KEY_HINT, id="key-hint")
        yield Footer()

    def on_mount(self) -> None:
        self.table.focus()
        if self.view.plan_ids in self.planlens.comparisons:
            # Compared and laid out already (by the app's loading worker): rows in this frame.
            self.show_versions(self.view.plan_ids)
            self.planlens.keep_opening(self.provisions)
        else:
            # After the first frame: the worker's imports and work must not delay it.
            self.call_after_refresh(self.show_versions, self.view.plan_ids)

    # -- what the view shows (read by the tests, the palette and the help) ----------------------

    @property
    def planlens(self) -> PlanlensApp:
        """The app, typed."""
        return cast("PlanlensApp", self.app)

    @property
    def provisions(self) -> ProvisionView:
        """The provisions shown, with their state."""
        return self.query_one(ProvisionView)

    @property
    def view(self) -> ViewState:
        """Versions and filters shown."""
        return self.provisions.view if self.is_mounted else ViewState(self._initial)

    @property
    def comparison(self) -> Comparison | None:
        """The comparison on screen, once computed."""
        return self.provisions.comparison

    @property
    def table_layout(self) -> TableLayout | None:
        """The layout of the comparison on screen."""
        return self.provisions.table_layout

    @property
    def table(self) -> ProvisionTable:
        """The provision table."""
        return self.provisions.table

    @property
    def search(self) -> str:
        """The search text whose hits are marked."""
        return self.provisions.search

    @property
    def hits(self) -> list[int]:
        """Table positions of the rows the search text finds."""
        return self.provisions.hits

    def show_versions(self, plan_ids: tuple[str, ...]) -> None:
        """Show `plan_ids`, keeping the reference version while it is among them."""
        self.provisions.show_versions(plan_ids, self.view.reference)

    def set_view(self, view: ViewState) -> None:
        """Change the filters and show the rows they keep."""
        self.provisions.set_view(view)

    def action_next(self, step: int) -> None:
        """Next (or previous) search hit while searching; else the next row that changed."""
        self.provisions.step(step)

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
                self.provisions.show_versions(self.view.plan_ids, reference or None)

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

    # -- jumping and searching -----------------------------------------------------------------

    def action_jump(self) -> None:
        from planlens.tui.screens.jump import JumpScreen

        corpus = self.planlens.corpus
        addresses = [plan.address(clause) for plan in corpus.plans for clause in plan.clauses]
        addresses += [
            format_address(plan.plan.label, clause.id)
            for plan in corpus.plans
            if plan.plan.label.casefold() != plan.id.casefold()
            for clause in plan.clauses
        ]

        def chosen(text: str | None) -> None:
            if text:
                self.jump_to(text)

        self.app.push_screen(JumpScreen(addresses, self.view.plan_ids[0]), chosen)

    def jump_to(self, text: str, beside: str | None = None) -> None:
        """Put the cursor on the clause at address `text`, showing its version if need be, and
        version `beside` with it when given (the version reported to have dropped the clause).

        The version may be named by its id or its label (`GEN-19:p3`), in any case.
        """
        corpus = self.planlens.corpus
        address = normalise_address(text, self.view.plan_ids[0] if self.view.plan_ids else None)
        try:
            plan, clause = corpus.clause(address)
        except PlanlensError as exc:
            tell(self, str(exc)[:300], title="No such clause", severity="error")
            return
        address, plan_id = plan.address(clause), plan.id
        wanted = [plan_id] if beside is None or beside == plan_id else [plan_id, beside]
        missing = [p for p in wanted if p not in self.view.plan_ids]
        if missing:
            ids = self.view.plan_ids
            if len(ids) > 2:
                shown = in_corpus_order(corpus, [*ids, *missing])
            elif len(wanted) == 2:
                shown = in_corpus_order(corpus, wanted)
            else:
                shown = (ids[0], plan_id)
            self.pending_jump = address
            tell(self, f"Showing {plan_id} to reach {address}.")
            self.show_versions(shown)
            return
        if self.comparison is None:
            self.pending_jump = address
            return
        placed = self.provisions.go_to(address)
        if placed == "not-compared":
            tell(self, f"{address} is not in this comparison.", severity="warning")
        elif placed == "filters-cleared":
            tell(self, "Filters cleared to show it.")

    @on(ProvisionView.Shown)
    def complete_the_jump(self, message: ProvisionView.Shown) -> None:
        if self.pending_jump is not None:
            address, self.pending_jump = self.pending_jump, None
            self.jump_to(address)

    def action_search(self) -> None:
        """Search every version of the corpus; the hit chosen is jumped to."""
        from planlens.comparison.search import SearchIndex
        from planlens.tui.screens.corpus_search import CorpusSearchScreen

        corpus = self.planlens.corpus
        if self._search_index is None or self._search_index[0] is not corpus:
            self._search_index = (corpus, SearchIndex(corpus))  # built again if plans reload

        def chosen(choice: SearchChoice | None) -> None:
            if choice is not None:
                self.go_to_hit(choice)

        screen = CorpusSearchScreen(self._search_index[1], self.view.plan_ids, self.search)
        self.app.push_screen(screen, chosen)

    def go_to_hit(self, choice: SearchChoice) -> None:
        """Keep the query as the search text and put the cursor on the hit's clause."""
        self.provisions.set_search(choice.query)
        self.jump_to(choice.hit.clause)

    def action_clear_search(self) -> None:
        self.provisions.set_search("")
        self.table.focus()

    # -- export --------------------------------------------------------------------------------

    def action_export(self) -> None:
        """Ask for a format and a path; the app writes the report of what is shown."""
        from planlens.comparison.filters import filtered
        from planlens.report import FORMATS
        from planlens.tui.screens.export import ExportScreen

        comparison = self.comparison
        if comparison is None:
            return
        view = self.view
        stem = "-vs-".join(view.plan_ids) if len(view.plan_ids) <= 3 else "matrix"
        summary = status_content(view, comparison, len(self.table.shown_rows), brand=False)

        def chosen(request: ExportRequest | None) -> None:
            if request is not None:
                self.planlens.export_report(filtered(comparison, view.row_filter), request)

        self.app.push_screen(ExportScreen(FORMATS, stem, summary), chosen)

    # -- reviewing links (the behaviour is LinkReview's) ----------------------------------------

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
        addresses = self.provisions.selected_addresses()
        terms = [name for address in addresses for name in self._terms(address)]

        def chosen(choice: tuple[str, str | None] | None) -> None:
            if choice is not None:
                self.jump_to(*choice)

        self.app.push_screen(FiguresScreen(timeline, terms[0] if terms else None), chosen)

    def _terms(self, address: str) -> list[str]:
        if self.comparison is None or address not in self.comparison.clauses:
            return []
        return list(self.comparison.clauses[address].terms)

    def action_history(self) -> None:
        """The provision under the cursor through every version of the corpus."""
        from planlens.tui.screens.history import HistoryScreen

        addresses = self.provisions.selected_addresses()
        if not addresses:
            tell(self, "No provision under the cursor.")
            return
        self.app.push_screen(HistoryScreen(self.planlens.corpus, addresses[0]))
