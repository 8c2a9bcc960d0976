"""What a reader must see first: the key changes of a comparison, and its provisions by topic.

`key_changes()` reads a `Comparison` once and lists, for every compared pair, the figure
changes, then the provisions added, removed and reported removed, each with its note — every
report opens with them. `topic_groups()` orders the rows by topic instead of by the reference's
order, so texts that answer the same questions in their own words read side by side.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from planlens.comparison.model import Comparison, FigureInfo, PairDiff, Row
from planlens.corpus.address import addresses

KeyKind = Literal["figure", "added", "removed", "removed-reported"]
KEY_KINDS: tuple[KeyKind, ...] = ("figure", "added", "removed", "removed-reported")
"""The kinds of key change, in the order reports list them."""


@dataclass(frozen=True)
class KeyChange:
    """One change a reader should see first."""

    kind: KeyKind
    """figure, added, removed or removed-reported."""
    a: str
    """The reference version of the pair."""
    b: str
    """The compared version."""
    row: int
    """Index of the provision's row in `Comparison.rows`."""
    addresses: tuple[str, ...]
    """The clauses concerned: the new side's for figures and additions, else the old side's."""
    title: str
    """What the cited clauses are called (`addresses`): a figure that moved in ua-20:4 is
    under ua-20:4's title, not the reference's."""
    figure: FigureInfo | None = None
    """The figure that changed (kind figure only)."""
    note: str | None = None
    """The clause's note, or the omission's for a reported removal."""


def _addresses(plan_id: str, clause_ids: list[str]) -> tuple[str, ...]:
    return tuple(addresses(plan_id, clause_ids))


def _note(comparison: Comparison, addresses: tuple[str, ...]) -> str | None:
    """The clauses' notes; each after its clause's address when several clauses have one."""
    notes = [(a, comparison.clauses[a].note) for a in addresses if comparison.clauses[a].note]
    if len(notes) > 1:
        return " ".join(f"{address}: {note}" for address, note in notes)
    return notes[0][1] if notes else None


def _names(comparison: Comparison, addresses: tuple[str, ...]) -> str:
    """What the cited clauses are called (their titles, or first words), each name once."""
    names = [comparison.clauses[a].name for a in addresses if a in comparison.clauses]
    return " / ".join(dict.fromkeys(names))


def _unsaid_in_a_summary(comparison: Comparison, diff: PairDiff, figure: FigureInfo) -> bool:
    """Whether a typed figure's only change is that a version known from a summary does not
    give it (`50:50 → —` where a report says "its content was not reported"): a summary's
    silence is no evidence that the figure moved, so it is no key change (the row still
    shows it, and the list of versions says which are summaries)."""
    if figure.source != "terms":
        return False
    silent = diff.b if figure.new is None else diff.a if figure.old is None else None
    return silent is not None and comparison.plan(silent).fidelity == "summary"


def _pair_changes(comparison: Comparison, row: Row, diff: PairDiff) -> list[KeyChange]:
    new, old = _addresses(diff.b, diff.b_clauses), _addresses(diff.a, diff.a_clauses)

    def change(
        kind: KeyKind, where: tuple[str, ...], note: str | None, figure: FigureInfo | None = None
    ) -> KeyChange:
        title = _names(comparison, where) or row.title
        return KeyChange(kind, diff.a, diff.b, row.index, where, title, figure, note)

    changes = [
        change("figure", new or old, _note(comparison, new), f)
        for f in diff.figures
        if not _unsaid_in_a_summary(comparison, diff, f)
    ]
    if diff.change == "added":
        changes.append(change("added", new, _note(comparison, new)))
    elif diff.change == "removed":
        changes.append(change("removed", old, _note(comparison, old)))
    elif diff.change == "removed-reported":
        omission = next((o for o in row.omissions if o.plan == diff.b), None)
        changes.append(change("removed-reported", old, omission.note if omission else diff.note))
    return changes


def key_changes(comparison: Comparison) -> list[KeyChange]:
    """Figure changes, then provisions added, removed and reported removed, pair by pair."""
    found = [
        change
        for row in comparison.rows
        for diff in row.pairs
        for change in _pair_changes(comparison, row, diff)
    ]
    pair_order = {pair: n for n, pair in enumerate(comparison.pairs)}
    return sorted(
        found, key=lambda k: (KEY_KINDS.index(k.kind), pair_order.get((k.a, k.b), 0), k.row)
    )


@dataclass(frozen=True)
class TopicGroup:
    """The provisions about one topic."""

    topic: str | None
    """The topic id; None for the provisions without a topic."""
    label: str
    """Its human-readable name."""
    rows: tuple[int, ...]
    """Indices into `Comparison.rows`, in the comparison's order."""


def topic_groups(comparison: Comparison) -> list[TopicGroup]:
    """The rows grouped by their first topic, topics in order of first appearance.

    Each row appears once, under its first topic (the one its first clause names first);
    rows without a topic come last.
    """
    groups: dict[str | None, list[int]] = {}
    for row in comparison.rows:
        key = row.topics[0] if row.topics else None
        groups.setdefault(key, []).append(row.index)
    ordered = sorted(groups.items(), key=lambda item: item[0] is None)
    return [
        TopicGroup(
            topic=topic,
            label=comparison.topic_labels.get(topic, topic) if topic else "No topic",
            rows=tuple(rows),
        )
        for topic, rows in ordered
    ]


__all__ = ["KEY_KINDS", "KeyChange", "KeyKind", "TopicGroup", "key_changes", "topic_groups"]
