"""Rich layout for terminal text: indented blocks without trailing spaces, and unbroken URLs.

Rich pads an indented block (`Padding`) and every table line to the full width, and folds a
word longer than a line in the middle. `Trimmed` indents a renderable and cuts the spaces at
the end of each of its lines; `url_line` keeps a web address whole on a line of its own (a
terminal may wrap it for display, but copying it gives the address), so print with
`crop=False`.
"""

from __future__ import annotations

from collections.abc import Iterator

from rich.console import Console, ConsoleOptions, RenderableType
from rich.segment import Segment
from rich.text import Text

from planlens.safe import visible


def rstrip_segments(line: list[Segment]) -> list[Segment]:
    """One rendered line without the whitespace at its end."""
    while line and not line[-1].control and not line[-1].text.strip():
        line = line[:-1]
    if line and not line[-1].control:
        last = line[-1]
        line = [*line[:-1], Segment(last.text.rstrip(), last.style)]
    return line


class Trimmed:
    """A renderable indented by `indent` columns, each of its lines without trailing spaces."""

    def __init__(self, renderable: RenderableType, indent: int = 0) -> None:
        self.renderable = renderable
        """What is shown."""
        self.indent = indent
        """Columns of spaces before each line."""

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> Iterator[Segment]:
        width = max(1, options.max_width - self.indent)
        lines = console.render_lines(self.renderable, options.update_width(width), pad=False)
        for line in lines:
            trimmed = rstrip_segments(line)
            if trimmed and self.indent:
                yield Segment(" " * self.indent)
            yield from trimmed
            yield Segment.line()


def url_line(url: str, indent: int = 0) -> Text:
    """A web address on a line of its own, never broken, however long (print with crop=False)."""
    return Text(
        " " * indent + visible(url), style="underline", no_wrap=True, overflow="ignore", end="\n"
    )
