"""Candidate pairs for the aligner's passes, scored in blocks so memory stays bounded.

Scoring every new clause against every row at once needs a clauses × rows matrix (and a few
more of its size while the signals are combined): 20,000 × 20,000 clauses took 22.7 GB. Here
the new clauses are scored a block of rows at a time (`BLOCK_CELLS` pairs), and only the pairs
at or above the threshold are kept, as a sparse list of edges. A clause keeps at most
`CANDIDATES_PER_CLAUSE` of them (its best), and so does a row: when no clause and no row has
more than that many pairs above the threshold, which is the case on every corpus measured,
the edges are exactly those of the dense matrix, and the matching is the same.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from planlens.align import vectors
from planlens.align.matching import best_per_row
from planlens.align.similarity import Features
from planlens.align.tokens import content_words

FloatArray = NDArray[np.float64]
IntArray = NDArray[np.int64]

BLOCK_CELLS = 400_000
"""Pairs scored at once (a few MB per array while the signals are combined)."""
CANDIDATES_PER_CLAUSE = 64
"""At most this many candidate pairs are kept per clause and per row: the best ones."""


@dataclass(frozen=True)
class Edges:
    """Scored pairs of a (clauses × groups) problem, only those kept, in no particular order."""

    rows: IntArray
    """Clause position (into the clauses scored) of each pair."""
    cols: IntArray
    """Group position (into the sorted distinct group ids) of each pair."""
    scores: FloatArray
    """The pair's score: the best of the group's members."""
    members: IntArray
    """Which candidate (position in the candidates scored) gave that best score."""
    row_best: FloatArray
    """Each clause's best score over every group, kept or not."""
    col_best: FloatArray
    """Each group's best score over every clause, kept or not (with `row_best`, enough to
    tell whether a kept pair is each other's best)."""


def threshold_edges(
    features: Features,
    clauses: Sequence[int],
    candidates: Sequence[int],
    groups: Sequence[int],
    threshold: float,
) -> Edges:
    """Pairs of a clause and a group of candidates scoring at least `threshold`.

    Candidate `candidates[k]` belongs to group `groups[k]` (a row of the alignment); a pair's
    score is the best over the group's members (`matching.best_per_row`). Columns of the result
    are positions in the sorted distinct groups. At most `CANDIDATES_PER_CLAUSE` pairs are kept
    per clause and per group, the best ones (see the module docstring).
    """
    limit = CANDIDATES_PER_CLAUSE
    step = max(1, BLOCK_CELLS // max(1, len(candidates)))
    parts: list[tuple[IntArray, IntArray, FloatArray, IntArray]] = []
    pool = _empty()
    row_best = np.zeros(len(clauses))
    col_best = np.zeros(len(set(groups)))
    for start in range(0, len(clauses), step):
        block = features.scores(clauses[start : start + step], candidates)
        best, best_member = best_per_row(block, list(groups))
        row_best[start : start + len(best)] = best.max(axis=1)
        np.maximum(col_best, best.max(axis=0), out=col_best)
        r, c = np.nonzero(best >= threshold)
        found = (r + start, c, best[r, c], best_member[r, c])
        parts.append(_top(found, by=0, limit=limit))
        pool = _concat([pool, found])
        if len(pool[0]) > 2 * limit * best.shape[1]:
            pool = _top(pool, by=1, limit=limit)
    kept = _concat([*parts, _top(pool, by=1, limit=limit)])
    unique = np.unique(kept[0] * max(1, len(set(groups))) + kept[1], return_index=True)[1]
    return Edges(
        kept[0][unique], kept[1][unique], kept[2][unique], kept[3][unique], row_best, col_best
    )


Found = tuple[IntArray, IntArray, FloatArray, IntArray]


def _empty() -> Found:
    return (
        np.zeros(0, dtype=np.int64),
        np.zeros(0, dtype=np.int64),
        np.zeros(0),
        np.zeros(0, dtype=np.int64),
    )


def _concat(parts: Sequence[Found]) -> Found:
    return (
        np.concatenate([p[0] for p in parts]).astype(np.int64),
        np.concatenate([p[1] for p in parts]).astype(np.int64),
        np.concatenate([p[2] for p in parts]).astype(np.float64),
        np.concatenate([p[3] for p in parts]).astype(np.int64),
    )


def _top(found: Found, *, by: int, limit: int) -> Found:
    """The pairs among the `limit` best of their clause (`by=0`) or of their group (`by=1`);
    equal scores go to the earlier pair."""
    keys, other, scores = found[by], found[1 - by], found[2]
    if not len(keys) or np.bincount(keys).max() <= limit:
        return found
    order = np.lexsort((other, -scores, keys))
    sorted_keys = keys[order]
    starts = np.flatnonzero(np.r_[True, sorted_keys[1:] != sorted_keys[:-1]])
    rank = np.arange(len(order)) - np.repeat(starts, np.diff(np.r_[starts, len(order)]))
    chosen = order[rank < limit]
    return (found[0][chosen], found[1][chosen], found[2][chosen], found[3][chosen])


class WordSets:
    """The content words of each clause's text, as a 0/1 matrix for containment products."""

    def __init__(self, texts: Sequence[str]) -> None:
        words = [frozenset(content_words(text)) for text in texts]
        rows, cols, _, size = vectors.term_counts(words)
        self.matrix = vectors.build(rows, cols, [1.0] * len(cols), (len(words), max(size, 1)))
        """Row i has a one in the column of each content word of text i."""
        self.sizes = np.array([len(members) for members in words], dtype=np.float64)
        """How many distinct content words each text has."""


def contained_pairs(
    features: Features,
    words: WordSets,
    parts: Sequence[int],
    wholes: Sequence[int],
    containment: float,
) -> list[tuple[int, int, float]]:
    """(part, whole, share) where the part's text cosine with the whole is at least 0.2 and
    at least `containment` of its content words lie inside the whole's (`share`).

    Computed in blocks of parts, as products of word-incidence matrices, rather than a set
    intersection per pair: on texts that share their vocabulary most pairs pass the cosine. A
    part keeps its `CANDIDATES_PER_CLAUSE` best wholes (the highest shares, earlier first).
    """
    if not parts or not wholes:
        return []
    part_rows = np.asarray(parts, dtype=np.int64)
    whole_rows = np.asarray(wholes, dtype=np.int64)
    sizes = words.sizes[part_rows]
    found: list[tuple[int, int, float]] = []
    step = max(1, BLOCK_CELLS // len(wholes))
    for start in range(0, len(parts), step):
        stop = min(start + step, len(parts))
        cosine = features.text_cosine(part_rows[start:stop], whole_rows)
        inside = vectors.block_dot(words.matrix, part_rows[start:stop], whole_rows)
        size = sizes[start:stop, None]
        with np.errstate(divide="ignore", invalid="ignore"):
            share = np.where(size > 0, inside / size, 0.0)
        r, c = np.nonzero((cosine >= 0.2) & (share >= containment))
        r, c, kept, _ = _top((r, c, share[r, c], c), by=0, limit=CANDIDATES_PER_CLAUSE)
        for row, col, value in zip(r.tolist(), c.tolist(), kept.tolist(), strict=True):
            found.append((parts[start + row], wholes[col], value))
    return found
