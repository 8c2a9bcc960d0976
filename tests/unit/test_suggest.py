"""Suggestions: candidates for the clauses the aligner leaves alone, never links."""

from __future__ import annotations

import json
from collections.abc import Callable

from planlens.align.passes import align
from planlens.authoring.review import row_items
from planlens.comparison.build import compare
from planlens.comparison.suggest import SUGGESTION_LIMIT, suggest
from planlens.corpus.load import load_corpus
from planlens.corpus.model import PlanFile
from tests.conftest import CliResult
from tests.unit.test_align import plan

Run = Callable[..., CliResult]


def topics(version: PlanFile, **by_clause: list[str]) -> PlanFile:
    """`version` with the topics of some clauses (by id, "_1" for "1") replaced."""
    wanted = {key.lstrip("_"): value for key, value in by_clause.items()}
    clauses = [
        c.model_copy(update={"topics": wanted[c.id]}) if c.id in wanted else c
        for c in version.clauses
    ]
    return version.model_copy(update={"clause": clauses})


def test_a_lone_clause_gets_the_clause_that_shares_its_topic() -> None:
    first = plan("a", ["Troops are capped at a fixed ceiling.", "Elections are held soon."])
    second = plan("b", ["No limit on self-defence whatsoever.", "Elections are held soon."])
    plans = [topics(first, _1=["military-limits"]), topics(second, _1=["military-limits"])]
    alignment = align(plans, ignore_links=True)
    assert alignment.row_of("a:1") != alignment.row_of("b:1")
    comparison = compare(plans, ignore_links=True)
    by_address = {s.address: s for s in suggest(plans, comparison, floor=0.0)}
    assert [c.address for c in by_address["b:1"].candidates] == ["a:1"]
    assert by_address["b:1"].candidates[0].topics == ("military-limits",)
    assert [c.address for c in by_address["a:1"].candidates] == ["b:1"]
    # Matched clauses get no suggestions.
    assert "a:2" not in by_address and "b:2" not in by_address


def test_no_candidate_without_a_topic_in_common() -> None:
    first = plan("a", ["Troops are capped at a fixed ceiling."])
    second = topics(plan("b", ["Grain exports continue through the river ports."]), _1=["economy"])
    plans = [first, second]
    assert suggest(plans, compare(plans, ignore_links=True), floor=0.0) == []


def test_the_editors_counterpart_is_suggested_where_the_aligner_cannot_decide() -> None:
    corpus = load_corpus()
    plans = [corpus.plan("us-28"), corpus.plan("ep-res")]
    alignment = align(plans, ignore_links=True)
    suggestions = {s.address: s for s in suggest(plans, compare(plans, ignore_links=True))}
    # "No limits on the right of self-defence" answers the army cap (the editors' link).
    assert suggestions["ep-res:12"].candidates[0].address == "us-28:6"
    for suggestion in suggestions.values():
        assert 0 < len(suggestion.candidates) <= SUGGESTION_LIMIT
        own = suggestion.address.partition(":")[0]
        assert all(c.address.partition(":")[0] != own and c.topics for c in suggestion.candidates)
        scores = [c.score for c in suggestion.candidates]
        assert scores == sorted(scores, reverse=True)
        row = alignment.row_of(suggestion.address)
        assert row is not None and len(alignment.rows[row].clauses) == 1


def test_align_suggests_in_json_and_in_the_table_only_when_asked(run_cli: Run) -> None:
    args = ("align", "us-28", "ep-res", "--ignore-links")
    assert "suggestions" not in json.loads(run_cli(*args, "-f", "json").out)
    asked = run_cli(*args, "--suggest", "-f", "json")
    assert asked.code == 0, asked.err
    first = next(s for s in json.loads(asked.out)["suggestions"] if s["address"] == "ep-res:12")
    assert first["candidates"][0]["address"] == "us-28:6"
    table = run_cli(*args, "--suggest")
    assert "Possible counterparts" in table.out and "ep-res:12" in table.out
    assert "Possible counterparts" not in run_cli(*args).out


def test_a_rejected_pair_is_never_suggested_again() -> None:
    first = topics(
        plan("a", ["Troops are capped at a fixed ceiling.", "Elections are held soon."]),
        _1=["military-limits"],
    )
    second = topics(
        plan("b", ["No limit on self-defence whatsoever.", "Elections are held soon."]),
        _1=["military-limits"],
    )
    before = {s.address for s in suggest([first, second], compare([first, second]), floor=0.0)}
    assert before == {"a:1", "b:1"}
    lone = second.clauses[0].model_copy(update={"not_links": ["a:1"]})
    rejecting = second.model_copy(update={"clause": [lone, *second.clauses[1:]]})
    plans = [first, rejecting]
    # The rejection is recorded on one side and holds for both.
    assert suggest(plans, compare(plans), floor=0.0) == []


def test_an_untitled_clause_and_its_candidates_are_named_by_their_first_words() -> None:
    """A fresh import has no titles: the review must still say what each clause is about."""
    first = plan("a", ["Troops are capped at a fixed ceiling.", "Elections are held soon."])
    second = plan("b", ["No limit on self-defence whatsoever.", "Elections are held soon."])
    plans = [topics(first, _1=["military-limits"]), topics(second, _1=["military-limits"])]
    by_address = {
        s.address: s for s in suggest(plans, compare(plans, ignore_links=True), floor=0.0)
    }
    lone = by_address["b:1"]
    assert lone.title == "No limit on self-defence whatsoever."
    assert lone.candidates[0].title == "Troops are capped at a fixed ceiling."


def test_the_review_names_an_untitled_linked_clause_by_its_first_words() -> None:
    words = "The armed forces are capped at six hundred thousand personnel in peacetime always."
    plans = [plan("a", [words]), plan("b", [words])]
    comparison = compare(plans)
    [row] = [n for n, row in enumerate(comparison.rows) if "b" in row.clauses]
    [item] = row_items(comparison, [], row)
    assert item.title == "The armed forces are capped at six hundred thousand personnel…"
