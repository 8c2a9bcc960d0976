"""Data and typed input shown as literal text in the terminal UI, never as Textual markup.

Textual parses plain strings as markup in several places (notifications, the command palette's
hits and help, `Static("...")`), so a clause titled `[@click=app.quit]Q[/]` would become a live
link and `[/]` would raise `MarkupError`. Everything from a plan file or typed by a user goes
through these helpers: they build `Content` from the string (never parsing it) and make control
characters visible (`planlens.safe.visible`).
"""

from __future__ import annotations

from typing import Protocol

from textual.content import Content
from textual.notifications import SeverityLevel

from planlens.safe import one_line, visible


class Notifier(Protocol):
    """Anything with Textual's `notify` (an app, a screen, a widget)."""

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None: ...


def literal(text: str, style: str = "") -> Content:
    """`text` as literal `Content` (controls made visible), optionally styled."""
    content = Content(visible(text))
    return content.stylize(style) if style else content


def literal_line(text: str, style: str = "") -> Content:
    """`text` folded onto one line, as literal `Content`."""
    content = Content(one_line(text))
    return content.stylize(style) if style else content


def tell(
    target: Notifier,
    message: str,
    *,
    title: str = "",
    severity: SeverityLevel = "information",
    timeout: float | None = None,
) -> None:
    """Show a notification whose message and title are shown literally, never as markup."""
    target.notify(
        visible(message),
        title=one_line(title),
        severity=severity,
        timeout=timeout,
        markup=False,
    )
