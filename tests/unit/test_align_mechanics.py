"""The aligner's fast computations give exactly what the plain ones they replace give."""

from __future__ import annotations

from collections.abc import Sequence

from hypothesis import given, settings
from hypothesis import strategies as st

from planlens.align.order import lcs_length

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
