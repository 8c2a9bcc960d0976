"""The first frame: the status line says the plans are loading, the footer shows the keys.

It imports nothing of the core, so it paints while the app loads the plans in a worker; then it
gives way to the compare view (or the no-plans screen).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from textual.app import ComposeResult
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Static

from planlens.tui import palette

if TYPE_CHECKING:
    from planlens.tui.app import PlanlensApp


class StartScreen(Screen[None]):
    """Shown from the first frame until the plans are loaded."""

    def compose(self) -> ComposeResult:
        yield Static(
            Content.assemble(("planlens  ", palette.BRAND), ("loading plans…", palette.MUTED)),
            id="status",
        )
        yield Footer()

    def on_screen_resume(self) -> None:
        # A dialog opened while loading (help, say) was closed after the plans arrived.
        app = cast("PlanlensApp", self.app)
        if app.loaded:
            app.show_plans()
