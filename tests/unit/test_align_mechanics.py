"""The aligner's fast computations give exactly what the plain ones they replace give."""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from numpy.typing import NDArray

from benchmarks.synthetic_hard import HardGenerator
from planlens.align import matching, passes, vectors
from planlens.align.concepts import CONCEPTS, phrase_trie
from planlens.align.order import lcs_length
from planlens.align.passes import align, clause_refs, lineage_pairs, pairs_of
from planlens.align.similarity import Features, FloatMatrix, Indices
from planlens.align.tokens import tokens, word_count
from planlens.corpus.load import load_corpus
from tests.unit.test_align import plan

words = st.lists(st.sampled_from("abcdefg"), max_size=40)


def _lcs_by_table(first: Sequence[str], second: Sequence[str]) -> int:
    """The textbook dynamic programme: one cell per pair of positions."""
    previous = [0] * (len(second) + 1)
    for word in first:
        current = [0]
        for j, other in enumerate(second):
            current.append(previous[j] + 1 if word == other else max(previous[j + 1], current[j]))
        previous = current
    return previous[-1]


@given(words, words)
@settings(max_examples=300, deadline=None)
def test_bit_parallel_lcs_equals_the_table(first: list[str], second: list[str]) -> None:
    assert lcs_length(first, second) == _lcs_by_table(first, second)


def test_lcs_of_long_texts_is_exact() -> None:
    # Longer than a machine word: the bit vector spans several limbs of a Python integer.
    first = [f"w{i % 37}" for i in range(300)]
    second = [f"w{(i * 7) % 41}" for i in range(500)]
    assert lcs_length(first, second) == _lcs_by_table(first, second)


def _every_clause_present(features: Features) -> None:
    """Mark every clause as having topics, figure names and places: the scores are then
    computed over every pair, as before signals were narrowed to the pairs that have them.
    (Titles are not among them: without one, the text cosine stands in.)"""
    for name in ("_has_topics", "_has_terms", "_has_named"):
        flags = getattr(features, name)
        setattr(features, name, np.ones_like(flags))


@pytest.mark.parametrize("source", ["bundled", "hard"])
def test_scores_over_the_pairs_with_a_signal_equal_those_over_every_pair(source: str) -> None:
    if source == "bundled":
        plans = list(load_corpus().plans)
    else:
        generator = HardGenerator(5)
        base = generator.base("v1", 150)
        plans = [base, generator.mutate_hard(base, "v2")[0]]
    refs = clause_refs(plans)
    features = Features(refs, lineage_pairs(plans))
    # Some clauses name figures or places and some do not, or the test would prove nothing.
    assert 0 < features._has_named.sum() < len(refs)
    rows = np.arange(0, len(refs), 3)
    cols = np.arange(1, len(refs), 2)
    left, right = rows[: len(cols)], cols[: len(rows)]
    narrowed = features.scores(rows, cols), features.pair_scores(left, right)
    _every_clause_present(features)
    whole = features.scores(rows, cols), features.pair_scores(left, right)
    assert np.array_equal(narrowed[0], whole[0])
    assert np.array_equal(narrowed[1], whole[1])


def test_a_large_problem_scores_on_one_blas_thread(monkeypatch: pytest.MonkeyPatch) -> None:
    from threadpoolctl import threadpool_info

    seen: list[list[int]] = []
    scores = Features.scores

    def recording(self: Features, rows: Indices, cols: Indices) -> FloatMatrix:
        seen.append([p["num_threads"] for p in threadpool_info() if p["user_api"] == "blas"])
        return scores(self, rows, cols)

    monkeypatch.setattr(Features, "scores", recording)
    monkeypatch.setattr(vectors, "ONE_THREAD_FROM", 100)
    generator = HardGenerator(2)
    base = generator.base("v1", 60)
    align([base, generator.mutate_hard(base, "v2")[0]], ignore_links=True)
    # Every BLAS library loaded (numpy's, and scipy's once imported) runs one thread.
    assert any(seen)
    assert all(count == 1 for threads in seen for count in threads)


def test_a_small_problem_leaves_blas_alone() -> None:
    with vectors.one_blas_thread(vectors.ONE_THREAD_FROM - 1) as limits:
        assert limits is None


def _alternation(phrases: Sequence[str]) -> re.Pattern[str]:
    """The plain alternation of the phrases, longest first, with the concepts' boundaries."""
    body = "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{body})(?![\w-])")


LEXICON = sorted({phrase for phrases in CONCEPTS.values() for phrase in phrases})
pieces = st.sampled_from([*LEXICON, *(p[: len(p) // 2] for p in LEXICON), "-", " ", "x", ", "])


@given(st.lists(pieces, max_size=12).map("".join))
@settings(max_examples=300, deadline=None)
def test_the_phrase_trie_matches_what_the_alternation_matches(text: str) -> None:
    trie = re.compile(rf"(?<![\w-])(?:{phrase_trie(LEXICON)})(?![\w-])")
    expected = [m.span() for m in _alternation(LEXICON).finditer(text)]
    assert [m.span() for m in trie.finditer(text)] == expected


def test_the_phrase_trie_prefers_the_longest_phrase_with_a_boundary() -> None:
    phrases = ["peace", "peace plan", "peace planning"]
    trie = re.compile(rf"(?<![\w-])(?:{phrase_trie(phrases)})(?![\w-])")
    for text in ("a peace plan", "peace planet", "peace planning now", "peace-plan"):
        expected = [m.group() for m in _alternation(phrases).finditer(text)]
        assert [m.group() for m in trie.finditer(text)] == expected
    assert [m.group() for m in trie.finditer("the peace plans")] == ["peace"]


def test_word_pair_shares_computed_where_asked_equal_the_whole_block() -> None:
    generator = HardGenerator(6)
    base = generator.base("v1", 120)
    plans = [base, generator.mutate_hard(base, "v2")[0]]
    features = Features(clause_refs(plans), lineage_pairs(plans))
    parts, wholes = np.arange(120, len(features.refs)), np.arange(0, 120)
    shares, pair_shares = features.containment(parts, wholes)
    mask = shares >= 0.5
    assert 0 < mask.sum() < mask.size
    narrowed_shares, narrowed = features.containment(parts, wholes, lambda s: s >= 0.5)
    assert np.array_equal(narrowed_shares, shares)
    assert np.array_equal(narrowed[mask], pair_shares[mask])
    assert not narrowed[~mask].any()


@given(st.text(alphabet=st.sampled_from("ab_5,.-'’ \n!é١")))
@settings(max_examples=400, deadline=None)
def test_word_count_counts_the_word_tokens(text: str) -> None:
    assert word_count(text) == len([t for t in tokens(text) if t[0].isalnum()])


def test_the_exact_pass_solves_only_contested_pairs(monkeypatch: pytest.MonkeyPatch) -> None:
    solved: list[int] = []
    solve = matching.edge_matching

    def recording(
        rows: NDArray[np.int64],
        cols: NDArray[np.int64],
        weights: FloatMatrix,
        shape: tuple[int, int],
    ) -> list[tuple[int, int]]:
        solved.append(len(rows))
        return solve(rows, cols, weights, shape)

    monkeypatch.setattr(passes, "edge_matching", recording)
    texts = ["Forces withdraw.", "Sanctions are lifted.", "Reserved.", "Reserved.", "Aid flows."]
    alignment = align([plan("a", texts), plan("b", list(reversed(texts)))], ignore_links=True)
    # Three texts appear once a side: paired outright; the two "Reserved." clauses of each
    # side contest two rows (four pairs), which the matching settles in document order.
    assert solved == [4]
    assert pairs_of(alignment, "a", "b") == {
        frozenset((f"a:{x}", f"b:{y}")) for x, y in [(1, 5), (2, 4), (3, 2), (4, 3), (5, 1)]
    }
