"""Figures across versions for the overview: computed from `Comparison`s and the corpus, in
the core, so the terminal UI only draws them.

- pairwise similarity: of the rows either version has and whose fate is known, the share that
  both have (whatever the change), and the share that kept its substance; a share measured on
  too few known rows (`MIN_KNOWN`, `MIN_KNOWN_PART`) is not given;
- topic coverage: clauses per topic per version;
- lineage: the `based_on` graph as a forest.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import combinations

from planlens.comparison.model import ChangeClass, Comparison
from planlens.corpus.load import Corpus

KEPT: frozenset[ChangeClass] = frozenset({"unchanged", "reworded", "moved", "renumbered"})
"""Change classes under which a provision keeps its substance."""
MIN_KNOWN = 5
"""Fewest provisions of known fate a share of provisions in common is measured on."""
MIN_KNOWN_PART = 0.5
"""Least part of a pair's provisions whose fate must be known for a share to be measured.

Two versions known only in part leave most provisions unknown: ep-res and prosperity have 27,
of which one is known (and shared), which made "100 % in common" of two texts that share
almost nothing. Between two partial versions, a provision only one of them has is unknown, so
the known ones are mostly those both have and the share leans to 100 %: e3-28 and eu-24 read
100 % on 12 of 41 provisions (none kept as it was). A share is measured only when the fate
of at least half the provisions is known; below either limit the map says there is too little
in common to measure.
"""


@dataclass(frozen=True)
class Similarity:
    """How alike two versions are, provision by provision."""

    a: str
    """The reference version."""
    b: str
    """The other version."""
    kept: int
    """Rows whose provision kept its substance."""
    shared: int
    """Rows both versions have a clause in, whatever the change."""
    known: int
    """Rows either version has, leaving out those whose fate is unknown."""
    unknown: int
    """Rows whose fate is unknown (a partly known version)."""

    @property
    def share(self) -> float | None:
        """`shared / known`: the provisions in common, or None when nothing is known."""
        return self.shared / self.known if self.known else None

    @property
    def too_little(self) -> bool:
        """True when too few provisions are known to measure a share: fewer than `MIN_KNOWN`,
        or less than `MIN_KNOWN_PART` of the provisions either version has."""
        total = self.known + self.unknown
        return self.known < MIN_KNOWN or self.known < MIN_KNOWN_PART * total

    @property
    def measured_share(self) -> float | None:
        """`share` when there is enough to measure it (not `too_little`), else None."""
        return None if self.too_little else self.share


def pair_similarity(comparison: Comparison) -> Similarity:
    """The similarity of the first compared pair of a two-version comparison."""
    if not comparison.pairs:
        ids = [plan.id for plan in comparison.plans] * 2
        return Similarity(ids[0], ids[1], 0, 0, 0, 0)
    a, b = comparison.pairs[0]
    kept = shared = known = unknown = 0
    for row in comparison.rows:
        for pair in row.pairs:
            if (pair.a, pair.b) != (a, b):
                continue
            if pair.change == "unknown":
                unknown += 1
                continue
            known += 1
            kept += pair.change in KEPT
            shared += bool(pair.a_clauses and pair.b_clauses)
    return Similarity(a, b, kept, shared, known, unknown)


def similarity_pairs(plan_ids: Sequence[str]) -> list[tuple[str, str]]:
    """Every unordered pair of versions, in corpus order."""
    return list(combinations(plan_ids, 2))


@dataclass(frozen=True)
class TopicCoverage:
    """Clauses about one topic in each version."""

    topic: str
    """The topic id."""
    label: str
    """Its readable name."""
    counts: dict[str, int]
    """Plan id → clauses about the topic."""


def topic_coverage(corpus: Corpus) -> list[TopicCoverage]:
    """Clauses per topic per version, for every topic some version covers, by topic label."""
    rows: list[TopicCoverage] = []
    for topic_id, topic in corpus.topics.items():
        counts = {
            plan.id: sum(topic_id in clause.topics for clause in plan.clauses)
            for plan in corpus.plans
        }
        if any(counts.values()):
            rows.append(TopicCoverage(topic_id, topic.label, counts))
    return sorted(rows, key=lambda row: row.label.casefold())


@dataclass(frozen=True)
class LineageNode:
    """A version and the versions that declare they revise it."""

    plan_id: str
    """The version."""
    children: tuple[LineageNode, ...]
    """Versions whose `based_on` names it."""
    other_parents: tuple[str, ...] = ()
    """Further versions it is based on (it also appears under those)."""


def lineage(corpus: Corpus) -> list[LineageNode]:
    """The `based_on` graph as a forest: roots are versions based on nothing loaded."""
    ids = set(corpus.ids)
    parents = {p.id: [b for b in p.plan.based_on if b in ids] for p in corpus.plans}

    def node(plan_id: str, parent: str | None, path: frozenset[str]) -> LineageNode:
        children = tuple(
            node(child, plan_id, path | {child})
            for child in corpus.ids
            if plan_id in parents[child] and child not in path
        )
        others = tuple(p for p in parents[plan_id] if p != parent)
        return LineageNode(plan_id, children, others)

    roots = [node(pid, None, frozenset({pid})) for pid in corpus.ids if not parents[pid]]
    reached: set[str] = set()

    def collect(item: LineageNode) -> None:
        reached.add(item.plan_id)
        for child in item.children:
            collect(child)

    for root in roots:
        collect(root)
    for pid in corpus.ids:
        if pid not in reached:  # a based_on cycle: show it from its first member
            roots.append(node(pid, None, frozenset({pid})))
            collect(roots[-1])
    return roots
