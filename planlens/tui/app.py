"""The planlens terminal app: global keys, loading the plans, the screens, the session's caches.

`make_app` in `planlens.tui` builds it, for the CLI and the tests alike. Started without a
corpus, it paints a start screen first and loads the plans in a worker, so nothing of the core
(pydantic, numpy, scipy) is imported before the first frame; when the same files were opened
before at this width, that first frame already draws the rows shown then (`tui.preview`). The
screens are imported where they are first shown.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import on, work
from textual.app import App
from textual.binding import Binding, BindingType

from planlens.tui.commands import PlanlensCommands
from planlens.tui.messages import CorpusFailed, CorpusLoaded, ReportFailed, ReportWritten
from planlens.tui.plain import tell

if TYPE_CHECKING:
    from textual.screen import Screen

    from planlens.comparison.model import Comparison
    from planlens.comparison.overview import Similarity
    from planlens.corpus.load import Corpus
    from planlens.tui.preview import Preview
    from planlens.tui.screens.export import ExportRequest
    from planlens.tui.table_model import TableLayout
    from planlens.tui.widgets.provisions import ProvisionView

CACHED_LAYOUTS = 16
"""Laid-out comparisons kept, so switching back to a pair of versions is instant."""
TALL = 40
"""From this many rows up a screen is `-tall`: below, list dialogs fill the height and scroll
their list, so that their buttons and hints stay in view (the `-short` rules in the tcss)."""


class PlanlensApp(App[None]):
    """Compare versions of a negotiated text, provision by provision."""

    TITLE = "planlens"
    CSS_PATH = "planlens.tcss"
    COMMANDS: ClassVar = App.COMMANDS | {PlanlensCommands}
    # Textual types it as an instance variable, so ClassVar would not type-check.
    VERTICAL_BREAKPOINTS = [(0, "-short"), (TALL, "-tall")]  # noqa: RUF012
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q", "quit", "Quit"),
        Binding("question_mark", "help", "Help"),
        Binding("p", "problems", "Problems"),
        Binding("ctrl+p", "command_palette", "Commands", show=False),
    ]

    def __init__(
        self,
        corpus: Corpus | None,
        plan_ids: Sequence[str] = (),
        plan_dirs: Sequence[Path] = (),
    ) -> None:
        super().__init__()
        self._corpus = corpus
        self.plan_ids = tuple(plan_ids)
        """The versions shown on start (until the plans are loaded: as asked for, or none)."""
        self.plan_dirs = list(plan_dirs)
        """Where the plans are read from (empty until loaded: the default places)."""
        self.startup_error: Exception | None = None
        """Why the app closed before showing the plans (an unknown version, say)."""
        self.comparisons: dict[tuple[str, ...], Comparison] = {}
        """Comparisons made this session, by versions compared."""
        self.layouts: dict[tuple[tuple[str, ...], int], TableLayout] = {}
        """Recent layouts, by versions and width."""
        self.similarities: dict[tuple[str, str], Similarity] = {}
        """Pairwise similarities computed for the overview."""
        self._opening: tuple[str, int] | None = None
        """The preview key of this opening and the screen width it was made for."""

    @property
    def loaded(self) -> bool:
        """True once the plans are loaded."""
        return self._corpus is not None

    @property
    def corpus(self) -> Corpus:
        """The loaded versions (files with errors left out) and the problems found."""
        if self._corpus is None:
            raise RuntimeError("the plans are not loaded yet")
        return self._corpus

    def get_default_screen(self) -> Screen[None]:
        if self._corpus is None:
            from planlens.tui.screens.start import StartScreen

            return StartScreen()
        return self.plans_screen()

    def plans_screen(self) -> Screen[None]:
        """The compare view on the loaded plans, or the no-plans screen."""
        from planlens.tui.screens.compare import CompareScreen
        from planlens.tui.screens.empty import EmptyScreen

        if not self.corpus.plans:
            return EmptyScreen(self.plan_dirs, len(self.corpus.errors))
        return CompareScreen(self.plan_ids)

    def on_mount(self) -> None:
        if self._corpus is not None:
            self.notify_problems()

    def on_ready(self) -> None:
        if self._corpus is None:
            # Textual posts Ready just after the first frame: loading (and its imports) must
            # not delay that frame, and need not wait for the later refreshes of the start screen.
            self.load_plans(self.size.width)

    # -- the opening preview -------------------------------------------------------------------

    def opening_preview(self) -> Preview | None:
        """What the compare view showed when it last opened on these files, versions and width
        (`tui.preview`), or None; the start screen draws it while the plans load."""
        from planlens.errors import PlanlensError
        from planlens.tui.preview import preview_key, stored_preview

        width = self.size.width
        try:
            key = preview_key(self.plan_dirs, self.plan_ids, width)
        except PlanlensError:  # $PLANLENS_PLANS names nothing: loading reports it
            return None
        if key is None:
            return None
        self._opening = (key, width)
        return stored_preview(key)

    def keep_opening(self, provisions: ProvisionView) -> None:
        """Keep what the compare view shows on opening, for the next start (once a session)."""
        from planlens.tui.opening import table_width
        from planlens.tui.preview import Preview, store_preview

        if self._opening is None:
            return
        key, width = self._opening
        self._opening = None
        table_layout = provisions.table_layout
        if table_layout is None or table_layout.width != table_width(width):
            return  # resized meanwhile: not what this width shows
        rows = tuple(provisions.table.shown_rows)
        store_preview(key, Preview(provisions.status(), table_layout, rows))

    # -- loading -------------------------------------------------------------------------------

    @work(exclusive=True, thread=True, group="load", exit_on_error=False)
    def load_plans(self, screen_width: int) -> None:
        """Load the plans from `plan_dirs`, then compare the versions shown first and lay them
        out for a screen `screen_width` cells wide, all off the UI thread, in one go."""
        from planlens.corpus.load import load_corpus
        from planlens.corpus.reading import default_plan_dirs
        from planlens.tui.opening import first_view, table_width

        try:
            corpus = load_corpus(self.plan_dirs or None)
            plan_dirs = self.plan_dirs or default_plan_dirs()
        except Exception as exc:  # handed to the CLI, never lost
            self.post_message(CorpusFailed(exc))
            return
        try:
            first = first_view(corpus, self.plan_ids, table_width(screen_width))
        except Exception:  # the compare view compares them again and reports what fails
            first = None
        self.post_message(CorpusLoaded(corpus, plan_dirs, first))

    @on(CorpusLoaded)
    def open_plans(self, message: CorpusLoaded) -> None:
        from planlens.errors import PlanlensError
        from planlens.tui.screens.start import StartScreen
        from planlens.tui.state import resolve_plan_ids

        try:
            plan_ids = resolve_plan_ids(message.corpus, self.plan_ids)
        except PlanlensError as exc:
            self.close_with_error(exc)
            return
        self._corpus = message.corpus
        self.plan_ids = plan_ids
        self.plan_dirs = list(message.plan_dirs)
        first = message.first
        if first is not None and first.plan_ids == plan_ids:
            self.remember(first.comparison, first.table_layout)
        # A dialog opened while loading stays up; the start screen gives way when it closes.
        if isinstance(self.screen, StartScreen):
            self.show_plans()
        self.notify_problems()

    @on(CorpusFailed)
    def loading_failed(self, message: CorpusFailed) -> None:
        self.close_with_error(message.error)

    def close_with_error(self, error: Exception) -> None:
        """Close the app; whoever ran it reports `error` (the CLI, as it reports any error)."""
        self.startup_error = error
        self.exit(return_code=1)

    def show_plans(self) -> None:
        """Cover the start screen with the compare view (or the no-plans screen)."""
        self.push_screen(self.plans_screen())

    def notify_problems(self) -> None:
        """Say that some plan files did not load, when the valid ones are shown."""
        errors = len(self.corpus.errors)
        if errors and self.corpus.plans:
            noun = "problem" if errors == 1 else "problems"
            tell(
                self,
                f"{errors} {noun} in the plan files; the valid plans are shown. "
                "Press p for details.",
                title="Some plans were not loaded",
                severity="warning",
                timeout=8,
            )

    # -- session -------------------------------------------------------------------------------

    def replace_corpus(self, corpus: Corpus) -> None:
        """Use `corpus` from now on (the plans read again after an edit); forget what was
        computed from the old one."""
        self._corpus = corpus
        self.comparisons.clear()
        self.layouts.clear()
        self.similarities.clear()

    def remember(self, comparison: Comparison, table_layout: TableLayout) -> None:
        """Keep a comparison and its layout for the rest of the session."""
        plan_ids = tuple(plan.id for plan in comparison.plans)
        if self.comparisons.get(plan_ids) is not comparison:  # another reference: stale layouts
            for key in [key for key in self.layouts if key[0] == plan_ids]:
                del self.layouts[key]
        self.comparisons[plan_ids] = comparison
        self.layouts[(plan_ids, table_layout.width)] = table_layout
        while len(self.layouts) > CACHED_LAYOUTS:
            self.layouts.pop(next(iter(self.layouts)))

    # -- exports -------------------------------------------------------------------------------

    @work(exclusive=True, thread=True, group="export", exit_on_error=False)
    def export_report(self, comparison: Comparison, request: ExportRequest) -> None:
        """Write the report of `comparison` as `request` asks, off the UI thread, with the
        writer the CLI uses; post what became of it."""
        from planlens.errors import PlanlensError
        from planlens.report import write_report
        from planlens.tui.failures import internal_error

        try:
            path = write_report(comparison, request.fmt, request.path)
        except (PlanlensError, OSError) as exc:
            self.post_message(ReportFailed(str(exc)))
            return
        except Exception as exc:  # logged with its traceback, shown to the user
            self.post_message(ReportFailed(internal_error(self, exc, "writing the report")))
            return
        self.post_message(ReportWritten(path))

    @on(ReportWritten)
    def report_written(self, message: ReportWritten) -> None:
        tell(self, str(message.path), title="Report written")

    @on(ReportFailed)
    def report_failed(self, message: ReportFailed) -> None:
        tell(self, message.error[:400], title="Export failed", severity="error", timeout=10)

    # -- keys everywhere -----------------------------------------------------------------------

    def action_help(self) -> None:
        from planlens.tui.screens.compare import CompareScreen
        from planlens.tui.screens.help import HelpScreen
        from planlens.tui.widgets.provision_table import ProvisionTable

        self.push_screen(
            HelpScreen(
                [
                    ("Compare view", CompareScreen.BINDINGS),
                    (
                        "Moving in the table (and the mouse: click a row, scroll)",
                        ProvisionTable.BINDINGS,
                    ),
                    ("Everywhere", self.BINDINGS),
                ]
            )
        )

    def action_problems(self) -> None:
        from planlens.tui.screens.problems import ProblemsScreen

        if not self.loaded:
            tell(self, "The plans are still loading.")
            return
        self.push_screen(ProblemsScreen(self.corpus.problems))
