"""The history view (`h`): the provision under the cursor through every version, in date order.

A thread worker calls the core's `history()` (every version aligned at once) and posts
`HistoryReady`; the handler draws it. Each version shows its clause(s) — alternatives apart —
with the word diff against the previous version that has the provision, or why it has none.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from planlens.errors import PlanlensError
from planlens.safe import one_line, visible
from planlens.tui import palette
from planlens.tui.messages import HistoryFailed, HistoryReady

if TYPE_CHECKING:
    from planlens.comparison.history import History, HistoryClause, HistoryEntry
    from planlens.comparison.model import SpanInfo
    from planlens.corpus.load import Corpus

Parts = list[str | tuple[str, str]]

ABSENT_WORDS = {
    "merged": ("in a clause that holds other provisions too (split or merged)", palette.MUTED),
    "absent": ("not in this version (fully known)", palette.MUTED),
    "unknown": ("? unknown: this version is known only in part", palette.CLASS_STYLES["unknown"]),
    "removed-reported": ("-? removed (reported)", palette.CLASS_STYLES["removed-reported"]),
}


def diff_parts(spans: Sequence[SpanInfo]) -> Parts:
    """A word diff in one text: deletions struck, insertions underlined, as the compare view.

    A deletion that runs straight into an insertion ("600,000" then "800,000") gets a space
    between them, so that the two never read as one word ("600,000800,000").
    """
    parts: Parts = []
    previous: SpanInfo | None = None
    for span in spans:
        if (
            previous is not None
            and {previous.op, span.op} == {"delete", "insert"}
            and previous.text[-1:].strip()
            and span.text[:1].strip()
        ):
            parts.append(" ")
        parts.append((visible(span.text), palette.SPAN_STYLES[span.op]))
        previous = span
    return parts


def clause_parts(entry: HistoryEntry, clause: HistoryClause) -> Parts:
    """One clause: address, confidence, alternative mark, title; its diff or text; note."""
    parts: Parts = [("  " + visible(clause.address), "bold $text-accent")]
    parts.append((f"  {clause.confidence}", palette.MUTED))
    if clause.bracketed:
        parts.append(("  [bracketed alternative]", palette.BRACKETED))
    if clause.title:
        parts.append(f"  {one_line(clause.title)}")
    parts.append("\n    ")
    if clause.spans and any(span.op != "equal" for span in clause.spans):
        parts.append((f"changes from {entry.compared_with}: ", palette.MUTED))
        parts += diff_parts(clause.spans)
    else:
        if clause.spans:
            parts.append((f"unchanged from {entry.compared_with}: ", palette.MUTED))
        parts.append(visible(clause.text))
    if clause.terms:
        figures = "; ".join(f"{k} {v}" for k, v in clause.terms.items())
        parts.append(("\n    figures: ", palette.MUTED))
        parts.append(visible(figures))
    if clause.note:
        parts.append(("\n    note: ", palette.MUTED))
        parts.append((visible(clause.note), "italic"))
    parts.append("\n")
    return parts


def entry_parts(entry: HistoryEntry) -> Parts:
    """One version's part of the history."""
    parts: Parts = [(visible(entry.label), palette.HEADING), (f"  {entry.date}", palette.MUTED)]
    if entry.state != "present":
        words, style = ABSENT_WORDS[entry.state]
        parts.append((f"  {words}", style))
    parts.append("\n")
    if entry.omission is not None:
        parts.append("    " + visible(entry.omission.note))
        parts.append((f" ({entry.omission.confidence}", palette.MUTED))
        source = entry.omission.source
        parts.append((f"; {visible(source)})" if source else ")", palette.MUTED))
        parts.append("\n")
    for clause in entry.clauses:
        parts += clause_parts(entry, clause)
    parts.append("\n")
    return parts


def history_content(story: History) -> Content:
    """The whole history as one `Content`: data never read as markup."""
    parts: Parts = [
        (f"{visible(story.address)}  {one_line(story.title)}\n", palette.TITLE),
        (f"topics: {', '.join(story.topics) or '·'}\n\n", palette.MUTED),
    ]
    for entry in story.versions:
        parts += entry_parts(entry)
    return Content.assemble(*parts)


class HistoryScreen(ModalScreen[None]):
    """One provision through every version."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape,h", "close", "Close")]

    def __init__(self, corpus: Corpus, address: str) -> None:
        super().__init__()
        self.corpus = corpus
        """The versions."""
        self.address = address
        """The clause whose provision is shown."""
        self.history: History | None = None
        """The history, once computed."""

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide", id="history-dialog"):
            yield Static(
                Content(f"History of {one_line(self.address)} across every version"),
                classes="dialog-title",
            )
            with VerticalScroll(id="history-scroll"):
                yield Static(Content("Aligning every version…"), id="history-body")
            yield Static(Content("↑↓ PgUp PgDn: scroll · esc / h: close"), classes="dialog-hint")

    def on_mount(self) -> None:
        self.query_one("#history-scroll").focus()
        self.compute()

    @work(exclusive=True, thread=True, group="history", exit_on_error=False)
    def compute(self) -> None:
        """Align every version and trace the provision, off the UI thread."""
        from planlens.comparison.history import history

        try:
            self.post_message(HistoryReady(history(self.corpus, self.address)))
        except PlanlensError as exc:
            self.post_message(HistoryFailed(str(exc)))
        except Exception as exc:  # shown to the user, never lost
            self.post_message(HistoryFailed(f"internal error: {type(exc).__name__}: {exc}"))

    @on(HistoryReady)
    def show_history(self, message: HistoryReady) -> None:
        self.history = message.history
        self.query_one("#history-body", Static).update(history_content(message.history))

    @on(HistoryFailed)
    def show_failure(self, message: HistoryFailed) -> None:
        self.query_one("#history-body", Static).update(Content(message.error))

    def action_close(self) -> None:
        self.dismiss(None)
