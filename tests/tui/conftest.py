"""Fixtures for the terminal UI tests: corpora, the app factory, and a way to run Pilot tests.

The app is built with `planlens.tui.make_app`, the factory the CLI uses. Pilot tests are
plain functions wrapped by `pilot_test`, which runs the coroutine with `asyncio.run` (no
async plugin needed); they wait for workers with `settle`, never with sleeps.
"""

from __future__ import annotations

import asyncio
import functools
import shutil
from collections.abc import Callable, Coroutine
from pathlib import Path
from typing import Any, ParamSpec, cast

import pytest
from textual.pilot import Pilot

from planlens.corpus.load import Corpus, load_corpus
from planlens.tui.app import PlanlensApp
from tests.conftest import MINI

P = ParamSpec("P")
SIZE = (160, 48)
"""The terminal size of the Pilot tests and snapshots."""
LOAD_ROUNDS = 50
"""Rounds of waiting for an app to load its plans before a test gives up."""


def pilot_test(test: Callable[P, Coroutine[Any, Any, None]]) -> Callable[P, None]:
    """Run an async test to completion in its own event loop."""

    @functools.wraps(test)
    def run(*args: P.args, **kwargs: P.kwargs) -> None:
        asyncio.run(test(*args, **kwargs))

    return run


async def settle(pilot: Pilot[Any]) -> None:
    """Wait until every worker is done and the screen has caught up."""
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def loaded(pilot: Pilot[Any]) -> None:
    """Wait until an app started on plan directories has loaded them (or closed), then settle."""
    app = cast("PlanlensApp", pilot.app)
    for _ in range(LOAD_ROUNDS):
        if app.loaded or not app.is_running:
            break
        await pilot.pause()
        await app.workers.wait_for_complete()
    if app.is_running:
        await settle(pilot)


@pytest.fixture
def mini() -> Corpus:
    """The hand-made mini corpus: alpha, beta (based on alpha), gamma (partial, reported)."""
    return load_corpus([MINI])


@pytest.fixture
def mini_copy(tmp_path: Path) -> Path:
    """A writable copy of the mini corpus."""
    target = tmp_path / "plans"
    shutil.copytree(MINI, target)
    return target
