"""The one filter rule: compare() with filters equals filtering the full comparison."""

from __future__ import annotations

import pytest

from planlens.comparison.build import compare
from planlens.comparison.filters import RowFilter, filtered
from planlens.comparison.model import ChangeClass, Comparison
from planlens.corpus.load import Corpus, load_corpus

IDS = ["us-28", "e3-28"]


@pytest.fixture(scope="module")
def corpus() -> Corpus:
    return load_corpus()


@pytest.fixture(scope="module")
def full(corpus: Corpus) -> Comparison:
    return compare(corpus, IDS)


@pytest.mark.parametrize(
    "row_filter",
    [
        RowFilter(topic="military-limits"),
        RowFilter(changed_only=True),
        RowFilter(classes=frozenset({"added", "unknown"})),
        RowFilter(topic="security-guarantees", changed_only=True),
    ],
    ids=["topic", "changed-only", "classes", "topic+changed"],
)
def test_filtering_afterwards_equals_comparing_filtered(
    corpus: Corpus, full: Comparison, row_filter: RowFilter
) -> None:
    direct = compare(
        corpus,
        IDS,
        topic=row_filter.topic,
        changed_only=row_filter.changed_only,
        classes=row_filter.classes or None,
    )
    assert filtered(full, row_filter) == direct
    assert 0 < len(direct.rows) < len(full.rows)


def test_filtered_rows_are_renumbered_and_counted(full: Comparison) -> None:
    wanted: frozenset[ChangeClass] = frozenset({"modified"})
    only = filtered(full, RowFilter(classes=wanted))
    assert only.rows
    assert [row.index for row in only.rows] == list(range(len(only.rows)))
    assert all(any(p.change == "modified" for p in row.pairs) for row in only.rows)
    kept = [row for row in full.rows if any(p.change == "modified" for p in row.pairs)]
    assert [row.anchor for row in only.rows] == [row.anchor for row in kept]
    for summary in only.summary:
        pairs = [p for row in only.rows for p in row.pairs if (p.a, p.b) == (summary.a, summary.b)]
        assert summary.changes["modified"] == sum(p.change == "modified" for p in pairs)
    assert only.options.classes == ["modified"]
    # Omissions stay listed; those of rows left out point at no row.
    assert len(only.omissions) == len(full.omissions)
    for omission in only.omissions:
        if omission.row is not None:
            assert only.rows[omission.row].omissions.count(omission) == 1


def test_no_filter_is_the_same_object(full: Comparison) -> None:
    assert filtered(full, RowFilter()) is full
    assert not RowFilter().active


def test_a_row_without_pairs_counts_as_unchanged() -> None:
    corpus = load_corpus()
    single = compare(corpus, ["us-28"])
    assert single.rows and not single.rows[0].pairs
    assert filtered(single, RowFilter(changed_only=True)).rows == []
