"""Reviewing links under the details pane: suggested counterparts, pinning, rejecting, undo.

`LinkReview` lists what an editor can act on in the selected row (`authoring.review.row_items`):
the row's links, asserted in the files or found by the aligner, and for a clause left without a
counterpart the candidates `align --suggest` finds, with their scores and shared topics. It owns
its behaviour: it computes the suggestions and writes the edits in workers (the core's
`edit_links.apply`, then the plans read again), keeps the session's undo stack, and posts
`Edited` so the screen re-compares with the new plans. Plan text is shown as `Content`, never
markup.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar, cast

from textual import events, on, work
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from planlens.errors import PlanlensError
from planlens.tui.plain import tell
from planlens.tui.widgets.review_lines import caption, item_content

if TYPE_CHECKING:
    from planlens.authoring.edit_links import Applied, Change
    from planlens.authoring.review import ReviewItem
    from planlens.comparison.model import Comparison
    from planlens.comparison.suggest import Suggestion
    from planlens.corpus.load import Corpus
    from planlens.tui.app import PlanlensApp

CACHED_SUGGESTIONS = 16
"""Comparisons whose suggestions are kept, so switching back to a pair is instant."""


def _has_lone_clause(comparison: Comparison, row_index: int) -> bool:
    """True when the row holds a clause of one version only (as `suggest.lone_clauses` sees)."""
    if row_index >= len(comparison.rows):
        return False
    row = comparison.rows[row_index]
    return sum(1 for ids in row.clauses.values() if ids) == 1 and not row.secondary


class LinkReview(ScrollView, can_focus=True):
    """The selected row's links and suggested counterparts, and the keys that edit them.

    A line-API widget of fixed height, like the details pane: showing another row redraws it
    without a layout pass of the screen, so moving the cursor in the table stays fast.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up", "move(-1)", "Previous item", show=False),
        Binding("down", "move(1)", "Next item", show=False),
        Binding("enter", "accept", "Accept or pin", show=False),
    ]

    @dataclass
    class SuggestionsReady(Message):
        """The suggestions of a comparison, computed by a worker."""

        comparison: Comparison
        """The comparison they were computed for."""
        suggestions: Sequence[Suggestion]
        """Its suggestions."""

    @dataclass
    class Edited(Message):
        """An edit was written and the plans were read again."""

        corpus: Corpus
        """The plans as they now are."""
        applied: Sequence[Applied]
        """What was written."""
        undo: bool
        """True when the edit undid an earlier one."""

    @dataclass
    class EditFailed(Message):
        """An edit could not be written (nothing was changed)."""

        error: str
        """Why, for the user."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.history: list[list[Change]] = []
        """Edits made this session, last last; `undo` reverses the last."""
        self.items: list[ReviewItem] = []
        """What the selected row offers."""
        self.busy = False
        """True while an edit is being written."""
        self.suggested = False
        """True while the row shown has suggested counterparts."""
        self.cursor = 0
        """The index of the item the keys act on."""
        self._lines: list[Content] = []
        self._comparison: Comparison | None = None
        self._row: int | None = None
        self._suggestions: dict[int, tuple[Comparison, Sequence[Suggestion] | None]] = {}
        """Suggestions by comparison (its id; the comparison is kept so the id stays its own);
        None while a worker computes them."""
        self._drawn = False

    @property
    def planlens(self) -> PlanlensApp:
        """The app, typed."""
        return cast("PlanlensApp", self.app)

    # -- showing -------------------------------------------------------------------------------

    def show(self, comparison: Comparison | None, row: int | None) -> None:
        """Show what `row` of `comparison` offers; compute the suggestions first if needed."""
        self._comparison, self._row = comparison, row
        if (
            comparison is not None
            and row is not None
            and id(comparison) not in self._suggestions
            and _has_lone_clause(comparison, row)
        ):
            # Only once a row needs them: most rows of most comparisons do not.
            self._suggestions[id(comparison)] = (comparison, None)
            while len(self._suggestions) > CACHED_SUGGESTIONS:
                self._suggestions.pop(next(iter(self._suggestions)))
            self.find_suggestions(comparison)
        if self._drawn:
            self._render_items()
        else:
            # The first lines come a frame after the table's first rows: the import of the
            # editing side of the core (the authoring package, tomlkit) must not delay them.
            self._drawn = True
            self.call_after_refresh(self._render_items)

    def _current_suggestions(self) -> Sequence[Suggestion]:
        if self._comparison is None:
            return ()
        return self._suggestions.get(id(self._comparison), (self._comparison, None))[1] or ()

    @work(
        exclusive=True,
        thread=True,
        group="suggest",
        exit_on_error=False,
        description="find suggestions",  # not the repr of a whole comparison
    )
    def find_suggestions(self, comparison: Comparison) -> None:
        """Compute the suggestions of `comparison`, off the UI thread."""
        from planlens.comparison.suggest import suggest

        try:
            plans = [self.planlens.corpus.plan(plan.id) for plan in comparison.plans]
            suggestions = suggest(plans, comparison)
        except Exception as exc:  # shown to the user, never lost
            message = f"Could not find suggestions: {type(exc).__name__}: {exc}"
            self.app.call_from_thread(self.notify, message, severity="error")
            return
        self.post_message(self.SuggestionsReady(comparison, suggestions))

    @on(SuggestionsReady)
    def _suggestions_ready(self, message: SuggestionsReady) -> None:
        message.stop()
        self._suggestions[id(message.comparison)] = (message.comparison, message.suggestions)
        if message.comparison is self._comparison:
            self._render_items()

    def _render_items(self) -> None:
        from planlens.authoring.review import row_items

        comparison, row = self._comparison, self._row
        previous = self.selected
        if comparison is None or row is None or row >= len(comparison.rows):
            self.items = []
        else:
            self.items = row_items(comparison, self._current_suggestions(), row)
        self.cursor = self.items.index(previous) if previous in self.items else 0
        suggested = sum(item.kind == "suggested" for item in self.items)
        if bool(suggested) != self.suggested:
            self.suggested = bool(suggested)
            self.screen.refresh_bindings()
        self._lines = [caption(self.items), *(item_content(item) for item in self.items)]
        self._draw()

    @property
    def selected(self) -> ReviewItem | None:
        """The item the keys act on."""
        return self.items[self.cursor] if self.cursor < len(self.items) else None

    def action_move(self, step: int) -> None:
        """Select the next or previous item."""
        if self.items:
            self.cursor = max(0, min(len(self.items) - 1, self.cursor + step))
            self._scroll_to_line(self.cursor + 1)
            self.refresh()

    def action_accept(self) -> None:
        """Accept or pin the selected item."""
        self.accept()

    def on_click(self, event: events.Click) -> None:
        index = round(self.scroll_offset.y) + event.y - 1
        if 0 <= index < len(self.items):
            self.cursor = index
            self.refresh()

    def on_focus(self) -> None:
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()

    def _scroll_to_line(self, line: int) -> None:
        height = self.scrollable_content_region.height
        top = round(self.scroll_offset.y)
        if line < top:
            self.scroll_to(0, line, animate=False, immediate=True)
        elif height and line >= top + height:
            self.scroll_to(0, line - height + 1, animate=False, immediate=True)

    def _draw(self) -> None:
        size = Size(self.scrollable_content_region.width, len(self._lines))
        if size != self.virtual_size:
            self.virtual_size = size
        self._scroll_to_line(self.cursor + 1)
        self.refresh()

    def render_line(self, y: int) -> Strip:
        base = self.visual_style
        index = round(self.scroll_offset.y) + y
        width = self.scrollable_content_region.width
        if index >= len(self._lines):
            return Strip.blank(width, base.rich_style)
        line = self._lines[index]
        if index == self.cursor + 1:
            marker = "▶ " if self.has_focus else "› "
            line = Content.assemble((marker, "bold $text-accent"), line)
        elif index:
            line = Content.assemble("  ", line)
        segments = line.render_segments(base)
        return Strip(segments).extend_cell_length(width, base.rich_style).crop(0, width)

    # -- editing -------------------------------------------------------------------------------

    def accept(self) -> None:
        """Pin the selected suggestion or found link as an asserted link."""
        self._edit(accept=True)

    def reject(self) -> None:
        """Reject the selected suggestion, or unpin the selected asserted link."""
        self._edit(accept=False)

    def undo(self) -> None:
        """Reverse the last edit of the session."""
        if not self.history:
            tell(self, "Nothing to undo.")
            return
        changes = self.history.pop()
        self.write([change.inverse() for change in reversed(changes)], undo=True)

    def _edit(self, accept: bool) -> None:
        from planlens.authoring.review import item_changes

        item = self.selected
        if item is None:
            tell(self, "No link or suggestion here.", severity="warning")
            return
        try:
            changes = item_changes(self.planlens.corpus, item, accept)
        except PlanlensError as exc:
            tell(self, str(exc), severity="warning")
            return
        self.write(changes, undo=False)

    def write(self, changes: list[Change], undo: bool) -> None:
        """Write `changes` unless an edit is being written (each edit sees the one before)."""
        if self.busy:
            tell(self, "Still writing the last edit.", severity="warning")
            if undo:
                self.history.append([change.inverse() for change in reversed(changes)])
            return
        self.busy = True
        self._write(changes, undo)

    @work(thread=True, group="edit-links", exit_on_error=False, description="write a link edit")
    def _write(self, changes: list[Change], undo: bool) -> None:
        """Write `changes` into the plan files and read the plans again, off the UI thread."""
        from planlens.authoring.edit_links import apply, reload_corpus

        corpus = self.planlens.corpus
        try:
            applied = apply(corpus, changes)
        except Exception as exc:  # shown to the user, never lost
            if undo:  # keep the edit on the stack, as it still stands
                undone = [change.inverse() for change in reversed(changes)]
                self.app.call_from_thread(self.history.append, undone)
            error = str(exc) if isinstance(exc, PlanlensError) else f"internal error: {exc!r}"
            self.post_message(self.EditFailed(error))
            return
        try:
            fresh = reload_corpus(corpus)
        except Exception as exc:
            self.post_message(self.EditFailed(f"written, but reading the plans failed: {exc!r}"))
            return
        self.post_message(self.Edited(fresh, applied, undo))

    @on(EditFailed)
    def _failed(self, message: EditFailed) -> None:
        self.busy = False

    @on(Edited)
    def _edited(self, message: Edited) -> None:
        self.busy = False
        if not message.undo:
            self.history.append([entry.change for entry in message.applied])
