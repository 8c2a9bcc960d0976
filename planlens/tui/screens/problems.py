"""The problems found in the plan files: file, line, clause and message, one per line, and the
highlighted one in full below the table (a message is often wider than the terminal)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import DataTable, Static

from planlens.corpus.problems import Problem
from planlens.safe import one_line


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"


def _where(path: Path | None) -> str:
    return path.name if path is not None else "<corpus>"


def _message(problem: Problem) -> str:
    return problem.message + (f" (expected {problem.expected})" if problem.expected else "")


class ProblemsScreen(ModalScreen[None]):
    """A table of every problem found while loading; the valid plans are still shown."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape,p,q", "close", "Close")]

    def __init__(self, problems: Sequence[Problem]) -> None:
        super().__init__()
        self.problems = list(problems)
        """Everything wrong with the files, errors first."""

    def compose(self) -> ComposeResult:
        errors = sum(p.severity == "error" for p in self.problems)
        warnings = len(self.problems) - errors
        with Vertical(classes="dialog wide"):
            yield Static(
                Content(
                    "Problems in the plan files: "
                    f"{_count(errors, 'error')}, {_count(warnings, 'warning')}"
                ),
                classes="dialog-title",
            )
            if not self.problems:
                yield Static(Content("No problems: every plan file loaded cleanly."))
            else:
                yield DataTable(cursor_type="row", zebra_stripes=True, id="problems-table")
                yield Static(id="problem-detail")
            yield Static(
                Content(
                    "Files with errors are left out; the other plans are shown. "
                    "Fix the file and restart, or run `planlens validate`.  esc: close"
                ),
                classes="dialog-hint",
            )

    def on_mount(self) -> None:
        if not self.problems:
            return
        table = self.query_one(DataTable)
        table.add_columns("", "file", "line", "clause", "message")
        colours = self.app.theme_variables
        ordered = sorted(
            self.problems, key=lambda p: (p.severity != "error", str(p.path), p.line or 0)
        )
        self.problems = ordered
        for problem in ordered:
            style = colours["text-error" if problem.severity == "error" else "text-warning"]
            table.add_row(
                Text(problem.severity, style=style),
                Text(one_line(_where(problem.path))),
                Text(str(problem.line or "")),
                Text(one_line(problem.clause or "")),
                Text(one_line(_message(problem))),
            )
        table.focus()

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        """Show the highlighted problem whole: where it is, and its message wrapped."""
        problem = self.problems[event.cursor_row]
        where = ":".join(
            part for part in (_where(problem.path), str(problem.line or ""), problem.clause) if part
        )
        detail = Text(one_line(where), style="bold")
        detail.append("  " + one_line(_message(problem)))
        self.query_one("#problem-detail", Static).update(detail)

    def action_close(self) -> None:
        self.dismiss(None)
