"""View state of the compare screen, kept out of widgets: which versions, which filters.

Pure functions over a `Corpus` and a `Comparison`: the default pair, cycling versions, the rows
a filter keeps, the next change, search hits and address look-ups. No Textual here, so every
rule is unit-testable.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from planlens.comparison.filters import RowFilter
from planlens.comparison.key_changes import topic_groups
from planlens.comparison.model import ChangeClass, Comparison, Row
from planlens.comparison.pairs import reference_pairs
from planlens.corpus.load import Corpus

DEFAULT_BASE = "us-28"
"""The version compared by default, against the newest version derived from it."""


@dataclass(frozen=True)
class ViewState:
    """What the compare view shows: the versions and the filters."""

    plan_ids: tuple[str, ...]
    """The versions shown, left to right (two: side by side; more: the matrix)."""
    topic: str | None = None
    """Only rows about this topic, or all rows."""
    classes: frozenset[ChangeClass] = field(default_factory=frozenset)
    """Only rows with one of these change classes in some pair; empty: all classes."""
    hide_unchanged: bool = False
    """Leave out rows unchanged in every pair."""
    by_topic: bool = False
    """Rows grouped by topic (`key_changes.topic_groups`), not in the reference's order."""
    reference: str | None = None
    """The version every other one is compared with; None: each with its nearest ancestor
    among those shown, else the first (the left one, for two)."""

    @property
    def row_filter(self) -> RowFilter:
        """The core's filter for these choices: the rule every view and report applies."""
        return RowFilter(self.topic, self.classes, self.hide_unchanged)

    @property
    def filtered(self) -> bool:
        """True when some filter hides rows."""
        return self.row_filter.active

    def without_filters(self) -> ViewState:
        """The same versions with every filter off."""
        return replace(self, topic=None, classes=frozenset(), hide_unchanged=False)


def expected_pairs(corpus: Corpus, view: ViewState) -> list[tuple[str, str]]:
    """The (reference, version) pairs a comparison of `view`'s versions should have."""
    return reference_pairs([corpus.plan(pid) for pid in view.plan_ids], view.reference)


def default_plan_ids(corpus: Corpus) -> tuple[str, ...]:
    """The versions shown on start.

    `us-28` against the newest version derived from it that has clauses; otherwise the first
    two versions with clauses (or simply the first two, or the only one).
    """
    if DEFAULT_BASE in corpus.ids:
        derived = [p for p in corpus.plans if DEFAULT_BASE in p.plan.based_on and p.clauses]
        if derived:
            newest = max(derived, key=lambda p: (p.plan.date, p.id))
            return (DEFAULT_BASE, newest.id)
    with_text = [p.id for p in corpus.plans if p.clauses]
    if len(with_text) >= 2:
        return tuple(with_text[:2])
    return tuple(corpus.ids[:2])


def resolve_plan_ids(corpus: Corpus, plan_ids: Sequence[str] | None) -> tuple[str, ...]:
    """The versions to show for `plan_ids` asked for: two as given, more in corpus order.

    Each is an id or a label (`Corpus.resolve`). None or empty: `default_plan_ids`. Raises
    `UnknownPlanError` for a name that fits no version.
    """
    if not plan_ids:
        return default_plan_ids(corpus)
    chosen = tuple(dict.fromkeys(corpus.resolve(name) for name in plan_ids))
    return chosen if len(chosen) <= 2 else in_corpus_order(corpus, chosen)


def cycle_version(
    all_ids: Sequence[str], shown: Sequence[str], slot: int, step: int
) -> tuple[str, ...]:
    """`shown` with the version in `slot` replaced by the next one (by `step`) not shown yet."""
    current = tuple(shown)
    if not current or len(all_ids) <= len(current):
        return current
    slot %= len(current)
    start = all_ids.index(current[slot]) if current[slot] in all_ids else 0
    others = set(current) - {current[slot]}
    for offset in range(1, len(all_ids) + 1):
        candidate = all_ids[(start + step * offset) % len(all_ids)]
        if candidate not in others and candidate != current[slot]:
            return (*current[:slot], candidate, *current[slot + 1 :])
    return current


def in_corpus_order(corpus: Corpus, plan_ids: Sequence[str]) -> tuple[str, ...]:
    """`plan_ids` sorted as the corpus orders versions (by date, then id)."""
    chosen = set(plan_ids)
    return tuple(pid for pid in corpus.ids if pid in chosen)


def row_classes(row: Row) -> list[ChangeClass]:
    """The change class of each compared pair in the row."""
    return [pair.change for pair in row.pairs]


_CHANGED = RowFilter(changed_only=True)


def is_change(row: Row) -> bool:
    """True unless the row is unchanged in every pair (what `n` stops at): the rows the core's
    changed-only filter keeps."""
    return _CHANGED.keeps(row)


def visible_rows(comparison: Comparison, state: ViewState) -> list[int]:
    """Indices of the rows the filters keep, in display order (grouped by topic if asked)."""
    keeps = state.row_filter.keeps
    kept = [row.index for row in comparison.rows if keeps(row)]
    if not state.by_topic:
        return kept
    order = {
        index: n for n, index in enumerate(i for g in topic_groups(comparison) for i in g.rows)
    }
    return sorted(kept, key=order.__getitem__)


def class_counts(comparison: Comparison) -> dict[ChangeClass, int]:
    """Rows having each change class in at least one pair."""
    counts: dict[ChangeClass, int] = {}
    for row in comparison.rows:
        for change in set(row_classes(row)):
            counts[change] = counts.get(change, 0) + 1
    return counts


def topic_counts(comparison: Comparison) -> dict[str, int]:
    """Rows about each topic."""
    counts: dict[str, int] = {}
    for row in comparison.rows:
        for topic in row.topics:
            counts[topic] = counts.get(topic, 0) + 1
    return counts
