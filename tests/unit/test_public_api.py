"""The public API of the package, as the README documents it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

MINI = Path(__file__).resolve().parents[1] / "data" / "mini"


def test_documented_names_work_together(tmp_path: Path) -> None:
    from planlens import compare, load_corpus, write_report

    corpus = load_corpus([MINI])
    comparison = compare(corpus, ["alpha", "beta"], changed_only=True)
    assert [plan.id for plan in comparison.plans] == ["alpha", "beta"]
    assert all(any(p.change != "unchanged" for p in row.pairs) for row in comparison.rows)
    out = write_report(comparison, "md", tmp_path / "report.md")
    assert out.read_text("utf-8").startswith("# ")


def test_importing_the_package_loads_no_stage() -> None:
    code = (
        "import sys, planlens\n"
        "heavy = [m for m in ('pydantic', 'numpy', 'planlens.corpus', 'planlens.comparison')"
        " if m in sys.modules]\n"
        "assert not heavy, heavy\n"
        "assert callable(planlens.compare) and 'planlens.comparison.build' in sys.modules\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_unknown_name_is_an_attribute_error() -> None:
    import planlens

    with pytest.raises(AttributeError, match="no attribute 'nope'"):
        _ = planlens.nope
