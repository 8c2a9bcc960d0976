"""A clause may leave out `confidence`: it then follows its plan's status, and is shown as a
default where it is shown at all."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path

import pytest

from planlens.corpus.load import load_corpus
from planlens.corpus.model import Clause, PlanFile
from planlens.report.schemas import schema_json
from tests.conftest import CliResult
from tests.helpers import plan_text

Run = Callable[..., CliResult]


def quick_plan(status: str) -> str:
    """A plan file whose first clause gives no confidence, and a second that does."""
    text = plan_text("quick").replace('status = "official"', f'status = "{status}"')
    text = text.replace('confidence = "confirmed"\n', "")
    return text + '\n[[clause]]\nid = "2"\ntext = "Given."\nconfidence = "uncertain"\n'


@pytest.mark.parametrize(
    ("status", "default"),
    [
        ("official", "confirmed"),
        ("leaked", "confirmed"),
        ("reported", "reported"),
        ("reconstructed", "reported"),
    ],
)
def test_the_default_follows_the_status(status: str, default: str, tmp_path: Path) -> None:
    (tmp_path / "quick.toml").write_text(quick_plan(status), encoding="utf-8")
    corpus = load_corpus([tmp_path])
    assert corpus.errors == ()
    first, second = corpus.plan("quick").clauses
    assert (first.confidence, first.confidence_by_default) == (default, True)
    assert first.confidence_label == f"{default} (default)"
    assert (second.confidence, second.confidence_by_default) == ("uncertain", False)
    assert second.confidence_label == "uncertain"


def test_show_marks_the_default(tmp_path: Path, run_cli: Run) -> None:
    (tmp_path / "quick.toml").write_text(quick_plan("leaked"), encoding="utf-8")
    result = run_cli("show", "quick:1", "--plans", tmp_path)
    assert result.code == 0, result.err
    assert "(confirmed (default))" in result.out


def test_the_schema_lets_a_clause_leave_it_out() -> None:
    clause = json.loads(schema_json("plan"))["$defs"]["Clause"]
    assert "confidence" not in clause["required"]
    assert "confidence" in clause["properties"]


def test_a_clause_built_in_code_still_names_its_confidence() -> None:
    with pytest.raises(ValueError, match="confidence"):
        Clause.model_validate({"id": "1", "text": "x"})
    plan = PlanFile.model_validate(
        {
            "plan": {
                "id": "p",
                "title": "P",
                "date": dt.date(2025, 1, 1),
                "kind": "plan",
                "status": "reported",
                "fidelity": "summary",
            },
            "clause": [{"id": "1", "text": "x"}],
        }
    )
    assert plan.clauses[0].confidence == "reported"
