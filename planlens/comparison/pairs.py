"""Which pairs of versions a comparison compares: each version against its reference.

Pure and cheap (no alignment, no numpy), so the terminal UI can tell which pairs a comparison
of the versions it shows should have without importing the engine.
"""

from __future__ import annotations

from collections.abc import Sequence

from planlens.corpus.model import PlanFile
from planlens.errors import PlanlensError


def reference_pairs(
    plans: Sequence[PlanFile], reference: str | None = None
) -> list[tuple[str, str]]:
    """The (reference, version) pairs compared.

    With `reference` (a plan id among `plans`), every other version against it. Without, each
    version against its nearest ancestor among `plans`, or against the first.
    """
    if len(plans) < 2:
        return []
    ids = [p.id for p in plans]
    if reference is not None:
        if reference not in ids:
            raise PlanlensError(
                f"the reference {reference!r} is not among the versions compared ({', '.join(ids)})"
            )
        return [(reference, plan_id) for plan_id in ids if plan_id != reference]
    parents = {p.id: list(p.plan.based_on) for p in plans}
    pairs: list[tuple[str, str]] = []
    for plan in plans[1:]:
        pairs.append((_nearest_ancestor(plan.id, ids, parents) or ids[0], plan.id))
    return pairs


def _nearest_ancestor(plan_id: str, ids: list[str], parents: dict[str, list[str]]) -> str | None:
    """The first version among `ids` met walking `plan_id`'s `based_on` breadth first."""
    frontier, seen = list(parents[plan_id]), {plan_id}
    while frontier:
        candidate = frontier.pop(0)
        if candidate in seen:
            continue
        seen.add(candidate)
        if candidate in ids and candidate != plan_id:
            return candidate
        frontier.extend(parents.get(candidate, []))
    return None
