"""The terminal report: plain marks without colours, ANSI colours with them, both layouts."""

from __future__ import annotations

import shutil
from pathlib import Path

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


def _topic_lines(output: str) -> list[str]:
    """The per-topic table of the first pair: its header to the line before `Changes`."""
    lines = output.splitlines()
    start = next(i for i, line in enumerate(lines) if line.lstrip().startswith("topic"))
    end = next(i for i in range(start, len(lines)) if not lines[i].startswith("  "))
    return lines[start:end]


def test_topic_counts_are_headed_by_labels_when_they_fit() -> None:
    table = _topic_lines(render(_pair(), "text", RenderOptions(width=100)))
    head = table[0]
    assert head.split() == ["topic", "=", "unchanged", "*", "modified", "+", "added", "-?",
                            "removed", "(reported)"]  # fmt: skip
    amnesty = next(line for line in table if "Amnesty" in line)
    # A count is right-aligned under the end of its column's heading.
    assert len(amnesty.rstrip()) == len(head.rstrip())
    assert all(len(line) <= 100 for line in table)


def test_narrow_topic_counts_use_glyphs_and_a_legend_of_whole_labels() -> None:
    table = _topic_lines(render(_pair(), "text", RenderOptions(width=50)))
    assert table[0].split() == ["topic", "=", "*", "+", "-?"]
    legend = "  ".join(line.strip() for line in table if "unchanged" in line or "removed" in line)
    assert legend.split("  ") == ["= unchanged", "* modified", "+ added", "-? removed (reported)"]
    assert all(len(line) <= 50 for line in table)
    assert not any(line.rstrip().endswith(("=", "*", "+", "-?")) for line in table[1:])


def test_a_long_topic_label_is_cut_not_wrapped_and_never_markup(tmp_path: Path) -> None:
    corpus_dir = tmp_path / "mini"
    shutil.copytree(MINI, corpus_dir)
    topics = corpus_dir / "topics.toml"
    long_label = "[bold]Amnesty[/bold] and a very long label " + "x" * 80
    text = topics.read_text(encoding="utf-8").replace('"Amnesty"', repr(long_label), 1)
    topics.write_text(text, encoding="utf-8")
    output = render(compare(load_corpus([corpus_dir]), ["alpha", "beta"]), "text")
    table = _topic_lines(output)
    row = next(line for line in table if "Amnesty" in line)
    assert "[bold]Amnesty[/bold] and a very long" in row and "…" in row
    assert all(len(line) <= 100 for line in table)
    assert row.rstrip().endswith("1")


@pytest.mark.parametrize("label", ["Amnesty\tand pardons", "Amnesty\nand pardons"])
def test_a_topic_label_with_a_tab_or_newline_keeps_its_row_on_one_line(
    tmp_path: Path, label: str
) -> None:
    corpus_dir = tmp_path / "mini"
    shutil.copytree(MINI, corpus_dir)
    topics = corpus_dir / "topics.toml"
    escaped = label.replace("\t", "\\t").replace("\n", "\\n")
    text = topics.read_text(encoding="utf-8").replace('"Amnesty"', f'"{escaped}"', 1)
    topics.write_text(text, encoding="utf-8")
    output = render(compare(load_corpus([corpus_dir]), ["alpha", "beta"]), "text")
    table = _topic_lines(output)
    (row,) = [line for line in table if "Amnesty" in line]
    assert "Amnesty and pardons" in row
    assert len(row.rstrip()) == len(table[0].rstrip())  # its count under its column


def test_one_long_topic_label_is_cut_and_the_headings_stay_whole(tmp_path: Path) -> None:
    corpus_dir = tmp_path / "mini"
    shutil.copytree(MINI, corpus_dir)
    topics = corpus_dir / "topics.toml"
    text = topics.read_text(encoding="utf-8").replace('"Amnesty"', repr("Amnesty " + "y" * 90), 1)
    topics.write_text(text, encoding="utf-8")
    output = render(compare(load_corpus([corpus_dir]), ["alpha", "beta"]), "text")
    table = _topic_lines(output)
    assert "unchanged" in table[0] and "removed" in table[0]  # whole labels, no legend
    row = next(line for line in table if "Amnesty" in line)
    assert "…" in row and row.rstrip().endswith("1") and len(row) <= 100
