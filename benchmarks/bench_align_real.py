"""Alignment quality on the bundled corpus: do the automatic passes find the asserted links?

For every pair of versions joined by asserted `links`, the two versions are aligned with
`ignore_links=True`, and each asserted link counts as found when the aligner puts its two
clauses in one row or joins them by a split/merge link.

Also printed, per pair:
- `1:1 max`: the most asserted links any one-to-one matching could find. Editors often link one
  clause to several provisions (a European clause answering two US points); only split/merge
  links can find the rest, so this is the ceiling of an aligner that pairs clauses one to one.
- `s/m`: the split and merge links the aligner made, and how many of them are asserted. Within
  a lineage (a version `based_on` the other, linked clause by clause) an unasserted split or
  merge is a disagreement; between independent texts it is a candidate for review.
- `extra`: all pairs the aligner made that are not asserted (listed with --verbose).

Last, for comparison only (the target counts links): the share of linked clauses of the later
version that the aligner pairs with at least one of their asserted counterparts; and how many
of the missed links `planlens align --suggest` would put before an editor (`suggest`).

    python benchmarks/bench_align_real.py [--verbose]
"""

from __future__ import annotations

import argparse
from collections import defaultdict

import numpy as np
from scipy import sparse
from scipy.sparse.csgraph import maximum_bipartite_matching

from planlens.align.passes import align, lineage_pairs, pairs_of
from planlens.comparison.build import compare
from planlens.comparison.suggest import suggest
from planlens.corpus.load import load_corpus

Pair = frozenset[str]


def one_to_one_ceiling(links: set[Pair], first: str) -> int:
    """The size of a maximum matching in the bipartite graph of the asserted links."""
    edges = [tuple(sorted(link, key=lambda a: not a.startswith(f"{first}:"))) for link in links]
    left = sorted({a for a, _ in edges})
    right = sorted({b for _, b in edges})
    graph = sparse.csr_matrix(
        (
            np.ones(len(edges)),
            ([left.index(a) for a, _ in edges], [right.index(b) for _, b in edges]),
        ),
        shape=(len(left), len(right)),
    )
    return int((maximum_bipartite_matching(graph, perm_type="column") >= 0).sum())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--verbose", action="store_true", help="list missed and extra pairs")
    args = parser.parse_args()
    corpus = load_corpus()
    asserted: dict[tuple[str, str], set[Pair]] = defaultdict(set)
    for plan in corpus.plans:
        for clause in plan.clauses:
            for link in clause.links:
                other = link.partition(":")[0]
                asserted[(other, plan.id)].add(frozenset((f"{plan.id}:{clause.id}", link)))
    total = found = ceiling = clauses = clauses_found = suggested = offered_total = 0
    made = {True: 0, False: 0}
    agreed = {True: 0, False: 0}
    header = f"{'versions':<26} {'asserted':>8} {'found':>6} {'agree':>6} {'1:1 max':>8}"
    print(f"{header} {'s/m made':>8} {'asserted':>8} {'extra':>6}")
    for (first, second), links in sorted(asserted.items()):
        plans = [corpus.plan(first), corpus.plan(second)]
        lineage = bool(lineage_pairs(plans))
        alignment = align(plans, ignore_links=True)
        predicted = pairs_of(alignment, first, second)
        structural = {
            frozenset((link.a, link.b))
            for link in alignment.links
            if link.kind in ("split", "merge")
            and {link.a.partition(":")[0], link.b.partition(":")[0]} == {first, second}
        }
        hits = links & predicted
        offered = {
            frozenset((suggestion.address, candidate.address))
            for suggestion in suggest(plans, compare(plans, ignore_links=True))
            for candidate in suggestion.candidates
        }
        suggested += len((links - predicted) & offered)
        offered_total += len(offered)
        by_clause: dict[str, set[Pair]] = defaultdict(set)
        for pair in links:
            later = next(a for a in pair if a.startswith(f"{second}:"))
            by_clause[later].add(pair)
        clauses += len(by_clause)
        clauses_found += sum(bool(group & predicted) for group in by_clause.values())
        best = one_to_one_ceiling(links, first)
        total, found, ceiling = total + len(links), found + len(hits), ceiling + best
        made[lineage] += len(structural)
        agreed[lineage] += len(structural & links)
        print(
            f"{first + ' ← ' + second:<26} {len(links):>8} {len(hits):>6} "
            f"{len(hits) / len(links):>6.0%} {best:>8} {len(structural):>8} "
            f"{len(structural & links):>8} {len(predicted - links):>6}"
        )
        if args.verbose:
            for missed in sorted(tuple(sorted(pair)) for pair in links - predicted):
                print(f"    missed {missed[0]} ~ {missed[1]}")
            for extra in sorted(tuple(sorted(pair)) for pair in predicted - links):
                kind = "split/merge" if frozenset(extra) in structural else "row"
                print(f"    extra  {extra[0]} ~ {extra[1]} ({kind})")
    print(
        f"{'all asserted links':<26} {total:>8} {found:>6} {found / total:>6.0%} "
        f"{ceiling:>8} ({ceiling / total:.0%} at most one to one)"
    )
    print(
        f"linked clauses paired with one of their asserted counterparts: {clauses_found} of "
        f"{clauses} ({clauses_found / clauses:.0%})"
    )
    print(
        f"missed links among the suggestions (align --suggest): {suggested} of {total - found}, "
        f"in {offered_total} candidate pairs offered"
    )
    for lineage, label in ((True, "within a lineage"), (False, "independent texts")):
        share = f"{agreed[lineage] / made[lineage]:.0%}" if made[lineage] else "-"
        print(
            f"split/merge links {label}: {made[lineage]} made, {agreed[lineage]} asserted ({share})"
        )


if __name__ == "__main__":
    main()
