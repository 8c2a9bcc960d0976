"""The one walk of the `based_on` lineage."""

from __future__ import annotations

from planlens.corpus.lineage import ancestors


def test_nearest_first_each_once() -> None:
    parents = {"d": ["c", "b"], "c": ["a"], "b": ["a"], "a": []}
    assert ancestors(parents, "d") == ["c", "b", "a"]
    assert ancestors(parents, "a") == []
    assert ancestors(parents, "unknown") == []


def test_a_cycle_ends_the_walk() -> None:
    assert ancestors({"a": ["b"], "b": ["a"]}, "a") == ["b"]
    assert ancestors({"a": ["a"]}, "a") == []


def test_a_dense_lineage_visits_each_ancestor_once() -> None:
    # 2,000 versions, each based on the 50 before it: a walk that followed every path would
    # never end; this one reaches each ancestor once, nearest first.
    ids = [f"v{n}" for n in range(2000)]
    parents = {pid: ids[max(0, n - 50) : n][::-1] for n, pid in enumerate(ids)}
    found = ancestors(parents, ids[-1])
    assert found == ids[:-1][::-1]
