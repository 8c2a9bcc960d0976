"""The export dialog: choose a report format and a path; the caller writes the report.

It only collects choices (Harlequin's pattern): the compare screen hands them to
`planlens.report.write_report`, the same writer the CLI uses.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Input, RadioButton, RadioSet, Static

from planlens.report import ReportFormat
from planlens.tui.plain import literal
from planlens.tui.screens.confirm import ConfirmScreen


@dataclass(frozen=True)
class ExportRequest:
    """What to write, and where."""

    fmt: str
    """A format name from `FORMATS`."""
    path: Path
    """The file to write (may exist: the user agreed to overwrite it)."""


def default_path(stem: str, fmt: ReportFormat) -> str:
    """`./planlens-us-28-vs-ua-20.html` and the like."""
    return f"./planlens-{stem}{fmt.extension}"


def path_problem(text: str) -> str | None:
    """Why `text` cannot be written to, or None when it can (it may exist)."""
    if not text.strip():
        return "Give a file name."
    path = Path(text).expanduser()
    if path.is_dir():
        return f"{path} is a directory; give a file name."
    if not path.parent.is_dir():
        return f"The directory {path.parent} does not exist."
    return None


class ExportScreen(ModalScreen[ExportRequest | None]):
    """Choose a format and a file for the report of the current view."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel"),
        Binding("up", "step_format(-1)", "Previous format", show=False),
        Binding("down", "step_format(1)", "Next format", show=False),
    ]

    def __init__(self, formats: Mapping[str, ReportFormat], stem: str, summary: Content) -> None:
        super().__init__()
        self.formats = dict(formats)
        """The report formats, by name (from the registry)."""
        self.stem = stem
        """The default file name without extension."""
        self.summary = summary
        """What will be exported: versions and filters."""
        self._default = ""

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(Content("Export the current view"), classes="dialog-title")
            yield Static(self.summary, id="export-summary")
            if not self.formats:
                yield Static(
                    Content("No report format is available in this build of planlens."),
                    classes="error",
                )
            else:
                with RadioSet(id="export-format"):
                    for n, fmt in enumerate(self.formats.values()):
                        label = Content(f"{fmt.name:<5} {fmt.description}")
                        yield RadioButton(label, value=n == 0, name=fmt.name)
                first = next(iter(self.formats.values()))
                self._default = default_path(self.stem, first)
                # Not selected on focus: a space or an arrow key would replace the whole name.
                yield Input(value=self._default, id="export-path", select_on_focus=False)
                yield Static(
                    Content("↑ ↓: format · type the file name · enter: export · esc: cancel"),
                    classes="dialog-hint",
                    id="export-hint",
                )
            yield Static("", id="export-error", classes="error")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Export", variant="primary", id="export", disabled=not self.formats)
                yield Button("Cancel", id="cancel")

    def on_mount(self) -> None:
        if self.formats:
            path_input = self.query_one("#export-path", Input)
            path_input.focus()
            path_input.cursor_position = len(path_input.value)

    def action_step_format(self, step: int) -> None:
        """Choose the next (or previous) format, whichever field has the focus."""
        if not self.formats:
            return
        buttons = list(self.query(RadioButton))
        current = self.query_one(RadioSet).pressed_index
        buttons[(max(current, 0) + step) % len(buttons)].value = True

    @property
    def chosen_format(self) -> ReportFormat | None:
        """The format whose radio button is on."""
        if not self.formats:
            return None
        pressed = self.query_one(RadioSet).pressed_button
        name = pressed.name if pressed is not None else None
        return self.formats.get(name or "", next(iter(self.formats.values())))

    def on_radio_set_changed(self, event: RadioSet.Changed) -> None:
        path_input = self.query_one("#export-path", Input)
        fmt = self.chosen_format
        if fmt is not None and path_input.value == self._default:
            self._default = default_path(self.stem, fmt)
            path_input.value = self._default

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.submit()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "export":
            self.submit()
        else:
            self.dismiss(None)

    def submit(self) -> None:
        """Check the path, ask before overwriting, then dismiss with the request."""
        fmt = self.chosen_format
        if fmt is None:
            return
        text = self.query_one("#export-path", Input).value
        problem = path_problem(text)
        if problem is not None:
            self.query_one("#export-error", Static).update(Content(problem))
            return
        request = ExportRequest(fmt.name, Path(text).expanduser())
        if request.path.exists():

            def overwrite(answer: bool | None) -> None:
                if answer:
                    self.dismiss(request)

            question = literal(f"{request.path} already exists. Overwrite it?")
            self.app.push_screen(ConfirmScreen(question, yes="Overwrite"), overwrite)
            return
        self.dismiss(request)

    def action_cancel(self) -> None:
        self.dismiss(None)
