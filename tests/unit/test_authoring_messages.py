"""`planlens validate` on the mistakes people make while editing a new plan file by hand."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from planlens.corpus.load import load_corpus
from planlens.corpus.problems import Problem
from tests.conftest import MINI, CliResult
from tests.helpers import plan_text

Run = Callable[..., CliResult]


def only_error(tmp_path: Path, text: str) -> Problem:
    (tmp_path / "edited.toml").write_text(text, encoding="utf-8")
    [problem] = [p for p in load_corpus([tmp_path]).problems if p.severity == "error"]
    assert problem.path == tmp_path / "edited.toml"
    return problem


def line_of(text: str, fragment: str) -> int:
    return next(i for i, line in enumerate(text.splitlines(), 1) if fragment in line)


@pytest.mark.parametrize(
    ("old", "new", "message", "expected"),
    [
        (
            'text = "Elections are held soon."',
            'text = "Elections are held soon.',
            "TOML syntax error: a text in quotes is not closed before the end of the line",
            'a closing " on the same line, or """triple quotes""" around text of several lines',
        ),
        (
            'title = "First"',
            "title = First",
            "TOML syntax error: a text value is not in quotes",
            'text in double quotes: key = "text"',
        ),
        (
            'title = "First"',
            "title = “First”",
            "TOML syntax error: curly quotes are not TOML quotes",
            'straight double quotes: "…"',
        ),
        (
            "date = 2025-01-01",
            "date = 2025-02-30",
            "TOML syntax error: this date does not exist",
            "a real date written YYYY-MM-DD, such as 2025-11-20",
        ),
        (
            "date = 2025-01-01",
            "date = 2025-1-1",
            "TOML syntax error: a date is not written YYYY-MM-DD",
            "a date such as 2025-11-20",
        ),
        (
            'topics = ["elections"]',
            'topics = ["elections"',
            "TOML syntax error: a list or inline table is not closed",
            'a list such as ["a", "b"] or a table such as { army_cap = 600000 }',
        ),
    ],
)
def test_syntax_errors_say_what_to_fix(
    tmp_path: Path, old: str, new: str, message: str, expected: str
) -> None:
    text = plan_text().replace(old, new)
    problem = only_error(tmp_path, text)
    assert (problem.message, problem.expected) == (message, expected)
    assert problem.line == line_of(text, new)


def test_a_forgotten_clause_header_names_the_repeated_key(tmp_path: Path) -> None:
    text = plan_text() + 'id = "2"\ntext = "Second."\n'
    problem = only_error(tmp_path, text)
    assert problem.message == "TOML syntax error: the key 'id' is given twice in the same table"
    assert problem.expected is not None and "[[clause]]" in problem.expected
    assert problem.line == line_of(text, 'id = "2"')


def test_single_brackets_for_clauses(tmp_path: Path) -> None:
    problem = only_error(tmp_path, plan_text().replace("[[clause]]", "[clause]"))
    assert problem.message == "[clause] is written with single brackets"
    assert problem.expected == "[[clause]] (double brackets) at the start of each entry"


def test_clause_problems_name_the_key_inside_the_clause(tmp_path: Path) -> None:
    # (`confidence` may be left out since it defaults from the plan's status; `text` may not.)
    text = plan_text().replace('text = "Elections are held soon."\n', "")
    problem = only_error(tmp_path, text)
    assert problem.clause == "1"
    assert problem.message == "missing required key 'text'"
    assert problem.expected == 'text = "…" (the clause\'s text)'
    assert str(problem).endswith(
        "clause 1: missing required key 'text' (expected text = \"…\" (the clause's text))"
    )


def test_a_typo_in_a_clause_key(tmp_path: Path) -> None:
    problem = only_error(tmp_path, plan_text().replace("topics =", "topcs ="))
    assert problem.message == "unknown key 'topcs'; did you mean 'topics'?"


def test_upper_case_values_get_a_suggestion(tmp_path: Path) -> None:
    problem = only_error(tmp_path, plan_text().replace('"confirmed"', '"Confirmed"'))
    assert problem.message == (
        'confidence = "Confirmed" is not an accepted value; did you mean "confirmed"?'
    )


def test_wrong_types_are_named_in_toml_words(tmp_path: Path) -> None:
    problem = only_error(tmp_path, plan_text().replace('title = "First"', "title = 5"))
    assert problem.message == "title has the wrong type (a whole number)"
    assert problem.expected == "text in double quotes"


def test_a_malformed_clause_id_explains_clause_ids(tmp_path: Path) -> None:
    problem = only_error(tmp_path, plan_text().replace('id = "1"', 'id = "1 a"'))
    assert problem.message == 'id = "1 a" is not well-formed'
    assert problem.expected is not None and "such as 6 or 10.a" in problem.expected


def test_unknown_topic_with_nothing_close_lists_the_topics(tmp_path: Path) -> None:
    problem = only_error(tmp_path, plan_text().replace('"elections"', '"bananas"'))
    assert problem.expected is not None
    assert problem.expected.startswith("a topic id from topics.toml: accountability, amnesty")


def test_dangling_links_list_what_exists(mini_dir: Path) -> None:
    beta = mini_dir / "beta.toml"
    beta.write_text(
        beta.read_text(encoding="utf-8").replace('["alpha:1"]', '["alpha:77", "us-28:6"]'),
        encoding="utf-8",
    )
    problems = {p.message: p.expected for p in load_corpus([mini_dir]).errors}
    assert problems["link 'alpha:77': plan 'alpha' has no clause '77'"] == (
        "an existing clause of alpha, such as alpha:1, alpha:2, alpha:3, alpha:4, alpha:4.a"
    )
    hint = problems["link 'us-28:6': no plan with id 'us-28' is loaded"]
    assert hint is not None
    assert hint.startswith("a loaded plan: alpha, beta, gamma; if us-28 is in another directory")


def test_validate_prints_the_fix(tmp_path: Path, run_cli: Run) -> None:
    (tmp_path / "a.toml").write_text(
        plan_text("a").replace("date = 2025-01-01", 'date = "2025-01-01"'), encoding="utf-8"
    )
    result = run_cli("validate", tmp_path)
    assert result.code == 1
    assert (
        f'{tmp_path / "a.toml"}:4: error: plan.date = "2025-01-01" is in quotes, so it is '
        "text, not a date (expected the date without quotes: date = 2025-01-01)"
    ) in result.out


def test_the_mini_corpus_is_still_clean() -> None:
    assert load_corpus([MINI]).problems == ()


def test_the_clauses_listed_run_in_reading_order(mini_dir: Path) -> None:
    alpha = mini_dir / "alpha.toml"
    text = alpha.read_text(encoding="utf-8")
    alpha.write_text(text.replace('id = "1"', 'id = "p10"').replace('id = "2"', 'id = "p2"'))
    beta = mini_dir / "beta.toml"
    beta.write_text(beta.read_text(encoding="utf-8").replace('["alpha:1"]', '["alpha:77"]'))
    problems = {p.message: p.expected for p in load_corpus([mini_dir]).errors}
    assert problems["link 'alpha:77': plan 'alpha' has no clause '77'"] == (
        "an existing clause of alpha, such as alpha:p2, alpha:p10, alpha:3, alpha:4, alpha:4.a"
    )
