"""Figure changes: typed `terms` compared by name, and quantities found in a text diff.

Terms are the editor's typed figures (`army_cap = 600000`), so they are compared exactly by
name. Text figures are the quantities — numbers, sums of money, durations, percentages — that
a word diff deletes or inserts: a deleted "100 days" replaced by "as soon as possible" is a
figure change even when no term records it.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from planlens.comparison.diff import Span
from planlens.corpus.model import TermValue

Source = Literal["terms", "text"]

_SCALE = {
    "thousand": 1e3,
    "k": 1e3,
    "million": 1e6,
    "m": 1e6,
    "mn": 1e6,
    "billion": 1e9,
    "bn": 1e9,
    "trillion": 1e12,
    "tn": 1e12,
}
_UNITS = (
    r"days?|weeks?|months?|years?|hours?|km|kilometres?|kilometers?|miles?|per\ ?cent|percent|%"
    r"|troops|soldiers|personnel|people|points?"
)
QUANTITY = re.compile(
    rf"""
    (?<![\w.,])
    (?P<currency>[$€£]|\b(?:USD|EUR|GBP|US\$)\s?)?
    (?P<number>\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?)
    (?:\s?(?P<scale>thousand|million|billion|trillion|bn|mn|tn)\b|(?P<short>[km])\b)?
    (?:\s?(?P<unit>{_UNITS}))?
    """,
    re.VERBOSE | re.IGNORECASE,
)


@dataclass(frozen=True)
class FigureChange:
    """One figure that differs between two clauses."""

    name: str
    """The term's name, or a short description of where a text figure sits."""
    old: str | None
    """The old value as shown (None: absent in the old clause)."""
    new: str | None
    """The new value as shown (None: absent in the new clause)."""
    source: Source
    """terms: compared by name; text: found in the word diff."""
    old_value: float | None = None
    """The old value as a number, when it is one."""
    new_value: float | None = None
    """The new value as a number, when it is one."""


_CURRENCY_SUFFIXES = {"_usd": "$", "_eur": "€", "_gbp": "£"}
_SCALE_WORDS = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"))


def _money(value: int | float, symbol: str) -> str:
    """A sum as people write it: `$100 billion`, `€2.5 million`, `$40,000`."""
    for size, word in _SCALE_WORDS:
        if abs(value) >= size:
            return f"{symbol}{value / size:,.3g} {word}"
    return f"{symbol}{value:,}"


def show_term(value: TermValue, name: str = "") -> str:
    """A term value as text: thousands separators for integers (not years), ISO for dates,
    sums named `*_usd` / `*_eur` / `*_gbp` in words (`$100 billion`), `*_pct` with `%`."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        symbol = next((s for suffix, s in _CURRENCY_SUFFIXES.items() if name.endswith(suffix)), "")
        if symbol:
            return _money(value, symbol)
        if name.endswith("_pct"):
            return f"{value:g}%"
    if isinstance(value, int):
        return str(value) if name.endswith("year") else f"{value:,}"
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def _number(value: TermValue | None) -> float | None:
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int | float):
        return float(value)
    return None


def term_changes(old: dict[str, TermValue], new: dict[str, TermValue]) -> list[FigureChange]:
    """Every term whose value differs, or that only one side has, sorted by name."""
    changes: list[FigureChange] = []
    for name in sorted(set(old) | set(new)):
        before, after = old.get(name), new.get(name)
        if before == after and type(before) is type(after):
            continue
        changes.append(
            FigureChange(
                name,
                show_term(before) if before is not None else None,
                show_term(after) if after is not None else None,
                "terms",
                _number(before),
                _number(after),
            )
        )
    return changes


def quantity_value(match: re.Match[str]) -> float:
    """The numeric value of a QUANTITY match, with its scale applied."""
    number = float(match.group("number").replace(",", ""))
    scale = (match.group("scale") or match.group("short") or "").lower()
    return number * _SCALE.get(scale, 1.0)


_REFERENCE = re.compile(r"(?:article|point|paragraph|section|chapter|clause)\s*$", re.I)


def quantities(text: str) -> list[tuple[str, float]]:
    """The quantities in `text`, as (text as written, value), in order.

    Numbers that name something rather than count it ("Article 5", "point 12") are skipped.
    """
    found: list[tuple[str, float]] = []
    for match in QUANTITY.finditer(text):
        if _REFERENCE.search(text[: match.start()]):
            continue
        found.append((match.group().strip(), quantity_value(match)))
    return found


def text_changes(
    spans: Sequence[Span], known: Sequence[FigureChange] = (), label: str = "text"
) -> list[FigureChange]:
    """Quantities a word diff removes or adds, paired with what replaced them.

    A run of deletions and insertions between two equal spans is one edit; if either side of
    the edit holds a quantity, the edit is a figure change, named `label` (the provision's
    title, where the caller has one). Changes a term already reports are left out.
    """
    changes: list[FigureChange] = []
    seen_values = {
        (c.old_value, c.new_value) for c in known if (c.old_value, c.new_value) != (None, None)
    }
    deleted: list[str] = []
    inserted: list[str] = []

    def flush() -> None:
        old_part, new_part = "".join(deleted).strip(), "".join(inserted).strip()
        deleted.clear()
        inserted.clear()
        old_q, new_q = quantities(old_part), quantities(new_part)
        if not old_q and not new_q:
            return
        old_shown = ", ".join(q for q, _ in old_q) if old_q else _short(old_part)
        new_shown = ", ".join(q for q, _ in new_q) if new_q else _short(new_part)
        old_value = old_q[0][1] if len(old_q) == 1 else None
        new_value = new_q[0][1] if len(new_q) == 1 else None
        if (old_value, new_value) in seen_values:
            return
        changes.append(FigureChange(label, old_shown, new_shown, "text", old_value, new_value))

    for span in spans:
        if span.op == "equal":
            if deleted or inserted:
                flush()
        elif span.op == "delete":
            deleted.append(span.text)
        else:
            inserted.append(span.text)
    if deleted or inserted:
        flush()
    return changes


def _short(text: str, max_words: int = 8) -> str | None:
    """What replaced a figure, when it is short enough to read as its new value."""
    if not text or len(text.split()) > max_words:
        return None
    return text
