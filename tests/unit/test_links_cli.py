"""`planlens link`, `unlink`, `align --review` and `--accept-all-above`; the editors workflow."""

from __future__ import annotations

import difflib
import re
import shutil
import tomllib
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from planlens.authoring.edit_links import reload_corpus
from planlens.authoring.review import Answer, linked, suggestions_for
from planlens.cli import cli
from planlens.commands import links as links_command
from planlens.comparison.suggest import Candidate, Suggestion
from planlens.corpus.load import load_corpus
from tests.conftest import BUNDLED, CliResult

Run = Callable[..., CliResult]


@pytest.fixture
def plans_copy(tmp_path: Path) -> Path:
    """A writable copy of the bundled plans."""
    target = tmp_path / "plans"
    shutil.copytree(BUNDLED, target)
    return target


def test_link_and_unlink_print_what_they_changed(run_cli: Run, mini_dir: Path) -> None:
    beta = mini_dir / "beta.toml"
    before = beta.read_bytes()
    result = run_cli("link", "alpha:3", "beta:2", "--plans", mini_dir)
    assert result.code == 0, result.err
    assert result.out == f"{beta}: beta:2: link added: alpha:3\n"
    assert load_corpus([mini_dir]).clause("beta:2")[1].links == ["alpha:3"]
    result = run_cli("unlink", "beta:2", "alpha:3", "--plans", mini_dir)
    assert result.code == 0, result.err
    assert result.out == f"{beta}: beta:2: link removed: alpha:3\n"
    assert beta.read_bytes() == before


def test_link_errors_are_messages(run_cli: Run, mini_dir: Path) -> None:
    result = run_cli("link", "alpha:1", "beta:1", "--plans", mini_dir)
    assert result.code == 1
    assert result.err == "planlens: error: beta:1 and alpha:1 are already linked\n"
    result = run_cli("unlink", "alpha:9", "beta:1", "--plans", mini_dir)
    assert result.code == 1
    assert "alpha has no clause '9'" in result.err
    assert "Traceback" not in result.err


def test_accept_all_above_links_the_best_candidates_above_the_score(
    run_cli: Run, plans_copy: Path
) -> None:
    corpus = load_corpus([plans_copy])
    suggestions = suggestions_for(corpus, ["us-28", "ep-res"])
    best = sorted((s.candidates[0].score for s in suggestions), reverse=True)
    assert len(best) > 3
    score = best[2]  # some suggestions score above it, most below
    high = {
        s.address: s.candidates[0].address for s in suggestions if s.candidates[0].score >= score
    }
    result = run_cli(
        "align", "us-28", "ep-res", "--accept-all-above", str(score), "--plans", plans_copy
    )
    assert result.code == 0, result.err
    fresh = reload_corpus(corpus)
    accepted = [line for line in result.out.splitlines() if ": link added: " in line]
    assert 0 < len(accepted) <= len(high) < len(suggestions)
    for line in accepted:
        address, _, other = line.split(": ", 1)[1].partition(": link added: ")
        assert high.get(address) == other or high.get(other) == address
        assert linked(fresh, address, other)
    assert result.out.splitlines()[-1].startswith(f"{len(accepted)} change")
    # Nothing at or above the score is left to suggest.
    assert all(s.candidates[0].score < score for s in suggestions_for(fresh, ["us-28", "ep-res"]))


def asked_pairs(output: str) -> list[tuple[str, str]]:
    """The pairs `align --review` asked about, in order."""
    return re.findall(r"^(\S+)  .*\n  ↔ (\S+)  ", output, flags=re.MULTILINE)


def test_review_asks_and_writes_each_answer(plans_copy: Path) -> None:
    corpus = load_corpus([plans_copy])
    suggestions = suggestions_for(corpus, ["us-28", "ep-res"])
    first = (suggestions[0].address, suggestions[0].candidates[0].address)
    result = CliRunner().invoke(
        cli, ["align", "us-28", "ep-res", "--review", "--plans", str(plans_copy)], input="y\nn\nq\n"
    )
    assert result.exit_code == 0, result.output
    asked = asked_pairs(result.output)
    assert len(asked) == 3
    assert asked[0] == first
    fresh = reload_corpus(corpus)
    assert linked(fresh, *first)
    later_file, earlier = (asked[1][1], asked[1][0])
    if later_file.startswith("us-28:"):
        later_file, earlier = earlier, later_file
    assert fresh.clause(later_file)[1].not_links == [earlier]
    assert ": link added: " in result.output
    assert f"{later_file}: rejected suggestion recorded: {earlier}" in result.output
    assert result.output.endswith("2 changes written.\n")
    # The rejected pair is not suggested again.
    again = suggestions_for(fresh, ["us-28", "ep-res"])
    assert all({s.address, c.address} != set(asked[1]) for s in again for c in s.candidates)


def test_review_and_accept_all_cannot_be_combined(run_cli: Run, plans_copy: Path) -> None:
    result = run_cli(
        "align", "us-28", "ep-res", "--review", "--accept-all-above", "0.2", "--plans", plans_copy
    )
    assert result.code == 2
    assert "not both" in result.err


def test_ep_res_gets_every_editors_link_back_without_an_editor(
    run_cli: Run, plans_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The README's workflow: strip ep-res's links, restore them by review and `link` alone."""
    path = plans_copy / "ep-res.toml"
    original = path.read_text(encoding="utf-8")
    stripped = "".join(
        line for line in original.splitlines(keepends=True) if not line.startswith("links = ")
    )
    path.write_text(stripped, encoding="utf-8")
    editors = {
        f"ep-res:{clause.id}": set(clause.links)
        for clause in load_corpus([BUNDLED]).plan("ep-res").clauses
    }
    wanted = {frozenset((own, other)) for own, links in editors.items() for other in links}

    def editor(suggestion: Suggestion, candidate: Candidate) -> Answer:
        pair = frozenset((suggestion.address, candidate.address))
        return "yes" if pair in wanted else "skip"

    # `align --review`, with the editor's answers in place of the prompt.
    monkeypatch.setattr(links_command, "ask", editor)
    result = run_cli("align", "us-28", "ep-res", "--review", "--plans", plans_copy)
    assert result.code == 0, result.err
    reviewed = result.out.count(": link added: ")
    assert reviewed > 0  # 9 of the 18 when this was written; the aligner may find more
    corpus = load_corpus([plans_copy])
    pinned = 0
    for own, links in editors.items():
        for other in sorted(links):
            if not linked(corpus, own, other):
                result = run_cli("link", own, other, "--plans", plans_copy)
                assert result.code == 0, result.err
                pinned += 1
    assert reviewed + pinned == len(wanted) == 18
    restored = load_corpus([plans_copy]).plan("ep-res")
    assert {f"ep-res:{c.id}": set(c.links) for c in restored.clauses} == editors
    final = path.read_text(encoding="utf-8")
    diff = [
        line
        for line in difflib.unified_diff(stripped.splitlines(), final.splitlines(), lineterm="")
        if line.startswith(("+", "-")) and not line.startswith(("+++", "---"))
    ]
    assert diff and all(line.startswith("+links = [") for line in diff)
    # Line for line the file is the editors' own again; only the order in a list may differ.
    assert len(final.splitlines()) == len(original.splitlines())
    for old, new in zip(original.splitlines(), final.splitlines(), strict=True):
        if old != new:
            assert sorted(tomllib.loads(old)["links"]) == sorted(tomllib.loads(new)["links"])


def test_review_of_the_bundled_fallback_is_refused_before_asking(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("PLANLENS_PLANS", raising=False)
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["align", "us-28", "ep-res", "--review"], input="y\n")
    assert result.exit_code == 1
    assert "Link them?" not in result.output
    assert "--plans" in str(result.exception)


def test_a_plan_named_without_a_clause_asks_for_a_clause_address(
    mini_dir: Path, run_cli: Run
) -> None:
    result = run_cli("--plans", mini_dir, "link", "beta", "alpha:1")
    assert result.code != 0
    assert "no clause ''" not in result.err
    assert "'beta' is not a clause address" in result.err and "beta:1" in result.err
