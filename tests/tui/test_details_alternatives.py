"""The details pane and the provision table: sources laid out, each bracketed alternative apart."""

from __future__ import annotations

from planlens.comparison.build import compare
from planlens.corpus.load import load_corpus
from planlens.tui import make_app
from planlens.tui.layout import layout
from planlens.tui.screens.compare import CompareScreen
from planlens.tui.styled import plain
from planlens.tui.widgets.details import DetailsPane, details_content, hanging_wrap
from tests.conftest import BUNDLED
from tests.tui.conftest import pilot_test, settle


def test_sources_put_a_space_before_the_url_and_wrap_under_their_text() -> None:
    comparison = compare(load_corpus([BUNDLED]), ["us-28", "ua-20"], topic="zaporizhzhia-npp")
    content = details_content(comparison, 0, {})
    plain = content.plain
    sources = plain[plain.index("\nSources\n") :]
    source = comparison.plan("ua-20").sources[0]
    assert source.date is not None
    assert f"{source.title} ({source.date.isoformat()}) {source.url}" in sources
    lines = [line.plain for line in hanging_wrap(content, 60)]
    start = lines.index("Sources")
    entry = next(n for n in range(start, len(lines)) if source.publisher in lines[n])
    assert lines[entry].startswith("    " + source.publisher)
    assert lines[entry + 1].startswith("    ") and lines[entry + 1][4] != " "
    assert all(len(line) <= 60 for line in lines)


def test_provision_table_labels_each_alternative_with_its_own_diff() -> None:
    comparison = compare(load_corpus([BUNDLED]), ["us-28", "ua-20"], topic="zaporizhzhia-npp")
    table = layout(comparison, 158)
    new_side = " ".join(plain(line) for line in table.rows[0].cells[-1])
    first = new_side.index("⟦alternative 12.alt-a⟧")
    second = new_side.index("⟦alternative 12.alt-b⟧")
    assert "chief operator" in new_side[first:second]
    assert "joint venture" in new_side[second:]


@pilot_test
async def test_details_pane_draws_sources_and_alternatives_wrapped_under_their_text() -> None:
    app = make_app(load_corpus([BUNDLED]), ["us-28", "ua-20"])
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, CompareScreen)
        assert screen.comparison is not None
        row = next(r.index for r in screen.comparison.rows if "19" in r.clauses["us-28"])
        while screen.table.cursor_row != row:
            await pilot.press("down")
            await settle(pilot)
        pane = screen.query_one(DetailsPane)
        width = pane.scrollable_content_region.width
        lines = pane.wrapped_lines
        text = "\n".join(lines)
        assert "alternative ua-20:12.alt-a" in text and "alternative ua-20:12.alt-b" in text
        source = screen.comparison.plan("ua-20").sources[0]
        entry = next(
            n for n, line in enumerate(lines) if line.startswith("    " + source.publisher)
        )
        assert lines[entry + 1].startswith("    ") and lines[entry + 1][4] != " "
        assert all(len(line) <= width for line in lines)
