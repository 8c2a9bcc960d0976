"""The cyclic garbage collector is paused while an alignment and its comparison are built."""

from __future__ import annotations

import gc
from collections.abc import Mapping, Sequence

import pytest

from planlens.align.model import Alignment
from planlens.align.passes import align
from planlens.comparison import build
from planlens.comparison.build import compare
from planlens.corpus.load import load_corpus
from planlens.corpus.model import PlanFile
from planlens.gc_pause import gc_paused


def test_the_collector_is_off_inside_and_back_on_after() -> None:
    assert gc.isenabled()
    with gc_paused():
        assert not gc.isenabled()
        with gc_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled()


def test_an_error_inside_switches_it_back_on() -> None:
    with pytest.raises(ValueError), gc_paused():
        raise ValueError
    assert gc.isenabled()


def test_a_collector_switched_off_before_stays_off() -> None:
    gc.disable()
    try:
        with gc_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_compare_aligns_with_the_collector_paused(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[bool] = []

    def recording(
        plans: Sequence[PlanFile], digests: Mapping[str, str], *, ignore_links: bool = False
    ) -> Alignment:
        seen.append(gc.isenabled())
        return align(plans, ignore_links=ignore_links)

    monkeypatch.setattr(build, "align_stored", recording)
    compare(load_corpus(), ["us-28", "e3-28"])
    assert seen == [False]
    assert gc.isenabled()


def test_a_cli_command_runs_without_the_collector_and_main_leaves_it_on(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from planlens import cli
    from planlens.commands import common, corpus

    seen: list[bool] = []
    real = common.open_corpus

    def watched(*args: object, **kwargs: object) -> object:
        seen.append(gc.isenabled())
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(corpus, "open_corpus", watched)
    assert cli.main(["list"]) == 0
    assert seen == [False] and gc.isenabled()
    assert cli.main(["show", "no-such-plan"]) != 0  # an error too leaves it on
    assert gc.isenabled()
    capsys.readouterr()


def test_the_terminal_ui_runs_with_the_collector_on(monkeypatch: pytest.MonkeyPatch) -> None:
    from planlens.commands.ui import run_app

    class App:
        startup_error = None
        return_code = 0
        loaded = False

        def run(self) -> None:
            seen.append(gc.isenabled())

    seen: list[bool] = []
    monkeypatch.setattr("planlens.tui.make_app", lambda *args: App())
    gc.disable()
    try:
        run_app()
    finally:
        gc.enable()
    assert seen == [True]
