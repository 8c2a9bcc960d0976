"""The `based_on` lineage: which versions a version revises, directly or through others.

The one walk of the lineage graph that alignment (numbering priors within a lineage),
comparison (each version against its nearest compared ancestor) and the views share. It is
breadth-first and visits each version once, so cycles (which validation reports) and shared
ancestors cost nothing extra: linear in the size of the graph.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Mapping, Sequence


def ancestors(parents: Mapping[str, Sequence[str]], plan_id: str) -> list[str]:
    """The versions `plan_id` is based on, directly or not, nearest first, each once.

    `parents` maps a plan id to its `based_on`; ids it does not know have no parents.
    """
    order: list[str] = []
    seen = {plan_id}
    queue = deque(parents.get(plan_id, ()))
    while queue:
        candidate = queue.popleft()
        if candidate in seen:
            continue
        seen.add(candidate)
        order.append(candidate)
        queue.extend(parents.get(candidate, ()))
    return order
