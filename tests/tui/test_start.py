"""Starting on plan directories: the first frame comes before the plans, which load after it."""

from __future__ import annotations

import subprocess
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import ParamSpec, TypeVar

import pytest
from textual.strip import Strip
from textual.widgets import DataTable, Static

import planlens.comparison.build
import planlens.corpus.load
import planlens.tui.failures
import planlens.tui.layout
import planlens.tui.widgets.provisions
from planlens.corpus.load import Corpus
from planlens.tui import make_app
from planlens.tui.screens.compare import CompareScreen
from planlens.tui.screens.empty import EmptyScreen
from planlens.tui.screens.help import HelpScreen
from planlens.tui.screens.problems import ProblemsScreen
from planlens.tui.screens.start import StartScreen
from planlens.tui.widgets.link_review import LinkReview
from planlens.tui.widgets.provision_table import ProvisionTable
from planlens.tui.widgets.provisions import ProvisionView
from tests.conftest import MINI, REPO
from tests.tui.conftest import SIZE, loaded, pilot_test

P = ParamSpec("P")
R = TypeVar("R")


def test_nothing_of_the_core_is_imported_before_the_first_frame() -> None:
    # What bare `planlens` imports before Textual paints: the CLI, the app, its first screen.
    code = (
        "import sys\n"
        "import planlens.cli\n"
        "from planlens.tui import make_app\n"
        "from planlens.tui.screens.start import StartScreen\n"
        "assert isinstance(make_app().get_default_screen(), StartScreen)\n"
        "core = {'pydantic', 'numpy', 'scipy', 'planlens.corpus.load', 'planlens.corpus.model'}\n"
        "assert not core & set(sys.modules), sorted(core & set(sys.modules))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, check=False
    )
    assert done.returncode == 0, done.stderr


FIRST_ROWS_CHILD = """
import asyncio, sys
from planlens.tui import make_app
from planlens.tui.widgets.provision_table import ProvisionTable
from tests.conftest import MINI
from tests.tui.conftest import SIZE, loaded

LATER = ("planlens.comparison.search", "planlens.authoring", "tomlkit")
imported = {}
render_line = ProvisionTable.render_line

def first_rows(table, y):
    if table.table_layout is not None and not imported:
        imported.update((name, name in sys.modules) for name in LATER)
    return render_line(table, y)

ProvisionTable.render_line = first_rows

async def main():
    app = make_app(plan_dirs=[MINI])
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
    assert imported and not any(imported.values()), imported
    assert all(name in sys.modules for name in LATER[1:])  # the link review's, after the rows

asyncio.run(main())
"""


def test_the_first_rows_are_painted_before_search_and_link_editing_are_imported() -> None:
    # What the first rows do not need must not delay them: corpus search (imported at the first
    # search) and the link review's editing side (filled in a frame after the rows).
    done = subprocess.run(
        [sys.executable, "-c", FIRST_ROWS_CHILD],
        capture_output=True,
        text=True,
        cwd=REPO,
        check=False,
    )
    assert done.returncode == 0, done.stderr


@pilot_test
async def test_starts_on_the_start_screen_then_shows_the_plans(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PLANLENS_CACHE_DIR", str(tmp_path / "empty"))  # no opening kept
    app = make_app(plan_dirs=[MINI])
    async with app.run_test(size=SIZE) as pilot:
        start = app.screen_stack[0]
        assert isinstance(start, StartScreen)
        assert "loading plans" in str(start.query_one("#status", Static).render())
        await loaded(pilot)
        screen = app.screen
        assert isinstance(screen, CompareScreen)
        assert screen.view.plan_ids == ("alpha", "beta")
        assert screen.comparison is not None and screen.table.shown_rows


@pilot_test
async def test_keys_work_while_the_plans_load(monkeypatch: pytest.MonkeyPatch) -> None:
    go_on = threading.Event()
    load_corpus = planlens.corpus.load.load_corpus

    def slow_load(paths: list[Path] | None = None) -> Corpus:
        go_on.wait(timeout=10)
        return load_corpus(paths)

    monkeypatch.setattr(planlens.corpus.load, "load_corpus", slow_load)
    app = make_app(plan_dirs=[MINI])
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("p")
        assert any("still loading" in n.message for n in app._notifications)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        go_on.set()
        await loaded(pilot)
        assert isinstance(app.screen, HelpScreen)  # the dialog opened while loading stays up
        await pilot.press("escape")
        await loaded(pilot)
        screen = app.screen
        assert isinstance(screen, CompareScreen)
        assert screen.comparison is not None


@pilot_test
async def test_problems_found_while_loading_are_noticed_and_listed(mini_copy: Path) -> None:
    (mini_copy / "broken.toml").write_text("[plan\nid = 'broken'\n", encoding="utf-8")
    app = make_app(plan_dirs=[mini_copy])
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await loaded(pilot)
        assert isinstance(app.screen, CompareScreen)
        assert any("1 problem in the plan files" in n.message for n in app._notifications)
        await pilot.press("p")
        await pilot.pause()
        assert isinstance(app.screen, ProblemsScreen)
        table = app.screen.query_one(DataTable)
        cells = [str(cell) for row in range(table.row_count) for cell in table.get_row_at(row)]
        assert "broken.toml" in cells


@pilot_test
async def test_a_directory_without_plans_says_so(tmp_path: Path) -> None:
    app = make_app(plan_dirs=[tmp_path])
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        assert isinstance(app.screen, EmptyScreen)
        assert str(tmp_path) in str(app.screen.query_one(Static).render())


@pilot_test
async def test_an_unknown_version_closes_the_app_with_the_error() -> None:
    app = make_app(plan_ids=["alpha", "nope"], plan_dirs=[MINI])
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
    assert app.return_code == 1
    assert app.startup_error is not None and "nope" in str(app.startup_error)


def counting(calls: dict[str, int], name: str, function: Callable[P, R]) -> Callable[P, R]:
    """`function`, counting its calls in `calls[name]`."""

    def counted(*args: P.args, **kwargs: P.kwargs) -> R:
        calls[name] += 1
        return function(*args, **kwargs)

    return counted


@pytest.mark.parametrize(
    ("size", "plan_ids"),
    [(SIZE, ()), ((90, 30), ()), (SIZE, ("alpha", "beta", "gamma"))],
    ids=["pair", "narrow", "matrix"],
)
@pilot_test
async def test_the_first_versions_are_compared_and_laid_out_once_before_the_view_shows_them(
    size: tuple[int, int], plan_ids: tuple[str, ...], monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = {"compare": 0, "layout": 0, "view's compare worker": 0}
    compare = counting(calls, "compare", planlens.comparison.build.compare)
    monkeypatch.setattr(planlens.comparison.build, "compare", compare)
    layout = counting(calls, "layout", planlens.tui.layout.layout)
    monkeypatch.setattr(planlens.tui.layout, "layout", layout)
    monkeypatch.setattr(planlens.tui.widgets.provisions, "layout", layout)
    worker = counting(calls, "view's compare worker", ProvisionView.compare_versions)
    monkeypatch.setattr(ProvisionView, "compare_versions", worker)
    app = make_app(plan_ids=plan_ids, plan_dirs=[MINI])
    async with app.run_test(size=size) as pilot:
        await loaded(pilot)
        screen = app.screen
        assert isinstance(screen, CompareScreen)
        assert screen.view.plan_ids == (plan_ids or ("alpha", "beta"))
        assert screen.comparison is not None and screen.table.shown_rows
        # Laid out for the width the table got: no second layout once it is on screen.
        assert screen.table_layout is not None
        assert screen.table_layout.width == screen.table.content_width
    assert calls == {"compare": 1, "layout": 1, "view's compare worker": 0}


@pilot_test
async def test_a_first_comparison_that_fails_is_reported_by_the_view(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken_compare(*args: object, **kwargs: object) -> None:
        raise RuntimeError("engine exploded")

    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path))
    monkeypatch.delenv("PLANLENS_DEBUG", raising=False)
    # The log handler made for this test's state directory goes with it.
    monkeypatch.setattr(planlens.tui.failures.LOGGER, "handlers", [])
    monkeypatch.setattr(planlens.comparison.build, "compare", broken_compare)
    app = make_app(plan_dirs=[MINI])
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        screen = app.screen
        assert isinstance(screen, CompareScreen)
        assert screen.comparison is None
        messages = [str(n.message) for n in app._notifications]
        assert sum("engine exploded" in m for m in messages) == 1
        assert app.is_running


@pilot_test
async def test_the_first_rows_are_painted_before_the_link_review_is_filled(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    events: list[str] = []
    render_line = ProvisionTable.render_line
    render_items = LinkReview._render_items

    def rows_painted(table: ProvisionTable, y: int) -> Strip:
        if table.table_layout is not None and "rows" not in events:
            events.append("rows")
        return render_line(table, y)

    def review_filled(review: LinkReview) -> None:
        events.append("review")
        render_items(review)

    monkeypatch.setattr(ProvisionTable, "render_line", rows_painted)
    monkeypatch.setattr(LinkReview, "_render_items", review_filled)
    app = make_app(plan_dirs=[MINI])
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        screen = app.screen
        assert isinstance(screen, CompareScreen)
        review = screen.query_one(LinkReview)
        assert events[:2] == ["rows", "review"]
        assert str(review.render_line(0).text).strip()  # filled after all
