"""Blocked candidate scoring (issue 13.9): bounded memory, and the dense alignment's result."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest

from benchmarks.synthetic import Generator
from benchmarks.synthetic_hard import HardGenerator
from planlens.align import candidates
from planlens.align.matching import best_per_row
from planlens.align.passes import align, clause_refs
from planlens.align.similarity import Features
from planlens.corpus.model import Clause, Plan, PlanFile


def _versions(generator: Generator, size: int, count: int) -> list[PlanFile]:
    plans = [generator.base("v1", size)]
    for n in range(2, count + 1):
        if isinstance(generator, HardGenerator):
            plans.append(generator.mutate_hard(plans[-1], f"v{n}")[0])
        else:
            plans.append(generator.mutate(plans[-1], f"v{n}")[0])
    return plans


@pytest.mark.parametrize("generator", [HardGenerator(4), Generator(6)], ids=["hard", "plain"])
def test_scoring_a_clause_at_a_time_gives_the_one_block_alignment(
    generator: Generator, monkeypatch: pytest.MonkeyPatch
) -> None:
    plans = _versions(generator, 150, 3)
    monkeypatch.setattr(candidates, "BLOCK_CELLS", 10**12)  # one block: the dense matrix
    dense = align(plans, ignore_links=True)
    monkeypatch.setattr(candidates, "BLOCK_CELLS", 1)  # one clause per block
    blocked = align(plans, ignore_links=True)
    assert blocked.rows == dense.rows
    assert blocked.links == dense.links
    assert len(dense.links) > 100


def test_the_edges_are_the_dense_pairs_above_the_threshold(monkeypatch: pytest.MonkeyPatch) -> None:
    plans = _versions(HardGenerator(8), 120, 2)
    refs = clause_refs(plans)
    features = Features(refs)
    left = list(range(len(plans[0].clauses)))
    right = list(range(len(left), len(refs)))
    groups = [index % 40 for index in left]  # three or so members per group
    scores, members = best_per_row(features.scores(right, left), groups)
    threshold = float(np.quantile(scores, 0.9)) + 1e-9  # off any one score, to the last bit
    monkeypatch.setattr(candidates, "BLOCK_CELLS", 1000)  # several blocks
    edges = candidates.threshold_edges(features, right, left, groups, threshold)
    rows, cols = np.nonzero(scores >= threshold)
    assert sorted(zip(edges.rows.tolist(), edges.cols.tolist(), strict=True)) == sorted(
        zip(rows.tolist(), cols.tolist(), strict=True)
    )
    columns = (edges.rows, edges.cols, edges.scores, edges.members)
    found = {(r, c): (s, m) for r, c, s, m in zip(*(a.tolist() for a in columns), strict=True)}
    # A block's products may round differently in the last bit from the whole matrix's (BLAS
    # kernels follow the shape); links keep 4 decimals and the matching 6.
    for r, c in zip(rows.tolist(), cols.tolist(), strict=True):
        score, member = found[(r, c)]
        assert (score, member) == (pytest.approx(scores[r, c], abs=1e-12), members[r, c])
    assert edges.row_best == pytest.approx(scores.max(axis=1), abs=1e-12)
    assert edges.col_best == pytest.approx(scores.max(axis=0), abs=1e-12)


def test_clauses_that_all_look_alike_keep_a_bounded_number_of_candidates(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Every pair scores the same: a dense problem would keep all 60 × 60 of them.
    clause = Clause(id="1", text="The parties shall meet.", confidence="confirmed")
    plans = [
        PlanFile(
            plan=Plan(
                id=pid,
                title=pid,
                date=dt.date(2025, 1, 1),
                kind="plan",
                status="reconstructed",
                fidelity="paraphrase",
            ),
            clause=[clause.model_copy(update={"id": str(n)}) for n in range(60)],
        )
        for pid in ("a", "b")
    ]
    features = Features(clause_refs(plans))
    monkeypatch.setattr(candidates, "CANDIDATES_PER_CLAUSE", 5)
    monkeypatch.setattr(candidates, "BLOCK_CELLS", 600)
    left, right = list(range(60)), list(range(60, 120))
    edges = candidates.threshold_edges(features, right, left, left, 0.0)
    assert len(edges.rows) <= 2 * 5 * 60
    assert np.bincount(edges.rows, minlength=60).min() >= 5
    assert np.bincount(edges.cols, minlength=60).min() >= 5


def test_term_counts_number_terms_by_first_use() -> None:
    from planlens.align.vectors import term_counts

    rows, cols, counts, size = term_counts([["war", "peace", "war"], [], ["aid", "war"]])
    assert (rows, cols, counts, size) == ([0, 0, 2, 2], [0, 1, 0, 2], [2, 1, 1, 1], 3)
    assert term_counts([]) == ([], [], [], 0)


def test_a_text_repeated_thousands_of_times_pairs_in_order_without_scoring_every_copy(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def plan(plan_id: str) -> PlanFile:
        info = Plan(
            id=plan_id,
            title=plan_id,
            date=dt.date(2025, 1, 1),
            kind="plan",
            status="reconstructed",
            fidelity="paraphrase",
        )
        clause = Clause(id="1", text="Reserved.", confidence="confirmed")
        return PlanFile(
            plan=info, clause=[clause.model_copy(update={"id": str(n)}) for n in range(1, 1501)]
        )

    scored: list[int] = []
    pair_scores = Features.pair_scores

    def counting(self: Features, left: list[int], right: list[int]) -> object:
        scored.append(len(left))
        return pair_scores(self, left, right)

    monkeypatch.setattr(Features, "pair_scores", counting)
    alignment = align([plan("a"), plan("b")])
    assert all(row.ids("a") == row.ids("b") for row in alignment.rows)
    assert len(alignment.rows) == 1500
    assert sum(scored) < 10 * 1500  # not 1,500 × 1,500
