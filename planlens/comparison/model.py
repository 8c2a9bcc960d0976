"""The `Comparison`: the one contract every view reads (TUI, reports, CLI).

A frozen pydantic model. Its JSON serialisation *is* the canonical JSON report, versioned by
`SCHEMA_VERSION`; `planlens schema report` prints its JSON Schema. Nothing downstream
recomputes alignment or diffs: renderers only read this.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict

from planlens.align.model import Link
from planlens.corpus.address import format_address
from planlens.corpus.model import Clause, Confidence, Plan

SCHEMA_VERSION = "1.1"


ChangeClass = Literal[
    "unchanged",
    "reworded",
    "modified",
    "moved",
    "renumbered",
    "split",
    "merged",
    "added",
    "removed",
    "removed-reported",
    "unknown",
]
CHANGE_CLASSES: tuple[ChangeClass, ...] = (
    "unchanged", "reworded", "modified", "moved", "renumbered", "split", "merged",
    "added", "removed", "removed-reported", "unknown",
)  # fmt: skip
"""Every change class, in the order summaries list them."""

SpanOp = Literal["equal", "delete", "insert"]


class _Frozen(BaseModel):
    """Immutable, and built without validation by `compare()` (`model_construct`): its inputs
    are the validated corpus and the aligner's own results. Schemas, validators and serialisers
    are built the first time one is needed (`defer_build`): a text diff needs none of them."""

    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)


class SpanInfo(_Frozen):
    """A run of words both versions share, or only the old or the new one has."""

    op: SpanOp
    """equal, delete (old only) or insert (new only)."""
    text: str
    """The words, whitespace included."""


def new_span(op: SpanOp, text: str) -> SpanInfo:
    """`SpanInfo.model_construct(op=op, text=text)` in a third of its time: the same object
    (equal, dumped and shown alike), set up as `model_construct` sets up a model whose every
    field is given. A word diff makes one per run of words, tens of thousands per large
    comparison."""
    made = _bare_span(SpanInfo)
    _set(made, "__dict__", {"op": op, "text": text})
    _set(made, "__pydantic_fields_set__", {"op", "text"})
    _set(made, "__pydantic_extra__", None)
    _set(made, "__pydantic_private__", None)
    return made


_bare_span = SpanInfo.__new__
_set = object.__setattr__


class FigureInfo(_Frozen):
    """A figure that differs between the two sides of a pair."""

    name: str
    """Term name, or the words before a figure found in the text."""
    old: str | None
    """Old value as shown; None when the old side has no such figure."""
    new: str | None
    """New value as shown; None when the new side has no such figure."""
    source: Literal["terms", "text"]
    """terms: a typed figure compared by name; text: found in the word diff."""
    old_value: float | None = None
    """Old value as a number, when it is one."""
    new_value: float | None = None
    """New value as a number, when it is one."""
    alternative: str | None = None
    """Address of the bracketed alternative the figure belongs to, when the side has several."""


class OmissionInfo(_Frozen):
    """A provision a version is reported to have dropped, and the row it concerns."""

    plan: str
    """The version said to have dropped it."""
    ref: str
    """The dropped provision's address."""
    note: str
    """What was reported."""
    source: str | None = None
    """Where the report can be checked."""
    confidence: Confidence
    """How sure the report is."""
    row: int | None = None
    """Index of the row it concerns in `Comparison.rows`, or None when not shown."""
    topics: list[str] = []
    """Topics of the dropped provision (its row's, or its clause's), for topic filters."""


class AlternativeDiff(_Frozen):
    """One bracketed alternative of a side, compared on its own with the other side's text.

    A draft's unagreed options (`12.alt-a`, `12.alt-b`) are not one text: each is diffed and
    its figures compared separately, so neither option's words or figures hide the other's.
    """

    address: str
    """The alternative clause's address (`ua-20:12.alt-a`)."""
    side: Literal["a", "b"]
    """Which side of the pair it belongs to: a (reference) or b (the later version)."""
    title: str | None = None
    """The alternative's own title, when it has one."""
    change: ChangeClass
    """Its change class against the other side's text (by the rules for text)."""
    similarity: float
    """Share of words kept, 0–1."""
    spans: list[SpanInfo]
    """Word-level diff: the other side's text into this alternative (or this one into it)."""


class PairDiff(_Frozen):
    """How one provision changed between two versions."""

    a: str
    """The earlier (reference) version."""
    b: str
    """The later version."""
    a_clauses: list[str]
    """Clause ids of `a` in this row."""
    b_clauses: list[str]
    """Clause ids of `b` in this row."""
    change: ChangeClass
    """The change class shown for this pair."""
    moved: bool = False
    """The provision's place relative to the others changed."""
    renumbered: bool = False
    """The provision's number changed."""
    similarity: float | None = None
    """Share of words kept (1 − changed share), when both sides have text."""
    links: list[Link] = []
    """The links that connect the two sides directly; empty when they meet via another version."""
    spans: list[SpanInfo] = []
    """Word-level diff of `a`'s text into `b`'s, when both sides have text and no alternatives."""
    figures: list[FigureInfo] = []
    """Figures that differ (of every alternative, each tagged with its address)."""
    alternatives: list[AlternativeDiff] = []
    """Per-alternative diffs when one side holds several bracketed alternatives (then `spans`
    is empty)."""
    note: str | None = None
    """Why the class is what it is, when it needs saying (omission note, partial version)."""


class Row(_Frozen):
    """One provision across the compared versions."""

    index: int
    """Position in `Comparison.rows`, from 0."""
    anchor: str
    """A stable id for links: the address of the row's first clause."""
    title: str
    """A short title: the first title found in version order."""
    clauses: dict[str, list[str]]
    """Plan id → clause ids in this row; every compared plan is a key (empty list: none)."""
    topics: list[str]
    """Topics of the row's clauses, first seen first."""
    pairs: list[PairDiff]
    """One entry per compared pair in which at least one side has a clause here."""
    secondary: list[Link] = []
    """Split and merge links that reach into this row from another row."""
    omissions: list[OmissionInfo] = []
    """Versions reported to have dropped this provision."""


class PairSummary(_Frozen):
    """Counts for one compared pair."""

    a: str
    """The reference version."""
    b: str
    """The compared version."""
    changes: dict[ChangeClass, int]
    """Rows per change class (every class present, zeros included)."""
    topics: dict[str, dict[ChangeClass, int]]
    """Per topic: rows per change class (classes with zero rows left out)."""
    figures: int
    """Number of figure changes."""


class Options(_Frozen):
    """How the comparison was made."""

    ignore_links: bool = False
    """The asserted links were not used."""
    topic: str | None = None
    """Only rows about this topic are included."""
    changed_only: bool = False
    """Rows unchanged in every pair are left out."""
    classes: list[ChangeClass] | None = None
    """Only rows where some pair has one of these change classes are included."""


class Comparison(_Frozen):
    """Aligned provisions of N versions, with diffs, figures, change classes and counts."""

    schema_version: str = SCHEMA_VERSION
    """Version of this format; bumped when a field changes meaning or disappears."""
    generator: str
    """The program that made it."""
    plans: list[Plan]
    """The compared versions, in comparison order."""
    pairs: list[tuple[str, str]]
    """The compared (reference, version) pairs."""
    rows: list[Row]
    """The provisions, in display order."""
    clauses: dict[str, Clause]
    """Every clause that appears in a row, by address."""
    omissions: list[OmissionInfo]
    """Every reported omission of the compared versions."""
    summary: list[PairSummary]
    """Counts per pair, over the included rows."""
    clause_counts: dict[str, int] = {}
    """Plan id → number of clauses in the whole version (rows may be filtered)."""
    topic_labels: dict[str, str] = {}
    """Topic id → human-readable label, for the topics in the rows (when the corpus has them)."""
    options: Options
    """How it was made."""

    def plan(self, plan_id: str) -> Plan:
        """The metadata of one compared version."""
        for plan in self.plans:
            if plan.id == plan_id:
                return plan
        raise KeyError(plan_id)

    def clause(self, plan_id: str, clause_id: str) -> Clause:
        """One clause of a row."""
        return self.clauses[format_address(plan_id, clause_id)]
