"""Choosing the matrix's reference version (R), what x says in the matrix, topic type-ahead."""

from __future__ import annotations

import json
from pathlib import Path

from textual.widgets import Input, OptionList

from planlens.corpus.load import Corpus, load_corpus
from planlens.tui import make_app
from planlens.tui.app import PlanlensApp
from planlens.tui.screens.choice import ChoiceScreen
from planlens.tui.screens.compare import CompareScreen
from planlens.tui.screens.export import ExportScreen
from planlens.tui.screens.pickers import version_prompt
from planlens.tui.status import status_content
from tests.tui.conftest import SIZE, pilot_test, settle


def compare_screen(app: PlanlensApp) -> CompareScreen:
    screen = app.screen
    assert isinstance(screen, CompareScreen), screen
    return screen


@pilot_test
async def test_the_matrix_can_be_compared_against_a_chosen_version(mini: Corpus) -> None:
    app = make_app(mini, ["alpha", "beta", "gamma"])
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = compare_screen(app)
        assert screen.comparison is not None
        assert screen.comparison.pairs == [("alpha", "beta"), ("beta", "gamma")]
        await pilot.press("R")
        await settle(pilot)
        picker = app.screen
        assert isinstance(picker, ChoiceScreen)
        assert [value for value, _ in picker.options] == ["", "alpha", "beta", "gamma"]
        await pilot.press("end", "enter")
        await settle(pilot)
        assert screen.view.reference == "gamma"
        assert screen.comparison.pairs == [("gamma", "alpha"), ("gamma", "beta")]
        status = status_content(screen.view, screen.comparison, len(screen.table.shown_rows))
        assert "against GAMMA" in status.plain
        # Back to the lineage: the first entry.
        await pilot.press("R", "home", "enter")
        await settle(pilot)
        assert screen.view.reference is None
        assert screen.comparison.pairs == [("alpha", "beta"), ("beta", "gamma")]


@pilot_test
async def test_the_reference_survives_a_change_of_versions_it_is_among(mini: Corpus) -> None:
    app = make_app(mini, ["alpha", "beta", "gamma"])
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = compare_screen(app)
        await pilot.press("R", "end", "enter")
        await settle(pilot)
        screen.show_versions(("alpha", "gamma"))
        await settle(pilot)
        # Side by side the reference is the left version: GAMMA moves there. Left on the right,
        # the column headed ALPHA showed gamma's words and the one headed GAMMA alpha's.
        assert screen.view.plan_ids == ("gamma", "alpha") and screen.view.reference is None
        assert screen.comparison is not None and screen.comparison.pairs == [("gamma", "alpha")]
        screen.show_versions(("alpha", "beta"))
        await settle(pilot)
        assert screen.view.reference is None
        assert screen.comparison is not None and screen.comparison.pairs == [("alpha", "beta")]


@pilot_test
async def test_x_in_the_matrix_says_why_it_does_nothing(mini: Corpus) -> None:
    app = make_app(mini, ["alpha", "beta", "gamma"])
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(pilot)
        await pilot.press("x")
        await settle(pilot)
        assert compare_screen(app).view.plan_ids == ("alpha", "beta", "gamma")
        [note] = list(app._notifications)
        assert "press R to choose the reference version" in note.message


@pilot_test
async def test_r_with_two_versions_points_to_x(mini: Corpus) -> None:
    app = make_app(mini)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(pilot)
        await pilot.press("R")
        await settle(pilot)
        assert isinstance(app.screen, CompareScreen)
        [note] = list(app._notifications)
        assert "the left one is the reference: x swaps them" in note.message


@pilot_test
async def test_typing_in_the_topic_picker_narrows_it(mini: Corpus) -> None:
    app = make_app(mini)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("t")
        await settle(pilot)
        picker = app.screen
        assert isinstance(picker, ChoiceScreen)
        options = picker.query_one(OptionList)
        everything = options.option_count
        await pilot.press(*"recon")
        assert options.option_count == 1
        assert options.get_option_at_index(0).id == "reconstruction"
        await pilot.press("backspace", "backspace", "backspace", "backspace", "backspace")
        assert options.option_count == everything
        await pilot.press(*"elec", "enter")
        await settle(pilot)
        assert compare_screen(app).view.topic == "elections"


@pilot_test
async def test_a_filtered_export_keeps_the_chosen_reference(mini: Corpus, tmp_path: Path) -> None:
    app = make_app(mini, ["alpha", "beta", "gamma"])
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("R", "end", "enter")
        await settle(pilot)
        await pilot.press("u", "e")  # a filter: the export compares again
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, ExportScreen)
        target = tmp_path / "matrix.json"
        dialog.query_one("#export-path", Input).value = str(target)
        await pilot.press("down", "enter")  # json
        await settle(pilot)
        report = json.loads(target.read_text(encoding="utf-8"))
        assert report["options"]["changed_only"] is True
        assert report["pairs"] == [["gamma", "alpha"], ["gamma", "beta"]]


def test_a_long_label_stays_apart_from_the_date_in_the_reference_picker(
    mini_copy: Path,
) -> None:
    beta = mini_copy / "beta.toml"
    beta.write_text(
        beta.read_text(encoding="utf-8").replace('short = "BETA"', 'short = "BETA-REVISED"'),
        encoding="utf-8",
    )
    corpus = load_corpus([mini_copy])
    assert version_prompt(corpus, "beta").plain.startswith("BETA-REVISED 2025-02-01")
    assert version_prompt(corpus, "alpha").plain.startswith("ALPHA      2025-01-10")
