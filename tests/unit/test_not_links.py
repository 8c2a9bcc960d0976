"""`not_links`: rejected suggestions, checked like `links`; and what a row offers to review."""

from __future__ import annotations

from pathlib import Path

import pytest

from planlens.authoring.review import ReviewItem, item_changes, row_items
from planlens.comparison.build import compare
from planlens.corpus.load import load_corpus
from planlens.errors import PlanlensError


def add_line(path: Path, after: str, line: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert after in text
    path.write_text(text.replace(after, f"{after}\n{line}", 1), encoding="utf-8")


def test_not_links_are_checked_like_links(mini_dir: Path) -> None:
    add_line(mini_dir / "beta.toml", 'title = "Ceasefire"', 'not_links = ["alpha:9", "alpha:3"]')
    add_line(mini_dir / "beta.toml", 'title = "Elections"', 'not_links = ["alpha:2"]')
    corpus = load_corpus([mini_dir])
    messages = [(p.clause, p.message) for p in corpus.errors]
    assert ("2", "not_links entry 'alpha:9': plan 'alpha' has no clause '9'") in messages
    assert ("3", "'alpha:2' is both in links and in not_links") in messages
    assert corpus.clause("beta:2")[1].not_links == ["alpha:9", "alpha:3"]


def test_not_links_must_be_addresses(mini_dir: Path) -> None:
    add_line(mini_dir / "beta.toml", 'title = "Ceasefire"', 'not_links = ["alpha"]')
    corpus = load_corpus([mini_dir])
    assert "beta" not in corpus.ids
    assert any("not_links" in p.message for p in corpus.errors)


def test_a_row_offers_its_links_and_the_edits_they_allow(mini_dir: Path) -> None:
    corpus = load_corpus([mini_dir])
    comparison = compare(corpus, ["alpha", "beta"])
    row = next(r.index for r in comparison.rows if r.clauses["beta"] == ["1"])
    items = row_items(comparison, [], row)
    assert [(i.a, i.b, i.kind) for i in items] == [("alpha:1", "beta:1", "asserted")]
    assert [str(c) for c in item_changes(corpus, items[0], accept=False)] == [
        "beta:1: link removed → alpha:1 (links)"
    ]
    with pytest.raises(PlanlensError, match="already asserted"):
        item_changes(corpus, items[0], accept=True)
    found = ReviewItem("alpha:2", "beta:2", "found", 0.5, via="similar")
    with pytest.raises(PlanlensError, match="found by the aligner"):
        item_changes(corpus, found, accept=False)
    assert [str(c) for c in item_changes(corpus, found, accept=True)] == [
        "beta:2: link added → alpha:2 (links)"
    ]
