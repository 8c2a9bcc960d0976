"""`planlens ui`: argument wiring, without starting the terminal UI."""

from __future__ import annotations

import importlib
from collections.abc import Callable, Sequence
from pathlib import Path

import pytest

from planlens.load import Corpus
from tests.conftest import MINI, CliResult

ui_module = importlib.import_module("planlens.commands.ui")
"""The module (the package's `ui` attribute is the click command)."""


def test_ui_opens_the_app_on_the_versions_given(
    run_cli: Callable[..., CliResult], monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[tuple[list[str], list[str] | None]] = []

    def fake_run(
        corpus: Corpus, plan_ids: Sequence[str] | None = None, plan_dirs: Sequence[Path] = ()
    ) -> None:
        opened.append((corpus.ids, list(plan_ids) if plan_ids else None))

    monkeypatch.setattr(ui_module, "run_app", fake_run)
    result = run_cli("ui", "beta", "gamma", "--plans", MINI)
    assert result.code == 0, result.err
    assert opened == [(["alpha", "beta", "gamma"], ["beta", "gamma"])]


def test_ui_refuses_an_unknown_version(run_cli: Callable[..., CliResult]) -> None:
    result = run_cli("ui", "nope", "--plans", MINI)
    assert result.code == 1
    assert "no plan with id 'nope'" in result.err
    assert "Traceback" not in result.err


def test_ui_has_help(run_cli: Callable[..., CliResult]) -> None:
    result = run_cli("ui", "--help")
    assert result.code == 0
    assert "side by side" in result.out
