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
- `contra`: the pairs that contradict an asserted link: the aligner pairs a with b where the
  editors linked a to some other clause c of b's version (precision comes first: this should be
  0). Listed with --verbose, with the pass and score that made the pair, and the asserted
  counterpart with its score.
- `1:1 agree`: per clause, against the links a one-to-one matching can reach: the most asserted
  links one-to-one among those the aligner found, over `1:1 max` (issue 12's measure).

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

from planlens.align.passes import align, clause_refs, lineage_pairs, pairs_of
from planlens.align.similarity import Features
from planlens.comparison.build import compare
from planlens.comparison.suggest import suggest
from planlens.corpus.load import Corpus, load_corpus
from planlens.corpus.model import PlanFile

Pair = frozenset[str]


def one_to_one_ceiling(links: set[Pair], first: str) -> int:
    """The size of a maximum matching in the bipartite graph of `links`."""
    if not links:
        return 0
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


def contradictions(predicted: set[Pair], links: set[Pair]) -> list[tuple[Pair, Pair]]:
    """Pairs the aligner made against an asserted link: (made pair, the asserted link of one
    of its clauses to another clause of the other version)."""
    partners: dict[str, set[Pair]] = defaultdict(set)
    for link in links:
        for address in link:
            partners[address].add(link)
    return sorted(
        (
            (pair, link)
            for pair in predicted - links
            for address in sorted(pair)
            for link in sorted(partners[address], key=sorted)
        ),
        key=lambda item: (sorted(item[0]), sorted(item[1])),
    )


def _asserted(corpus: Corpus) -> dict[tuple[str, str], set[Pair]]:
    """The asserted links, by (earlier, later) pair of versions."""
    asserted: dict[tuple[str, str], set[Pair]] = defaultdict(set)
    for plan in corpus.plans:
        for clause in plan.clauses:
            for link in clause.links:
                other = link.partition(":")[0]
                asserted[(other, plan.id)].add(frozenset((f"{plan.id}:{clause.id}", link)))
    return asserted


class Tally:
    """The figures summed over all pairs of versions."""

    def __init__(self) -> None:
        self.links = self.found = self.ceiling = self.one_to_one = 0
        self.clauses = self.clauses_found = self.suggested = self.offered = 0
        self.contradicting = self.similar = 0
        self.made = {True: 0, False: 0}
        self.agreed = {True: 0, False: 0}


def _measure(corpus: Corpus, first: str, second: str, links: set[Pair], tally: Tally) -> str:
    """Align one pair of versions without links; add its figures to `tally`; its verbose lines."""
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
    passes = {frozenset((link.a, link.b)): link.via for link in alignment.links}
    hits = links & predicted
    offered = {
        frozenset((suggestion.address, candidate.address))
        for suggestion in suggest(plans, compare(plans, ignore_links=True))
        for candidate in suggestion.candidates
    }
    tally.suggested += len((links - predicted) & offered)
    tally.offered += len(offered)
    by_clause: dict[str, set[Pair]] = defaultdict(set)
    for pair in links:
        later = next(a for a in pair if a.startswith(f"{second}:"))
        by_clause[later].add(pair)
    tally.clauses += len(by_clause)
    tally.clauses_found += sum(bool(group & predicted) for group in by_clause.values())
    best = one_to_one_ceiling(links, first)
    reached = one_to_one_ceiling(hits, first)
    against = contradictions(predicted, links)
    contra = {pair for pair, _ in against}
    tally.links += len(links)
    tally.found += len(hits)
    tally.ceiling += best
    tally.one_to_one += reached
    tally.contradicting += len(contra)
    tally.similar += sum(passes.get(pair) == "similar" for pair in contra)
    tally.made[lineage] += len(structural)
    tally.agreed[lineage] += len(structural & links)
    print(
        f"{first + ' ← ' + second:<26} {len(links):>8} {len(hits):>6} "
        f"{len(hits) / len(links):>6.0%} {best:>8} {reached / best:>9.0%} "
        f"{len(structural):>8} {len(structural & links):>8} {len(predicted - links):>6} "
        f"{len(contra):>6}"
    )
    lines = [f"    missed {m[0]} ~ {m[1]}" for m in sorted(sorted(p) for p in links - predicted)]
    for extra in sorted(sorted(pair) for pair in predicted - links):
        kind = "split/merge" if frozenset(extra) in structural else "row"
        how = passes.get(frozenset(extra), "row")
        lines.append(f"    extra  {extra[0]} ~ {extra[1]} ({kind}, {how})")
    scored = {frozenset((link.a, link.b)): link.score for link in alignment.links}
    asserted_scores = _scores(plans, [link for _, link in against])
    for (pair, link), score in zip(against, asserted_scores, strict=True):
        made = f"{passes.get(pair, 'row')} {scored[pair]:.3f}" if pair in scored else "row"
        lines.append(
            f"    contra {' ~ '.join(sorted(pair))} ({made}) against asserted "
            f"{' ~ '.join(sorted(link))} ({score:.3f})"
        )
    return "\n".join(lines)


def _scores(plans: list[PlanFile], pairs: list[Pair]) -> list[float]:
    """The combined score (`Features.pair_scores`) of each pair of clause addresses."""
    if not pairs:
        return []
    refs = clause_refs(plans)
    at = {ref.address: index for index, ref in enumerate(refs)}
    ends = [sorted(pair) for pair in pairs]
    features = Features(refs, lineage_pairs(plans))
    scores = features.pair_scores([at[a] for a, _ in ends], [at[b] for _, b in ends])
    return [float(score) for score in scores]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--verbose", action="store_true", help="list missed and extra pairs")
    args = parser.parse_args()
    corpus = load_corpus()
    tally = Tally()
    header = f"{'versions':<26} {'asserted':>8} {'found':>6} {'agree':>6} {'1:1 max':>8}"
    print(f"{header} {'1:1 agree':>9} {'s/m made':>8} {'asserted':>8} {'extra':>6} {'contra':>6}")
    for (first, second), links in sorted(_asserted(corpus).items()):
        lines = _measure(corpus, first, second, links, tally)
        if args.verbose and lines:
            print(lines)
    t = tally
    print(
        f"{'all asserted links':<26} {t.links:>8} {t.found:>6} {t.found / t.links:>6.0%} "
        f"{t.ceiling:>8} {t.one_to_one / t.ceiling:>9.0%} ({t.ceiling / t.links:.0%} of the "
        "links at most one to one)"
    )
    print(
        f"per clause, against the links a one-to-one matching can reach: {t.one_to_one} of "
        f"{t.ceiling} ({t.one_to_one / t.ceiling:.0%})"
    )
    print(
        f"pairs that contradict an asserted link: {t.contradicting} "
        f"({t.similar} made by the similar pass)"
    )
    print(
        f"linked clauses paired with one of their asserted counterparts: {t.clauses_found} of "
        f"{t.clauses} ({t.clauses_found / t.clauses:.0%})"
    )
    print(
        f"missed links among the suggestions (align --suggest): {t.suggested} of "
        f"{t.links - t.found}, in {t.offered} candidate pairs offered"
    )
    for lineage, label in ((True, "within a lineage"), (False, "independent texts")):
        made, agreed = t.made[lineage], t.agreed[lineage]
        share = f"{agreed / made:.0%}" if made else "-"
        print(f"split/merge links {label}: {made} made, {agreed} asserted ({share})")


if __name__ == "__main__":
    main()
