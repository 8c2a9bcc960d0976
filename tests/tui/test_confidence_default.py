"""The details pane marks a clause's confidence that came from its plan's status."""

from __future__ import annotations

from pathlib import Path

from planlens.corpus.load import load_corpus
from planlens.tui import make_app
from planlens.tui.screens.compare import CompareScreen
from planlens.tui.widgets.details import DetailsPane
from tests.conftest import MINI
from tests.tui.conftest import SIZE, pilot_test, settle


@pilot_test
async def test_details_show_a_defaulted_confidence(tmp_path: Path) -> None:
    for source in MINI.glob("*.toml"):
        text = source.read_text(encoding="utf-8")
        if source.name == "beta.toml":  # leaked: its clauses' confidence defaults to confirmed
            text = text.replace('confidence = "confirmed"\n', "")
        (tmp_path / source.name).write_text(text, encoding="utf-8")
    corpus = load_corpus([tmp_path])
    assert corpus.plan("beta").clauses[0].confidence_by_default
    app = make_app(corpus, ["alpha", "beta"])
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, CompareScreen)
        screen.jump_to(f"beta:{corpus.plan('beta').clauses[0].id}")
        await settle(pilot)
        shown = screen.query_one(DetailsPane).text
        assert "[confirmed (default)]" in shown
        assert "[confirmed]" in shown, "alpha's clause gives its confidence"
