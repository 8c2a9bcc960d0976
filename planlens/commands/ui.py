"""Opening the terminal UI (Textual is imported only here, only when the UI is opened)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import click

from planlens.commands.common import open_corpus, plans_option
from planlens.load import Corpus, default_plan_dirs


def run_app(
    corpus: Corpus, plan_ids: Sequence[str] | None = None, plan_dirs: Sequence[Path] = ()
) -> None:
    """Open the terminal UI on `corpus`, showing `plan_ids` (default: the default pair)."""
    # Imported here so that headless commands never pay for importing Textual.
    from planlens.tui import make_app

    make_app(corpus, plan_ids, plan_dirs or _given_dirs() or default_plan_dirs()).run()


def _given_dirs() -> list[Path]:
    """The `--plans` of the running command, to say where plans were looked for."""
    context = click.get_current_context(silent=True)
    given = context.params.get("plans") if context is not None else None
    return [Path(p) for p in given] if given else []


@click.command("ui")
@click.argument("plan_ids", nargs=-1, metavar="[PLAN ...]")
@plans_option
def ui(plan_ids: tuple[str, ...], plans: tuple[Path, ...]) -> None:
    """Open the terminal UI on chosen versions.

    Two versions are shown side by side, more as the provision matrix; with none, the default
    pair (us-28 against the newest version based on it). Bare `planlens` does the same.
    """
    corpus = open_corpus(plans)
    run_app(corpus, plan_ids or None, plans)
