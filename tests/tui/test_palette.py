"""The command palette (ctrl+p) and `g`: actions, comparing with a version, going to a clause.

Versions and clauses may be named in it by their label (GEN-19) as well as by their id.
"""

from __future__ import annotations

from typing import Any

import pytest
from textual.command import CommandList, CommandPalette
from textual.pilot import Pilot

from planlens.corpus.load import Corpus, load_corpus
from planlens.tui import make_app
from planlens.tui.app import PlanlensApp
from planlens.tui.commands import ACTIONS
from planlens.tui.screens.compare import CompareScreen
from tests.conftest import BUNDLED
from tests.tui.conftest import SIZE, pilot_test, settle


@pytest.fixture(scope="module")
def bundled() -> Corpus:
    return load_corpus([BUNDLED])


def compare_screen(app: PlanlensApp) -> CompareScreen:
    screen = app.screen
    assert isinstance(screen, CompareScreen), screen
    return screen


async def run_in_palette(pilot: Pilot[Any], query: str) -> list[str]:
    """Open the palette, type `query`, and return the names of the hits it lists, in order."""
    await pilot.press("ctrl+p")
    await settle(pilot)
    palette = pilot.app.screen
    assert isinstance(palette, CommandPalette)
    await pilot.press(*list(query))
    await settle(pilot)
    hits = palette.query_one(CommandList)
    return [
        str(hits.get_option_at_index(n).prompt).splitlines()[0] for n in range(hits.option_count)
    ]


def cursor_addresses(app: PlanlensApp) -> list[str]:
    screen = compare_screen(app)
    row = screen.table.cursor_row
    assert screen.comparison is not None and row is not None
    clauses = screen.comparison.rows[row].clauses
    return [f"{pid}:{cid}" for pid, ids in clauses.items() for cid in ids]


@pilot_test
async def test_a_palette_action_runs_on_the_compare_view(mini: Corpus) -> None:
    app = make_app(mini)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        names = await run_in_palette(pilot, "overview")
        assert names[0] == "Overview"
        await pilot.press("enter")
        await settle(pilot)
        assert type(app.screen).__name__ == "OverviewScreen"


@pilot_test
async def test_go_to_a_clause_named_by_its_versions_label(bundled: Corpus) -> None:
    app = make_app(bundled, ["us-28", "ua-20"])
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        names = await run_in_palette(pilot, "GEN-19:p3")
        assert names[0] == "Go to geneva-19:p3"
        await pilot.press("enter")
        await settle(pilot)
        screen = compare_screen(app)
        assert "geneva-19" in screen.view.plan_ids
        assert "geneva-19:p3" in cursor_addresses(app)


@pilot_test
async def test_compare_with_a_version_named_by_its_id(bundled: Corpus) -> None:
    app = make_app(bundled, ["us-28", "ua-20"])
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        names = await run_in_palette(pilot, "compare paris-decl")
        assert names[0] == "Compare US-28 with PARIS"
        await pilot.press("enter")
        await settle(pilot)
        assert compare_screen(app).view.plan_ids == ("us-28", "paris-decl")


@pilot_test
async def test_the_app_opens_on_versions_named_by_label(bundled: Corpus) -> None:
    app = make_app(bundled, ["US-28", "gen-19"])
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert compare_screen(app).view.plan_ids == ("us-28", "geneva-19")


@pilot_test
async def test_jump_accepts_a_versions_label(bundled: Corpus) -> None:
    app = make_app(bundled, ["us-28", "ua-20"])
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("g", *list("Gen-19:p3"), "enter")
        await settle(pilot)
        assert compare_screen(app).view.plan_ids == ("us-28", "geneva-19")
        assert "geneva-19:p3" in cursor_addresses(app)


@pilot_test
async def test_the_empty_palette_lists_the_actions_first(mini: Corpus) -> None:
    app = make_app(mini)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        names = await run_in_palette(pilot, "")
        ours = [name for name, _, _ in ACTIONS]
        assert [name for name in names if name in ours] == ours
        assert "Show problems" in names
        assert not any(name.startswith(("Go to", "Compare")) for name in names)


@pilot_test
async def test_a_mistyped_jump_says_so_without_reading_markup(mini: Corpus) -> None:
    app = make_app(mini)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(pilot)
        await pilot.press("g", *list("alfa:1"), "enter")
        await settle(pilot)
        await pilot.press("g", *list("alpha:[b]9"), "enter")
        await settle(pilot)
        first, second = list(app._notifications)
        assert first.message == "no plan with id or label 'alfa'; did you mean alpha?"
        assert second.message.startswith("alpha has no clause '[b]9'")
        assert not first.markup and not second.markup
