"""The overview (`o`): versions, lineage, the similarity heat map and topic coverage.

The heat map's figures come from `planlens.comparison.overview`; a pair with too little known in
common reads `few`, never a share such as 100 % between texts that share almost nothing.
"""

from __future__ import annotations

import pytest
from textual.containers import HorizontalScroll
from textual.widgets import DataTable, Static

from planlens.comparison.build import compare
from planlens.comparison.overview import MIN_KNOWN, Similarity, pair_similarity, similarity_pairs
from planlens.corpus.load import Corpus, load_corpus
from planlens.tui import make_app
from planlens.tui.screens.compare import CompareScreen
from planlens.tui.screens.overview import OverviewScreen
from planlens.tui.widgets.heatmap import cell, heatmap_content
from tests.conftest import BUNDLED
from tests.tui.conftest import SIZE, pilot_test, settle


def similar(known: int, unknown: int, shared: int | None = None) -> Similarity:
    return Similarity("a", "b", 0, known if shared is None else shared, known, unknown)


@pytest.mark.parametrize(
    ("known", "unknown", "too_little"),
    [
        (MIN_KNOWN - 1, 0, True),  # too few provisions of known fate
        (MIN_KNOWN, 0, False),
        (5, 6, True),  # 5 of 11 is under half
        (5, 5, False),  # 5 of 10 is half
        (12, 29, True),  # e3-28 and eu-24: 12 of 41
        (0, 0, True),
    ],
)
def test_too_little_known_is_not_measured(known: int, unknown: int, too_little: bool) -> None:
    similarity = similar(known, unknown)
    assert similarity.too_little is too_little
    assert similarity.measured_share == (None if too_little else similarity.share)


def test_cells_say_few_or_na_instead_of_a_share() -> None:
    assert cell(similar(1, 26), pending=False)[0].strip() == "few"
    assert cell(similar(0, 19), pending=False)[0].strip() == "n/a"
    assert cell(None, pending=True)[0].strip() == "··"
    assert cell(similar(6, 0, shared=4), pending=False)[0].strip() == "67%"


@pytest.fixture(scope="module")
def bundled() -> Corpus:
    return load_corpus([BUNDLED])


def test_two_texts_sharing_one_provision_are_not_100_percent_alike(bundled: Corpus) -> None:
    similarity = pair_similarity(compare(bundled, ["ep-res", "prosperity"]))
    assert (similarity.shared, similarity.known) == (1, 1)
    assert similarity.share == 1.0 and similarity.too_little
    ids = ["ep-res", "prosperity"]
    labels = {pid: bundled.plan(pid).plan.label for pid in ids}
    drawn = heatmap_content(ids, labels, {("ep-res", "prosperity"): similarity}).plain
    assert "100%" not in drawn
    assert drawn.splitlines()[1].split()[-2:] == ["──", "few"]


def test_two_partial_texts_are_not_100_percent_alike_on_what_both_have(bundled: Corpus) -> None:
    similarity = pair_similarity(compare(bundled, ["e3-28", "eu-24"]))
    # Both are known in part: most provisions' fate is unknown, and what is known is nearly
    # all shared (by construction), so a share would read as near-total likeness.
    assert similarity.shared >= similarity.known - 1 and (similarity.share or 0) > 0.9
    assert similarity.unknown > similarity.known and similarity.too_little
    us_e3 = pair_similarity(compare(bundled, ["us-28", "e3-28"]))
    assert not us_e3.too_little and 0.5 < (us_e3.measured_share or 0) < 1


@pilot_test
async def test_the_overview_shows_versions_lineage_heat_map_and_topics(mini: Corpus) -> None:
    app = make_app(mini)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("o")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, OverviewScreen)
        versions = screen.query_one("#versions", DataTable)
        assert [str(versions.get_row_at(n)[1]) for n in range(versions.row_count)] == [
            "ALPHA",
            "BETA",
            "GAMMA",
        ]
        lineage = str(screen.query_one("#lineage", Static).content)
        assert [line.split()[0] for line in lineage.splitlines()] == ["ALPHA", "└─", "└─"]
        heatmap = str(screen.query_one("#heatmap", Static).content).splitlines()
        assert heatmap[1].split()[-3:] == ["──", "67%", "few"]
        assert heatmap[3].split()[-3:] == ["few", "few", "──"]
        assert str(screen.query_one("#heatmap-progress", Static).content) == ""
        assert set(app.similarities) == {("alpha", "beta"), ("alpha", "gamma"), ("beta", "gamma")}
        coverage = screen.query_one("#coverage", DataTable)
        rows = {
            str(coverage.get_row_at(n)[0]): coverage.get_row_at(n)[1:]
            for n in range(coverage.row_count)
        }
        assert rows["Reconstruction"] == ["2", "2", "·"]
        await pilot.press("o")
        await settle(pilot)
        assert isinstance(app.screen, CompareScreen)


@pilot_test
async def test_similarities_are_computed_once_per_session(mini: Corpus) -> None:
    app = make_app(mini)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("o")
        await settle(pilot)
        first = dict(app.similarities)
        await pilot.press("escape", "o")
        await settle(pilot)
        assert isinstance(app.screen, OverviewScreen)
        assert all(app.similarities[pair] is first[pair] for pair in first)
        assert not app.workers


@pilot_test
async def test_the_overview_stacks_its_middle_on_a_narrow_terminal(mini: Corpus) -> None:
    app = make_app(mini)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("o")
        await settle(pilot)
        screen = app.screen
        assert screen.has_class("-narrow")
        lineage = screen.query_one("#lineage-box").region
        heatmap = screen.query_one("#heatmap-box").region
        assert heatmap.y > lineage.y and heatmap.x == lineage.x


@pytest.mark.parametrize(("size", "scrolls"), [(SIZE, False), ((80, 24), True)])
@pilot_test
async def test_the_heat_map_of_every_bundled_version_keeps_its_rows_whole(
    bundled: Corpus, size: tuple[int, int], scrolls: bool
) -> None:
    app = make_app(bundled)
    app.similarities.update(
        {pair: similar(10, 0) for pair in similarity_pairs(bundled.ids)}
    )  # no worker: the map is drawn at once, every cell a share
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        await pilot.press("o")
        await settle(pilot)
        heatmap = app.screen.query_one("#heatmap", Static)
        lines = str(heatmap.content).splitlines()
        assert len(lines) == len(bundled.ids) + 1 == 17
        assert heatmap.size == (max(len(line) for line in lines), len(lines))
        scroll = app.screen.query_one("#heatmap-scroll", HorizontalScroll)
        assert (scroll.max_scroll_x > 0) is scrolls
        if not scrolls:
            assert heatmap.region.right <= size[0]
