"""Reports: renderers of one `Comparison`, registered by format name.

`FORMATS` is the one registry of report formats: the CLI's `--format` choices, the terminal
UI's export dialog and the golden tests all iterate it. Each renderer only reads the
`Comparison`; none recomputes alignment or diffs.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from planlens.comparison.model import Comparison
from planlens.files import write_text

Layout = Literal["redline", "side-by-side"]
LAYOUTS: tuple[Layout, ...] = ("redline", "side-by-side")
"""How the text format shows a pair: inline marks, or old and new in two columns."""


@dataclass(frozen=True)
class RenderOptions:
    """Presentation choices that do not change what a report says."""

    color: bool = False
    """Terminal colours (text format only)."""
    width: int = 100
    """Line width for the text format."""
    layout: Layout = "redline"
    """Redline or side by side (text format only)."""
    by_topic: bool = False
    """Add the provisions grouped by topic (`--by topic`; HTML, Markdown and text)."""


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
    comparison: Comparison,
    fmt: str,
    path: Path,
    options: RenderOptions | None = None,
    *,
    force: bool = True,
) -> Path:
    """Write the report to `path` through `planlens.files.write_text` (atomic for a file).

    `force=False` refuses to replace an existing file (the CLI without `--force`); the TUI asks
    before it overwrites, so the default replaces it.
    """
    content = render(comparison, fmt, options)
    write_text(Path(path), content, force=force)
    return Path(path)


# The formats register themselves on import; importing them here fills `FORMATS` for every
# user of `planlens.report`. They import the names above, so these imports come last.
from planlens.report import html as html  # noqa: E402
from planlens.report import json_report as json_report  # noqa: E402
from planlens.report import markdown as markdown  # noqa: E402
from planlens.report import text_report as text_report  # noqa: E402
