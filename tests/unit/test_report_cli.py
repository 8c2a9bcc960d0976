"""`planlens report` and `planlens diff` through `main()`: exit codes, stdout, stderr, files."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from planlens.report import FORMATS
from tests.conftest import MINI, CliResult

Run = Callable[..., CliResult]


def test_report_defaults_to_markdown_on_stdout(run_cli: Run) -> None:
    result = run_cli("report", "alpha", "beta", "--plans", MINI)
    assert result.code == 0, result.err
    assert result.out.startswith("# planlens report: ALPHA → BETA\n")
    assert result.err == ""


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_report_in_every_format(fmt: str, run_cli: Run) -> None:
    result = run_cli("report", "alpha", "beta", "gamma", "--plans", MINI, "-f", fmt)
    assert result.code == 0, result.err
    assert "GAMMA" in result.out
    if fmt == "json":
        assert json.loads(result.out)["pairs"] == [["alpha", "beta"], ["beta", "gamma"]]


def test_report_writes_a_file_in_the_format_of_its_extension(tmp_path: Path, run_cli: Run) -> None:
    target = tmp_path / "r.html"
    result = run_cli("report", "alpha", "beta", "--plans", MINI, "-o", target)
    assert result.code == 0, result.err
    assert result.out == ""
    assert f"wrote {target}" in result.err
    assert target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert [p.name for p in tmp_path.iterdir()] == ["r.html"]  # no temporary file left


def test_report_format_option_wins_over_the_extension(tmp_path: Path, run_cli: Run) -> None:
    target = tmp_path / "r.html"
    assert run_cli("report", "alpha", "beta", "--plans", MINI, "-f", "json", "-o", target).code == 0
    assert json.loads(target.read_text(encoding="utf-8"))["schema_version"]


def test_report_into_a_missing_directory_is_a_clean_error(tmp_path: Path, run_cli: Run) -> None:
    result = run_cli("report", "alpha", "beta", "--plans", MINI, "-o", tmp_path / "no" / "r.md")
    assert result.code == 1
    assert f"planlens: error: cannot write {tmp_path / 'no' / 'r.md'}" in result.err
    assert "internal error" not in result.err


def test_report_options_reach_the_comparison(run_cli: Run) -> None:
    result = run_cli(
        "report", "alpha", "beta", "--plans", MINI, "-f", "json", "--topic", "elections",
        "--changed-only", "--ignore-links",
    )  # fmt: skip
    data = json.loads(result.out)
    assert data["options"] == {
        "ignore_links": True, "topic": "elections", "changed_only": True, "classes": None,
    }  # fmt: skip
    assert all("elections" in row["topics"] for row in data["rows"])


def test_report_class_filter(run_cli: Run) -> None:
    result = run_cli(
        "report", "alpha", "beta", "--plans", MINI, "-f", "json", "--class", "added",
        "--class", "modified",
    )  # fmt: skip
    data = json.loads(result.out)
    assert data["options"]["classes"] == ["modified", "added"]
    assert {d["change"] for row in data["rows"] for d in row["pairs"]} == {"modified", "added"}
    assert run_cli("report", "alpha", "beta", "--plans", MINI, "--class", "nope").code == 2


def test_bad_format_is_a_usage_error(run_cli: Run) -> None:
    result = run_cli("report", "alpha", "beta", "--plans", MINI, "-f", "pdf")
    assert result.code == 2
    assert "Invalid value for '--format'" in result.err
    assert "Traceback" not in result.err


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (("alpha", "nope"), 1, "planlens: error: no plan with id 'nope'"),
        (("alpha", "beta", "--topic", "nope"), 1, "planlens: error: unknown topic 'nope'"),
        (("alpha",), 2, "give at least two plan ids"),
        (("alpha", "alpha"), 2, "each version can be compared once: alpha"),
    ],
)
def test_report_errors_are_clean(
    args: tuple[str, ...], code: int, message: str, run_cli: Run
) -> None:
    result = run_cli("report", *args, "--plans", MINI)
    assert result.code == code
    assert message in result.err
    assert result.out == ""
    assert "Traceback" not in result.err


def test_diff_is_plain_when_not_a_terminal(run_cli: Run) -> None:
    result = run_cli("diff", "alpha", "beta", "--plans", MINI)
    assert result.code == 0, result.err
    assert "\x1b" not in result.out
    assert "[-600,000-]{+800,000+}" in result.out


def test_diff_side_by_side(run_cli: Run) -> None:
    result = run_cli("diff", "alpha", "beta", "--plans", MINI, "--layout", "side-by-side")
    assert result.code == 0, result.err
    assert any("[-600,000-]" in line and "{+800,000+}" in line for line in result.out.splitlines())


def test_diff_changed_only_and_errors(run_cli: Run) -> None:
    result = run_cli("diff", "alpha", "beta", "--plans", MINI, "--changed-only")
    assert "World Bank package" not in result.out
    bad = run_cli("diff", "alpha", "zeta", "--plans", MINI)
    assert bad.code == 1 and "no plan with id or label 'zeta'" in bad.err


def test_schema_report(run_cli: Run) -> None:
    result = run_cli("schema", "report")
    assert result.code == 0
    assert json.loads(result.out)["title"] == "planlens report (JSON)"
