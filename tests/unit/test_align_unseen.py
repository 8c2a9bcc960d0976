"""No false counterparts on unseen text (issue 12.1): corpora of the hard generator, at seeds
and a size the benchmark (`bench_align_hard`, seeds from 1, 300 clauses) never uses, each one
where the earlier decision rules went wrong."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from benchmarks.synthetic_hard import HardGenerator
from planlens.align.passes import align, pairs_of
from planlens.corpus.model import PlanFile

SIZE = 200
"""Clauses of the base version."""


@dataclass
class Case:
    """A base version and its mutation, aligned without links, with the truth."""

    predicted: set[frozenset[str]]
    """Pairs the aligner made."""
    truth: set[frozenset[str]]
    """Pairs that correspond."""
    later: set[str]
    """Addresses of the mutated version's clauses."""
    templated: set[str]
    """Addresses of the clauses made from a template, in either version."""

    def partners(self, pairs: set[frozenset[str]], address: str) -> set[str]:
        """The clauses paired with `address` in `pairs`."""
        return {other for pair in pairs if address in pair for other in pair if other != address}

    def inserted(self) -> set[str]:
        """The later version's clauses without a true counterpart."""
        return {a for a in self.later if not self.partners(self.truth, a)}


def case(seed: int, size: int = SIZE) -> Case:
    """The aligned hard corpus of `seed`, of `size` base clauses."""
    generator = HardGenerator(seed)
    base = generator.base("base", size)
    mutated, truth = generator.mutate_hard(base, "next")
    predicted = pairs_of(align([base, mutated], ignore_links=True), "base", "next")
    later = {f"next:{c.id}" for c in mutated.clauses}
    templated = generator.siblings(base) | generator.siblings(mutated)
    return Case(predicted, truth.pairs, later, templated)


@pytest.mark.parametrize("seed", [1003, 1079, 1142])
def test_an_inserted_clause_is_not_paired_with_a_deleted_one_by_chance(seed: int) -> None:
    # Each of these corpora had one to three inserted clauses paired with a deleted one at a
    # weak score: the best of each other by chance, their shared words scattered.
    found = case(seed)
    assert found.inserted()
    assert not {a for a in found.inserted() if found.partners(found.predicted, a)}


def test_a_half_of_a_split_template_sentence_leaves_its_siblings_rows_alone() -> None:
    # Two template clauses were split; a half of each (no figure, or no place) scored as well
    # against another sibling as against its own whole, took that sibling's row, and left the
    # sibling's true counterpart "added".
    found = case(1037)
    wrong = {
        a
        for a in found.templated
        if found.partners(found.predicted, a) != found.partners(found.truth, a)
    }
    assert not wrong


def unpaired_halves(found: Case) -> set[str]:
    """The halves of split clauses the aligner left without a counterpart."""
    halves = {
        a
        for pair in found.truth
        for b in pair
        if b not in found.later and len(found.partners(found.truth, b)) == 2
        for a in found.partners(found.truth, b)
    }
    assert halves
    return {a for a in halves if not found.partners(found.predicted, a)}


@pytest.mark.parametrize("seed", [1025, 1038])
def test_a_reworded_half_beside_its_other_half_is_its_wholes_split(seed: int) -> None:
    # The half scored below the version's calibrated threshold against its whole, as halves
    # do: beside its other half, in order, the floor is bar enough.
    assert unpaired_halves(case(seed)) == set()


@pytest.mark.parametrize("seed", [1010, 1082])
def test_a_short_tail_beside_its_other_half_is_its_wholes_split(seed: int) -> None:
    # A half of two or three content words ("A demilitarised zone of 60 kilometres."), wholly
    # inside its whole and beside its other half, was too short to count as a part.
    assert unpaired_halves(case(seed)) == set()


def unpaired_counterparts(found: Case) -> set[str]:
    """The later version's clauses left without a counterpart though they have one."""
    return {
        a
        for a in found.later
        if found.partners(found.truth, a) and not found.partners(found.predicted, a)
    }


@pytest.mark.parametrize("seed", [3001, 3019, 3058])
def test_a_heavily_reworded_clause_finds_its_counterpart_in_its_gap(seed: int) -> None:
    # A heavily reworded clause scored below the version's calibrated threshold, or was not
    # the best of its row over all the version's clauses, and was called added while its
    # counterpart, between the same two in-order neighbours, was called removed.
    found = case(seed)
    assert not unpaired_counterparts(found)
    assert not {a for a in found.inserted() if found.partners(found.predicted, a)}


@pytest.mark.parametrize("seed", [3127, 3161, 3186])
def test_an_inserted_clause_in_a_deleted_ones_gap_stays_added(seed: int) -> None:
    # An inserted clause sat between the same two neighbours as a deleted one and scored well
    # enough for a gap; their shared words lay in chance order, so they stay apart.
    found = case(seed)
    assert found.inserted()
    assert not {a for a in found.inserted() if found.partners(found.predicted, a)}


@pytest.mark.parametrize("seed", [3209, 3229])
def test_a_split_half_whose_first_word_is_capitalised_mid_sentence_is_its_wholes(
    seed: int,
) -> None:
    # Rewording put a word before the sentence's first one, which kept its capital ("Agreement
    # Union parties ..."): the half's "Union" read as a name the whole lacked, though the whole
    # has the word, at its start, where a capital says nothing.
    found = case(seed)
    assert not unpaired_counterparts(found)


def lost_splits(found: Case) -> set[str]:
    """Base clauses split in two whose halves both the aligner left without a counterpart."""
    return {
        b
        for pair in found.truth
        for b in pair
        if b not in found.later
        and len(halves := found.partners(found.truth, b)) == 2
        and not any(found.partners(found.predicted, a) for a in halves)
    }


@pytest.mark.parametrize(("seed", "size"), [(3516, 500)])
def test_a_split_sentence_whose_halves_each_share_too_few_words_is_found_by_both(
    seed: int, size: int
) -> None:
    # Each half of a short split sentence shared three of its words with the whole, too few
    # to tell order from chance in its gap; the two halves together share more, in order.
    found = case(seed, size)
    assert not lost_splits(found)


def test_an_inserted_template_sentence_in_a_deleted_siblings_gap_stays_added() -> None:
    # One template sentence about Izium and Berdiansk gives way, between the same neighbours,
    # to the sentence about Sevastopol and Sumy: the same words in the same order, the same
    # figure, other places. Not a counterpart, though it scores like one in its gap.
    generator = HardGenerator(5)
    base = generator.base("base", 40)
    template = (
        "Prisoners held in {} shall be exchanged within 180 days, all for all, with access "
        "for humanitarian observers from {}."
    )
    clauses = list(base.clauses)
    clauses[20] = clauses[20].model_copy(update={"text": template.format("Izium", "Berdiansk")})
    later = [*clauses]
    later[20] = clauses[20].model_copy(
        update={"id": "new", "text": template.format("Sevastopol", "Sumy")}
    )
    base = base.model_copy(update={"clause": clauses})
    plan = base.plan.model_copy(update={"id": "next", "based_on": ["base"]})
    predicted = pairs_of(
        align([base, PlanFile(plan=plan, clause=later)], ignore_links=True), "base", "next"
    )
    assert not any("next:new" in pair for pair in predicted)
    assert len(predicted) == 39
