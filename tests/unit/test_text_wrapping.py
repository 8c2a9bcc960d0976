"""Terminal text never breaks inside a word, and no line ends in spaces (issue 14, item 11)."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest

from planlens.comparison.build import compare
from planlens.corpus.load import load_corpus
from planlens.report import RenderOptions, render
from tests.conftest import BUNDLED, CliResult

Run = Callable[..., CliResult]
BOX = re.compile("[\u2500-\u257f]")
"""Table borders: not words."""
MATRIX_PART = re.compile(r"versions \d+–\d+ of \d+")


def assert_words_whole(narrow: str, wide: str) -> None:
    """Every word of `narrow` is a word of `wide`, or a word's beginning cut with `…`."""
    for line in narrow.splitlines():
        assert line == line.rstrip(), f"trailing space: {line!r}"
    words = set(BOX.sub(" ", wide).split())
    for line in BOX.sub(" ", narrow).splitlines():
        if MATRIX_PART.fullmatch(line):
            continue  # a narrow matrix is split in parts; a wide one is not
        for token in line.split():
            if token in words:
                continue
            head = token.rstrip("…")
            assert token.endswith("…") and any(w.startswith(head) for w in words), (
                f"{token!r} is a broken word, in {line!r}"
            )


@pytest.mark.parametrize("layout", ["redline", "side-by-side"])
def test_diff_at_80_columns_keeps_words_whole(layout: str) -> None:
    comparison = compare(load_corpus([BUNDLED]), ["us-28", "e3-28"])
    narrow = render(comparison, "text", RenderOptions(width=80, layout=layout))  # type: ignore[arg-type]
    wide = render(comparison, "text", RenderOptions(width=2000, layout=layout))  # type: ignore[arg-type]
    assert "accountability" in narrow
    assert_words_whole(narrow, wide)


def test_report_of_every_version_keeps_words_whole() -> None:
    corpus = load_corpus([BUNDLED])
    comparison = compare(corpus, list(corpus.ids))
    assert len(comparison.plans) >= 12
    narrow = render(comparison, "text", RenderOptions(width=100))
    wide = render(comparison, "text", RenderOptions(width=4000))
    assert "Zaporizhzhia" in narrow
    assert_words_whole(narrow, wide)


def test_show_keeps_urls_whole_and_lines_unpadded(
    run_cli: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("PLANLENS_PLANS", raising=False)
    monkeypatch.setenv("COLUMNS", "80")
    narrow = run_cli("show", "geneva-19", "--plans", BUNDLED)
    monkeypatch.setenv("COLUMNS", "5000")
    wide = run_cli("show", "geneva-19", "--plans", BUNDLED)
    assert narrow.code == 0, narrow.err
    plan = load_corpus([BUNDLED]).plan("geneva-19")
    for source in plan.plan.sources:
        assert source.url in narrow.out.split()
    assert_words_whole(narrow.out, wide.out)
