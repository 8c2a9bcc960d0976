"""Which pairs of versions a comparison compares: each version against its reference.

Pure and cheap (no alignment, no numpy), so the terminal UI can tell which pairs a comparison
of the versions it shows should have without importing the engine.
"""

from __future__ import annotations

from collections.abc import Sequence

from planlens.corpus.lineage import ancestors
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
    parents = {p.id: p.plan.based_on for p in plans}
    return [
        (next((a for a in ancestors(parents, plan.id) if a in ids), ids[0]), plan.id)
        for plan in plans[1:]
    ]
