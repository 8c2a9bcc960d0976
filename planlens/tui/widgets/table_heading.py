"""The column headings above the provision table: each version's label, title and badges."""

from __future__ import annotations

from textual.strip import Strip
from textual.widget import Widget

from planlens.tui.table_model import TableLayout
from planlens.tui.widgets.provision_table import StylePainter, compose_line


class TableHeading(Widget):
    """Two lines of headings, drawn with the same columns as the table below."""

    DEFAULT_CSS = """
    TableHeading {
        height: 2;
        background: $panel;
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.table_layout: TableLayout | None = None
        """The layout whose headings are drawn."""
        self._paint = StylePainter(self)

    def show(self, table_layout: TableLayout | None) -> None:
        """Draw the headings of `table_layout`."""
        self.table_layout = table_layout
        self.refresh()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._paint.clear()

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        if self.table_layout is None:
            return Strip.blank(width, self._paint("", ""))
        cells = [lines[y] if y < len(lines) else () for lines in self.table_layout.heading]
        return compose_line(
            self.table_layout.columns, self.table_layout.rules, cells, width, self._paint, ""
        )
