"""Reports: renderers of one `Comparison`, registered by format name.

`FORMATS` is the one registry of report formats: the CLI's `--format` choices, the terminal
UI's export dialog and the golden tests all iterate it. Each renderer only reads the
`Comparison`; none recomputes alignment or diffs.
"""

from __future__ import annotations

import os
import stat
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from planlens.comparison.model import Comparison

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
    comparison: Comparison, fmt: str, path: Path, options: RenderOptions | None = None
) -> Path:
    """Write the report to `path` atomically (a temporary file, then a rename)."""
    content = render(comparison, fmt, options)
    path = Path(path)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent or Path())
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as out:
            out.write(content)
        Path(temporary).chmod(_file_mode(path))
        Path(temporary).replace(path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return path


def _file_mode(path: Path) -> int:
    """An existing file keeps its permissions; a new one gets 0o666 less the umask, as `open`
    would give it (`mkstemp` alone would leave a shared report readable by its owner only)."""
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


# The formats register themselves on import; importing them here fills `FORMATS` for every
# user of `planlens.report`. They import the names above, so these imports come last.
from planlens.report import html as html  # noqa: E402
from planlens.report import json_report as json_report  # noqa: E402
from planlens.report import markdown as markdown  # noqa: E402
from planlens.report import text_report as text_report  # noqa: E402
