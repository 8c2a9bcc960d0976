"""Alignment quality on synthetic corpora with known truth: precision, recall and F1.

Each case mutates a base version (rewording, moves, insertions, deletions, splits, merges,
renumbering) and aligns the two versions *without* asserted links. A predicted pair is any
pair of clauses the alignment puts in one row or links as split/merge.

Two claims are worse wrong than missing, so their precision is printed on its own: split and
merge links (a predicted split/merge link whose two clauses truly correspond), and "moved"
(clauses the comparison marks as moved that are moved in the true alignment too, found the
same way: what lies off a longest run of pairs kept in order).

    python benchmarks/bench_align_quality.py [--size 300] [--seeds 5]
"""

from __future__ import annotations

import argparse
import statistics

from benchmarks.synthetic import Generator, Truth
from planlens.align.model import AlignedRow, Alignment
from planlens.align.passes import align, pairs_of
from planlens.comparison.changes import moved_addresses
from planlens.corpus.model import PlanFile

CASES: dict[str, dict[str, float | bool]] = {
    "target: 30% reworded ×25%, moves, inserts, deletes, renumbered": {},
    "light: 10% reworded": {"reword": 0.1},
    "heavy: 50% reworded ×25%": {"reword": 0.5},
    "harsh: 50% reworded ×40%": {"reword": 0.5, "reword_share": 0.4},
    "no renumbering (numbers kept)": {"renumber": False},
    "many moves: 20% moved": {"move": 0.2},
    "many splits/merges: 8% each": {"split": 0.08, "merge": 0.08},
}


Claims = tuple[int, int]
"""(made, right) counts of one kind of claim."""


class Result:
    """One case on one seed: pair precision, recall, F1, and the split/merge and moved claims."""

    def __init__(self, base: PlanFile, mutated: PlanFile, truth: Truth) -> None:
        alignment = align([base, mutated], ignore_links=True)
        predicted = pairs_of(alignment, "base", "next")
        hits = len(predicted & truth.pairs)
        self.precision = hits / len(predicted) if predicted else 1.0
        self.recall = hits / len(truth.pairs) if truth.pairs else 1.0
        total = self.precision + self.recall
        self.f1 = 2 * self.precision * self.recall / total if total else 0.0
        structural = [
            frozenset((link.a, link.b))
            for link in alignment.links
            if link.kind in ("split", "merge")
        ]
        self.split_merge: Claims = (
            len(structural),
            sum(pair in truth.pairs for pair in structural),
        )
        plans = {"base": base, "next": mutated}
        moved = moved_addresses(alignment, plans, "base", "next")
        true_moved = moved_addresses(true_alignment(base, mutated, truth), plans, "base", "next")
        self.moved: Claims = (len(moved), len(moved & true_moved))


def true_alignment(base: PlanFile, mutated: PlanFile, truth: Truth) -> Alignment:
    """The alignment the truth describes: one row per group of corresponding clauses."""
    group: dict[str, str] = {}

    def find(address: str) -> str:
        while group.get(address, address) != address:
            address = group[address]
        return address

    for pair in truth.pairs:
        first, second = sorted(pair)
        group[find(second)] = find(first)
    rows: dict[str, dict[str, list[str]]] = {}
    for plan in (base, mutated):
        for clause in plan.clauses:
            address = f"{plan.id}:{clause.id}"
            rows.setdefault(find(address), {}).setdefault(plan.id, []).append(clause.id)
    return Alignment(
        ("base", "next"),
        tuple(AlignedRow({pid: tuple(ids) for pid, ids in row.items()}) for row in rows.values()),
        (),
    )


def score(size: int, seed: int, options: dict[str, float | bool]) -> Result:
    generator = Generator(seed)
    base = generator.base("base", size)
    mutated, truth = generator.mutate(base, "next", **options)  # type: ignore[arg-type]
    return Result(base, mutated, truth)


def share(claims: list[Claims]) -> str:
    """Right / made over all seeds, as a precision (or "-" when nothing was claimed)."""
    made = sum(c[0] for c in claims)
    right = sum(c[1] for c in claims)
    return f"{right / made:.3f} ({made})" if made else "- (0)"


def chain_score(size: int, seed: int, versions: int = 5) -> tuple[float, float, float]:
    """N-way: a chain of versions each mutated from the last, aligned at once; scored on the
    consecutive pairs, whose truth is known."""
    generator = Generator(seed)
    plans = [generator.base("v1", size)]
    truths = []
    for n in range(2, versions + 1):
        mutated, truth = generator.mutate(plans[-1], f"v{n}")
        plans.append(mutated)
        truths.append(truth.pairs)
    alignment = align(plans, ignore_links=True)
    predicted: set[frozenset[str]] = set()
    truth_all: set[frozenset[str]] = set()
    for n in range(1, versions):
        predicted |= pairs_of(alignment, f"v{n}", f"v{n + 1}")
        truth_all |= truths[n - 1]
    hits = len(predicted & truth_all)
    precision, recall = hits / len(predicted), hits / len(truth_all)
    return precision, recall, 2 * precision * recall / (precision + recall)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=300, help="clauses per version")
    parser.add_argument("--seeds", type=int, default=5, help="random corpora per case")
    args = parser.parse_args()
    print(f"{args.size} clauses per version, {args.seeds} seeds per case (mean over seeds)")
    print(
        f"{'case':<66} {'precision':>9} {'recall':>7} {'F1':>6} {'min F1':>7} "
        f"{'split/merge P (n)':>17} {'moved P (n)':>13}"
    )
    for name, options in CASES.items():
        results = [score(args.size, seed, options) for seed in range(1, args.seeds + 1)]
        p = statistics.mean(x.precision for x in results)
        r = statistics.mean(x.recall for x in results)
        f = statistics.mean(x.f1 for x in results)
        worst = min(x.f1 for x in results)
        structural = share([x.split_merge for x in results])
        moved = share([x.moved for x in results])
        print(
            f"{name:<66} {p:>9.3f} {r:>7.3f} {f:>6.3f} {worst:>7.3f} {structural:>17} {moved:>13}"
        )
    chains = [chain_score(args.size, seed) for seed in range(1, args.seeds + 1)]
    p, r, f = (statistics.mean(x[i] for x in chains) for i in range(3))
    name = "N-way: chain of 5 versions aligned at once, consecutive pairs"
    print(f"{name:<66} {p:>9.3f} {r:>7.3f} {f:>6.3f} {min(x[2] for x in chains):>7.3f}")


if __name__ == "__main__":
    main()
