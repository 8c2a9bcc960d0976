"""What every command shares: the `--plans` option, loading the corpus, the consoles."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click
from rich.console import Console
from rich.table import Table

from planlens.load import Corpus, load_corpus

F = TypeVar("F", bound=Callable[..., Any])


def plans_option(command: F) -> F:
    """`--plans DIR`, repeatable: where plan files are read from."""
    return click.option(
        "--plans",
        "plans",
        multiple=True,
        type=click.Path(path_type=Path, file_okay=True, dir_okay=True),
        metavar="DIR",
        help="Read plans from DIR (repeatable). Default: $PLANLENS_PLANS, else ./plans if it "
        "exists, else the bundled plans.",
    )(command)


def format_option(*choices: str, default: str | None = None) -> Callable[[F], F]:
    """`--format/-f` with the given choices."""
    return click.option(
        "--format",
        "-f",
        "fmt",
        type=click.Choice(choices),
        default=default or choices[0],
        show_default=True,
        help="Output format.",
    )


def stdout() -> Console:
    """A console for data: colours on a terminal, plain text otherwise; never reads markup."""
    return Console(highlight=False, soft_wrap=False, emoji=False)


def print_table(console: Console, table: Table) -> None:
    """Print a table; when output is piped or redirected, never squeeze it into 80 columns."""
    if not console.is_terminal:
        unbounded = console.options.update(max_width=10_000)
        console.width = max(console.width, console.measure(table, options=unbounded).maximum)
    console.print(table)


def stderr() -> Console:
    """A console for diagnostics."""
    return Console(stderr=True, highlight=False, emoji=False)


def open_corpus(plans: tuple[Path, ...], *, quiet: bool = False) -> Corpus:
    """Load the corpus; tell stderr how many problems were found (the valid plans still load)."""
    corpus = load_corpus(list(plans) or None)
    errors = len(corpus.errors)
    if errors and not quiet:
        noun = "problem" if errors == 1 else "problems"
        click.echo(
            f"planlens: {errors} {noun} in the plan files; the plans that could not be "
            "loaded are left out (run `planlens validate` for details).",
            err=True,
        )
    return corpus
