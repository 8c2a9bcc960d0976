"""The exception the core raises for problems a user can fix: a clean message, no traceback."""

from __future__ import annotations


class PlanlensError(Exception):
    """A user-facing error: the CLI prints its message and exits non-zero."""
