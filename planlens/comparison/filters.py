"""Filters of a `Comparison`: the one rule for which rows a view keeps.

`compare()` applies them when asked, the terminal UI applies them to the comparison it shows,
and an export writes `filtered(shown, ...)`: every view keeps the same rows for the same
filter, and none has to compare again to filter.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass, field

from planlens.comparison.model import (
    CHANGE_CLASSES,
    ChangeClass,
    Comparison,
    PairSummary,
    Row,
)
from planlens.corpus.address import row_addresses


@dataclass(frozen=True)
class RowFilter:
    """Which provisions to keep: by topic, by change class, and whether unchanged ones show."""

    topic: str | None = None
    """Only rows about this topic, or rows about any topic."""
    classes: frozenset[ChangeClass] = field(default_factory=frozenset)
    """Only rows where some pair has one of these change classes; empty: any class."""
    changed_only: bool = False
    """Leave out rows unchanged in every pair (a row with no pair counts as unchanged)."""

    @classmethod
    def of(
        cls,
        topic: str | None = None,
        classes: Collection[ChangeClass] | None = None,
        changed_only: bool = False,
    ) -> RowFilter:
        """A filter from the optional arguments of `compare()` and the CLI."""
        return cls(topic, frozenset(classes or ()), changed_only)

    @property
    def active(self) -> bool:
        """True when the filter leaves some row out (of some comparison)."""
        return self.topic is not None or bool(self.classes) or self.changed_only

    def keeps(self, row: Row) -> bool:
        """True when `row` passes every part of the filter."""
        if self.topic is not None and self.topic not in row.topics:
            return False
        changes = [pair.change for pair in row.pairs]
        if self.changed_only and all(change == "unchanged" for change in changes):
            return False
        return not self.classes or any(change in self.classes for change in changes)


def filtered(comparison: Comparison, row_filter: RowFilter) -> Comparison:
    """`comparison` with only the rows `row_filter` keeps, renumbered, and counts over them.

    Omissions stay listed (a reader may still cite them), except those about another topic
    under a topic filter; those whose row was left out point at no row. The options record the
    filter, so a report says what it leaves out.
    """
    if not row_filter.active:
        return comparison
    kept = [row for row in comparison.rows if row_filter.keeps(row)]
    position = {row.index: n for n, row in enumerate(kept)}
    omissions = [
        o.model_copy(update={"row": position.get(o.row) if o.row is not None else None})
        for o in comparison.omissions
        if row_filter.topic is None or row_filter.topic in o.topics
    ]
    rows = [
        row.model_copy(update={"index": n, "omissions": [o for o in omissions if o.row == n]})
        for n, row in enumerate(kept)
    ]
    used_topics = {topic for row in rows for topic in row.topics}
    classes = sorted(row_filter.classes, key=CHANGE_CLASSES.index) if row_filter.classes else None
    return comparison.model_copy(
        update={
            "rows": rows,
            "clauses": {
                a: comparison.clauses[a] for row in rows for a in row_addresses(row.clauses)
            },
            "omissions": omissions,
            "summary": [summarise(rows, a, b) for a, b in comparison.pairs],
            "topic_labels": {
                t: label for t, label in comparison.topic_labels.items() if t in used_topics
            },
            "options": comparison.options.model_copy(
                update={
                    "topic": row_filter.topic,
                    "changed_only": row_filter.changed_only,
                    "classes": classes,
                }
            ),
        }
    )


def summarise(rows: Sequence[Row], a: str, b: str) -> PairSummary:
    """Counts for the pair (a, b) over `rows`: per change class, per topic, and figures."""
    changes: dict[ChangeClass, int] = dict.fromkeys(CHANGE_CLASSES, 0)
    topics: dict[str, dict[ChangeClass, int]] = {}
    figures = 0
    for row in rows:
        for diff in row.pairs:
            if (diff.a, diff.b) != (a, b):
                continue
            changes[diff.change] += 1
            figures += len(diff.figures)
            for topic in row.topics:
                per_topic = topics.setdefault(topic, {})
                per_topic[diff.change] = per_topic.get(diff.change, 0) + 1
    return PairSummary.model_construct(
        a=a, b=b, changes=changes, topics=dict(sorted(topics.items())), figures=figures
    )
