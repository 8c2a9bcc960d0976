"""Reports: renderers of one `Comparison`, registered by format name.

`FORMATS` is the one registry of report formats: the CLI's `--format` choices, the terminal
UI's export dialog and the golden tests all iterate it. Each renderer only reads the
`Comparison`; none recomputes alignment or diffs. A format names its renderer by module path,
imported on first use: `planlens diff` loads the text renderer only, `list` and `show` none.
"""

from __future__ import annotations

import os
import stat
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from importlib import import_module
from pathlib import Path
from typing import TYPE_CHECKING, Literal, cast

if TYPE_CHECKING:
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


@dataclass(frozen=True)
class ReportFormat:
    """One output format."""

    name: str
    """Format name, as given to `--format` (json, md, html, text)."""
    extension: str
    """File extension, with the dot."""
    description: str
    """One line for help texts and the export dialog."""
    renderer: str
    """The function that turns a comparison into the report's text, as `module:function`;
    imported the first time the format renders."""

    def render(self, comparison: Comparison, options: RenderOptions) -> str:
        """The report's text for `comparison`."""
        module, _, function = self.renderer.partition(":")
        renderer = cast(RenderFunction, getattr(import_module(module), function))
        return renderer(comparison, options)


RenderFunction = Callable[["Comparison", RenderOptions], str]
"""What a format's renderer is: a comparison and options in, the report's text out."""


FORMATS: dict[str, ReportFormat] = {}
"""Format name → format, in the order the formats are offered."""


def register(fmt: ReportFormat) -> ReportFormat:
    """Add a format to `FORMATS`."""
    FORMATS[fmt.name] = fmt
    return fmt


register(
    ReportFormat(
        name="html",
        extension=".html",
        description="One self-contained HTML page (offline, printable, light and dark)",
        renderer="planlens.report.html:render_html",
    )
)
register(
    ReportFormat(
        name="json",
        extension=".json",
        description="The comparison as JSON (canonical; schema: `planlens schema report`)",
        renderer="planlens.report.json_report:render_json",
    )
)
register(
    ReportFormat(
        name="md",
        extension=".md",
        description="Markdown (GitHub-flavoured) to read on a code host, paste or cite",
        renderer="planlens.report.markdown:render_markdown",
    )
)
register(
    ReportFormat(
        name="text",
        extension=".txt",
        description="A terminal rendering: redline or side by side, coloured on a terminal",
        renderer="planlens.report.text_report:render_text",
    )
)


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
