"""Unexpected errors in the terminal UI's workers: never lost, never a wall of text.

The user sees one line in a notification; the traceback goes to the log file (`log_path()`);
with `PLANLENS_DEBUG` set the app exits with status 1 and prints the traceback instead, as the
CLI does for its own internal errors.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from planlens.errors import debugging

if TYPE_CHECKING:
    from textual.app import App

LOGGER = logging.getLogger("planlens.tui")


def log_path() -> Path:
    """Where the terminal UI writes tracebacks: `$XDG_STATE_HOME/planlens/tui.log`."""
    state = os.environ.get("XDG_STATE_HOME") or Path.home() / ".local" / "state"
    return Path(state) / "planlens" / "tui.log"


def _file_handler() -> logging.Handler | None:
    """A handler that opens the log file at the first record (none if it cannot be made)."""
    path = log_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    handler = logging.FileHandler(path, encoding="utf-8", delay=True)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
    return handler


def internal_error(app: App[Any], exc: BaseException, doing: str) -> str:
    """Log `exc` with its traceback and return the line to show the user.

    Called from a worker thread. Under `PLANLENS_DEBUG` the app exits with status 1 and prints
    the traceback, so the error cannot go unnoticed.
    """
    if not LOGGER.handlers and (handler := _file_handler()) is not None:
        LOGGER.addHandler(handler)
        LOGGER.propagate = False
    LOGGER.error("internal error while %s", doing, exc_info=exc)
    if debugging():
        from rich.traceback import Traceback

        trace = Traceback.from_exception(type(exc), exc, exc.__traceback__)
        app.call_from_thread(app.exit, None, 1, trace)
    return f"internal error while {doing}: {type(exc).__name__}: {exc} (traceback in {log_path()})"
