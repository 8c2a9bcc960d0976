"""Provision alignment across N versions: which clauses say the same thing.

Rows of an alignment are provisions. Versions are added one at a time, in the order given; each
new version's clauses are matched to the rows built so far in recorded passes:

1. `asserted` — the `links` written in the files (both directions), unless links are ignored;
2. `exact` — the same text once case, punctuation and spacing are folded;
3. `similar` — the combined score of `similarity.Features` (words, titles, topics, figures,
   numbering within a lineage, position), with an optimal one-to-one assignment and a threshold
   below which a clause has no counterpart, calibrated per pair of versions; a weak pair must
   be each other's best and, where the versions share their vocabulary, keep its words in
   order; a clause lying inside the row its neighbour took is left to the split pass. A
   clause still unpaired then gets a second look within its gap: between two consecutive
   pairs that keep the rows' order lie only a few unpaired clauses and empty rows, so a pair
   there needs a lower score, with the words the two share in order, and must be the best of
   both over the gap and its two anchors (see `_Builder._pass_gaps`);
4. `split` / `merged` — an unmatched clause whose words lie almost wholly inside a matched
   counterpart (high precision: a false split is worse than a missed one);
5. order — rows follow the first version's order; a row new in a later version sits after the
   row of that version's previous clause.

Every clause ends in exactly one row (the alignment is a partition); split and merge links add
the secondary correspondences. Each link records the pass that made it and its score.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache

import numpy as np
from numpy.typing import NDArray

from planlens.align.candidates import BLOCK_CELLS, Edges, threshold_edges
from planlens.align.gaps import Window, gaps, shared_in_order
from planlens.align.matching import edge_matching
from planlens.align.model import AlignedRow, Alignment, Link, LinkKind, PassName
from planlens.align.order import in_order_share
from planlens.align.similarity import DEFAULT_WEIGHTS, ClauseRef, Features, Weights
from planlens.align.ties import mutual_best
from planlens.align.tokens import content_words, named_tokens, normalise
from planlens.align.vectors import one_blas_thread
from planlens.corpus.address import format_address, plan_of
from planlens.corpus.lineage import ancestors
from planlens.corpus.model import PlanFile
from planlens.errors import PlanlensError

DEFAULT_THRESHOLD = 0.25
"""Scores below this mean "no counterpart", whatever the texts (the floor of the calibrated
threshold; tuned on benchmarks/bench_align_*.py)."""
NULL_SPREAD = 3.0
"""The calibrated threshold lies this many robust standard deviations above the median score
of pairs that cannot correspond (see `null_threshold`)."""
NULL_SAMPLE = 256
"""At most this many clauses a side are scored to estimate that null distribution."""
NULL_MINIMUM = 100
"""Below this many pairs, too few to tell the null distribution, the floor alone holds."""
CONFIDENT_MARGIN = 0.2
"""A score this far above the no-counterpart threshold pairs on its own; a weaker one only when
the two clauses are each other's best (see `_Builder.usable_edges`)."""
WEAK_IN_ORDER = 0.42
"""Share of the shorter clause's words a weak pair must hold in the same order (their longest
common subsequence): with a shared vocabulary, a clause without a counterpart is often the
best of some leftover row by chance, but its words then lie scattered (at most about a third
in order on the hard benchmark), while a reworded counterpart keeps nearly half or more."""
HALF_TIE = 0.02
"""A clause paired by the similar pass that scores within this of its pair against the row
its neighbour took, and lies wholly inside it, is left to the split pass as that row's other
half (see `_Builder._split_halves`)."""
MUTUAL_TOLERANCE = 1e-6
"""Scores this close count as equal when testing for each other's best."""
EXACT_GROUP = 4096
"""Clauses times rows of one repeated text above which the exact pass pairs them in order."""
CONTAINMENT = 0.8
"""Share of a clause's words that must lie inside its counterpart to call a split or merge."""
PAIR_CONTAINMENT = 0.5
"""Share of a clause's adjacent word pairs that must lie inside it too: with a shared
vocabulary, any clause's words lie inside a long one, but not in the same order."""
LOOSE_CONTAINMENT = 0.5
"""Share of a reworded part's words that must lie inside its counterpart, in the same order
(see `IN_ORDER`)."""
IN_ORDER = 0.6
"""Share of a part's words its counterpart must hold in the same order (their longest common
subsequence) when fewer than `CONTAINMENT` lie inside it: rewording replaces words but keeps
the order of the rest, while a clause that merely shares the vocabulary scatters them."""
IN_ORDER_BESIDE = 0.5
"""The same share when the part sits next to the whole's counterpart in its own version (the
other half of a split, the clause it was merged with)."""
LOOSE_CANDIDATES = 10
"""A reworded part is tried against this many wholes, those of closest wording (text cosine):
its own whole is among them, and with a shared vocabulary most pairs share half their words."""
MIN_PART_WORDS = 4
"""A split or merged part must have at least this many content words..."""
MIN_BESIDE_WORDS = 2
"""...except a split part beside its other half, wholly inside the whole, words and word
pairs (`CONTAINMENT`, `PAIR_CONTAINMENT`), in a version that shares its vocabulary: the short
tail of a split sentence (see `_Builder._short_tail`)."""
GAP_MAX = 3
"""A gap holding more unpaired clauses or empty rows than this is left alone."""
GAP_SPREAD = 2.0
"""A pair in a gap must score this many robust standard deviations above the median of the
null distribution (`NULL_SPREAD` is what a pair needs among all the version's rows)."""
SIBLING_THRESHOLD = 0.12
"""Score a sub-point needs to fold into its own point's number in a later version of its
lineage (us-28:21.a into e3-28:21), with a topic in common."""
SIBLING_LOOSE_THRESHOLD = 0.3
"""Score a sub-point needs to join its sibling's counterpart without that structural evidence
(another version's own words and numbering): weak scores there were as often wrong as right."""


def align(
    plans: Sequence[PlanFile],
    *,
    ignore_links: bool = False,
    weights: Weights = DEFAULT_WEIGHTS,
    threshold: float = DEFAULT_THRESHOLD,
) -> Alignment:
    """Align the clauses of `plans` into provision rows (see the module docstring)."""
    ids = [plan.id for plan in plans]
    repeated = sorted({pid for pid in ids if ids.count(pid) > 1})
    if repeated:
        raise PlanlensError(f"a version can be aligned only once: {', '.join(repeated)}")
    refs = clause_refs(plans)
    with one_blas_thread(len(refs)):
        features = Features(refs, lineage_pairs(plans), weights)
        builder = _Builder(refs, features, threshold, ignore_links)
        start = 0
        for plan in plans:
            builder.add_plan(list(range(start, start + len(plan.clauses))))
            start += len(plan.clauses)
    return builder.result(tuple(ids))


def clause_refs(plans: Sequence[PlanFile]) -> list[ClauseRef]:
    """Every clause of `plans`, in order, with its relative position in its plan."""
    refs: list[ClauseRef] = []
    for plan in plans:
        count = len(plan.clauses)
        for position, clause in enumerate(plan.clauses):
            refs.append(ClauseRef(plan.id, clause, position / (count - 1) if count > 1 else 0.5))
    return refs


def lineage_pairs(plans: Sequence[PlanFile]) -> set[tuple[str, str]]:
    """(ancestor, descendant) pairs among `plans`, following `based_on` transitively."""
    parents = {plan.id: plan.plan.based_on for plan in plans}
    return {
        (ancestor, plan_id)
        for plan_id in parents
        for ancestor in ancestors(parents, plan_id)
        if ancestor in parents
    }


class _Builder:
    """Grows the rows one version at a time; holds the state the passes share."""

    def __init__(
        self, refs: list[ClauseRef], features: Features, threshold: float, ignore_links: bool
    ) -> None:
        self.refs = refs
        self.features = features
        self.threshold = threshold
        self._version_threshold = threshold
        self._null = (threshold, 0.0)  # the null scores' median and robust deviation
        self.ignore_links = ignore_links
        self.by_address = {ref.address: index for index, ref in enumerate(refs)}
        self.rows: list[list[int]] = []
        self.order: list[int] = []
        self.row_of: dict[int, int] = {}
        self.links: list[Link] = []
        self._words: dict[int, frozenset[str]] = {}
        self._names: dict[int, frozenset[str]] = {}
        self._families: NDArray[np.int64] | None = None
        self._asserted = self._asserted_edges() if not ignore_links else {}
        self._family: dict[tuple[str, str], list[int]] = {}
        for index, ref in enumerate(refs):
            parent = _parent(ref.clause.id)
            if parent is not None:
                self._family.setdefault((ref.plan, parent), []).append(index)

    # -- passes -------------------------------------------------------------------------------

    def add_plan(self, members: list[int]) -> None:
        """Place every clause of one version into a row."""
        if not members:
            return
        placed = sorted(self.row_of)
        if not placed:
            for index in members:
                self._new_row(index, after=self.order[-1] if self.order else None)
            return
        taken: dict[int, int] = {}
        if not self.ignore_links:
            self._pass_asserted(members, taken)
        self._pass_exact(members, placed, taken)
        self._pass_similar(members, taken)
        self._pass_gaps(members, taken)
        self._pass_split_merge(members, taken)
        self._pass_siblings(members, taken)
        previous: int | None = None
        for index in members:
            if index not in self.row_of:
                self._new_row(index, after=previous)
            previous = self.row_of[index]

    def _pass_asserted(self, members: list[int], taken: dict[int, int]) -> None:
        targets = {
            index: [t for t in self._asserted.get(index, ()) if t in self.row_of]
            for index in members
        }
        pairs = [(index, t) for index in members for t in targets[index]]
        scores = dict(zip(pairs, self.features.pair_scores(*_columns(pairs)).tolist(), strict=True))
        for index in members:
            if not targets[index]:
                continue
            ranked = sorted(targets[index], key=lambda t: -scores[(index, t)])
            free = [t for t in ranked if self.row_of[t] not in taken]
            target = free[0] if free else ranked[0]
            kind: LinkKind = "match" if free else "split"
            self._join(index, target, "asserted", scores[(index, target)], kind, taken)
            primary_row = self.row_of[index]
            for other in ranked:
                if self.row_of[other] != primary_row:
                    self._link(other, index, "asserted", scores[(index, other)], "merge")

    def _pass_exact(self, members: list[int], placed: list[int], taken: dict[int, int]) -> None:
        """Clauses whose folded text equals a row member's; ties go to the better full score."""
        pairs = self._exact_candidates(members, placed, taken)
        if not pairs:
            return
        # Score each (clause, row) by its best member, to break ties (number, position).
        member_pairs = [(i, m) for i, row in pairs for m in self.rows[row]]
        scores = self.features.pair_scores(*_columns(member_pairs)).tolist()
        best: dict[tuple[int, int], tuple[float, int]] = {}
        for (i, m), score in zip(member_pairs, scores, strict=True):
            key = (i, self.row_of[m])
            if score > best.get(key, (-1.0, -1))[0]:
                best[key] = (score, m)
        clauses = sorted({i for i, _ in pairs})
        rows = sorted({row for _, row in pairs})
        for r, c in _exact_matching(best, clauses, rows):
            _, member = best[(clauses[r], rows[c])]
            self._join(clauses[r], member, "exact", 1.0, "match", taken)

    def _exact_candidates(
        self, members: list[int], placed: list[int], taken: dict[int, int]
    ) -> list[tuple[int, int]]:
        """The (clause, row) pairs of equal folded text the exact pass scores.

        A text repeated so often that its clauses times its rows exceed `EXACT_GROUP` (a plan
        of thousands of "Reserved." points) is paired here in document order instead: scoring
        every copy against every copy would grow with the square of the copies.
        """
        by_text: dict[str, set[int]] = {}
        for p in placed:
            if self.row_of[p] not in taken:
                by_text.setdefault(normalise(self.refs[p].clause.text), set()).add(self.row_of[p])
        text_of = {
            i: text
            for i in members
            if i not in self.row_of
            for text in [normalise(self.refs[i].clause.text)]
            if text in by_text
        }
        groups: dict[str, list[int]] = {}
        for i, text in text_of.items():
            groups.setdefault(text, []).append(i)
        for text, clauses in groups.items():
            rows = sorted(by_text[text])
            if len(clauses) * len(rows) > EXACT_GROUP:
                for i, row in zip(clauses, [r for r in rows if r not in taken], strict=False):
                    self._join(i, self.rows[row][-1], "exact", 1.0, "match", taken)
        return [
            (i, row)
            for i, text in text_of.items()
            if i not in self.row_of
            for row in sorted(by_text[text])
            if row not in taken
        ]

    def _pass_similar(self, members: list[int], taken: dict[int, int]) -> None:
        open_members = [i for i in members if i not in self.row_of]
        candidates = [
            p
            for row, row_members in enumerate(self.rows)
            if row not in taken
            for p in _representatives(row_members)
        ]
        if not open_members or not candidates:
            return
        threshold = self._version_threshold = self.null_threshold(members)
        groups = [self.row_of[p] for p in candidates]
        edges = threshold_edges(self.features, open_members, candidates, groups, threshold)
        usable = self.usable_edges(edges, threshold, open_members, candidates)
        usable &= self._ordered_enough(edges, usable, threshold, open_members, candidates)
        chosen = _matched_edges(edges, usable)
        halves = self._split_halves(edges, chosen, open_members, candidates)
        if halves:
            chosen = _matched_edges(edges, usable & ~np.isin(edges.rows, halves))
        for k in chosen:
            member = candidates[int(edges.members[k])]
            clause = open_members[int(edges.rows[k])]
            self._join(clause, member, "similar", float(edges.scores[k]), "match", taken)

    def _pass_gaps(self, members: list[int], taken: dict[int, int]) -> None:
        """Clauses the similar pass left unpaired, paired with rows this version left empty in
        the same gap between in-order anchors (`gaps.gaps`), where the pair needs less: a gap
        holds at most `GAP_MAX` clauses and rows, not the whole version. A pair must score
        `GAP_SPREAD` robust deviations above the null median, agree on their figures and places
        if they give some (`_names_clash`), keep the words the two share in order
        (`_gap_in_order`), and be the best of both its clause and its row over the
        gap and its two anchors (a clause or row scoring better with an anchor is a split half
        or a merged part, for the split pass)."""
        if not taken:
            return
        windows = self._gap_windows(members, taken)
        pairs = [pair for window in windows for pair in window.pairs()]
        if not pairs:
            return
        scores = dict(zip(pairs, self.features.pair_scores(*_columns(pairs)).tolist(), strict=True))
        bar = self._gap_bar()
        for window in windows:
            for clause, member, score in window.mutual_best(scores, MUTUAL_TOLERANCE):
                if (
                    score >= bar
                    and not self._names_clash(clause, member)
                    and self._gap_in_order(clause, member)
                ):
                    self._join(clause, member, "similar", score, "match", taken)

    def _names_clash(self, first: int, second: int) -> bool:
        """Whether both clauses give figures and agree on none, or both name places and agree
        on none: two sentences of one template (the same words in the same order about another
        region) are no counterparts, and their words' order is no evidence that they are."""
        one, other = self._named(first), self._named(second)
        for digits in (True, False):
            mine = {n for n in one if n[:1].isdigit() == digits}
            theirs = {n for n in other if n[:1].isdigit() == digits}
            if mine and theirs and not mine & theirs:
                return True
        return False

    def _gap_in_order(self, clause: int, member: int) -> bool:
        """`gaps.shared_in_order` of a gap pair; or of the clause with an unpaired neighbour of its
        version, before or after it, against the member: the two halves of a split sentence
        share its words in order, where each alone shares too few to tell."""
        text = self.refs[member].clause.text
        own = self.refs[clause].clause.text
        if shared_in_order(own, text):
            return True
        plan = self.refs[clause].plan
        for n in (clause - 1, clause + 1):
            if 0 <= n < len(self.refs) and self.refs[n].plan == plan and n not in self.row_of:
                other = self.refs[n].clause.text
                if shared_in_order(f"{other} {own}" if n < clause else f"{own} {other}", text):
                    return True
        return False

    def _gap_bar(self) -> float:
        """The score a gap pair needs: `GAP_SPREAD` robust deviations above the median of the
        null distribution (see `null_threshold`), and never below the floor."""
        median, spread = self._null
        return max(self.threshold, median + GAP_SPREAD * spread)

    def _gap_windows(self, members: list[int], taken: dict[int, int]) -> list[Window]:
        """A window per gap holding empty rows, neither of more than `GAP_MAX`."""
        place, places = self._places(members)
        empty = sorted((place[row], row) for row in range(len(self.rows)) if row not in taken)
        empty_places = [p for p, _ in empty]
        mine = set(members)
        windows: list[Window] = []
        for gap in gaps(places, len(self.order)):
            first = bisect_right(empty_places, gap.low)
            rows = [row for _, row in empty[first : bisect_left(empty_places, gap.high)]]
            if not rows or len(rows) > GAP_MAX or len(gap.clauses) > GAP_MAX:
                continue
            anchors = [members[a] for a in gap.anchors]
            anchor_rows = [
                [m for m in _representatives(self.rows[self.row_of[a]]) if m not in mine]
                for a in anchors
            ]
            windows.append(
                Window(
                    [members[c] for c in gap.clauses] + anchors,
                    [_representatives(self.rows[row]) for row in rows] + anchor_rows,
                    len(gap.clauses),
                    len(rows),
                )
            )
        return windows

    def _split_halves(
        self, edges: Edges, chosen: list[int], clauses: list[int], candidates: list[int]
    ) -> list[int]:
        """Clauses (positions in `clauses`) the matching paired that are better read as a
        split half of the row their neighbour took: each lies wholly inside that row's clause
        (words, word pairs, figures and places) and scores there within `HALF_TIE` of its own
        pair. A half of a template sentence scores alike against every sibling sharing its
        place or figure, and would otherwise take a sibling's row, leaving that sibling's
        true counterpart without one. Only where the versions share their vocabulary (as
        `_ordered_enough`): elsewhere a clause's own pair is evidence enough. Only the few
        pairs that pass the score test are checked for containment: no quadratic work.
        """
        if not chosen or self._version_threshold <= self.threshold:
            return []
        picked = np.asarray(chosen, dtype=np.int64)
        position, col = edges.rows[picked], edges.cols[picked]
        col_of = np.full(len(clauses), -1, dtype=np.int64)
        col_of[position] = col
        index = np.asarray(clauses, dtype=np.int64)
        width = int(edges.cols.max()) + 1
        keys = edges.rows * width + edges.cols
        order = np.argsort(keys)
        holder: dict[int, int] = {}
        for step in (-1, 1):
            near = np.clip(position + step, 0, len(clauses) - 1)
            other = col_of[near]
            # The neighbour in the document (not one the exact pass placed in between) took
            # another row, where this clause also has an edge scoring about as well.
            ok = (index[near] == index[position] + step) & (other >= 0) & (other != col)
            query = position * width + other
            at = order[np.minimum(np.searchsorted(keys, query, sorter=order), len(keys) - 1)]
            ok &= (keys[at] == query) & (edges.scores[at] >= edges.scores[picked] - HALF_TIE)
            for n in np.flatnonzero(ok).tolist():
                part, whole = clauses[int(position[n])], candidates[int(edges.members[at[n]])]
                if self._inside(part, whole):
                    holder[int(position[n])] = int(near[n])
        # Two neighbours each inside the other's row (repeated short texts) are no split: both
        # keep their pairs. Nor is a clause too short for the split pass to take.
        return sorted(
            p
            for p, near in holder.items()
            if near not in holder
            and (len(self._content(clauses[p])) >= MIN_PART_WORDS or self._short_tail(clauses[p]))
        )

    def _inside(self, part: int, whole: int) -> bool:
        """Whether a part lies wholly inside the whole: `CONTAINMENT` of its words,
        `PAIR_CONTAINMENT` of its word pairs, and all its figures and places."""
        shares, pair_shares = self.features.containment([part], [whole])
        inside = shares[0, 0] >= CONTAINMENT and pair_shares[0, 0] >= PAIR_CONTAINMENT
        return bool(inside) and self._same_names(part, whole)

    def usable_edges(
        self, edges: Edges, threshold: float, clauses: list[int], candidates: list[int]
    ) -> NDArray[np.bool_]:
        """Which scored pairs may pair: at or above the threshold, and, for a weak score (less
        than `CONFIDENT_MARGIN` above it), the best of both its clause and its row over every
        pair scored, kept or not (`Edges.row_best`, `Edges.col_best`): a clause whose best row
        went to a better clause does not fall back on a weak second choice, since with a shared
        vocabulary that second choice is chance. Where the versions share little vocabulary
        (the threshold at its floor), a near tie for best goes to the pair whose words agree
        most (`ties.mutual_best`)."""
        scores = edges.scores
        if threshold <= self.threshold:
            mutual = self._mutual_by_words(edges, clauses, candidates)
        else:
            mutual = (scores >= edges.row_best[edges.rows] - MUTUAL_TOLERANCE) & (
                scores >= edges.col_best[edges.cols] - MUTUAL_TOLERANCE
            )
        confident = scores >= threshold + CONFIDENT_MARGIN
        return np.asarray((scores >= threshold) & (confident | mutual))

    def _mutual_by_words(
        self, edges: Edges, clauses: list[int], candidates: list[int]
    ) -> NDArray[np.bool_]:
        """`ties.mutual_best` of the edges of `clauses` against the rows' `candidates`."""
        left = np.asarray(clauses, dtype=np.int64)[edges.rows]
        right = np.asarray(candidates, dtype=np.int64)[edges.members]
        codes = self._family_codes()
        return mutual_best(
            edges,
            MUTUAL_TOLERANCE,
            lambda kept: self.features.word_agreement(left[kept], right[kept]),
            np.stack([codes[left], codes[right]], axis=1),
        )

    def _family_codes(self) -> NDArray[np.int64]:
        """A code per clause for its numbered family: its plan and its point ("21" for 21,
        21.a and 21.b alike)."""
        if self._families is None:
            seen: dict[tuple[str, str], int] = {}
            self._families = np.array(
                [
                    seen.setdefault((ref.plan, _parent(ref.clause.id) or ref.clause.id), len(seen))
                    for ref in self.refs
                ],
                dtype=np.int64,
            )
        return self._families

    def _ordered_enough(
        self,
        edges: Edges,
        usable: NDArray[np.bool_],
        threshold: float,
        clauses: list[int],
        candidates: list[int],
    ) -> NDArray[np.bool_]:
        """Whether each pair is confident or, if weak, keeps `WEAK_IN_ORDER` of the shorter
        clause's words in the other's order; computed only on the usable weak pairs, a few.

        Only where the versions share their vocabulary, that is where the calibrated threshold
        (`null_threshold`) rose above the floor: where unrelated texts share little, a weak
        score is already evidence, and paraphrases between independent drafts reorder words.
        """
        ordered = np.ones(len(edges.scores), dtype=bool)
        if threshold <= self.threshold:
            return ordered
        weak = usable & (edges.scores < threshold + CONFIDENT_MARGIN)
        for k in np.flatnonzero(weak).tolist():
            first = content_words(self.refs[clauses[int(edges.rows[k])]].clause.text)
            second = content_words(self.refs[candidates[int(edges.members[k])]].clause.text)
            shorter, longer = sorted((first, second), key=len)
            ordered[k] = in_order_share(shorter, longer) >= WEAK_IN_ORDER
        return ordered

    def null_threshold(self, members: list[int]) -> float:
        """The no-counterpart threshold for this version against the rows so far.

        Almost every pair of a version's clause and a row is a pair that cannot correspond, so
        the scores of all such pairs (a sample of them, for large versions) are the null
        distribution: how alike texts that share only their vocabulary look. The threshold
        is its median plus `NULL_SPREAD` robust standard deviations (from the median absolute
        deviation), and never below the given floor: texts that share a small vocabulary
        raise it, texts that share little leave the floor. The median and the deviation are
        kept for the gap pass (`_gap_bar`); with too few pairs, the floor and no deviation.
        """
        firsts = [row_members[0] for row_members in self.rows]
        rng = np.random.default_rng(len(members) * 7919 + len(firsts))
        left = members if len(members) <= NULL_SAMPLE else rng.choice(members, NULL_SAMPLE, False)
        right = firsts if len(firsts) <= NULL_SAMPLE else rng.choice(firsts, NULL_SAMPLE, False)
        if len(left) * len(right) < NULL_MINIMUM:
            self._null = (self.threshold, 0.0)
            return self.threshold
        null = self.features.scores(left, right).ravel()
        median = float(np.median(null))
        spread = 1.4826 * float(np.median(np.abs(null - median)))
        self._null = (median, spread)
        return max(self.threshold, median + NULL_SPREAD * spread)

    def _pass_split_merge(self, members: list[int], taken: dict[int, int]) -> None:
        """Secondary links, gated by word containment; a text cosine prefilter keeps it fast."""
        mine = set(members)
        # Split: a leftover clause of this version lies inside a row it already has a part of.
        leftovers = [i for i in members if i not in self.row_of]
        parts = [i for i in leftovers if len(self._content(i)) >= MIN_BESIDE_WORDS]
        wholes = [m for row in taken for m in self.rows[row] if m not in mine]
        for index, other, share in self._contained(parts, wholes):
            if index not in self.row_of and self._long_or_beside(index, other, share):
                self._join(index, other, "split", share, "split", taken)
        # Merge: a row this version left empty lies inside one of its placed clauses.
        empty = [
            m
            for row, row_members in enumerate(self.rows)
            if row not in taken
            for m in row_members
            if len(self._content(m)) >= MIN_PART_WORDS
        ]
        placed_mine = [i for i in members if i in self.row_of]
        merged_rows: set[int] = set()
        for other, index, share in self._contained(empty, placed_mine):
            if self.row_of[other] not in merged_rows:
                merged_rows.add(self.row_of[other])
                self._link(other, index, "merged", share, "merge")

    def _long_or_beside(self, part: int, whole: int, share: float) -> bool:
        """Whether a split part has `MIN_PART_WORDS`, or is a short tail that lies wholly
        inside the whole beside its other half (see `MIN_BESIDE_WORDS`)."""
        if len(self._content(part)) >= MIN_PART_WORDS:
            return True
        return self._short_tail(part) and share >= CONTAINMENT and self._beside(part, whole)

    def _short_tail(self, part: int) -> bool:
        """Whether a part of fewer than `MIN_PART_WORDS` content words may still be one: it has
        `MIN_BESIDE_WORDS`, and its version shares its vocabulary with the rows (the calibrated
        threshold rose above the floor), where sentences are cut from one pool of words and a
        short tail ("A demilitarised zone of 60 kilometres.") has no other evidence than lying
        wholly inside its whole beside its other half. Elsewhere, as between the bundled
        drafts, a few common words ("prisoners exchanged") are no split: precision first."""
        shared = self._version_threshold > self.threshold
        return shared and len(self._content(part)) >= MIN_BESIDE_WORDS

    def _pass_siblings(self, members: list[int], taken: dict[int, int]) -> None:
        """Sub-points of one point that answer one provision together.

        A version that folds points 21.a–21.d into one clause merges them: once one sub-point
        is matched, its siblings join the same clause as merges if they share a topic with it
        and score above `SIBLING_THRESHOLD` when the clause carries their point's number in a
        version of the same lineage (e3-28:21), else above `SIBLING_LOOSE_THRESHOLD`. The same
        holds the other way round for a version that splits one provision into sibling
        sub-points (or bracketed options). Only across structures: when both versions number
        the same sub-points (20.a against 20.a), a missing sibling is missing, not folded in.
        """
        mine = set(members)
        free = [i for i in members if i not in self.row_of]
        earlier = [m for ms in self.rows for m in ms if m not in mine]
        merges = self._without_own_counterpart(self._sibling_merges(mine, taken), free, earlier)
        for x, index, score in self._best_by_key(merges):
            self._link(x, index, "merged", score, "merge")
        open_rows = [m for row, ms in enumerate(self.rows) if row not in taken for m in ms]
        splits = self._without_own_counterpart(self._sibling_splits(members), open_rows, members)
        for index, other, score in self._best_by_key(splits):
            self._join(index, other, "split", score, "split", taken)

    def _sibling_merges(
        self, mine: set[int], taken: dict[int, int]
    ) -> list[tuple[int, int, int, float]]:
        """(row, sub-point, clause, bar): a sub-point left unpaired whose sibling's row this
        version's clause took."""
        return [
            (row, x, clause, self._sibling_bar(x, clause))
            for row, row_members in enumerate(self.rows)
            if row not in taken
            for x in row_members
            for sibling in self._siblings(x)
            if self.row_of.get(sibling) in taken and sibling not in mine
            for clause in [taken[self.row_of[sibling]]]
            if not self._same_family(x, clause)
        ]

    def _sibling_splits(self, members: list[int]) -> list[tuple[int, int, int, float]]:
        """(sub-point, sub-point, clause, bar): a sub-point of this version left unpaired
        whose sibling joined a row, and each earlier clause of that row."""
        mine = set(members)
        return [
            (index, index, other, self._sibling_bar(index, other))
            for index in members
            if index not in self.row_of
            for sibling in self._siblings(index)
            if sibling in self.row_of
            for other in self.rows[self.row_of[sibling]]
            if other not in mine and not self._same_family(index, other)
        ]

    def _without_own_counterpart(
        self, candidates: list[tuple[int, int, int, float]], free: list[int], pool: list[int]
    ) -> list[tuple[int, int, int, float]]:
        """The sibling candidates, less those on the loose bar whose sub-point is the best
        counterpart of some `free` clause (one the similar pass left unpaired), scoring above
        this version's threshold; `pool` holds every clause of the sub-point's side.

        Such a sub-point may answer that clause on its own (the similar pass left the pair
        because another clause ranked higher with the sub-point): folding it into its
        sibling's counterpart would claim a merge or split the texts do not show.
        """
        loose = sorted({c[1] for c in candidates if c[3] >= SIBLING_LOOSE_THRESHOLD})
        if not loose or not free:
            return candidates
        at = {clause: column for column, clause in enumerate(pool)}
        columns = [at[sub] for sub in loose]
        owned = np.zeros(len(loose), dtype=bool)
        step = max(1, BLOCK_CELLS // max(1, len(pool)))  # blocks of free clauses: bounded memory
        for start in range(0, len(free), step):
            block = self.features.scores(free[start : start + step], pool)
            scores = block[:, columns]
            best = block.max(axis=1, keepdims=True) - MUTUAL_TOLERANCE
            owned |= ((scores >= self._version_threshold) & (scores >= best)).any(axis=0)
        kept = {sub for sub, own in zip(loose, owned.tolist(), strict=True) if not own}
        return [c for c in candidates if c[3] < SIBLING_LOOSE_THRESHOLD or c[1] in kept]

    def _sibling_bar(self, sub_point: int, other: int) -> float:
        """The score a sub-point needs to join `other` (see the two thresholds)."""
        numbered_as_parent = self.refs[other].clause.id == _parent(self.refs[sub_point].clause.id)
        if numbered_as_parent and self.features.related(sub_point, other):
            return SIBLING_THRESHOLD
        return SIBLING_LOOSE_THRESHOLD

    def _same_family(self, first: int, second: int) -> bool:
        """Whether two clauses (of different versions) are sub-points of the same number."""
        parent = _parent(self.refs[first].clause.id)
        return parent is not None and parent == _parent(self.refs[second].clause.id)

    def _siblings(self, index: int) -> list[int]:
        ref = self.refs[index]
        parent = _parent(ref.clause.id)
        if parent is None:
            return []
        return [i for i in self._family.get((ref.plan, parent), ()) if i != index]

    def _best_by_key(
        self, candidates: list[tuple[int, int, int, float]]
    ) -> list[tuple[int, int, float]]:
        """For each key, its best (left, right, score) pair above its bar, topic shared."""
        if not candidates:
            return []
        left = [a for _, a, _, _ in candidates]
        right = [b for _, _, b, _ in candidates]
        scores = self.features.pair_scores(left, right)
        topical = self.features.pair_shares_topic(left, right)
        best: dict[int, tuple[float, int, int]] = {}
        for n, (key, a, b, bar) in enumerate(candidates):
            score = float(scores[n])
            if topical[n] and score >= bar and score > best.get(key, (0.0,))[0]:
                best[key] = (score, a, b)
        return [(a, b, score) for score, a, b in (best[key] for key in sorted(best))]

    def _contained(self, parts: list[int], wholes: list[int]) -> list[tuple[int, int, float]]:
        """(part, whole, share) where the part's words lie inside the whole; best first.

        Either most of the part's words and word pairs lie inside the whole (`CONTAINMENT`,
        `PAIR_CONTAINMENT`), or, for a reworded part, fewer do but in the same order
        (`IN_ORDER`; `IN_ORDER_BESIDE` beside the whole's counterpart) and the pair scores
        above this version's no-counterpart threshold; a reworded part is tried only against
        its `LOOSE_CANDIDATES` wholes of closest wording and those it sits beside. Both need
        the part's figures and places among the whole's.
        """
        if not parts or not wholes:
            return []
        step = max(1, BLOCK_CELLS // len(wholes))
        candidates: list[tuple[int, int, float, bool, bool]] = []
        for start in range(0, len(parts), step):
            candidates += self._contained_block(parts[start : start + step], wholes)
        if not candidates:
            return []
        scores = self.features.pair_scores([c[0] for c in candidates], [c[1] for c in candidates])
        ranked: list[tuple[bool, float, float, int, int]] = []
        for (part, whole, share, kept, beside), score in zip(
            candidates, scores.tolist(), strict=True
        ):
            if kept or self._in_order_enough(part, whole, score, beside):
                ranked.append((beside, share, score, part, whole))
        # The most contained first; among equals, the whole whose counterpart the part sits
        # beside (a template's half lies inside each of its siblings), then the best scored.
        ranked.sort(key=lambda item: (-item[1], not item[0], -item[2], item[3], item[4]))
        return [(part, whole, share) for _, share, _, part, whole in ranked]

    def _contained_block(
        self, parts: list[int], wholes: list[int]
    ) -> list[tuple[int, int, float, bool, bool]]:
        """(part, whole, share, strict, beside) candidates of one block of parts (see
        `_contained`; beside: `_beside(part, whole)`)."""
        cosine = self.features.text_cosine(parts, wholes)
        shares, pair_shares = self.features.containment(
            parts, wholes, lambda shares: (cosine >= 0.2) & (shares >= CONTAINMENT)
        )
        near = (cosine >= 0.2) & (shares >= LOOSE_CONTAINMENT)
        strict = near & (shares >= CONTAINMENT) & (pair_shares >= PAIR_CONTAINMENT)
        closest = np.zeros(near.shape, dtype=bool)
        if near.shape[1] > LOOSE_CANDIDATES:
            top = np.argpartition(-cosine, LOOSE_CANDIDATES - 1, axis=1)[:, :LOOSE_CANDIDATES]
            np.put_along_axis(closest, top, True, axis=1)
        else:
            closest[:] = True
        beside = self._beside_block(parts, wholes)
        loose = near & ~strict & (closest | beside)
        rows, cols = np.nonzero(strict | loose)
        named = [bool(self._named(part)) for part in parts]  # a part naming nothing passes
        candidates = [
            (parts[r], wholes[c], float(shares[r, c]), bool(strict[r, c]), bool(beside[r, c]))
            for r, c in zip(rows.tolist(), cols.tolist(), strict=True)
            if not named[r] or self._same_names(parts[r], wholes[c])
        ]
        return candidates

    def _in_order_enough(self, part: int, whole: int, score: float, beside: bool) -> bool:
        """Whether a reworded part keeps enough of its words in the whole's order.

        Its score must reach this version's no-counterpart threshold, or only the floor when
        the part sits beside the whole's counterpart: the calibrated threshold is how alike
        whole clauses look by chance, and a half scores low against its whole by construction
        (the other half's words are missing), so beside its other half, in order and with the
        same figures and places, the floor is enough. `beside` is `_beside(part, whole)`.
        """
        if score < self._version_threshold:
            # Between the floor and the calibrated threshold: only beside its other half.
            if score < self.threshold or not beside:
                return False
            return self._in_order(part, whole) >= IN_ORDER_BESIDE
        # The words the whole has at all bound those it has in order: a cheap test first.
        present = self._present_share(part, whole)
        if present < IN_ORDER:
            close = beside and present >= IN_ORDER_BESIDE
            return close and self._in_order(part, whole) >= IN_ORDER_BESIDE
        in_order = self._in_order(part, whole)
        return in_order >= IN_ORDER or (in_order >= IN_ORDER_BESIDE and beside)

    def _present_share(self, part: int, whole: int) -> float:
        """The share of the part's words (with repeats) the whole has anywhere: a bound on
        `_in_order`, a set lookup per word rather than a longest common subsequence."""
        words = content_words(self.refs[part].clause.text)
        return sum(map(self._content(whole).__contains__, words)) / max(1, len(words))

    # -- bookkeeping --------------------------------------------------------------------------

    def _join(
        self,
        index: int,
        target: int,
        pass_name: PassName,
        score: float,
        kind: LinkKind,
        taken: dict[int, int],
    ) -> None:
        row = self.row_of[target]
        self.rows[row].append(index)
        self.row_of[index] = row
        taken.setdefault(row, index)
        self._link(target, index, pass_name, score, kind)

    def _link(
        self, earlier: int, later: int, pass_name: PassName, score: float, kind: LinkKind
    ) -> None:
        self.links.append(
            Link.model_construct(
                a=self.refs[earlier].address,
                b=self.refs[later].address,
                via=pass_name,
                score=round(min(score, 1.0), 4),
                kind=kind,
            )
        )

    def _new_row(self, index: int, after: int | None) -> None:
        """A row for an unmatched clause, placed after its predecessor's row (or first)."""
        row = len(self.rows)
        self.rows.append([index])
        self.row_of[index] = row
        self.order.insert(0 if after is None else self.order.index(after) + 1, row)

    def _content(self, index: int) -> frozenset[str]:
        if index not in self._words:
            self._words[index] = frozenset(content_words(self.refs[index].clause.text))
        return self._words[index]

    def _in_order(self, part: int, whole: int) -> float:
        """The share of the part's words the whole holds in the same order."""
        return in_order_share(
            content_words(self.refs[part].clause.text), content_words(self.refs[whole].clause.text)
        )

    def _beside_block(self, parts: list[int], wholes: list[int]) -> NDArray[np.bool_]:
        """`_beside` for every (part, whole) pair of a block."""
        neighbour_rows = np.array(
            [
                [
                    self.row_of.get(n, -1)
                    if 0 <= n < len(self.refs) and self.refs[n].plan == self.refs[part].plan
                    else -1
                    for n in (part - 1, part + 1)
                ]
                for part in parts
            ],
            dtype=np.int64,
        ).reshape(len(parts), 2)
        whole_rows = np.array([self.row_of.get(w, -2) for w in wholes], dtype=np.int64)
        return np.asarray(
            (neighbour_rows[:, :1] == whole_rows[None, :])
            | (neighbour_rows[:, 1:] == whole_rows[None, :])
        )

    def _beside(self, part: int, whole: int) -> bool:
        """Whether the part sits next to a clause of its own version in the whole's row: the
        other half of a split, or the clause a merged part was joined to."""
        row = self.row_of.get(whole)
        plan = self.refs[part].plan
        return any(
            0 <= n < len(self.refs) and self.refs[n].plan == plan and self.row_of.get(n) == row
            for n in (part - 1, part + 1)
        )

    def _places(self, members: list[int]) -> tuple[dict[int, int], list[int | None]]:
        """Each row's place in the row order, and each of this version's clauses' row's place
        (None if unpaired)."""
        place = {row: n for n, row in enumerate(self.order)}
        return place, [place[self.row_of[i]] if i in self.row_of else None for i in members]

    def _same_names(self, part: int, whole: int) -> bool:
        """Whether the part's figures and places are all among the whole's; a capitalised word
        the whole has only where capitals say nothing (its first word: "Union parties ...")
        counts as there too, as a split's second half starts mid-sentence."""
        named, theirs = self._named(part), self._named(whole)
        if named <= theirs:
            return True
        return named - theirs <= _folded_words(self.refs[whole].clause.text)

    def _named(self, index: int) -> frozenset[str]:
        if index not in self._names:
            self._names[index] = frozenset(named_tokens(self.refs[index].clause.text))
        return self._names[index]

    def _asserted_edges(self) -> dict[int, list[int]]:
        edges: dict[int, list[int]] = {}
        for index, ref in enumerate(self.refs):
            for address in ref.clause.links:
                other = self.by_address.get(address)
                if other is None or other == index:
                    continue
                edges.setdefault(index, []).append(other)
                edges.setdefault(other, []).append(index)
        return {i: list(dict.fromkeys(targets)) for i, targets in edges.items()}

    def result(self, plan_ids: tuple[str, ...]) -> Alignment:
        rows: list[AlignedRow] = []
        for row in self.order:
            grouped: dict[str, list[str]] = {}
            for index in sorted(self.rows[row]):
                ref = self.refs[index]
                grouped.setdefault(ref.plan, []).append(ref.clause.id)
            rows.append(
                AlignedRow({pid: tuple(grouped[pid]) for pid in plan_ids if pid in grouped})
            )
        return Alignment(plan_ids, tuple(rows), tuple(self.links), self.ignore_links)


REPRESENTATIVES = 4
"""A row is scored by its first member and its latest ones, up to this many in all."""


def _representatives(row_members: list[int]) -> list[int]:
    """The members a new clause is compared with: the row's first and its most recent ones.

    A long row (a clause kept through many versions) would otherwise be scored against every
    copy; its first and latest wordings stand for the rest.
    """
    if len(row_members) <= REPRESENTATIVES:
        return row_members
    return [row_members[0], *row_members[-(REPRESENTATIVES - 1) :]]


def _exact_matching(
    best: dict[tuple[int, int], tuple[float, int]], clauses: list[int], rows: list[int]
) -> list[tuple[int, int]]:
    """The (clause, row) positions the exact pass pairs, in clause order: the best one-to-one
    matching of the `best` pairs, scored 1 plus their best member's score.

    A pair whose clause and row have no other candidate is in every best matching: only the
    contested pairs (repeated texts) go to the solver, and most exact pairs are alone.
    """
    at_clause = {i: n for n, i in enumerate(clauses)}
    at_row = {row: n for n, row in enumerate(rows)}
    clause_count = Counter(i for i, _ in best)
    row_count = Counter(row for _, row in best)
    alone = [key for key in best if clause_count[key[0]] == 1 and row_count[key[1]] == 1]
    chosen = [(at_clause[i], at_row[row]) for i, row in alone]
    contested = [key for key in best if clause_count[key[0]] > 1 or row_count[key[1]] > 1]
    if contested:
        chosen += edge_matching(
            np.array([at_clause[i] for i, _ in contested], dtype=np.int64),
            np.array([at_row[row] for _, row in contested], dtype=np.int64),
            np.array([1.0 + best[key][0] for key in contested]),
            (len(clauses), len(rows)),
        )
    return sorted(chosen)


def _matched_edges(edges: Edges, usable: NDArray[np.bool_]) -> list[int]:
    """The edges (positions in `edges`) of the best one-to-one matching among the usable ones;
    the matching is solved over the clauses and rows that have a usable edge."""
    kept = np.flatnonzero(usable)
    if not len(kept):
        return []
    keep_i, rows = np.unique(edges.rows[kept], return_inverse=True)
    keep_r, cols = np.unique(edges.cols[kept], return_inverse=True)
    rows, cols = rows.ravel(), cols.ravel()
    shape = (len(keep_i), len(keep_r))
    chosen = edge_matching(rows, cols, edges.scores[kept], shape)
    at = {pair: k for k, pair in enumerate(zip(rows.tolist(), cols.tolist(), strict=True))}
    return [int(kept[at[(r, c)]]) for r, c in chosen]


@lru_cache(maxsize=65536)
def _folded_words(text: str) -> frozenset[str]:
    """The words of `text`, folded as `named_tokens` folds names (`normalise`)."""
    return frozenset(normalise(text).split())


def _columns(pairs: list[tuple[int, int]]) -> tuple[list[int], list[int]]:
    """The left and right members of a list of pairs."""
    return [a for a, _ in pairs], [b for _, b in pairs]


def _parent(clause_id: str) -> str | None:
    """The point a sub-point belongs to: "21" for "21.a" and "12.alt-b"; None for a point."""
    head, dot, _ = clause_id.rpartition(".")
    return head if dot and head else None


def pairs_of(alignment: Alignment, a: str, b: str) -> set[frozenset[str]]:
    """Unordered clause-address pairs linking versions `a` and `b` (tests and benchmarks)."""
    out: set[frozenset[str]] = set()
    for link in alignment.links:
        plans = {plan_of(link.a), plan_of(link.b)}
        if plans == {a, b}:
            out.add(frozenset((link.a, link.b)))
    for row in alignment.rows:
        for x in row.ids(a):
            for y in row.ids(b):
                out.add(frozenset((format_address(a, x), format_address(b, y))))
    return out
