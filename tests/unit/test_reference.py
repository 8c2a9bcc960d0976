"""Choosing the reference version: every other version is compared with it."""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest

from planlens.comparison.build import compare
from planlens.comparison.pairs import reference_pairs
from planlens.corpus.load import Corpus, load_corpus
from planlens.errors import PlanlensError
from tests.conftest import BUNDLED, MINI, CliResult
from tests.unit.test_compare import ARMY, version

Run = Callable[..., CliResult]


def test_a_chosen_reference_is_compared_with_every_other_version() -> None:
    a = version("a", [("1", ARMY)])
    b = version("b", [("1", ARMY)], based_on=("a",))
    c = version("c", [("1", ARMY)], based_on=("b",))
    assert reference_pairs([a, b, c]) == [("a", "b"), ("b", "c")]
    assert reference_pairs([a, b, c], "c") == [("c", "a"), ("c", "b")]
    assert reference_pairs([a, b, c], "a") == [("a", "b"), ("a", "c")]


def test_a_reference_not_compared_is_refused() -> None:
    a = version("a", [("1", ARMY)])
    b = version("b", [("1", ARMY)])
    with pytest.raises(PlanlensError, match=r"the reference 'z' is not among the versions"):
        reference_pairs([a, b], "z")


@pytest.fixture(scope="module")
def bundled() -> Corpus:
    return load_corpus([BUNDLED])


def test_us28_against_itself_instead_of_the_april_framework(bundled: Corpus) -> None:
    ids = ["london-apr", "us-28", "e3-28"]
    default = compare(bundled, ids)
    assert default.pairs == [("london-apr", "us-28"), ("us-28", "e3-28")]
    chosen = compare(bundled, ids, reference="US-28")
    assert chosen.pairs == [("us-28", "london-apr"), ("us-28", "e3-28")]
    added = {s.b: s.changes["added"] for s in default.summary}
    removed = {s.b: s.changes["removed"] for s in chosen.summary}
    # What read "added in US-28" against April reads "not in LDN-APR" against US-28.
    assert added["us-28"] == removed["london-apr"] > 30


def test_report_and_align_take_a_reference(run_cli: Run) -> None:
    report = run_cli("report", "alpha", "beta", "gamma", "--reference", "gamma", "-f", "json",
                     "--plans", MINI)  # fmt: skip
    assert report.code == 0, report.err
    assert json.loads(report.out)["pairs"] == [["gamma", "alpha"], ["gamma", "beta"]]
    matrix = run_cli("align", "alpha", "beta", "--reference", "delta", "--plans", MINI)
    assert matrix.code == 1
    assert "no plan with id or label 'delta'; did you mean beta?" in matrix.err
    outside = run_cli("align", "alpha", "beta", "--reference", "gamma", "--plans", MINI)
    assert outside.code == 1
    assert "the reference 'gamma' is not among the versions compared (alpha, beta)" in outside.err


@pytest.mark.parametrize("fmt", ["text", "md", "html"])
def test_a_pairs_title_names_the_chosen_reference_first(run_cli: Run, fmt: str) -> None:
    report = run_cli("report", "alpha", "beta", "--reference", "beta", "-f", fmt, "--plans", MINI)
    assert report.code == 0, report.err
    # beta → alpha is what the report compares (army cap 800,000 → 600,000); the title said
    # "ALPHA → BETA".
    assert "planlens report: BETA → ALPHA" in report.out
    assert "ALPHA → BETA" not in report.out
    default = run_cli("report", "alpha", "beta", "-f", fmt, "--plans", MINI)
    assert "planlens report: ALPHA → BETA" in default.out
