"""The provision table: a line-API widget that draws a laid-out comparison, one row per provision.

It never mounts a widget per row: `render_line` finds the row under a screen line by bisecting
the rows' offsets and draws only what is visible, so a thousand provisions scroll and move the
cursor as fast as ten. It knows nothing of comparisons; it draws a `TableLayout` and the list
of rows the filters keep, and reports the row under the cursor.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style as RichStyle
from textual import events
from textual.binding import Binding, BindingType
from textual.cache import LRUCache
from textual.geometry import Region, Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.signal import Signal
from textual.strip import Strip
from textual.style import Style
from textual.widget import Widget

from planlens.tui import palette
from planlens.tui.styled import Line, highlight
from planlens.tui.table_model import Column, TableLayout


def compose_line(
    columns: Sequence[Column],
    rules: Sequence[int],
    cells: Sequence[Line],
    width: int,
    paint: StylePainter,
    row_style: str,
    bar: str = " ",
) -> Strip:
    """One screen line: the cursor bar, each column's pieces at its offset, the rules between."""
    items: list[tuple[int, int, Line]] = [(0, 1, ((bar, "$accent"),))]
    items += [(column.x, column.width, line) for column, line in zip(columns, cells, strict=False)]
    items += [(x, 1, (("│", palette.MUTED),)) for x in rules]
    items.sort(key=lambda item: item[0])
    segments: list[Segment] = []
    blank = paint(row_style, "")
    position = 0
    for x, size, line in items:
        if x > position:
            segments.append(Segment(" " * (x - position), blank))
            position = x
        used = 0
        for text, style in line:
            segments.append(Segment(text, paint(row_style, style)))
            used += cell_len(text)
        if used < size:
            segments.append(Segment(" " * (size - used), blank))
        position = x + max(size, used)
    if position < width:
        segments.append(Segment(" " * (width - position), blank))
    return Strip(segments).crop(0, width)


class StylePainter:
    """Resolves style strings against a widget's theme, caching the Rich styles."""

    def __init__(self, table: Widget) -> None:
        self._table = table
        self._cache: dict[tuple[str, str], RichStyle] = {}

    def clear(self) -> None:
        """Forget resolved styles (the theme or the CSS changed)."""
        self._cache.clear()

    def __call__(self, row_style: str, style: str) -> RichStyle:
        key = (row_style, style)
        cached = self._cache.get(key)
        if cached is None:
            base = self._table.get_visual_style(*([row_style] if row_style else []))
            piece = Style.parse(style) if style else Style()
            cached = self._cache[key] = (base + piece).rich_style
        return cached


class ProvisionTable(ScrollView, can_focus=True):
    """The provisions of a comparison, laid out, with a row cursor."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up,k", "cursor_up", "Previous row", show=False),
        Binding("down,j", "cursor_down", "Next row", show=False),
        Binding("pageup", "page_up", "Page up", show=False),
        Binding("pagedown,space", "page_down", "Page down", show=False),
        Binding("home", "first", "First row", show=False),
        Binding("end", "last", "Last row", show=False),
    ]

    COMPONENT_CLASSES: ClassVar[set[str]] = {"provision--cursor", "provision--stripe"}

    DEFAULT_CSS = """
    ProvisionTable {
        overflow-y: scroll;
        overflow-x: hidden;
        & > .provision--cursor { background: $primary 22%; }
        &:focus > .provision--cursor { background: $primary 35%; }
        & > .provision--stripe { background: $foreground 4%; }
    }
    """

    @dataclass
    class Highlighted(Message):
        """The cursor moved to another provision."""

        row: int | None
        """Index of the row in the comparison, or None when no row is shown."""

    @dataclass
    class Resized(Message):
        """The table's width changed, so its rows need laying out again."""

        width: int
        """The new content width."""

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.table_layout: TableLayout | None = None
        """What is drawn."""
        self.shown_rows: list[int] = []
        """Indices of the rows shown, in order."""
        self.position = 0
        """Index into `visible` of the cursor row."""
        self.needle = ""
        """Search text highlighted in cells."""
        self.cursor_changed: Signal[int | None] = Signal(self, "cursor-changed")
        """Published with the row under the cursor as soon as it changes, before any repaint.

        Subscribe with `immediate=True` to draw what depends on the cursor in the same frame;
        the `Highlighted` message, which says the same, may arrive after the repaint.
        """
        self._offsets: list[int] = [0]
        self._lines: LRUCache[tuple[int, int, str, str], Strip] = LRUCache(1024)
        self._paint = StylePainter(self)

    @property
    def cursor_row(self) -> int | None:
        """The comparison row under the cursor."""
        return self.shown_rows[self.position] if self.shown_rows else None

    @property
    def content_width(self) -> int:
        """Width available to the rows (the scrollbar left out)."""
        return self.scrollable_content_region.width

    def show(
        self, table_layout: TableLayout | None, visible: Sequence[int], row: int | None = None
    ) -> None:
        """Draw `visible` rows of `table_layout`, the cursor on `row` or the next row after it."""
        self.table_layout = table_layout
        self.shown_rows = list(visible) if table_layout is not None else []
        offsets = [0]
        if table_layout is not None:
            for index in self.shown_rows:
                offsets.append(offsets[-1] + table_layout.rows[index].height)
        self._offsets = offsets
        self._lines.clear()
        width = table_layout.width if table_layout is not None else 0
        self.virtual_size = Size(width, offsets[-1])
        self.position = 0
        if row is not None and row in self.shown_rows:
            self.position = self.shown_rows.index(row)
        elif row is not None and self.shown_rows:  # the next row after it, in the rows' order
            later = [n for n, index in enumerate(self.shown_rows) if index > row]
            self.position = min(later) if later else len(self.shown_rows) - 1
        self.refresh()
        self._cursor_moved()

    def set_needle(self, needle: str) -> None:
        """Highlight `needle` in the cells (empty: no highlight)."""
        if needle != self.needle:
            self.needle = needle
            self._lines.clear()
            self.refresh()

    def move_to(self, position: int) -> None:
        """Put the cursor on `visible[position]` and scroll it into view."""
        if not self.shown_rows:
            return
        position = max(0, min(position, len(self.shown_rows) - 1))
        if position != self.position:
            previous, self.position = self.position, position
            self._refresh_row(previous)
            self._refresh_row(position)
            self._cursor_moved()
        else:
            self._scroll_to_cursor()

    def _refresh_row(self, position: int) -> None:
        """Redraw the lines of one row (all that a cursor move changes, unless it scrolls)."""
        top, bottom = self._offsets[position], self._offsets[position + 1]
        self.refresh_lines(top, bottom - top)

    def _cursor_moved(self) -> None:
        self._scroll_to_cursor()
        self.cursor_changed.publish(self.cursor_row)
        self.post_message(self.Highlighted(self.cursor_row))

    def _scroll_to_cursor(self) -> None:
        if not self.shown_rows:
            return
        top, bottom = self._offsets[self.position], self._offsets[self.position + 1]
        region = Region(0, top, max(self.size.width, 1), bottom - top)
        self.scroll_to_region(region, animate=False, force=True, immediate=True)

    def action_cursor_up(self) -> None:
        self.move_to(self.position - 1)

    def action_cursor_down(self) -> None:
        self.move_to(self.position + 1)

    def action_first(self) -> None:
        self.move_to(0)

    def action_last(self) -> None:
        self.move_to(len(self.shown_rows) - 1)

    def action_page_down(self) -> None:
        target = self._offsets[self.position] + self.scrollable_content_region.height
        self.move_to(bisect_right(self._offsets, target) - 1)

    def action_page_up(self) -> None:
        target = self._offsets[self.position] - self.scrollable_content_region.height
        self.move_to(bisect_right(self._offsets, max(target, 0)) - 1)

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None or not self.shown_rows:
            return
        y = offset.y + round(self.scroll_offset.y)
        if y < self._offsets[-1]:
            self.move_to(bisect_right(self._offsets, y) - 1)

    def on_resize(self, event: events.Resize) -> None:
        if self.table_layout is not None and self.table_layout.width != self.content_width:
            self.post_message(self.Resized(self.content_width))

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._paint.clear()
        self._lines.clear()

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        line_y = round(self.scroll_offset.y) + y
        if self.table_layout is None or line_y >= self._offsets[-1]:
            return Strip.blank(width, self._paint("", ""))
        position = bisect_right(self._offsets, line_y) - 1
        row = self.shown_rows[position]
        line_no = line_y - self._offsets[position]
        if position == self.position:
            row_style = "provision--cursor"
        else:
            row_style = "provision--stripe" if position % 2 else ""
        key = (row, line_no, row_style, self.needle)
        strip = self._lines.get(key)
        if strip is None or strip.cell_length != width:
            strip = self._render_row_line(row, line_no, row_style, width)
            self._lines[key] = strip
        return strip

    def _render_row_line(self, row: int, line_no: int, row_style: str, width: int) -> Strip:
        assert self.table_layout is not None
        block = self.table_layout.rows[row]
        cells = [cell[line_no] if line_no < len(cell) else () for cell in block.cells]
        if self.needle:
            cells = [highlight(cell, self.needle, palette.SEARCH_HIT) for cell in cells]
        bar = "▌" if row_style == "provision--cursor" else " "
        return compose_line(
            self.table_layout.columns,
            self.table_layout.rules,
            cells,
            width,
            self._paint,
            row_style,
            bar,
        )
