"""The HTML filter counts provisions, as the captions do; the summary's marks are explained."""

from __future__ import annotations

import html
import re

from planlens.comparison.build import compare
from planlens.corpus.load import load_corpus
from planlens.report import render
from planlens.report.html_css import SCRIPT
from planlens.report.labels import LABELS
from tests.conftest import BUNDLED


def test_every_filtered_row_names_its_provision_and_the_count_is_of_provisions() -> None:
    comparison = compare(load_corpus([BUNDLED]), ["us-28", "geneva-19", "ua-20"])
    page = render(comparison, "html")
    rows = re.findall(r"<tr[^>]*data-changes=[^>]*>", page)
    assert len(rows) > len(comparison.rows)  # the matrix and each pair's table
    provisions = {re.search(r'data-row="(\d+)"', row).group(1) for row in rows}  # type: ignore[union-attr]
    assert provisions == {str(row.index) for row in comparison.rows}
    assert f"{len(comparison.rows)} provisions" in page
    assert '" provisions shown"' in SCRIPT and '" rows"' not in SCRIPT


def test_the_multi_version_summary_explains_its_marks_where_they_appear() -> None:
    comparison = compare(load_corpus([BUNDLED]), ["us-28", "geneva-19", "ua-20"])
    page = render(comparison, "html")
    caption = re.search(r'<table class="topic-matrix"><caption>(.*?)</caption>', page)
    assert caption is not None
    used = {k for s in comparison.summary for counts in s.topics.values() for k in counts}
    assert used
    for change in used:
        info = LABELS[change]
        assert re.search(
            rf">{re.escape(html.escape(info.glyph))}</span> {re.escape(info.label)}",
            caption.group(1),
        )
