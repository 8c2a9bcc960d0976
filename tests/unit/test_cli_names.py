"""Every command that takes a version accepts its label (GEN-19) as well as its id."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from tests.conftest import BUNDLED, CliResult

Run = Callable[..., CliResult]


def test_diff_accepts_the_labels_shown_as_column_headers(run_cli: Run) -> None:
    by_label = run_cli("diff", "us-28", "GEN-19", "--plans", BUNDLED)
    by_id = run_cli("diff", "us-28", "geneva-19", "--plans", BUNDLED)
    assert by_label.code == 0, by_label.err
    assert by_label.out == by_id.out


def test_report_and_align_accept_labels_in_any_case(run_cli: Run) -> None:
    report = run_cli("report", "ldn-apr", "Berlin", "-f", "json", "--plans", BUNDLED)
    assert report.code == 0, report.err
    assert [plan["id"] for plan in json.loads(report.out)["plans"]] == ["london-apr", "eu-berlin"]
    matrix = run_cli("align", "PARIS", "prosper", "-f", "json", "--plans", BUNDLED)
    assert matrix.code == 0, matrix.err
    assert json.loads(matrix.out)["plans"] == ["paris-decl", "prosperity"]


def test_an_id_and_its_label_are_one_version(run_cli: Run) -> None:
    result = run_cli("diff", "geneva-19", "GEN-19", "--plans", BUNDLED)
    assert result.code == 2
    assert "each version can be compared once: geneva-19" in result.err


def test_an_unknown_label_suggests_the_closest(run_cli: Run) -> None:
    result = run_cli("diff", "us-28", "GEN19", "--plans", BUNDLED)
    assert result.code == 1
    assert "did you mean geneva-19 (GEN-19)?" in result.err
    assert "Traceback" not in result.err


def test_show_accepts_a_label_and_prints_the_canonical_address(run_cli: Run) -> None:
    result = run_cli("show", "gen-19:p3", "-f", "json", "--plans", BUNDLED)
    assert result.code == 0, result.err
    assert json.loads(result.out)["address"] == "geneva-19:p3"
    plan = run_cli("show", "PARIS", "-f", "json", "--plans", BUNDLED)
    assert json.loads(plan.out)["plan"]["id"] == "paris-decl"


def test_list_shows_ids_and_labels(run_cli: Run) -> None:
    result = run_cli("list", "--plans", BUNDLED)
    assert result.code == 0
    header, *rows = result.out.splitlines()
    assert header.split()[:2] == ["id", "label"]
    geneva = next(line for line in rows if line.startswith("geneva-19"))
    assert geneva.split()[:2] == ["geneva-19", "GEN-19"]


def test_new_from_a_label_bases_the_version_on_its_id(run_cli: Run, mini_dir: Path) -> None:
    result = run_cli("new", "delta", "--from", "Beta", "--plans", mini_dir)
    assert result.code == 0, result.err
    text = (mini_dir / "delta.toml").read_text(encoding="utf-8")
    assert 'based_on = ["beta"]' in text
    assert "planlens diff beta delta" in result.out + result.err


def test_import_based_on_a_label(run_cli: Run, mini_dir: Path, tmp_path: Path) -> None:
    source = tmp_path / "draft.txt"
    source.write_text("1. The army is capped.\n2. Elections are held.\n", encoding="utf-8")
    result = run_cli("import", source, "--id", "delta", "--based-on", "ALPHA", "--plans", mini_dir)
    assert result.code == 0, result.err
    assert 'based_on = ["alpha"]' in (mini_dir / "delta.toml").read_text(encoding="utf-8")
