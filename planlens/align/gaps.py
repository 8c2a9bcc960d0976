"""Gaps between in-order anchors: where an unpaired clause's counterpart can only be.

Once the passes have paired most of a version's clauses, those pairs that keep the rows' order
(the longest increasing run of their rows' places) anchor the version to the rows. An unpaired
clause lying between two consecutive anchors can correspond only to a row lying between the
same two anchors, unless it moved: a gap holds a clause or two a side, not the whole version, so
a pair found there was not picked as the best of hundreds of chance candidates.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise


@dataclass(frozen=True)
class Gap:
    """Unpaired clauses of a version between two consecutive anchors."""

    clauses: tuple[int, ...]
    """Positions (in the version's clause list) of the unpaired clauses, in document order."""
    low: int
    """The place of the anchor before them among the rows (-1 at the start)."""
    high: int
    """The place of the anchor after them (the number of rows at the end)."""
    anchors: tuple[int, ...]
    """Positions of the anchors before and after them (one at either end of the version)."""


def in_order_anchors(places: Sequence[int | None]) -> list[int]:
    """Positions of the longest strictly increasing run of `places` (None skipped): the pairs
    that keep the rows' order; a moved clause's pair falls out. Patience sorting, n log n."""
    tails: list[int] = []  # tails[k]: the smallest place ending an increasing run of k + 1
    tail_at: list[int] = []  # the position holding that place
    previous: dict[int, int] = {}
    for position, place in enumerate(places):
        if place is None:
            continue
        k = bisect_left(tails, place)
        if k == len(tails):
            tails.append(place)
            tail_at.append(position)
        else:
            tails[k] = place
            tail_at[k] = position
        if k:
            previous[position] = tail_at[k - 1]
    run: list[int] = []
    at = tail_at[-1] if tail_at else None
    while at is not None:
        run.append(at)
        at = previous.get(at)
    return run[::-1]


def gaps(places: Sequence[int | None], row_count: int) -> list[Gap]:
    """The gaps of a version whose clauses sit at `places` among the rows (None: unpaired);
    only gaps holding at least one unpaired clause. A paired clause out of order (moved)
    belongs to no gap and does not end one."""
    anchors = in_order_anchors(places)
    bounds = [-1, *anchors, len(places)]
    out: list[Gap] = []
    for start, stop in pairwise(bounds):
        if stop - start < 2:
            continue  # consecutive anchors: no clause between them
        clauses = tuple(p for p in range(start + 1, stop) if places[p] is None)
        if clauses:
            low = places[start] if start >= 0 else None
            high = places[stop] if stop < len(places) else None
            ends = tuple(p for p in (start, stop) if 0 <= p < len(places))
            out.append(
                Gap(clauses, -1 if low is None else low, row_count if high is None else high, ends)
            )
    return out
