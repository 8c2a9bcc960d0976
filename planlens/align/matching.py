"""Assignment arithmetic for the aligner: best one-to-one matchings and per-row maxima."""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray
from scipy import sparse
from scipy.sparse.csgraph import min_weight_full_bipartite_matching

FloatMatrix = NDArray[np.float64]
IntMatrix = NDArray[np.int64]


def best_matching(weights: FloatMatrix) -> list[tuple[int, int]]:
    """The one-to-one (row, column) pairs of greatest total weight; 0 means "no edge".

    Solved as a full minimum-cost matching in which every row may also take a private dummy
    column at a cost above every real edge's, so leaving a row unmatched is allowed. (scipy's
    sparse matching is used rather than `scipy.optimize.linear_sum_assignment`, whose package
    costs a third of a second more to import on every comparison.)
    """
    rows, cols = np.nonzero(weights > 0)
    if not len(rows):
        return []
    count, width = weights.shape
    ceiling = float(weights.max()) + 1.0
    costs = np.concatenate([ceiling - weights[rows, cols], np.full(count, ceiling)])
    graph = sparse.csr_matrix(
        (
            costs,
            (
                np.concatenate([rows, np.arange(count)]),
                np.concatenate([cols, width + np.arange(count)]),
            ),
        ),
        shape=(count, width + count),
    )
    matched_rows, matched_cols = min_weight_full_bipartite_matching(graph)
    return [(int(r), int(c)) for r, c in zip(matched_rows, matched_cols, strict=True) if c < width]


def best_per_row(block: FloatMatrix, row_ids: list[int]) -> tuple[FloatMatrix, IntMatrix]:
    """Group candidate columns by row: each row's best score, and which candidate gave it."""
    row_array = np.asarray(row_ids)
    order = np.argsort(row_array, kind="stable")
    sorted_rows = row_array[order]
    starts = np.flatnonzero(np.r_[True, sorted_rows[1:] != sorted_rows[:-1]])
    ordered = block[:, order]
    best = np.maximum.reduceat(ordered, starts, axis=1)
    best_member = np.empty(best.shape, dtype=np.int64)
    bounds = [*starts.tolist(), ordered.shape[1]]
    for group in range(len(starts)):
        segment = ordered[:, bounds[group] : bounds[group + 1]]
        best_member[:, group] = order[bounds[group] + np.argmax(segment, axis=1)]
    return best, best_member
