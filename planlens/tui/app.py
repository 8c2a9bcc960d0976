"""The planlens terminal app: global keys, the screens, and the session's caches.

`make_app` in `planlens.tui` builds it, for the CLI and the tests alike.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import ClassVar

from textual.app import App
from textual.binding import Binding, BindingType
from textual.screen import Screen

from planlens.comparison import Comparison
from planlens.load import Corpus
from planlens.tui.commands import PlanlensCommands
from planlens.tui.layout import TableLayout
from planlens.tui.stats import Similarity

CACHED_LAYOUTS = 16
"""Laid-out comparisons kept, so switching back to a pair of versions is instant."""


class PlanlensApp(App[None]):
    """Compare versions of a negotiated text, provision by provision."""

    TITLE = "planlens"
    CSS_PATH = "planlens.tcss"
    COMMANDS: ClassVar = App.COMMANDS | {PlanlensCommands}
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q", "quit", "Quit"),
        Binding("question_mark", "help", "Help"),
        Binding("p", "problems", "Problems"),
        Binding("ctrl+p", "command_palette", "Commands", show=False),
    ]

    def __init__(
        self, corpus: Corpus, plan_ids: Sequence[str], plan_dirs: Sequence[Path] = ()
    ) -> None:
        super().__init__()
        self.corpus = corpus
        """The loaded versions (files with errors left out) and the problems found."""
        self.plan_ids = tuple(plan_ids)
        """The versions shown on start."""
        self.plan_dirs = list(plan_dirs)
        """Where the plans were read from (for the empty-corpus screen)."""
        self.comparisons: dict[tuple[str, ...], Comparison] = {}
        """Comparisons made this session, by versions compared."""
        self.layouts: dict[tuple[tuple[str, ...], int], TableLayout] = {}
        """Recent layouts, by versions and width."""
        self.similarities: dict[tuple[str, str], Similarity] = {}
        """Pairwise similarities computed for the overview."""

    def get_default_screen(self) -> Screen[None]:
        from planlens.tui.screens.compare import CompareScreen
        from planlens.tui.screens.empty import EmptyScreen

        if not self.corpus.plans:
            return EmptyScreen(self.plan_dirs, len(self.corpus.errors))
        return CompareScreen(self.plan_ids)

    def on_mount(self) -> None:
        errors = len(self.corpus.errors)
        if errors and self.corpus.plans:
            noun = "problem" if errors == 1 else "problems"
            self.notify(
                f"{errors} {noun} in the plan files; the valid plans are shown. "
                "Press p for details.",
                title="Some plans were not loaded",
                severity="warning",
                timeout=8,
            )

    def remember(self, comparison: Comparison, table_layout: TableLayout) -> None:
        """Keep a comparison and its layout for the rest of the session."""
        plan_ids = tuple(plan.id for plan in comparison.plans)
        self.comparisons[plan_ids] = comparison
        self.layouts[(plan_ids, table_layout.width)] = table_layout
        while len(self.layouts) > CACHED_LAYOUTS:
            self.layouts.pop(next(iter(self.layouts)))

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

        self.push_screen(ProblemsScreen(self.corpus.problems))
