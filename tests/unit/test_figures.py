"""Figure changes from typed terms and from quantities in a word diff."""

from __future__ import annotations

import datetime as dt

import pytest

from planlens.comparison.diff import word_diff
from planlens.comparison.figures import quantities, term_changes, text_changes
from planlens.comparison.model import FigureInfo, SpanInfo


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
    assert (text_only.old, text_only.new) == ("600,000 personnel", "800,000 personnel")
    term = FigureInfo(
        name="army_cap",
        old="600,000",
        new="800,000",
        source="terms",
        old_value=600000.0,
        new_value=800000.0,
    )
    assert text_changes(spans, [term]) == []


def test_long_rewrite_is_not_shown_as_a_figure_value() -> None:
    spans = word_diff(
        "Ukraine withdraws and the area becomes a neutral demilitarised buffer zone recognised "
        "by everyone as the territory of one side.",
        "A referendum is held within 60 days.",
    )
    changes = text_changes(spans)
    assert any(c.new == "60 days" and c.old is None for c in changes)


@pytest.mark.parametrize(
    "text",
    [
        "sanctions imposed since 2014 stay until 2040",
        "another 1994 Budapest Memorandum",
        "signed on 7 December 1994, or December 7",
        "Article 42(7) of the Treaty on European Union",
    ],
)
def test_years_dates_and_references_are_not_quantities(text: str) -> None:
    assert quantities(text) == []


def test_a_ratio_is_one_quantity() -> None:
    assert quantities("its output is divided 50:50 within 24 hours") == [
        ("50:50", None),
        ("24 hours", 24.0),
    ]


def test_a_ratio_kept_on_both_sides_is_not_a_change() -> None:
    spans = word_diff(
        "The plant is restarted, and its power is divided 50:50 between Russia and Ukraine.",
        "The plant is run by a venture of Ukraine and the US, 50:50, and the US decides.",
    )
    assert text_changes(spans) == []


def test_a_figure_written_on_both_sides_of_an_edit_is_not_a_change() -> None:
    spans = [
        SpanInfo(op="equal", text="Elections "),
        SpanInfo(op="delete", text="are held within 100 days"),
        SpanInfo(op="insert", text="take place, 100 days"),
        SpanInfo(op="equal", text=" after signing."),
    ]
    assert text_changes(spans) == []


@pytest.mark.parametrize(
    ("name", "value", "shown", "number"),
    [
        ("sanctions_baseline_year", 2014, "2014", None),
        ("frozen_assets_usd", 100_000_000_000, "$100 billion", 1e11),
        ("eu_budget_support_eur", 1_500_000_000, "€1.5 billion", 1.5e9),
        ("us_profit_share_pct", 50, "50%", 50.0),
        ("army_cap", 600_000, "600,000", 600000.0),
    ],
)
def test_terms_are_shown_as_people_write_them(
    name: str, value: int, shown: str, number: float | None
) -> None:
    [change] = term_changes({}, {name: value})
    assert (change.new, change.new_value) == (shown, number)


def test_a_text_figure_a_term_already_says_is_shown_once() -> None:
    spans = word_diff(
        "Reconstruction is funded.",
        "Reconstruction is funded with $800 billion by 2040, and $57 billion for energy.",
    )
    term = FigureInfo(
        name="recovery_fund_usd",
        old=None,
        new="$800 billion",
        source="terms",
        new_value=8e11,
    )
    [change] = text_changes(spans, [term])
    assert (change.old, change.new, change.new_value) == (None, "$57 billion", 57e9)


@pytest.mark.parametrize(
    ("old", "new", "shown", "values"),
    [
        (
            "A fund of $100 billion is set up.",
            "A fund of $300 billion is set up.",
            ("$100 billion", "$300 billion"),
            (1e11, 3e11),
        ),
        (
            "Elections are held within 100 days of signing.",
            "Elections are held within 60 days of signing.",
            ("100 days", "60 days"),
            (100.0, 60.0),
        ),
        ("The US receives 50% of it.", "The US receives 60% of it.", ("50%", "60%"), (50, 60)),
        (
            "A fund of $100 billion is set up.",
            "A fund of $100 million is set up.",
            ("$100 billion", "$100 million"),
            (1e11, 1e8),
        ),
    ],
)
def test_an_edited_number_is_shown_with_its_currency_scale_and_unit(
    old: str, new: str, shown: tuple[str, str], values: tuple[float, float]
) -> None:
    """The diff edits only "100" in "$100 billion"; the figure is the whole sum."""
    [change] = text_changes(word_diff(old, new))
    assert (change.old, change.new) == shown
    assert (change.old_value, change.new_value) == values


def test_a_number_that_names_something_is_not_a_figure_when_only_it_is_edited() -> None:
    assert text_changes(word_diff("under Article 5 of it", "under Article 6 of it")) == []


def test_a_sum_a_term_states_is_not_repeated_when_only_its_number_is_edited() -> None:
    spans = word_diff("A fund of $100 billion is set up.", "A fund of $300 billion is set up.")
    [change] = text_changes(spans, terms=({"frozen_assets_usd": 100_000_000_000}, {}))
    assert (change.old, change.new) == ("$100 billion", "$300 billion")


def test_terminal_escape_codes_in_a_text_are_not_figures() -> None:
    # A hostile file colours its words: "31" and "0" of ESC[31m … ESC[0m count nothing, and
    # a recoloured clause is no figure change; the figures the words give still are.
    old = "The cap is \x1b[31m600,000 troops\x1b[0m."
    new = "The cap is \x1b[32m800,000 troops\x1b[0m, \x1b]0;title 5\x07 said."
    assert quantities(old) == [("600,000 troops", 600000.0)]
    changes = text_changes(word_diff(old, new))
    assert [(c.old, c.new) for c in changes] == [("600,000 troops", "800,000 troops")]
    recoloured = "The cap is \x1b[33m600,000 troops\x1b[0m."
    assert text_changes(word_diff(old, recoloured)) == []
