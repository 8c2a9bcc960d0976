"""The details pane follows the table's cursor before the next repaint, however it moves."""

from __future__ import annotations

from planlens.corpus.load import Corpus
from planlens.tui import make_app
from planlens.tui.screens.compare import CompareScreen
from planlens.tui.widgets.details import DetailsPane
from tests.tui.conftest import SIZE, pilot_test, settle


@pilot_test
async def test_details_change_with_the_cursor_not_a_message_later(mini: Corpus) -> None:
    app = make_app(mini)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, CompareScreen) and screen.comparison is not None
        details = screen.query_one(DetailsPane)
        for move in (screen.table.action_cursor_down, screen.table.action_cursor_up):
            before = details.text
            move()  # j / k, without letting the app process any message
            row = screen.table.cursor_row
            assert row is not None
            anchor = screen.comparison.rows[row].anchor
            assert details.text != before and anchor in details.text
