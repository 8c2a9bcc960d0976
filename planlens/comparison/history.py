"""One provision through every version: all versions aligned at once, in date order.

`history()` aligns every version of the corpus as `compare()` does and builds the row that
holds the asked clause (the same row every view shows, without comparing every other row), and
says for each
version what it has there: its clause(s) with text, confidence, note and the word diff against
the previous version that has the provision; or why it has none — *removed (reported)* with
the omission's note and source, *unknown* for a version known only in part, *absent* for a fully
known version without it. A version whose clause holds this provision together with others (a
split or merge link: e3-28:21 folds us-28:21.a-d into one point) is *merged*, with that clause
and no word diff, since its text covers more than this provision. Bracketed alternatives
(ua-20:12.alt-a / alt-b) stay separate clauses.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict

from planlens.comparison.diff import word_diff
from planlens.comparison.figures import show_term
from planlens.comparison.model import Row, SpanInfo
from planlens.corpus.address import format_address, split_address
from planlens.corpus.load import Corpus
from planlens.corpus.model import Clause, Confidence, PlanFile

HistoryState = Literal["present", "merged", "absent", "unknown", "removed-reported"]


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class HistoryClause(_Frozen):
    """One clause of one version in the provision's row."""

    id: str
    """The clause id."""
    address: str
    """Its address (`plan:clause`)."""
    title: str
    """Its title."""
    text: str
    """Its text."""
    confidence: Confidence
    """How sure the text is."""
    bracketed: bool
    """An unagreed alternative (a draft's square brackets)."""
    note: str | None
    """The editor's note."""
    terms: dict[str, str]
    """Its typed figures, as people write them."""
    spans: list[SpanInfo]
    """Word diff from the previous version that has the provision; empty for the first."""


class HistoryOmission(_Frozen):
    """A report that the version dropped the provision."""

    note: str
    """What was reported."""
    source: str | None
    """Where the report can be checked."""
    confidence: Confidence
    """How sure the report is."""


class HistoryEntry(_Frozen):
    """What one version has in the provision's row."""

    plan: str
    """The version's id."""
    label: str
    """Its short label."""
    date: str
    """Its date, ISO."""
    complete: bool
    """Whether the whole version is known."""
    state: HistoryState
    """present, merged (in a clause that holds other provisions too: a split or merge link),
    absent (fully known, not there), unknown (partly known), removed-reported."""
    clauses: list[HistoryClause]
    """Its clauses in the row (alternatives apart), or, when merged, the clauses that hold it
    with other provisions (no word diff); empty otherwise."""
    compared_with: str | None
    """The version the word diffs are against: the previous one that has the provision."""
    omission: HistoryOmission | None = None
    """The reported omission, when removed-reported."""


class History(_Frozen):
    """A provision through every version of the corpus."""

    address: str
    """The clause asked about."""
    title: str
    """The title of the clause asked about (the row's title when the clause has none)."""
    topics: list[str]
    """Its topics."""
    versions: list[HistoryEntry]
    """One entry per version, in date order."""


def history(corpus: Corpus, address: str, *, ignore_links: bool = False) -> History:
    """The provision that holds `address`, through every version of `corpus` in date order.

    The version may be named by its label (`GEN-19:p1`); the history gives the address by id.
    """
    plan, clause = corpus.clause(address)  # a clear error for an unknown plan or clause
    address = plan.address(clause)
    # Imported here: the aligner (and numpy) is for this question only, not for the commands
    # that import the history's types (`search`, `figures` render through the same module).
    from planlens.comparison.build import provision

    plans, row = provision(corpus, address, ignore_links=ignore_links)
    return _history_of_row(plans, row, clause.title or row.title, address)


def _history_of_row(plans: list[PlanFile], row: Row, title: str, address: str) -> History:
    """The history of one row of the alignment of every version (dates order the versions)."""
    versions: list[HistoryEntry] = []
    previous: tuple[str, list[Clause]] | None = None
    omitted = {o.plan: o for o in row.omissions}
    elsewhere = _merged_addresses(row)
    for plan_file in sorted(plans, key=lambda p: p.plan.date):
        plan = plan_file.plan
        by_id = {c.id: c for c in plan_file.clauses} if row.clauses.get(plan.id) else {}
        clauses = [by_id[cid] for cid in row.clauses.get(plan.id, [])]
        base = {
            "plan": plan.id,
            "label": plan.label,
            "date": plan.date.isoformat(),
            "complete": plan.complete,
        }
        if clauses:
            entries = [_clause(plan.id, c, previous[1] if previous else None) for c in clauses]
            versions.append(
                HistoryEntry(
                    **base,
                    state="present",
                    clauses=entries,
                    compared_with=previous[0] if previous else None,
                )
            )
            previous = (plan.id, clauses)
            continue
        merged = [c for c in plan_file.clauses if (plan.id, c.id) in elsewhere]
        if merged:
            versions.append(
                HistoryEntry(
                    **base,
                    state="merged",
                    clauses=[_clause(plan.id, c, None) for c in merged],
                    compared_with=None,
                )
            )
            continue
        omission = omitted.get(plan.id)
        if omission is not None:
            reported = HistoryOmission(
                note=omission.note, source=omission.source, confidence=omission.confidence
            )
            versions.append(
                HistoryEntry(
                    **base,
                    state="removed-reported",
                    clauses=[],
                    compared_with=None,
                    omission=reported,
                )
            )
            continue
        state: HistoryState = "absent" if plan.complete else "unknown"
        versions.append(HistoryEntry(**base, state=state, clauses=[], compared_with=None))
    return History(address=address, title=title, topics=row.topics, versions=versions)


def _merged_addresses(row: Row) -> set[tuple[str, str]]:
    """(plan, clause id) of the clauses outside the row that a split or merge link joins to it."""
    inside = {(plan, cid) for plan, ids in row.clauses.items() for cid in ids}
    linked = {tuple(split_address(a)) for link in row.secondary for a in (link.a, link.b)}
    return {(plan, cid) for plan, cid in linked} - inside


def _clause(plan_id: str, clause: Clause, before: list[Clause] | None) -> HistoryClause:
    spans: list[SpanInfo] = []
    if before:
        agreed = [c for c in before if not c.bracketed] or before
        old = " ".join(c.text for c in agreed)
        spans = word_diff(old, clause.text)
    return HistoryClause(
        id=clause.id,
        address=format_address(plan_id, clause.id),
        title=clause.title,
        text=clause.text,
        confidence=clause.confidence,
        bracketed=clause.bracketed,
        note=clause.note,
        terms={name: show_term(value, name) for name, value in clause.terms.items()},
        spans=spans,
    )


__all__ = ["History", "HistoryClause", "HistoryEntry", "HistoryState", "history"]
