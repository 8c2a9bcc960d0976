"""Change classes: how one provision changed between two versions, and why.

The rules, in order, for a row and a (reference, version) pair:

- only the reference has it: `removed-reported` if the version records an omission of it;
  `merged` if a clause of the version elsewhere absorbed it; `unknown` if the version is known
  only in part; else `removed`;
- only the version has it: `added` if the reference records an omission of it (reported
  dropped, so known to be absent); `split` if it was split off a reference clause elsewhere;
  `unknown` if the reference is known only in part; else `added`;
- both have it: `split` / `merged` when one side has more clauses in the row; else by text —
  `modified` if a figure changed or more than a third of the words did, `reworded` for smaller
  edits, and for identical text `moved` (order changed), `renumbered` (number changed) or
  `unchanged`.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from planlens.align.model import Alignment, Link
from planlens.align.tokens import normalise
from planlens.comparison.diff import change_ratio, word_diff
from planlens.comparison.figures import term_changes, text_changes
from planlens.comparison.model import (
    AlternativeDiff,
    ChangeClass,
    FigureInfo,
    OmissionInfo,
    PairDiff,
    SpanInfo,
)
from planlens.corpus.address import addresses, format_address
from planlens.corpus.model import Clause, PlanFile, TermValue

REWORD_LIMIT = 1 / 3
"""Above this share of changed words, a rewrite counts as `modified` rather than `reworded`."""


@dataclass(frozen=True)
class PairContext:
    """What classifying a pair needs to know beyond the row itself."""

    plans: Mapping[str, PlanFile]
    """The compared plans by id."""
    clauses: Mapping[str, Clause]
    """Every compared clause by address."""
    alignment: Alignment
    """The rows and links."""
    omissions: Sequence[OmissionInfo]
    """Reported omissions, with alignment row indices."""


_TEXT_ORDER: tuple[ChangeClass, ...] = (
    "modified", "reworded", "moved", "renumbered", "unchanged",
)  # fmt: skip
"""Text change classes, strongest first: a pair with alternatives shows the strongest."""


@dataclass(frozen=True)
class _TextComparison:
    """Two texts compared: their word diff, changed share and figure changes."""

    spans: list[SpanInfo]
    ratio: float
    same: bool
    figures: list[FigureInfo]


def _compare_texts(
    old: Sequence[Clause], new: Sequence[Clause], alternative: str | None = None
) -> _TextComparison:
    """The joined texts of `old` and `new` diffed word by word, with their figure changes."""
    old_text, new_text = " ".join(c.text for c in old), " ".join(c.text for c in new)
    spans = word_diff(old_text, new_text)
    old_terms, new_terms = _terms(old), _terms(new)
    terms = term_changes(old_terms, new_terms)
    label = next((c.title for c in new if c.title), next((c.title for c in old if c.title), "text"))
    figures = [*terms, *text_changes(spans, terms, label, terms=(old_terms, new_terms))]
    return _TextComparison(
        spans=spans,
        ratio=change_ratio(spans),
        same=normalise(old_text) == normalise(new_text) and not terms,
        figures=[f.model_copy(update={"alternative": alternative}) for f in figures]
        if alternative
        else figures,
    )


def _text_change(text: _TextComparison, moved: bool, renumbered: bool) -> ChangeClass:
    """The class of a change in text alone."""
    if text.same:
        return "moved" if moved else "renumbered" if renumbered else "unchanged"
    if text.figures or text.ratio > REWORD_LIMIT:
        return "modified"
    return "reworded"


def _alternative_side(old: Sequence[Clause], new: Sequence[Clause]) -> str | None:
    """The side ("b" first, then "a") made of several bracketed alternatives, if any."""
    for side, clauses in (("b", new), ("a", old)):
        if len(clauses) > 1 and all(c.bracketed for c in clauses):
            return side
    return None


def _alternatives(
    a: str, b: str, old: Sequence[Clause], new: Sequence[Clause], side: str
) -> list[tuple[AlternativeDiff, _TextComparison]]:
    """Each alternative of `side` compared on its own with the whole other side."""
    out = []
    plan_id, options = (b, new) if side == "b" else (a, old)
    for clause in options:
        address = format_address(plan_id, clause.id)
        before, after = (old, [clause]) if side == "b" else ([clause], new)
        text = _compare_texts(before, after, alternative=address)
        info = AlternativeDiff.model_construct(
            address=address,
            side="b" if side == "b" else "a",
            title=clause.title,
            change=_text_change(text, False, False),
            similarity=round(1.0 - text.ratio, 3),
            spans=text.spans,
        )
        out.append((info, text))
    return out


def _structure_change(
    ctx: PairContext, a: str, b: str, ids_a: list[str], ids_b: list[str], alternatives: bool
) -> ChangeClass | None:
    """`split` or `merged` when the two sides are not one clause each (alternatives aside)."""
    outside = _outside_links(ctx, a, b, ids_a, ids_b)
    if any(side == "b" for side, _ in outside) or (len(ids_b) > len(ids_a) and not alternatives):
        return "split"
    if any(side == "a" for side, _ in outside) or (len(ids_a) > len(ids_b) and not alternatives):
        return "merged"
    return None


def classify_pair(ctx: PairContext, row_index: int, a: str, b: str, moved: set[str]) -> PairDiff:
    """The change of row `row_index` from version `a` to version `b`."""
    row = ctx.alignment.rows[row_index]
    ids_a, ids_b = list(row.ids(a)), list(row.ids(b))
    if not ids_a or not ids_b:
        return _one_sided(ctx, row_index, a, b, ids_a, ids_b)

    old = [ctx.clauses[address] for address in addresses(a, ids_a)]
    new = [ctx.clauses[address] for address in addresses(b, ids_b)]
    is_moved = any(address in moved for address in addresses(a, ids_a))
    renumbered = ids_a != ids_b
    side = _alternative_side(old, new)
    alternatives: list[AlternativeDiff] = []
    if side is None:
        text = _compare_texts(old, new)
        spans, figures = text.spans, text.figures
        similarity: float | None = round(1.0 - text.ratio, 3)
        change = _text_change(text, is_moved, renumbered)
    else:
        compared = _alternatives(a, b, old, new, side)
        alternatives = [info for info, _ in compared]
        spans, similarity = [], max(info.similarity for info in alternatives)
        figures = [figure for _, text in compared for figure in text.figures]
        change = min((info.change for info in alternatives), key=_TEXT_ORDER.index)
    change = _structure_change(ctx, a, b, ids_a, ids_b, side is not None) or change
    ends = {*addresses(a, ids_a), *addresses(b, ids_b)}
    return PairDiff.model_construct(
        a=a,
        b=b,
        a_clauses=ids_a,
        b_clauses=ids_b,
        change=change,
        moved=is_moved,
        renumbered=renumbered,
        similarity=similarity,
        links=[
            link for link in ctx.alignment.links_touching(ends) if link.a in ends and link.b in ends
        ],
        spans=spans,
        figures=figures,
        alternatives=alternatives,
        note=_bracket_note(old, new, side),
    )


def _one_sided(
    ctx: PairContext, row_index: int, a: str, b: str, ids_a: list[str], ids_b: list[str]
) -> PairDiff:
    """Only one of the two versions has this provision: say why the other has none."""
    in_reference = bool(ids_a)
    present, absent = (a, b) if in_reference else (b, a)
    ours = set(addresses(present, ids_a or ids_b))
    change: ChangeClass
    note: str | None = None
    links: list[Link] = []
    omission = next((o for o in ctx.omissions if o.plan == absent and o.row == row_index), None)
    secondary = next(
        (
            link
            for link in ctx.alignment.links_touching(ours)
            if link.kind != "match" and _other_end(link, ours, absent) is not None
        ),
        None,
    )
    if omission is not None and in_reference:
        change, note = "removed-reported", f"{omission.note} ({omission.confidence})"
    elif omission is not None:  # the reference is the later version: it dropped this
        change = "added"
        note = f"reported dropped from {a}: {omission.note} ({omission.confidence})"
    elif secondary is not None:
        other = _other_end(secondary, ours, absent)
        change, note = (
            ("merged", f"merged into {other}") if in_reference else ("split", f"split from {other}")
        )
        links = [secondary]
    elif not ctx.plans[absent].plan.complete:
        verb = "keeps" if in_reference else "had"
        change, note = (
            "unknown",
            f"{absent} is known only in part: whether it {verb} this is unknown",
        )
    else:
        change = "removed" if in_reference else "added"
    return PairDiff.model_construct(
        a=a, b=b, a_clauses=ids_a, b_clauses=ids_b, change=change, note=note, links=links
    )


def _outside_links(
    ctx: PairContext, a: str, b: str, ids_a: list[str], ids_b: list[str]
) -> list[tuple[str, Link]]:
    """Split/merge links from this row's clauses to the other version's clauses elsewhere.

    ("a", link): a reference clause elsewhere was merged into this row's new clause;
    ("b", link): a new clause elsewhere was split off this row's reference clause.
    """
    ours_a = set(addresses(a, ids_a))
    ours_b = set(addresses(b, ids_b))
    found: list[tuple[str, Link]] = []
    for link in ctx.alignment.links_touching(ours_a | ours_b):
        if link.kind == "match":
            continue
        if _other_end(link, ours_b, a) not in (None, *ours_a):
            found.append(("a", link))
        elif _other_end(link, ours_a, b) not in (None, *ours_b):
            found.append(("b", link))
    return found


def _other_end(link: Link, ours: set[str], plan_id: str) -> str | None:
    """The end of `link` in `plan_id` when its other end is one of `ours`."""
    if link.a in ours and link.b.startswith(f"{plan_id}:"):
        return link.b
    if link.b in ours and link.a.startswith(f"{plan_id}:"):
        return link.a
    return None


def _terms(clauses: Sequence[Clause]) -> dict[str, TermValue]:
    merged: dict[str, TermValue] = {}
    for clause in clauses:
        merged.update(clause.terms)
    return merged


def _bracket_note(old: Sequence[Clause], new: Sequence[Clause], side: str | None) -> str | None:
    if side is not None:
        count = len(new) if side == "b" else len(old)
        which = "new" if side == "b" else "old"
        return (
            f"the {which} text has {count} bracketed alternatives (unagreed): "
            "each is compared on its own"
        )
    was, now = any(c.bracketed for c in old), any(c.bracketed for c in new)
    if now and not was:
        return "the new text is bracketed: an unagreed alternative"
    if was and not now:
        return "the old text was bracketed; the new one is not"
    if was and now:
        return "both texts are bracketed alternatives"
    return None


def moved_addresses(
    alignment: Alignment, plans: Mapping[str, PlanFile], a: str, b: str
) -> set[str]:
    """Addresses (of both versions) whose relative order changed between `a` and `b`.

    The pairs kept in place are a longest increasing subsequence of positions; the rest moved.
    """
    position_a = {c.id: n for n, c in enumerate(plans[a].clauses)}
    position_b = {c.id: n for n, c in enumerate(plans[b].clauses)}
    matched = sorted(
        (position_a[row.ids(a)[0]], position_b[row.ids(b)[0]], row.ids(a)[0], row.ids(b)[0])
        for row in alignment.rows
        if row.ids(a) and row.ids(b)
    )
    keep = _longest_increasing([entry[1] for entry in matched])
    return {
        address
        for n, (_, _, id_a, id_b) in enumerate(matched)
        if n not in keep
        for address in (format_address(a, id_a), format_address(b, id_b))
    }


def _longest_increasing(values: list[int]) -> set[int]:
    """Indices of one longest strictly increasing subsequence (patience sorting)."""
    tails: list[int] = []
    tail_index: list[int] = []
    previous = [-1] * len(values)
    for index, value in enumerate(values):
        slot = bisect_left(tails, value)
        if slot == len(tails):
            tails.append(value)
            tail_index.append(index)
        else:
            tails[slot] = value
            tail_index[slot] = index
        previous[index] = tail_index[slot - 1] if slot else -1
    keep: set[int] = set()
    index = tail_index[-1] if tail_index else -1
    while index != -1:
        keep.add(index)
        index = previous[index]
    return keep
