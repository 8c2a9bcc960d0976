"""An unexpected error in a worker: one line for the user, the traceback in the log, and
under PLANLENS_DEBUG the app stops with it."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from rich.traceback import Traceback

from planlens.corpus.load import Corpus
from planlens.tui import make_app
from tests.tui.conftest import SIZE, pilot_test, settle

ROUNDS = 100
"""Rounds of waiting for the panicking app before the test gives up."""


def broken_compare(*args: object, **kwargs: object) -> None:
    raise RuntimeError("engine exploded")


@pilot_test
async def test_a_worker_error_is_logged_with_its_traceback(
    mini: Corpus, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path))
    monkeypatch.delenv("PLANLENS_DEBUG", raising=False)
    monkeypatch.setattr("planlens.comparison.build.compare", broken_compare)
    app = make_app(mini)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        messages = [str(n.message) for n in app._notifications]
        assert any(
            "internal error while comparing" in m and "engine exploded" in m for m in messages
        )
        assert app.is_running
    log = (tmp_path / "planlens" / "tui.log").read_text("utf-8")
    assert "Traceback (most recent call last)" in log
    assert "RuntimeError: engine exploded" in log
    assert "broken_compare" in log


@pilot_test
async def test_under_the_debug_flag_a_worker_error_stops_the_app(
    mini: Corpus, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path))
    monkeypatch.setenv("PLANLENS_DEBUG", "1")
    monkeypatch.setattr("planlens.comparison.build.compare", broken_compare)
    app = make_app(mini)
    async with app.run_test(size=SIZE):
        for _ in range(ROUNDS):  # the panic comes from the worker thread, then cancels it
            if app._exit_renderables:
                break
            await asyncio.sleep(0.05)
        [printed] = app._exit_renderables
        assert isinstance(printed, Traceback)
        assert printed.trace.stacks[-1].exc_value == "engine exploded"
    assert app.return_code not in (None, 0)
