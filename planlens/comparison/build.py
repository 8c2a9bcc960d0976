"""`compare()`: alignment + word diffs + figures + change classes + counts → `Comparison`."""

from __future__ import annotations

from collections.abc import Collection, Sequence

from planlens import __version__
from planlens.align.model import Alignment
from planlens.align.passes import align
from planlens.comparison.changes import PairContext, classify_pair, link_info, moved_addresses
from planlens.comparison.model import (
    CHANGE_CLASSES,
    ChangeClass,
    Comparison,
    LinkInfo,
    OmissionInfo,
    Options,
    PairDiff,
    PairSummary,
    Row,
)
from planlens.comparison.pairs import reference_pairs
from planlens.corpus.load import Corpus
from planlens.corpus.model import Clause, PlanFile
from planlens.corpus.names import UnknownTopicError
from planlens.errors import PlanlensError


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
    (an id or label of one of them), every version is compared with it. Filters keep the
    rows about `topic`, the rows changed in some pair (`changed_only`), and the rows where some
    pair has one of `classes`.
    """
    plans = _select(source, plan_ids)
    _check_topic(source, topic)
    alignment = align(plans, ignore_links=ignore_links)
    pairs = reference_pairs(plans, _reference_id(source, reference))
    by_id = {plan.id: plan for plan in plans}
    clause_of = {f"{p.id}:{c.id}": c for p in plans for c in p.clauses}
    omissions = _omissions(plans, alignment, clause_of)
    moved = {pair: moved_addresses(alignment, by_id, *pair) for pair in pairs}
    context = PairContext(by_id, clause_of, alignment, omissions)

    selected: list[tuple[int, list[str], list[Clause], list[str], list[PairDiff]]] = []
    for row_index, aligned in enumerate(alignment.rows):
        addresses = [f"{pid}:{cid}" for pid, ids in aligned.clauses.items() for cid in ids]
        members = [clause_of[a] for a in addresses]
        topics = list(dict.fromkeys(t for clause in members for t in clause.topics))
        if topic is not None and topic not in topics:
            continue
        diffs = [
            diff
            for a, b in pairs
            if aligned.ids(a) or aligned.ids(b)
            for diff in [classify_pair(context, row_index, a, b, moved[(a, b)])]
        ]
        if changed_only and all(d.change == "unchanged" for d in diffs):
            continue
        if classes is not None and not any(d.change in classes for d in diffs):
            continue
        selected.append((row_index, addresses, members, topics, diffs))

    position: dict[int | None, int] = {entry[0]: n for n, entry in enumerate(selected)}
    omissions = _omissions_about(topic, omissions, alignment, source, clause_of)
    omissions = [o.model_copy(update={"row": position.get(o.row)}) for o in omissions]
    rows = [
        Row(
            index=n,
            anchor=addresses[0],
            title=next((c.title for c in members if c.title), _first_words(members[0])),
            clauses={p.id: list(alignment.rows[row_index].ids(p.id)) for p in plans},
            topics=topics,
            pairs=diffs,
            secondary=_secondary(alignment, set(addresses)),
            omissions=[o for o in omissions if o.row == n],
        )
        for n, (row_index, addresses, members, topics, diffs) in enumerate(selected)
    ]
    shown_clauses = {
        address: clause_of[address]
        for row in rows
        for address in (f"{pid}:{cid}" for pid, ids in row.clauses.items() for cid in ids)
    }
    return Comparison(
        generator=f"planlens {__version__}",
        plans=[plan.plan for plan in plans],
        pairs=pairs,
        rows=rows,
        clauses=shown_clauses,
        omissions=omissions,
        summary=[_summary(rows, a, b) for a, b in pairs],
        clause_counts={plan.id: len(plan.clauses) for plan in plans},
        topic_labels=_topic_labels(source, rows),
        options=Options(
            ignore_links=ignore_links,
            topic=topic,
            changed_only=changed_only,
            classes=sorted(classes, key=CHANGE_CLASSES.index) if classes is not None else None,
        ),
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
    plans: Sequence[PlanFile], alignment: Alignment, clause_of: dict[str, Clause]
) -> list[OmissionInfo]:
    """Every omission of the compared plans, resolved to a row where possible.

    A reference to a compared version resolves to its row directly; a reference to a version
    not compared resolves through a compared clause that links to it.
    """
    out: list[OmissionInfo] = []
    for plan in plans:
        for omission in plan.omission:
            row = alignment.row_of(omission.ref)
            if row is None:
                for address, clause in clause_of.items():
                    if omission.ref in clause.links and not address.startswith(f"{plan.id}:"):
                        row = alignment.row_of(address)
                        break
            out.append(
                OmissionInfo(
                    plan=plan.id,
                    ref=omission.ref,
                    note=omission.note,
                    source=omission.source,
                    confidence=omission.confidence,
                    row=row,
                )
            )
    return out


def _reference_id(source: Corpus | Sequence[PlanFile], reference: str | None) -> str | None:
    """The id of the reference version named by id or label (a corpus resolves labels)."""
    if reference is None or not isinstance(source, Corpus):
        return reference
    return source.resolve(reference)


def _check_topic(source: Corpus | Sequence[PlanFile], topic: str | None) -> None:
    """Refuse a topic the corpus's taxonomy lacks, naming the closest ids."""
    if topic is not None and isinstance(source, Corpus) and topic not in source.topics:
        raise UnknownTopicError(topic, {t: source.topics[t].label for t in source.topics})


def _omissions_about(
    topic: str | None,
    omissions: list[OmissionInfo],
    alignment: Alignment,
    source: Corpus | Sequence[PlanFile],
    clause_of: dict[str, Clause],
) -> list[OmissionInfo]:
    """The omissions about `topic` (all of them when None): the dropped provision's row, or
    else its clause (looked up in the corpus when its version is not compared), is about it."""
    if topic is None:
        return omissions

    def topics_of(omission: OmissionInfo) -> set[str]:
        if omission.row is not None:
            row = alignment.rows[omission.row]
            return {t for pid, ids in row.clauses.items() for c in ids
                    for t in clause_of[f"{pid}:{c}"].topics}  # fmt: skip
        if omission.ref in clause_of:
            return set(clause_of[omission.ref].topics)
        if isinstance(source, Corpus):
            try:
                return set(source.clause(omission.ref)[1].topics)
            except PlanlensError:
                return set()
        return set()

    return [omission for omission in omissions if topic in topics_of(omission)]


def _secondary(alignment: Alignment, addresses: set[str]) -> list[LinkInfo]:
    """Split and merge links with one end in this row and the other in another row."""
    return [
        link_info(link)
        for link in alignment.links_touching(addresses)
        if link.kind != "match" and (link.a in addresses) != (link.b in addresses)
    ]


def _summary(rows: list[Row], a: str, b: str) -> PairSummary:
    changes: dict[ChangeClass, int] = dict.fromkeys(CHANGE_CLASSES, 0)
    topics: dict[str, dict[ChangeClass, int]] = {}
    figures = 0
    for row in rows:
        for diff in row.pairs:
            if (diff.a, diff.b) != (a, b):
                continue
            changes[diff.change] += 1
            figures += len(diff.figures)
            for topic in row.topics:
                per_topic = topics.setdefault(topic, {})
                per_topic[diff.change] = per_topic.get(diff.change, 0) + 1
    return PairSummary(
        a=a, b=b, changes=changes, topics=dict(sorted(topics.items())), figures=figures
    )


def _topic_labels(source: Corpus | Sequence[PlanFile], rows: list[Row]) -> dict[str, str]:
    if not isinstance(source, Corpus):
        return {}
    used = sorted({topic for row in rows for topic in row.topics})
    return {t: source.topics[t].label for t in used if t in source.topics}


def _first_words(clause: Clause, count: int = 6) -> str:
    words = clause.text.split()
    return " ".join(words[:count]) + ("…" if len(words) > count else "")


__all__ = ["PairDiff", "compare", "reference_pairs"]
