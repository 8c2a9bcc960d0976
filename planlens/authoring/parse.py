"""Split a plan pasted as plain text into its numbered points, sub-points and preamble.

The numbering rule (what makes a line open a point):

- The line starts with a marker: `1.` / `1)` / `(1)` followed by a space or the end of the line,
  `Point 1` (`:`, `.`, `—` or a space after it), `Article 1` / `Section 1` (the rest of that line
  is the clause title when body lines follow it), lettered sub-points `a.` / `a)` / `(a)`
  (Latin or Cyrillic), or decimal sub-points `3.1`.
- A number opens a point only when it fits the numbering so far: it is the next number, or
  skips at most `MAX_SKIP` numbers, or repeats the current one, or the next marker in the text
  carries the number after it (which is how a plan excerpt may start at point 11, or a list
  restart at 1). Anything else — "2025. It was a year…", "100 days after…" — is text.
- The style of the first point (`1.`, `(1)`, `Article 1`…) is the style of points (`1.` and
  `1)` may mix). Inside a point, a numbered list in another style that starts at 1 gives
  sub-points `3.1`, `3.2`; other markers in another style are text. A keyword and number that
  run on into a sentence ("Article 5 of the treaty…") are never a marker.
- Letters open sub-points when they follow the previous letter (skipping at most one) inside a
  point. Cyrillic sub-points get the Latin letter of their position (а, б, в → a, b, c).
- A repeated number gets a suffix (`7-2`) and a warning; so does a repeated sub-point letter.

Every other line continues the current clause: wrapped lines are joined with a space (a word
hyphenated across lines is joined back), bulleted lines keep their own line, and blank lines
separate paragraphs. Text is kept as given; only whitespace is normalised.

Before the first point, the first line is the document's heading when it is short, has no final
punctuation and more text follows; the other lines are the preamble (`build` decides whether it
becomes the summary or clauses p1, p2…). When nothing is numbered, all the text is preamble.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from planlens.authoring.markers import (
    BULLET,
    Marker,
    Style,
    find_marker,
    latin_letter,
    letter_position,
)

MAX_SKIP = 2
"""How many numbers a point may skip (9 after 6) and still be taken as a point without
confirmation from the marker that follows it."""
MAX_LETTER_SKIP = {"latin": 1, "cyrillic": 3}
"""How many letters a sub-point may skip; Russian lists skip letters of the Ukrainian alphabet."""

_SPACES = re.compile(r"[ \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+")
"""Runs of horizontal spaces (tab, no-break and the other Unicode spaces) become one space."""
_LINE_BREAKS = re.compile(r"\r\n?")
"""Only CR LF and CR end a line besides LF: VT, FF, U+2028 and the like are kept as characters
(a plan's text is imported word for word; the reports show such characters visibly)."""


@dataclass(frozen=True)
class ParsedClause:
    """One point or sub-point found in the text."""

    id: str
    """The clause id: the document's number, `3.a` for sub-points, `7-2` for a repeat."""
    text: str
    """The clause text, whitespace normalised; paragraphs separated by a blank line."""
    title: str = ""
    """The title given on a heading line (`Article 2 — Monitoring`)."""
    line: int = 0
    """The 1-based line of the input where it starts."""


@dataclass(frozen=True)
class ParsedText:
    """What the parser found: the clauses, the text before them, and what looked wrong."""

    clauses: tuple[ParsedClause, ...]
    """The points and sub-points, in the document's order."""
    preamble: tuple[str, ...]
    """The paragraphs before the first point (or of the whole text when nothing is numbered)."""
    warnings: tuple[str, ...]
    """Numbering irregularities worth a look: skips, repeats, restarts, empty points."""
    heading: str = ""
    """The document's first line when it reads as a heading (short, no final punctuation)
    and more text follows; it is not part of `preamble`."""


@dataclass
class _Open:
    """A clause being read."""

    id: str
    line: int
    title: str = ""
    is_heading: bool = False
    parent: str | None = None
    lines: list[str] = field(default_factory=list)

    def text(self) -> str:
        return join_lines(self.lines)


@dataclass
class _Point:
    """The numbering state inside the current point."""

    id: str
    number: int
    letters: int = 0
    last_letter: int = -1
    alphabet: str = ""
    nested_style: Style | None = None
    nested_last: int = 0


def normalise_lines(text: str) -> list[str]:
    """The lines of `text`: no BOM, LF/CR LF/CR endings, runs of spaces collapsed and stripped
    (other characters, line-separator-like ones included, are kept as they are)."""
    text = _LINE_BREAKS.sub("\n", text.removeprefix("\ufeff"))
    return [_SPACES.sub(" ", line).strip(" ") for line in text.split("\n")]


def join_lines(lines: list[str]) -> str:
    """Join wrapped lines with a space, bullets on their own line, paragraphs with a blank line."""
    paragraphs: list[str] = []
    current = ""
    for line in [*lines, ""]:
        if not line:
            if current:
                paragraphs.append(current)
            current = ""
        elif not current:
            current = line
        elif BULLET.match(line):
            current += "\n" + line
        elif re.search(r"\w-$", current) and line[0].isalpha() and line[0].islower():
            current += line
        else:
            current += " " + line
    return "\n\n".join(paragraphs)


def parse_text(text: str) -> ParsedText:
    """The clauses of a plan pasted as plain text (see the module docstring for the rule)."""
    return _Parser(normalise_lines(text)).run()


class _Parser:
    """One pass over the lines, keeping the numbering state."""

    def __init__(self, lines: list[str]) -> None:
        self.lines = lines
        self.markers = [find_marker(line) if line else None for line in lines]
        self.following = _following_numbers(self.markers)
        self.clauses: list[_Open] = []
        self.preamble: list[str] = []
        self.warnings: list[str] = []
        self.used: set[str] = set()
        self.point: _Point | None = None
        self.style: Style | None = None

    def run(self) -> ParsedText:
        for index, line in enumerate(self.lines):
            marker = self.markers[index]
            opened = marker is not None and self._open(marker, index)
            if not opened:
                self._continue(line)
        clauses = self._finish()
        while self.preamble and not self.preamble[0]:
            self.preamble.pop(0)
        heading = ""
        if self.preamble and _is_heading_line(self.preamble[0]):
            rest = self.preamble[1:]
            if clauses or any(rest):
                heading, self.preamble = self.preamble[0], rest
        return ParsedText(clauses, tuple(_paragraphs(self.preamble)), tuple(self.warnings), heading)

    def _continue(self, line: str) -> None:
        if self.clauses:
            self.clauses[-1].lines.append(line)
        else:
            self.preamble.append(line)

    def _open(self, marker: Marker, index: int) -> bool:
        """Open the clause `marker` starts, if the numbering says it is one."""
        line_no = index + 1
        point = self.point
        if point is not None and marker.style == "letter":
            return self._open_letter(point, marker, line_no)
        if point is not None and marker.style == "decimal":
            return self._open_nested(point, "decimal", marker.sub, marker, line_no)
        if not marker.is_numeric:
            return False
        if (
            point is not None
            and marker.style != self.style
            and (marker.number == 1 or marker.style == point.nested_style)
            and self._open_nested(point, marker.style, marker.number, marker, line_no)
        ):
            return True
        if self.style is not None and not _same_family(marker.style, self.style):
            return False
        return self._open_point(marker, index)

    def _open_point(self, marker: Marker, index: int) -> bool:
        last = self.point.number if self.point is not None else 0
        number = marker.number
        confirmed = self.following[index] == number + 1
        fits = last < number <= last + 1 + MAX_SKIP or (number == last and last > 0)
        if not (fits or confirmed):
            return False
        line_no = index + 1
        if self.point is not None and number > last + 1:
            self._warn(line_no, f"point {number} follows point {last}: numbers are skipped")
        elif self.point is not None and number < last:
            self._warn(line_no, f"the numbering goes back from {last} to {number}")
        clause_id = self._unique(str(number), line_no, f"point {number}")
        self.style = self.style or marker.style
        self.point = _Point(clause_id, number)
        heading = marker.style == "heading" and bool(marker.rest)
        opened = _Open(clause_id, line_no, title=marker.rest if heading else "", is_heading=heading)
        if marker.rest and not heading:
            opened.lines.append(marker.rest)
        self.clauses.append(opened)
        return True

    def _open_letter(self, point: _Point, marker: Marker, line_no: int) -> bool:
        alphabet = "latin" if "a" <= marker.letter <= "z" else "cyrillic"
        position = letter_position(marker.letter)
        if point.letters == 0:
            if position != 0:
                return False
            point.alphabet = alphabet
        elif alphabet != point.alphabet or not (
            0 <= position - point.last_letter <= 1 + MAX_LETTER_SKIP[alphabet]
        ):
            return False
        if point.letters == 0 or position != point.last_letter:
            point.letters += 1
        point.last_letter = position
        letter = marker.letter if alphabet == "latin" else latin_letter(point.letters)
        self._open_sub(point, f"{point.id}.{letter}", marker.rest, line_no)
        return True

    def _open_nested(
        self, point: _Point, style: Style, number: int, marker: Marker, line_no: int
    ) -> bool:
        if style == "decimal" and marker.number != point.number:
            return False
        if point.nested_style is None:
            if number != 1:
                return False
            point.nested_style = style
        elif style != point.nested_style or not (
            point.nested_last <= number <= point.nested_last + 2
        ):
            return False
        point.nested_last = number
        self._open_sub(point, f"{point.id}.{number}", marker.rest, line_no)
        return True

    def _open_sub(self, point: _Point, clause_id: str, rest: str, line_no: int) -> None:
        unique = self._unique(clause_id, line_no, f"sub-point {clause_id}")
        opened = _Open(unique, line_no, parent=point.id)
        if rest:
            opened.lines.append(rest)
        self.clauses.append(opened)

    def _unique(self, clause_id: str, line_no: int, what: str) -> str:
        if clause_id not in self.used:
            self.used.add(clause_id)
            return clause_id
        suffix = 2
        while f"{clause_id}-{suffix}" in self.used:
            suffix += 1
        unique = f"{clause_id}-{suffix}"
        self.used.add(unique)
        self._warn(line_no, f"{what} appears again; this one gets the id {unique}")
        return unique

    def _warn(self, line_no: int, message: str) -> None:
        self.warnings.append(f"line {line_no}: {message}")

    def _finish(self) -> tuple[ParsedClause, ...]:
        parents = {opened.parent for opened in self.clauses if opened.parent}
        found: list[ParsedClause] = []
        for opened in self.clauses:
            if opened.is_heading and not _is_title(opened.title, opened.lines):
                opened.lines.insert(0, opened.title)
                opened.title = ""
            text, title = opened.text(), opened.title
            if not text:
                if opened.id not in parents:
                    self._warn(opened.line, f"{opened.id} has no text; it is left out")
                continue
            found.append(ParsedClause(opened.id, text, title, opened.line))
        if found and "\n\n" in found[-1].text:
            self.warnings.append(
                f"the last clause ({found[-1].id}) has several paragraphs: if the last one is a "
                "closing statement rather than part of it, move it into a clause of its own"
            )
        return tuple(found)


def _following_numbers(markers: list[Marker | None]) -> list[int | None]:
    """For each line, the number of the next marker written in the same style as its own."""
    following: list[int | None] = [None] * len(markers)
    latest: dict[Style, int] = {}
    for index in range(len(markers) - 1, -1, -1):
        marker = markers[index]
        if marker is not None:
            following[index] = latest.get(marker.style)
            latest[marker.style] = marker.number
    return following


def _same_family(style: Style, points: Style) -> bool:
    """Whether a marker of `style` can number a point in a list whose points use `points`.

    `1.` and `1)` mix in sloppy lists; keyword markers (`Point 3`, `Article 5`) must match, so
    "Point 3 of the earlier plan…" inside a `1.` list stays text.
    """
    loose = ("dot", "paren")
    return style == points or (style in loose and points in loose)


def _is_title(rest: str, body: list[str]) -> bool:
    """Whether the rest of a heading line is a title: short, and a new sentence follows it.

    `Article 1. The parties agree` wrapped onto `to a ceasefire.` is text, not a title.
    """
    first = next((line for line in body if line), "")
    return (
        bool(first)
        and len(rest) <= 120
        and not rest.endswith((",", ";", "-"))
        and not (first[0].isalpha() and first[0].islower())
    )


def _is_heading_line(line: str) -> bool:
    """A document heading: short, not starting in lower case, no sentence punctuation at the end."""
    return (
        len(line) <= 120
        and not line.endswith((".", ",", ";", ":", "!", "?", "…"))
        and not (line[0].isalpha() and line[0].islower())
        and not BULLET.match(line)
    )


def _paragraphs(lines: list[str]) -> list[str]:
    joined = join_lines(lines)
    return joined.split("\n\n") if joined else []
