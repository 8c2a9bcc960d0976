"""The cyclic garbage collector is paused while an alignment and its comparison are built."""

from __future__ import annotations

import gc
from collections.abc import Sequence

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

    def recording(plans: Sequence[PlanFile], *, ignore_links: bool = False) -> Alignment:
        seen.append(gc.isenabled())
        return align(plans, ignore_links=ignore_links)

    monkeypatch.setattr(build, "align", recording)
    compare(load_corpus(), ["us-28", "e3-28"])
    assert seen == [False]
    assert gc.isenabled()
