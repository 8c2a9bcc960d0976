"""Assignment arithmetic for the aligner: best one-to-one matchings and per-row maxima.

Small problems (two versions of a few dozen clauses) are solved here in numpy; scipy's
sparse solver is imported only for larger ones, so a small diff does not pay its import.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

FloatMatrix = NDArray[np.float64]
IntMatrix = NDArray[np.int64]
IntArray = NDArray[np.int64]
FloatArray = NDArray[np.float64]

SMALL_MATCHING = 64
"""Up to this many rows, the matching is solved in numpy without importing scipy."""


def best_matching(weights: FloatMatrix) -> list[tuple[int, int]]:
    """The one-to-one (row, column) pairs of greatest total weight; 0 means "no edge"."""
    rows, cols = np.nonzero(weights > 0)
    return edge_matching(rows, cols, weights[rows, cols], weights.shape)


def edge_matching(
    rows: IntArray, cols: IntArray, weights: FloatArray, shape: tuple[int, int]
) -> list[tuple[int, int]]:
    """The one-to-one (row, column) pairs of greatest total weight among the given edges.

    The edges are (rows[k], cols[k]) of positive weight `weights[k]` in a `shape` matrix; the
    rest of the matrix has no edge, so a large sparse problem never needs the dense matrix.
    Solved as a full minimum-cost matching in which every row may also take a private dummy
    column at a cost above every real edge's, so leaving a row unmatched is allowed. (scipy's
    sparse matching is used rather than `scipy.optimize.linear_sum_assignment`, whose package
    costs a third of a second more to import on every comparison.)
    """
    if not len(rows):
        return []
    count, width = shape
    # Equal scores, to rounding, go to the pair earliest in both versions, whichever side the
    # versions are given on.
    order = (np.asarray(rows) + np.asarray(cols)) / (count + width)
    weights = np.round(weights, 6) + 1e-7 * (1.0 - order)
    ceiling = float(weights.max()) + 1.0
    if count <= SMALL_MATCHING:
        costs = np.full(shape, np.inf)
        costs[rows, cols] = ceiling - weights
        return _small_matching(costs, ceiling)
    from scipy import sparse
    from scipy.sparse.csgraph import min_weight_full_bipartite_matching

    costs = np.concatenate([ceiling - weights, np.full(count, ceiling)])
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


def _small_matching(costs: FloatMatrix, dummy: float) -> list[tuple[int, int]]:
    """The same matching by the Hungarian method (potentials, one row at a time).

    `costs` is rows × columns with inf where there is no edge; every row may instead take a
    private dummy column at cost `dummy`.
    """
    count, width = costs.shape
    forbidden = 2.0 * (count + 1) * dummy
    full = np.full((count, width + count), forbidden)
    full[:, :width] = np.where(np.isfinite(costs), costs, forbidden)
    full[np.arange(count), width + np.arange(count)] = dummy
    columns = width + count
    u = np.zeros(count + 1)
    v = np.zeros(columns + 1)
    owner = np.zeros(columns + 1, dtype=np.int64)  # 1-based row holding each column; 0 free
    way = np.zeros(columns + 1, dtype=np.int64)
    for row in range(1, count + 1):
        owner[0] = row
        column = 0
        slack = np.full(columns + 1, np.inf)
        used = np.zeros(columns + 1, dtype=bool)
        while owner[column] != 0:
            used[column] = True
            current = owner[column]
            reduced = full[current - 1] - u[current] - v[1:]
            free = ~used[1:]
            better = free & (reduced < slack[1:])
            slack[1:][better] = reduced[better]
            way[1:][better] = column
            masked = np.where(free, slack[1:], np.inf)
            nearest = int(np.argmin(masked)) + 1
            delta = masked[nearest - 1]
            u[owner[used]] += delta
            v[used] -= delta
            slack[1:][free] -= delta
            column = nearest
        while column:
            previous = int(way[column])
            owner[column] = owner[previous]
            column = previous
    return sorted(
        (int(owner[j]) - 1, j - 1)
        for j in range(1, width + 1)
        if owner[j] and full[owner[j] - 1, j - 1] < forbidden
    )


def best_per_row(block: FloatMatrix, row_ids: list[int]) -> tuple[FloatMatrix, IntMatrix]:
    """Group candidate columns by row: each row's best score, and which candidate gave it."""
    row_array = np.asarray(row_ids)
    if np.all(row_array[1:] >= row_array[:-1]):  # already grouped (the aligner's candidates)
        order = np.arange(len(row_array))
        sorted_rows, ordered = row_array, block
    else:
        order = np.argsort(row_array, kind="stable")
        sorted_rows, ordered = row_array[order], block[:, order]
    starts = np.flatnonzero(np.r_[True, sorted_rows[1:] != sorted_rows[:-1]])
    best = np.maximum.reduceat(ordered, starts, axis=1)
    # The first candidate of each group reaching its best, as `argmax` would pick it.
    sizes = np.diff(np.r_[starts, ordered.shape[1]])
    position = np.arange(ordered.shape[1])
    at_best = np.where(ordered == np.repeat(best, sizes, axis=1), position, ordered.shape[1])
    best_member = order[np.minimum.reduceat(at_best, starts, axis=1)]
    return best, best_member.astype(np.int64)
