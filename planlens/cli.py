"""The command line: a click group that opens the terminal UI when given no command.

The CLI only wires arguments to the core and prints: data to stdout, diagnostics to stderr, a
clean message and a non-zero exit on error, never a traceback. Subcommands live in
`planlens/commands/`, one module per area.
"""

from __future__ import annotations

import gc
import os
import sys
from pathlib import Path

# One BLAS thread unless the user says otherwise: the aligner's products are small blocks, and
# OpenBLAS's threads spinning between them doubled the CPU time of `planlens align` (and its
# wall time on a busy machine). Set before numpy is first imported, in this process only.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import click

from planlens import __version__
from planlens.commands import register
from planlens.commands.common import plans_option
from planlens.errors import PlanlensError, debugging

EXIT_PROBLEMS = 1
EXIT_INTERNAL = 3


@click.group(invoke_without_command=True, context_settings={"help_option_names": ["-h", "--help"]})
@plans_option
@click.version_option(__version__, prog_name="planlens")
@click.pass_context
def cli(ctx: click.Context, plans: tuple[Path, ...]) -> None:
    """Compare versions of a negotiated text, provision by provision.

    Run without a command to open the terminal UI on the bundled plans (or on --plans DIR).
    """
    if ctx.invoked_subcommand is not None:
        return
    from planlens.commands.ui import run_app

    run_app(None, plans)


register(cli)


def main(argv: list[str] | None = None) -> int:
    """Run the CLI; turn every expected failure into a message and an exit code.

    A command runs with the cyclic garbage collector off: it builds its result, prints it and
    exits, so the collector would only traverse what it keeps, again and again (and, paused
    around the large steps, once in full when resumed: 0.12 s of `planlens align` on 10 × 1,000
    clauses, the same peak memory). Reference counting still frees what is dropped. The
    terminal UI, which runs on, turns it back on (`commands.ui.run_app`).
    """
    gc.disable()
    try:
        return _run(argv)
    finally:
        gc.freeze()  # what is left is kept to the end: never traverse it when switched on
        gc.enable()


def _run(argv: list[str] | None) -> int:
    """`main` with the collector as `main` leaves it."""
    try:
        result = cli.main(args=argv, prog_name="planlens", standalone_mode=False)
        sys.stdout.flush()  # a full disk must fail here, not in the interpreter's exit
    except click.ClickException as exc:
        exc.show()
        return exc.exit_code
    except click.Abort:
        click.echo("Aborted.", err=True)
        return 130
    except PlanlensError as exc:
        click.echo(f"planlens: error: {exc}", err=True)
        return EXIT_PROBLEMS
    except BrokenPipeError:
        # The reader went away (e.g. `planlens list | head`): stop quietly.
        _silence_stdout()
        return EXIT_PROBLEMS
    except KeyboardInterrupt:
        return 130
    except OSError as exc:  # stdout on a full disk or a closed descriptor
        _silence_stdout()
        what = f"use {exc.filename}" if exc.filename else "write the output"
        click.echo(f"planlens: error: cannot {what}: {exc.strerror or exc}", err=True)
        return EXIT_PROBLEMS
    except Exception as exc:  # the last line of defence against a traceback
        if debugging():
            raise
        click.echo(
            f"planlens: internal error: {type(exc).__name__}: {exc}\n"
            "This is a bug; set PLANLENS_DEBUG=1 to see the traceback, and please report it.",
            err=True,
        )
        return EXIT_INTERNAL
    return result if isinstance(result, int) else 0


def _silence_stdout() -> None:
    """Point stdout at the null device, so the interpreter's last flush cannot fail again."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):  # no real descriptor (under a test runner)
        pass
    finally:
        os.close(devnull)
