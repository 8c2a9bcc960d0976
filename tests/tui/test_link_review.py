"""Pilot tests of reviewing links in the compare view: accept, reject, unpin, pin and undo.

They run on a copy of the bundled plans, `us-28` against `ep-res` (so every edit goes into
`ep-res.toml`, the later version), and pick their clauses from what the core computes, so that
a change in the aligner's scores does not change what they test.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from planlens.authoring.review import ReviewItem, suggestions_for
from planlens.comparison.build import compare
from planlens.comparison.suggest import Suggestion
from planlens.corpus.load import load_corpus
from planlens.tui import make_app
from planlens.tui.app import PlanlensApp
from planlens.tui.screens.compare import CompareScreen
from planlens.tui.widgets.link_review import LinkReview
from planlens.tui.widgets.review_lines import caption, item_content
from tests.conftest import BUNDLED
from tests.tui.conftest import SIZE, pilot_test, settle

PAIR = ("us-28", "ep-res")


@pytest.fixture
def plans(tmp_path: Path) -> Path:
    """A writable copy of the bundled plans."""
    target = tmp_path / "plans"
    shutil.copytree(BUNDLED, target)
    return target


def open_app(plans: Path) -> PlanlensApp:
    return make_app(load_corpus([plans]), PAIR, [plans])


def suggestions(plans: Path, candidates: int = 1) -> list[Suggestion]:
    """The suggestions for PAIR with at least `candidates` candidates."""
    found = suggestions_for(load_corpus([plans]), PAIR)
    chosen = [s for s in found if len(s.candidates) >= candidates]
    assert chosen, "the bundled plans have such suggestions"
    return chosen


def ends(a: str, b: str) -> tuple[str, str]:
    """(the ep-res end, the us-28 end) of a pair."""
    return (a, b) if a.startswith("ep-res:") else (b, a)


def pinned_pair_the_aligner_also_finds(plans: Path) -> tuple[str, str]:
    """An ep-res clause with one asserted link that the aligner makes on its own too."""
    corpus = load_corpus([plans])
    found = compare(corpus, list(PAIR), ignore_links=True)
    for clause in corpus.plan("ep-res").clauses:
        if len(clause.links) == 1:
            address = f"ep-res:{clause.id}"
            us = clause.links[0]
            if any(
                {link.a, link.b} == {address, us}
                for row in found.rows
                for p in row.pairs
                for link in p.links
            ):
                return address, us
    raise AssertionError("no asserted link that the aligner also finds")


async def go_to(pilot: Pilot[Any], address: str) -> CompareScreen:
    """Put the cursor on `address` and wait until the review lists the row's items."""
    await settle(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, CompareScreen)
    screen.jump_to(address)
    await settle(pilot)
    return screen


def row_of(screen: CompareScreen, address: str) -> dict[str, list[str]]:
    assert screen.comparison is not None
    plan_id, _, clause_id = address.partition(":")
    for row in screen.comparison.rows:
        if clause_id in row.clauses.get(plan_id, []):
            return row.clauses
    raise AssertionError(address)


def review_of(screen: CompareScreen) -> LinkReview:
    return screen.query_one(LinkReview)


@pilot_test
async def test_a_lone_clause_lists_the_suggestions_align_finds(plans: Path) -> None:
    first = suggestions(plans)[0]
    pinned, _ = pinned_pair_the_aligner_also_finds(plans)
    app = open_app(plans)
    async with app.run_test(size=SIZE) as pilot:
        screen = await go_to(pilot, first.address)
        review = review_of(screen)
        items = [(i.b, i.score) for i in review.items if i.kind == "suggested"]
        assert items == [(c.address, c.score) for c in first.candidates]
        shown = review.render_line(1).text
        assert f"{first.address} ↔ {first.candidates[0].address}" in shown
        assert "shared: " + ", ".join(first.candidates[0].topics) in shown
        # The footer offers "Accept suggestion" here, and not on a row with no suggestion.
        assert screen.check_action("review", ("accept",))
        screen = await go_to(pilot, pinned)
        assert not screen.check_action("review", ("accept",))
        assert screen.check_action("edit_link", ("accept",))


@pilot_test
async def test_accepting_pins_the_link_and_undo_restores_the_file(plans: Path) -> None:
    first = suggestions(plans)[0]
    ep, us = ends(first.address, first.candidates[0].address)
    path = plans / "ep-res.toml"
    before = path.read_bytes()
    app = open_app(plans)
    async with app.run_test(size=SIZE) as pilot:
        screen = await go_to(pilot, first.address)
        other_plan = first.candidates[0].address.partition(":")[0]
        assert row_of(screen, first.address)[other_plan] == []
        links_before = app.corpus.clause(ep)[1].links
        await pilot.press("a")
        await settle(pilot)
        assert load_corpus([plans]).clause(ep)[1].links == [*links_before, us]
        # The view re-aligned at once: the pair shares a row, as an asserted link.
        row = row_of(screen, first.address)
        assert first.candidates[0].address.partition(":")[2] in row[other_plan]
        kinds = {(frozenset((i.a, i.b)), i.kind) for i in review_of(screen).items}
        assert (frozenset((ep, us)), "asserted") in kinds
        assert us in app.corpus.clause(ep)[1].links
        await pilot.press("ctrl+z")
        await settle(pilot)
        assert path.read_bytes() == before
        assert row_of(screen, first.address)[other_plan] == []
        assert review_of(screen).history == []


@pilot_test
async def test_rejecting_records_the_pair_and_it_is_not_suggested_again(plans: Path) -> None:
    first = suggestions(plans)[0]
    ep, us = ends(first.address, first.candidates[0].address)
    path = plans / "ep-res.toml"
    before = path.read_bytes()
    app = open_app(plans)
    async with app.run_test(size=SIZE) as pilot:
        screen = await go_to(pilot, first.address)
        rejected = review_of(screen).selected
        assert rejected is not None and rejected.kind == "suggested"
        assert {rejected.a, rejected.b} == {ep, us}
        await pilot.press("D")
        await settle(pilot)
        assert load_corpus([plans]).clause(ep)[1].not_links == [us]
        assert all({i.a, i.b} != {ep, us} for i in review_of(screen).items)
        await pilot.press("ctrl+z")
        await settle(pilot)
        assert path.read_bytes() == before


@pilot_test
async def test_unpin_then_pin_an_asserted_link(plans: Path) -> None:
    ep, us = pinned_pair_the_aligner_also_finds(plans)
    path = plans / "ep-res.toml"
    before = path.read_bytes()
    app = open_app(plans)
    async with app.run_test(size=SIZE) as pilot:
        screen = await go_to(pilot, ep)
        review = review_of(screen)
        assert [(i.a, i.b, i.kind) for i in review.items] == [(us, ep, "asserted")]
        await pilot.press("D")
        await settle(pilot)
        assert load_corpus([plans]).clause(ep)[1].links == []
        # The aligner still pairs them on its own: the link is now "found", not asserted.
        assert [(i.a, i.b, i.kind) for i in review.items] == [(us, ep, "found")]
        await pilot.press("a")
        await settle(pilot)
        assert path.read_bytes() == before
        assert [i.kind for i in review.items] == ["asserted"]
        assert len(review.history) == 2


@pilot_test
async def test_a_file_changed_on_disk_is_not_overwritten(tmp_path: Path) -> None:
    # A directory name that reads as markup is shown literally in the message.
    plans = tmp_path / "[@click=app.quit]x[/]"
    shutil.copytree(BUNDLED, plans)
    first = suggestions(plans)[0]
    path = plans / "ep-res.toml"
    app = open_app(plans)
    async with app.run_test(size=SIZE) as pilot:
        await go_to(pilot, first.address)
        changed = path.read_text(encoding="utf-8") + "\n# edited elsewhere\n"
        path.write_text(changed, encoding="utf-8")
        await pilot.press("a")
        await settle(pilot)
        assert path.read_text(encoding="utf-8") == changed
        refusals = [n for n in app._notifications if "changed on disk" in n.message]
        assert len(refusals) == 1
        assert "[@click=app.quit]x[/]" in refusals[0].message and not refusals[0].markup
        assert app.is_running


@pilot_test
async def test_the_bundled_plans_are_not_edited(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = suggestions(BUNDLED)[0]
    monkeypatch.delenv("PLANLENS_PLANS", raising=False)
    monkeypatch.chdir(tmp_path)
    before = (BUNDLED / "ep-res.toml").read_bytes()
    app = make_app(load_corpus(), PAIR)
    async with app.run_test(size=SIZE) as pilot:
        await go_to(pilot, first.address)
        await pilot.press("a")
        await settle(pilot)
        assert any("--plans" in n.message for n in app._notifications)
    assert (BUNDLED / "ep-res.toml").read_bytes() == before


@pilot_test
async def test_choosing_another_candidate_in_the_list(plans: Path) -> None:
    lone = suggestions(plans, candidates=2)[0]
    second = lone.candidates[1].address
    ep, us = ends(lone.address, second)
    app = open_app(plans)
    async with app.run_test(size=SIZE) as pilot:
        screen = await go_to(pilot, lone.address)
        review = review_of(screen)
        links_before = app.corpus.clause(ep)[1].links
        await pilot.press("tab", "tab")
        assert review.has_focus
        await pilot.press("down")
        assert review.selected is not None and review.selected.b == second
        assert review.render_line(2).text.startswith("▶ ")
        await pilot.press("enter")
        await settle(pilot)
        assert load_corpus([plans]).clause(ep)[1].links == [*links_before, us]


@pilot_test
async def test_an_undo_refused_stays_on_the_stack(plans: Path) -> None:
    first = suggestions(plans)[0]
    path = plans / "ep-res.toml"
    app = open_app(plans)
    async with app.run_test(size=SIZE) as pilot:
        screen = await go_to(pilot, first.address)
        await pilot.press("a")
        await settle(pilot)
        review = review_of(screen)
        assert len(review.history) == 1
        changed = path.read_text(encoding="utf-8") + "\n# edited elsewhere\n"
        path.write_text(changed, encoding="utf-8")
        await pilot.press("ctrl+z")
        await settle(pilot)
        assert path.read_text(encoding="utf-8") == changed
        assert len(review.history) == 1
        assert not review.busy


def test_titles_and_topics_are_shown_literally() -> None:
    item = ReviewItem(
        "a:1", "b:2", "suggested", 0.2, title="[@click=app.quit]x[/] \x1b[31mred", topics=("[b]",)
    )
    text = item_content(item).plain
    assert "[@click=app.quit]x[/]" in text and "[b]" in text
    assert "\x1b" not in text
    assert caption([item]).plain.startswith("1 suggested counterpart ")
