"""A comparison laid out as a table: columns, rows of styled lines, headings (plain data).

What `layout()` makes and the provision table draws. It holds no comparison and imports no
model, so the start screen can draw a table laid out before (from `planlens.cache`) while the
plans load.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from planlens.tui.styled import Line

Mode = Literal["pair", "matrix"]


@dataclass(frozen=True)
class Column:
    """A column of the table: where it starts and how wide it is."""

    x: int
    """Offset from the left edge, after the cursor bar."""
    width: int
    """Width in cells."""


@dataclass(frozen=True)
class RowBlock:
    """One provision laid out: its height and each column's lines."""

    height: int
    """Lines the row takes."""
    cells: tuple[tuple[Line, ...], ...]
    """Per column, the lines of the cell (a cell may have fewer lines than the row)."""


@dataclass(frozen=True)
class TableLayout:
    """A whole comparison laid out for one width."""

    width: int
    """The width laid out for (the table's content width)."""
    mode: Mode
    """pair: two versions side by side; matrix: one cell per version."""
    columns: tuple[Column, ...]
    """The columns, left to right."""
    rules: tuple[int, ...]
    """Offsets at which a vertical rule is drawn on every line."""
    heading: tuple[tuple[Line, ...], ...]
    """Per column, its heading lines (two lines)."""
    rows: tuple[RowBlock, ...]
    """Laid-out rows, by `Row.index`."""
