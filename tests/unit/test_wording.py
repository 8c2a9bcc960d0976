"""The wording of absence and provenance: one sentence per case, shared by the TUI and reports."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from planlens.align.model import Link
from planlens.comparison.build import compare
from planlens.comparison.model import Comparison
from planlens.comparison.wording import absence, absent_ends, provenance
from planlens.corpus.load import load_corpus
from planlens.report import common as c
from planlens.report.html_parts import side
from planlens.tui.layout import _side
from planlens.tui.widgets.details import details_content

BUNDLED = Path(__file__).resolve().parents[2] / "plans"


@pytest.fixture(scope="module")
def comparison() -> Comparison:
    return compare(load_corpus([BUNDLED]))


def test_each_absence_in_its_own_words() -> None:
    assert absence(None, "US 28") == "not in US 28"
    assert absence("removed", "US 28") == "not in US 28"
    assert absence("added", "US 28") == "not in US 28"
    assert absence("unknown", "EP") == "not known: EP is known only in part"
    assert absence("removed-reported", "E3", "per Reuters (reported)") == (
        "reported dropped from E3: per Reuters (reported)"
    )
    assert absence("merged", "E3", where=["e3-28:5", "e3-28:6"]) == (
        "merged into e3-28:5, e3-28:6: no separate clause in E3"
    )
    assert absence("split", "E3") == "split from E3: no separate clause in E3"


def test_provenance_says_how_a_link_was_found() -> None:
    asserted = Link(a="a:1", b="b:1", via="asserted", score=1.0, kind="match")
    assert provenance(asserted) == "asserted in the files, score 1.00"
    found = Link(a="a:1", b="b:2", via="similar", score=0.623, kind="split")
    assert provenance(found) == "matched by the similar pass, score 0.62, split"


def test_the_tui_and_the_html_report_say_the_same(comparison: Comparison) -> None:
    seen = set()
    for row in comparison.rows:
        for pair in row.pairs:
            left, right = comparison.plan(pair.a), comparison.plan(pair.b)
            for which, ids in (("a", pair.a_clauses), ("b", pair.b_clauses)):
                if ids:
                    continue
                tui = "".join(text for text, _ in _side(comparison, row, pair, left, right, which))
                page = html.unescape(
                    re.sub(r"<[^>]+>", "", side(comparison, pair, "old" if which == "a" else "new"))
                )
                sentence = page.removesuffix(".")
                assert sentence[:1].isupper()
                if pair.change == "removed-reported":
                    assert tui.startswith(sentence[:1].lower() + sentence[1:] + ": ")
                else:
                    assert tui == sentence[:1].lower() + sentence[1:]
                seen.add(pair.change)
    assert {"unknown", "removed-reported", "added", "removed", "merged", "split"} <= seen


def test_reports_give_the_links_provenance(comparison: Comparison) -> None:
    diff = next(d for row in comparison.rows for d in row.pairs if d.links)
    assert c.link_line(diff).startswith(provenance(diff.links[0]))


def test_the_details_pane_says_it_in_the_same_words(comparison: Comparison) -> None:
    row, pair = next(
        (row, pair)
        for row in comparison.rows
        for pair in row.pairs
        if pair.change == "merged"
        and not pair.b_clauses
        and next(p for p in row.pairs if pair.b in (p.a, p.b)) is pair
    )
    label = comparison.plan(pair.b).label
    shown = details_content(comparison, row.index, {}).plain
    assert absence("merged", label, where=absent_ends(pair, pair.b)) in shown
    for link in pair.links:
        assert provenance(link) in shown
