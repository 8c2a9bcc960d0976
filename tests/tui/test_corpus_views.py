"""Pilot tests of the corpus-wide views: search `/`, figures `f`, history `h`, by topic `b`."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.pilot import Pilot
from textual.widgets import DataTable, OptionList, Static

from planlens.comparison.key_changes import topic_groups
from planlens.comparison.model import SpanInfo
from planlens.comparison.search import search
from planlens.comparison.timeline import FigureEntry
from planlens.corpus.load import Corpus, load_corpus
from planlens.tui import make_app
from planlens.tui.app import PlanlensApp
from planlens.tui.commands import ACTIONS
from planlens.tui.screens.compare import CompareScreen
from planlens.tui.screens.corpus_search import CorpusSearchScreen, hit_content
from planlens.tui.screens.figures import FiguresScreen, entry_cells
from planlens.tui.screens.help import HelpScreen
from planlens.tui.screens.history import HistoryScreen, diff_parts
from tests.conftest import BUNDLED
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


async def type_text(pilot: Pilot[Any], text: str) -> None:
    await pilot.press(*[{" ": "space"}.get(char, char) for char in text])


@pilot_test
async def test_enter_after_typing_goes_to_the_first_hit(mini: Corpus) -> None:
    app = make_app(mini)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = compare_screen(app)
        await pilot.press("slash")
        await type_text(pilot, "war")  # alpha:3 ("during the war"), then alpha:4 ("war-damaged")
        await pilot.pause()
        await pilot.press("enter")
        await settle(pilot)
        assert cursor_clauses(app)["alpha"] == ["3"]
        assert screen.search == "war" and len(screen.hits) == 2
        await pilot.press("n")  # n steps to the next hit on screen
        await pilot.pause()
        assert cursor_clauses(app)["alpha"] == ["4"]
        await pilot.press("escape")
        await pilot.pause()
        assert screen.search == "" and screen.table.needle == ""


@pilot_test
async def test_search_lists_hits_in_every_version_and_brings_one_in(mini: Corpus) -> None:
    app = make_app(mini)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("slash")
        await type_text(pilot, "TERRITÓRIAL")  # case and accents do not matter
        await pilot.pause()
        search = app.screen
        assert isinstance(search, CorpusSearchScreen)
        assert [(h.plan, h.clause) for h in search.hits] == [("gamma", "gamma:p2")]
        await pilot.press("down", "enter")  # into the list, choose the hit
        await settle(pilot)
        screen = compare_screen(app)
        assert "gamma" in screen.view.plan_ids
        assert cursor_clauses(app)["gamma"] == ["p2"]


@pilot_test
async def test_search_hits_show_data_literally(mini_copy: Path) -> None:
    beta = mini_copy / "beta.toml"
    beta.write_text(
        beta.read_text(encoding="utf-8").replace(
            'title = "Ceasefire"', 'title = "Ceasefire [@click=app.quit]x[/]"'
        ),
        encoding="utf-8",
    )
    app = make_app(load_corpus([mini_copy]))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("slash")
        await type_text(pilot, "ceasefire")
        await pilot.pause()
        hits = app.screen.query_one("#corpus-search-hits", OptionList)
        prompt = hits.get_option_at_index(0).prompt
        assert str(prompt) == "beta:2  title  Ceasefire [@click=app.quit]x[/]"
        assert str(hits.get_option_at_index(1).prompt).startswith(
            "beta:2  text  A ceasefire begins"
        )
        await pilot.press("escape")
        await pilot.pause()
        assert app.is_running and isinstance(app.screen, CompareScreen)


@pilot_test
async def test_figures_view_draws_each_state_and_jumps(mini_copy: Path) -> None:
    gamma = mini_copy / "gamma.toml"
    gamma.write_text(
        gamma.read_text(encoding="utf-8").replace(
            "terms = { army_cap = 800000 }", 'terms = { army_cap = "none" }'
        ),
        encoding="utf-8",
    )
    app = make_app(load_corpus([mini_copy]))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("f")  # on the Army cap row: opens on army_cap
        await pilot.pause()
        figures = app.screen
        assert isinstance(figures, FiguresScreen) and figures.term == "army_cap"
        table = figures.query_one(DataTable)
        values = [str(table.get_row_at(n)[2]) for n in range(table.row_count)]
        assert values == ["600,000", "800,000", "none (explicitly)"]
        await pilot.press("down")  # elections_within_days: set, silent, unknown
        await pilot.pause()
        values = [str(table.get_row_at(n)[2]) for n in range(table.row_count)]
        assert values == ["100", "— says nothing", "? known only in part"]
        styles = {str(table.get_row_at(n)[2].style) for n in range(table.row_count)}
        assert len(styles) == 3  # three states, three looks
        await pilot.press("up", "tab", "down", "enter")  # army_cap, beta's line
        await settle(pilot)
        assert cursor_clauses(app)["beta"] == ["1"]


@pilot_test
async def test_a_reported_removal_in_the_figures_view_shows_the_version_that_dropped_it() -> None:
    # ua-20 is reported to have dropped us-28:14 (frozen assets): from e3-28 ⇄ eu-24, Enter
    # on ua-20's line shows us-28:14 beside ua-20, not beside whatever was on the left.
    app = make_app(load_corpus([BUNDLED]), ["e3-28", "eu-24"])
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("f")
        await pilot.pause()
        figures = app.screen
        assert isinstance(figures, FiguresScreen)
        figures.show_term("frozen_assets_usd")
        line = next(
            n for n, e in enumerate(figures.timeline["frozen_assets_usd"]) if e.plan == "ua-20"
        )
        table = figures.query_one(DataTable)
        table.focus()
        table.move_cursor(row=line)
        await pilot.press("enter")
        await settle(pilot)
        screen = compare_screen(app)
        assert screen.view.plan_ids == ("us-28", "ua-20")
        assert cursor_clauses(app)["us-28"] == ["14"]


@pilot_test
async def test_history_of_the_provision_under_the_cursor(mini: Corpus) -> None:
    app = make_app(mini)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = compare_screen(app)
        assert screen.comparison is not None
        rows = screen.comparison.rows
        screen.table.move_to(
            next(
                n
                for n, r in enumerate(screen.table.shown_rows)
                if rows[r].clauses["alpha"] == ["3"]
            )
        )
        await pilot.press("h")
        await settle(pilot)
        history = app.screen
        assert isinstance(history, HistoryScreen) and history.history is not None
        states = [(v.plan, v.state) for v in history.history.versions]
        assert states == [("alpha", "present"), ("beta", "removed-reported"), ("gamma", "unknown")]
        body = str(history.query_one("#history-body", Static).render())
        assert "removed (reported)" in body and "The amnesty is reported" in body
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, CompareScreen)


@pilot_test
async def test_b_groups_the_rows_by_topic(mini_copy: Path) -> None:
    alpha = mini_copy / "alpha.toml"  # the amnesty (row 3) joins the army cap's topic (row 1)
    alpha.write_text(
        alpha.read_text(encoding="utf-8").replace(
            'topics = ["amnesty"]', 'topics = ["military-limits"]'
        ),
        encoding="utf-8",
    )
    app = make_app(load_corpus([mini_copy]))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = compare_screen(app)
        assert screen.comparison is not None
        before = list(screen.table.shown_rows)
        await pilot.press("b")
        await pilot.pause()
        grouped = [i for g in topic_groups(screen.comparison) for i in g.rows]
        assert screen.table.shown_rows == grouped != before
        assert grouped[:2] == [0, 3]  # army cap, then the amnesty (after the added ceasefire)
        assert "grouped by topic" in str(screen.query_one("#status", Static).render())
        await pilot.press("b")
        await pilot.pause()
        assert screen.table.shown_rows == before


@pilot_test
async def test_the_new_keys_are_in_help_and_palette(mini: Corpus) -> None:
    app = make_app(mini)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        text = str(app.screen.query_one("#help-body", Static).render())
        for key, words in (("/", "Search"), ("f", "Figures"), ("h", "History"), ("b", "By topic")):
            assert f"{key}" in text and words in text
    actions = {action for _, _, action in ACTIONS}
    assert {"search", "figures", "history", "toggle_by_topic"} <= actions


@pilot_test
async def test_a_query_that_looks_like_markup_and_matches_nothing_is_shown_literally(
    mini: Corpus,
) -> None:
    app = make_app(mini)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("slash")
        await type_text(pilot, "[/]zzz")  # was a MarkupError that closed the app
        await pilot.press("enter")
        await settle(pilot)
        assert app.is_running and isinstance(app.screen, CorpusSearchScreen)
        [note] = list(app._notifications)
        assert note.message == "Nothing matches “[/]zzz”."
        assert note.markup is False


def test_a_history_diff_never_runs_a_deletion_into_an_insertion() -> None:
    spans = [
        SpanInfo(op="equal", text="limited to "),
        SpanInfo(op="delete", text="600,000"),
        SpanInfo(op="insert", text="800,000"),
        SpanInfo(op="equal", text=" personnel "),
        SpanInfo(op="delete", text="at all times "),
        SpanInfo(op="insert", text="in peacetime"),
    ]
    plain = "".join(part if isinstance(part, str) else part[0] for part in diff_parts(spans))
    assert plain == "limited to 600,000 800,000 personnel at all times in peacetime"


def test_an_omission_hit_names_the_version_that_reports_it(mini: Corpus) -> None:
    [hit] = search(mini, "amnesty is reported")  # beta's omission of alpha:3
    assert (hit.plan, hit.clause, hit.field) == ("beta", "alpha:3", "omission")
    assert hit_content(hit).plain.startswith("alpha:3  omission in beta  ")


def test_the_figures_view_draws_a_reported_removal_with_its_omission() -> None:
    entry = FigureEntry(
        plan="ua-20",
        label="UA-20",
        date="2025-12-23",
        clause="us-28:14",
        value=None,
        shown=None,
        state="removed",
        confidence="reported",
        note="Not in the 20 points as read out.",
    )
    cells = [cell.plain for cell in entry_cells(entry, {})]
    assert cells[2:4] == ["removed (reported)", "us-28:14"]
    assert cells[5] == "Not in the 20 points as read out."
