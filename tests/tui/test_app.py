"""Pilot tests of the key flows: what a user presses and what the app then shows."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import DataTable, Input, Static

from planlens.corpus.load import Corpus, load_corpus
from planlens.report import FORMATS
from planlens.tui import make_app
from planlens.tui.app import PlanlensApp
from planlens.tui.screens.compare import CompareScreen
from planlens.tui.screens.confirm import ConfirmScreen
from planlens.tui.screens.empty import EmptyScreen
from planlens.tui.screens.export import ExportScreen
from planlens.tui.screens.help import HelpScreen
from planlens.tui.screens.problems import ProblemsScreen
from planlens.tui.styled import plain
from planlens.tui.widgets.details import DetailsPane
from planlens.tui.widgets.provision_table import ProvisionTable
from tests.tui.conftest import SIZE, pilot_test, settle


def compare_screen(app: PlanlensApp) -> CompareScreen:
    screen = app.screen
    assert isinstance(screen, CompareScreen), screen
    return screen


def cursor_clauses(app: PlanlensApp) -> dict[str, list[str]]:
    screen = compare_screen(app)
    row = screen.table.cursor_row
    assert screen.comparison is not None and row is not None
    return screen.comparison.rows[row].clauses


def screen_text(app: PlanlensApp) -> str:
    """Every line the table draws, as plain text (what a user reads)."""
    table = compare_screen(app).table
    lines = []
    for y in range(table.scrollable_content_region.height):
        lines.append("".join(segment.text for segment in table.render_line(y)))
    return "\n".join(lines)


def details_text(app: PlanlensApp) -> str:
    return compare_screen(app).query_one(DetailsPane).text


async def type_text(pilot: Pilot[Any], text: str) -> None:
    await pilot.press(*list(text))


@pilot_test
async def test_starts_on_the_default_pair(mini: Corpus) -> None:
    app = make_app(mini)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = compare_screen(app)
        assert screen.view.plan_ids == ("alpha", "beta")
        assert screen.comparison is not None
        assert screen.table.cursor_row == 0
        assert screen.table.has_focus
        assert "Army cap" in screen_text(app)


@pilot_test
async def test_bundled_corpus_opens_on_us28_against_its_newest_descendant() -> None:
    from tests.conftest import BUNDLED

    app = make_app(load_corpus([BUNDLED]))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = compare_screen(app)
        assert screen.view.plan_ids[0] == "us-28"
        assert screen.comparison is not None and len(screen.comparison.rows) > 20


@pilot_test
async def test_keys_change_the_versions_shown(mini: Corpus) -> None:
    app = make_app(mini)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = compare_screen(app)
        await pilot.press("right_square_bracket")
        await settle(pilot)
        assert screen.view.plan_ids == ("alpha", "gamma")
        await pilot.press("left_curly_bracket")
        await settle(pilot)
        assert screen.view.plan_ids == ("beta", "gamma")
        await pilot.press("x")
        await settle(pilot)
        assert screen.view.plan_ids == ("gamma", "beta")
        assert screen.comparison is not None
        assert [p.id for p in screen.comparison.plans] == ["gamma", "beta"]


@pilot_test
async def test_a_version_not_yet_compared_keeps_the_cursor_on_its_provision(mini: Corpus) -> None:
    app = make_app(mini)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = compare_screen(app)
        await pilot.press("j", "j", "j", "j")
        before = cursor_clauses(app)["beta"]
        # Reconstruction: the fifth row here, the fourth against gamma.
        assert before == ["4"] and screen.table.cursor_row == 4
        await pilot.press("left_curly_bracket")
        await settle(pilot)
        assert screen.view.plan_ids == ("gamma", "beta")
        assert cursor_clauses(app)["beta"] == before


@pilot_test
async def test_picker_chooses_three_versions_for_the_matrix(mini: Corpus) -> None:
    app = make_app(mini)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("v")
        await pilot.pause()
        await pilot.press("down", "down", "space", "a")
        await settle(pilot)
        screen = compare_screen(app)
        assert screen.view.plan_ids == ("alpha", "beta", "gamma")
        assert screen.table_layout is not None and screen.table_layout.mode == "matrix"


@pilot_test
async def test_next_and_previous_change(mini: Corpus) -> None:
    app = make_app(mini)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = compare_screen(app)
        assert screen.comparison is not None
        rows = screen.comparison.rows
        await pilot.press("n")
        await pilot.pause()
        first = screen.table.cursor_row
        assert first is not None and first != 0
        assert rows[first].pairs[0].change != "unchanged"
        await pilot.press("n", "N")
        await pilot.pause()
        assert screen.table.cursor_row == first
        await pilot.press("j", "k", "k")
        await pilot.pause()
        assert screen.table.cursor_row == first - 1


@pilot_test
async def test_filter_by_topic_and_class_and_hide_unchanged(mini: Corpus) -> None:
    app = make_app(mini)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = compare_screen(app)
        assert screen.comparison is not None
        rows = screen.comparison.rows
        total = len(screen.table.shown_rows)
        await pilot.press("u")
        await pilot.pause()
        assert all(rows[i].pairs[0].change != "unchanged" for i in screen.table.shown_rows)
        assert len(screen.table.shown_rows) < total
        await pilot.press("u", "t")
        await pilot.pause()
        await type_text(pilot, "")
        await pilot.press("down", "enter")  # the first topic after "All topics"
        await pilot.pause()
        topic = screen.view.topic
        assert topic is not None
        assert all(topic in rows[i].topics for i in screen.table.shown_rows)
        await pilot.press("r", "c")
        await pilot.pause()
        await pilot.press("space", "a")  # the first class listed
        await pilot.pause()
        (chosen,) = screen.view.classes
        assert screen.table.shown_rows
        assert all(rows[i].pairs[0].change == chosen for i in screen.table.shown_rows)
        await pilot.press("r")
        await pilot.pause()
        assert len(screen.table.shown_rows) == total


@pilot_test
async def test_jump_to_an_address_even_in_a_version_not_shown(mini: Corpus) -> None:
    app = make_app(mini)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = compare_screen(app)
        await pilot.press("g")
        await type_text(pilot, "beta:3")
        await pilot.press("enter")
        await pilot.pause()
        assert cursor_clauses(app)["beta"] == ["3"]
        await pilot.press("g")
        await type_text(pilot, "4.a")
        await pilot.press("enter")
        await pilot.pause()
        assert cursor_clauses(app)["alpha"] == ["4.a"]
        await pilot.press("g")
        await type_text(pilot, "gamma:p2")
        await pilot.press("enter")
        await settle(pilot)
        assert screen.view.plan_ids == ("alpha", "gamma")
        assert cursor_clauses(app)["gamma"] == ["p2"]
        await pilot.press("g")
        await type_text(pilot, "alpha:99")
        await pilot.press("enter")
        await pilot.pause()
        assert cursor_clauses(app)["gamma"] == ["p2"]


@pilot_test
async def test_export_writes_a_report_through_the_registry(mini: Corpus, tmp_path: Path) -> None:
    if not FORMATS:
        pytest.skip("no report format registered yet")
    app = make_app(mini)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("e")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ExportScreen)
        fmt = next(iter(FORMATS.values()))
        assert dialog.query_one("#export-path", Input).value.endswith(
            f"planlens-alpha-vs-beta{fmt.extension}"
        )
        target = tmp_path / f"out{fmt.extension}"
        dialog.query_one("#export-path", Input).value = str(target)
        await pilot.press("enter")
        await settle(pilot)
        assert target.is_file() and target.stat().st_size > 0
        first = target.read_text(encoding="utf-8")
        assert "alpha" in first.lower()

        target.write_text("keep me", encoding="utf-8")
        await pilot.press("e")
        await pilot.pause()
        app.screen.query_one("#export-path", Input).value = str(target)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, ExportScreen)
        assert target.read_text(encoding="utf-8") == "keep me"
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("y")
        await settle(pilot)
        assert target.read_text(encoding="utf-8") == first

        await pilot.press("e")
        await pilot.pause()
        app.screen.query_one("#export-path", Input).value = str(tmp_path / "missing" / "x")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ExportScreen)
        error = app.screen.query_one("#export-error", Static)
        assert "does not exist" in str(error.render())


@pilot_test
async def test_broken_file_opens_with_the_valid_plans_and_lists_problems(mini_copy: Path) -> None:
    (mini_copy / "broken.toml").write_text("[plan\nid = 'broken'\n", encoding="utf-8")
    corpus = load_corpus([mini_copy])
    app = make_app(corpus)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(pilot)
        assert compare_screen(app).comparison is not None
        assert any("Press p" in n.message for n in app._notifications)
        await pilot.press("p")
        await pilot.pause()
        assert isinstance(app.screen, ProblemsScreen)
        table = app.screen.query_one(DataTable)
        cells = [str(cell) for row in range(table.row_count) for cell in table.get_row_at(row)]
        assert "broken.toml" in cells
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, CompareScreen)


@pilot_test
async def test_the_highlighted_problem_is_shown_whole_below_the_table(mini_copy: Path) -> None:
    # At 80 columns the table cuts a long message; the line below it gives all of it.
    plan = "[plan]\nid = 'nokind'\ntitle = 'T'\ndate = 2025-01-01\nstatus = 'leaked'\n"
    (mini_copy / "nokind.toml").write_text(plan + "fidelity = 'summary'\n", "utf-8")
    app = make_app(load_corpus([mini_copy]))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("p")
        await pilot.pause()
        assert isinstance(app.screen, ProblemsScreen)
        [problem] = [p for p in app.screen.problems if "kind" in p.message]
        whole = f"{problem.message} (expected {problem.expected})"
        assert len(whole) > 80  # too wide for the table's message column at 80 columns
        detail = str(app.screen.query_one("#problem-detail", Static).render())
        assert "nokind.toml" in detail
        assert "".join(whole.split()) in "".join(detail.split())


@pilot_test
async def test_empty_corpus_says_what_to_do(tmp_path: Path) -> None:
    app = make_app(load_corpus([tmp_path]), plan_dirs=[tmp_path])
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, EmptyScreen)
        text = str(app.screen.query_one(Static).render())
        assert "No versions to compare" in text and str(tmp_path) in text
        await pilot.press("q")


HOSTILE = (
    "Ruled [bold]in bold[/bold] [link=https://evil.example]here[/link] "
    "\x1b[31mred\x1b[0m [@click=app.quit]x[/]"
)


@pilot_test
async def test_hostile_text_stays_literal(mini_copy: Path) -> None:
    alpha = mini_copy / "alpha.toml"
    source = alpha.read_text(encoding="utf-8")
    escaped = HOSTILE.replace("\x1b", "\\u001b")
    alpha.write_text(
        source.replace('title = "Amnesty"', 'title = "[red]Amnesty[/red]"').replace(
            "All parties receive a full amnesty for their actions during the war.", escaped
        ),
        encoding="utf-8",
    )
    corpus = load_corpus([mini_copy])
    app = make_app(corpus)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("g")
        await type_text(pilot, "alpha:3")
        await pilot.press("enter")
        await pilot.pause()
        drawn = screen_text(app)
        assert "[bold]in bold[/bold]" in drawn
        assert "[red]Amnesty[/red]" in drawn
        assert "\\x1b[31mred" in drawn and "\x1b" not in drawn
        details = details_text(app)
        assert "[@click=app.quit]x[/]" in details and "\x1b" not in details
        assert app.is_running


@pilot_test
async def test_unknown_and_removed_look_different(mini_copy: Path) -> None:
    beta = mini_copy / "beta.toml"
    beta.write_text(beta.read_text(encoding="utf-8").split("[[omission]]")[0], encoding="utf-8")
    app = make_app(load_corpus([mini_copy]))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = compare_screen(app)
        removed = re.search(r"(.)\s+removed\s+│.*not in BETA", screen_text(app))
        assert removed is not None and removed.group(1) == "-"
        assert screen.table_layout is not None
        removed_marks = {
            piece
            for block in screen.table_layout.rows
            for line in block.cells[2]
            for piece in line
            if plain((piece,)) == "-"
        }
        await pilot.press("right_square_bracket")
        await settle(pilot)
        await pilot.press("right_curly_bracket")  # beta against gamma, a partly known version
        await settle(pilot)
        assert screen.view.plan_ids == ("beta", "gamma")
        drawn = screen_text(app)
        assert "? unknown" in drawn and "not known: GAMMA is known only in part" in drawn
        assert "removed" not in drawn
        assert screen.table_layout is not None
        unknown_marks = {
            piece
            for block in screen.table_layout.rows
            for line in block.cells[2]
            for piece in line
            if plain((piece,)) == "?"
        }
        assert unknown_marks and removed_marks
        assert {style for _, style in unknown_marks}.isdisjoint(
            {style for _, style in removed_marks}
        )


@pilot_test
async def test_help_lists_every_binding(mini: Corpus) -> None:
    app = make_app(mini)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        text = str(app.screen.query_one("#help-body", Static).render())
        for binding in [*CompareScreen.BINDINGS, *ProvisionTable.BINDINGS, *PlanlensApp.BINDINGS]:
            description = getattr(binding, "description", "")
            assert description in text
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, CompareScreen)


@pilot_test
async def test_mouse_click_selects_a_row(mini: Corpus) -> None:
    app = make_app(mini)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = compare_screen(app)
        table = screen.table
        offset = table._offsets[2]
        await pilot.click(ProvisionTable, offset=(10, offset))
        await pilot.pause()
        assert table.cursor_row == table.shown_rows[2]
        assert screen.comparison is not None
        assert cursor_clauses(app) == screen.comparison.rows[table.shown_rows[2]].clauses
