"""Evidence that survives a shared vocabulary: word order, slots of places, mutual best pairs."""

from __future__ import annotations

from collections import defaultdict

import pytest

from planlens.align.order import in_order_share
from planlens.align.passes import align, clause_refs, lineage_pairs, pairs_of
from planlens.align.similarity import Features
from planlens.align.tokens import named_slots
from planlens.corpus.load import load_corpus
from tests.helpers import OTHER_PROVISIONS as OTHER
from tests.unit.test_align import plan


def test_in_order_share_counts_words_kept_in_order() -> None:
    assert in_order_share(["a", "b", "c", "d"], ["x", "a", "y", "b", "c", "z"]) == 0.75
    assert in_order_share(["a", "b", "c", "d"], ["d", "c", "b", "a"]) == 0.25
    assert in_order_share([], ["a"]) == 0.0


def test_named_slots_give_the_word_before_each_place_and_figure() -> None:
    text = "Prisoners held in Izium are exchanged within 30 days with the United States."
    assert named_slots(text) == (("in", "izium"), ("within", "30"), ("", "united"), ("", "states"))


HELD = (
    "Prisoners held in {0} shall be exchanged within {1} days, all for all, with access for "
    "humanitarian observers from {2}."
)


def test_a_template_sibling_that_moves_a_place_to_another_slot_is_not_the_counterpart() -> None:
    # The sibling shares the figure and one place with the base clause, but the prisoners are
    # held elsewhere: the reworded clause is the counterpart, and the sibling is new.
    reworded = (
        "Not held in Berdiansk shall be exchanged 100 days, all for contact with humanitarian "
        "observers from Sevastopol."
    )
    base = plan("a", [HELD.format("Berdiansk", 100, "Sevastopol"), *OTHER])
    new = plan("b", [HELD.format("Sevastopol", 100, "Kinburn"), reworded, *OTHER], ["a"])
    pairs = pairs_of(align([base, new], ignore_links=True), "a", "b")
    assert frozenset(("a:1", "b:2")) in pairs
    assert not any("b:1" in pair for pair in pairs)


SHARED = (
    "parties forces guarantees sanctions security agreement ceasefire line contact troops "
    "withdrawal territory border monitoring mission observers council commission"
).split()


@pytest.mark.parametrize(
    "reworded",
    [
        # Four of twelve words: too few kept for plain containment, but 8 of 12 in order.
        (1, 4, 7, 10),
        # Five: 7 of 12 in order, enough for the half beside the other half's counterpart.
        (1, 3, 5, 7, 10),
    ],
)
def test_a_reworded_half_of_a_split_clause_is_found_by_its_word_order(
    reworded: tuple[int, ...],
) -> None:
    words = [*SHARED, "prisoners", "exchange", "civilians", "corridors", "grain", "ports"]
    whole = " ".join(words)
    head = " ".join(words[:12])
    tail = words[12:]
    for position, word in zip(
        reworded, ["amnesty", "reserves", "summit", "bank", "loans"], strict=False
    ):
        tail[position] = word
    base = plan("a", [whole, "elections are held within one hundred days of the signature"])
    new = plan("b", [head, " ".join(tail)], ["a"])
    alignment = align([base, new], ignore_links=True)
    assert {(link.a, link.b, link.kind) for link in alignment.links} == {
        ("a:1", "b:1", "match"),
        ("a:1", "b:2", "split"),
    }


def test_a_clause_whose_best_counterpart_went_elsewhere_does_not_take_a_weak_second() -> None:
    base = plan(
        "a",
        [
            "the parties agree a ceasefire along the line of contact under wide monitoring",
            "sanctions relief follows the release of frozen assets to the reconstruction fund",
            "elections are held within one hundred days of the signature",
        ],
    )
    new = plan(
        "b",
        [
            "the parties agree a full ceasefire along the line of contact under monitoring",
            "the parties agree a ceasefire along the contact line while sanctions relief follows",
            "grain ships pass freely on the black sea",
        ],
    )
    plans = [base, new]
    scores = Features(clause_refs(plans), lineage_pairs(plans)).scores([3, 4], [0, 1])
    # The setting: b:2 scores best with a:1, which b:1 takes, and above the floor with a:2.
    assert scores[1].argmax() == 0 and scores[0, 0] > scores[1, 0]
    assert 0.25 <= scores[1, 1] < scores[1, 0]
    pairs = pairs_of(align(plans, ignore_links=True), "a", "b")
    assert frozenset(("a:1", "b:1")) in pairs
    assert not any("a:2" in pair for pair in pairs)


def test_no_automatic_pair_contradicts_more_asserted_links_than_measured() -> None:
    # Precision first (issue 12): a pair a~b where the editors linked a to another clause of
    # b's version. 10 before mutual best pairs, slots of places and the sibling rule; 6 before
    # near ties went to the words (ep-res:3 ~ eu-core:p1); 5 now, each an editorial judgement
    # the texts do not show (bench_align_real --verbose).
    corpus = load_corpus()
    asserted: dict[tuple[str, str], set[frozenset[str]]] = defaultdict(set)
    for p in corpus.plans:
        for clause in p.clauses:
            for link in clause.links:
                other = link.partition(":")[0]
                asserted[(other, p.id)].add(frozenset((f"{p.id}:{clause.id}", link)))
    contradicting = 0
    for (first, second), links in asserted.items():
        pairs = pairs_of(
            align([corpus.plan(first), corpus.plan(second)], ignore_links=True), first, second
        )
        linked = {address for link in links for address in link}
        contradicting += sum(bool(pair & linked) for pair in pairs - links)
    assert contradicting <= 5


FUND = "The reconstruction fund shall allocate {0} million for {1} and the energy supply of {2}."


def test_half_of_a_split_template_clause_joins_the_sibling_it_was_cut_from() -> None:
    # "The reconstruction fund shall allocate 14 million." lies inside both siblings, and
    # sits where the first did; the one whose other half sits beside it is the clause it
    # was cut from.
    base = plan(
        "a",
        [
            FUND.format(14, "Kherson", "Izium"),
            *OTHER,
            FUND.format(14, "Mykolaiv", "Dnipro"),
        ],
    )
    new = plan(
        "b",
        [
            "The reconstruction fund shall allocate 14 million.",
            "For Mykolaiv and the energy supply of Dnipro.",
            *OTHER,
            FUND.format(14, "Kherson", "Izium"),
        ],
    )
    last = f"a:{len(base.clauses)}"
    pairs = pairs_of(align([base, new], ignore_links=True), "a", "b")
    assert {pair for pair in pairs if "b:1" in pair or "b:2" in pair} == {
        frozenset((last, "b:1")),
        frozenset((last, "b:2")),
    }


def test_containment_gives_the_share_of_a_parts_words_and_word_pairs_in_each_whole() -> None:
    plans = [plan("a", ["forces withdraw from the line", "grain exports resume"])]
    plans.append(plan("b", ["the line forces withdraw quickly", "exports of grain resume"]))
    features = Features(clause_refs(plans), lineage_pairs(plans))
    words, pairs = features.containment([0, 1], [2, 3])
    # "forces withdraw line": all three words in b:1, one of its two word pairs.
    assert words[0].tolist() == [1.0, 0.0]
    assert pairs[0].tolist() == [0.5, 0.0]
    # "grain exports resume": all its words in b:2, but in another order.
    assert words[1].tolist() == [0.0, 1.0]
    assert pairs[1].tolist() == [0.0, 0.0]
