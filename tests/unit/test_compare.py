"""compare(): every change class on hand-made versions, pairs, filters and omissions."""

from __future__ import annotations

import datetime as dt

import pytest

from planlens.comparison.build import compare, reference_pairs
from planlens.comparison.model import Comparison
from planlens.corpus.load import load_corpus
from planlens.corpus.model import Clause, Omission, Plan, PlanFile, TermValue
from planlens.errors import PlanlensError
from tests.conftest import MINI

ARMY = "The armed forces of the country are limited to 600,000 personnel at all times."
VOTE = "Presidential and parliamentary elections are held within 100 days after the signing."
FUND = "A reconstruction fund financed by donors rebuilds the war-damaged cities and housing."
SEA = "Grain ships pass freely through the Black Sea ports and along the Dnipro river."
CHILD = "Russia returns every deported child to their families without any conditions."
SWAP = "All prisoners of war held by either side are exchanged on the principle all for all."


def version(
    plan_id: str,
    clauses: list[tuple[str, str] | tuple[str, str, dict[str, TermValue]]],
    *,
    based_on: tuple[str, ...] = (),
    complete: bool = True,
    omissions: tuple[str, ...] = (),
) -> PlanFile:
    return PlanFile(
        plan=Plan(
            id=plan_id,
            title=plan_id.upper(),
            date=dt.date(2025, 1, 1),
            kind="plan",
            status="official",
            fidelity="paraphrase",
            based_on=list(based_on),
            complete=complete,
        ),
        clause=[
            Clause(
                id=entry[0],
                text=entry[1],
                terms=entry[2] if len(entry) > 2 else {},
                topics=["other"],
                confidence="confirmed",
            )
            for entry in clauses
        ],
        omission=[Omission(ref=ref, note="reported dropped") for ref in omissions],
    )


def classes(comparison: Comparison) -> dict[str, str]:
    """Row anchor → change class of the first pair."""
    return {row.anchor: row.pairs[0].change for row in comparison.rows if row.pairs}


def test_unchanged_reworded_modified() -> None:
    a = version("a", [("1", ARMY, {"army_cap": 600000}), ("2", VOTE), ("3", FUND)])
    b = version(
        "b",
        [
            ("1", ARMY.replace("600,000", "800,000"), {"army_cap": 800000}),
            ("2", VOTE.replace("are held", "take place")),
            ("3", FUND),
        ],
        based_on=("a",),
    )
    comparison = compare([a, b])
    assert classes(comparison) == {"a:1": "modified", "a:2": "reworded", "a:3": "unchanged"}
    army = comparison.rows[0].pairs[0]
    assert [(f.name, f.old, f.new, f.source) for f in army.figures] == [
        ("army_cap", "600,000", "800,000", "terms")
    ]
    assert {span.op for span in army.spans} == {"equal", "delete", "insert"}


def test_moved_and_renumbered() -> None:
    a = version("a", [("1", ARMY), ("2", VOTE), ("3", FUND), ("4", SEA)])
    b = version("b", [("1", VOTE), ("2", FUND), ("3", SEA), ("4", ARMY)], based_on=("a",))
    found = classes(compare([a, b], ignore_links=True))
    assert found["a:1"] == "moved"
    assert {found["a:2"], found["a:3"], found["a:4"]} == {"renumbered"}


def test_added_and_removed() -> None:
    a = version("a", [("1", ARMY), ("2", VOTE)])
    b = version("b", [("1", ARMY), ("2", SEA)], based_on=("a",))
    found = classes(compare([a, b]))
    assert found == {"a:1": "unchanged", "a:2": "removed", "b:2": "added"}


def test_an_untitled_provision_is_named_by_enough_of_its_text_to_tell_what_it_is() -> None:
    # A fresh import has no titles: its added provisions are listed first in every report by
    # this name, and "The parties agree to hold a…" would not say what they agree to.
    vote = "The parties agree to hold a referendum on the agreement in every region."
    a = version("a", [("1", ARMY)])
    b = version("b", [("1", ARMY), ("2", vote)], based_on=("a",))
    added = next(row for row in compare([a, b]).rows if row.anchor == "b:2")
    assert added.title == "The parties agree to hold a referendum on the agreement…"


def test_missing_counterpart_in_a_partial_version_is_unknown_not_removed() -> None:
    a = version("a", [("1", ARMY), ("2", VOTE)])
    b = version("b", [("p1", ARMY), ("p2", SEA)], based_on=("a",), complete=False)
    found = classes(compare([a, b]))
    assert found["a:2"] == "unknown"
    assert found["b:p2"] == "added"
    reverse = classes(compare([b, a]))
    assert reverse["a:2"] == "unknown"


def test_reported_omission() -> None:
    a = version("a", [("1", ARMY), ("2", VOTE)])
    b = version("b", [("1", ARMY)], based_on=("a",), complete=False, omissions=("a:2",))
    comparison = compare([a, b])
    row = comparison.rows[1]
    assert row.pairs[0].change == "removed-reported"
    assert row.pairs[0].note == "reported dropped (reported)"
    assert [o.ref for o in row.omissions] == ["a:2"]
    assert comparison.omissions[0].row == 1


def test_a_reported_omission_read_the_other_way_is_an_addition_not_unknown() -> None:
    # With the later, partly known version as the reference (diff ua-20 us-28), a provision it
    # is reported to have dropped is known to be absent there: the earlier version "adds" it.
    a = version("a", [("1", ARMY), ("2", VOTE)])
    b = version("b", [("1", ARMY)], based_on=("a",), complete=False, omissions=("a:2",))
    comparison = compare([b, a])
    [pair] = comparison.rows[1].pairs
    assert (pair.a, pair.b, pair.b_clauses, pair.change) == ("b", "a", ["2"], "added")
    assert pair.note == "reported dropped from b: reported dropped (reported)"


def test_omission_resolves_through_a_link_when_its_plan_is_not_compared() -> None:
    corpus = load_corpus([MINI])
    beta, gamma = corpus.plan("beta"), corpus.plan("gamma")
    # gamma omits nothing; build a delta that omits alpha:1, which beta:1 links to.
    delta = version("delta", [("1", SEA)], complete=False, omissions=("alpha:1",))
    comparison = compare([beta, gamma, delta])
    [omission] = [o for o in comparison.omissions if o.plan == "delta"]
    assert omission.row == next(r.index for r in comparison.rows if r.clauses["beta"] == ["1"])


def test_split_and_merge_classes() -> None:
    whole = CHILD.rstrip(".") + " and " + SWAP[0].lower() + SWAP[1:]
    a = version("a", [("1", whole), ("2", FUND)])
    b = version("b", [("1", CHILD), ("2", SWAP), ("3", FUND)], based_on=("a",))
    split = classes(compare([a, b], ignore_links=True))
    assert split["a:1"] == "split"
    merged = compare([b, a], ignore_links=True)
    assert {row.pairs[0].change for row in merged.rows if row.anchor in ("b:1", "b:2")} == {
        "merged"
    }


def test_reference_pairs_follow_lineage() -> None:
    a = version("a", [("1", ARMY)])
    b = version("b", [("1", ARMY)], based_on=("a",))
    c = version("c", [("1", ARMY)], based_on=("b",))
    d = version("d", [("1", ARMY)])
    assert reference_pairs([a, b, c, d]) == [("a", "b"), ("b", "c"), ("a", "d")]
    assert reference_pairs([c, a]) == [("c", "a")]
    assert reference_pairs([a]) == []


def test_filters() -> None:
    corpus = load_corpus([MINI])
    everything = compare(corpus, ["alpha", "beta"])
    changed = compare(corpus, ["alpha", "beta"], changed_only=True)
    assert len(changed.rows) < len(everything.rows)
    assert all(row.pairs[0].change != "unchanged" for row in changed.rows)
    assert [row.index for row in changed.rows] == list(range(len(changed.rows)))
    topical = compare(corpus, ["alpha", "beta"], topic="elections")
    assert [row.anchor for row in topical.rows] == ["alpha:2"]
    assert topical.summary[0].topics.keys() == {"elections"}
    added = compare(corpus, ["alpha", "beta"], classes={"added", "removed-reported"})
    assert [row.pairs[0].change for row in added.rows] == ["added", "removed-reported"]
    assert added.options.classes == ["added", "removed-reported"]
    with pytest.raises(PlanlensError, match="unknown topic 'nope'"):
        compare(corpus, ["alpha", "beta"], topic="nope")


def test_summary_counts_every_class() -> None:
    comparison = compare(load_corpus([MINI]), ["alpha", "beta"])
    [summary] = comparison.summary
    assert sum(summary.changes.values()) == len(comparison.rows)
    assert summary.changes["removed-reported"] == 1
    assert summary.figures >= 2


def test_every_plan_is_a_key_of_every_row() -> None:
    comparison = compare(load_corpus([MINI]))
    for row in comparison.rows:
        assert list(row.clauses) == ["alpha", "beta", "gamma"]


def test_json_round_trip() -> None:
    comparison = compare(load_corpus([MINI]))
    assert Comparison.model_validate_json(comparison.model_dump_json()) == comparison


def test_same_plan_twice_is_refused() -> None:
    corpus = load_corpus([MINI])
    with pytest.raises(PlanlensError, match="only once: alpha"):
        compare(corpus, ["alpha", "alpha"])


def test_bracketed_note() -> None:
    comparison = compare(load_corpus([MINI]), ["beta", "gamma"])
    assert all(
        d.note is None or "bracketed" in d.note or "known only" in d.note
        for row in comparison.rows
        for d in row.pairs
    )


def test_library_use_as_documented() -> None:
    import planlens
    from planlens.corpus.load import load_corpus as load

    comparison = compare(load([MINI]), ["alpha", "beta"])
    assert comparison.plans[0].id == "alpha"
    assert comparison.generator == f"planlens {planlens.__version__}"


@pytest.mark.parametrize(
    ("plan_ids", "options"),
    [
        (["us-28", "e3-28"], {}),
        (["us-28", "ua-20", "eu-24"], {}),
        (["us-28", "e3-28", "ua-20"], {"ignore_links": True, "changed_only": True}),
        (["us-28", "eu-24"], {"topic": "territory"}),
    ],
)
def test_a_comparison_built_without_validation_is_what_validation_gives(
    plan_ids: list[str], options: dict[str, object]
) -> None:
    # compare() builds the frozen models with model_construct (trusted data, no validation):
    # every value must already have the type and form validation would give it.
    comparison = compare(load_corpus(), plan_ids, **options)  # type: ignore[arg-type]
    assert Comparison.model_validate(comparison.model_dump()) == comparison
    assert Comparison.model_validate_json(comparison.model_dump_json()) == comparison
