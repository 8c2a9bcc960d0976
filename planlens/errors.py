"""The exception the core raises for problems a user can fix (a clean message, no traceback),
and the switch that shows the traceback of the ones nobody can."""

from __future__ import annotations


class PlanlensError(Exception):
    """A user-facing error: the CLI prints its message and exits non-zero."""


DEBUG_ENV = "PLANLENS_DEBUG"
"""Set (to anything) to see the traceback of an internal error instead of a one-line message."""


def debugging() -> bool:
    """True when `PLANLENS_DEBUG` asks for tracebacks."""
    import os

    return bool(os.environ.get(DEBUG_ENV))
