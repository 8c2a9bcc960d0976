"""The export dialog writes the report of what the view shows, filters included."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from textual.widgets import Input, RadioButton

from planlens.corpus.load import Corpus
from planlens.tui import make_app
from planlens.tui.screens.compare import CompareScreen
from planlens.tui.screens.export import ExportScreen
from tests.tui.conftest import SIZE, pilot_test, settle


@pilot_test
async def test_export_carries_the_class_filter(
    mini: Corpus, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make_app(mini)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, CompareScreen) and screen.comparison is not None
        await pilot.press("c")
        await pilot.pause()
        await pilot.press("down", "space", "a")  # the second class listed
        await pilot.pause()
        (chosen,) = screen.view.classes
        shown = [screen.comparison.rows[i].anchor for i in screen.table.shown_rows]
        assert 0 < len(shown) < len(screen.comparison.rows)

        # The export writes the comparison on screen, filtered by the core's rule: it never
        # compares again.
        def no_second_comparison(*args: object, **kwargs: object) -> None:
            raise AssertionError("the export compared the versions again")

        monkeypatch.setattr("planlens.comparison.build.compare", no_second_comparison)
        await pilot.press("e")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ExportScreen)
        assert "classes " + chosen in str(dialog.summary)
        assert "not part of reports" not in str(dialog.summary)
        (json_button,) = [b for b in dialog.query(RadioButton) if b.name == "json"]
        json_button.value = True
        await pilot.pause()
        target = tmp_path / "view.json"
        dialog.query_one("#export-path", Input).value = str(target)
        await pilot.press("enter")
        await settle(pilot)

        report = json.loads(target.read_text(encoding="utf-8"))
        assert report["options"]["classes"] == [chosen]
        assert [row["anchor"] for row in report["rows"]] == shown
        assert all(any(pair["change"] == chosen for pair in row["pairs"]) for row in report["rows"])
