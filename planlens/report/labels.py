"""Change-class labels, glyphs, meanings and styles shared by every report format."""

from __future__ import annotations

from dataclasses import dataclass

from planlens.comparison.labels import CHANGE_LABELS, CHANGE_MARKS
from planlens.comparison.model import CHANGE_CLASSES, ChangeClass


@dataclass(frozen=True)
class ChangeLabel:
    """How one change class is shown."""

    label: str
    """A short word or two for tables and badges (`planlens.comparison.labels.CHANGE_LABELS`)."""
    glyph: str
    """A one- or two-character mark for dense matrices (`comparison.labels.CHANGE_MARKS`)."""
    meaning: str
    """One line for legends."""
    style: str
    """Rich style for the terminal."""


_MEANINGS: dict[ChangeClass, tuple[str, str]] = {
    "unchanged": ("same text, same place, same number", "dim"),
    "reworded": ("small edits to the wording", "cyan"),
    "modified": ("a figure changed, or over a third of the words did", "yellow"),
    "moved": ("same text; its place among the others changed", "blue"),
    "renumbered": ("same text under another number", "blue"),
    "split": ("one provision became several", "magenta"),
    "merged": ("several provisions became one", "magenta"),
    "added": ("only the later version has it", "green"),
    "removed": ("the later version, fully known, lacks it", "red"),
    "removed-reported": ("the later version is reported to have dropped it", "red"),
    "unknown": ("the version lacking it is known only in part: it may still have it", "yellow"),
}

LABELS: dict[ChangeClass, ChangeLabel] = {
    change: ChangeLabel(CHANGE_LABELS[change], CHANGE_MARKS[change], *_MEANINGS[change])
    for change in CHANGE_CLASSES
}
"""Every change class, in `CHANGE_CLASSES` order; words and marks from `comparison.labels`."""

DELETE_MARKS = ("[-", "-]")
"""How a deletion is marked in plain text (wdiff style)."""
INSERT_MARKS = ("{+", "+}")
"""How an insertion is marked in plain text (wdiff style)."""


def label(change: ChangeClass) -> str:
    """The short label of a change class."""
    return LABELS[change].label


def glyph(change: ChangeClass) -> str:
    """The one-character glyph of a change class."""
    return LABELS[change].glyph


def completeness(complete: bool) -> str:
    """How much of a version is known, in words."""
    return "complete" if complete else "partly known"
