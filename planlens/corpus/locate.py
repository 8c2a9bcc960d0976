"""Find the line of a key in a plan or topics file, since `tomllib` gives no positions.

A `Locator` indexes a file's table headers once, so placing thousands of problems in one file
stays linear in its size.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence


def locate(text: str, loc: Sequence[str | int]) -> int | None:
    """The 1-based line of the key at `loc` in a plan or topics file, or None if not found.

    For one lookup; to place many problems in one file, build a `Locator` once.
    """
    return Locator(text).line(loc)


class Locator:
    """Finds the lines of keys in one file's text; built once, it answers each lookup without
    rescanning the file (thousands of warnings on one file stay linear)."""

    _HEADER = re.compile(r"^\s*\[\[?\s*([^\[\]#]*?)\s*\]\]?\s*(#.*)?$")

    def __init__(self, text: str) -> None:
        self.lines = text.splitlines()
        self.tables: dict[str, list[int]] = {}
        """0-based header lines of each table name, in file order."""
        self.starts: list[int] = []
        """0-based lines that start with `[` (a table header, or so the scan assumes)."""
        for number, line in enumerate(self.lines):
            if line.lstrip().startswith("["):
                self.starts.append(number)
                match = self._HEADER.match(line)
                if match is not None:
                    self.tables.setdefault(match.group(1), []).append(number)

    def line(self, loc: Sequence[str | int]) -> int | None:
        """The 1-based line of the key at `loc`, or None if not found.

        Walks the location's tables (`[plan]`, the Nth `[[clause]]`, `[[plan.sources]]`) by
        their headers, then looks for the key inside the innermost table; when the key is absent
        (a missing key) the table's header line is the answer.
        """
        start, end = 0, len(self.lines)
        header_line: int | None = None
        table: list[str] = []
        parts = list(loc)
        while parts:
            name = parts.pop(0)
            if not isinstance(name, str):
                break
            index: int | None = None
            if parts and isinstance(parts[0], int):
                index = parts[0]
                parts.pop(0)
            found = self._table(".".join([*table, name]), index)
            if found is None:
                return self._key(name, start, end) or header_line
            header_line, end = found
            start = header_line
            table.append(name)
        return header_line

    def _table(self, dotted: str, index: int | None) -> tuple[int, int] | None:
        """The header line (1-based) and end (0-based, exclusive) of a table or its Nth entry."""
        hits = self.tables.get(dotted)
        if not hits:
            return None
        pick = hits[index] if index is not None and index < len(hits) else hits[0]
        following = bisect_right(self.starts, pick)
        stop = self.starts[following] if following < len(self.starts) else len(self.lines)
        return pick + 1, stop

    def _key(self, key: str, start: int, end: int) -> int | None:
        pattern = re.compile(rf"^\s*\"?{re.escape(key)}\"?\s*=")
        for i in range(start, end):
            if pattern.match(self.lines[i]):
                return i + 1
        return None
