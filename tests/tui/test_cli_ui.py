"""`planlens ui` and bare `planlens`: argument wiring, and what the CLI says around the app."""

from __future__ import annotations

import importlib
from collections.abc import Callable, Coroutine, Sequence
from pathlib import Path
from typing import Any

import pytest
from textual.app import App
from textual.pilot import Pilot

from planlens.tui.app import PlanlensApp
from tests.conftest import MINI, CliResult
from tests.tui.conftest import SIZE, loaded

ui_module = importlib.import_module("planlens.commands.ui")
"""The module (the package's `ui` attribute is the click command)."""

Script = Callable[[Pilot[Any]], Coroutine[Any, Any, None]]


def record_opened(monkeypatch: pytest.MonkeyPatch) -> list[tuple[list[str] | None, list[Path]]]:
    """Replace the app by a record of what it would have been opened on."""
    opened: list[tuple[list[str] | None, list[Path]]] = []

    def fake_run(plan_ids: Sequence[str] | None = None, plan_dirs: Sequence[Path] = ()) -> None:
        opened.append((list(plan_ids) if plan_ids else None, list(plan_dirs)))

    monkeypatch.setattr(ui_module, "run_app", fake_run)
    return opened


def run_headless(monkeypatch: pytest.MonkeyPatch, script: Script | None = None) -> None:
    """Run the app the CLI opens without a terminal, driven by `script`."""

    def run(app: PlanlensApp) -> None:
        App.run(app, headless=True, size=SIZE, auto_pilot=script)

    monkeypatch.setattr(PlanlensApp, "run", run)


async def quit_once_loaded(pilot: Pilot[Any]) -> None:
    await loaded(pilot)
    await pilot.press("q")


def test_ui_opens_the_app_on_the_versions_given(
    run_cli: Callable[..., CliResult], monkeypatch: pytest.MonkeyPatch
) -> None:
    opened = record_opened(monkeypatch)
    result = run_cli("ui", "beta", "gamma", "--plans", MINI)
    assert result.code == 0, result.err
    assert opened == [(["beta", "gamma"], [MINI])]


def test_bare_planlens_opens_the_app_without_loading_the_plans_first(
    run_cli: Callable[..., CliResult], monkeypatch: pytest.MonkeyPatch
) -> None:
    opened = record_opened(monkeypatch)
    result = run_cli("--plans", MINI)
    assert result.code == 0, result.err
    assert opened == [(None, [MINI])]


def test_ui_refuses_an_unknown_version(
    run_cli: Callable[..., CliResult], monkeypatch: pytest.MonkeyPatch
) -> None:
    run_headless(monkeypatch, quit_once_loaded)
    result = run_cli("ui", "nope", "--plans", MINI)
    assert result.code == 1
    assert "no plan with id 'nope'" in result.err
    assert "Traceback" not in result.err


def test_broken_files_are_noted_on_stderr_when_the_app_closes(
    run_cli: Callable[..., CliResult], monkeypatch: pytest.MonkeyPatch, mini_copy: Path
) -> None:
    (mini_copy / "broken.toml").write_text("[plan\nid = 'broken'\n", encoding="utf-8")
    run_headless(monkeypatch, quit_once_loaded)
    result = run_cli("ui", "--plans", mini_copy)
    assert result.code == 0, result.err
    assert "planlens: 1 problem in the plan files" in result.err


def test_ui_has_help(run_cli: Callable[..., CliResult]) -> None:
    result = run_cli("ui", "--help")
    assert result.code == 0
    assert "side by side" in result.out


def test_an_app_that_crashes_exits_non_zero(
    run_cli: Callable[..., CliResult], monkeypatch: pytest.MonkeyPatch
) -> None:
    def boom() -> None:
        raise RuntimeError("boom")

    async def crash(pilot: Pilot[Any]) -> None:
        await loaded(pilot)
        # Any unhandled error inside the app, as a markup error from plan text once was.
        pilot.app.call_later(boom)

    run_headless(monkeypatch, crash)
    result = run_cli("ui", "--plans", MINI)
    assert result.code == 3
    assert "internal error in the terminal UI" in result.err
