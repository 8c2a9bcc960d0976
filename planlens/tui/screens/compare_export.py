"""Exporting the compare view as a report: the dialog collects a format and a path, a worker
writes the report of the versions and filters shown through `planlens.report`, the writer the
CLI uses.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on, work

from planlens.errors import PlanlensError
from planlens.tui.failures import internal_error
from planlens.tui.messages import ReportFailed, ReportWritten
from planlens.tui.plain import tell
from planlens.tui.screens.compare_base import CompareBase
from planlens.tui.status import status_content

if TYPE_CHECKING:
    from planlens.comparison.model import Comparison
    from planlens.tui.screens.export import ExportRequest
    from planlens.tui.state import ViewState


class ExportActions(CompareBase):
    """Writing the report of what the view shows: its versions, topic and classes filters."""

    def action_export(self) -> None:
        from planlens.report import FORMATS
        from planlens.tui.screens.export import ExportScreen

        if self.comparison is None:
            return
        stem = "-vs-".join(self.view.plan_ids) if len(self.view.plan_ids) <= 3 else "matrix"
        summary = status_content(
            self.view, self.comparison, len(self.table.shown_rows), brand=False
        )
        view, comparison = self.view, self.comparison

        def chosen(request: ExportRequest | None) -> None:
            if request is not None:
                self.write_export(request, view, comparison)

        self.app.push_screen(ExportScreen(FORMATS, stem, summary), chosen)

    @work(exclusive=True, thread=True, group="export", exit_on_error=False)
    def write_export(self, request: ExportRequest, view: ViewState, shown: Comparison) -> None:
        """Write the report of `view` (`shown` is its unfiltered comparison), off the UI thread."""
        from planlens.comparison.filters import filtered
        from planlens.report import write_report

        try:
            path = write_report(filtered(shown, view.row_filter), request.fmt, request.path)
        except (PlanlensError, OSError) as exc:
            self.post_message(ReportFailed(str(exc)))
            return
        except Exception as exc:  # logged with its traceback, shown to the user
            self.post_message(ReportFailed(internal_error(self.app, exc, "writing the report")))
            return
        self.post_message(ReportWritten(path))

    @on(ReportWritten)
    def report_written(self, message: ReportWritten) -> None:
        tell(self, str(message.path), title="Report written")

    @on(ReportFailed)
    def report_failed(self, message: ReportFailed) -> None:
        tell(self, message.error[:400], title="Export failed", severity="error", timeout=10)
