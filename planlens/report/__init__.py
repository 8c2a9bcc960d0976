"""Reports: renderers of one `Comparison`, registered by format name.

`FORMATS` is the one registry of report formats: the CLI's `--format` choices, the terminal
UI's export dialog and the golden tests all iterate it. Each renderer only reads the
`Comparison`; none recomputes alignment or diffs.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from planlens.comparison import Comparison


@dataclass(frozen=True)
class RenderOptions:
    """Presentation choices that do not change what a report says."""

    color: bool = False
    """Terminal colours (text format only)."""
    width: int = 100
    """Line width for the text format."""


@dataclass(frozen=True)
class ReportFormat:
    """One output format."""

    name: str
    """Format name, as given to `--format` (json, md, html, text)."""
    extension: str
    """File extension, with the dot."""
    description: str
    """One line for help texts and the export dialog."""
    render: Callable[[Comparison, RenderOptions], str]
    """Turns a comparison into the report's text."""


FORMATS: dict[str, ReportFormat] = {}
"""Format name → format. Filled by `register` in each renderer module (imported below)."""


def register(fmt: ReportFormat) -> ReportFormat:
    """Add a format to `FORMATS`."""
    FORMATS[fmt.name] = fmt
    return fmt


def render(comparison: Comparison, fmt: str, options: RenderOptions | None = None) -> str:
    """The report of `comparison` in format `fmt`."""
    return FORMATS[fmt].render(comparison, options or RenderOptions())


def write_report(
    comparison: Comparison, fmt: str, path: Path, options: RenderOptions | None = None
) -> Path:
    """Write the report to `path` atomically (a temporary file, then a rename)."""
    text = render(comparison, fmt, options)
    path = Path(path)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent or Path("."))
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as out:
            out.write(text)
        Path(temporary).replace(path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return path
