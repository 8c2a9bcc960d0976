"""Finding rows: the next change, search hits over clause texts, and clause addresses.

Pure functions over a `Comparison` and the list of visible row indices; positions are
indices into that list (what the table's cursor holds).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from planlens.comparison.figures import show_term
from planlens.comparison.model import Comparison, Row
from planlens.corpus.address import format_address, split_address
from planlens.tui.state import is_change


def step_to(
    positions: Sequence[int], current: int, step: int, wanted: Callable[[int], bool]
) -> int | None:
    """The next position after `current` (before it, for a negative `step`) that is `wanted`.

    Wraps around the end; None when no position is wanted.
    """
    count = len(positions)
    for offset in range(1, count + 1):
        position = (current + step * offset) % count
        if wanted(position):
            return position
    return None


def next_change(
    comparison: Comparison, visible: Sequence[int], current: int, step: int
) -> int | None:
    """Position of the next (or previous) visible row whose change is not `unchanged`."""
    return step_to(visible, current, step, lambda pos: is_change(comparison.rows[visible[pos]]))


def row_text(comparison: Comparison, row: Row) -> str:
    """Everything search looks at in a row, folded (case, accents, script): addresses, titles,
    texts, notes, figures (as the corpus search writes them) and omission notes."""
    from planlens.comparison.search import fold

    parts = [row.anchor, row.title, *(omission.note for omission in row.omissions)]
    for plan_id, clause_ids in row.clauses.items():
        for clause_id in clause_ids:
            clause = comparison.clause(plan_id, clause_id)
            parts += [
                format_address(plan_id, clause_id),
                clause.title,
                clause.text,
                clause.note or "",
            ]
            parts += [f"{k} = {show_term(v, k)}" for k, v in clause.terms.items()]
    return fold("\n".join(parts))


def search_hits(comparison: Comparison, visible: Sequence[int], query: str) -> list[int]:
    """Positions of the visible rows whose `row_text` contains `query`."""
    if not query.strip():
        return []
    # Imported at the first search, not with the compare view: its first rows need none of it.
    from planlens.comparison.search import fold

    needle = fold(query.strip())
    if not needle:
        return []
    return [
        position
        for position, index in enumerate(visible)
        if needle in row_text(comparison, comparison.rows[index])
    ]


@dataclass(frozen=True)
class AddressMatch:
    """Where a clause address was found."""

    address: str
    """The address, normalised to `plan-id:clause-id`."""
    row: int | None
    """Index of its row in the comparison, or None when its version is not compared."""


def normalise_address(text: str, default_plan: str | None) -> str:
    """`us-28:21.a` as typed; a bare clause id (`21.a`) belongs to `default_plan`."""
    text = text.strip()
    if ":" not in text:
        return format_address(default_plan, text) if default_plan else text
    plan_id, clause_id = split_address(text)
    return format_address(plan_id.strip().lower(), clause_id.strip())


def find_address(comparison: Comparison, address: str) -> AddressMatch:
    """The row that holds `address` (clause ids compared case-insensitively as a fallback)."""
    plan_id, clause_id = split_address(address)
    for exact in (True, False):
        for row in comparison.rows:
            for cid in row.clauses.get(plan_id, []):
                if cid == clause_id if exact else cid.casefold() == clause_id.casefold():
                    return AddressMatch(format_address(plan_id, cid), row.index)
    return AddressMatch(address, None)
