"""Each other's best, with near ties read by the words: the test a weak similar pair must pass.

Between drafts that share little vocabulary (independent texts, where the calibrated
no-counterpart threshold stays at its floor), a clause's combined score leans on weak signals
beside the words: titles, topics, concepts, position. Two candidates a few hundredths apart on
that score are a tie those signals break by chance (eu-core:p1 scores ep-res:3 0.296 on a
shared title word and its position, and ep-res:14 0.290 with twice the word agreement: "takes
part in the negotiations"). Within `TIE` of a side's best score, the candidate whose words
agree most (`Features.word_agreement`) counts as that side's best instead.

Not between members of one numbered family (a point and its sub-points, or two sub-points of
one point): a point's lead-in names the theme its sub-points share, so it agrees in words with
any clause on that theme; which member answers is the structure passes' question (sibling
folds and splits), and the score decides there as before. Where the versions share their
vocabulary, words agree by chance and figures and places tell template siblings apart: the
plain best holds (the caller applies this only at the floor).
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
from numpy.typing import NDArray

from planlens.align.candidates import Edges

FloatArray = NDArray[np.float64]
IntArray = NDArray[np.int64]
BoolArray = NDArray[np.bool_]

TIE = 0.05
"""Scores this close to a side's best are a tie the words break. On the bundled corpus any value
from 0.02 to 0.08 gives the same alignment; at 0.1 a pair the editors contradict comes back.
The synthetic benchmarks are unchanged at any value (their ties are where vocabulary is shared,
where the rule does not apply)."""


def mutual_best(
    edges: Edges,
    tolerance: float,
    words: Callable[[IntArray], FloatArray],
    families: IntArray,
) -> BoolArray:
    """Which edges are each other's best, both for their clause and for their row, a near
    tie on either side going to the edge of greater word agreement (see the module
    docstring).

    `tolerance` is how close to a side's best an edge must score to be it without a tie;
    `words(kept)` gives the word agreement of the edges at positions `kept`, asked only for
    those in a tie; `families[k]` codes the numbered family of each edge's two clauses
    (clause side first, row side second: shape (edges, 2)).
    """
    scores = edges.scores
    if not len(scores):
        return np.zeros(0, dtype=bool)
    near = (scores >= edges.row_best[edges.rows] - TIE) | (
        scores >= edges.col_best[edges.cols] - TIE
    )
    agreement = np.zeros(len(scores))
    in_tie = np.flatnonzero(near)
    agreement[in_tie] = words(in_tie)
    by_clause = _side_best(edges.rows, edges.row_best, scores, agreement, families[:, 1], tolerance)
    by_row = _side_best(edges.cols, edges.col_best, scores, agreement, families[:, 0], tolerance)
    return np.asarray(by_clause & by_row)


def _side_best(
    keys: IntArray,
    best: FloatArray,
    scores: FloatArray,
    agreement: FloatArray,
    family: IntArray,
    tolerance: float,
) -> BoolArray:
    """For the edges grouped by `keys` (a clause, or a row), which is the group's best: the
    top-scoring edge (if it is the best over all pairs scored, `best`), or an edge within `TIE`
    of it whose other end is of another family than the top's and whose words agree more."""
    count = len(scores)
    # Group by key, best score first (equal scores: the earlier edge).
    order = np.lexsort((np.arange(count), -scores, keys))
    sorted_keys = keys[order]
    first = np.r_[True, sorted_keys[1:] != sorted_keys[:-1]]
    top = np.empty(count, dtype=np.int64)
    top[order] = order[np.maximum.accumulate(np.where(first, np.arange(count), 0))]
    genuine = scores[top] >= best[keys] - tolerance
    contender = (scores >= best[keys] - TIE) & ((top == np.arange(count)) | (family != family[top]))
    # Among a group's contenders, the greatest word agreement wins; equal agreement, the score.
    ranked = np.lexsort((np.arange(count), -scores, -np.where(contender, agreement, -np.inf), keys))
    winner = np.zeros(count, dtype=bool)
    ranked_keys = keys[ranked]
    winner[ranked[np.r_[True, ranked_keys[1:] != ranked_keys[:-1]]]] = True
    return np.asarray(winner & contender & genuine)
