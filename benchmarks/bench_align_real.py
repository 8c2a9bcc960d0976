"""Alignment quality on the bundled corpus: do the automatic passes find the asserted links?

For every pair of versions joined by asserted `links`, the two versions are aligned with
`ignore_links=True`, and each asserted link counts as found when the aligner puts its two
clauses in one row or joins them by a split/merge link. Also listed: the pairs the aligner
adds where the editor asserted none (for versions linked clause by clause, such as e3-28,
those are candidates for review, not necessarily errors).

    python benchmarks/bench_align_real.py [--verbose]
"""

from __future__ import annotations

import argparse
from collections import defaultdict

from planlens.align import align, pairs_of
from planlens.load import load_corpus


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--verbose", action="store_true", help="list missed links")
    args = parser.parse_args()
    corpus = load_corpus()
    asserted: dict[tuple[str, str], set[frozenset[str]]] = defaultdict(set)
    for plan in corpus.plans:
        for clause in plan.clauses:
            for link in clause.links:
                other = link.partition(":")[0]
                asserted[(other, plan.id)].add(frozenset((f"{plan.id}:{clause.id}", link)))
    total = found = 0
    print(f"{'versions':<26} {'asserted':>8} {'found':>6} {'agree':>7} {'extra':>6}")
    for (first, second), links in sorted(asserted.items()):
        plans = [corpus.plan(first), corpus.plan(second)]
        predicted = pairs_of(align(plans, ignore_links=True), first, second)
        hits = links & predicted
        total += len(links)
        found += len(hits)
        extra = len(predicted - links)
        print(
            f"{first + ' ← ' + second:<26} {len(links):>8} {len(hits):>6} "
            f"{len(hits) / len(links):>7.0%} {extra:>6}"
        )
        if args.verbose:
            for missed in sorted(tuple(sorted(pair)) for pair in links - predicted):
                print(f"    missed {missed[0]} ~ {missed[1]}")
    print(f"{'all asserted links':<26} {total:>8} {found:>6} {found / total:>7.0%}")


if __name__ == "__main__":
    main()
