"""Figure changes: typed `terms` compared by name, and quantities found in a text diff.

Terms are the editor's typed figures (`army_cap = 600000`), so they are compared exactly by
name. Text figures are the quantities — numbers, sums of money, durations, percentages — that
a word diff deletes or inserts: a deleted "100 days" replaced by "as soon as possible" is a
figure change even when no term records it.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Mapping, Sequence

from planlens.comparison.model import FigureInfo, SpanInfo, new_span
from planlens.corpus.model import TermValue

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
    (?<![\w.,:])
    (?P<ratio>\d{{1,3}}:\d{{1,3}}(?![\d:]))
    |
    (?<![\w.,:])
    (?P<currency>[$€£]|\b(?:USD|EUR|GBP|US\$)\s?)?
    (?P<number>\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?)
    (?:\s?(?P<scale>thousand|million|billion|trillion|bn|mn|tn)\b|(?P<short>[km])\b)?
    (?:\s?(?P<unit>{_UNITS}))?
    """,
    re.VERBOSE | re.IGNORECASE,
)


_DIGIT = re.compile(r"\d")
"""A digit, as QUANTITY reads one: a text without one holds no quantity."""

_CURRENCY = {"_usd": "$", "_eur": "€", "_gbp": "£"}
"""Term-name endings that mark a sum of money, and the sign it is written with."""
_LARGE = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"))


def _money(value: int | float, sign: str) -> str:
    """A sum as people write it: `$800 billion`, `€1.5 million`, `$250,000`."""
    for size, word in _LARGE:
        if abs(value) >= size and round(value / size, 3) * size == value:
            return f"{sign}{value / size:g} {word}"
    return f"{sign}{value:,}"


def show_term(value: TermValue, name: str = "") -> str:
    """A term value as text: sums with their currency (`$100 billion`), percentages with `%`,
    thousands separators for other integers (not years), ISO for dates."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        sign = next((s for end, s in _CURRENCY.items() if name.endswith(end)), None)
        if sign is not None:
            return _money(value, sign)
        if name.endswith("_pct"):
            return f"{value:g}%"
        if isinstance(value, int):
            return str(value) if name.endswith("year") else f"{value:,}"
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def _number(value: TermValue | None, name: str) -> float | None:
    """A term's value as a number to compare, when it counts something (not a year)."""
    if isinstance(value, bool) or value is None or name.endswith("year"):
        return None
    if isinstance(value, int | float):
        return float(value)
    return None


def term_changes(old: dict[str, TermValue], new: dict[str, TermValue]) -> list[FigureInfo]:
    """Every term whose value differs, or that only one side has, sorted by name."""
    changes: list[FigureInfo] = []
    for name in sorted(set(old) | set(new)):
        before, after = old.get(name), new.get(name)
        if before == after and type(before) is type(after):
            continue
        changes.append(
            FigureInfo.model_construct(
                name=name,
                old=show_term(before, name) if before is not None else None,
                new=show_term(after, name) if after is not None else None,
                source="terms",
                old_value=_number(before, name),
                new_value=_number(after, name),
            )
        )
    return changes


def quantity_value(match: re.Match[str]) -> float | None:
    """The numeric value of a QUANTITY match, with its scale applied (None for a ratio)."""
    if match.group("ratio"):
        return None
    number = float(match.group("number").replace(",", ""))
    scale = (match.group("scale") or match.group("short") or "").lower()
    return number * _SCALE.get(scale, 1.0)


_MONTHS = "january|february|march|april|may|june|july|august|september|october|november|december"
_REFERENCE = re.compile(
    rf"(?:(?:article|point|paragraph|section|chapter|clause|{_MONTHS})\s*|\w\()$", re.IGNORECASE
)
"""What before a number makes it a name or a date ("Article 5", "42(7)", "December 7")."""
_DAY_OF_MONTH = re.compile(rf"\s*(?:{_MONTHS})\b", re.IGNORECASE)
"""A month name after a number: the number is a day ("7 December")."""
_LOOK_AROUND = 24
"""How many characters around a number are read to tell a name or a date from a quantity:
a fixed window, so finding the quantities of a text stays linear in its length."""


def _is_year(match: re.Match[str]) -> bool:
    """A bare four-digit number from 1800 to 2199 names a year; it counts nothing."""
    bare = not any(match.group(g) for g in ("currency", "scale", "short", "unit"))
    number = match.group("number")
    return bare and len(number) == 4 and 1800 <= int(number) <= 2199


def _names_something(text: str, match: re.Match[str]) -> bool:
    """Whether a number names or dates something ("Article 5", "7 December 1994", "2040")."""
    if match.group("ratio"):
        return False
    start, end = match.span()
    before = text[max(0, start - _LOOK_AROUND) : start]
    if _REFERENCE.search(before) or _is_year(match):
        return True
    return match.group("unit") is None and bool(
        _DAY_OF_MONTH.match(text, end, min(len(text), end + _LOOK_AROUND))
    )


_TERMINAL_CODE = re.compile(r"\x1b(?:\[[0-9;?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)?|.?)")
"""A terminal escape sequence (CSI such as a colour, OSC such as a title, or a lone ESC)."""


def quantity_matches(text: str) -> list[re.Match[str]]:
    """The QUANTITY matches of `text` that count something (names, dates and years left out).

    Terminal escape sequences in a hostile file (ESC [31m, a colour) are blanked first, keeping
    every position, so their digits are never read as figures."""
    if "\x1b" in text:
        text = _TERMINAL_CODE.sub(lambda code: " " * len(code.group()), text)
    return [match for match in QUANTITY.finditer(text) if not _names_something(text, match)]


def quantities(text: str) -> list[tuple[str, float | None]]:
    """The quantities in `text`, as (text as written, value), in order; linear in its length.

    A ratio ("50:50") is one quantity, with no single value. Numbers that name or date
    something rather than count it ("Article 5", "point 12", "7 December 1994") are skipped.
    """
    return [(match.group().strip(), quantity_value(match)) for match in quantity_matches(text)]


def _covered(found: list[tuple[str, float | None]], said: set[str | float]) -> list[str]:
    """The quantities (as written) that no term of the same side already says."""
    return [shown for shown, value in found if shown not in said and value not in said]


def stated(terms: Mapping[str, TermValue]) -> set[str | float]:
    """What a side's terms say: each value as shown and as a number."""
    said: set[str | float] = set()
    for name, value in terms.items():
        said.add(show_term(value, name))
        said.add(str(value))
        number = _number(value, name)
        if number is not None:
            said.add(number)
    return said


def _overlapping(
    matches: Sequence[re.Match[str]], ends: Sequence[int], start: int, end: int
) -> list[re.Match[str]]:
    """The matches that overlap the characters start..end (none for an empty range).

    `matches` do not overlap one another, so their `ends` are sorted: a bisection finds the
    first, and only the matches that overlap are read.
    """
    if start >= end:
        return []
    found = []
    at = bisect.bisect_right(ends, start)
    while at < len(matches) and matches[at].start() < end:
        found.append(matches[at])
        at += 1
    return found


def _found(matches: Sequence[re.Match[str]]) -> list[tuple[str, float | None]]:
    return [(match.group().strip(), quantity_value(match)) for match in matches]


_END = new_span("equal", "")
"""After the last span: closes the last edit."""


def _edits(spans: Sequence[SpanInfo]) -> list[tuple[str, str, tuple[int, int], tuple[int, int]]]:
    """Each run of deletions and insertions: its old and new text and where each lies in the
    old and the new text."""
    edits: list[tuple[str, str, tuple[int, int], tuple[int, int]]] = []
    old_at = new_at = 0
    deleted: list[str] = []
    inserted: list[str] = []
    for span in [*spans, _END]:
        if span.op == "delete":
            deleted.append(span.text)
            continue
        if span.op == "insert":
            inserted.append(span.text)
            continue
        if deleted or inserted:
            old_part, new_part = "".join(deleted), "".join(inserted)
            edits.append(
                (
                    old_part,
                    new_part,
                    (old_at, old_at + len(old_part)),
                    (new_at, new_at + len(new_part)),
                )
            )
            old_at, new_at = old_at + len(old_part), new_at + len(new_part)
            deleted.clear()
            inserted.clear()
        old_at, new_at = old_at + len(span.text), new_at + len(span.text)
    return edits


def text_changes(
    spans: Sequence[SpanInfo],
    known: Sequence[FigureInfo] = (),
    label: str = "text",
    *,
    terms: tuple[Mapping[str, TermValue], Mapping[str, TermValue]] = ({}, {}),
) -> list[FigureInfo]:
    """Quantities a word diff removes or adds, paired with what replaced them.

    A run of deletions and insertions between two equal spans is one edit; if either side of
    the edit holds a quantity the other does not, the edit is a figure change, named `label`
    (the provision's title, where the caller has one). A quantity is read whole from the
    text around the edit, so an edit of "100" in "$100 billion" or "100 days" shows the sum
    or the duration with its currency, scale and unit, and a number that names something
    ("Article 5") is not a figure. What a term already says — a changed one in `known`, or
    any of the old and new sides' `terms` — is shown once, by the term: an edit whose every
    quantity a term states is left out, and of the others only the quantities no term
    states are shown.
    """
    edits = _edits(spans)
    if not edits:
        return []
    old_text = "".join(span.text for span in spans if span.op != "insert")
    new_text = "".join(span.text for span in spans if span.op != "delete")
    if not (_DIGIT.search(old_text) or _DIGIT.search(new_text)):
        return []  # every quantity has a digit: neither text can have one that changed
    old_matches, new_matches = quantity_matches(old_text), quantity_matches(new_text)
    old_ends, new_ends = [m.end() for m in old_matches], [m.end() for m in new_matches]
    said: tuple[set[str | float], set[str | float]] | None = None  # at the first edit needing it
    changes: list[FigureInfo] = []
    previous: tuple[list[tuple[int, int]], list[tuple[int, int]]] | None = None
    for old_part, new_part, old_range, new_range in edits:
        old_hit = _overlapping(old_matches, old_ends, *old_range)
        new_hit = _overlapping(new_matches, new_ends, *new_range)
        old_q, new_q = _found(old_hit), _found(new_hit)
        where = ([m.span() for m in old_hit], [m.span() for m in new_hit])
        if [q for q, _ in old_q] == [q for q, _ in new_q] or where == previous:
            continue  # no quantity changed, or the same ones as the edit before
        said = said or _said(known, terms)
        change = _edit_change((old_part, old_q, said[0]), (new_part, new_q, said[1]), label)
        if change is not None:
            changes.append(change)
            previous = where
    return changes


def _said(
    known: Sequence[FigureInfo], terms: tuple[Mapping[str, TermValue], Mapping[str, TermValue]]
) -> tuple[set[str | float], set[str | float]]:
    """What the old and the new side's terms (changed ones in `known`, and all) already say."""
    said_old = {v for c in known for v in (c.old, c.old_value) if v is not None}
    said_new = {v for c in known for v in (c.new, c.new_value) if v is not None}
    return said_old | stated(terms[0]), said_new | stated(terms[1])


Side = tuple[str, list[tuple[str, float | None]], set[str | float]]
"""One side of an edit: its text, the quantities it touches, and what that side's terms say."""


def _edit_change(old: Side, new: Side, label: str) -> FigureInfo | None:
    """The figure change an edit whose quantities differ makes, or None when a term already
    says every one of them."""
    (old_part, old_q, said_old), (new_part, new_q, said_new) = old, new
    old_left, new_left = _covered(old_q, said_old), _covered(new_q, said_new)
    if not old_left and not new_left:
        return None
    old_left = old_left or [q for q, _ in old_q]
    new_left = new_left or [q for q, _ in new_q]
    return FigureInfo.model_construct(
        name=label,
        old=", ".join(old_left) if old_q else _short(old_part.strip()),
        new=", ".join(new_left) if new_q else _short(new_part.strip()),
        source="text",
        old_value=_single(old_q, old_left),
        new_value=_single(new_q, new_left),
    )


def _single(found: list[tuple[str, float | None]], shown: list[str]) -> float | None:
    """The value of the one quantity shown on a side, when exactly one is."""
    if len(shown) != 1:
        return None
    return next((value for text, value in found if text == shown[0]), None)


def _short(text: str, max_words: int = 8) -> str | None:
    """What replaced a figure, when it is short enough to read as its new value."""
    if not text or len(text.split()) > max_words:
        return None
    return text
