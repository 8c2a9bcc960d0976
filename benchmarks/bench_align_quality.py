"""Alignment quality on synthetic corpora with known truth: precision, recall and F1.

Each case mutates a base version (rewording, moves, insertions, deletions, splits, merges,
renumbering) and aligns the two versions *without* asserted links. A predicted pair is any
pair of clauses the alignment puts in one row or links as split/merge.

    python benchmarks/bench_align_quality.py [--size 300] [--seeds 5]
"""

from __future__ import annotations

import argparse
import statistics

from benchmarks.synthetic import Generator
from planlens.align import align, pairs_of

CASES: dict[str, dict[str, float | bool]] = {
    "target: 30% reworded ×25%, moves, inserts, deletes, renumbered": {},
    "light: 10% reworded": {"reword": 0.1},
    "heavy: 50% reworded ×25%": {"reword": 0.5},
    "harsh: 50% reworded ×40%": {"reword": 0.5, "reword_share": 0.4},
    "no renumbering (numbers kept)": {"renumber": False},
    "many moves: 20% moved": {"move": 0.2},
    "many splits/merges: 8% each": {"split": 0.08, "merge": 0.08},
}


def score(size: int, seed: int, options: dict[str, float | bool]) -> tuple[float, float, float]:
    generator = Generator(seed)
    base = generator.base("base", size)
    mutated, truth = generator.mutate(base, "next", **options)  # type: ignore[arg-type]
    predicted = pairs_of(align([base, mutated], ignore_links=True), "base", "next")
    hits = len(predicted & truth.pairs)
    precision = hits / len(predicted) if predicted else 1.0
    recall = hits / len(truth.pairs) if truth.pairs else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


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
    print(f"{'case':<66} {'precision':>9} {'recall':>7} {'F1':>6} {'min F1':>7}")
    for name, options in CASES.items():
        results = [score(args.size, seed, options) for seed in range(1, args.seeds + 1)]
        p, r, f = (statistics.mean(x[i] for x in results) for i in range(3))
        worst = min(x[2] for x in results)
        print(f"{name:<66} {p:>9.3f} {r:>7.3f} {f:>6.3f} {worst:>7.3f}")
    results = [chain_score(args.size, seed) for seed in range(1, args.seeds + 1)]
    p, r, f = (statistics.mean(x[i] for x in results) for i in range(3))
    name = "N-way: chain of 5 versions aligned at once, consecutive pairs"
    print(f"{name:<66} {p:>9.3f} {r:>7.3f} {f:>6.3f} {min(x[2] for x in results):>7.3f}")


if __name__ == "__main__":
    main()
