"""Every report opens with its key changes; `--by topic` adds the provisions grouped by topic."""

from __future__ import annotations

import html
import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from planlens.comparison.build import compare
from planlens.comparison.model import Comparison
from planlens.corpus.load import load_corpus
from planlens.report import RenderOptions, render
from tests.conftest import BUNDLED, DATA, MINI, CliResult
from tests.unit.report_checks import HTML_TAGS, SGR, parse_html

NOTE = "The amnesty is reported to have been dropped."


def body(report: str) -> str:
    """The report after the HTML page's table of contents (the whole of the others)."""
    start = report.find("<main>")
    return report[start:] if start >= 0 else report


@pytest.fixture(scope="module")
def pair() -> Comparison:
    return compare(load_corpus([MINI]), ["alpha", "beta"])


@pytest.mark.parametrize(
    ("fmt", "key", "counts"),
    [("md", "## Key changes", "## Summary"), ("text", "Key changes", "Summary"),
     ("html", '<h2 id="h-key">Key changes', '<h2 id="h-summary">')],
)  # fmt: skip
def test_key_changes_come_right_after_the_title(
    pair: Comparison, fmt: str, key: str, counts: str
) -> None:
    report = body(render(pair, fmt))
    start = report.index(key)
    assert start < report.index(counts) and start < report.index("Versions")
    section = report[start : min(report.index(counts), report.index("Versions"))]
    figures, added, reported = (
        section.index("army_cap 600,000 → 800,000 (+33%)"),
        section.index("beta:2"),
        section.index(NOTE),
    )
    assert figures < added < reported


def test_a_comparison_without_key_changes_says_so() -> None:
    same = compare(load_corpus([MINI]), ["alpha", "beta"], classes={"unchanged"})
    assert "No figure moved and no provision was added or dropped." in render(same, "md")


@pytest.mark.parametrize("fmt", ["md", "text", "html"])
def test_by_topic_groups_each_provision_once_under_its_topic(pair: Comparison, fmt: str) -> None:
    plain = render(pair, fmt)
    grouped = body(render(pair, fmt, RenderOptions(by_topic=True, width=200)))
    assert "Provisions by topic" not in plain and "Provisions by topic" in grouped
    section = grouped[grouped.index("Provisions by topic") :]
    labels = {row.topics[0]: pair.topic_labels[row.topics[0]] for row in pair.rows}
    positions = [section.index(label) for label in labels.values()]
    assert positions == sorted(positions)  # topics in order of first appearance
    reconstruction = section[section.index(labels["reconstruction"]) :]
    assert "beta:4.a" in reconstruction[: reconstruction.index("Source") if fmt == "md" else None]


def test_by_topic_and_key_changes_stay_inert_with_hostile_data() -> None:
    hostile = compare(load_corpus([DATA / "hostile"]), ["calm", "hostile"])
    options = RenderOptions(by_topic=True, color=True)
    page = render(hostile, "html", options)
    parts = parse_html(page)
    assert {tag for tag, _ in parts.tags} <= HTML_TAGS
    assert "<script>alert('text')</script>" in "".join(parts.text)
    text = render(hostile, "text", options)
    assert "\x1b]" not in text and "\x07" not in SGR.sub("", text)
    assert "[bold]not bold[/bold]" in re.sub(r"\s+", " ", SGR.sub("", text))


def test_report_by_topic_on_the_command_line(run_cli: Callable[..., CliResult]) -> None:
    result = run_cli("report", "alpha", "beta", "--plans", MINI, "-f", "md", "--by", "topic")
    assert result.code == 0, result.err
    assert "## Provisions by topic" in result.out
    assert result.out.index("## Key changes") < result.out.index("## Provisions by topic")


@pytest.fixture(scope="module")
def us_ua() -> Comparison:
    return compare(load_corpus([BUNDLED]), ["us-28", "ua-20"])


def _html_text(page: str) -> str:
    """An HTML page's text: tags dropped, entities undone."""
    return html.unescape(re.sub(r"<[^>]+>", "", page))


def _key_line(report: str, address: str) -> str:
    """The key changes' line (or Rich-wrapped paragraph) that opens with `address`."""
    key = report[report.index("Key changes") : report.index("Summary")]
    start = key.index(address)
    return " ".join(key[start : key.index("\n\n", start)].split())


@pytest.mark.parametrize("fmt", ["md", "text", "html"])
def test_key_changes_label_bracketed_alternatives_and_their_figures(
    us_ua: Comparison, fmt: str
) -> None:
    report = render(us_ua, fmt, RenderOptions(width=200))
    if fmt == "html":
        report = _html_text(body(report).replace("</li>", "\n\n"))
    znpp = _key_line(report, "ua-20:12.alt-a")
    assert "(bracketed alternatives)" in znpp
    assert "ua-20:12.alt-a: znpp_power_split 50:50 → equal thirds" in znpp
    assert "ua-20:12.alt-b: znpp_power_split 50:50 → 50:50 Ukraine, US" in znpp
    assert "ua-20:12.alt-b: Kyiv's counter-proposal" in znpp
    assert "(bracketed alternative)" in _key_line(report, "ua-20:14.alt-b")
    fund = _key_line(report, "ua-20:9")
    assert "$800 billion" in fund and "800,000,000,000" not in fund


@pytest.mark.parametrize("fmt", ["md", "text", "html"])
def test_by_topic_labels_bracketed_alternatives(us_ua: Comparison, fmt: str) -> None:
    report = render(us_ua, fmt, RenderOptions(width=200, by_topic=True))
    report = _html_text(body(report)) if fmt == "html" else report.replace("`", "")
    section = report[report.index("Provisions by topic") :]
    for address in ("ua-20:12.alt-a", "ua-20:12.alt-b", "ua-20:14.alt-a"):
        assert f"{address} (bracketed alternative) " in section, address
    assert "us-28:19 (bracketed" not in section


@pytest.fixture(scope="module")
def text_figure() -> Comparison:
    """A quantity found only in the words: its figure is named by the provision's title."""
    from tests.unit.test_compare import version

    swap = "Prisoners are exchanged on an all for all basis."
    a = version("a", [("1", swap)])
    b = version("b", [("1", swap.replace("basis", "basis within 90 days"))], based_on=("a",))
    a, b = (v.model_copy(update={"clause": [v.clause[0].model_copy(update={"title": "Swap"})]})
            for v in (a, b))  # fmt: skip
    comparison = compare([a, b])
    [figure] = comparison.rows[0].pairs[0].figures
    assert (figure.name, figure.source, figure.new) == ("Swap", "text", "90 days")
    return comparison


@pytest.mark.parametrize(
    ("fmt", "key_line", "row_line"),
    [("text", "in the text: — → 90 days", "figure: in the text: — → 90 days"),
     ("md", "in the text: — → 90 days", "- figure: in the text: — → 90 days"),
     ("html", "in the text: — → 90 days", "<strong>in the text</strong>: — → <ins>90 days</ins>")],
)  # fmt: skip
def test_a_figure_found_in_the_words_does_not_repeat_its_provisions_title(
    text_figure: Comparison, fmt: str, key_line: str, row_line: str
) -> None:
    # Beside the provision's title (a key change, a row) the figure is "in the text"; the
    # title said twice ("Swap — Swap — → 90 days") read as two changes.
    report = body(render(text_figure, fmt, RenderOptions(width=200)))
    assert key_line in report and row_line in report
    assert "Swap: — →" not in report and "Swap — →" not in report


@pytest.mark.parametrize("fmt", ["md", "text", "html"])
def test_a_key_change_is_titled_by_the_clause_it_cites(us_ua: Comparison, fmt: str) -> None:
    """`ua-20:4` is 'Size of the armed forces' in its file, not us-28:6's 'Cap on the armed
    forces': a reader who cites the address must find that title there."""
    report = render(us_ua, fmt, RenderOptions(width=200))
    if fmt == "html":
        report = _html_text(body(report).replace("</li>", "\n\n"))
    army = _key_line(report, "ua-20:4")
    assert "Size of the armed forces" in army and "Cap on the armed forces" not in army
    znpp = _key_line(report, "ua-20:12.alt-a")
    assert "Zaporizhzhia NPP: US option, three-way operation" in znpp
    assert "Zaporizhzhia NPP: Ukrainian option, joint venture with the US" in znpp
    assert "Zaporizhzhia NPP restarted" not in znpp


def test_a_topic_heading_in_the_text_report_is_one_line(tmp_path: Path) -> None:
    """A label may hold a line break (TOML's \\n): the heading must not look like two."""
    corpus_dir = tmp_path / "mini"
    shutil.copytree(MINI, corpus_dir)
    topics = corpus_dir / "topics.toml"
    text = topics.read_text(encoding="utf-8").replace('"Amnesty"', '"Amnesty\\nand\\tpardons"', 1)
    topics.write_text(text, encoding="utf-8")
    pair = compare(load_corpus([corpus_dir]), ["alpha", "beta"])
    report = render(pair, "text", RenderOptions(by_topic=True, width=100))
    section = report[report.index("Provisions by topic") :].splitlines()
    assert "Amnesty and pardons" in section
