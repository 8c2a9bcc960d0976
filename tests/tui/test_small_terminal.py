"""The app at 80×24: the keys that matter are in view, and every dialog's controls are reachable."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.binding import Binding
from textual.pilot import Pilot
from textual.widget import Widget
from textual.widgets import Button, DataTable, Footer, Input, OptionList, RadioSet, Static

from planlens.corpus.load import Corpus, load_corpus
from planlens.tui import make_app
from planlens.tui.app import PlanlensApp
from planlens.tui.screens.checklist import ChecklistScreen
from planlens.tui.screens.choice import ChoiceScreen
from planlens.tui.screens.compare import KEY_HINT, CompareScreen
from planlens.tui.screens.export import ExportScreen
from planlens.tui.screens.problems import ProblemsScreen
from planlens.tui.widgets.key_hint import KeyHint, hint_content
from tests.conftest import BUNDLED
from tests.tui.conftest import SIZE, pilot_test, settle

SMALL = (80, 24)
KEY_NAMES = {"/": "slash", "?": "question_mark", "]": "right_square_bracket", "^p": "ctrl+p"}


def in_view(widget: Widget) -> bool:
    """True when the widget is drawn on screen where it is (not clipped away or covered)."""
    region = widget.region
    if not region or region.bottom > SMALL[1] or region.right > SMALL[0]:
        return False
    x, y = region.center
    found, _ = widget.screen.get_widget_at(int(x), int(y))
    return found is widget or widget in found.ancestors


async def open_dialog(pilot: Pilot[Any], key: str) -> None:
    await settle(pilot)
    await pilot.press(key)
    await settle(pilot)


def test_every_hinted_key_is_bound_to_its_action() -> None:
    bindings = Binding.make_bindings([*CompareScreen.BINDINGS, *PlanlensApp.BINDINGS])
    bound = {(key, b.action) for b in bindings for key in b.key.split(",")}
    for entry in KEY_HINT:
        assert (KEY_NAMES.get(entry.key, entry.key), entry.action) in bound, entry


def test_the_hint_shows_whole_entries_most_important_first() -> None:
    text = hint_content(KEY_HINT, 78).plain
    assert text.startswith("/ search  g jump  o overview  e export  ? help  q quit")
    assert len(text) <= 78
    assert hint_content(KEY_HINT, 20).plain == "/ search  g jump"


@pilot_test
async def test_at_80_columns_the_footer_gives_way_to_the_key_hint(mini: Corpus) -> None:
    app = make_app(mini)
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        screen = app.screen
        hint = screen.query_one(KeyHint)
        assert in_view(hint) and not screen.query_one(Footer).display
        drawn = "".join(segment.text for segment in hint.render_line(0))
        for keys in ("/ search", "g jump", "o overview", "e export", "? help", "q quit"):
            assert keys in drawn
    wide = make_app(mini)
    async with wide.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert wide.screen.query_one(Footer).display
        assert not wide.screen.query_one(KeyHint).display


@pilot_test
async def test_the_version_pickers_buttons_are_in_view_and_work() -> None:
    corpus = load_corpus([BUNDLED])  # every bundled version: the list needs more than 24 rows
    app = make_app(corpus)
    async with app.run_test(size=SMALL) as pilot:
        await open_dialog(pilot, "v")
        picker = app.screen
        assert isinstance(picker, ChecklistScreen)
        apply, cancel = picker.query_one("#apply", Button), picker.query_one("#cancel", Button)
        assert in_view(apply) and in_view(cancel)
        assert in_view(picker.query_one("#checklist-hint", Static))
        await pilot.press("end", "space")
        await pilot.click("#apply")
        await settle(pilot)
        assert isinstance(app.screen, CompareScreen)
        # The last version listed joins the two shown.
        assert app.screen.view.plan_ids == ("us-28", "ua-20", corpus.ids[-1])


@pilot_test
async def test_a_long_list_scrolls_inside_its_dialog(mini: Corpus) -> None:
    app = make_app(mini)
    async with app.run_test(size=(80, 12)) as pilot:
        await open_dialog(pilot, "t")
        picker = app.screen
        assert isinstance(picker, ChoiceScreen)
        options = picker.query_one(OptionList)
        assert options.max_scroll_y > 0  # fewer rows than topics: the list scrolls
        assert in_view(picker.query_one("#choice-hint", Static))


@pilot_test
async def test_the_export_dialog_keeps_the_file_name_and_hints_the_format(mini: Corpus) -> None:
    app = make_app(mini)
    async with app.run_test(size=SMALL) as pilot:
        await open_dialog(pilot, "e")
        dialog = app.screen
        assert isinstance(dialog, ExportScreen)
        path = dialog.query_one("#export-path", Input)
        default = path.value
        assert path.has_focus and path.selection.is_empty
        await pilot.press("space", "left", "x")  # a selected name was replaced by the space
        assert path.value == default + "x "
        await pilot.press("backspace", "delete")
        assert path.value == default and default.endswith(".html")
        hint = dialog.query_one("#export-hint", Static)
        assert in_view(hint) and "↑ ↓: format" in str(hint.content)
        await pilot.press("down")  # from the file name, the format changes
        assert dialog.chosen_format is not None and dialog.chosen_format.name == "json"
        assert path.value == default.removesuffix(".html") + ".json"
        await pilot.press("up", "up")
        assert dialog.query_one(RadioSet).pressed_index == len(dialog.formats) - 1
        assert in_view(dialog.query_one("#export", Button))
        assert in_view(dialog.query_one("#cancel", Button))


@pilot_test
async def test_a_long_list_of_problems_keeps_its_hint_in_view(mini_copy: Path) -> None:
    for n in range(30):
        (mini_copy / f"bad{n}.toml").write_text(f"[plan]\nid = {n}\n", encoding="utf-8")
    app = make_app(load_corpus([mini_copy]))
    async with app.run_test(size=SMALL) as pilot:
        await open_dialog(pilot, "p")
        dialog = app.screen
        assert isinstance(dialog, ProblemsScreen)
        assert dialog.query_one(DataTable).max_scroll_y > 0
        assert in_view(dialog.query_one(".dialog-hint", Static))


def drawn_in_full(widget: Widget) -> bool:
    """True when the whole widget is on screen and drawn where it is (not clipped or covered)."""
    region, (width, height) = widget.region, widget.screen.size
    if not region or region.bottom > height or region.right > width:
        return False
    visible = widget.screen.find_widget(widget).region
    if visible.height < region.height:
        return False
    x, y = region.center
    found, _ = widget.screen.get_widget_at(int(x), int(y))
    return found is widget or widget in found.ancestors


@pytest.mark.parametrize("size", [SMALL, SIZE])
@pytest.mark.parametrize("key", ["f", "h", "slash"])
@pilot_test
async def test_the_corpus_views_keep_their_hint_in_view(key: str, size: tuple[int, int]) -> None:
    app = make_app(load_corpus([BUNDLED]))  # every version: long lists and a long history
    async with app.run_test(size=size) as pilot:
        await open_dialog(pilot, key)
        if key == "slash":
            await pilot.press("t", "h", "e")  # hundreds of hits
            await settle(pilot)
        dialog = app.screen
        assert not isinstance(dialog, CompareScreen)
        hint = dialog.query_one(".dialog-hint", Static)
        assert drawn_in_full(hint), (key, size, hint.region)
