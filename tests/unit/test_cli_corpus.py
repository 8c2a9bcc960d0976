"""The corpus commands through `main()`: exit codes, stdout and stderr, never a traceback."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import click
import pytest

from planlens.cli import cli
from planlens.report.schemas import schema_json
from tests.conftest import BUNDLED, MINI, REPO, CliResult
from tests.helpers import plan_text

Run = Callable[..., CliResult]


def all_commands(group: click.Group) -> list[tuple[str, click.Command]]:
    commands: list[tuple[str, click.Command]] = [("planlens", group)]
    for name, command in sorted(group.commands.items()):
        commands.append((f"planlens {name}", command))
    return commands


@pytest.mark.parametrize(("name", "command"), all_commands(cli))
def test_every_command_has_help(name: str, command: click.Command, run_cli: Run) -> None:
    assert command.help and len(command.help.strip()) > 20, f"{name} needs help text"
    args = name.split()[1:]
    result = run_cli(*args, "--help")
    assert result.code == 0
    assert "Usage:" in result.out


def test_validate_ok(run_cli: Run) -> None:
    result = run_cli("validate", MINI)
    assert result.code == 0
    assert result.out.strip() == "OK: 3 plans loaded; 0 errors, 0 warnings."


def test_validate_reports_every_problem_and_fails(tmp_path: Path, run_cli: Run) -> None:
    (tmp_path / "a.toml").write_text(plan_text("a").replace('"elections"', '"nope"'))
    (tmp_path / "b.toml").write_text("[plan\n")
    result = run_cli("validate", tmp_path)
    assert result.code == 1
    assert f"{tmp_path / 'a.toml'}:18: error: clause 1: unknown topic 'nope'" in result.out
    assert f"{tmp_path / 'b.toml'}:1:" in result.out
    assert "FAILED: 1 plans loaded; 2 errors, 0 warnings." in result.out
    assert "Traceback" not in result.out + result.err


def test_validate_one_file_resolves_links_against_its_directory(
    mini_dir: Path, run_cli: Run
) -> None:
    (mini_dir / "alpha.toml").write_text("not toml at all = = =")
    result = run_cli("validate", mini_dir / "beta.toml")
    # alpha is broken, so beta's links to it dangle: those are beta's problems; alpha's own
    # syntax error is not reported because only beta was asked about.
    assert result.code == 1
    assert "beta.toml" in result.out
    assert "alpha.toml" not in result.out.replace("'alpha", "")


def test_validate_json(tmp_path: Path, run_cli: Run) -> None:
    (tmp_path / "a.toml").write_text(plan_text("a").replace("kind =", "knd ="))
    result = run_cli("validate", tmp_path, "--format", "json")
    payload = json.loads(result.out)
    assert result.code == 1
    assert payload["ok"] is False
    messages = [p["message"] for p in payload["problems"]]
    assert "unknown key 'knd' in plan; did you mean 'kind'?" in messages


def test_validate_missing_path(tmp_path: Path, run_cli: Run) -> None:
    result = run_cli("validate", tmp_path / "absent")
    assert result.code == 1
    assert "no such file or directory" in result.out


def test_list_json(run_cli: Run) -> None:
    result = run_cli("list", "--plans", MINI, "--format", "json")
    rows = json.loads(result.out)
    assert result.code == 0
    assert [r["id"] for r in rows] == ["alpha", "beta", "gamma"]
    assert rows[0]["clauses"] == 5 and rows[0]["date"] == "2025-01-10"
    assert rows[2]["complete"] is False


@pytest.mark.parametrize("command", [["list", "-f", "json"], ["align", "alpha", "beta"]])
def test_plans_given_before_the_command_hold_for_it(command: list[str], run_cli: Run) -> None:
    # `planlens --plans DIR list` used to read the bundled plans: the option was the group's.
    result = run_cli("--plans", MINI, *command)
    assert result.code == 0, result.err
    assert "alpha" in result.out.lower() and "us-28" not in result.out


def test_list_table_with_a_broken_file_still_lists_the_rest(mini_dir: Path, run_cli: Run) -> None:
    (mini_dir / "broken.toml").write_text("[plan]\nid = 3\n")
    result = run_cli("list", "--plans", mini_dir)
    assert result.code == 0
    assert "alpha" in result.out and "gamma" in result.out
    assert "problem" in result.err and "planlens validate" in result.err


def test_show_plan_and_clause(run_cli: Run) -> None:
    plan = run_cli("show", "beta", "--plans", MINI)
    assert plan.code == 0
    assert "Beta revision" in plan.out and "beta:1" in plan.out
    assert "reported dropped: alpha:3" in plan.out
    clause = run_cli("show", "alpha:1", "--plans", MINI)
    assert "army_cap = 600,000" in clause.out
    assert "alpha:2" not in clause.out


def test_show_clause_json(run_cli: Run) -> None:
    result = run_cli("show", "gamma:p2", "--plans", MINI, "-f", "json")
    payload = json.loads(result.out)
    assert payload["address"] == "gamma:p2"
    assert payload["bracketed"] is True


@pytest.mark.parametrize(
    ("address", "message"),
    [
        ("zulu", "no plan with id 'zulu' (known: alpha, beta, gamma)"),
        ("delta", "no plan with id or label 'delta'; did you mean beta?"),
        ("alpha:9", "alpha has no clause '9' (its clauses: 1, 2, 3, 4, 4.a)"),
    ],
)
def test_show_unknown_gives_clean_error(address: str, message: str, run_cli: Run) -> None:
    result = run_cli("show", address, "--plans", MINI)
    assert result.code == 1
    assert result.err.strip() == f"planlens: error: {message}"
    assert "Traceback" not in result.err


def test_show_prints_markup_and_escapes_literally(tmp_path: Path, run_cli: Run) -> None:
    text = "[bold red]loud[/] \\u001b[2J cleared"
    (tmp_path / "m.toml").write_text(plan_text("m", text))
    result = run_cli("show", "m:1", "--plans", tmp_path)
    assert "[bold red]loud[/]" in result.out
    assert "\x1b" not in result.out
    assert "\\x1b[2J" in result.out


def test_schema_file_is_current() -> None:
    committed = (BUNDLED / "plan.schema.json").read_text(encoding="utf-8")
    assert committed == schema_json("plan"), "run: planlens schema plan > plans/plan.schema.json"


def test_schema_command(run_cli: Run) -> None:
    result = run_cli("schema", "plan")
    schema = json.loads(result.out)
    assert schema["additionalProperties"] is False
    assert set(schema["properties"]) == {"plan", "clause", "omission"}


def test_usage_error_is_clean(run_cli: Run) -> None:
    result = run_cli("list", "--format", "xml")
    assert result.code == 2
    assert "Invalid value for '--format'" in result.err


def test_python_dash_m_runs(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "planlens", "list", "--plans", str(MINI), "-f", "json"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert [row["id"] for row in json.loads(done.stdout)] == ["alpha", "beta", "gamma"]


def test_cli_start_up_does_not_load_the_engine() -> None:
    # --help, list, show and validate must start fast: numpy and scipy load only to compare.
    code = "import sys, planlens.cli\nassert not {'scipy', 'numpy'} & set(sys.modules), 'heavy'\n"
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, check=False
    )
    assert done.returncode == 0, done.stderr


def test_core_does_not_import_textual() -> None:
    code = (
        "import sys\n"
        "import planlens, planlens.cli, planlens.corpus.load, planlens.corpus.model\n"
        "import planlens.report.terminal\n"
        "from planlens.cli import cli\n"
        "assert 'textual' not in sys.modules, sorted(m for m in sys.modules if 'textual' in m)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, check=False
    )
    assert done.returncode == 0, done.stderr


def test_a_schema_without_the_models_source_has_no_descriptions_but_works(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import inspect

    def no_source(obj: object) -> str:
        raise OSError("could not get source code")

    monkeypatch.setattr(inspect, "getsource", no_source)
    schema = json.loads(schema_json("plan"))
    assert "description" not in schema["$defs"]["Clause"]["properties"]["text"]
    assert schema["$defs"]["Clause"]["properties"]["text"]["type"] == "string"
