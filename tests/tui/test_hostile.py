"""Plan text and typed input are never Textual markup, and no text crashes the app.

tests/data/hostile/ holds titles and texts such as `[@click=app.quit]QUIT[/]`, `[/]` and
`[bold]x`. Every widget that shows plan data (the table, the details pane, the status line, the
command palette, the overview, the problems list, notifications, the jump and search prompts)
must show them literally: the brackets are still on screen, no click action is attached, and
the app is still running afterwards.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

from hypothesis import given
from hypothesis import strategies as st
from rich.segment import Segment
from textual.command import CommandList, CommandPalette
from textual.content import Content
from textual.geometry import Region
from textual.pilot import Pilot
from textual.widget import Widget
from textual.widgets import DataTable
from textual.widgets._toast import Toast

import planlens.tui
from planlens.comparison.build import compare
from planlens.corpus.load import load_corpus
from planlens.safe import visible
from planlens.tui import make_app
from planlens.tui.app import PlanlensApp
from planlens.tui.plain import literal
from planlens.tui.screens.compare import CompareScreen
from planlens.tui.widgets.details import details_content
from tests.conftest import DATA, MINI
from tests.tui.conftest import LOAD_ROUNDS, SIZE, pilot_test, settle

HOSTILE = DATA / "hostile"
CLICK_TITLE = "[@click=app.quit]QUIT[/]"


def _segments(app: PlanlensApp) -> list[Segment]:
    """Every segment the current screen draws, widget by widget (toasts included)."""
    segments: list[Segment] = []
    for widget in app.screen.walk_children(Widget, with_self=True):
        if not widget.display or not widget.outer_size.area:
            continue
        region = Region(0, 0, *widget.outer_size)
        for strip in widget.render_lines(region):
            segments.extend(strip)
    return segments


def _toasts(app: PlanlensApp) -> list[Content]:
    """What the notifications on the current screen say (drawn apart from the screen)."""
    return [toast.render() for toast in app.screen.query(Toast)]


def screen_text(app: PlanlensApp) -> str:
    """What the current screen shows, as plain text, runs of spaces (wrapping) made one."""
    drawn = "".join(segment.text for segment in _segments(app))
    toasts = " ".join(toast.plain for toast in _toasts(app))
    return " ".join(f"{drawn} {toasts}".split())


def assert_inert(app: PlanlensApp) -> None:
    """No segment on screen carries a click action, and the app is still running."""
    assert app.is_running
    for segment in _segments(app):
        meta = segment.style.meta if segment.style is not None else {}
        assert "@click" not in meta, (segment.text, meta)
    for toast in _toasts(app):
        assert not [span for span in toast.spans if "@click" in str(span.style)], toast.plain


async def _open(pilot: Pilot[Any]) -> PlanlensApp:
    await settle(pilot)
    app = pilot.app
    assert isinstance(app, PlanlensApp)
    assert isinstance(app.screen, CompareScreen)
    return app


def _app() -> PlanlensApp:
    return make_app(load_corpus([HOSTILE]), ["calm", "hostile"])


@pilot_test
async def test_table_details_and_status_show_markup_literally() -> None:
    async with _app().run_test(size=SIZE, notifications=True) as pilot:
        app = await _open(pilot)
        screen = app.screen
        assert isinstance(screen, CompareScreen)
        screen.jump_to("hostile:3")
        await settle(pilot)
        shown = screen_text(app)
        assert "[@click=app.quit]QUIT" in shown
        assert "[bold]x stays open" in shown
        assert_inert(app)


async def palette_entries(pilot: Pilot[Any], query: str) -> list[Content]:
    """Open the command palette, type `query`, and return the entries it lists."""
    app = pilot.app
    await pilot.press("ctrl+p")
    await settle(pilot)
    palette = app.screen
    assert isinstance(palette, CommandPalette)
    await pilot.press(*query)
    commands = palette.query_one(CommandList)
    for _ in range(LOAD_ROUNDS):
        await settle(pilot)
        await palette.workers.wait_for_complete()
        if commands.option_count:
            break
    entries = []
    for index in range(commands.option_count):
        prompt = commands.get_option_at_index(index).prompt
        assert isinstance(prompt, Content)
        entries.append(prompt)
    return entries


def assert_literal(entries: list[Content], needle: str) -> None:
    """Some entry shows `needle` literally; no entry carries a click action."""
    assert any(needle in entry.plain for entry in entries), [e.plain for e in entries]
    for entry in entries:
        assert not [span for span in entry.spans if "@click" in str(span.style)], entry.plain


@pilot_test
async def test_command_palette_shows_titles_literally() -> None:
    async with _app().run_test(size=SIZE, notifications=True) as pilot:
        app = await _open(pilot)
        entries = await palette_entries(pilot, "go to hostile")
        assert_literal(entries, CLICK_TITLE)
        assert_inert(app)


@pilot_test
async def test_command_palette_shows_version_titles_literally() -> None:
    async with _app().run_test(size=SIZE, notifications=True) as pilot:
        app = await _open(pilot)
        entries = await palette_entries(pilot, "compare")
        assert_literal(entries, "[bold red]Owned[/]")
        assert_inert(app)


@pilot_test
async def test_command_palette_survives_a_closing_tag_title() -> None:
    async with _app().run_test(size=SIZE, notifications=True) as pilot:
        app = await _open(pilot)
        entries = await palette_entries(pilot, "hostile:3")
        assert_literal(entries, "hostile:3")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, CompareScreen)
        assert_inert(app)


@pilot_test
async def test_search_for_markup_notifies_literally() -> None:
    async with _app().run_test(size=SIZE, notifications=True) as pilot:
        app = await _open(pilot)
        # The corpus search finds nothing and says so, quoting what was typed literally.
        await pilot.press("slash", *"zzz[/] [@click=app.quit]Q[/]", "enter")
        await settle(pilot)
        assert "Nothing matches “zzz[/] [@click=app.quit]Q[/]”" in screen_text(app)
        assert_inert(app)
        await pilot.press("escape")
        await settle(pilot)
        assert app.is_running


@pilot_test
async def test_jump_to_markup_address_notifies_literally() -> None:
    async with _app().run_test(size=SIZE, notifications=True) as pilot:
        app = await _open(pilot)
        await pilot.press("g", *"hostile:[/]", "enter")
        await settle(pilot)
        assert "[/]" in screen_text(app)
        assert_inert(app)
        await pilot.press("g", *"[@click=app.quit]x:[b]", "enter")
        await settle(pilot)
        assert "[@click=app.quit]x" in screen_text(app)
        assert_inert(app)


@pilot_test
async def test_overview_and_problems_show_markup_literally() -> None:
    async with _app().run_test(size=SIZE, notifications=True) as pilot:
        app = await _open(pilot)
        await pilot.press("o")
        await settle(pilot)
        assert "HOST|ILE</th>" in screen_text(app)
        assert "Elections [@click=app.quit]now[/]" in screen_text(app)
        assert_inert(app)
        await pilot.press("escape", "p")
        await settle(pilot)
        assert_inert(app)


def test_every_notification_goes_through_the_literal_helper() -> None:
    """`notify()` parses its message as markup unless told not to: only `tell` calls it."""
    tui = Path(planlens.tui.__file__).parent
    callers = [
        str(path.relative_to(tui))
        for path in sorted(tui.rglob("*.py"))
        if path.name != "plain.py" and ".notify(" in path.read_text(encoding="utf-8")
    ]
    assert callers == []


MARKUP_PIECES = st.sampled_from(["[", "]", "[/]", "[b]", "[@click=app.quit]", "\\", "$x", "\x1b"])


@given(st.lists(st.one_of(MARKUP_PIECES, st.text(max_size=8)), max_size=10).map("".join))
def test_literal_content_never_parses_markup(text: str) -> None:
    content = literal(text)
    assert content.plain == visible(text)
    assert not content.spans


@pilot_test
async def test_pickers_show_titles_and_topics_literally() -> None:
    async with _app().run_test(size=SIZE, notifications=True) as pilot:
        app = await _open(pilot)
        await pilot.press("v")
        await settle(pilot)
        assert "[bold red]Owned[/]" in screen_text(app)
        assert_inert(app)
        await pilot.press("escape", "t")
        await settle(pilot)
        assert "Elections [@click=app.quit]now[/]" in screen_text(app)
        assert_inert(app)
        await pilot.press("escape", "d")
        await settle(pilot)
        assert_inert(app)


@pilot_test
async def test_problems_screen_shows_messages_literally(tmp_path: Path) -> None:
    shutil.copytree(HOSTILE, tmp_path, dirs_exist_ok=True)
    calm = (tmp_path / "calm.toml").read_text(encoding="utf-8")
    bad = calm.replace('topics = ["elections"]', 'topics = ["[@click=app.quit]x[/]"]')
    (tmp_path / "calm.toml").write_text(bad, encoding="utf-8")
    app = make_app(load_corpus([tmp_path]), ["calm", "hostile"])
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(pilot)
        await pilot.press("p")
        await settle(pilot)
        assert "unknown topic '[@click=app.quit]x[/]'" in screen_text(app)
        assert_inert(app)


def test_details_show_control_characters_of_a_label_in_reported_omissions(
    tmp_path: Path,
) -> None:
    shutil.copytree(HOSTILE, tmp_path, dirs_exist_ok=True)
    hostile = tmp_path / "hostile.toml"
    label = "\x1b[31mHOST\u202eILE"
    text = hostile.read_text(encoding="utf-8")
    hostile.write_text(
        text.replace('short = "HOST|ILE</th>"', 'short = "\\u001b[31mHOST\\u202eILE"'),
        encoding="utf-8",
    )
    comparison = compare(load_corpus([tmp_path]), ["calm", "hostile"])
    (index,) = [i for i, row in enumerate(comparison.rows) if row.omissions]
    shown = details_content(comparison, index, {}).plain
    omissions = shown[shown.index("Reported omissions") :]
    assert f"{visible(label)} dropped calm:2: " in omissions
    assert "\x1b" not in omissions and "\u202e" not in omissions


def test_details_show_control_characters_of_a_label_a_clause_is_added_in(tmp_path: Path) -> None:
    shutil.copytree(MINI, tmp_path, dirs_exist_ok=True)
    beta = tmp_path / "beta.toml"
    beta.write_text(
        beta.read_text(encoding="utf-8").replace('short = "BETA"', 'short = "B\\u001bETA"'),
        encoding="utf-8",
    )
    comparison = compare(load_corpus([tmp_path]), ["alpha", "beta"])
    (added,) = [i for i, row in enumerate(comparison.rows) if row.pairs[0].change == "added"]
    shown = details_content(comparison, added, {}).plain
    assert "not in ALPHA (added in B\\x1bETA)" in shown and "\x1b" not in shown


@pilot_test
async def test_overview_topic_coverage_shows_a_markup_label_literally(tmp_path: Path) -> None:
    shutil.copytree(HOSTILE, tmp_path, dirs_exist_ok=True)
    hostile = tmp_path / "hostile.toml"
    text = hostile.read_text(encoding="utf-8")
    hostile.write_text(
        text.replace('short = "HOST|ILE</th>"', 'short = "[@click=app.quit]Q[/] [b]B"'),
        encoding="utf-8",
    )
    app = make_app(load_corpus([tmp_path]), ["calm", "hostile"])
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await _open(pilot)
        await pilot.press("o")
        await settle(pilot)
        coverage = app.screen.query_one("#coverage", DataTable)
        headers = [column.label.plain for column in coverage.columns.values()]
        assert "[@click=app.quit]Q[/] [b]B" in headers
        assert_inert(app)
