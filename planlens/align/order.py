"""How much of one clause's wording another holds in the same order (common subsequences)."""

from __future__ import annotations

from collections.abc import Sequence


def in_order_share(part: Sequence[str], whole: Sequence[str]) -> float:
    """The share of `part`'s words that `whole` holds in the same order: the length of their
    longest common subsequence over the length of `part` (0 for an empty part).

    A clause split off another, or merged into one, keeps its words in order even when a
    third of them are reworded; a clause that only shares a negotiation text's common
    vocabulary finds its words scattered. Callers run it only on pairs a cheaper test has kept.
    """
    if not part or not whole:
        return 0.0
    return lcs_length(part, whole) / len(part)


def lcs_length(first: Sequence[str], second: Sequence[str]) -> int:
    """The length of the longest common subsequence of two word sequences.

    Bit-parallel (Allison and Dix, 1986; Hyyrö's formulation): the positions of `second` are the
    bits of one Python integer, so each word of `first` costs a few integer operations instead
    of a pass over `second`: linear in `len(first)` for texts of a few hundred words.
    """
    masks: dict[str, int] = {}
    for position, word in enumerate(second):
        masks[word] = masks.get(word, 0) | (1 << position)
    full = (1 << len(second)) - 1
    row = full  # a one where the common subsequence can still grow
    for word in first:
        match = masks.get(word)
        if match is not None:
            kept = row & match
            row = ((row + kept) | (row - kept)) & full
    return len(second) - row.bit_count()
