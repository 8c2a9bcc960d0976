"""The clause pairs a similarity score is computed over: a block (every row against every
column) or a list of pairs side by side, and the part of them where both clauses have a signal.

Most signals of a score are zero unless both clauses have something of their kind (topics,
figures, places): `Pairs.both` narrows a computation to those pairs, so a corpus where few
clauses name a place pays for the places of those few only.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

import numpy as np
from numpy.typing import NDArray

from planlens.align import vectors
from planlens.align.vectors import Matrix

FloatMatrix = NDArray[np.float64]
Indices = NDArray[np.int64]
Overlap = tuple[FloatMatrix, FloatMatrix, FloatMatrix]
"""Intersection sizes of pairs of sets, and the sizes of each side (broadcastable)."""


class Pairs(Protocol):
    """Pairs of clauses (indices into a `Features`), the shape of the arrays computed over them."""

    def cosine(self, matrix: Matrix) -> FloatMatrix:
        """The dot product of each pair's rows of `matrix`."""
        ...

    def sides(self, values: FloatMatrix) -> tuple[FloatMatrix, FloatMatrix]:
        """`values` (one per clause) of each pair's first and second clause, broadcastable."""
        ...

    def both(self, present: NDArray[np.bool_]) -> Selection:
        """The pairs whose two clauses are both `present` (one flag per clause)."""
        ...


@dataclass(frozen=True)
class Selection:
    """Some of a set of pairs: where they sit in its arrays, and the pairs themselves."""

    index: tuple[NDArray[np.intp], ...] | NDArray[np.intp] | tuple[slice, ...] | slice
    """Index into an array over the whole set (`array[index]`) giving these pairs' cells."""
    pairs: Pairs
    """These pairs, to compute over."""
    size: int
    """How many pairs they are."""


def overlap(pairs: Pairs, matrix: Matrix, sizes: FloatMatrix) -> Overlap:
    """Intersection sizes of the pairs in a 0/1 `matrix` whose row sums are `sizes`."""
    return (pairs.cosine(matrix), *pairs.sides(sizes))


@dataclass(frozen=True)
class Block:
    """Every (rows[i], cols[j]) pair: arrays of len(rows) × len(cols)."""

    rows: Indices
    """Clauses of the block's rows."""
    cols: Indices
    """Clauses of its columns."""

    def cosine(self, matrix: Matrix) -> FloatMatrix:
        """The dot product of each pair's rows of `matrix`."""
        return vectors.block_dot(matrix, self.rows, self.cols)

    def sides(self, values: FloatMatrix) -> tuple[FloatMatrix, FloatMatrix]:
        """`values` of the rows as a column, of the columns as a row."""
        return values[self.rows][:, None], values[self.cols][None, :]

    def both(self, present: NDArray[np.bool_]) -> Selection:
        """The sub-block of the rows and columns that are `present`."""
        rows = np.flatnonzero(present[self.rows])
        cols = np.flatnonzero(present[self.cols])
        if len(rows) == len(self.rows) and len(cols) == len(self.cols):  # all: no copies
            return Selection((slice(None), slice(None)), self, len(rows) * len(cols))
        return Selection(
            np.ix_(rows, cols), Block(self.rows[rows], self.cols[cols]), len(rows) * len(cols)
        )


@dataclass(frozen=True)
class PairList:
    """The pairs (left[k], right[k]): arrays of len(left)."""

    left: Indices
    """First clause of each pair."""
    right: Indices
    """Second clause of each pair."""

    def cosine(self, matrix: Matrix) -> FloatMatrix:
        """The dot product of each pair's rows of `matrix`."""
        return vectors.pair_dot(matrix, self.left, self.right)

    def sides(self, values: FloatMatrix) -> tuple[FloatMatrix, FloatMatrix]:
        """`values` of the first and of the second clauses."""
        return values[self.left], values[self.right]

    def both(self, present: NDArray[np.bool_]) -> Selection:
        """The pairs whose two clauses are `present`."""
        kept = np.flatnonzero(present[self.left] & present[self.right])
        if len(kept) == len(self.left):  # all: no copies
            return Selection(slice(None), self, len(kept))
        return Selection(kept, PairList(self.left[kept], self.right[kept]), len(kept))
