"""Pinning, unpinning and rejecting links in plan files: byte-preserving, checked, atomic."""

from __future__ import annotations

import difflib
import shutil
import tomllib
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from planlens.authoring import edit_links
from planlens.authoring.edit_links import (
    Change,
    apply,
    later,
    link_changes,
    reject_changes,
    reload_corpus,
    unlink_changes,
)
from planlens.authoring.toml_edit import ListKey, edit_address_list
from planlens.corpus.load import load_corpus
from planlens.errors import PlanlensError
from tests.conftest import BUNDLED

COMMENTED = """\
#:schema ./plan.schema.json
# A hand-written header comment.
[plan]
id = "beta"   # trailing comment
title = "Beta"
date = 2025-02-01
kind = "plan"
status = "leaked"
fidelity = "paraphrase"

[[clause]]
id = "1"
title   =   "Odd spacing stays"
text = 'single quotes stay'
topics = [ "a",
  "b" ]   # a list over two lines
links = ["alpha:1"]  # proposed: confirm
confidence = "confirmed"

# a comment between clauses

[[clause]]
id = "2"
text = "Two."
confidence = "confirmed"
note = "last"
"""


def changed_lines(old: str, new: str) -> tuple[list[str], list[str]]:
    """The lines removed from `old` and added in `new`."""
    removed, added = [], []
    for line in difflib.ndiff(old.splitlines(), new.splitlines()):
        if line.startswith("- "):
            removed.append(line[2:])
        elif line.startswith("+ "):
            added.append(line[2:])
    return removed, added


def test_adding_to_a_list_changes_only_that_line() -> None:
    new = edit_address_list(COMMENTED, "1", "links", "alpha:2", add=True)
    assert changed_lines(COMMENTED, new) == (
        ['links = ["alpha:1"]  # proposed: confirm'],
        ['links = ["alpha:1", "alpha:2"]  # proposed: confirm'],
    )
    assert edit_address_list(new, "1", "links", "alpha:2", add=False) == COMMENTED


def test_a_new_list_is_one_added_line_in_the_formats_place_and_goes_when_emptied() -> None:
    new = edit_address_list(COMMENTED, "2", "links", "alpha:3", add=True)
    assert changed_lines(COMMENTED, new) == ([], ['links = ["alpha:3"]'])
    assert new.index('links = ["alpha:3"]') < new.index('note = "last"')
    assert new.index('text = "Two."') < new.index('links = ["alpha:3"]')
    rejected = edit_address_list(new, "1", "not_links", "alpha:4", add=True)
    assert changed_lines(new, rejected) == ([], ['not_links = ["alpha:4"]'])
    restored = edit_address_list(rejected, "1", "not_links", "alpha:4", add=False)
    assert edit_address_list(restored, "2", "links", "alpha:3", add=False) == COMMENTED


def test_windows_line_ends_are_kept() -> None:
    crlf = COMMENTED.replace("\n", "\r\n")
    new = edit_address_list(crlf, "2", "links", "alpha:3", add=True)
    assert new == edit_address_list(COMMENTED, "2", "links", "alpha:3", add=True).replace(
        "\n", "\r\n"
    )
    assert edit_address_list(new, "2", "links", "alpha:3", add=False) == crlf


def test_a_missing_clause_or_a_duplicate_address_is_refused() -> None:
    with pytest.raises(PlanlensError, match="no \\[\\[clause\\]\\] with id = '9'"):
        edit_address_list(COMMENTED, "9", "links", "alpha:1", add=True)
    with pytest.raises(PlanlensError, match="already has alpha:1"):
        edit_address_list(COMMENTED, "1", "links", "alpha:1", add=True)
    with pytest.raises(PlanlensError, match="has no alpha:7"):
        edit_address_list(COMMENTED, "1", "links", "alpha:7", add=False)


def test_a_link_goes_into_the_later_versions_file_byte_for_byte(mini_dir: Path) -> None:
    beta = mini_dir / "beta.toml"
    beta.write_text(beta.read_text(encoding="utf-8") + "\n# closing comment\n", encoding="utf-8")
    before = {path.name: path.read_bytes() for path in mini_dir.iterdir()}
    corpus = load_corpus([mini_dir])
    applied = apply(corpus, link_changes(corpus, "alpha:3", "beta:2"))
    assert [str(entry.change) for entry in applied] == ["beta:2: link added → alpha:3 (links)"]
    assert applied[0].path == beta
    after = beta.read_text(encoding="utf-8")
    assert changed_lines(before["beta.toml"].decode(), after) == ([], ['links = ["alpha:3"]'])
    assert all(
        path.read_bytes() == before[path.name] for path in mini_dir.iterdir() if path != beta
    )
    fresh = reload_corpus(corpus)
    assert fresh.clause("beta:2")[1].links == ["alpha:3"]
    # Undoing is applying the inverse changes: the file is byte-identical again.
    apply(fresh, [change.inverse() for change in reversed([a.change for a in applied])])
    assert beta.read_bytes() == before["beta.toml"]


def test_the_later_version_is_found_by_date_then_by_lineage(mini_dir: Path) -> None:
    corpus = load_corpus([mini_dir])
    assert later(corpus, "alpha", "beta") == "beta"
    assert later(corpus, "gamma", "alpha") == "gamma"
    same_day = mini_dir / "beta.toml"
    same_day.write_text(
        same_day.read_text(encoding="utf-8").replace(
            "date = 2025-02-01\norigin", "date = 2025-03-01\norigin"
        ),
        encoding="utf-8",
    )
    corpus = load_corpus([mini_dir])
    assert corpus.plan("beta").plan.date == corpus.plan("gamma").plan.date
    # gamma is based on beta, so gamma is the later version even on the same date.
    assert later(corpus, "gamma", "beta") == later(corpus, "beta", "gamma") == "gamma"


def test_a_file_changed_on_disk_since_loading_is_not_overwritten(mini_dir: Path) -> None:
    corpus = load_corpus([mini_dir])
    beta = mini_dir / "beta.toml"
    edited_elsewhere = beta.read_text(encoding="utf-8").replace("Ceasefire", "Truce")
    beta.write_text(edited_elsewhere, encoding="utf-8")
    with pytest.raises(PlanlensError, match="changed on disk since it was loaded"):
        apply(corpus, link_changes(corpus, "alpha:3", "beta:2"))
    assert beta.read_text(encoding="utf-8") == edited_elsewhere


def test_an_edit_that_would_not_validate_is_not_written(mini_dir: Path) -> None:
    corpus = load_corpus([mini_dir])
    beta = mini_dir / "beta.toml"
    before = beta.read_bytes()
    with pytest.raises(PlanlensError, match=r"(?s)would not be valid.*no plan with id 'nosuch'"):
        apply(corpus, [Change("beta", "2", "links", "nosuch:1", add=True)])
    assert beta.read_bytes() == before
    assert [p.name for p in mini_dir.iterdir() if p.name.endswith(".tmp")] == []


def test_unlink_reject_and_their_refusals(mini_dir: Path) -> None:
    corpus = load_corpus([mini_dir])
    assert unlink_changes(corpus, "alpha:1", "beta:1") == [
        Change("beta", "1", "links", "alpha:1", add=False)
    ]
    with pytest.raises(PlanlensError, match="already linked"):
        link_changes(corpus, "beta:1", "alpha:1")
    with pytest.raises(PlanlensError, match="unlink them first"):
        reject_changes(corpus, "beta:1", "alpha:1")
    with pytest.raises(PlanlensError, match="no link between beta:2 and alpha:3"):
        unlink_changes(corpus, "alpha:3", "beta:2")
    with pytest.raises(PlanlensError, match="same version"):
        link_changes(corpus, "alpha:1", "alpha:2")
    with pytest.raises(PlanlensError, match="has no clause '9'"):
        link_changes(corpus, "alpha:9", "beta:2")
    apply(corpus, reject_changes(corpus, "alpha:3", "beta:2"))
    corpus = reload_corpus(corpus)
    assert corpus.clause("beta:2")[1].not_links == ["alpha:3"]
    # Linking a rejected pair withdraws the rejection in the same edit.
    assert link_changes(corpus, "alpha:3", "beta:2") == [
        Change("beta", "2", "not_links", "alpha:3", add=False),
        Change("beta", "2", "links", "alpha:3", add=True),
    ]


def test_the_bundled_plans_are_never_edited(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("PLANLENS_PLANS", raising=False)
    monkeypatch.chdir(tmp_path)
    corpus = load_corpus()
    assert corpus.fallback
    before = (BUNDLED / "ep-res.toml").read_bytes()
    with pytest.raises(PlanlensError, match=r"bundled with planlens.*--plans"):
        apply(corpus, link_changes(corpus, "ep-res:18", "us-28:1"))
    assert (BUNDLED / "ep-res.toml").read_bytes() == before


def test_plans_inside_the_installed_package_are_never_edited(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    package = tmp_path / "site-packages" / "planlens"
    shutil.copytree(BUNDLED, package / "_bundled_plans")
    monkeypatch.setattr(edit_links, "PACKAGE_DIR", package)
    corpus = load_corpus([package / "_bundled_plans"])
    assert not corpus.fallback
    with pytest.raises(PlanlensError, match="never edited; copy them first"):
        apply(corpus, link_changes(corpus, "ep-res:18", "us-28:1"))


def test_a_symlinked_plan_file_is_written_through_the_link(tmp_path: Path) -> None:
    real = tmp_path / "real"
    shutil.copytree(Path(__file__).parent.parent / "data" / "mini", real)
    linked = tmp_path / "linked"
    linked.mkdir()
    for path in real.iterdir():
        (linked / path.name).symlink_to(path)
    corpus = load_corpus([linked])
    apply(corpus, link_changes(corpus, "alpha:3", "beta:2"))
    assert (linked / "beta.toml").is_symlink()
    assert 'links = ["alpha:3"]' in (real / "beta.toml").read_text(encoding="utf-8")


EP_RES = (BUNDLED / "ep-res.toml").read_text(encoding="utf-8")
EP_RES_IDS = [clause["id"] for clause in tomllib.loads(EP_RES)["clause"]]


@settings(max_examples=40, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(EP_RES_IDS),
            st.sampled_from(["links", "not_links"]),
            st.sampled_from(["us-28:2", "us-28:11", "us-28:20", "eu-24:1"]),
        ),
        min_size=1,
        max_size=6,
        unique=True,
    )
)
def test_edits_change_only_their_lists_and_undo_gives_the_bytes_back(
    edits: list[tuple[str, ListKey, str]],
) -> None:
    text = EP_RES
    for clause_id, key, address in edits:
        text = edit_address_list(text, clause_id, key, address, add=True)
    before, after = tomllib.loads(EP_RES), tomllib.loads(text)
    assert after["plan"] == before["plan"]
    for old, new in zip(before["clause"], after["clause"], strict=True):
        added = {(key, address) for cid, key, address in edits if cid == old["id"]}
        for key in ("links", "not_links"):
            wanted = old.get(key, []) + [a for k, a in sorted(added) if k == key]
            assert sorted(new.get(key, [])) == sorted(wanted)
        rest = {k: v for k, v in new.items() if k not in ("links", "not_links")}
        assert rest == {k: v for k, v in old.items() if k not in ("links", "not_links")}
    for clause_id, key, address in reversed(edits):
        text = edit_address_list(text, clause_id, key, address, add=False)
    assert text == EP_RES
