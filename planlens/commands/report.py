"""`planlens report` (a comparison in any registered format) and `planlens diff` (two versions
in the terminal); both read one `Comparison` and render it with the `planlens.report` formats."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from planlens.commands.common import (
    LazyChoice,
    OutputPath,
    open_corpus,
    plans_option,
    reference_option,
    resolve_ids,
    stdout,
)

if TYPE_CHECKING:
    from planlens.comparison.model import ChangeClass, Comparison
    from planlens.report import Layout

F = TypeVar("F", bound=Callable[..., Any])

SIDE_BY_SIDE_MIN_WIDTH = 120
"""Below this terminal width `diff` shows a redline unless told otherwise."""


def _change_classes() -> tuple[str, ...]:
    from planlens.comparison.model import CHANGE_CLASSES

    return CHANGE_CLASSES


def _format_names() -> list[str]:
    from planlens.report import FORMATS

    return sorted(FORMATS)


def _layouts() -> tuple[str, ...]:
    from planlens.report import LAYOUTS

    return LAYOUTS


def comparison_options(command: F) -> F:
    """The options that choose what is compared: topic, changed only, classes, links, plans."""
    for option in reversed(
        (
            click.option("--topic", metavar="TOPIC", help="Only provisions about this topic."),
            click.option(
                "--changed-only", is_flag=True, help="Leave out provisions unchanged in every pair."
            ),
            click.option(
                "--class",
                "classes",
                multiple=True,
                type=LazyChoice(_change_classes),
                help="Only provisions with this change class in some pair (repeatable).",
            ),
            click.option(
                "--ignore-links",
                is_flag=True,
                help="Align without the links asserted in the files.",
            ),
            plans_option,
        )
    ):
        command = option(command)
    return command


def _compare(
    plans: tuple[Path, ...],
    plan_ids: tuple[str, ...],
    topic: str | None,
    changed_only: bool,
    classes: tuple[ChangeClass, ...],
    ignore_links: bool,
    reference: str | None = None,
) -> Comparison:
    if len(plan_ids) < 2:
        raise click.UsageError("give at least two plan ids")
    from planlens.comparison.build import (
        compare,  # the engine loads numpy/scipy: only when comparing
    )

    corpus = open_corpus(plans)
    resolved = resolve_ids(corpus, plan_ids)
    return compare(
        corpus,
        resolved,
        topic=topic,
        changed_only=changed_only,
        classes=set(classes) or None,
        ignore_links=ignore_links,
        reference=reference,
    )


def _format_for(output: Path | None) -> str:
    """The format named by the output file's extension, else Markdown."""
    from planlens.report import FORMATS

    if output is not None:
        for name, fmt in FORMATS.items():
            if output.suffix.lower() == fmt.extension:
                return name
    return "md"


@click.command()
@click.argument("plan_ids", nargs=-1, required=True, metavar="PLAN PLAN [PLAN ...]")
@click.option(
    "--format",
    "-f",
    "fmt",
    type=LazyChoice(_format_names),
    default=None,
    help="Output format (default: from the -o extension, else md).",
)
@click.option(
    "--output",
    "-o",
    type=OutputPath(),
    default=None,
    metavar="FILE",
    help="Write the report to FILE (atomically; through a symlink to its target; a device or "
    "pipe is written to directly) instead of stdout.",
)
@click.option("--force", is_flag=True, help="Overwrite FILE if it exists.")
@click.option(
    "--layout",
    type=LazyChoice(_layouts),
    default="redline",
    show_default=True,
    help="How the text format shows a change.",
)
@click.option(
    "--by",
    "order",
    type=click.Choice(["order", "topic"]),
    default="order",
    show_default=True,
    help="topic: also show the provisions grouped by topic, every version side by side "
    "(html, md, text).",
)
@reference_option
@comparison_options
def report(
    plan_ids: tuple[str, ...],
    fmt: str | None,
    output: Path | None,
    force: bool,
    layout: Layout,
    order: str,
    reference: str | None,
    topic: str | None,
    changed_only: bool,
    classes: tuple[ChangeClass, ...],
    ignore_links: bool,
    plans: tuple[Path, ...],
) -> None:
    """Write a report comparing two or more versions: json, md, html or text.

    With two versions, a pairwise report; with more, the provision matrix and each version
    against its reference (its nearest ancestor among those compared, else the first; or the
    one --reference names). Every provision carries its clause addresses (`us-28:6`), so a
    report line can be cited.
    """
    from planlens.report import RenderOptions, render, write_report

    comparison = _compare(plans, plan_ids, topic, changed_only, classes, ignore_links, reference)
    name = fmt or _format_for(output)
    by_topic = order == "topic"
    if output is not None:
        options = RenderOptions(layout=layout, by_topic=by_topic)
        write_report(comparison, name, output, options, force=force)
        click.echo(f"planlens: wrote {output} ({name})", err=True)
        return
    if name == "text":
        _print_text(comparison, layout, by_topic=by_topic)
        return
    click.echo(render(comparison, name, RenderOptions(by_topic=by_topic)), nl=False)


@click.command()
@click.argument("old", metavar="A")
@click.argument("new", metavar="B")
@click.option(
    "--layout",
    type=LazyChoice(_layouts),
    default=None,
    help=f"redline (inline marks) or side-by-side (default: side-by-side on a terminal at least "
    f"{SIDE_BY_SIDE_MIN_WIDTH} columns wide, else redline).",
)
@comparison_options
def diff(
    old: str,
    new: str,
    layout: Layout | None,
    topic: str | None,
    changed_only: bool,
    classes: tuple[ChangeClass, ...],
    ignore_links: bool,
    plans: tuple[Path, ...],
) -> None:
    """Show what changed from version A to version B, provision by provision, in the terminal.

    Colours on a terminal (deletions red, insertions green); plain text otherwise, with
    deletions marked [-old-] and insertions {+new+}. The same renderer as `report -f text`.
    """
    comparison = _compare(plans, (old, new), topic, changed_only, classes, ignore_links)
    if layout is None:
        console = stdout()
        wide = console.is_terminal and console.width >= SIDE_BY_SIDE_MIN_WIDTH
        layout = "side-by-side" if wide else "redline"
    _print_text(comparison, layout)


def _print_text(comparison: Comparison, layout: Layout, *, by_topic: bool = False) -> None:
    """The text report on stdout: live Rich output on a terminal, plain text otherwise."""
    from planlens.report import RenderOptions, render
    from planlens.report.text_report import text_report

    console = stdout()
    if console.is_terminal:
        colour = console.color_system is not None and not console.no_color
        console.print(text_report(comparison, layout, color=colour, by_topic=by_topic), crop=False)
        return
    options = RenderOptions(width=console.width, layout=layout, by_topic=by_topic)
    click.echo(render(comparison, "text", options), nl=False)
