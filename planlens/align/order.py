"""How much of one clause's wording another holds in the same order (common subsequences)."""

from __future__ import annotations

from collections.abc import Sequence


def in_order_share(part: Sequence[str], whole: Sequence[str]) -> float:
    """The share of `part`'s words that `whole` holds in the same order: the length of their
    longest common subsequence over the length of `part` (0 for an empty part).

    A clause split off another, or merged into one, keeps its words in order even when a
    third of them are reworded; a clause that only shares a negotiation text's common
    vocabulary finds its words scattered. Quadratic in the two lengths (a few dozen words
    each); callers run it only on pairs a cheaper test has kept.
    """
    if not part or not whole:
        return 0.0
    # Words the other side lacks take no part in a common subsequence: drop them first.
    in_whole = set(whole)
    kept = [word for word in part if word in in_whole]
    in_part = set(kept)
    whole = [word for word in whole if word in in_part]
    previous = [0] * (len(whole) + 1)
    for word in kept:
        current = [0]
        for j, other in enumerate(whole):
            current.append(previous[j] + 1 if word == other else max(previous[j + 1], current[j]))
        previous = current
    return previous[-1] / len(part)
