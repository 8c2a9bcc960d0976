"""Pilot tests of reviewing links in the compare view: accept, reject, unpin, pin and undo."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from planlens.comparison.build import compare
from planlens.comparison.suggest import suggest
from planlens.corpus.load import load_corpus
from planlens.tui import make_app
from planlens.tui.app import PlanlensApp
from planlens.tui.screens.compare import CompareScreen
from planlens.tui.widgets.link_review import LinkReview
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
    for row in screen.comparison.rows:
        if address.partition(":")[2] in row.clauses.get(address.partition(":")[0], []):
            return row.clauses
    raise AssertionError(address)


def review_of(screen: CompareScreen) -> LinkReview:
    return screen.query_one(LinkReview)


@pilot_test
async def test_a_lone_clause_lists_the_suggestions_align_finds(plans: Path) -> None:
    corpus = load_corpus([plans])
    expected = {
        s.address: [(c.address, c.score) for c in s.candidates]
        for s in suggest([corpus.plan(p) for p in PAIR], compare(corpus, list(PAIR)))
    }
    app = open_app(plans)
    async with app.run_test(size=SIZE) as pilot:
        screen = await go_to(pilot, "ep-res:18")
        review = review_of(screen)
        items = [(i.b, round(i.score, 4)) for i in review.items if i.kind == "suggested"]
        assert items == expected["ep-res:18"]
        shown = review.render_line(1).text
        assert "ep-res:18 ↔ us-28:1" in shown and "shared: sovereignty" in shown
        # The footer offers "Accept suggestion" here, and not on a row with no suggestion.
        assert screen.check_action("review", ("accept",))
        screen = await go_to(pilot, "ep-res:1")
        assert not screen.check_action("review", ("accept",))
        assert screen.check_action("edit_link", ("accept",))


@pilot_test
async def test_accepting_pins_the_link_and_undo_restores_the_file(plans: Path) -> None:
    path = plans / "ep-res.toml"
    before = path.read_bytes()
    app = open_app(plans)
    async with app.run_test(size=SIZE) as pilot:
        screen = await go_to(pilot, "ep-res:18")
        assert row_of(screen, "ep-res:18")["us-28"] == []
        await pilot.press("a")
        await settle(pilot)
        assert 'links = ["us-28:1"]' in path.read_text(encoding="utf-8")
        # The view re-aligned at once: the pair shares a row, as an asserted link.
        assert row_of(screen, "ep-res:18")["us-28"] == ["1"]
        kinds = {(i.a, i.b, i.kind) for i in review_of(screen).items}
        assert ("us-28:1", "ep-res:18", "asserted") in kinds
        assert app.corpus.clause("ep-res:18")[1].links == ["us-28:1"]
        await pilot.press("ctrl+z")
        await settle(pilot)
        assert path.read_bytes() == before
        assert row_of(screen, "ep-res:18")["us-28"] == []
        assert review_of(screen).history == []


@pilot_test
async def test_rejecting_records_the_pair_and_it_is_not_suggested_again(plans: Path) -> None:
    path = plans / "ep-res.toml"
    app = open_app(plans)
    async with app.run_test(size=SIZE) as pilot:
        screen = await go_to(pilot, "ep-res:18")
        rejected = review_of(screen).selected
        assert rejected is not None and rejected.kind == "suggested"
        await pilot.press("R")
        await settle(pilot)
        assert f'not_links = ["{rejected.b}"]' in path.read_text(encoding="utf-8")
        assert all(i.b != rejected.b for i in review_of(screen).items)
        await pilot.press("ctrl+z")
        await settle(pilot)
        assert "not_links" not in path.read_text(encoding="utf-8")


@pilot_test
async def test_unpin_then_pin_an_asserted_link(plans: Path) -> None:
    path = plans / "ep-res.toml"
    before = path.read_bytes()
    app = open_app(plans)
    async with app.run_test(size=SIZE) as pilot:
        screen = await go_to(pilot, "ep-res:1")
        review = review_of(screen)
        assert [(i.a, i.b, i.kind) for i in review.items] == [("us-28:1", "ep-res:1", "asserted")]
        await pilot.press("R")
        await settle(pilot)
        assert 'links = ["us-28:1"]' not in path.read_text(encoding="utf-8")
        # The aligner still pairs them on its own: the link is now "found", not asserted.
        assert [(i.a, i.b, i.kind) for i in review.items] == [("us-28:1", "ep-res:1", "found")]
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
    path = plans / "ep-res.toml"
    app = open_app(plans)
    async with app.run_test(size=SIZE) as pilot:
        await go_to(pilot, "ep-res:18")
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
    monkeypatch.delenv("PLANLENS_PLANS", raising=False)
    monkeypatch.chdir(tmp_path)
    before = (BUNDLED / "ep-res.toml").read_bytes()
    app = make_app(load_corpus(), PAIR)
    async with app.run_test(size=SIZE) as pilot:
        await go_to(pilot, "ep-res:18")
        await pilot.press("a")
        await settle(pilot)
        assert any("--plans" in str(n.message) for n in app._notifications)
    assert (BUNDLED / "ep-res.toml").read_bytes() == before


@pilot_test
async def test_choosing_another_candidate_in_the_list(plans: Path) -> None:
    app = open_app(plans)
    async with app.run_test(size=SIZE) as pilot:
        screen = await go_to(pilot, "us-28:3")
        review = review_of(screen)
        candidates = [i.b for i in review.items if i.kind == "suggested"]
        assert len(candidates) >= 2
        links_before = app.corpus.clause(candidates[1])[1].links
        await pilot.press("tab", "tab")
        assert review.has_focus
        await pilot.press("down")
        assert review.selected is not None and review.selected.b == candidates[1]
        assert review.render_line(2).text.startswith("▶ ")
        await pilot.press("enter")
        await settle(pilot)
        owner = load_corpus([plans]).clause(candidates[1])[1]
        assert owner.links == [*links_before, "us-28:3"]


@pilot_test
async def test_an_undo_refused_stays_on_the_stack(plans: Path) -> None:
    path = plans / "ep-res.toml"
    app = open_app(plans)
    async with app.run_test(size=SIZE) as pilot:
        screen = await go_to(pilot, "ep-res:18")
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
