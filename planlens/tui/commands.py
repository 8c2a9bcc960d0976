"""Command palette entries (ctrl+p): the main actions, showing a version, jumping to a clause."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, cast

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content
from textual.fuzzy import Matcher

from planlens.safe import one_line, visible
from planlens.tui.plain import literal

HELP_STYLE = "$text-muted"
"""How a palette entry's help line looks (Textual's own help text is dim and muted)."""

if TYPE_CHECKING:
    from planlens.tui.app import PlanlensApp
    from planlens.tui.screens.compare import CompareScreen

ACTIONS: tuple[tuple[str, str, str], ...] = (
    ("Next change", "Move to the next provision that changed", "next(1)"),
    ("Previous change", "Move to the previous provision that changed", "next(-1)"),
    ("Choose versions…", "Pick two versions, or more for the matrix", "pick_versions"),
    ("Filter by topic…", "Show only provisions about one topic", "pick_topic"),
    ("Filter by change class…", "Show only rows with some change classes", "pick_classes"),
    ("Hide or show unchanged", "Toggle rows unchanged in every pair", "toggle_unchanged"),
    ("Reset filters", "Show every provision again", "reset_filters"),
    (
        "Search every version…",
        "Titles, texts, notes, figures and omissions of the corpus",
        "search",
    ),
    ("Jump to clause…", "Go to a clause address such as us-28:21.a", "jump"),
    (
        "Figures across versions…",
        "Every typed figure, version by version, in date order",
        "figures",
    ),
    (
        "History of this provision",
        "The provision under the cursor through every version",
        "history",
    ),
    (
        "Group by topic",
        "Rows grouped by topic, or back to the reference's order",
        "toggle_by_topic",
    ),
    ("Swap sides", "Swap the left and right versions", "swap"),
    (
        "Choose the reference version…",
        "In the matrix: the version the others are compared with",
        "pick_reference",
    ),
    ("Toggle details", "Show or hide the details pane", "toggle_details"),
    ("Overview", "Versions, lineage, similarity and topics", "overview"),
    ("Export report…", "Write the current view as a report", "export"),
    ("Pin link", "Accept the suggested counterpart, or pin a found link", "edit_link('accept')"),
    (
        "Reject or unpin link",
        "Reject the suggestion, or unpin an asserted link",
        "edit_link('reject')",
    ),
    ("Undo link edit", "Reverse the last link edit of this session", "edit_link('undo')"),
)
"""(name, help, compare-screen action) of each palette command."""

PaletteEntry = tuple[str, str, Callable[[], object], str]
"""A palette command: its name, its help, what it does, and the text a query is matched with
(the name, plus for versions their id and for clauses their address by label and their title)."""


class PlanlensCommands(Provider):
    """The compare view's actions, 'Show VERSION on the right' and 'Go to ADDRESS'."""

    def _compare_screen(self) -> CompareScreen | None:
        from planlens.tui.screens.compare import CompareScreen

        for screen in reversed(self.app.screen_stack):
            if isinstance(screen, CompareScreen):
                return screen
        return None

    def _commands(self) -> list[PaletteEntry]:
        screen = self._compare_screen()
        if screen is None:
            return []
        app = cast("PlanlensApp", self.app)
        commands: list[PaletteEntry] = [
            (name, help_text, partial(screen.run_action, action), name)
            for name, help_text, action in ACTIONS
        ]
        commands.append(
            (
                "Show problems",
                "Problems found in the plan files",
                partial(app.run_action, "problems"),
                "Show problems",
            )
        )
        left = screen.view.plan_ids[0] if screen.view.plan_ids else None
        left_label = one_line(app.corpus.plan(left).plan.label) if left is not None else ""
        for plan_file in app.corpus.plans:
            if left is not None and plan_file.id != left:
                label = one_line(plan_file.plan.label)
                name = f"Compare {left_label} with {label}"
                commands.append(
                    (
                        name,
                        one_line(plan_file.plan.title),
                        partial(screen.show_versions, (left, plan_file.id)),
                        f"{name} {plan_file.id}",
                    )
                )
        for plan_file in app.corpus.plans:
            label = one_line(plan_file.plan.label)
            for clause in plan_file.clauses:
                address = plan_file.address(clause)
                name = f"Go to {address}"
                help_text = one_line(clause.title or clause.text)[:80]
                commands.append(
                    (
                        name,
                        help_text,
                        partial(screen.jump_to, address),
                        f"Go to {label}:{clause.id} {address} {help_text}",
                    )
                )
        return commands

    async def discover(self) -> Hits:
        for name, help_text, callback, _ in self._commands()[: len(ACTIONS) + 1]:
            yield DiscoveryHit(_prompt(literal(name), help_text), callback, text=name)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, help_text, callback, matched in self._commands():
            score = matcher.match(matched)
            if score > 0:
                shown = _highlight(name, matcher)
                yield Hit(score, _prompt(shown, help_text), callback, text=name)


def _highlight(name: str, matcher: Matcher) -> Content:
    """`name` as literal text with the letters matching `query` styled (no markup parsed).

    Textual's `Matcher.highlight` parses its argument as markup, so it cannot show data.
    """
    text = visible(name)
    content = Content(text)
    _, offsets = matcher.fuzzy_search.match(matcher.query, text)
    for offset in offsets:
        if offset < len(text) and not text[offset].isspace():
            content = content.stylize(matcher.match_style, offset, offset + 1)
    return content


def _prompt(name: Content, help_text: str) -> Content:
    """A palette entry: the command and, under it, its help, both literal text.

    The help goes into the prompt itself: the palette parses a hit's `help` as markup.
    """
    return Content("\n").join([name, literal(help_text, HELP_STYLE)])
