"""Naming versions: an id or a `short` label, in any case, resolved in one place (the Corpus)."""

from __future__ import annotations

from pathlib import Path

import pytest

from planlens.corpus.load import AmbiguousPlanError, Corpus, UnknownPlanError, load_corpus
from tests.conftest import BUNDLED, MINI
from tests.helpers import plan_text


@pytest.fixture(scope="module")
def bundled() -> Corpus:
    return load_corpus([BUNDLED])


@pytest.mark.parametrize(
    ("name", "plan_id"),
    [
        ("geneva-19", "geneva-19"),
        ("GEN-19", "geneva-19"),
        ("gen-19", "geneva-19"),
        ("LDN-APR", "london-apr"),
        ("berlin", "eu-berlin"),
        ("Paris", "paris-decl"),
        ("PROSPER", "prosperity"),
        ("US-28", "us-28"),
        (" GENEVA-19 ", "geneva-19"),
    ],
)
def test_an_id_or_a_label_in_any_case_names_a_version(
    bundled: Corpus, name: str, plan_id: str
) -> None:
    assert bundled.resolve(name) == plan_id
    assert bundled.plan(name).id == plan_id


def test_a_clause_address_may_name_its_version_by_label(bundled: Corpus) -> None:
    plan, clause = bundled.clause("gen-19:p3")
    assert plan.address(clause) == "geneva-19:p3"


def test_a_name_that_fits_nothing_offers_the_closest_ids_and_labels(bundled: Corpus) -> None:
    with pytest.raises(UnknownPlanError) as caught:
        bundled.resolve("geneva19")
    assert str(caught.value) == (
        "no plan with id or label 'geneva19'; did you mean geneva-19 (GEN-19)?"
    )
    assert caught.value.close == ["geneva-19 (GEN-19)"]


def test_a_name_near_nothing_lists_the_known_ids() -> None:
    corpus = load_corpus([MINI])
    with pytest.raises(
        UnknownPlanError, match=r"no plan with id 'zulu' \(known: alpha, beta, gamma\)"
    ):
        corpus.resolve("zulu")


def _plan_with_short(directory: Path, plan_id: str, short: str) -> None:
    text = plan_text(plan_id).replace(
        'title = "A test plan"', f'title = "A test plan"\nshort = "{short}"'
    )
    (directory / f"{plan_id}.toml").write_text(text, encoding="utf-8")


def test_a_label_two_versions_share_is_refused_naming_both(tmp_path: Path) -> None:
    _plan_with_short(tmp_path, "draft-a", "DRAFT")
    _plan_with_short(tmp_path, "draft-b", "Draft")
    corpus = load_corpus([tmp_path])
    assert corpus.errors == ()
    with pytest.raises(AmbiguousPlanError) as caught:
        corpus.resolve("draft")
    assert caught.value.candidates == ["draft-a (DRAFT)", "draft-b (Draft)"]
    assert "give the id" in str(caught.value)


def test_an_id_wins_over_another_versions_label(tmp_path: Path) -> None:
    _plan_with_short(tmp_path, "alpha", "ALPHA")
    _plan_with_short(tmp_path, "beta", "ALPHA-2")
    _plan_with_short(tmp_path, "alpha-2", "A2")
    corpus = load_corpus([tmp_path])
    assert corpus.resolve("alpha-2") == "alpha-2"
    assert corpus.resolve("A2") == "alpha-2"


def test_the_known_list_gives_labels_too(bundled: Corpus) -> None:
    with pytest.raises(UnknownPlanError) as caught:
        bundled.resolve("zzzz")
    assert "geneva-19 (GEN-19)" in str(caught.value) and "us-28," in str(caught.value)


def test_validation_warns_of_a_label_that_names_another_version(tmp_path: Path) -> None:
    _plan_with_short(tmp_path, "alpha", "ALPHA")
    _plan_with_short(tmp_path, "beta", "Alpha")  # another version's id, in another case
    _plan_with_short(tmp_path, "gamma", "DRAFT")
    _plan_with_short(tmp_path, "delta", "draft")  # the same label, in another case
    corpus = load_corpus([tmp_path])
    assert corpus.errors == ()  # every version still loads
    warned = {p.path.stem: p.message for p in corpus.problems if p.path and "label" in p.message}
    assert set(warned) == {"beta", "gamma", "delta"}  # alpha's own label is not the fault
    assert "'Alpha' is the id of alpha" in warned["beta"]
    assert "also the label of delta" in warned["gamma"]
    assert "also the label of gamma" in warned["delta"]
    assert next(p for p in corpus.problems if p.path and p.path.stem == "beta").line == 4
