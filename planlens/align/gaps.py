"""Gaps between in-order anchors: where an unpaired clause's counterpart can only be.

Once the passes have paired most of a version's clauses, those pairs that keep the rows' order
(the longest increasing run of their rows' places) anchor the version to the rows. An unpaired
clause lying between two consecutive anchors can correspond only to a row lying between the
same two anchors, unless it moved: a gap holds a clause or two a side, not the whole version, so
a pair found there was not picked as the best of hundreds of chance candidates.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

from planlens.align.order import lcs_length
from planlens.align.tokens import content_words

GAP_SHARED = 4
"""Words a pair in a gap must share (each once in both texts), in the same order..."""
GAP_ORDER_STEP = 5
"""...but one in every this many (see `shared_in_order`)."""


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


@dataclass(frozen=True)
class Window:
    """A gap of the version being placed: its unpaired clauses and the rows it left empty,
    then its anchors (clauses, and their rows' earlier members) to compare with."""

    clauses: list[int]
    """The gap's unpaired clauses (the first `own_clauses`), then its anchor clauses."""
    rows: list[list[int]]
    """The members scored of each empty row (the first `own_rows`), then of each anchor's row
    (without this version's clause)."""
    own_clauses: int
    """How many of `clauses` are the gap's own (the rest are its anchors)."""
    own_rows: int
    """How many of `rows` are the gap's empty rows (the rest are its anchors' rows)."""

    def cells(self) -> list[tuple[int, int]]:
        """The (clause, row) positions compared: a gap clause or an empty row in each (an
        anchor against an anchor's row decides nothing)."""
        return [
            (i, n)
            for i in range(len(self.clauses))
            for n in range(len(self.rows))
            if i < self.own_clauses or n < self.own_rows
        ]

    def pairs(self) -> list[tuple[int, int]]:
        """The (clause, member) pairs to score for `cells`."""
        return [(self.clauses[i], m) for i, n in self.cells() for m in self.rows[n]]

    def mutual_best(
        self, scores: dict[tuple[int, int], float], tolerance: float
    ) -> list[tuple[int, int, float]]:
        """(clause, member, score) of each gap clause and empty row that are each other's
        strict best over the whole window, anchors included (better by more than
        `tolerance`)."""
        best = {
            (i, n): max((scores[(self.clauses[i], m)], m) for m in self.rows[n])
            for i, n in self.cells()
        }
        out = []
        for i in range(self.own_clauses):
            for n in range(self.own_rows):
                score, member = best[(i, n)]
                rivals = [v for (j, k), (v, _) in best.items() if (j == i) != (k == n)]
                if all(score > rival + tolerance for rival in rivals):
                    out.append((self.clauses[i], member, score))
        return out


def shared_in_order(first: str, second: str) -> bool:
    """Whether the words two texts share keep their order: of the content words each text has
    exactly once, at least `GAP_SHARED` in common, and all in the same order but one in every
    `GAP_ORDER_STEP`. Rewording keeps the order of the words it leaves; texts that merely share
    a vocabulary have theirs in chance order, all of k in order once in k! (words used more
    than once are left out: their copies let a common subsequence pick its order)."""
    a, b = content_words(first), content_words(second)
    count_a, count_b = Counter(a), Counter(b)
    once = {w for w, n in count_a.items() if n == 1 and count_b.get(w) == 1}
    if len(once) < GAP_SHARED:
        return False
    kept_a = [w for w in a if w in once]
    kept_b = [w for w in b if w in once]
    return len(once) - lcs_length(kept_a, kept_b) <= (len(once) - 1) // GAP_ORDER_STEP
