"""Problems found in data files: what is wrong, where, and what was expected.

A problem names the file and, where they apply, the clause, the line and the column, so that a
person who has never read our source can open the file and fix it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Literal

Severity = Literal["error", "warning"]


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with one data file."""

    path: Path | None
    """The file, or None for a problem that spans the whole corpus."""
    message: str
    """What is wrong, in plain words."""
    clause: str | None = None
    """The clause id the problem is about, when it is about one clause."""
    line: int | None = None
    """1-based line in the file, when known."""
    column: int | None = None
    """1-based column in the file, when known."""
    expected: str | None = None
    """What would be accepted instead, when that helps."""
    severity: Severity = "error"
    """error: the file is not loaded as it stands; warning: loaded, but worth fixing."""

    @property
    def location(self) -> str:
        """`file:line:column`, as far as it is known."""
        where = str(self.path) if self.path is not None else "<corpus>"
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        return where

    def __str__(self) -> str:
        parts = [f"{self.location}: {self.severity}:"]
        if self.clause is not None:
            parts.append(f"clause {self.clause}:")
        parts.append(self.message)
        text = " ".join(parts)
        if self.expected:
            text += f" (expected {self.expected})"
        return text

    def to_dict(self) -> dict[str, str | int | None]:
        """A JSON-ready view of the problem."""
        return {
            "path": str(self.path) if self.path is not None else None,
            "line": self.line,
            "column": self.column,
            "clause": self.clause,
            "severity": self.severity,
            "message": self.message,
            "expected": self.expected,
        }
