"""A second opening on the same files, versions and width draws the rows in its first frame."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from textual.widgets import Static

from planlens.tui import make_app, preview
from planlens.tui.app import PlanlensApp
from planlens.tui.screens.compare import CompareScreen
from planlens.tui.screens.start import StartScreen
from planlens.tui.widgets.provision_table import ProvisionTable
from tests.conftest import REPO
from tests.tui.conftest import SIZE, loaded, pilot_test

LINES = 12
"""Table lines compared."""


@pytest.fixture
def private_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty cache of this test's own."""
    directory = tmp_path / "cache"
    monkeypatch.setenv("PLANLENS_CACHE_DIR", str(directory))
    return directory


def _lines(table: ProvisionTable) -> list[str]:
    return [table.render_line(y).text for y in range(LINES)]


async def _opened(plan_dirs: list[Path], size: tuple[int, int]) -> tuple[str, list[str]]:
    """Open the app once, to its compare view: the status line and the table's first lines."""
    app = make_app(plan_dirs=plan_dirs)
    async with app.run_test(size=size) as pilot:
        await loaded(pilot)
        screen = app.screen
        assert isinstance(screen, CompareScreen)
        return str(screen.query_one("#status", Static).render()), _lines(screen.table)


async def _start_screen(
    plan_dirs: list[Path], size: tuple[int, int], monkeypatch: pytest.MonkeyPatch
) -> tuple[str, list[str] | None]:
    """Open the app without loading the plans: the start screen's status and table lines."""
    monkeypatch.setattr(PlanlensApp, "load_plans", lambda self, width: None)
    app = make_app(plan_dirs=plan_dirs)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        start = app.screen
        assert isinstance(start, StartScreen) and not app.loaded
        status = str(start.query_one("#status", Static).render())
        tables = list(start.query(ProvisionTable))
        return status, (_lines(tables[0]) if tables else None)


@pilot_test
async def test_a_second_opening_draws_the_first_rows_before_the_plans_load(
    mini_copy: Path, private_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    status, lines = await _opened([mini_copy], SIZE)
    assert any("Army cap" in line for line in lines)
    assert await _start_screen([mini_copy], SIZE, monkeypatch) == (status, lines)


@pilot_test
async def test_an_edited_plan_file_is_not_drawn_from_the_last_opening(
    mini_copy: Path, private_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    await _opened([mini_copy], SIZE)
    plan = mini_copy / "beta.toml"
    plan.write_text(plan.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    status, lines = await _start_screen([mini_copy], SIZE, monkeypatch)
    assert "loading plans" in status and lines is None


@pilot_test
async def test_another_width_or_a_new_file_is_not_drawn_from_the_last_opening(
    mini_copy: Path, private_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    await _opened([mini_copy], SIZE)
    assert (await _start_screen([mini_copy], (120, SIZE[1]), monkeypatch))[1] is None
    (mini_copy / "broken.toml").write_text("[plan\n", encoding="utf-8")
    assert (await _start_screen([mini_copy], SIZE, monkeypatch))[1] is None


@pilot_test
async def test_plan_files_too_large_to_read_before_the_first_frame_get_no_preview(
    mini_copy: Path, private_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(preview, "MAX_READ_BYTES", 100)
    await _opened([mini_copy], SIZE)
    assert list(private_cache.glob("Preview-*")) == []
    status, lines = await _start_screen([mini_copy], SIZE, monkeypatch)
    assert "loading plans" in status and lines is None


@pilot_test
async def test_without_a_cache_the_start_screen_only_says_it_is_loading(
    mini_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PLANLENS_CACHE_DIR", "off")
    await _opened([mini_copy], SIZE)
    status, lines = await _start_screen([mini_copy], SIZE, monkeypatch)
    assert "loading plans" in status and lines is None


PREVIEW_CHILD = """
import asyncio, sys
from planlens.tui import make_app, preview
from planlens.tui.app import PlanlensApp
from planlens.tui.widgets.provision_table import ProvisionTable
from tests.conftest import MINI

SIZE = {size}
PlanlensApp.load_plans = lambda self, width: None

async def main():
    app = make_app(plan_dirs=[MINI])
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.screen.query(ProvisionTable), "no rows drawn"
    core = {"pydantic", "numpy", "planlens.corpus.load", "planlens.corpus.model"}
    assert not core & set(sys.modules), sorted(core & set(sys.modules))

asyncio.run(main())
"""


@pilot_test
async def test_drawing_the_last_opening_imports_nothing_of_the_core(
    private_cache: Path,
) -> None:
    from tests.conftest import MINI

    await _opened([MINI], SIZE)
    child = PREVIEW_CHILD.replace("{size}", repr(SIZE))  # tests.tui.conftest loads the core
    done = subprocess.run(
        [sys.executable, "-c", child], capture_output=True, text=True, cwd=REPO, check=False
    )
    assert done.returncode == 0, done.stderr
