"""Words and short marks for change classes, shared by every renderer."""

from __future__ import annotations

from planlens.comparison.model import ChangeClass

CHANGE_LABELS: dict[ChangeClass, str] = {
    "unchanged": "unchanged",
    "reworded": "reworded",
    "modified": "modified",
    "moved": "moved",
    "renumbered": "renumbered",
    "split": "split",
    "merged": "merged",
    "added": "added",
    "removed": "removed",
    "removed-reported": "removed (reported)",
    "unknown": "unknown",
}
"""How each change class is written out for readers."""

CHANGE_MARKS: dict[ChangeClass, str] = {
    "unchanged": "=",
    "reworded": "~",
    "modified": "*",
    "moved": "↕",
    "renumbered": "#",
    "split": "<",
    "merged": ">",
    "added": "+",
    "removed": "-",
    "removed-reported": "-?",
    "unknown": "?",
}
"""One- or two-character marks for dense tables; `?` (unknown) is never `-` (removed)."""
