"""Checks shared by the report tests: parse HTML, split Markdown tables, strip ANSI colours."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

RAW_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u202a-\u202e\u2066-\u2069]")
"""Characters no report may carry raw: C0 controls (but tab, newline, CR), DEL, bidi controls."""

SGR = re.compile(r"\x1b\[[0-9;]*m")
"""The colour sequences Rich writes; any other escape in coloured output came from data."""

HTML_TAGS = frozenset(
    "html head meta title style body header h1 h2 h3 p nav a main section table caption thead "
    "tbody tr th td span div article ul li strong em del ins br dl dt dd form label select "
    "option input output footer code script".split()
)
"""Every element the HTML report writes itself."""


@dataclass
class PageParts:
    """What a parsed HTML page contains."""

    tags: list[tuple[str, list[tuple[str, str | None]]]] = field(default_factory=list)
    """Start tags with their attributes, in order."""
    text: list[str] = field(default_factory=list)
    """Text content (entities decoded), scripts and styles excluded."""
    scripts: list[str] = field(default_factory=list)
    """The content of each script element."""


class _Parser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts = PageParts()
        self._raw: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.parts.tags.append((tag, attrs))
        if tag in ("script", "style"):
            self._raw = tag
            if tag == "script":
                self.parts.scripts.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag == self._raw:
            self._raw = None

    def handle_data(self, data: str) -> None:
        if self._raw == "script":
            self.parts.scripts[-1] += data
        elif self._raw is None:
            self.parts.text.append(data)


def parse_html(page: str) -> PageParts:
    """Start tags, text and scripts of an HTML page."""
    parser = _Parser()
    parser.feed(page)
    parser.close()
    return parser.parts


def markdown_cells(line: str) -> list[str]:
    """The cells of a Markdown table row `| a | b |`, split on pipes not backslash-escaped.

    A row that does not end on an unescaped pipe gets a last cell of None-like "<unclosed>".
    """
    row = line.strip()
    assert row.startswith("|"), row
    cells, current, escaped = [], "", False
    for char in row[1:]:
        if escaped:
            current, escaped = current + char, False
        elif char == "\\":
            current, escaped = current + char, True
        elif char == "|":
            cells.append(current)
            current = ""
        else:
            current += char
    if current.strip():
        cells.append("<unclosed>")
    return cells


def markdown_tables(document: str) -> list[list[str]]:
    """Each table of a Markdown document as its lines."""
    tables: list[list[str]] = []
    current: list[str] = []
    for line in [*document.splitlines(), ""]:
        if line.startswith("|"):
            current.append(line)
        elif current:
            tables.append(current)
            current = []
    return tables
