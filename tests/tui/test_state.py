"""Unit tests of the UI's pure parts: view state, finding rows, text layout, overview figures."""

from __future__ import annotations

from dataclasses import replace

from planlens.comparison.build import compare
from planlens.comparison.overview import lineage, pair_similarity, topic_coverage
from planlens.corpus.load import Corpus, load_corpus
from planlens.tui.find import find_address, next_change, normalise_address, search_hits
from planlens.tui.layout import layout
from planlens.tui.state import (
    ViewState,
    cycle_version,
    default_plan_ids,
    in_corpus_order,
    visible_rows,
)
from planlens.tui.styled import cut, highlight, length, plain, wrap
from tests.conftest import BUNDLED


def test_default_pair_is_us28_against_its_newest_descendant() -> None:
    corpus = load_corpus([BUNDLED])
    base, newest = default_plan_ids(corpus)
    assert base == "us-28"
    derived = [p for p in corpus.plans if "us-28" in p.plan.based_on and p.clauses]
    assert newest == max(derived, key=lambda p: (p.plan.date, p.id)).id


def test_default_pair_falls_back_to_the_first_two(mini: Corpus) -> None:
    assert default_plan_ids(mini) == ("alpha", "beta")


def test_cycle_skips_versions_already_shown() -> None:
    ids = ["a", "b", "c", "d"]
    assert cycle_version(ids, ("a", "b"), -1, 1) == ("a", "c")
    assert cycle_version(ids, ("a", "d"), -1, 1) == ("a", "b")
    assert cycle_version(ids, ("b", "c"), 0, -1) == ("a", "c")
    assert cycle_version(ids, ("a", "b"), 0, -1) == ("d", "b")
    assert cycle_version(["a", "b"], ("a", "b"), -1, 1) == ("a", "b")


def test_corpus_order(mini: Corpus) -> None:
    assert in_corpus_order(mini, ["gamma", "alpha"]) == ("alpha", "gamma")


def test_filters_keep_what_they_say(mini: Corpus) -> None:
    comparison = compare(mini, ["alpha", "beta"])
    view = ViewState(("alpha", "beta"))
    every = visible_rows(comparison, view)
    assert every == [row.index for row in comparison.rows]
    changed = visible_rows(comparison, replace(view, hide_unchanged=True))
    assert all(any(p.change != "unchanged" for p in comparison.rows[i].pairs) for i in changed)
    assert len(changed) < len(every)
    topic = visible_rows(comparison, replace(view, topic="elections"))
    assert topic and all("elections" in comparison.rows[i].topics for i in topic)
    added = visible_rows(comparison, replace(view, classes=frozenset({"added"})))
    assert [comparison.rows[i].pairs[0].change for i in added] == ["added"]


def test_next_change_wraps_and_skips_unchanged(mini: Corpus) -> None:
    comparison = compare(mini, ["alpha", "beta"])
    shown = [row.index for row in comparison.rows]
    position = 0
    seen = []
    for _ in range(len(shown)):
        found = next_change(comparison, shown, position, 1)
        assert found is not None
        seen.append(found)
        position = found
    assert all(comparison.rows[shown[p]].pairs[0].change != "unchanged" for p in seen)


def test_search_and_addresses(mini: Corpus) -> None:
    comparison = compare(mini, ["alpha", "beta"])
    shown = [row.index for row in comparison.rows]
    hits = search_hits(comparison, shown, "CEASEFIRE")
    assert len(hits) == 1
    assert search_hits(comparison, shown, "   ") == []
    # Accents, notes of omissions and figures count, as in the corpus search.
    assert search_hits(comparison, shown, "CÉASEFIRE") == hits
    dropped = search_hits(comparison, shown, "reported to have been dropped")
    assert [comparison.rows[shown[p]].clauses["alpha"] for p in dropped] == [["3"]]
    assert len(search_hits(comparison, shown, "army_cap = 800,000")) == 1
    assert normalise_address("4.a", "alpha") == "alpha:4.a"
    assert normalise_address(" Beta:3 ", None) == "beta:3"
    match = find_address(comparison, "beta:3")
    assert match.row is not None and comparison.rows[match.row].clauses["beta"] == ["3"]
    assert find_address(comparison, "gamma:p1").row is None


def test_wrap_keeps_words_whole_across_styles() -> None:
    lines = wrap([("hello wor", "a"), ("ld. and ", "b"), ("x" * 23, "c"), (" y\nz", "")], 10)
    assert [plain(line) for line in lines] == [
        "hello",
        "world. and",
        "x" * 9 + "…",
        "y",
        "z",
    ]
    assert all(length(line) <= 10 for line in lines)
    assert lines[1] == (("wor", "a"), ("ld. and", "b"))


def test_cut_and_highlight() -> None:
    assert plain(cut([("abcdefgh", "")], 5)) == "abcd…"
    assert cut([("abc", "")], 0) == ()
    marked = highlight((("The NATO ", ""), ("nato", "b")), "nato", "reverse")
    assert marked == (("The ", ""), ("NATO", "reverse"), (" ", ""), ("nato", "b reverse"))


def test_layout_fits_every_width(mini: Corpus) -> None:
    for ids in (["alpha", "beta"], ["alpha", "beta", "gamma"]):
        comparison = compare(mini, ids)
        for width in (60, 80, 120, 158):
            table = layout(comparison, width)
            assert len(table.rows) == len(comparison.rows)
            for block in table.rows:
                for column, cell in zip(table.columns, block.cells, strict=True):
                    assert all(length(line) <= column.width for line in cell)
                    assert len(cell) <= block.height


def test_overview_figures(mini: Corpus) -> None:
    similarity = pair_similarity(compare(mini, ["alpha", "beta"]))
    assert similarity.known == 6
    assert similarity.shared == 4
    assert similarity.share == 4 / 6
    partial = pair_similarity(compare(mini, ["beta", "gamma"]))
    assert partial.unknown > 0
    coverage = {row.topic: row.counts for row in topic_coverage(mini)}
    assert coverage["reconstruction"] == {"alpha": 2, "beta": 2, "gamma": 0}
    (root,) = lineage(mini)
    assert root.plan_id == "alpha"
    assert root.children[0].plan_id == "beta"
    assert root.children[0].children[0].plan_id == "gamma"
