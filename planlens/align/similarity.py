"""How alike two clauses are: TF-IDF words and titles, topics, figures, numbering and position.

`Features` holds, for a set of clauses, the sparse vectors and incidence matrices from which
`Features.scores(rows, cols)` computes a whole block of pairwise scores at once, so aligning a
thousand clauses against ten thousand is a few sparse products rather than a Python loop.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray
from scipy import sparse

from planlens.align.concepts import concepts
from planlens.align.tokens import content_words
from planlens.corpus.model import Clause

FloatMatrix = NDArray[np.float64]
Indices = Sequence[int] | NDArray[np.int64]


@dataclass(frozen=True)
class Weights:
    """How much each signal counts in a clause-pair score (the weights sum to 1)."""

    text: float = 0.45
    """TF-IDF cosine of title and text."""
    concepts: float = 0.15
    """TF-IDF cosine of the negotiation concepts named in title and text."""
    title: float = 0.10
    """TF-IDF cosine of the titles alone."""
    topics: float = 0.10
    """Jaccard overlap of the topic ids."""
    terms: float = 0.10
    """Jaccard overlap of the typed figures' names."""
    numbering: float = 0.07
    """Same clause id, between versions of one lineage."""
    position: float = 0.03
    """Closeness of relative position in the two documents."""


DEFAULT_WEIGHTS = Weights()


@dataclass(frozen=True)
class ClauseRef:
    """One clause to align, with the facts the score needs about its plan."""

    plan: str
    """Plan id."""
    clause: Clause
    """The clause."""
    position: float
    """Relative position in its plan, from 0 (first) to 1 (last)."""

    @property
    def address(self) -> str:
        """`plan:clause`."""
        return f"{self.plan}:{self.clause.id}"


def _tfidf(docs: Sequence[Sequence[str]]) -> sparse.csr_matrix:
    """Row-normalised TF-IDF with sublinear term frequency and smoothed IDF."""
    vocabulary: dict[str, int] = {}
    indptr = [0]
    indices: list[int] = []
    values: list[float] = []
    for words in docs:
        counts: dict[int, int] = {}
        for word in words:
            index = vocabulary.setdefault(word, len(vocabulary))
            counts[index] = counts.get(index, 0) + 1
        indices.extend(counts)
        values.extend(1.0 + math.log(c) for c in counts.values())
        indptr.append(len(indices))
    matrix = sparse.csr_matrix(
        (np.array(values, dtype=np.float64), np.array(indices, dtype=np.int64), indptr),
        shape=(len(docs), max(len(vocabulary), 1)),
    )
    doc_freq = np.bincount(matrix.indices, minlength=matrix.shape[1])
    idf = np.log((1 + len(docs)) / (1 + doc_freq)) + 1.0
    weighted = matrix.multiply(idf.reshape(1, -1)).tocsr()
    norms = np.sqrt(weighted.multiply(weighted).sum(axis=1)).A1
    norms[norms == 0] = 1.0
    return sparse.diags(1.0 / norms) @ weighted


def _incidence(sets: Sequence[Iterable[str]]) -> sparse.csr_matrix:
    """A 0/1 matrix: row i has a one in the column of each member of `sets[i]`."""
    vocabulary: dict[str, int] = {}
    rows: list[int] = []
    cols: list[int] = []
    for row, members in enumerate(sets):
        for member in set(members):
            rows.append(row)
            cols.append(vocabulary.setdefault(member, len(vocabulary)))
    data = np.ones(len(rows), dtype=np.float64)
    return sparse.csr_matrix((data, (rows, cols)), shape=(len(sets), max(len(vocabulary), 1)))


def _jaccard(
    incidence: sparse.csr_matrix, rows: NDArray[np.int64], cols: NDArray[np.int64]
) -> FloatMatrix:
    left, right = incidence[rows], incidence[cols]
    inter = (left @ right.T).toarray()
    size_left = np.asarray(left.sum(axis=1)).reshape(-1, 1)
    size_right = np.asarray(right.sum(axis=1)).reshape(1, -1)
    union = size_left + size_right - inter
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(union > 0, inter / union, 0.0)


class Features:
    """Precomputed similarity features for a list of clauses, addressed by index."""

    def __init__(
        self,
        refs: Sequence[ClauseRef],
        lineage: Iterable[tuple[str, str]] = (),
        weights: Weights = DEFAULT_WEIGHTS,
    ) -> None:
        self.refs = list(refs)
        self.weights = weights
        self._text = _tfidf([content_words(f"{r.clause.title} {r.clause.text}") for r in refs])
        self._concepts = _tfidf([concepts(f"{r.clause.title} {r.clause.text}") for r in refs])
        self._title = _tfidf([content_words(r.clause.title) for r in refs])
        self._has_title = np.array([bool(r.clause.title.strip()) for r in refs])
        self._topics = _incidence([r.clause.topics for r in refs])
        self._terms = _incidence([r.clause.terms.keys() for r in refs])
        self._position = np.array([r.position for r in refs], dtype=np.float64)
        plan_codes: dict[str, int] = {}
        id_codes: dict[str, int] = {}
        self._plan_code = np.array(
            [plan_codes.setdefault(r.plan, len(plan_codes)) for r in refs], dtype=np.int64
        )
        self._id_code = np.array(
            [id_codes.setdefault(r.clause.id, len(id_codes)) for r in refs], dtype=np.int64
        )
        self._related = np.zeros((len(plan_codes), len(plan_codes)), dtype=bool)
        for first, second in lineage:
            if first in plan_codes and second in plan_codes:
                i, j = plan_codes[first], plan_codes[second]
                self._related[i, j] = self._related[j, i] = True

    def related(self, first: int, second: int) -> bool:
        """Whether the plans of two clauses are one lineage (one is based on the other)."""
        return bool(self._related[self._plan_code[first], self._plan_code[second]])

    def text_cosine(self, rows: Indices, cols: Indices) -> FloatMatrix:
        """The TF-IDF cosine of titles plus texts alone, for a block of pairs."""
        r, c = np.asarray(rows, dtype=np.int64), np.asarray(cols, dtype=np.int64)
        return np.asarray((self._text[r] @ self._text[c].T).toarray())

    def pair_scores(self, left: Indices, right: Indices) -> FloatMatrix:
        """The combined score of each pair (left[k], right[k]): a vector, not a block."""
        w = self.weights
        r, c = np.asarray(left, dtype=np.int64), np.asarray(right, dtype=np.int64)
        if not len(r):
            return np.zeros(0)

        def rowwise(matrix: sparse.csr_matrix) -> FloatMatrix:
            return np.asarray(matrix[r].multiply(matrix[c]).sum(axis=1)).ravel()

        def jaccard(matrix: sparse.csr_matrix) -> FloatMatrix:
            inter = rowwise(matrix)
            sizes = np.asarray(matrix.sum(axis=1)).ravel()
            union = sizes[r] + sizes[c] - inter
            with np.errstate(divide="ignore", invalid="ignore"):
                return np.where(union > 0, inter / union, 0.0)

        text_cos = rowwise(self._text)
        titled = self._has_title[r] & self._has_title[c]
        same_number = (self._id_code[r] == self._id_code[c]) & self._related[
            self._plan_code[r], self._plan_code[c]
        ]
        combined = (
            w.text * text_cos
            + w.concepts * rowwise(self._concepts)
            + w.title * np.where(titled, rowwise(self._title), text_cos)
            + w.topics * jaccard(self._topics)
            + w.terms * jaccard(self._terms)
            + w.position * (1.0 - np.abs(self._position[r] - self._position[c]))
            + w.numbering * same_number
        )
        return np.asarray(combined, dtype=np.float64)

    def pair_shares_topic(self, left: Indices, right: Indices) -> NDArray[np.bool_]:
        """Whether each pair (left[k], right[k]) has a topic in common."""
        r, c = np.asarray(left, dtype=np.int64), np.asarray(right, dtype=np.int64)
        if not len(r):
            return np.zeros(0, dtype=bool)
        return np.asarray(self._topics[r].multiply(self._topics[c]).sum(axis=1)).ravel() > 0

    def shares_topic(self, rows: Indices, cols: Indices) -> NDArray[np.bool_]:
        """Whether each (row, col) pair of clauses has at least one topic in common."""
        r, c = np.asarray(rows, dtype=np.int64), np.asarray(cols, dtype=np.int64)
        return np.asarray((self._topics[r] @ self._topics[c].T).toarray() > 0)

    def scores(self, rows: Indices, cols: Indices) -> FloatMatrix:
        """The combined score of every (row, col) clause pair, a len(rows) × len(cols) block."""
        w = self.weights
        r, c = np.asarray(rows, dtype=np.int64), np.asarray(cols, dtype=np.int64)
        text_cos = self.text_cosine(r, c)
        titled = np.outer(self._has_title[r], self._has_title[c])
        title_cos = np.asarray((self._title[r] @ self._title[c].T).toarray())
        concept_cos = np.asarray((self._concepts[r] @ self._concepts[c].T).toarray())
        position = 1.0 - np.abs(self._position[r][:, None] - self._position[c][None, :])
        same_number = (self._id_code[r][:, None] == self._id_code[c][None, :]) & self._related[
            np.ix_(self._plan_code[r], self._plan_code[c])
        ]
        combined = (
            w.text * text_cos
            + w.concepts * concept_cos
            # Without titles on both sides, the text cosine stands in for the title signal.
            + w.title * np.where(titled, title_cos, text_cos)
            + w.topics * _jaccard(self._topics, r, c)
            + w.terms * _jaccard(self._terms, r, c)
            + w.position * position
            + w.numbering * same_number
        )
        return np.asarray(combined, dtype=np.float64)
