"""Review suggested counterparts one at a time: link, reject, skip or stop, each written at once.

`review` walks the suggestions of a comparison (`comparison.suggest`) and asks `decide` about
each candidate pair. An accepted pair is pinned as a link, a rejected one recorded in
`not_links`; after each edit the plans are loaded again and the suggestions recomputed, so a
clause that has just been linked is no longer offered and the next edit sees the file as it
now is. The CLI's `align --review` and `--accept-all-above` are two `decide` functions; the
terminal UI lists a row's `row_items` and turns a key into `item_changes`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Literal

from planlens.authoring.edit_links import (
    Applied,
    Change,
    apply,
    link_changes,
    reject_changes,
    reload_corpus,
    unlink_changes,
)
from planlens.comparison.build import compare
from planlens.comparison.model import Comparison
from planlens.comparison.suggest import Candidate, Suggestion, suggest
from planlens.corpus.address import row_addresses
from planlens.corpus.load import Corpus
from planlens.errors import PlanlensError

Answer = Literal["yes", "no", "skip", "quit"]
"""yes: link the pair; no: reject it (not_links); skip: leave it; quit: stop reviewing."""
Decide = Callable[[Suggestion, Candidate], Answer]


def suggestions_for(corpus: Corpus, plan_ids: Sequence[str]) -> list[Suggestion]:
    """The suggestions `align --suggest` shows for `plan_ids` (asserted links used)."""
    comparison = compare(corpus, list(plan_ids))
    return suggest([corpus.plan(plan_id) for plan_id in plan_ids], comparison)


def linked(corpus: Corpus, a: str, b: str) -> bool:
    """True when either clause's `links` names the other."""
    return b in corpus.clause(a)[1].links or a in corpus.clause(b)[1].links


def review(corpus: Corpus, plan_ids: Sequence[str], decide: Decide) -> Iterator[list[Applied]]:
    """Ask `decide` about each suggested pair of `plan_ids`; yield what each answer wrote.

    Each pair is asked about once (whichever of its clauses it is suggested for); the review
    ends when none is left or `decide` answers "quit".
    """
    asked: set[frozenset[str]] = set()
    suggestions = suggestions_for(corpus, plan_ids)
    while True:
        pending = _next_pair(corpus, suggestions, asked)
        if pending is None:
            return
        suggestion, candidate = pending
        asked.add(frozenset((suggestion.address, candidate.address)))
        answer = decide(suggestion, candidate)
        if answer == "quit":
            return
        if answer == "skip":
            continue
        edit = link_changes if answer == "yes" else reject_changes
        yield apply(corpus, edit(corpus, suggestion.address, candidate.address))
        corpus = reload_corpus(corpus)
        suggestions = suggestions_for(corpus, plan_ids)


def _next_pair(
    corpus: Corpus, suggestions: list[Suggestion], asked: set[frozenset[str]]
) -> tuple[Suggestion, Candidate] | None:
    for suggestion in suggestions:
        for candidate in suggestion.candidates:
            pair = frozenset((suggestion.address, candidate.address))
            if pair not in asked and not linked(corpus, suggestion.address, candidate.address):
                return suggestion, candidate
    return None


def accept_above(score: float) -> Decide:
    """A `decide` that links each clause to its best candidate when that scores `score` or more."""

    def decide(_suggestion: Suggestion, candidate: Candidate) -> Answer:
        return "yes" if candidate.score >= score else "skip"

    return decide


ItemKind = Literal["suggested", "asserted", "found"]


@dataclass(frozen=True)
class ReviewItem:
    """A pair of clauses in one row an editor can act on: a suggestion, or a link shown."""

    a: str
    """The clause the item is about (the lone clause of a suggestion)."""
    b: str
    """The other clause (the candidate of a suggestion)."""
    kind: ItemKind
    """suggested: a candidate for a lone clause; asserted: a link in the files; found: a link
    the aligner made on its own."""
    score: float
    """The similarity score of the two clauses."""
    title: str = ""
    """The title of `b`, or its first words when it has none."""
    topics: tuple[str, ...] = ()
    """The topics the two clauses share (suggestions)."""
    via: str = ""
    """The pass that made a link."""


def row_items(
    comparison: Comparison, suggestions: Sequence[Suggestion], row_index: int
) -> list[ReviewItem]:
    """What an editor can act on in one row: its direct links, then its suggestions."""
    row = comparison.rows[row_index]
    items = [
        ReviewItem(
            link.a,
            link.b,
            "asserted" if link.via == "asserted" else "found",
            link.score,
            comparison.clauses[link.b].name if link.b in comparison.clauses else "",
            via=link.via,
        )
        for pair in row.pairs
        for link in pair.links
    ]
    addresses = set(row_addresses(row.clauses))
    for suggestion in suggestions:
        if suggestion.address in addresses:
            items += [
                ReviewItem(
                    suggestion.address,
                    c.address,
                    "suggested",
                    c.score,
                    c.title,
                    c.topics,
                )
                for c in suggestion.candidates
            ]
    return items


def item_changes(corpus: Corpus, item: ReviewItem, accept: bool) -> list[Change]:
    """The edit that accepts (links or pins) or rejects (records or unpins) `item`."""
    if accept:
        if item.kind == "asserted":
            raise PlanlensError(f"{item.a} ↔ {item.b} is already asserted in the files")
        return link_changes(corpus, item.a, item.b)
    if item.kind == "suggested":
        return reject_changes(corpus, item.a, item.b)
    if item.kind == "found":
        raise PlanlensError(
            f"{item.a} ↔ {item.b} was found by the aligner ({item.via}); the files assert "
            "nothing to remove"
        )
    return unlink_changes(corpus, item.a, item.b)
