"""Corpus-wide views: a figure's timeline, a provision's history, search, key changes, topics."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from planlens.comparison.build import compare
from planlens.comparison.figures import show_term
from planlens.comparison.history import history
from planlens.comparison.key_changes import key_changes, topic_groups
from planlens.comparison.search import find_in, fold, fold_with_positions, ranked, search
from planlens.comparison.timeline import figure_timeline, term_names
from planlens.corpus.load import Corpus, load_corpus
from planlens.corpus.model import Clause, Omission, Plan, PlanFile, TermValue
from planlens.errors import PlanlensError
from tests.conftest import BUNDLED, MINI


def plan(
    plan_id: str,
    day: int,
    clauses: list[tuple[str, str, dict[str, TermValue]]],
    *,
    complete: bool = True,
    bracketed: tuple[str, ...] = (),
    omissions: tuple[str, ...] = (),
) -> PlanFile:
    return PlanFile(
        plan=Plan(
            id=plan_id,
            title=plan_id.upper(),
            date=dt.date(2025, 1, day),
            kind="plan",
            status="official",
            fidelity="paraphrase",
            complete=complete,
        ),
        clause=[
            Clause(
                id=cid,
                text=text,
                terms=terms,
                topics=["military-limits"],
                confidence="confirmed",
                bracketed=cid in bracketed,
                note=f"note on {plan_id}:{cid}",
            )
            for cid, text, terms in clauses
        ],
        omission=[
            Omission(ref=ref, note=f"{plan_id} dropped it", source="https://example.org/x")
            for ref in omissions
        ],
    )


CAP = "The armed forces of the country are limited to {} personnel at all times."
NO_CAP = "No ceiling is set on the size of the armed forces of the country at all."
OTHER = "Grain ships pass freely through the Black Sea ports and along the river."


@pytest.fixture
def four_states() -> Corpus:
    """a sets the cap, b says there is none, c (complete) is silent, d (partial) unknown."""
    return Corpus.from_plans(
        [
            plan("a", 1, [("1", CAP.format("600,000"), {"army_cap": 600000})]),
            plan("b", 2, [("1", NO_CAP, {"army_cap": "none"})]),
            plan("c", 3, [("1", OTHER, {})]),
            plan("d", 4, [("1", OTHER, {})], complete=False),
        ]
    )


def test_a_term_in_each_of_the_four_states(four_states: Corpus) -> None:
    entries = figure_timeline(four_states, ["army_cap"])["army_cap"]
    assert [(e.plan, e.state) for e in entries] == [
        ("a", "set"), ("b", "none"), ("c", "silent"), ("d", "unknown"),
    ]  # fmt: skip
    assert entries[0].shown == "600,000" and entries[0].clause == "a:1"
    assert entries[0].note == "note on a:1" and entries[0].confidence == "confirmed"
    assert entries[1].value is None and entries[1].clause == "b:1"
    assert entries[2].clause is None and entries[3].confidence is None


def test_every_term_without_names_and_a_close_name_suggested(four_states: Corpus) -> None:
    assert list(figure_timeline(four_states)) == term_names(four_states) == ["army_cap"]
    with pytest.raises(PlanlensError, match="did you mean army_cap"):
        figure_timeline(four_states, ["army_cpa"])


def test_a_term_name_matches_ignoring_case(four_states: Corpus) -> None:
    assert list(figure_timeline(four_states, ["ARMY_CAP"])) == ["army_cap"]
    assert list(figure_timeline(four_states, ["Army_Cap"])) == ["army_cap"]
    with pytest.raises(PlanlensError, match="did you mean army_cap"):
        figure_timeline(four_states, ["ARMY_CPA"])


def test_the_bundled_army_cap_timeline_reads_eu_24_as_explicitly_none() -> None:
    entries = figure_timeline(load_corpus([BUNDLED]), ["army_cap"])["army_cap"]
    by_plan = {e.plan: e for e in entries}
    assert by_plan["us-28"].shown == "600,000"
    assert by_plan["eu-24"].state == "none" and by_plan["eu-24"].clause == "eu-24:11"
    assert by_plan["london-apr"].state == "silent"
    assert by_plan["ep-res"].state == "unknown"
    assert [e.date for e in entries] == sorted(e.date for e in entries)


@pytest.mark.parametrize(
    ("value", "name", "shown"),
    [
        (100_000_000_000, "frozen_assets_usd", "$100 billion"),
        (207_000_000_000, "leveraged_investment_eur", "€207 billion"),
        (2_500_000, "loan_eur", "€2.5 million"),
        (40_000, "loan_usd", "$40,000"),
        (50, "us_profit_share_pct", "50%"),
        (800_000, "army_cap", "800,000"),
        (2014, "sanctions_baseline_year", "2014"),
        ("50:50", "znpp_power_split", "50:50"),
    ],
)
def test_figures_read_as_people_write_them(value: TermValue, name: str, shown: str) -> None:
    assert show_term(value, name) == shown


def test_history_in_date_order_with_diffs_and_every_state() -> None:
    corpus = Corpus.from_plans(
        [
            plan("a", 1, [("1", CAP.format("600,000"), {"army_cap": 600000})]),
            plan("b", 2, [("1", OTHER, {})], omissions=("a:1",)),
            plan("c", 3, [("6", CAP.format("800,000"), {"army_cap": 800000})]),
            plan("d", 4, [("9", OTHER, {})], complete=False),
            plan("e", 5, [("9", OTHER, {})]),
        ]
    )
    story = history(corpus, "a:1")
    assert [(v.plan, v.state) for v in story.versions] == [
        ("a", "present"), ("b", "removed-reported"), ("c", "present"), ("d", "unknown"),
        ("e", "absent"),
    ]  # fmt: skip
    first, reported, third = story.versions[:3]
    assert first.compared_with is None and first.clauses[0].spans == []
    assert reported.omission is not None and reported.omission.note == "b dropped it"
    assert reported.omission.source == "https://example.org/x"
    assert third.compared_with == "a"
    spans = {(s.op, s.text.strip()) for s in third.clauses[0].spans}
    assert ("delete", "600,000") in spans and ("insert", "800,000") in spans
    assert third.clauses[0].terms == {"army_cap": "800,000"}
    assert third.clauses[0].note == "note on c:6"


def test_history_keeps_bracketed_alternatives_apart() -> None:
    story = history(load_corpus([BUNDLED]), "us-28:19")
    ua = next(v for v in story.versions if v.plan == "ua-20")
    assert [c.address for c in ua.clauses] == ["ua-20:12.alt-a", "ua-20:12.alt-b"]
    assert all(c.bracketed for c in ua.clauses)
    assert ua.clauses[0].text != ua.clauses[1].text
    assert "equal thirds" in ua.clauses[0].terms["znpp_power_split"]


def test_history_of_an_unknown_clause_is_a_clear_error() -> None:
    with pytest.raises(PlanlensError, match="no clause"):
        history(load_corpus([MINI]), "alpha:99")


def test_history_of_a_version_named_by_its_label_gives_the_address_by_id() -> None:
    corpus = load_corpus([BUNDLED])
    by_label = history(corpus, "GEN-19:p1")  # was an internal AssertionError
    assert by_label.address == "geneva-19:p1"
    assert by_label == history(corpus, "geneva-19:p1")
    assert history(corpus, "us-28:19").versions == history(corpus, "US-28:19").versions


def test_history_is_titled_by_the_clause_asked_about_not_the_rows_first_clause() -> None:
    corpus = load_corpus([BUNDLED])
    _, clause = corpus.clause("us-28:19")
    assert history(corpus, "us-28:19").title == clause.title
    assert history(corpus, "ua-20:12.alt-a").title == corpus.clause("ua-20:12.alt-a")[1].title
    assert clause.title != corpus.clause("london-apr:p11")[1].title  # the row's first clause


def test_fold_ignores_case_accents_and_script() -> None:
    assert fold("Zaporìzhzhia") == fold("ZAPORIZHZHIA") == "zaporizhzhia"
    assert fold("Запоріжжя") == "zaporizhzhia"
    assert fold("ﬁnal") == "final"  # compatibility forms are decomposed


@given(st.text(alphabet=st.characters(max_codepoint=127)) | st.text())
def test_the_fast_fold_of_a_plain_text_is_the_fold_character_by_character(text: str) -> None:
    # fold() takes a short cut for ASCII text (the index folds every field of the corpus);
    # hit snippets are cut with the positions of the step-by-step fold, so both must agree.
    folded, origin = fold_with_positions(text)
    assert fold(text) == folded
    assert len(origin) == len(folded)


def test_a_snippet_marks_the_match_as_written() -> None:
    text = "A long preamble. " * 5 + "The Zaporìzhzhia plant\nrestarts under the IAEA."
    snippet = find_in(text, "zaporizhzhia plant")
    assert snippet is not None
    assert snippet.match == "Zaporìzhzhia plant"
    assert snippet.before.startswith("…") and "\n" not in snippet.after
    assert find_in(text, "   ") is None and find_in(text, "kakhovka") is None


def test_search_covers_every_field_and_omission_notes() -> None:
    corpus = load_corpus([MINI])
    hits = search(corpus, "AMNESTY")
    assert ("alpha", "alpha:3", "title") in {(h.plan, h.clause, h.field) for h in hits}
    omission = next(h for h in hits if h.field == "omission")
    assert (omission.plan, omission.clause, omission.title) == ("beta", "alpha:3", "Amnesty")
    assert [h.field for h in search(corpus, "army_cap = 800,000")] == ["terms", "terms"]
    assert {h.plan for h in search(corpus, "army", plans=["gamma"])} == {"gamma"}
    assert {h.clause for h in search(corpus, "army", topic="elections")} == set()


def test_a_hit_in_an_untitled_clause_is_named_by_its_first_words(tmp_path: Path) -> None:
    (tmp_path / "leak.toml").write_text(
        '[plan]\nid = "leak"\ntitle = "A leak"\ndate = 2025-03-01\nkind = "plan"\n'
        'status = "leaked"\nfidelity = "paraphrase"\n'
        'sources = [{publisher = "A", title = "B", url = "https://a.example/1"},\n'
        '  {publisher = "C", title = "D", url = "https://c.example/2"}]\n\n'
        '[[clause]]\nid = "1"\ntext = "The parties agree to hold a referendum on the '
        'final settlement within ninety days."\n',
        encoding="utf-8",
    )
    (hit,) = search(load_corpus([tmp_path]), "referendum")
    assert hit.title == "The parties agree to hold a referendum on the final…"
    assert hit.to_json()["title"] == hit.title


def test_search_is_accent_and_script_insensitive_on_the_corpus() -> None:
    corpus = load_corpus([BUNDLED])
    latin = {(h.clause, h.field) for h in search(corpus, "zaporizhzhia")}
    assert ("us-28:19", "text") in latin and ("ua-20:12.alt-b", "text") in latin
    assert {(h.clause, h.field) for h in search(corpus, "ЗАПОРІЖЖЯ")} == latin
    assert {(h.clause, h.field) for h in search(corpus, "Zaporízhzhia")} == latin


def test_ranked_puts_the_versions_shown_first() -> None:
    hits = search(load_corpus([MINI]), "army")
    order = list(dict.fromkeys(h.plan for h in ranked(hits, ["gamma", "beta"])))
    assert order == ["gamma", "beta", "alpha"]


def test_key_changes_list_figures_then_additions_then_removals() -> None:
    comparison = compare(load_corpus([MINI]), ["alpha", "beta"])
    found = key_changes(comparison)
    kinds = [k.kind for k in found]
    assert kinds == sorted(kinds, key=["figure", "added", "removed", "removed-reported"].index)
    army = next(k for k in found if k.figure is not None and k.figure.name == "army_cap")
    assert army.figure is not None
    assert (army.figure.old, army.figure.new, army.addresses) == ("600,000", "800,000", ("beta:1",))
    added = next(k for k in found if k.kind == "added")
    assert added.addresses == ("beta:2",) and added.title == "Ceasefire"
    dropped = next(k for k in found if k.kind == "removed-reported")
    assert dropped.addresses == ("alpha:3",)
    assert dropped.note == "The amnesty is reported to have been dropped."


def test_topic_groups_hold_every_row_once_in_order_of_first_topic() -> None:
    comparison = compare(load_corpus([MINI]), ["alpha", "beta", "gamma"])
    groups = topic_groups(comparison)
    rows = [r for g in groups for r in g.rows]
    assert sorted(rows) == list(range(len(comparison.rows)))
    reconstruction = next(g for g in groups if g.topic == "reconstruction")
    assert len(reconstruction.rows) == 2 and reconstruction.label != "reconstruction"
    assert groups[0].topic == comparison.rows[0].topics[0]


WORDS = st.text(
    st.characters(blacklist_categories=("Zs", "Zl", "Zp", "Cc", "Cs")), min_size=1, max_size=60
)
"""Text without whitespace, which snippets fold to single spaces."""


@given(WORDS, st.data())
def test_a_snippet_always_holds_what_it_matched(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text) - 1))
    query = text[start : data.draw(st.integers(start + 1, len(text)))]
    snippet = find_in(text, query)
    if not fold(query):  # the query folds to nothing (combining marks only, say)
        assert snippet is None
        return
    assert snippet is not None
    assert fold(query) in fold(snippet.match)
    assert snippet.match in text


def test_a_phrase_matches_across_a_line_break_or_a_double_space() -> None:
    snippet = find_in("The line\nof  contact is frozen.", "line of contact")
    assert snippet is not None and snippet.match == "line of contact"  # flattened as shown
    corpus = Corpus.from_plans([plan("a", 1, [("1", "Troops  stay on the line\nof contact.", {})])])
    [hit] = search(corpus, "stay on the line of contact")
    assert hit.snippet.text == "Troops stay on the line of contact."


def test_a_snippet_is_cut_between_words() -> None:
    text = "The framework contains an agreed provision on the Zaporizhzhia nuclear power plant."
    snippet = find_in(text, "zaporizhzhia", context=12)
    assert snippet is not None
    assert snippet.before == "…on the "  # not "…ision on the "
    assert snippet.after == " nuclear…"  # not " nuclear pow…"
    word = find_in("Pneumonoultramicroscopicsilicovolcanoconiosis", "silico", context=3)
    assert word is not None and word.text == "…picsilicovol…"  # one long word: cut inside it


def test_a_provision_is_built_alone_as_the_whole_comparison_builds_it() -> None:
    # history() builds only the row it tells; that row must be the one every view shows.
    from planlens.comparison.build import provision

    corpus = load_corpus([BUNDLED])
    rows = compare(corpus).rows
    for address in ("us-28:6", "ua-20:12.alt-a", "eu-24:11", "london-apr:p12", "e3-28:25"):
        plans, row = provision(corpus, address)
        assert [p.id for p in plans] == [p.id for p in corpus.plans]
        assert row == rows[row.index]
        plan_id, _, clause_id = address.partition(":")
        assert clause_id in row.clauses[plan_id]


def test_the_history_of_an_untitled_clause_is_headed_by_its_provisions_title() -> None:
    untitled = PlanFile(
        plan=Plan(id="new", title="New", date=dt.date(2026, 1, 1), kind="plan",
                  status="leaked", fidelity="verbatim", based_on=["alpha"]),
        clause=[Clause(id="1", text=load_corpus([MINI]).clause("alpha:1")[1].text,
                       confidence="confirmed")],
    )  # fmt: skip
    corpus = load_corpus([MINI])
    corpus = Corpus(plans=(*corpus.plans, untitled), topics=corpus.topics)
    story = history(corpus, "new:1")
    assert story.title == corpus.clause("alpha:1")[1].title != ""


def test_a_version_reported_to_have_dropped_the_clause_that_set_a_term_reads_removed() -> None:
    """ua-20 is known only in part, but it is reported to have dropped us-28:14: not unknown."""
    entries = figure_timeline(load_corpus([BUNDLED]), ["frozen_assets_usd"])["frozen_assets_usd"]
    by_plan = {e.plan: e for e in entries}
    ua = by_plan["ua-20"]
    assert (ua.state, ua.clause, ua.value, ua.confidence) == (
        "removed",
        "us-28:14",
        None,
        "reported",
    )
    assert ua.note is not None and ua.note.startswith("Not in the 20 points as read out")
    assert by_plan["geneva-19"].state == "removed"
    assert by_plan["ep-res"].state == "unknown"


def test_history_shows_the_clause_a_provision_was_merged_into_not_unknown() -> None:
    """e3-28:21 folds us-28:21.a-d into one point (merge links in the file): not unknown."""
    story = history(load_corpus([BUNDLED]), "us-28:21.d")
    e3 = next(v for v in story.versions if v.plan == "e3-28")
    assert e3.state == "merged"
    assert [c.address for c in e3.clauses] == ["e3-28:21"]
    assert e3.clauses[0].spans == [] and e3.compared_with is None
    ua = next(v for v in story.versions if v.plan == "ua-20")
    assert ua.compared_with == "us-28"  # a merged clause is not what the next diff is against


def test_a_summary_that_does_not_give_a_figure_is_no_key_change() -> None:
    # geneva-19 is known from reports ("its content was not reported"): the US terms it does
    # not repeat did not move as far as anyone knows; the figure it does give did.
    comparison = compare(load_corpus([BUNDLED]), ["us-28", "geneva-19"])
    assert comparison.plan("geneva-19").fidelity == "summary"
    moved = {k.figure.name for k in key_changes(comparison) if k.figure is not None}
    in_rows = {f.name for row in comparison.rows for d in row.pairs for f in d.figures}
    assert "army_cap" in moved
    assert {"znpp_power_split", "znpp_supervisor", "exchange_formula"} <= in_rows - moved
