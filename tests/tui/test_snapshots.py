"""Snapshots of the main screens on the mini corpus at a fixed size (pytest-textual-snapshot).

Update with `pytest tests/tui/test_snapshots.py --snapshot-update` only after reading the
report of what changed.
"""

from __future__ import annotations

from typing import Any

from textual.pilot import Pilot
from textual.widgets import Input

from planlens.corpus.load import Corpus
from planlens.tui import make_app
from tests.tui.conftest import SIZE, settle

SnapCompare = Any


async def ready(pilot: Pilot[Any]) -> None:
    await settle(pilot)


def test_compare_view(snap_compare: SnapCompare, mini: Corpus) -> None:
    assert snap_compare(make_app(mini), terminal_size=SIZE, run_before=ready)


def test_compare_view_at_80_columns(snap_compare: SnapCompare, mini: Corpus) -> None:
    async def move(pilot: Pilot[Any]) -> None:
        await settle(pilot)
        await pilot.press("n", "n")
        await settle(pilot)

    assert snap_compare(make_app(mini), terminal_size=(80, 24), run_before=move)


def test_matrix(snap_compare: SnapCompare, mini: Corpus) -> None:
    app = make_app(mini, ["alpha", "beta", "gamma"])
    assert snap_compare(app, terminal_size=SIZE, run_before=ready)


def test_help(snap_compare: SnapCompare, mini: Corpus) -> None:
    async def open_help(pilot: Pilot[Any]) -> None:
        await settle(pilot)
        await pilot.press("question_mark")
        await settle(pilot)

    assert snap_compare(make_app(mini), terminal_size=SIZE, run_before=open_help)


def test_export_dialog(snap_compare: SnapCompare, mini: Corpus) -> None:
    async def open_export(pilot: Pilot[Any]) -> None:
        await settle(pilot)
        await pilot.press("e")
        await settle(pilot)
        for field in pilot.app.screen.query(Input):
            field.cursor_blink = False

    assert snap_compare(make_app(mini), terminal_size=SIZE, run_before=open_export)


def test_overview_with_heat_map(snap_compare: SnapCompare, mini: Corpus) -> None:
    async def open_overview(pilot: Pilot[Any]) -> None:
        await settle(pilot)
        await pilot.press("o")
        await settle(pilot)

    assert snap_compare(make_app(mini), terminal_size=SIZE, run_before=open_overview)
