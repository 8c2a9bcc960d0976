"""The first frame: the status line says the plans are loading, the footer shows the keys.

It imports nothing of the core, so it paints while the app loads the plans in a worker; then it
gives way to the compare view (or the no-plans screen). When the same files, versions and width
were opened before, it draws the rows the compare view showed then (`tui.preview`), in the same
places, so the first frame already shows the plans.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Static

from planlens.tui import palette

if TYPE_CHECKING:
    from planlens.tui.app import PlanlensApp
    from planlens.tui.preview import Preview


class StartScreen(Screen[None]):
    """Shown from the first frame until the plans are loaded."""

    def __init__(self) -> None:
        super().__init__()
        self.preview: Preview | None = None
        """The opening view drawn while the plans load, if one was kept."""

    def compose(self) -> ComposeResult:
        self.preview = cast("PlanlensApp", self.app).opening_preview()
        if self.preview is None:
            yield Static(
                Content.assemble(("planlens  ", palette.BRAND), ("loading plans…", palette.MUTED)),
                id="status",
            )
        else:
            from planlens.tui.widgets.provision_table import ProvisionTable
            from planlens.tui.widgets.table_heading import TableHeading

            yield Static(self.preview.status, id="status")
            yield TableHeading(id="heading")
            yield ProvisionTable(id="table")
            yield Vertical(id="details-box")  # where the compare view shows the details
        yield Footer()

    def on_mount(self) -> None:
        if self.preview is not None:
            from planlens.tui.widgets.provision_table import ProvisionTable
            from planlens.tui.widgets.table_heading import TableHeading

            self.query_one(TableHeading).show(self.preview.table_layout)
            self.query_one(ProvisionTable).show(self.preview.table_layout, self.preview.rows)

    def on_screen_resume(self) -> None:
        # A dialog opened while loading (help, say) was closed after the plans arrived.
        app = cast("PlanlensApp", self.app)
        if app.loaded:
            app.show_plans()
