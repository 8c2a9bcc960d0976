"""Golden files: every registered report format of two small comparisons of the mini corpus.

The files under tests/golden/ are the reviewed output, compared byte for byte (LF endings).
After an intended change, regenerate them and read the diff before committing:

    PLANLENS_UPDATE_GOLDEN=1 /work/venv/bin/pytest tests/unit/test_report_golden.py
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from planlens.comparison.build import compare
from planlens.comparison.model import Comparison
from planlens.corpus.load import load_corpus
from planlens.report import FORMATS, RenderOptions, render
from tests.conftest import MINI

GOLDEN = Path(__file__).parent.parent / "golden"
UPDATE = os.environ.get("PLANLENS_UPDATE_GOLDEN") == "1"

COMPARISONS = {"mini-pair": ["alpha", "beta"], "mini-three": ["alpha", "beta", "gamma"]}
"""Golden name → the versions compared."""

VARIANTS: list[tuple[str, str, RenderOptions]] = [
    *((name, name, RenderOptions()) for name in sorted(FORMATS)),
    ("text", "side-by-side", RenderOptions(layout="side-by-side")),
]
"""(format, file-name variant, options): every format, plus the text format's second layout."""


def _comparison(name: str) -> Comparison:
    return compare(load_corpus([MINI]), COMPARISONS[name])


def _golden_path(name: str, variant: str, fmt: str) -> Path:
    suffix = FORMATS[fmt].extension
    infix = "" if variant == fmt else f".{variant}"
    return GOLDEN / f"{name}{infix}{suffix}"


@pytest.mark.parametrize("name", sorted(COMPARISONS))
@pytest.mark.parametrize(("fmt", "variant", "options"), VARIANTS, ids=[v[1] for v in VARIANTS])
def test_report_matches_golden_file(
    name: str, fmt: str, variant: str, options: RenderOptions
) -> None:
    rendered = render(_comparison(name), fmt, options)
    path = _golden_path(name, variant, fmt)
    if UPDATE:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(rendered, encoding="utf-8", newline="\n")
    assert path.exists(), f"missing {path}: run with PLANLENS_UPDATE_GOLDEN=1"
    expected = path.read_bytes().decode("utf-8")
    assert "\r" not in expected, f"{path} must have LF line endings"
    assert rendered == expected, f"{path} differs: regenerate with PLANLENS_UPDATE_GOLDEN=1"


def test_every_format_has_golden_files() -> None:
    names = {p.name for p in GOLDEN.iterdir()}
    for fmt in FORMATS.values():
        for comparison in COMPARISONS:
            assert f"{comparison}{fmt.extension}" in names


def test_rendering_is_deterministic() -> None:
    comparison = _comparison("mini-three")
    for fmt in FORMATS:
        assert render(comparison, fmt) == render(comparison, fmt)
