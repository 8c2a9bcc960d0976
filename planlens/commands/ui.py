"""Opening the terminal UI (Textual is imported only here, only when the UI is opened)."""

from __future__ import annotations

import click

from planlens.commands.common import stdout
from planlens.display import plan_rows
from planlens.load import Corpus


def run_app(corpus: Corpus) -> None:
    """Open the terminal UI on `corpus`.

    Until the UI lands this prints the versions and a hint, so bare `planlens` is useful.
    """
    rows = plan_rows(corpus)
    console = stdout()
    for row in rows:
        console.print(
            f"{row['id']:<12} {row['date']}  {row['clauses']:>3} clauses  {row['title']}",
            markup=False,
        )
    click.echo("\nTry: planlens show us-28   ·   planlens validate   ·   planlens --help")
