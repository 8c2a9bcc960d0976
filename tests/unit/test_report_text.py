"""The terminal report: plain marks without colours, ANSI colours with them, both layouts."""

from __future__ import annotations

import pytest

from planlens.comparison.build import compare
from planlens.comparison.model import Comparison, FigureInfo
from planlens.corpus.load import load_corpus
from planlens.report import RenderOptions, render
from planlens.report.common import relative_change
from tests.conftest import MINI
from tests.unit.report_checks import SGR


def _pair() -> Comparison:
    return compare(load_corpus([MINI]), ["alpha", "beta"])


def test_plain_redline_marks_changes_in_wdiff_style() -> None:
    output = render(_pair(), "text")
    assert "\x1b" not in output
    assert "limited to [-600,000-]{+800,000+} personnel" in output
    assert "── alpha:1 → beta:1  Army cap  * modified" in output
    assert output.index("Summary") < output.index("Changes ALPHA → BETA")
    assert all(line == line.rstrip() for line in output.splitlines())


def test_colours_replace_the_marks() -> None:
    output = render(_pair(), "text", RenderOptions(color=True))
    assert SGR.search(output)
    plain = SGR.sub("", output)
    assert "[-600,000-]" not in plain and "limited to 600,000800,000 personnel" in plain


def test_side_by_side_puts_old_and_new_in_two_columns() -> None:
    output = render(_pair(), "text", RenderOptions(layout="side-by-side", width=100))
    line = next(line for line in output.splitlines() if "[-600,000-]" in line)
    assert "{+800,000+}" in line
    assert line.index("[-600,000-]") < line.index("{+800,000+}")


def test_width_is_respected() -> None:
    output = render(_pair(), "text", RenderOptions(width=60))
    assert max(len(line) for line in output.splitlines()) <= 60


def test_n_versions_show_the_matrix() -> None:
    output = render(compare(load_corpus([MINI]), ["alpha", "beta", "gamma"]), "text")
    assert "Provisions" in output and "GAMMA" in output
    assert "Changes BETA → GAMMA" in output


@pytest.mark.parametrize(
    ("old", "new", "shown"),
    [(600_000, 800_000, "+33%"), (100, 60, "-40%"), (1, 1e300, "+1e+302%"), (1e-3, 1e5, "+1e+10%")],
)
def test_a_relative_change_is_short_even_for_absurd_figures(
    old: float, new: float, shown: str
) -> None:
    """A plan file may hold any finite number: the change is never hundreds of digits long."""
    figure = FigureInfo(name="army_cap", old=str(old), new=str(new), source="terms",
                        old_value=old, new_value=new)  # fmt: skip
    assert relative_change(figure) == shown
