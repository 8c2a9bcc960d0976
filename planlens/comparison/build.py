"""`compare()`: alignment + word diffs + figures + change classes + counts → `Comparison`."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass

from planlens import __version__
from planlens.align.model import Alignment, Link
from planlens.align.stored import align_stored
from planlens.comparison.changes import PairContext, classify_pair, moved_addresses
from planlens.comparison.filters import RowFilter, filtered, summarise
from planlens.comparison.model import (
    ChangeClass,
    Comparison,
    OmissionInfo,
    Options,
    PairDiff,
    Row,
)
from planlens.comparison.pairs import reference_pairs
from planlens.corpus.address import format_address, plan_of, row_addresses
from planlens.corpus.load import Corpus
from planlens.corpus.model import Clause, PlanFile
from planlens.corpus.names import UnknownTopicError
from planlens.errors import PlanlensError
from planlens.gc_pause import gc_paused


@gc_paused()
def compare(
    source: Corpus | Sequence[PlanFile],
    plan_ids: Sequence[str] | None = None,
    *,
    ignore_links: bool = False,
    topic: str | None = None,
    changed_only: bool = False,
    classes: Collection[ChangeClass] | None = None,
    reference: str | None = None,
) -> Comparison:
    """Compare versions: `plan_ids` from a corpus (all of it by default), or the plans given.

    With two versions the pair is (first, second). With more, each version is compared with its
    nearest `based_on` ancestor among those compared, or else with the first; with `reference`
    (an id or label of one of them), every version is compared with it. Filters keep the rows
    about `topic`, the rows changed in some pair (`changed_only`), and the rows where some pair
    has one of `classes` (`filters.RowFilter`, the rule every view applies).
    """
    plans = _select(source, plan_ids)
    _check_topic(source, topic)
    context = _Context.of(source, plans, ignore_links, _reference_id(source, reference))
    rows = [_row(context, index) for index in range(len(context.alignment.rows))]
    clause_of = context.clause_of
    comparison = Comparison.model_construct(
        generator=f"planlens {__version__}",
        plans=[plan.plan for plan in plans],
        pairs=context.pairs,
        rows=rows,
        clauses={
            address: clause_of[address] for row in rows for address in row_addresses(row.clauses)
        },
        omissions=context.omissions,
        summary=[summarise(rows, a, b) for a, b in context.pairs],
        clause_counts={plan.id: len(plan.clauses) for plan in plans},
        topic_labels=_topic_labels(source, rows),
        options=Options.model_construct(ignore_links=ignore_links),
    )
    return filtered(comparison, RowFilter.of(topic, classes, changed_only))


def _check_topic(source: Corpus | Sequence[PlanFile], topic: str | None) -> None:
    """Refuse a topic the corpus's taxonomy lacks, naming the closest ids."""
    if topic is not None and isinstance(source, Corpus) and topic not in source.topics:
        raise UnknownTopicError(topic, {t: source.topics[t].label for t in source.topics})


def _reference_id(source: Corpus | Sequence[PlanFile], reference: str | None) -> str | None:
    """The id of the reference version named by id or label (a corpus resolves labels)."""
    if reference is None or not isinstance(source, Corpus):
        return reference
    return source.resolve(reference)


@gc_paused()
def provision(
    corpus: Corpus, address: str, *, ignore_links: bool = False
) -> tuple[list[PlanFile], Row]:
    """Every version of `corpus` aligned, and the provision that holds the clause at `address`:
    the row `compare(corpus)` has for it (the same alignment, the same pairs), built alone, so
    one provision's question does not diff and classify every other row. `address` must be a
    clause of the corpus, by id (`corpus.clause()` checks a typed one)."""
    context = _Context.of(corpus, list(corpus.plans), ignore_links, None)
    index = context.alignment.row_of(address)
    if index is None:  # cannot happen: every clause of an aligned plan is in a row
        raise PlanlensError(f"{address} is not a clause of the corpus")
    return list(context.plans), _row(context, index)


@dataclass(frozen=True)
class _Context:
    """What building any row needs, worked out once per comparison."""

    plans: Sequence[PlanFile]
    """The compared versions, in order."""
    alignment: Alignment
    """Their alignment."""
    pairs: list[tuple[str, str]]
    """The compared pairs (reference, version)."""
    clause_of: dict[str, Clause]
    """Every clause of the compared versions by address."""
    omissions: list[OmissionInfo]
    """Their omissions, resolved to rows."""
    classes: PairContext
    """What the change classes read."""
    moved: dict[tuple[str, str], set[str]]
    """Per compared pair, the addresses of the clauses whose order changed."""

    @classmethod
    def of(
        cls,
        source: Corpus | Sequence[PlanFile],
        plans: Sequence[PlanFile],
        ignore_links: bool,
        reference: str | None,
    ) -> _Context:
        """`plans` aligned, paired (each with its reference: `reference_pairs`) and their
        omissions resolved to rows (`source` finds the clauses of versions not compared)."""
        digests = source.digests if isinstance(source, Corpus) else {}
        alignment = align_stored(plans, digests, ignore_links=ignore_links)
        pairs = reference_pairs(plans, reference)
        clause_of = {format_address(p.id, c.id): c for p in plans for c in p.clauses}
        omissions = _omissions(plans, alignment, clause_of, source)
        by_id = {plan.id: plan for plan in plans}
        classes = PairContext(by_id, clause_of, alignment, omissions)
        moved = {pair: moved_addresses(alignment, by_id, *pair) for pair in pairs}
        return cls(plans, alignment, pairs, clause_of, omissions, classes, moved)


def _row(context: _Context, index: int) -> Row:
    """The `Row` of the alignment's row `index`, each compared pair classified."""
    aligned = context.alignment.rows[index]
    addresses = row_addresses(aligned.clauses)
    members = [context.clause_of[a] for a in addresses]
    return Row.model_construct(
        index=index,
        anchor=addresses[0],
        title=next((c.title for c in members if c.title), members[0].name),
        clauses={p.id: list(aligned.ids(p.id)) for p in context.plans},
        topics=list(dict.fromkeys(t for clause in members for t in clause.topics)),
        pairs=[
            classify_pair(context.classes, index, a, b, context.moved[(a, b)])
            for a, b in context.pairs
            if aligned.ids(a) or aligned.ids(b)
        ],
        secondary=_secondary(context.alignment, set(addresses)),
        omissions=[o for o in context.omissions if o.row == index],
    )


def _select(source: Corpus | Sequence[PlanFile], plan_ids: Sequence[str] | None) -> list[PlanFile]:
    if isinstance(source, Corpus):
        if plan_ids is None:
            return list(source.plans)
        return [source.plan(pid) for pid in plan_ids]
    plans = list(source)
    if plan_ids is not None:
        by_id = {p.id: p for p in plans}
        return [by_id[pid] for pid in plan_ids]
    return plans


def _omissions(
    plans: Sequence[PlanFile],
    alignment: Alignment,
    clause_of: dict[str, Clause],
    source: Corpus | Sequence[PlanFile],
) -> list[OmissionInfo]:
    """Every omission of the compared plans, resolved to a row where possible, with the topics
    of the provision it drops (so a topic filter keeps only the drops about its topic).

    A reference to a compared version resolves to its row directly; a reference to a version
    not compared resolves through a compared clause that links to it.
    """
    out: list[OmissionInfo] = []
    for plan in plans:
        for omission in plan.omission:
            row = alignment.row_of(omission.ref)
            if row is None:
                for address, clause in clause_of.items():
                    if omission.ref in clause.links and plan_of(address) != plan.id:
                        row = alignment.row_of(address)
                        break
            out.append(
                OmissionInfo.model_construct(
                    plan=plan.id,
                    ref=omission.ref,
                    note=omission.note,
                    source=omission.source,
                    confidence=omission.confidence,
                    row=row,
                    topics=_dropped_topics(omission.ref, row, alignment, clause_of, source),
                )
            )
    return out


def _dropped_topics(
    ref: str,
    row: int | None,
    alignment: Alignment,
    clause_of: dict[str, Clause],
    source: Corpus | Sequence[PlanFile],
) -> list[str]:
    """The topics of a dropped provision: its row's, or else its clause's (looked up in the
    corpus when its version is not compared)."""
    if row is not None:
        members = [clause_of[a] for a in row_addresses(alignment.rows[row].clauses)]
        return list(dict.fromkeys(t for clause in members for t in clause.topics))
    if ref in clause_of:
        return list(clause_of[ref].topics)
    if isinstance(source, Corpus):
        try:
            return list(source.clause(ref)[1].topics)
        except PlanlensError:
            return []
    return []


def _secondary(alignment: Alignment, addresses: set[str]) -> list[Link]:
    """Split and merge links with one end in this row and the other in another row."""
    return [
        link
        for link in alignment.links_touching(addresses)
        if link.kind != "match" and (link.a in addresses) != (link.b in addresses)
    ]


def _topic_labels(source: Corpus | Sequence[PlanFile], rows: list[Row]) -> dict[str, str]:
    if not isinstance(source, Corpus):
        return {}
    used = sorted({topic for row in rows for topic in row.topics})
    return {t: source.topics[t].label for t in used if t in source.topics}


__all__ = ["PairDiff", "compare", "provision", "reference_pairs"]
