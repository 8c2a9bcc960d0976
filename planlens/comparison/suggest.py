"""Possible counterparts for the clauses the aligner left alone: for an editor to review.

Independent texts answer each other in their own words ("no limits on the right of
self-defence" against a cap on the armed forces), and their scores fall below the aligner's
threshold, where a wrong pair would do more harm than a missing one. A suggestion is not a
link: it names the clauses of the other versions that share a topic with a lone clause and
score best against it, so that an editor can decide and write the `links`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from planlens.align.passes import clause_refs, lineage_pairs
from planlens.align.similarity import ClauseRef, Features
from planlens.comparison.model import Comparison
from planlens.corpus.address import addresses
from planlens.corpus.model import PlanFile

SUGGESTION_FLOOR = 0.1
"""Candidates scoring below this are not suggested (the aligner's own threshold is 0.25)."""
SUGGESTION_LIMIT = 3
"""At most this many candidates per clause."""


@dataclass(frozen=True)
class Candidate:
    """A clause of another version that may say the same thing."""

    address: str
    """`plan:clause`."""
    title: str
    """Its title, or its first words when it has none."""
    score: float
    """The aligner's similarity score (0–1), below the threshold it pairs clauses at."""
    topics: tuple[str, ...]
    """The topics the two clauses share."""


@dataclass(frozen=True)
class Suggestion:
    """A clause with no counterpart in any other version, and its best candidates."""

    address: str
    """`plan:clause`."""
    title: str
    """Its title, or its first words when it has none."""
    candidates: tuple[Candidate, ...]
    """Best first."""


def lone_clauses(comparison: Comparison) -> set[str]:
    """Clauses whose row holds no other version and no split or merge link (of the rows shown)."""
    lone: set[str] = set()
    for row in comparison.rows:
        present = [(plan_id, ids) for plan_id, ids in row.clauses.items() if ids]
        if len(present) == 1 and not row.secondary:
            plan_id, ids = present[0]
            lone.update(addresses(plan_id, ids))
    return lone


def rejected(one: ClauseRef, other: ClauseRef) -> bool:
    """True when an editor rejected the pair: either clause's `not_links` names the other."""
    return other.address in one.clause.not_links or one.address in other.clause.not_links


def suggest(
    plans: Sequence[PlanFile],
    comparison: Comparison,
    *,
    limit: int = SUGGESTION_LIMIT,
    floor: float = SUGGESTION_FLOOR,
) -> list[Suggestion]:
    """Candidates for every lone clause of `comparison` (see `lone_clauses`), in plan order.

    `plans` are the versions compared, with their clauses. Clauses without a candidate above
    `floor` are left out.
    """
    refs = clause_refs(plans)
    lone = lone_clauses(comparison)
    alone = [index for index, ref in enumerate(refs) if ref.address in lone]
    if not alone:
        return []
    features = Features(refs, lineage_pairs(plans))
    everyone = list(range(len(refs)))
    scores = features.scores(alone, everyone)
    topical = features.shares_topic(alone, everyone)
    plan_of = np.array([ref.plan for ref in refs])
    suggestions: list[Suggestion] = []
    for n, index in enumerate(alone):
        ref = refs[index]
        usable = topical[n] & (plan_of != ref.plan) & (scores[n] >= floor)
        ranked = sorted(
            (j for j in np.flatnonzero(usable).tolist() if not rejected(ref, refs[j])),
            key=lambda j: (-scores[n, j], j),
        )
        candidates = tuple(
            Candidate(
                refs[j].address,
                refs[j].clause.name,
                round(float(scores[n, j]), 4),
                tuple(t for t in ref.clause.topics if t in refs[j].clause.topics),
            )
            for j in ranked[:limit]
        )
        if candidates:
            suggestions.append(Suggestion(ref.address, ref.clause.name, candidates))
    return suggestions
