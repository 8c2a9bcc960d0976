"""A figure's timeline: every typed term across every version of the corpus, in date order.

Each version is in one of five states for a term: *set* (a clause gives a value), *none* (a
clause says explicitly that there is no such figure: the value `"none"`, see
`planlens.corpus.model.NO_FIGURE`), *removed* (no clause sets it, and the version is reported
to have dropped a clause that does: its `[[omission]]`), *silent* (the version is fully known
and no clause sets it) and *unknown* (the version is known only in part, so its silence proves
nothing). A version with several clauses that set the term (bracketed alternatives) has one
entry per clause.
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping, Sequence
from typing import Literal

from pydantic import BaseModel, ConfigDict

from planlens.comparison.figures import show_term
from planlens.corpus.load import Corpus
from planlens.corpus.model import NO_FIGURE, Confidence, PlanFile, TermValue
from planlens.errors import PlanlensError

FigureState = Literal["set", "none", "removed", "silent", "unknown"]
FIGURE_STATES: tuple[FigureState, ...] = ("set", "none", "removed", "silent", "unknown")
"""Every state a version can be in for a term."""


class FigureEntry(BaseModel):
    """One version's word on one term (one entry per clause that sets it)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    plan: str
    """The version's id."""
    label: str
    """The version's short label."""
    date: str
    """The version's date, ISO."""
    clause: str | None
    """The address of the clause that sets the term (for removed, the clause the version is
    reported to have dropped); None when no clause does."""
    value: TermValue | None
    """The value as typed in the file; None unless the state is set."""
    shown: str | None
    """The value as people write it (`$100 billion`, `800,000`); None unless set."""
    state: FigureState
    """set, none (explicitly no such figure), removed (reported dropped), silent (fully known,
    says nothing), unknown."""
    confidence: Confidence | None
    """The clause's confidence (for removed, the omission's); None when no clause sets it."""
    bracketed: bool = False
    """The clause is an unagreed alternative."""
    note: str | None = None
    """The clause's note (for removed, the omission's)."""


def term_names(corpus: Corpus) -> list[str]:
    """Every term name used in the corpus, sorted."""
    return sorted({name for plan in corpus.plans for c in plan.clauses for name in c.terms})


def _dropped(plan: PlanFile, term: str, setters: Mapping[str, set[str]]) -> list[FigureEntry]:
    """An entry per omission of `plan` whose dropped clause sets `term`."""
    base = {"plan": plan.id, "label": plan.plan.label, "date": plan.plan.date.isoformat()}
    return [
        FigureEntry(
            **base,
            clause=omission.ref,
            value=None,
            shown=None,
            state="removed",
            confidence=omission.confidence,
            note=omission.note,
        )
        for omission in plan.omission
        if term in setters.get(omission.ref, ())
    ]


def _entries(plan: PlanFile, term: str, setters: Mapping[str, set[str]]) -> list[FigureEntry]:
    base = {"plan": plan.id, "label": plan.plan.label, "date": plan.plan.date.isoformat()}
    entries = []
    for clause in plan.clauses:
        if term not in clause.terms:
            continue
        value = clause.terms[term]
        explicit_none = value == NO_FIGURE
        entries.append(
            FigureEntry(
                **base,
                clause=plan.address(clause),
                value=None if explicit_none else value,
                shown=None if explicit_none else show_term(value, term),
                state="none" if explicit_none else "set",
                confidence=clause.confidence,
                bracketed=clause.bracketed,
                note=clause.note,
            )
        )
    if entries:
        return entries
    dropped = _dropped(plan, term, setters)
    if dropped:
        return dropped
    state: FigureState = "silent" if plan.plan.complete else "unknown"
    return [FigureEntry(**base, clause=None, value=None, shown=None, state=state, confidence=None)]


def _resolve(name: str, known: list[str]) -> str:
    """The known term `name` means: exact, else the one that matches ignoring case.

    An unknown name is an error that suggests the closest names, compared ignoring case.
    """
    if name in known:
        return name
    folded: dict[str, list[str]] = {}
    for term in known:
        folded.setdefault(term.casefold(), []).append(term)
    same = folded.get(name.casefold(), [])
    if len(same) == 1:
        return same[0]
    close = same or [
        term
        for key in difflib.get_close_matches(name.casefold(), list(folded), n=3)
        for term in folded[key]
    ]
    hint = f"; did you mean {' or '.join(close)}?" if close else ""
    raise PlanlensError(
        f"no version has a figure named {name!r}{hint} (`planlens figures` lists them all)"
    )


def figure_timeline(
    corpus: Corpus, terms: Sequence[str] | None = None
) -> dict[str, list[FigureEntry]]:
    """Term name → one or more entries per version, in the corpus's date order.

    Without `terms`, every term of the corpus. An unknown term name is an error that suggests
    the closest names; a name that matches one term ignoring case means that term.
    """
    known = term_names(corpus)
    wanted = [_resolve(name, known) for name in terms] if terms else known
    setters = {
        plan.address(clause): set(clause.terms)
        for plan in corpus.plans
        for clause in plan.clauses
        if clause.terms
    }
    return {
        name: [e for plan in corpus.plans for e in _entries(plan, name, setters)] for name in wanted
    }


__all__ = ["FIGURE_STATES", "FigureEntry", "FigureState", "figure_timeline", "term_names"]
