"""Lay out a `Comparison` as table rows of styled text for a given width (pure, no Textual).

Two versions: side by side, each side's text word-wrapped with its diff spans styled, clause
numbers beside it and the change class in a gutter between. Other counts: the provision
matrix, one line per provision and one cell per version with a mark, the clause number and its
title. Laying out 1,000 provisions takes a moment, so the compare worker does it off the UI
thread; filters only pick rows and never lay out again.
"""

from __future__ import annotations

from planlens.comparison.model import Comparison, PairDiff, Row
from planlens.comparison.wording import absence, absent_ends
from planlens.corpus.address import parse_address
from planlens.corpus.model import Plan
from planlens.safe import one_line, visible
from planlens.tui import palette
from planlens.tui.styled import Line, Piece, cut, wrap
from planlens.tui.table_model import Column, RowBlock, TableLayout

GUTTER = 12
"""Width of the change column between the two sides."""
RULE = " │ "
"""What separates the columns of the side-by-side view."""
COMPACT_BELOW = 110
"""Table widths below which the side-by-side view drops its number columns and class words."""
MATRIX_TITLE = 26
"""Width of the provision title column of the matrix."""


def layout(comparison: Comparison, width: int) -> TableLayout:
    """Lay out `comparison` for a table `width` cells wide (the cursor bar included)."""
    if len(comparison.plans) == 2:
        return _pair_layout(comparison, width)
    return _matrix_layout(comparison, width)


def version_heading(plan: Plan, width: int) -> tuple[Line, ...]:
    """Two heading lines for a version: label and title; its badges."""
    first = cut(
        [(visible(plan.label), palette.HEADING), ("  ", ""), (one_line(plan.title), palette.MUTED)],
        width,
    )
    pieces: list[Piece] = []
    for n, (badge, style) in enumerate(palette.badges(plan)):
        pieces += [(" · ", palette.MUTED)] if n else []
        pieces.append((badge, style))
    return first, cut(pieces, width)


def _ids(ids: list[str]) -> str:
    return one_line("+".join(ids))


def _pair_layout(comparison: Comparison, width: int) -> TableLayout:
    """Side by side. Below `COMPACT_BELOW` cells the clause numbers move into the text and the
    gutter keeps only the mark, so each side still gets a readable width."""
    left, right = comparison.plans
    rows = comparison.rows
    compact = width < COMPACT_BELOW
    id_a = 0 if compact else min(max([len(_ids(r.clauses[left.id])) for r in rows] + [2]), 7)
    id_b = 0 if compact else min(max([len(_ids(r.clauses[right.id])) for r in rows] + [2]), 7)
    gutter = 2 if compact else GUTTER
    rule = len(RULE)
    fixed = 1 + id_a + bool(id_a) + rule + gutter + rule + id_b + bool(id_b)
    free = max(width - fixed, 20)
    text_a = free // 2
    text_b = free - text_a
    xs: list[Column] = []
    x = 1
    for size, gap in ((id_a, 1), (text_a, rule), (gutter, rule), (id_b, 1), (text_b, 0)):
        xs.append(Column(x, size))
        x += size + (gap if size or gap != 1 else 0)
    columns = tuple(xs)
    rules = (columns[1].x + text_a + 1, columns[2].x + gutter + 1)
    change_heading = "" if compact else "change"
    heading = (
        ((), ()),
        version_heading(left, text_a),
        (((change_heading, palette.MUTED),), ()),
        ((), ()),
        version_heading(right, text_b),
    )
    blocks = []
    for row in rows:
        pair = row.pairs[0] if row.pairs else None
        ids_a, ids_b = _ids(row.clauses[left.id]), _ids(row.clauses[right.id])
        side_a = _side(comparison, row, pair, left, right, "a")
        side_b = _side(comparison, row, pair, left, right, "b")
        if compact:
            side_a = [(ids_a + " ", palette.TITLE), *side_a] if ids_a else side_a
            side_b = [(ids_b + " ", palette.TITLE), *side_b] if ids_b else side_b
        cells = (
            tuple(wrap([(ids_a, palette.TITLE)], id_a)) if id_a else (),
            tuple(wrap(side_a, text_a)),
            tuple(wrap(_gutter(pair, compact), gutter)),
            tuple(wrap([(ids_b, palette.TITLE)], id_b)) if id_b else (),
            tuple(wrap(side_b, text_b)),
        )
        blocks.append(RowBlock(max(len(cell) for cell in cells), cells))
    return TableLayout(width, "pair", columns, rules, heading, tuple(blocks))


def _clause_pieces(comparison: Comparison, plan_id: str, ids: list[str]) -> list[Piece]:
    """Title, alternative marker and text of a side's clauses, without diff styling."""
    clauses = [comparison.clause(plan_id, cid) for cid in ids]
    pieces: list[Piece] = []
    if any(c.bracketed for c in clauses):
        pieces.append(("⟦alternative⟧ ", palette.BRACKETED))
    titles = " + ".join(one_line(c.title) for c in clauses if c.title)
    if titles:
        pieces.append((titles + ". ", palette.TITLE))
    return pieces


def _side(
    comparison: Comparison, row: Row, pair: PairDiff | None, left: Plan, right: Plan, side: str
) -> list[Piece]:
    plan = left if side == "a" else right
    ids = row.clauses[plan.id]
    if not ids:
        return _missing(pair, left if side == "b" else right, plan)
    if pair is not None and any(alt.side == side for alt in pair.alternatives):
        return _alternative_pieces(pair, side)
    pieces = _clause_pieces(comparison, plan.id, ids)
    if pair is not None and pair.spans:
        skip = "insert" if side == "a" else "delete"
        pieces += [
            (visible(span.text), palette.SPAN_STYLES[span.op])
            for span in pair.spans
            if span.op != skip
        ]
    else:
        text = " ".join(comparison.clause(plan.id, cid).text for cid in ids)
        pieces.append((visible(text), ""))
    return pieces


def _alternative_pieces(pair: PairDiff, side: str) -> list[Piece]:
    """A side of several bracketed alternatives: each labelled, each with its own diff."""
    skip = "insert" if side == "a" else "delete"
    pieces: list[Piece] = []
    for alt in pair.alternatives:
        if pieces:
            pieces.append(("\n\n", ""))
        clause_id = visible(parse_address(alt.address).clause)
        pieces.append((f"⟦alternative {clause_id}⟧ ", palette.BRACKETED))
        if alt.title:
            pieces.append((one_line(alt.title) + ". ", palette.TITLE))
        pieces += [
            (visible(span.text), palette.SPAN_STYLES[span.op])
            for span in alt.spans
            if span.op != skip
        ]
    return pieces


def _missing(pair: PairDiff | None, other: Plan, plan: Plan) -> list[Piece]:
    """What stands in for a side that has no clause in the row."""
    if pair is None:
        return [(visible(absence(None, plan.label)), palette.MUTED)]
    change = pair.change
    style = palette.PLACEHOLDER.get(change, palette.MUTED)
    note = pair.note if change == "removed-reported" else None
    text = absence(change, plan.label, note, absent_ends(pair, plan.id))
    return [(visible(text), style)]


def _gutter(pair: PairDiff | None, compact: bool = False) -> list[Piece]:
    if pair is None:
        return []
    change = pair.change
    style = palette.CLASS_STYLES[change]
    if compact:
        return [(palette.mark(change), style)]
    pieces: list[Piece] = [(palette.mark(change), style), (" ", ""), (palette.word(change), style)]
    flags = []
    if pair.moved and change != "moved":
        flags.append("moved")
    if pair.renumbered and change not in ("renumbered", "split", "merged"):
        flags.append("renumbered")
    if pair.figures:
        flags.append(f"{len(pair.figures)} figure" + ("s" if len(pair.figures) > 1 else ""))
    for flag in flags:
        pieces += [("\n", ""), (flag, palette.MUTED)]
    return pieces


def _matrix_layout(comparison: Comparison, width: int) -> TableLayout:
    plans = comparison.plans
    title_width = min(MATRIX_TITLE, max(width // 5, 12))
    count = max(len(plans), 1)
    cell = max((width - 1 - title_width - 2 * count) // count, 6)
    columns = [Column(1, title_width)]
    x = 1 + title_width + 2
    for _ in plans:
        columns.append(Column(x, cell))
        x += cell + 2
    heading: list[tuple[Line, ...]] = [((("provision", palette.MUTED),), ())]
    heading += [version_heading(plan, cell) for plan in plans]
    references = {b: a for a, b in comparison.pairs}
    blocks = []
    for row in comparison.rows:
        cells: list[tuple[Line, ...]] = [(cut([(one_line(row.title), "")], title_width),)]
        cells += [(_matrix_cell(comparison, row, plan, references, cell),) for plan in plans]
        blocks.append(RowBlock(1, tuple(cells)))
    rules = tuple(column.x - 2 for column in columns[1:])
    return TableLayout(width, "matrix", tuple(columns), rules, tuple(heading), tuple(blocks))


def _matrix_cell(
    comparison: Comparison, row: Row, plan: Plan, references: dict[str, str], width: int
) -> Line:
    ids = row.clauses[plan.id]
    pair = next((p for p in row.pairs if p.b == plan.id and p.a == references.get(plan.id)), None)
    pieces: list[Piece]
    if pair is not None:
        style = palette.CLASS_STYLES[pair.change]
        pieces = [(f"{palette.mark(pair.change):<2} ", style)]
    elif ids:
        pieces = [(f"{palette.PRESENT_MARK:<2} ", palette.MUTED)]
    else:
        return ((palette.ABSENT_MARK, palette.MUTED),)
    if ids:
        pieces.append((_ids(ids) + " ", palette.TITLE))
        clause = comparison.clause(plan.id, ids[0])
        pieces.append((one_line(clause.title or clause.text), ""))
    elif pair is not None:
        pieces.append((palette.word(pair.change), palette.CLASS_STYLES[pair.change]))
    return cut(pieces, width)
