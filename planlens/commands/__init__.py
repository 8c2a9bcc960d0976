"""The CLI's subcommands, one module per area; `register` adds them all to the group."""

from __future__ import annotations

import click

from planlens.commands.across import figures, history, search
from planlens.commands.align import align_command
from planlens.commands.authoring import import_plan, new_plan
from planlens.commands.corpus import list_plans, schema, show, validate
from planlens.commands.links import link, unlink
from planlens.commands.report import diff, report
from planlens.commands.ui import ui


def register(group: click.Group) -> None:
    """Add every subcommand to the `planlens` group."""
    for command in (
        validate,
        list_plans,
        show,
        schema,
        align_command,
        link,
        unlink,
        import_plan,
        new_plan,
        report,
        diff,
        figures,
        history,
        search,
        ui,
    ):
        group.add_command(command)
