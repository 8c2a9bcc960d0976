"""What every report format reads from a `Comparison`, in words: titles, counts, figures, notes.

These helpers return raw strings taken from the data; each renderer escapes them for its own
syntax (HTML, Markdown, Rich) and passes them through `planlens.safe.visible`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from planlens.comparison.model import (
    CHANGE_CLASSES,
    AlternativeDiff,
    ChangeClass,
    Comparison,
    FigureInfo,
    PairDiff,
    Row,
)
from planlens.comparison.wording import figure_label, provenance
from planlens.corpus.address import addresses as address_list
from planlens.corpus.address import format_address
from planlens.corpus.model import Plan
from planlens.report.labels import completeness, label
from planlens.safe import visible

_SPACE = re.compile(r"\s+")


def fold(text: str) -> str:
    """`visible(text)` with every run of whitespace (newlines too) turned into one space.

    Unlike `one_line`, a leading or trailing space is kept, so diff spans still join up.
    """
    return _SPACE.sub(" ", visible(text))


def plan_label(comparison: Comparison, plan_id: str) -> str:
    """The column header of a compared version."""
    return comparison.plan(plan_id).label


def title(comparison: Comparison) -> str:
    """The report's title: the pair compared, reference first; more versions in order."""
    labels = [plan.label for plan in comparison.plans]
    if len(labels) == 2 and len(comparison.pairs) == 1:
        return pair_title(comparison, *comparison.pairs[0])  # `--reference` may be the second
    return " · ".join(labels)


def pair_title(comparison: Comparison, a: str, b: str) -> str:
    """A compared pair in words, reference first."""
    return f"{plan_label(comparison, a)} → {plan_label(comparison, b)}"


def options_line(comparison: Comparison) -> str:
    """How the comparison was made, when that differs from the default."""
    options = comparison.options
    parts = []
    if options.topic is not None:
        parts.append(f"only topic {options.topic}")
    if options.changed_only:
        parts.append("changed provisions only")
    if options.classes is not None:
        parts.append("only " + ", ".join(label(k) for k in options.classes))
    if options.ignore_links:
        parts.append("asserted links ignored")
    return "; ".join(parts)


def plan_facts(plan: Plan) -> str:
    """One line of a version's metadata: date, kind, status, fidelity, completeness."""
    return (
        f"{plan.date.isoformat()} · {plan.kind} · {plan.status} · {plan.fidelity} · "
        f"{completeness(plan.complete)} · {len(plan.sources)} "
        f"source{'' if len(plan.sources) == 1 else 's'}"
    )


def pair_of(row: Row, a: str, b: str) -> PairDiff | None:
    """The row's diff for the pair (a, b), if the row concerns that pair."""
    for diff in row.pairs:
        if diff.a == a and diff.b == b:
            return diff
    return None


def pair_rows(comparison: Comparison, a: str, b: str) -> Iterator[tuple[Row, PairDiff]]:
    """The rows that concern the pair (a, b), with the pair's diff."""
    for row in comparison.rows:
        diff = pair_of(row, a, b)
        if diff is not None:
            yield row, diff


def addresses(plan_id: str, clause_ids: list[str]) -> list[str]:
    """Clause addresses of one version's clauses."""
    return address_list(plan_id, clause_ids)


def heading(diff: PairDiff) -> str:
    """The addresses of both sides of a pair, e.g. `us-28:6 → eu-24:11`."""
    old = ", ".join(addresses(diff.a, diff.a_clauses)) or f"{diff.a}: —"
    new = ", ".join(addresses(diff.b, diff.b_clauses)) or f"{diff.b}: —"
    return f"{old} → {new}"


def side_text(comparison: Comparison, plan_id: str, clause_ids: list[str]) -> str:
    """The text of one side of a row: its clauses' texts joined, as the diff saw them."""
    return " ".join(comparison.clause(plan_id, cid).text for cid in clause_ids)


def bracketed(comparison: Comparison, plan_id: str, clause_ids: list[str]) -> bool:
    """Whether any of these clauses is bracketed (an unagreed alternative)."""
    return any(comparison.clause(plan_id, cid).bracketed for cid in clause_ids)


def bracket_caveat(
    comparison: Comparison, diff: PairDiff, plan_id: str, clause_ids: list[str]
) -> bool:
    """Whether to say that this side is bracketed: it is, and the diff's note does not say so."""
    if not clause_ids or not bracketed(comparison, plan_id, clause_ids):
        return False
    return diff.note is None or "bracketed" not in diff.note


def confidence(comparison: Comparison, plan_id: str, clause_ids: list[str]) -> str | None:
    """The weakest confidence of these clauses, when it is not `confirmed`."""
    levels = {comparison.clause(plan_id, cid).confidence for cid in clause_ids}
    for level in ("uncertain", "reported"):
        if level in levels:
            return level
    return None


def figure_value(value: str | None) -> str:
    """A figure's value as shown, with a dash for a missing one."""
    return "—" if value is None else value


MAX_PLAIN_RATIO = 1e4
"""A relative change this large or larger (1,000,000%) is written in scientific notation."""


def relative_change(figure: FigureInfo) -> str:
    """`+33%` when both values are numbers (and the old one is not zero), else empty; a
    change of a million percent or more in three significant digits (`+1.67e+302%`), not
    hundreds of digits of a float."""
    old, new = figure.old_value, figure.new_value
    if old is None or new is None or old == 0:
        return ""
    ratio = (new - old) / abs(old)
    return f"{ratio:+.0%}" if abs(ratio) < MAX_PLAIN_RATIO else f"{ratio * 100:+.3g}%"


def figure_line(figure: FigureInfo) -> str:
    """`army_cap: 600,000 → 800,000 (+33%)` beside its provision (`in the text: 100 days → …`
    for a quantity found in the words): the relative change when both are numbers."""
    line = f"{figure_label(figure)}: {figure_value(figure.old)} → {figure_value(figure.new)}"
    change = relative_change(figure)
    return f"{line} ({change})" if change else line


def figure_name(figure: FigureInfo) -> str:
    """A figure's name, with the alternative it belongs to when there is one."""
    if figure.alternative is None:
        return figure.name
    return f"{figure.name} [{figure.alternative.partition(':')[2]}]"


def pair_figures(diff: PairDiff) -> list[FigureInfo]:
    """The figures of a pair that belong to no single alternative."""
    return [f for f in diff.figures if f.alternative is None]


def alternative_figures(diff: PairDiff, alternative: AlternativeDiff) -> list[FigureInfo]:
    """The figure changes of one bracketed alternative."""
    return [f for f in diff.figures if f.alternative == alternative.address]


def alternative_heading(alternative: AlternativeDiff) -> str:
    """`alternative ua-20:12.alt-a (bracketed): its title`."""
    head = f"alternative {alternative.address} (bracketed)"
    return f"{head}: {alternative.title}" if alternative.title else head


def clause_notes(comparison: Comparison, plan_id: str, clause_ids: list[str]) -> list[str]:
    """`ua-20:12.alt-a: note` for each of these clauses that carries an editor's note."""
    return [
        f"{format_address(plan_id, cid)}: {note}"
        for cid in clause_ids
        if (note := comparison.clause(plan_id, cid).note)
    ]


def pair_notes(comparison: Comparison, diff: PairDiff) -> list[str]:
    """The editors' notes of both sides' clauses (alternatives excluded: they carry their own)."""
    own = {alt.address for alt in diff.alternatives}
    notes = []
    for plan_id, ids in ((diff.a, diff.a_clauses), (diff.b, diff.b_clauses)):
        kept = [cid for cid in ids if format_address(plan_id, cid) not in own]
        notes += clause_notes(comparison, plan_id, kept)
    return notes


def alternative_note(comparison: Comparison, alternative: AlternativeDiff) -> str | None:
    """The editor's note of one alternative's clause."""
    return comparison.clauses[alternative.address].note


def notes_elsewhere(comparison: Comparison, shown: Callable[[PairDiff], bool]) -> list[str]:
    """`address: note` for every clause with an editor's note that is on no side of a pair
    diff the report shows in detail (`shown`), so that every note reaches the reader."""
    seen = {
        format_address(plan_id, cid)
        for row in comparison.rows
        for diff in row.pairs
        if shown(diff)
        for plan_id, ids in ((diff.a, diff.a_clauses), (diff.b, diff.b_clauses))
        for cid in ids
    }
    return [
        f"{address}: {clause.note}"
        for row in comparison.rows
        for plan_id, ids in row.clauses.items()
        for address in addresses(plan_id, ids)
        if address not in seen and (clause := comparison.clauses[address]).note
    ]


def omission_notes(row: Row, diff: PairDiff) -> list[str]:
    """Reports that the pair's later version dropped this provision, when the class does not
    already say so in the pair's note."""
    return [
        f"{o.plan} reported to have dropped {o.ref} ({o.confidence}): {o.note}"
        for o in row.omissions
        if o.plan == diff.b and diff.change != "removed-reported"
    ]


def counts_line(changes: dict[ChangeClass, int]) -> str:
    """`21 modified, 4 merged, 1 added` (classes with no rows left out)."""
    parts = [f"{changes[c]} {label(c)}" for c in CHANGE_CLASSES if changes.get(c)]
    return ", ".join(parts) or "no provisions"


def topic_label(comparison: Comparison, topic_id: str) -> str:
    """A topic's readable label, or its id when the comparison carries no label for it."""
    return comparison.topic_labels.get(topic_id, topic_id)


def topic_columns(comparison: Comparison, a: str, b: str) -> list[ChangeClass]:
    """The change classes that occur in the pair's per-topic counts, in summary order."""
    for summary in comparison.summary:
        if (summary.a, summary.b) == (a, b):
            present = {c for counts in summary.topics.values() for c in counts}
            return [c for c in CHANGE_CLASSES if c in present]
    return []


def link_line(diff: PairDiff) -> str:
    """How the aligner connected the two sides (pass and score), when it did directly."""
    parts = [provenance(link) for link in diff.links]
    flags = [flag for flag, on in (("moved", diff.moved), ("renumbered", diff.renumbered)) if on]
    return "; ".join([*parts, ", ".join(flags)] if flags else parts)


def partial_versions(comparison: Comparison) -> list[Plan]:
    """The versions known only in part: a provision they lack is unknown, not removed."""
    return [plan for plan in comparison.plans if not plan.complete]


@dataclass(frozen=True)
class Cell:
    """One version's entry in a row of the provision matrix."""

    clause_ids: list[str]
    """The version's clauses in this row (empty: none)."""
    change: ChangeClass | None
    """Its change against its reference; None for the reference column of the first version."""


def matrix_cell(comparison: Comparison, row: Row, plan_id: str) -> Cell:
    """What the matrix shows for `plan_id` in `row`: its clauses and its change class."""
    change: ChangeClass | None = None
    for diff in row.pairs:
        if diff.b == plan_id:
            change = diff.change
            break
    return Cell(row.clauses.get(plan_id, []), change)
