"""Markdown escaping and the Markdown report's shape."""

from __future__ import annotations

import pytest

from planlens.comparison.build import compare
from planlens.corpus.load import load_corpus
from planlens.report import render
from planlens.report.markdown_escape import block, cell, code, escape, redline
from tests.conftest import BUNDLED, MINI
from tests.unit.report_checks import markdown_cells, markdown_tables


@pytest.mark.parametrize(
    ("data", "shown"),
    [
        ("plain words, kept readable.", "plain words, kept readable."),
        ("army_cap and _emphasis_", "army_cap and \\_emphasis\\_"),
        ("*bold* ~~gone~~ `tick`", "\\*bold\\* \\~\\~gone\\~\\~ \\`tick\\`"),
        ("[link](javascript:x) <b>", "\\[link\\](javascript:x) \\<b\\>"),
        ("a | b \\ c", "a \\| b \\\\ c"),
        ("$100 billion and $50", "\\$100 billion and \\$50"),
        ("&amp; stays &amp;", "\\&amp; stays \\&amp;"),
        ("AT&T", "AT&T"),
        ("two\nlines\there", "two lines here"),
        ("bell\x07 esc\x1b[31m", "bell\\\\x07 esc\\\\x1b\\[31m"),
    ],
)
def test_escape(data: str, shown: str) -> None:
    assert escape(data) == shown


@pytest.mark.parametrize(
    ("data", "shown"),
    [("# title", "\\# title"), ("1. one", "1\\. one"), ("- item", "\\- item"),
     ("+ plus", "\\+ plus"), ("> quote", "\\> quote"), ("12) x", "12\\) x")],
)  # fmt: skip
def test_block_starts_are_escaped(data: str, shown: str) -> None:
    assert block(data) == shown


def test_code_spans_only_for_identifiers() -> None:
    assert code("us-28:10.a") == "`us-28:10.a`"
    assert code("a`b") == "a\\`b"


def test_cell_is_never_empty() -> None:
    assert cell("  ") == "—"


def test_redline_marks_words() -> None:
    spans = [("equal", "limited to "), ("delete", "600,000"), ("insert", "800,000"),
             ("equal", " personnel "), ("delete", "at all times"), ("insert", "in peacetime"),
             ("equal", ".")]  # fmt: skip
    assert redline(spans) == (
        "limited to ~~600,000~~ **800,000** personnel ~~at all times~~ **in peacetime**."
    )


def test_redline_falls_back_to_tags_where_delimiters_cannot_close() -> None:
    # `Ukraine~~,~~ and` would not strike the comma (a delimiter run before punctuation after a
    # letter is not left-flanking): the fallback is <del>, which GitHub renders.
    assert redline([("equal", "Ukraine"), ("delete", ","), ("equal", " and")]) == (
        "Ukraine<del>,</del> and"
    )


def test_redline_escapes_the_data_and_keeps_spaces_outside() -> None:
    assert redline([("delete", "*a* "), ("equal", "b")]) == "~~\\*a\\*~~ b"


def test_tables_have_the_same_number_of_cells_in_every_row() -> None:
    document = render(compare(load_corpus([MINI]), ["alpha", "beta", "gamma"]), "md")
    tables = markdown_tables(document)
    assert len(tables) >= 5
    for table in tables:
        assert len({len(markdown_cells(line)) for line in table}) == 1, table


def test_sections() -> None:
    document = render(compare(load_corpus([MINI]), ["alpha", "beta"]), "md")
    for heading in ("## Versions", "## Summary", "## Provisions", "## Changes",
                    "## Figure changes", "## Unknown and reported", "## Sources"):  # fmt: skip
        assert f"\n{heading}\n" in document
    assert "[Alpha published](<https://example.org/alpha>)" in document
    assert '<a id="alpha:1"></a>' in document


def test_each_partial_version_counts_the_provisions_it_lacks_once() -> None:
    """Against a partial reference (e3-28), a row e3-28 has and ua-20 lacks is unknown for
    ua-20, not for e3-28; and a row e3-28 lacks is one provision, however many pairs show it.
    The three US points e3-28 is reported to have struck (3, 10.d, 26) are known to be absent
    from it, so they are not among the unknown."""
    comparison = compare(load_corpus([BUNDLED]), ["us-28", "e3-28", "ua-20"], reference="e3-28")
    lacking = {
        plan: sum(
            1
            for row in comparison.rows
            if not row.clauses.get(plan)
            and any(d.change == "unknown" and plan in (d.a, d.b) for d in row.pairs)
        )
        for plan in ("e3-28", "ua-20")
    }
    assert lacking == {"e3-28": 16, "ua-20": 8}
    report = render(comparison, "md")
    assert "**E3-28** is known only in part: 16 provision(s) it lacks" in report
    assert "**UA-20** is known only in part: 8 provision(s) it lacks" in report


def test_a_partial_version_with_no_unknown_row_shown_says_so_not_zero() -> None:
    comparison = compare(load_corpus([BUNDLED]), ["us-28", "ua-20"], topic="territory")
    report = render(comparison, "md")
    assert "0 provision(s)" not in report
    assert "**UA-20** is known only in part; no provision shown here is *unknown*." in report
