"""The line between *reworded* and *modified*: `REWORD_LIMIT`, tested on both sides of it."""

from __future__ import annotations

import pytest

from planlens.comparison.build import compare
from planlens.comparison.changes import REWORD_LIMIT
from planlens.comparison.diff import change_ratio, word_diff
from tests.unit.test_compare import version

# Twelve words, none a figure; replacing k of them, spread apart, changes 2k of 12 + k words.
BASE = "delegates meet weekly in geneva while observers monitor every frontline sector closely"
WORDS = BASE.split()


def replaced(positions: tuple[int, ...]) -> str:
    words = list(WORDS)
    for n in positions:
        words[n] = f"other{n}"
    return " ".join(words)


@pytest.mark.parametrize(
    ("positions", "expected"),
    [
        ((1,), "reworded"),  # 2 / 13 words changed
        ((1, 6), "reworded"),  # 4 / 14: still below a third
        ((1, 5, 9), "modified"),  # 6 / 15 = 0.4: above a third, below a half
        ((1, 4, 7, 10), "modified"),  # 8 / 16 = 0.5
    ],
)
def test_a_third_of_the_words_is_the_limit(positions: tuple[int, ...], expected: str) -> None:
    new = replaced(positions)
    ratio = change_ratio(word_diff(BASE, new))
    assert (ratio > REWORD_LIMIT) == (expected == "modified")
    comparison = compare([version("a", [("1", BASE)]), version("b", [("1", new)])])
    [row] = comparison.rows
    assert row.pairs[0].change == expected


def test_exactly_a_third_is_still_a_rewording() -> None:
    # Ten words with two replaced: 4 of 12 words changed, the limit itself.
    old = "delegates meet weekly in geneva while observers monitor every sector"
    new = "delegates gather weekly in geneva while observers watch every sector"
    assert change_ratio(word_diff(old, new)) == pytest.approx(REWORD_LIMIT)
    comparison = compare([version("a", [("1", old)]), version("b", [("1", new)])])
    assert comparison.rows[0].pairs[0].change == "reworded"
