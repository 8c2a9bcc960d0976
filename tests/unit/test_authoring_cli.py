"""`planlens import` and `planlens new` through `main()`: files, messages, exit codes."""

from __future__ import annotations

import io
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from planlens.commands.authoring import default_output
from planlens.corpus.load import load_corpus
from tests.conftest import DATA, CliResult

Run = Callable[..., CliResult]
UA_20_LIKE = DATA / "import" / "ua-20-like.txt"


@pytest.fixture(autouse=True)
def _no_plans_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("PLANLENS_PLANS", raising=False)


def assert_clean_failure(result: CliResult, fragment: str, code: int = 1) -> None:
    assert result.code == code, result
    assert fragment in result.err
    assert "Traceback" not in result.out + result.err


def test_import_a_twenty_point_plan_in_one_command(mini_dir: Path, run_cli: Run) -> None:
    result = run_cli("import", UA_20_LIKE, "--id", "ua-20-like", "--plans", mini_dir)
    assert result.code == 0, result.err
    target = mini_dir / "ua-20-like.toml"
    assert f"Wrote {target}: plan ua-20-like, 25 clauses (20 points, 5 sub-points)." in result.out
    assert "Next steps:" in result.out
    assert f"planlens validate {target}" in result.out
    assert "planlens diff" not in result.out, "nothing to compare with without --based-on"
    plan = load_corpus([mini_dir]).plan("ua-20-like")
    assert [c.id for c in plan.clauses][:7] == ["1", "2", "3", "4", "5", "5.a", "5.b"]
    validated = run_cli("validate", target)
    assert validated.code == 0
    assert "0 errors" in validated.out


def test_import_based_on_proposes_links_and_says_how_to_compare(
    mini_dir: Path, run_cli: Run
) -> None:
    source = mini_dir.parent / "delta.txt"
    source.write_text(
        "Delta draft\n"
        "1. The armed forces of the country are limited to 700,000 personnel at all times.\n"
        "2. Elections are held within 90 days after the agreement is signed.\n",
        encoding="utf-8",
    )
    result = run_cli(
        "import", source, "--id", "delta", "--based-on", "alpha", "--date", "2025-12-24",
        "--plans", mini_dir,
    )  # fmt: skip
    assert result.code == 0, result.err
    assert f"planlens diff alpha delta --plans {mini_dir}" in result.out
    assert "confirm or delete the proposed links" in result.out
    text = (mini_dir / "delta.toml").read_text(encoding="utf-8")
    assert 'links = ["alpha:1"]  # links proposed automatically: confirm or delete' in text
    assert "date = 2025-12-24" in text
    plan = load_corpus([mini_dir]).plan("delta")
    assert plan.plan.title == "Delta draft"
    assert plan.plan.based_on == ["alpha"]
    assert [c.links for c in plan.clauses] == [["alpha:1"], ["alpha:2"]]


def test_refuses_to_overwrite_without_force(mini_dir: Path, run_cli: Run) -> None:
    args = ("import", UA_20_LIKE, "--id", "x", "--plans", mini_dir)
    assert run_cli(*args).code == 0
    (mini_dir / "x.toml").write_text("# edited by hand\n", encoding="utf-8")
    again = run_cli(*args)
    assert_clean_failure(
        again, f"{mini_dir / 'x.toml'} already exists; use --force to overwrite it"
    )
    assert (mini_dir / "x.toml").read_text(encoding="utf-8") == "# edited by hand\n"
    forced = run_cli(*args, "--force")
    assert forced.code == 0
    assert (mini_dir / "x.toml").read_text(encoding="utf-8").startswith("#:schema")


def test_import_from_stdin_with_cyrillic_bom_and_crlf(
    tmp_path: Path, run_cli: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    pasted = (
        "\ufeffРамкова угода\r\n1. Суверенітет підтверджується.\r\n2. Вибори\r\nпроводяться.\r\n"
    )
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(pasted.encode("utf-8"))))
    out = tmp_path / "ua.toml"
    result = run_cli("import", "-", "--id", "ua", "-o", out)
    assert result.code == 0, result.err
    [plan] = load_corpus([tmp_path]).plans
    assert plan.plan.title == "Рамкова угода"
    assert [(c.id, c.text, c.topics) for c in plan.clauses] == [
        ("1", "Суверенітет підтверджується.", ["sovereignty"]),
        ("2", "Вибори проводяться.", ["elections"]),
    ]


def test_numbering_warnings_go_to_stderr(tmp_path: Path, run_cli: Run) -> None:
    source = tmp_path / "p.txt"
    source.write_text("1. One.\n2. Two.\n2. Two again.\n", encoding="utf-8")
    result = run_cli("import", source, "--id", "p", "-o", tmp_path / "p.toml")
    assert result.code == 0
    assert "planlens: check: line 3: point 2 appears again; this one gets the id 2-2" in result.err


def test_new_from_base(mini_dir: Path, run_cli: Run) -> None:
    result = run_cli("new", "delta", "--from", "beta", "--plans", mini_dir, "--date", "2025-12-24")
    assert result.code == 0, result.err
    assert "planlens diff beta delta" in result.out
    assert "set the title, date and status, add this version's sources" in result.out
    assert "(1 warning until then: missing topics or sources)" in result.out
    corpus = load_corpus([mini_dir])
    assert corpus.errors == ()
    delta, beta = corpus.plan("delta"), corpus.plan("beta")
    assert [c.links for c in delta.clauses] == [[f"beta:{c.id}"] for c in beta.clauses]
    assert [c.text for c in delta.clauses] == [c.text for c in beta.clauses]
    assert run_cli("validate", mini_dir / "delta.toml").code == 0
    assert_clean_failure(
        run_cli("new", "delta", "--from", "beta", "--plans", mini_dir), "use --force"
    )


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (
            ("new", "delta", "--from", "omega"),
            "no plan with id 'omega' (known: alpha, beta, gamma)",
        ),
        (("new", "Delta", "--from", "alpha"), "'Delta' is not a valid plan id"),
        (("new", "alpha", "--from", "alpha", "--force"), "the new version needs an id of its own"),
        (("new", "beta", "--from", "alpha", "-o", "b.toml"), "plan id 'beta' is already used by"),
        (("import", "absent.txt", "--id", "x"), "cannot read absent.txt"),
        (("import", UA_20_LIKE, "--id", "x", "--based-on", "omega"), "no plan with id 'omega'"),
        (("import", UA_20_LIKE, "--id", "x", "-o", "no/such/dir/x.toml"), "does not exist"),
        (("import", UA_20_LIKE, "--id", "evil\n"), "'evil\\n' is not a valid plan id"),
    ],
)
def test_user_errors_are_clean(
    args: tuple[str | Path, ...], fragment: str, mini_dir: Path, run_cli: Run,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    monkeypatch.chdir(mini_dir)
    assert_clean_failure(run_cli(*args, "--plans", mini_dir), fragment)


def test_empty_input_is_a_clean_error(tmp_path: Path, run_cli: Run) -> None:
    source = tmp_path / "empty.txt"
    source.write_text("\n\n", encoding="utf-8")
    result = run_cli("import", source, "--id", "x", "-o", tmp_path / "x.toml")
    assert_clean_failure(result, "planlens: error: there is no text to import")
    assert not (tmp_path / "x.toml").exists()


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (("import", UA_20_LIKE), "Missing option '--id'"),
        (("new", "x"), "Missing option '--from'"),
        (("new", "x", "--from", "alpha", "--plans", "absent"), "no plans directory at absent"),
        (("import", UA_20_LIKE, "--id", "x", "--date", "24.12.2025"), "Invalid value for '--date'"),
        (("import", UA_20_LIKE, "--id", "x", "--status", "secret"), "Invalid value for '--status'"),
    ],
)
def test_usage_errors_exit_2(args: tuple[str | Path, ...], fragment: str, run_cli: Run) -> None:
    assert_clean_failure(run_cli(*args), fragment, code=2)


def test_default_output(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert default_output((), "x", tmp_path) == tmp_path / "x.toml"
    (tmp_path / "plans").mkdir()
    assert default_output((), "x", tmp_path) == tmp_path / "plans" / "x.toml"
    other = tmp_path / "other"
    other.mkdir()
    assert default_output((other, tmp_path), "x", tmp_path) == other / "x.toml"
    monkeypatch.setenv("PLANLENS_PLANS", str(other))
    assert default_output((), "x", tmp_path) == other / "x.toml"


def test_default_output_outside_a_plans_directory_says_how_to_validate(
    tmp_path: Path, run_cli: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = run_cli("import", UA_20_LIKE, "--id", "x", "--based-on", "us-28")
    assert result.code == 0, result.err
    assert (tmp_path / "x.toml").is_file()
    assert "Wrote x.toml" in result.out
    assert "planlens validate x.toml " in result.out
    assert "planlens schema plan > plan.schema.json" in result.out


@pytest.mark.parametrize(
    "args", [("new", "x", "--from", "alpha"), ("import", str(UA_20_LIKE), "--id", "x")]
)
def test_a_plans_variable_naming_no_directory_is_a_clean_error(
    args: tuple[str, ...], run_cli: Run, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("PLANLENS_PLANS", ":::")
    assert_clean_failure(run_cli(*args), "PLANLENS_PLANS=':::' names no plans directory")
