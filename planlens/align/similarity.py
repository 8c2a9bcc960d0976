"""How alike two clauses are: TF-IDF words, word pairs and titles, named figures and places,
topics, figure names, numbering and position.

`Features` holds, for a set of clauses, the vectors and incidence matrices (`vectors`) from which
`Features.scores(rows, cols)` computes a whole block of pairwise scores at once, so aligning a
thousand clauses against ten thousand is a few sparse products rather than a Python loop.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from planlens.align import vectors
from planlens.align.blocks import Block, PairList, Pairs, overlap
from planlens.align.concepts import concepts
from planlens.align.tokens import content_words, named_slots, named_tokens, word_pairs
from planlens.align.vectors import Matrix
from planlens.corpus.address import format_address
from planlens.corpus.model import Clause

FloatMatrix = NDArray[np.float64]
Indices = Sequence[int] | NDArray[np.int64]


@dataclass(frozen=True)
class Weights:
    """How much each signal counts in a clause-pair score (at least 0; links report at most 1).

    The word, concept, title, topic, figure-name, numbering and position weights sum to 1; word
    order and named figures and places add evidence on top, and a clash of those takes it away.
    """

    text: float = 0.45
    """TF-IDF cosine of title and text."""
    order: float = 0.20
    """TF-IDF cosine of adjacent content-word pairs: word order, which a shared vocabulary
    alone does not give."""
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
    named: float = 0.10
    """Jaccard overlap of the figures and names in the texts, when both have some."""
    clash: float = 0.6
    """Subtracted in full when both texts give figures and places, agree on none of either,
    and otherwise say the same words in the same order (word-pair cosine 0.5 or more): the
    same sentence about another region. Half for figures or places alone; less as fewer word
    pairs agree."""


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
        return format_address(self.plan, self.clause.id)


def _tfidf(docs: Sequence[Sequence[str]]) -> Matrix:
    """Row-normalised TF-IDF with sublinear term frequency and smoothed IDF."""
    rows, cols, counts, size = vectors.term_counts(docs)
    logs = {count: 1.0 + math.log(count) for count in set(counts)}
    matrix = vectors.build(rows, cols, [logs[c] for c in counts], (len(docs), max(size, 1)))
    idf = np.log((1 + len(docs)) / (1 + vectors.column_counts(matrix))) + 1.0
    weighted = vectors.scale(matrix, idf, None)
    norms = vectors.row_norms(weighted)
    norms[norms == 0] = 1.0
    return vectors.scale(weighted, None, 1.0 / norms)


def _incidence(sets: Sequence[Collection[str]]) -> Matrix:
    """A 0/1 matrix: row i has a one in the column of each member of `sets[i]`."""
    rows, cols, _, size = vectors.term_counts(sets)
    return vectors.build(rows, cols, [1.0] * len(rows), (len(sets), max(size, 1)))


def _jaccard(inter: FloatMatrix, left: FloatMatrix, right: FloatMatrix) -> FloatMatrix:
    """Intersection over union, 0 where both sets are empty."""
    union = left + right - inter
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.asarray(np.where(union > 0, inter / union, 0.0))


def _disjoint(inter: FloatMatrix, left: FloatMatrix, right: FloatMatrix) -> FloatMatrix:
    """1 where both sets are non-empty and share nothing, else 0."""
    return np.asarray(((left > 0) & (right > 0) & (inter == 0)).astype(np.float64))


COMMON_NAME_SHARE = 0.25
"""A capitalised name found in more than this share of the clauses ("Ukraine", "Russia" in
these drafts) says little about which clause is which, and is left out of the named signal."""


def _common_names_dropped(named: Sequence[tuple[str, ...]]) -> list[tuple[str, ...]]:
    """Each clause's figures and names, without the names most clauses share."""
    counts = Counter(name for names in named for name in set(names) if not name[0].isdigit())
    limit = max(2.0, COMMON_NAME_SHARE * len(named))
    return [tuple(n for n in names if n[0].isdigit() or counts[n] <= limit) for names in named]


def _figures_and_places(refs: Sequence[ClauseRef]) -> tuple[Matrix, Matrix, Matrix, Matrix]:
    """0/1 matrices of the figures and of the (less common) names in each clause's text; and
    of the names' slots (the word before each) and of slot and name together."""
    named = _common_names_dropped([named_tokens(r.clause.text) for r in refs])
    numbers = _incidence([[n for n in names if n[0].isdigit()] for names in named])
    names = _incidence([[n for n in names if not n[0].isdigit()] for names in named])
    slotted = [
        [
            (slot, name)
            for slot, name in named_slots(r.clause.text)
            if slot and name in kept and not name[0].isdigit()
        ]
        for r, kept in zip(refs, (set(n) for n in named), strict=True)
    ]
    slots = _incidence([[slot for slot, _ in pairs] for pairs in slotted])
    fillers = _incidence([[f"{slot} {name}" for slot, name in pairs] for pairs in slotted])
    return numbers, names, slots, fillers


def _slot_clash(shared: FloatMatrix, agreeing: FloatMatrix) -> FloatMatrix:
    """The share of the slots both texts fill (the word before a place) that they fill
    differently ("held in Sevastopol" against "held in Berdiansk"), from the number of slots
    both fill and of slot-and-place pairs both have."""
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.asarray(np.where(shared > 0, np.maximum(shared - agreeing, 0.0) / shared, 0.0))


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
        text_words = [content_words(r.clause.text) for r in refs]
        # Without a title, the words of title and text are the text's (the space adds none).
        words = [
            content_words(f"{r.clause.title} {r.clause.text}") if r.clause.title else text
            for r, text in zip(refs, text_words, strict=True)
        ]
        self._text = _tfidf(words)
        self._word_sets = _incidence(text_words)
        self._word_counts = vectors.row_sums(self._word_sets)
        text_pairs = [word_pairs(w) for w in text_words]
        self._pair_sets = _incidence(text_pairs)
        self._pair_counts = vectors.row_sums(self._pair_sets)
        self._order = _tfidf(
            [
                pairs if w is t else word_pairs(w)
                for w, t, pairs in zip(words, text_words, text_pairs, strict=True)
            ]
        )
        self._numbers, self._names, self._slots, self._fillers = _figures_and_places(refs)
        self._concepts = _tfidf([concepts(f"{r.clause.title} {r.clause.text}") for r in refs])
        self._title = _tfidf([content_words(r.clause.title) for r in refs])
        self._has_title = np.array([bool(r.clause.title.strip()) for r in refs])
        self._topics = _incidence([r.clause.topics for r in refs])
        self._terms = _incidence([r.clause.terms.keys() for r in refs])
        self._topic_sizes = vectors.row_sums(self._topics)
        self._term_sizes = vectors.row_sums(self._terms)
        self._has_topics, self._has_terms = self._topic_sizes > 0, self._term_sizes > 0
        self._number_sizes = vectors.row_sums(self._numbers)
        self._name_sizes = vectors.row_sums(self._names)
        self._has_named = (
            self._number_sizes + self._name_sizes + vectors.row_sums(self._slots)
        ) > 0
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
        return vectors.block_dot(self._text, r, c)

    def containment(
        self,
        parts: Indices,
        wholes: Indices,
        pairs_where: Callable[[FloatMatrix], NDArray[np.bool_]] | None = None,
    ) -> tuple[FloatMatrix, FloatMatrix]:
        """For a block of pairs, the share of the part's distinct text words (content words,
        without the title) that the whole has too, and the share of its distinct adjacent word
        pairs; 0 for a part without words (1 for the pairs of a part without pairs).

        `pairs_where(word_shares)`, if given, says which pairs need their word-pair share: the
        others get 0 (the word pairs' product is the costlier one, and most pairs are ruled
        out by their words)."""
        r, c = np.asarray(parts, dtype=np.int64), np.asarray(wholes, dtype=np.int64)
        words = vectors.block_dot(self._word_sets, r, c)
        word_sizes = self._word_counts[r][:, None]
        with np.errstate(divide="ignore", invalid="ignore"):
            shares = np.asarray(np.where(word_sizes > 0, words / word_sizes, 0.0))
        if pairs_where is None:
            pairs = vectors.block_dot(self._pair_sets, r, c)
            pair_sizes = self._pair_counts[r][:, None]
            with np.errstate(divide="ignore", invalid="ignore"):
                return shares, np.asarray(np.where(pair_sizes > 0, pairs / pair_sizes, 1.0))
        at = np.nonzero(pairs_where(shares))
        inside = vectors.pair_dot(self._pair_sets, r[at[0]], c[at[1]])
        sizes = self._pair_counts[r[at[0]]]
        pair_shares = np.zeros(shares.shape)
        with np.errstate(divide="ignore", invalid="ignore"):
            pair_shares[at] = np.where(sizes > 0, inside / sizes, 1.0)
        return shares, pair_shares

    def pair_scores(self, left: Indices, right: Indices) -> FloatMatrix:
        """The combined score of each pair (left[k], right[k]): a vector, not a block."""
        r, c = np.asarray(left, dtype=np.int64), np.asarray(right, dtype=np.int64)
        if not len(r):
            return np.zeros(0)
        return self._combine(
            PairList(r, c),
            np.abs(self._position[r] - self._position[c]),
            (self._id_code[r] == self._id_code[c])
            & self._related[self._plan_code[r], self._plan_code[c]],
        )

    def word_agreement(self, left: Indices, right: Indices) -> FloatMatrix:
        """The part of each pair's (left[k], right[k]) score its words give: the weighted
        TF-IDF cosines of their words and of their adjacent word pairs (a vector)."""
        r, c = np.asarray(left, dtype=np.int64), np.asarray(right, dtype=np.int64)
        if not len(r):
            return np.zeros(0)
        pairs = PairList(r, c)
        w = self.weights
        return np.asarray(w.text * pairs.cosine(self._text) + w.order * pairs.cosine(self._order))

    def pair_shares_topic(self, left: Indices, right: Indices) -> NDArray[np.bool_]:
        """Whether each pair (left[k], right[k]) has a topic in common."""
        r, c = np.asarray(left, dtype=np.int64), np.asarray(right, dtype=np.int64)
        if not len(r):
            return np.zeros(0, dtype=bool)
        return vectors.pair_dot(self._topics, r, c) > 0

    def shares_topic(self, rows: Indices, cols: Indices) -> NDArray[np.bool_]:
        """Whether each (row, col) pair of clauses has at least one topic in common."""
        r, c = np.asarray(rows, dtype=np.int64), np.asarray(cols, dtype=np.int64)
        return vectors.block_dot(self._topics, r, c) > 0

    def scores(self, rows: Indices, cols: Indices) -> FloatMatrix:
        """The combined score of every (row, col) clause pair, a len(rows) × len(cols) block."""
        r, c = np.asarray(rows, dtype=np.int64), np.asarray(cols, dtype=np.int64)
        return self._combine(
            Block(r, c),
            np.abs(self._position[r][:, None] - self._position[c][None, :]),
            (self._id_code[r][:, None] == self._id_code[c][None, :])
            & self._related[np.ix_(self._plan_code[r], self._plan_code[c])],
        )

    def _combine(
        self, pairs: Pairs, distance: FloatMatrix, same_number: NDArray[np.bool_]
    ) -> FloatMatrix:
        """The weighted score from its signals, for a block or a vector of pairs alike.

        Signals that are zero unless both clauses have something of their kind (a title,
        topics, figure names, figures and places) are computed over those pairs only
        (`Pairs.both`); the other pairs would add exactly zero.
        """
        w = self.weights
        text_cos = pairs.cosine(self._text)
        combined = w.text * text_cos
        order_cos = pairs.cosine(self._order)
        combined += w.order * order_cos
        combined += w.concepts * pairs.cosine(self._concepts)
        # Without titles on both sides, the text cosine stands in for the title signal.
        title_cos = text_cos
        titled = pairs.both(self._has_title)
        if titled.size:
            title_cos = text_cos.copy()
            title_cos[titled.index] = titled.pairs.cosine(self._title)
        combined += w.title * title_cos
        for weight, matrix, sizes, present in (
            (w.topics, self._topics, self._topic_sizes, self._has_topics),
            (w.terms, self._terms, self._term_sizes, self._has_terms),
        ):
            both = pairs.both(present)
            if both.size:
                combined[both.index] += weight * _jaccard(*overlap(both.pairs, matrix, sizes))
        combined += w.position * (1.0 - distance)
        combined += w.numbering * same_number
        named = pairs.both(self._has_named)
        if named.size:
            combined[named.index] = self._named(
                named.pairs, combined[named.index], order_cos[named.index]
            )
        # Not clipped at 1: near-identical texts must still be told apart by position.
        return np.maximum(combined, 0.0)

    def _named(self, pairs: Pairs, combined: FloatMatrix, order_cos: FloatMatrix) -> FloatMatrix:
        """`combined` with the figures-and-places signal added and their clash taken away,
        for pairs whose two clauses both name some."""
        w = self.weights
        numbers = overlap(pairs, self._numbers, self._number_sizes)
        names = overlap(pairs, self._names, self._name_sizes)
        shared, left, right = (n + m for n, m in zip(numbers, names, strict=True))
        combined += w.named * _jaccard(shared, left, right)
        # Figures clash when both texts give some and none agree; places likewise. A clash
        # counts as far as the rest of the sentence agrees in order: the same words in the same
        # order about another place or figure are another provision of one family.
        # Places clash too when some agree but others fill the same slots ("held in X").
        slot_clash = _slot_clash(pairs.cosine(self._slots), pairs.cosine(self._fillers))
        clash = 0.5 * _disjoint(*numbers) + 0.5 * np.maximum(_disjoint(*names), slot_clash)
        combined -= w.clash * clash * np.minimum(1.0, 2.0 * order_cos)
        return combined
