"""Figure changes from typed terms and from quantities in a word diff."""

from __future__ import annotations

import datetime as dt

import pytest

from planlens.comparison.diff import word_diff
from planlens.comparison.figures import FigureChange, quantities, term_changes, text_changes


def test_term_changes_by_name() -> None:
    changes = term_changes(
        {"army_cap": 600000, "elections_within_days": 100, "g8_invite": True},
        {"army_cap": 800000, "g8_invite": True, "elections_timing": "as soon as possible"},
    )
    assert [(c.name, c.old, c.new) for c in changes] == [
        ("army_cap", "600,000", "800,000"),
        ("elections_timing", None, "as soon as possible"),
        ("elections_within_days", "100", None),
    ]
    assert changes[0].old_value == 600000 and changes[0].new_value == 800000


def test_term_type_change_counts() -> None:
    [change] = term_changes({"x": 1}, {"x": True})
    assert (change.old, change.new) == ("1", "true")
    [date_change] = term_changes({"d": dt.date(2027, 1, 1)}, {"d": dt.date(2028, 1, 1)})
    assert (date_change.old, date_change.new) == ("2027-01-01", "2028-01-01")


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("capped at 600,000 troops", [("600,000 troops", 600000.0)]),
        ("$100 billion and €90bn", [("$100 billion", 1e11), ("€90bn", 9e10)]),
        ("within 100 days, a 50% share", [("100 days", 100.0), ("50%", 50.0)]),
        ("under Article 5 and point 12, the G8", []),
        ("24 hours after acceptance", [("24 hours", 24.0)]),
    ],
)
def test_quantities(text: str, found: list[tuple[str, float]]) -> None:
    assert quantities(text) == found


def test_text_change_pairs_a_figure_with_its_replacement() -> None:
    spans = word_diff(
        "Elections are held within 100 days of signing.",
        "Elections are held as soon as possible after signing.",
    )
    [change] = text_changes(spans)
    assert (change.old, change.new, change.source) == (
        "100 days",
        "as soon as possible after",
        "text",
    )
    assert change.old_value == 100.0


def test_text_change_skips_what_a_term_reports() -> None:
    spans = word_diff("capped at 600,000 personnel", "capped at 800,000 personnel")
    [text_only] = text_changes(spans)
    assert (text_only.old, text_only.new) == ("600,000", "800,000")
    term = FigureChange("army_cap", "600,000", "800,000", "terms", 600000.0, 800000.0)
    assert text_changes(spans, [term]) == []


def test_long_rewrite_is_not_shown_as_a_figure_value() -> None:
    spans = word_diff(
        "Ukraine withdraws and the area becomes a neutral demilitarised buffer zone recognised "
        "by everyone as the territory of one side.",
        "A referendum is held within 60 days.",
    )
    changes = text_changes(spans)
    assert any(c.new == "60 days" and c.old is None for c in changes)
