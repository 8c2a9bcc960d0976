"""`planlens import` proposes terms from figures and claims no completeness (issue 14, 3–4)."""

from __future__ import annotations

import tomllib
from collections.abc import Callable
from pathlib import Path

import pytest

from planlens.authoring.build import import_draft
from planlens.authoring.terms import propose_terms
from planlens.comparison.build import compare
from planlens.corpus.load import load_corpus
from tests.conftest import BUNDLED, CliResult

Run = Callable[..., CliResult]
DRAFT = """\
1. The armed forces of Ukraine are capped at 800,000 personnel in peacetime.
2. Elections are held within 100 days of signing.
3. A ceasefire begins 72 hours after both sides accept.
4. $100 billion of frozen Russian assets go to US-led reconstruction; the US receives 50% of
the profits.
5. Sanctions imposed since 2014 are lifted in stages.
"""


@pytest.fixture(autouse=True)
def _no_plans_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("PLANLENS_PLANS", raising=False)


@pytest.mark.parametrize(
    ("text", "terms"),
    [
        ("The armed forces are capped at 600,000 troops.", {"army_cap": 600000}),
        ("Elections are held within 100 days.", {"elections_within_days": 100}),
        ("A referendum after at least 60 days of ceasefire.", {"referendum_min_days": 60}),
        ("A referendum needs a ceasefire of at least 60 days.", {"referendum_min_days": 60}),
        # Days within which a referendum is held are not the ceasefire it needs first.
        ("The parties hold a referendum in every region within 60 days.", {}),
        ("A referendum within 60 days of a ceasefire.", {}),
        ("A ceasefire within 24 hours.", {"ceasefire_hours": 24}),
        (
            "$100 billion in frozen assets; the US takes 50% of the profit.",
            {"frozen_assets_usd": 100_000_000_000, "us_profit_share_pct": 50},
        ),
        ("A fund of $800 billion by 2040.", {"recovery_fund_usd": 800_000_000_000}),
        ("The army: 600,000 troops now, 800,000 troops later.", {}),
        ("Sanctions imposed since 2014 are lifted.", {}),
    ],
)
def test_terms_proposed_from_the_figures_of_a_clause(text: str, terms: dict[str, int]) -> None:
    assert propose_terms(text) == terms


def test_import_proposes_terms_and_is_not_complete_by_default() -> None:
    draft = import_draft(DRAFT, "leak")
    assert draft.plan.plan.complete is False
    terms = {c.id: c.terms for c in draft.plan.clauses}
    assert terms["1"] == {"army_cap": 800000}
    assert terms["2"] == {"elections_within_days": 100}
    assert terms["3"] == {"ceasefire_hours": 72}
    assert terms["4"] == {"frozen_assets_usd": 100_000_000_000, "us_profit_share_pct": 50}
    assert terms["5"] == {}
    assert any("complete = false" in line for line in draft.comments.header)
    assert import_draft(DRAFT, "leak", complete=True).plan.plan.complete is True


def test_a_partial_import_leaves_missing_provisions_unknown_and_figures_compared() -> None:
    base = load_corpus([BUNDLED]).plan("us-28")
    draft = import_draft(DRAFT, "leak", based_on=base)
    comparison = compare([base, draft.plan])
    changes = {d.change for row in comparison.rows for d in row.pairs}
    assert "removed" not in changes and "unknown" in changes
    army = next(row for row in comparison.rows if "6" in row.clauses["us-28"])
    figures = {(f.name, f.old, f.new) for d in army.pairs for f in d.figures}
    assert ("army_cap", "600,000", "800,000") in figures
    assert all(f.source == "terms" for d in army.pairs for f in d.figures)


def test_cli_import_says_it_is_not_complete(tmp_path: Path, run_cli: Run) -> None:
    source = tmp_path / "leak.txt"
    source.write_text(DRAFT, encoding="utf-8")
    target = tmp_path / "leak.toml"
    result = run_cli("import", source, "--id", "leak", "-o", target)
    assert result.code == 0, result.err
    assert "complete = false" in result.out and "--complete" in result.out
    data = tomllib.loads(target.read_text(encoding="utf-8"))
    assert data["plan"]["complete"] is False
    assert data["clause"][0]["terms"] == {"army_cap": 800000}
    assert "terms proposed from the figures" in target.read_text(encoding="utf-8")


def test_cli_import_complete_flag(tmp_path: Path, run_cli: Run) -> None:
    source = tmp_path / "leak.txt"
    source.write_text(DRAFT, encoding="utf-8")
    target = tmp_path / "leak.toml"
    result = run_cli("import", source, "--id", "leak", "-o", target, "--complete")
    assert result.code == 0, result.err
    assert "complete = false" not in result.out
    assert tomllib.loads(target.read_text(encoding="utf-8"))["plan"]["complete"] is True
