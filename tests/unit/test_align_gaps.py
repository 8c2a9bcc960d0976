"""Gaps between in-order anchors (`planlens.align.gaps`)."""

from __future__ import annotations

from planlens.align.gaps import Gap, gaps, in_order_anchors


def test_the_anchors_are_the_longest_run_in_order_a_moved_pair_falls_out() -> None:
    # Rows placed 0, 1, 7 (moved), 2, 3: the run 0, 1, 2, 3 keeps order.
    assert in_order_anchors([0, 1, 7, 2, 3]) == [0, 1, 3, 4]


def test_unpaired_clauses_are_skipped_and_nothing_paired_means_no_anchor() -> None:
    assert in_order_anchors([None, 4, None, 5]) == [1, 3]
    assert in_order_anchors([None, None]) == []


def test_a_gap_lies_between_consecutive_anchors_a_moved_clause_inside_it() -> None:
    # Clause 2 is unpaired, clause 3 moved (row 9): both lie between anchors 1 and 4, whose
    # rows are at places 1 and 2; the gap holds the unpaired clause only.
    found = gaps([0, 1, None, 9, 2], row_count=10)
    assert found == [Gap(clauses=(2,), low=1, high=2, anchors=(1, 4))]


def test_gaps_at_the_ends_reach_the_ends_of_the_rows() -> None:
    found = gaps([None, 3, None], row_count=6)
    assert found == [Gap((0,), -1, 3, (1,)), Gap((2,), 3, 6, (1,))]
    assert gaps([None], row_count=2) == [Gap((0,), -1, 2, ())]
