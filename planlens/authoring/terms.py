"""Propose `terms` for an imported clause from the figures in its text (the user checks them).

Only the figures of the shared vocabulary (plans/README.md) that a clause states without
ambiguity: an army cap in personnel, days until elections or a referendum, hours until a
ceasefire, sums of frozen assets and funds, a share of profits. A clause with two candidates
for one term gets none for it, so a proposal is never a guess between figures.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from planlens.comparison.figures import quantity_matches, quantity_value
from planlens.corpus.model import TermValue


@dataclass(frozen=True)
class _Rule:
    """A term, the words its clause must contain, and which figures can be its value."""

    term: str
    context: re.Pattern[str]
    accepts: Callable[[re.Match[str]], bool]


def _unit(*stems: str) -> Callable[[re.Match[str]], bool]:
    def accepts(match: re.Match[str]) -> bool:
        unit = (match.group("unit") or "").lower()
        return any(unit.startswith(stem) for stem in stems)

    return accepts


def _currency(signs: str) -> Callable[[re.Match[str]], bool]:
    def accepts(match: re.Match[str]) -> bool:
        currency = (match.group("currency") or "").strip().upper()
        return bool(currency) and (currency[0] in signs or currency[:3] in signs)

    return accepts


def _at_least(unit: Callable[[re.Match[str]], bool]) -> Callable[[re.Match[str]], bool]:
    """A figure of that unit given as a minimum ("at least 60 days"), not as a deadline."""

    def accepts(match: re.Match[str]) -> bool:
        before = match.string[max(0, match.start() - 24) : match.start()]
        return unit(match) and _MINIMUM.search(before) is not None

    return accepts


_MINIMUM = re.compile(
    r"\b(at least|a minimum of|minimum of|no less than|not less than|no fewer than)\s*$",
    re.IGNORECASE,
)


def _percent(match: re.Match[str]) -> bool:
    return (match.group("unit") or "").lower().replace(" ", "") in ("%", "percent")


def _words(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


RULES: tuple[_Rule, ...] = (
    _Rule("army_cap", _words(r"armed forces|army|military"), _unit("troop", "soldier", "person")),
    _Rule("elections_within_days", _words(r"election"), _unit("day")),
    # The shortest ceasefire before a referendum, not the days within which one is held.
    _Rule(
        "referendum_min_days",
        _words(r"^(?=.*referendum)(?=.*(ceasefire|cease-fire|truce))"),
        _at_least(_unit("day")),
    ),
    _Rule("ceasefire_hours", _words(r"ceasefire|cease-fire"), _unit("hour")),
    _Rule("frozen_assets_usd", _words(r"frozen|immobili[sz]ed"), _currency("$USD")),
    _Rule("recovery_fund_usd", _words(r"\bfund"), _currency("$USD")),
    _Rule("us_profit_share_pct", _words(r"profit"), _percent),
)
"""The terms proposed, each with the words its clause must contain and its kind of figure."""


def propose_terms(text: str) -> dict[str, TermValue]:
    """The vocabulary terms `text` states unambiguously, with their values as integers."""
    found = quantity_matches(text)
    terms: dict[str, TermValue] = {}
    for rule in RULES:
        if rule.term.endswith("_usd") and "frozen_assets_usd" in terms:
            continue  # a clause about frozen assets is not also a fund's size
        if not rule.context.search(text):
            continue
        values = {quantity_value(m) for m in found if rule.accepts(m)}
        if len(values) == 1 and (value := values.pop()) is not None and value.is_integer():
            terms[rule.term] = int(value)
    return terms
