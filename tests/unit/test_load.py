"""The loader: valid corpora load; every bad input gives a problem naming file and clause."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from planlens.corpus.load import Corpus, UnknownPlanError, load_corpus
from planlens.corpus.problems import Problem
from planlens.corpus.reading import MAX_FILE_BYTES, default_plan_dirs
from tests.conftest import BUNDLED, MINI
from tests.helpers import plan_text


def write(directory: Path, name: str, text: str | bytes) -> Path:
    path = directory / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8", newline="")
    return path


def only_errors(corpus: Corpus) -> list[Problem]:
    return [p for p in corpus.problems if p.severity == "error"]


def test_mini_corpus_loads_in_date_order() -> None:
    corpus = load_corpus([MINI])
    assert corpus.problems == ()
    assert corpus.ids == ["alpha", "beta", "gamma"]
    assert corpus.plan("beta").plan.based_on == ["alpha"]
    plan, clause = corpus.clause("alpha:4.a")
    assert plan.id == "alpha"
    assert clause.title == "World Bank package"


def test_unknown_plan_names_the_known_ids() -> None:
    corpus = load_corpus([MINI])
    with pytest.raises(UnknownPlanError, match="known: alpha, beta, gamma"):
        corpus.plan("zulu")


def test_toml_syntax_error_has_line_and_column(tmp_path: Path) -> None:
    write(tmp_path, "broken.toml", '[plan]\nid = "x"\ntitle = "unterminated\n')
    write(tmp_path, "good.toml", plan_text("good"))
    corpus = load_corpus([tmp_path])
    [problem] = only_errors(corpus)
    assert problem.path == tmp_path / "broken.toml"
    assert problem.line == 3
    assert problem.column is not None
    assert "TOML syntax error" in problem.message
    assert corpus.ids == ["good"], "one broken file must not stop the others"


def test_unknown_key_names_clause_line_and_suggestion(tmp_path: Path) -> None:
    text = plan_text().replace('topics = ["elections"]', 'topic = ["elections"]')
    write(tmp_path, "typo.toml", text)
    [problem] = only_errors(load_corpus([tmp_path]))
    assert problem.clause == "1"
    assert "unknown key 'topic'" in problem.message
    assert "did you mean 'topics'" in problem.message
    assert problem.line == text.splitlines().index('topic = ["elections"]') + 1
    assert problem.expected is not None and "confidence" in problem.expected


def test_wrong_type_says_what_is_expected(tmp_path: Path) -> None:
    write(tmp_path, "types.toml", plan_text().replace("date = 2025-01-01", 'date = "2025-01-01"'))
    [problem] = only_errors(load_corpus([tmp_path]))
    assert problem.message == 'plan.date = "2025-01-01" is in quotes, so it is text, not a date'
    assert problem.expected == "the date without quotes: date = 2025-01-01"
    assert problem.line == 4


def test_term_of_wrong_type(tmp_path: Path) -> None:
    text = plan_text().replace(
        'confidence = "confirmed"', 'confidence = "confirmed"\nterms = { caps = [1, 2] }'
    )
    write(tmp_path, "terms.toml", text)
    [problem] = only_errors(load_corpus([tmp_path]))
    assert problem.clause == "1"
    assert problem.message == "term 'caps' has a value of the wrong type (a list)"


def test_missing_field_and_bad_literal(tmp_path: Path) -> None:
    text = (
        plan_text()
        .replace('status = "official"\n', "")
        .replace('confidence = "confirmed"', 'confidence = "sure"')
    )
    write(tmp_path, "missing.toml", text)
    problems = only_errors(load_corpus([tmp_path]))
    messages = [p.message for p in problems]
    assert "missing required key 'plan.status'" in messages
    [literal] = [p for p in problems if "sure" in p.message]
    assert literal.clause == "1"
    assert literal.expected is not None and "'uncertain'" in literal.expected


def test_duplicate_plan_ids_across_files(tmp_path: Path) -> None:
    write(tmp_path, "a.toml", plan_text("same"))
    write(tmp_path, "b.toml", plan_text("same"))
    corpus = load_corpus([tmp_path])
    [problem] = only_errors(corpus)
    assert problem.path == tmp_path / "b.toml"
    assert "already used by" in problem.message and "a.toml" in problem.message
    assert corpus.ids == ["same"]


def test_duplicate_clause_ids(tmp_path: Path) -> None:
    clause = plan_text().split("[[clause]]")[1]
    write(tmp_path, "dup.toml", plan_text() + "\n[[clause]]" + clause)
    corpus = load_corpus([tmp_path])
    [problem] = only_errors(corpus)
    assert problem.clause == "1"
    assert "duplicate clause id '1'" in problem.message
    assert problem.line is not None and problem.line > 15
    assert corpus.plans == ()


def test_dangling_links_and_omissions(mini_dir: Path) -> None:
    beta = mini_dir / "beta.toml"
    text = beta.read_text(encoding="utf-8")
    text = text.replace('links = ["alpha:1"]', 'links = ["alpha:9", "zeta:1"]')
    text = text.replace('ref = "alpha:3"', 'ref = "alpha:33"')
    beta.write_text(text, encoding="utf-8")
    problems = only_errors(load_corpus([mini_dir]))
    messages = sorted(p.message for p in problems)
    assert messages == [
        "link 'alpha:9': plan 'alpha' has no clause '9'",
        "link 'zeta:1': no plan with id 'zeta' is loaded",
        "omission ref 'alpha:33': plan 'alpha' has no clause '33'",
    ]
    assert all(p.path == beta for p in problems)
    assert {p.clause for p in problems if p.message.startswith("link")} == {"1"}


def test_link_into_own_plan_is_an_error(mini_dir: Path) -> None:
    beta = mini_dir / "beta.toml"
    beta.write_text(beta.read_text().replace('links = ["alpha:1"]', 'links = ["beta:2"]'))
    [problem] = only_errors(load_corpus([mini_dir]))
    assert "same plan" in problem.message
    # What is expected is a clause of another version, never the rejected address again.
    assert problem.expected is not None and "beta:" not in problem.expected
    assert "another version" in problem.expected


def test_based_on_unknown_and_cycles(mini_dir: Path) -> None:
    alpha = mini_dir / "alpha.toml"
    alpha.write_text(
        alpha.read_text().replace(
            'summary = "The base', 'based_on = ["gamma"]\nsummary = "The base'
        )
    )
    gamma = mini_dir / "gamma.toml"
    gamma.write_text(
        gamma.read_text().replace('based_on = ["beta"]', 'based_on = ["beta", "omega"]')
    )
    problems = only_errors(load_corpus([mini_dir]))
    messages = [p.message for p in problems]
    assert "based_on names an unknown plan 'omega'" in messages
    [cycle] = [p for p in problems if "cycle" in p.message]
    assert "alpha → gamma → beta → alpha" in cycle.message


def test_unknown_topic_with_suggestion(tmp_path: Path) -> None:
    write(tmp_path, "t.toml", plan_text().replace('["elections"]', '["election"]'))
    [problem] = only_errors(load_corpus([tmp_path]))
    assert problem.message == "unknown topic 'election'"
    assert problem.clause == "1"
    assert problem.expected == "one of elections"


@pytest.mark.parametrize(
    ("content", "fragment"),
    [
        (b"", "the file is empty"),
        (b"   \n\n", "the file is empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00", "binary file"),
        (b'[plan]\ntitle = "caf\xe9"\n', "not UTF-8"),
    ],
)
def test_empty_and_binary_files(tmp_path: Path, content: bytes, fragment: str) -> None:
    write(tmp_path, "bad.toml", content)
    [problem] = only_errors(load_corpus([tmp_path]))
    assert fragment in problem.message
    assert problem.path == tmp_path / "bad.toml"


def test_huge_file_is_refused_without_reading_it(tmp_path: Path) -> None:
    path = tmp_path / "huge.toml"
    with path.open("wb") as handle:
        handle.truncate(MAX_FILE_BYTES + 1)
    [problem] = only_errors(load_corpus([tmp_path]))
    assert "too large" in problem.message


def test_many_clauses_and_long_text_load(tmp_path: Path) -> None:
    long_text = "word " * 50_000
    body = plan_text(text=long_text.strip())
    extra = "".join(
        f'\n[[clause]]\nid = "{i}"\ntext = "Clause {i}."\n'
        'topics = ["elections"]\nconfidence = "reported"\n'
        for i in range(2, 3002)
    )
    write(tmp_path, "big.toml", body + extra)
    corpus = load_corpus([tmp_path])
    assert corpus.problems == ()
    assert len(corpus.plan("solo").clauses) == 3001


def test_no_clauses_requires_incomplete(tmp_path: Path) -> None:
    head = plan_text().split("[[clause]]")[0]
    write(tmp_path, "empty.toml", head)
    [problem] = only_errors(load_corpus([tmp_path]))
    assert "complete = false" in problem.message
    write(
        tmp_path,
        "empty.toml",
        head.replace('fidelity = "paraphrase"', 'fidelity = "summary"\ncomplete = false'),
    )
    corpus = load_corpus([tmp_path])
    assert only_errors(corpus) == []
    assert corpus.plan("solo").clauses == []


def test_crlf_and_bom_are_valid(tmp_path: Path) -> None:
    text = "\ufeff" + plan_text().replace("\n", "\r\n")
    write(tmp_path, "windows.toml", text.encode("utf-8"))
    corpus = load_corpus([tmp_path])
    assert corpus.problems == ()
    assert corpus.plan("solo").clauses[0].title == "First"


def test_unicode_and_markup_are_kept_literally(tmp_path: Path) -> None:
    text = "Київ [bold]і[/bold] Харків 🕊️ [/] [link=https://x]x[/link] \\u001b[31mred"
    write(tmp_path, "u.toml", plan_text(text=text))
    clause = load_corpus([tmp_path]).plan("solo").clauses[0]
    assert clause.text == "Київ [bold]і[/bold] Харків 🕊️ [/] [link=https://x]x[/link] \x1b[31mred"


def test_missing_path_is_a_problem(tmp_path: Path) -> None:
    corpus = load_corpus([tmp_path / "nowhere"])
    [problem] = only_errors(corpus)
    assert problem.message == "no such file or directory"


def test_topics_fall_back_to_bundled_taxonomy(tmp_path: Path) -> None:
    write(tmp_path, "p.toml", plan_text().replace('["elections"]', '["zaporizhzhia-npp"]'))
    corpus = load_corpus([tmp_path])
    assert corpus.problems == ()
    assert "zaporizhzhia-npp" in corpus.topics


def test_several_directories_resolve_links_across(tmp_path: Path) -> None:
    first, second = tmp_path / "one", tmp_path / "two"
    shutil.copytree(MINI, first)
    second.mkdir()
    (first / "beta.toml").rename(second / "beta.toml")
    (first / "gamma.toml").unlink()
    corpus = load_corpus([first, second])
    assert corpus.problems == ()
    assert corpus.ids == ["alpha", "beta"]


def test_default_dirs(tmp_path: Path) -> None:
    env = {"PLANLENS_PLANS": os.pathsep.join(["/a", "/b"])}
    assert default_plan_dirs(env, tmp_path) == [Path("/a"), Path("/b")]
    assert default_plan_dirs({}, tmp_path) == [BUNDLED]
    (tmp_path / "plans").mkdir()
    assert default_plan_dirs({}, tmp_path) == [tmp_path / "plans"]


def test_missing_topics_and_sources_are_warnings(tmp_path: Path) -> None:
    text = plan_text().replace('topics = ["elections"]', "topics = []")
    text = text.split("[[plan.sources]]")[0] + "[[clause]]" + text.split("[[clause]]")[1]
    write(tmp_path, "w.toml", text)
    corpus = load_corpus([tmp_path])
    assert only_errors(corpus) == []
    assert sorted(p.message for p in corpus.problems) == [
        "the clause has no topics",
        "the plan lists no sources",
    ]
    assert all(p.severity == "warning" for p in corpus.problems)


def test_problem_text_names_file_line_and_clause(tmp_path: Path) -> None:
    write(tmp_path, "t.toml", plan_text().replace('["elections"]', '["election"]'))
    [problem] = load_corpus([tmp_path]).problems
    assert str(problem) == (
        f"{tmp_path / 't.toml'}:18: error: clause 1: unknown topic 'election' "
        "(expected one of elections)"
    )
