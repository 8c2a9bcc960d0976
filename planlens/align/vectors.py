"""Row vectors of clauses, dense for small problems and sparse (scipy) for large ones.

Two versions of a few dozen clauses fit in a small numpy array; scipy's sparse matrices are
imported only when the clauses times the vocabulary would not, so a small diff starts fast.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from contextlib import AbstractContextManager, nullcontext
from itertools import chain
from typing import Any

import numpy as np
from numpy.typing import NDArray

FloatMatrix = NDArray[np.float64]
Indices = NDArray[np.int64]
Matrix = Any
"""A numpy array, or a scipy CSR matrix for large problems (both index rows alike)."""

DENSE_LIMIT = 2_000_000
"""Clauses × vocabulary up to which vectors are a dense array (16 MB of floats)."""
ONE_THREAD_FROM = 2_000
"""Clauses from which a problem's products run on one BLAS thread (see `one_blas_thread`)."""


def one_blas_thread(clauses: int) -> AbstractContextManager[object]:
    """Hold BLAS to one thread while a problem of `clauses` clauses is scored.

    Its products are many and small (a block of rows against a few thousand columns, over a
    vocabulary of a few hundred): a second thread saves little, and on a machine whose cores are
    busy, BLAS threads waiting for each other made them several times slower (the similar pass
    of 10 × 1,000 clauses took 2.5 s instead of 0.7 s). Small problems skip the import.
    """
    if clauses < ONE_THREAD_FROM:
        return nullcontext()
    from threadpoolctl import threadpool_limits

    limits: AbstractContextManager[object] = threadpool_limits(limits=1, user_api="blas")
    return limits


def build(rows: list[int], cols: list[int], values: list[float], shape: tuple[int, int]) -> Matrix:
    """A matrix with `values` at (rows, cols), duplicates summed."""
    if shape[0] * shape[1] <= DENSE_LIMIT:
        cells = np.asarray(rows, dtype=np.int64) * shape[1] + np.asarray(cols, dtype=np.int64)
        weights = np.asarray(values, dtype=np.float64)
        return np.bincount(cells, weights, minlength=shape[0] * shape[1]).reshape(shape)
    from scipy import sparse

    return sparse.csr_matrix(
        (np.asarray(values, dtype=np.float64), (rows, cols)), shape=shape
    ).tocsr()


def term_counts(docs: Sequence[Collection[str]]) -> tuple[list[int], list[int], list[int], int]:
    """How often each document uses each term: (rows, columns, counts) of the non-zero
    entries, and the number of distinct terms. Terms are numbered in order of first use."""
    flat = list(chain.from_iterable(docs))
    vocabulary = {term: code for code, term in enumerate(dict.fromkeys(flat))}
    codes = np.fromiter(map(vocabulary.__getitem__, flat), dtype=np.int64, count=len(flat))
    size = max(len(vocabulary), 1)
    rows = np.repeat(np.arange(len(docs), dtype=np.int64), [len(terms) for terms in docs])
    keys, counts = np.unique(rows * size + codes, return_counts=True)
    return (keys // size).tolist(), (keys % size).tolist(), counts.tolist(), len(vocabulary)


def is_sparse(matrix: Matrix) -> bool:
    """Whether `matrix` is a scipy sparse matrix."""
    return not isinstance(matrix, np.ndarray)


def scale(matrix: Matrix, columns: FloatMatrix | None, rows: FloatMatrix | None) -> Matrix:
    """`matrix` with each column times `columns[j]` and each row times `rows[i]`."""
    if not is_sparse(matrix):
        out = matrix
        if columns is not None:
            out = out * columns.reshape(1, -1)
        if rows is not None:
            out = out * rows.reshape(-1, 1)
        return out
    from scipy import sparse

    if columns is not None:
        matrix = matrix.multiply(columns.reshape(1, -1)).tocsr()
    if rows is not None:
        matrix = (sparse.diags(rows) @ matrix).tocsr()
    return matrix


def row_sums(matrix: Matrix) -> FloatMatrix:
    """The sum of each row."""
    return np.asarray(matrix.sum(axis=1), dtype=np.float64).ravel()


def row_norms(matrix: Matrix) -> FloatMatrix:
    """The Euclidean norm of each row."""
    squared = matrix.multiply(matrix) if is_sparse(matrix) else matrix * matrix
    return np.sqrt(row_sums(squared))


def column_counts(matrix: Matrix) -> FloatMatrix:
    """How many rows have a non-zero in each column."""
    if is_sparse(matrix):
        return np.bincount(matrix.indices, minlength=matrix.shape[1]).astype(np.float64)
    return np.asarray((matrix != 0).sum(axis=0), dtype=np.float64)


def block_dot(matrix: Matrix, rows: Indices, cols: Indices) -> FloatMatrix:
    """Dot products of every (row, col) pair: a len(rows) × len(cols) array."""
    product = matrix[rows] @ matrix[cols].T
    return np.asarray(product.toarray() if is_sparse(matrix) else product, dtype=np.float64)


def pair_dot(matrix: Matrix, left: Indices, right: Indices) -> FloatMatrix:
    """Dot products of the pairs (left[k], right[k])."""
    if is_sparse(matrix):
        return np.asarray(matrix[left].multiply(matrix[right]).sum(axis=1)).ravel()
    return np.asarray((matrix[left] * matrix[right]).sum(axis=1), dtype=np.float64)
