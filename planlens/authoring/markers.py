"""Recognise the numbering marker that may open a line of a pasted plan: `1.`, `(a)`, `Article 2 —`…

A marker only says what a line *could* be; `parse` decides from the numbering so far whether
it really opens a point (so "2025. It was…" in the middle of a point stays text).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

Style = Literal["dot", "paren", "enclosed", "point", "heading", "decimal", "letter"]
"""How a marker is written: `1.`, `1)`, `(1)`, `Point 1`, `Article 1`, `3.1`, `a)` / `(a)`."""

CYRILLIC_LETTERS = "абвгґдеєжзиіїйклмнопрстуфхцчшщьюя"
"""The Ukrainian alphabet, in order: Russian enumerations (а, б, в, г, д, е, ж, з, и, к…) fit it
with small gaps."""

_REST = r"(?:(?P<sep>\s*[.:—–-]+)\s*|\s+)(?P<rest>.*)"
_MARKERS: tuple[tuple[Style, re.Pattern[str]], ...] = (
    ("decimal", re.compile(r"^(?P<num>\d{1,3})\.(?P<sub>\d{1,3})\.?(?:\s+(?P<rest>.*))?$")),
    ("dot", re.compile(r"^(?P<num>\d{1,9})\.(?:\s+(?P<rest>.*))?$")),
    ("paren", re.compile(r"^(?P<num>\d{1,9})\)(?:\s+(?P<rest>.*))?$")),
    ("enclosed", re.compile(r"^\((?P<num>\d{1,9})\)(?:\s+(?P<rest>.*))?$")),
    (
        "point",
        re.compile(rf"^(?:point|item|пункт)\s+(?P<num>\d{{1,9}})(?:{_REST})?$", re.IGNORECASE),
    ),
    (
        "heading",
        re.compile(
            rf"^(?:article|section|chapter|стаття|статья|розділ|раздел)\s+(?P<num>\d{{1,9}})"
            rf"(?:{_REST})?$",
            re.IGNORECASE,
        ),
    ),
    (
        "letter",
        re.compile(
            rf"^(?:\((?P<enclosed>[a-z{CYRILLIC_LETTERS}])\)|(?P<letter>[a-z{CYRILLIC_LETTERS}])"
            r"[.)])(?:\s+(?P<rest>.*))?$"
        ),
    ),
)
_MARKDOWN_HEADING = re.compile(r"^#{1,6}\s+")
BULLET = re.compile(r"^[•●▪‣◦·*–—-]\s")
"""A bulleted line inside a point: kept as text, on its own line."""


@dataclass(frozen=True)
class Marker:
    """A numbering marker at the start of a line, and the text that follows it on that line."""

    style: Style
    """How the marker is written."""
    number: int
    """The point's number; for `decimal` markers the number before the dot."""
    rest: str
    """The rest of the line after the marker (a title for headings, else text)."""
    letter: str = ""
    """The letter of a lettered sub-point (`a`, or Cyrillic `а`)."""
    sub: int = 0
    """The number after the dot of a `decimal` marker (`3.1` → 1)."""

    @property
    def is_numeric(self) -> bool:
        """Whether it numbers a point (not a letter or a decimal sub-point)."""
        return self.style not in ("letter", "decimal")


def find_marker(line: str) -> Marker | None:
    """The marker opening `line` (already stripped), or None when the line is plain text."""
    candidate = _MARKDOWN_HEADING.sub("", line)
    for style, pattern in _MARKERS:
        match = pattern.match(candidate)
        if match is None:
            continue
        rest = (match.group("rest") or "").strip()
        if style == "letter":
            letter = match.group("enclosed") or match.group("letter")
            return Marker(style, 0, rest, letter=letter)
        if style in ("point", "heading") and _reads_as_prose(match):
            return None
        number = int(match.group("num"))
        if style == "decimal":
            return Marker(style, number, rest, sub=int(match.group("sub")))
        return Marker(style, number, rest)
    return None


def _reads_as_prose(match: re.Match[str]) -> bool:
    """`Article 5 of the treaty…`: a keyword and number that run on into a sentence."""
    rest = match.group("rest") or ""
    return not match.group("sep") and rest[:1].isalpha() and rest[:1].islower()


def letter_position(letter: str) -> int:
    """0 for `a` / `а`, 1 for `b` / `б`…, in the Latin or the Ukrainian alphabet."""
    if "a" <= letter <= "z":
        return ord(letter) - ord("a")
    return CYRILLIC_LETTERS.index(letter)


def latin_letter(ordinal: int) -> str:
    """The id letter of the `ordinal`-th (1-based) sub-point: a…z, then the number itself."""
    return chr(ord("a") + ordinal - 1) if ordinal <= 26 else str(ordinal)
