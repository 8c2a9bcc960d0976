"""Alignment: partition, identity, order invariance, and each pass on hand-made cases."""

from __future__ import annotations

import datetime as dt
from collections import Counter

from hypothesis import example, given, settings
from hypothesis import strategies as st

from planlens.align.model import Alignment
from planlens.align.passes import align, lineage_pairs, pairs_of
from planlens.corpus.load import load_corpus
from planlens.corpus.model import Clause, Plan, PlanFile
from tests.conftest import MINI

WORDS = (
    "army cap troops peace elections amnesty sanctions assets frozen reconstruction fund "
    "territory crimea donetsk ceasefire monitoring nato membership guarantee nuclear plant "
    "grain river prisoners children language church council treaty"
).split()


def plan(plan_id: str, texts: list[str], based_on: list[str] | None = None) -> PlanFile:
    return PlanFile(
        plan=Plan(
            id=plan_id,
            title=plan_id,
            date=dt.date(2025, 1, 1),
            kind="plan",
            status="official",
            fidelity="paraphrase",
            based_on=based_on or [],
        ),
        clause=[
            Clause(id=str(n + 1), text=text, topics=["other"], confidence="confirmed")
            for n, text in enumerate(texts)
        ],
    )


def partition_holds(alignment: Alignment, plans: list[PlanFile]) -> None:
    seen = Counter(
        f"{pid}:{cid}" for row in alignment.rows for pid, ids in row.clauses.items() for cid in ids
    )
    expected = {f"{p.id}:{c.id}" for p in plans for c in p.clauses}
    assert set(seen) == expected
    assert all(count == 1 for count in seen.values())


sentences = st.lists(st.sampled_from(WORDS), min_size=1, max_size=12).map(" ".join)


@given(
    st.lists(sentences, min_size=1, max_size=8),
    st.lists(sentences, min_size=1, max_size=8),
    st.lists(sentences, max_size=6),
)
@settings(max_examples=60, deadline=None)
def test_alignment_is_a_partition(a: list[str], b: list[str], c: list[str]) -> None:
    plans = [plan("a", a), plan("b", b, ["a"])]
    if c:
        plans.append(plan("c", c, ["b"]))
    partition_holds(align(plans, ignore_links=True), plans)


@given(st.lists(sentences, min_size=1, max_size=10))
@settings(max_examples=40, deadline=None)
def test_a_plan_aligned_with_its_copy_pairs_every_clause_with_itself(texts: list[str]) -> None:
    first, copy = plan("a", texts), plan("b", texts)
    alignment = align([first, copy], ignore_links=True)
    assert all(row.ids("a") == row.ids("b") for row in alignment.rows)
    assert len(alignment.rows) == len(texts)


@given(st.lists(sentences, min_size=1, max_size=8), st.lists(sentences, min_size=1, max_size=8))
# Neighbours each inside the other's row, and a short part split one way only: once broken.
@example(["army", "army", "army"], ["army", "army army", "army army"])
@example(["army", "army army cap"], ["cap", "army cap"])
@settings(max_examples=60, deadline=None)
def test_input_order_does_not_change_which_texts_pair_up(a: list[str], b: list[str]) -> None:
    first, second = plan("a", a), plan("b", b)
    forward = pairs_of(align([first, second], ignore_links=True), "a", "b")
    backward = pairs_of(align([second, first], ignore_links=True), "a", "b")

    def texts(pairs: set[frozenset[str]]) -> Counter[tuple[str, ...]]:
        lookup = {f"a:{n + 1}": t for n, t in enumerate(a)} | {
            f"b:{n + 1}": t for n, t in enumerate(b)
        }
        return Counter(tuple(sorted(lookup[x] for x in pair)) for pair in pairs)

    assert texts(forward) == texts(backward)


def test_reworded_moved_inserted_and_deleted() -> None:
    base = plan(
        "a",
        [
            "the army is capped at six hundred thousand troops at all times",
            "elections are held within one hundred days of signing",
            "a full amnesty is granted to every party for acts during the war",
            "frozen russian assets finance a reconstruction fund for ukraine",
        ],
    )
    new = plan(
        "b",
        [
            "frozen russian assets finance a reconstruction fund for ukraine",
            "the army is capped at eight hundred thousand troops in peacetime",
            "grain ships pass freely on the black sea and the dnipro river",
            "elections are held as soon as possible after signing",
        ],
    )
    alignment = align([base, new], ignore_links=True)
    pairs = {tuple(sorted(p)) for p in pairs_of(alignment, "a", "b")}
    assert pairs == {("a:1", "b:2"), ("a:2", "b:4"), ("a:4", "b:1")}
    by_pass = {(link.a, link.b): link.via for link in alignment.links}
    assert by_pass[("a:4", "b:1")] == "exact"
    assert by_pass[("a:1", "b:2")] == "similar"
    # Row order: the base order, with b's new clause 3 right after the row of b's previous
    # clause (b:2, in a:1's row), and a's deleted clause 3 in its own place.
    order = [(row.ids("a"), row.ids("b")) for row in alignment.rows]
    assert order == [
        (("1",), ("2",)),
        ((), ("3",)),
        (("2",), ("4",)),
        (("3",), ()),
        (("4",), ("1",)),
    ]


def test_asserted_links_win_and_are_recorded() -> None:
    corpus = load_corpus([MINI])
    alignment = align([corpus.plan("alpha"), corpus.plan("beta")])
    passes = {(link.a, link.b): link.via for link in alignment.links}
    assert passes[("alpha:1", "beta:1")] == "asserted"
    assert passes[("alpha:2", "beta:3")] == "asserted"
    ignored = align([corpus.plan("alpha"), corpus.plan("beta")], ignore_links=True)
    assert "asserted" not in {link.via for link in ignored.links}
    assert ignored.ignore_links


def test_split_by_containment() -> None:
    base = plan(
        "a",
        [
            "russia returns every deported child and all military prisoners are exchanged in equal "
            "numbers by both sides",
            "a council chaired by the president monitors the agreement",
        ],
    )
    new = plan(
        "b",
        [
            "russia returns every deported child",
            "all military prisoners are exchanged in equal numbers by both sides",
            "a council chaired by the president monitors the agreement",
        ],
    )
    alignment = align([base, new], ignore_links=True)
    row = alignment.rows[alignment.row_of("a:1") or 0]
    assert row.ids("b") == ("1", "2")
    assert {link.kind for link in alignment.links if link.b in ("b:1", "b:2")} == {"match", "split"}


def test_merge_by_containment_keeps_the_base_row() -> None:
    base = plan(
        "a",
        [
            "russia returns every deported child",
            "all military prisoners are exchanged in equal numbers by both sides",
        ],
    )
    new = plan(
        "b",
        [
            "russia returns every deported child and all military prisoners are exchanged in equal "
            "numbers by both sides",
        ],
    )
    alignment = align([base, new], ignore_links=True)
    merges = [link for link in alignment.links if link.kind == "merge"]
    assert len(merges) == 1 and merges[0].b == "b:1"
    partition_holds(alignment, [base, new])


def test_short_fragments_are_not_called_splits() -> None:
    base = plan("a", ["prisoners are exchanged and russia returns every deported child"])
    new = plan("b", ["russia returns every deported child", "prisoners exchanged"])
    alignment = align([base, new], ignore_links=True)
    assert [link.kind for link in alignment.links] == ["match"]


def test_unrelated_clauses_stay_unpaired() -> None:
    base = plan("a", ["the army is capped at six hundred thousand troops"])
    new = plan("b", ["grain ships pass freely on the black sea"])
    alignment = align([base, new], ignore_links=True)
    assert pairs_of(alignment, "a", "b") == set()
    assert len(alignment.rows) == 2


def test_lineage_is_transitive() -> None:
    a, b, c = plan("a", ["x"]), plan("b", ["x"], ["a"]), plan("c", ["x"], ["b"])
    assert lineage_pairs([a, b, c]) == {("a", "b"), ("b", "c"), ("a", "c")}


def test_plan_without_clauses_aligns() -> None:
    empty = PlanFile(
        plan=Plan(
            id="e",
            title="e",
            date=dt.date(2025, 1, 1),
            kind="plan",
            status="reported",
            fidelity="summary",
            complete=False,
        ),
    )
    base = plan("a", ["one provision here"])
    alignment = align([base, empty])
    assert [row.clauses for row in alignment.rows] == [{"a": ("1",)}]


def _asserted_found(first: str, second: str) -> float:
    corpus = load_corpus()
    later = corpus.plan(second)
    asserted = {
        frozenset((f"{second}:{clause.id}", link))
        for clause in later.clauses
        for link in clause.links
        if link.startswith(f"{first}:")
    }
    found = pairs_of(align([corpus.plan(first), later], ignore_links=True), first, second)
    return len(asserted & found) / len(asserted)


def test_automatic_passes_find_the_editors_links_for_derived_versions() -> None:
    # Guards the real-corpus quality quoted in the benchmarks: the e3-28 mark-up (including
    # its point 21, which folds 21.a–d into one clause) and the ua-20 framework.
    assert _asserted_found("us-28", "e3-28") >= 0.95
    assert _asserted_found("us-28", "ua-20") >= 0.9


def test_sub_points_folded_into_one_clause_are_merges() -> None:
    corpus = load_corpus()
    alignment = align([corpus.plan("us-28"), corpus.plan("e3-28")], ignore_links=True)
    partners = {link.a for link in alignment.links if link.b == "e3-28:21"}
    assert partners == {"us-28:21.a", "us-28:21.b", "us-28:21.c", "us-28:21.d"}


def test_a_missing_sub_point_of_a_version_numbered_alike_is_not_a_merge() -> None:
    corpus = load_corpus()
    alignment = align([corpus.plan("us-28"), corpus.plan("e3-28")], ignore_links=True)
    # e3-28 keeps 20.a; the fate of 20.b and 20.c is not established: no merge is claimed.
    assert not [link for link in alignment.links if link.b == "e3-28:20.a" and link.kind != "match"]


def test_automatic_splits_and_merges_on_the_real_corpus_are_ones_the_editors_assert() -> None:
    # A false split or merge is worse than a missed one. Against every version the editors
    # linked to us-28, each split or merge the automatic passes make must be an asserted link
    # (weak sibling merges such as us-28:10.a "US compensated" into ua-20:5.c "bilateral
    # guarantees not excluded" used to slip through).
    corpus = load_corpus()
    linked = sorted(
        {
            p.id
            for p in corpus.plans
            if any(link.startswith("us-28:") for c in p.clauses for link in c.links)
        }
    )
    assert len(linked) >= 8
    for other in linked:
        later = corpus.plan(other)
        asserted = {frozenset((f"{other}:{c.id}", link)) for c in later.clauses for link in c.links}
        alignment = align([corpus.plan("us-28"), later], ignore_links=True)
        structural = {
            frozenset((link.a, link.b)) for link in alignment.links if link.kind != "match"
        }
        assert structural <= asserted, (other, structural - asserted)


@given(
    st.lists(
        st.lists(st.sampled_from([0.0, 0.0, 0.3, 0.5, 0.7, 0.9]), min_size=1, max_size=5),
        min_size=1,
        max_size=5,
    ).filter(lambda rows: len({len(r) for r in rows}) == 1)
)
@settings(max_examples=200, deadline=None)
def test_best_matching_has_the_greatest_total_weight(rows: list[list[float]]) -> None:
    import itertools

    import numpy as np

    from planlens.align.matching import best_matching

    weights = np.array(rows)
    pairs = best_matching(weights)
    assert len({r for r, _ in pairs}) == len(pairs) == len({c for _, c in pairs})
    assert all(weights[r, c] > 0 for r, c in pairs)
    n, m = weights.shape
    best = 0.0
    for columns in itertools.permutations([*range(m), *([None] * n)], n):
        best = max(best, sum(weights[r, c] for r, c in enumerate(columns) if c is not None))
    assert abs(sum(weights[r, c] for r, c in pairs) - best) < 1e-9
