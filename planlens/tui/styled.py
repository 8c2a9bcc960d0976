"""Styled text as plain data: pieces of (text, style), word-wrapped or cut to a width.

The provision table draws these itself, so layout can run in a worker thread and stay
independent of the theme: a style is a Textual style string resolved only when drawn.
Every string from a plan file must already have gone through `planlens.safe.visible`.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator, Sequence

from rich.cells import cell_len

Piece = tuple[str, str]
"""A run of text and its style string ("" for the default style)."""
Line = tuple[Piece, ...]
"""One line of pieces, at most the width it was laid out for."""

_TOKENS = re.compile(r"\n|[^\S\n]+|\S+")
TAB = "    "


def _append(line: list[Piece], text: str, style: str) -> None:
    if line and line[-1][1] == style:
        line[-1] = (line[-1][0] + text, style)
    else:
        line.append((text, style))


def _rstrip(line: list[Piece]) -> Line:
    while line and not line[-1][0].strip():
        line.pop()
    if line:
        text, style = line[-1]
        line[-1] = (text.rstrip(), style)
    return tuple(line)


def _fold(word: str, room: int) -> tuple[str, str]:
    """Cut `word` so the head fits in `room` cells."""
    used = 0
    for index, char in enumerate(word):
        used += cell_len(char)
        if used > room:
            return word[:index], word[index:]
    return word, ""


def _styled_tokens(pieces: Iterable[Piece]) -> Iterator[list[Piece]]:
    """The words, runs of spaces and newlines of the joined text, each split by style.

    A word that spans two pieces ("signatures" inserted, "." kept) stays one word.
    """
    texts: list[str] = []
    bounds: list[tuple[int, str]] = []
    offset = 0
    for text, style in pieces:
        text = text.replace("\t", TAB)
        if text:
            texts.append(text)
            bounds.append((offset, style))
            offset += len(text)
    joined = "".join(texts)
    starts = [start for start, _ in bounds]
    for match in _TOKENS.finditer(joined):
        begin, end = match.span()
        index = bisect_right(starts, begin) - 1
        parts: list[Piece] = []
        while begin < end:
            stop = starts[index + 1] if index + 1 < len(starts) else end
            stop = min(stop, end)
            parts.append((joined[begin:stop], bounds[index][1]))
            begin = stop
            index += 1
        yield parts


class _Lines:
    """Lines being filled left to right, each at most `width` cells."""

    def __init__(self, width: int) -> None:
        self.width = width
        self.lines: list[Line] = []
        self.line: list[Piece] = []
        self.used = 0

    def break_line(self) -> None:
        self.lines.append(_rstrip(self.line))
        self.line, self.used = [], 0

    def add(self, token: list[Piece], size: int) -> None:
        for text, style in token:
            _append(self.line, text, style)
        self.used += size

    def space(self, token: list[Piece], size: int) -> None:
        """Spaces between words: kept inside a line, dropped at a break."""
        if self.used and self.used + size <= self.width:
            self.add(token, size)
        elif self.used:
            self.break_line()

    def word(self, token: list[Piece], size: int) -> None:
        """A word on this line, else on the next; one wider than a line is cut with `…`."""
        if self.used and self.used + size > self.width:
            self.break_line()
        if size <= self.width:
            self.add(token, size)
            return
        cut_word = cut(token, self.width)
        self.add(list(cut_word), length(cut_word))
        self.break_line()

    def done(self) -> list[Line]:
        if self.line or not self.lines:
            self.lines.append(_rstrip(self.line))
        return self.lines


def wrap(pieces: Iterable[Piece], width: int) -> list[Line]:
    """Word-wrap `pieces` to `width` cells; newlines break lines.

    A word is never broken: one wider than the whole line stands on a line of its own, cut
    with an ellipsis.
    """
    lines = _Lines(max(width, 1))
    for token in _styled_tokens(pieces):
        first = token[0][0]
        if first == "\n":
            lines.break_line()
            continue
        size = sum(cell_len(text) for text, _ in token)
        if first.isspace():
            lines.space(token, size)
        else:
            lines.word(token, size)
    return lines.done()


def cut(pieces: Iterable[Piece], width: int) -> Line:
    """`pieces` on one line of at most `width` cells, ending in `…` when something was cut."""
    line: list[Piece] = []
    used = 0
    if width <= 0:
        return ()
    for text, style in pieces:
        flat = " ".join(text.replace("\t", TAB).split("\n"))
        size = cell_len(flat)
        if used + size <= width:
            _append(line, flat, style)
            used += size
            continue
        head, _ = _fold(flat, max(width - used - 1, 0))
        _append(line, head + "…", style)
        return tuple(line)
    return tuple(line)


def length(line: Sequence[Piece]) -> int:
    """Width of a line in cells."""
    return sum(cell_len(text) for text, _ in line)


def plain(line: Sequence[Piece]) -> str:
    """The text of a line without styles."""
    return "".join(text for text, _ in line)


def highlight(line: Line, needle: str, style: str) -> Line:
    """`line` with every case-insensitive occurrence of `needle` given `style` as well."""
    text = plain(line)
    folded = text.lower()
    needle = needle.lower()
    if not needle or needle not in folded or len(folded) != len(text):
        return line
    marks = [False] * len(text)
    start = folded.find(needle)
    while start != -1:
        marks[start : start + len(needle)] = [True] * len(needle)
        start = folded.find(needle, start + 1)
    out: list[Piece] = []
    offset = 0
    for piece_text, piece_style in line:
        for index, char in enumerate(piece_text):
            hit = marks[offset + index]
            combined = f"{piece_style} {style}".strip() if hit else piece_style
            _append(out, char, combined)
        offset += len(piece_text)
    return tuple(out)
