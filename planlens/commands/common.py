"""What every command shares: the `--plans` option, loading the corpus, the consoles.

Importing the command modules stays cheap (bare `planlens` imports them all before the terminal
UI paints): the core is imported inside the commands, and choices that come from a core
registry are read only when click needs them (`LazyChoice`).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click
from rich.console import Console

if TYPE_CHECKING:
    from rich.table import Table

    from planlens.corpus.load import Corpus

F = TypeVar("F", bound=Callable[..., Any])


class LazyChoice(click.Choice[str]):
    """A `click.Choice` whose values come from `load()`, called the first time they are needed.

    The registries the choices come from (report formats, change classes, plan kinds) live in
    modules that import pydantic; reading them at import time would slow every start.
    """

    def __init__(self, load: Callable[[], Iterable[str]]) -> None:
        self._load = load
        self._loaded: tuple[str, ...] | None = None
        self.case_sensitive = True

    @property
    def choices(self) -> tuple[str, ...]:
        """The values, loaded on first use."""
        if self._loaded is None:
            self._loaded = tuple(self._load())
        return self._loaded

    @choices.setter
    def choices(self, values: tuple[str, ...]) -> None:
        self._loaded = tuple(values)


class OutputPath(click.ParamType[Path]):
    """The path of a file to write; a path ending in a slash names a directory and is refused.

    `Path("newdir/")` forgets the slash, so the check is made on the text as typed: writing a
    file called `newdir` when a directory was meant would be a silent surprise.
    """

    name = "path"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Path:
        if isinstance(value, Path):
            return value
        text = str(value)
        if not text:
            self.fail("the output path is empty", param, ctx)
        if text.endswith(("/", os.sep)):
            where = "is a directory" if Path(text).is_dir() else "is not an existing directory"
            self.fail(
                f"{text!r} ends with a slash, so it names a directory (and {where}); "
                "give the path of the file to write",
                param,
                ctx,
            )
        return Path(text)


class PlansPath(click.ParamType[Path]):
    """A `--plans` value: a directory of plan files, or one `.toml` plan file.

    Anything else (a missing path, an empty string, `/dev/null`, a text file) is refused
    plainly, rather than loading nothing and printing an empty table.
    """

    name = "dir"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Path:
        if isinstance(value, Path):
            return value
        text = str(value)
        if not text:
            self.fail("no plans directory at '' (the path is empty)", param, ctx)
        path = Path(text)
        if path.is_dir() or (path.is_file() and path.suffix == ".toml"):
            return path
        if path.exists():
            self.fail(f"no plans directory at {text}: it is not a directory", param, ctx)
        self.fail(f"no plans directory at {text}: it does not exist", param, ctx)


def _inherit_plans(
    ctx: click.Context, _param: click.Parameter, value: tuple[Path, ...]
) -> tuple[Path, ...]:
    """A command's own --plans, else the one given before it (`planlens --plans DIR list`)."""
    parent = ctx.parent
    while not value and parent is not None:
        value = tuple(parent.params.get("plans") or ())
        parent = parent.parent
    return value


def plans_option(command: F) -> F:
    """`--plans DIR`, repeatable: where plan files are read from.

    Given before the command (`planlens --plans DIR list`), it holds for the command too.
    """
    return click.option(
        "--plans",
        "plans",
        multiple=True,
        type=PlansPath(),
        callback=_inherit_plans,
        metavar="DIR",
        help="Read plans from DIR (repeatable). Default: $PLANLENS_PLANS, else ./plans if it "
        "exists, else the bundled plans.",
    )(command)


def reference_option(command: F) -> F:
    """`--reference PLAN`: compare every other version with this one."""
    return click.option(
        "--reference",
        metavar="PLAN",
        default=None,
        help="Compare every other version with PLAN (id or label). Default: each version with "
        "its nearest ancestor among those compared, else with the first.",
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
    from planlens.corpus.load import load_corpus

    corpus = load_corpus(list(plans) or None)
    if not quiet:
        note_problems(corpus)
    return corpus


def resolve_ids(corpus: Corpus, names: Iterable[str]) -> list[str]:
    """The plan ids for `names` (ids or `short` labels, any case), each version at most once."""
    resolved = [corpus.resolve(name) for name in names]
    repeated = sorted({pid for pid in resolved if resolved.count(pid) > 1})
    if repeated:
        raise click.UsageError(f"each version can be compared once: {', '.join(repeated)}")
    return resolved


def note_problems(corpus: Corpus) -> None:
    """Tell stderr how many problems kept plan files from loading, if any."""
    errors = len(corpus.errors)
    if errors:
        noun = "problem" if errors == 1 else "problems"
        click.echo(
            f"planlens: {errors} {noun} in the plan files; the plans that could not be "
            "loaded are left out (run `planlens validate` for details).",
            err=True,
        )
