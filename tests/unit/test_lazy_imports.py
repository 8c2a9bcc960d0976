"""Heavy libraries load only when a problem needs them: a small diff never imports scipy."""

from __future__ import annotations

import subprocess
import sys

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from planlens.align import matching


def test_a_small_diff_does_not_import_scipy() -> None:
    code = (
        "import sys\n"
        "from planlens.cli import main\n"
        "code = main(['diff', 'us-28', 'e3-28'])\n"
        "assert code == 0, code\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'scipy'))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip().splitlines()[-1] == "[]"


@given(
    st.integers(1, 9),
    st.integers(1, 9),
    st.lists(st.sampled_from([0.0, 0.0, 0.2, 0.5, 0.7, 0.9, 1.0]), min_size=81, max_size=81),
)
@settings(max_examples=150, deadline=None)
def test_the_numpy_matching_weighs_as_much_as_scipys(
    count: int, width: int, values: list[float]
) -> None:
    weights = np.array(values[: count * width]).reshape(count, width)
    small = matching.best_matching(weights)
    limit = matching.SMALL_MATCHING
    try:
        matching.SMALL_MATCHING = 0
        large = matching.best_matching(weights)
    finally:
        matching.SMALL_MATCHING = limit
    assert abs(sum(weights[r, c] for r, c in small) - sum(weights[r, c] for r, c in large)) < 1e-9
    assert len({c for _, c in small}) == len(small)
