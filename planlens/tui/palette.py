"""How change classes, diff spans and version badges look: marks, words and theme styles.

Styles are Textual style strings built only from theme variables (`$text-error`,
`on $success-muted`), so every theme colours them; the marks and words come from
`comparison.labels`, shared with the reports, so `?` (unknown) never looks like `-` (removed).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from planlens.comparison.model import ChangeClass, SpanOp
    from planlens.corpus.model import Plan

CLASS_STYLES: dict[ChangeClass, str] = {
    "unchanged": "$text-muted",
    "reworded": "$text-secondary",
    "modified": "$text-accent",
    "moved": "$text-primary",
    "renumbered": "$text-primary",
    "split": "$text-secondary",
    "merged": "$text-secondary",
    "added": "$text-success",
    "removed": "$text-error",
    "removed-reported": "$text-error italic",
    "unknown": "$text-warning italic",
}
"""Foreground style per change class. Unknown is italic and warning-coloured, never error red."""

SPAN_STYLES: dict[SpanOp, str] = {
    "equal": "",
    "delete": "$text-error on $error-muted strike",
    "insert": "$text-success on $success-muted underline",
}
"""Word-diff spans: deletions struck through on red, insertions underlined on green."""

PRESENT_MARK = "●"
"""Cell mark of a version compared with no other (the reference) that has the provision."""
ABSENT_MARK = "·"
"""Cell mark of a version that has no clause in the row and no change to report."""

BRAND = "bold $text-accent"
"""The app's name at the start of the status line."""
MUTED = "$text-muted"
TITLE = "bold"
HEADING = "bold $text"
BRACKETED = "$text-secondary italic"
SEARCH_HIT = "reverse"
WARNING = "$text-warning"
PLACEHOLDER: dict[ChangeClass, str] = {
    "removed": "$text-error italic",
    "removed-reported": "$text-error italic",
    "unknown": "$text-warning italic",
    "added": "$text-muted italic",
    "split": "$text-muted italic",
    "merged": "$text-muted italic",
}
"""Style of the text that stands in for a missing side, by the pair's change class."""


def mark(change: ChangeClass) -> str:
    """The short mark of a change class (`*`, `+`, `-`, `-?`, `?` …)."""
    # Imported here: `comparison.labels` loads the pydantic models, which the first frame (the
    # start screen, which uses this module) must not wait for.
    from planlens.comparison.labels import CHANGE_MARKS

    return CHANGE_MARKS[change]


def word(change: ChangeClass) -> str:
    """The change class written out for readers (`removed (reported)`)."""
    from planlens.comparison.labels import CHANGE_LABELS

    return CHANGE_LABELS[change]


def badges(plan: Plan) -> list[tuple[str, str]]:
    """Badges for a version header: how its text is known, each with a style.

    A version known only from reports, or only in part, gets a warning badge, so nobody
    reads its missing provisions as removed.
    """
    out: list[tuple[str, str]] = [(plan.status, WARNING if plan.status == "reported" else MUTED)]
    out.append((plan.fidelity, MUTED))
    out.append(("complete", MUTED) if plan.complete else ("partial", WARNING))
    return out
