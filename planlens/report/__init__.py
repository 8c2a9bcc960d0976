"""Reports: renderers of one `Comparison`, registered by format name.

`FORMATS` is the one registry of report formats: the CLI's `--format` choices, the terminal
UI's export dialog and the golden tests all iterate it. Each renderer only reads the
`Comparison`; none recomputes alignment or diffs. A format names its renderer by module path,
imported on first use: `planlens diff` loads the text renderer only, `list` and `show` none.
"""

from __future__ import annotations

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
    from planlens.files import write_text  # only a report written to a file needs it

    content = render(comparison, fmt, options)
    write_text(Path(path), content, force=force)
    return Path(path)
