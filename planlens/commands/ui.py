"""Opening the terminal UI (Textual is imported only here, only when the UI is opened).

The app paints before the plans are loaded: it loads them itself, off the UI thread, so the CLI
hands it plan directories rather than a corpus.
"""

from __future__ import annotations

import gc
from collections.abc import Sequence
from pathlib import Path

import click

from planlens.commands.common import note_problems, plans_option

INTERNAL_ERROR_EXIT = 3
"""The exit status after the app stopped on an unhandled error (the CLI's internal-error code)."""


def run_app(plan_ids: Sequence[str] | None = None, plan_dirs: Sequence[Path] = ()) -> None:
    """Open the terminal UI on the plans in `plan_dirs` (default: the usual places).

    Shows `plan_ids` (default: the default pair). An unknown id, found once the plans are
    loaded, closes the app and is raised here, so the CLI reports it like any other error; the
    note about plan files that did not load is printed to stderr after the app closes.
    """
    # Imported here so that headless commands never pay for importing Textual.
    from planlens.tui import make_app

    app = make_app(None, plan_ids, plan_dirs)
    gc.enable()  # the CLI's one-shot commands run without the cyclic collector; the app runs on
    app.run()
    if app.startup_error is not None:
        raise app.startup_error
    if app.return_code:
        # Textual has printed the traceback of an error inside the app: say so, and fail.
        click.echo(
            "planlens: internal error in the terminal UI (see above); please report it.", err=True
        )
        raise click.exceptions.Exit(INTERNAL_ERROR_EXIT)
    if app.loaded:
        note_problems(app.corpus)


@click.command("ui")
@click.argument("plan_ids", nargs=-1, metavar="[PLAN ...]")
@plans_option
def ui(plan_ids: tuple[str, ...], plans: tuple[Path, ...]) -> None:
    """Open the terminal UI on chosen versions.

    Two versions are shown side by side, more as the provision matrix; with none, the default
    pair (us-28 against the newest version based on it). Bare `planlens` does the same.
    """
    run_app(plan_ids or None, plans)
