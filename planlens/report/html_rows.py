"""The HTML report's provision tables: side by side per pair, the N-version matrix, figures."""

from __future__ import annotations

from planlens.comparison.model import AlternativeDiff, Comparison, FigureInfo, PairDiff, Row
from planlens.comparison.wording import figure_label
from planlens.report import common as c
from planlens.report.html_parts import (
    Anchors,
    address_link,
    badge,
    esc,
    link,
    side,
    spans_html,
    tag,
    topics,
)


def lines(rows: list[str]) -> str:
    """Table rows one per line, so the page's source (and its golden file) reads row by row."""
    return "\n".join(rows)


def pair_row_id(diff: PairDiff, row: Row) -> str:
    """The id of a row in a pair's table (`~` never occurs in a clause address)."""
    return f"{diff.a}~{diff.b}~{row.index + 1}"


def _notes(notes: list[str]) -> str:
    return "".join(f'<p class="note editor-note">note: {esc(n)}</p>' for n in notes)


def _alternative(comparison: Comparison, diff: PairDiff, alt: AlternativeDiff) -> str:
    """One bracketed alternative: its heading, its own diff, figures and editor's note."""
    note = c.alternative_note(comparison, alt)
    which = "old" if alt.side == "a" else "new"
    return (
        f'<div class="alternative">'
        f'<p class="alt-head">{tag("bracketed alternative", "bracketed", "unagreed text")} '
        f"{address_link(alt.address)} {esc(alt.title or '')} {badge(alt.change)}</p>"
        f'<span class="bracketed-text">{spans_html(alt.spans, which)}</span>'
        f"{figures_list(c.alternative_figures(diff, alt))}{_notes([note] if note else [])}</div>"
    )


def _cell(comparison: Comparison, diff: PairDiff, which: str) -> str:
    """One side's cell: its alternatives one by one when it has several, else its text."""
    key = "a" if which == "old" else "b"
    if any(alt.side == key for alt in diff.alternatives):
        return "".join(_alternative(comparison, diff, alt) for alt in diff.alternatives)
    plan_id, ids = (diff.a, diff.a_clauses) if key == "a" else (diff.b, diff.b_clauses)
    return side(comparison, diff, which) + _notes(c.clause_notes(comparison, plan_id, ids))


def _figure(figure: FigureInfo) -> str:
    old = f"<del>{esc(figure.old)}</del>" if figure.old is not None else "—"
    new = f"<ins>{esc(figure.new)}</ins>" if figure.new is not None else "—"
    change = c.relative_change(figure)
    change = f" ({change})" if change else ""
    return f"<li><strong>{esc(figure_label(figure))}</strong>: {old} → {new}{esc(change)}</li>"


def figures_list(figures: list[FigureInfo]) -> str:
    """Figure changes, highlighted."""
    if not figures:
        return ""
    items = "".join(_figure(f) for f in figures)
    return f'<ul class="figures" aria-label="figure changes">{items}</ul>'


def _provision_cell(comparison: Comparison, row: Row, diff: PairDiff, anchors: Anchors) -> str:
    addresses = c.addresses(diff.a, diff.a_clauses) + c.addresses(diff.b, diff.b_clauses)
    parts = [
        anchors.mark(addresses),
        f'<span class="title">{esc(row.title)}</span>',
        " → ".join(
            ", ".join(address_link(a) for a in c.addresses(p, ids)) or esc(f"{p}: —")
            for p, ids in ((diff.a, diff.a_clauses), (diff.b, diff.b_clauses))
        ),
        f"<br>{badge(diff.change)} {topics(row.topics)}",
    ]
    if c.link_line(diff):
        parts.append(f'<p class="note">link: {esc(c.link_line(diff))}</p>')
    if diff.note:
        parts.append(f'<p class="note">{esc(diff.note)}</p>')
    parts.append(_notes(c.omission_notes(row, diff)))
    for omission in row.omissions:
        if omission.plan == diff.b and omission.source:
            parts.append(f'<p class="note">{link("source of the report", omission.source)}</p>')
    parts.append(figures_list(c.pair_figures(diff)))
    return "".join(parts)


def pair_table(
    comparison: Comparison, a: str, b: str, anchors: Anchors, *, changed_only: bool = False
) -> str:
    """Old and new side by side, one provision per row, `<del>` and `<ins>` marking the words."""
    label_a, label_b = esc(c.plan_label(comparison, a)), esc(c.plan_label(comparison, b))
    body = []
    pairs = list(c.pair_rows(comparison, a, b))
    shown = [(r, d) for r, d in pairs if not (changed_only and d.change == "unchanged")]
    for row, diff in shown:
        body.append(
            f'<tr id="{esc(pair_row_id(diff, row))}" class="c-row-{diff.change}" '
            f'data-row="{row.index}" data-changes="{esc(diff.change)}" '
            f'data-topics="{esc(" ".join(row.topics))}">'
            f'<th scope="row">{_provision_cell(comparison, row, diff, anchors)}</th>'
            f"<td>{_cell(comparison, diff, 'old')}</td>"
            f"<td>{_cell(comparison, diff, 'new')}</td></tr>"
        )
    hidden = len(pairs) - len(shown)
    note = f" ({hidden} unchanged provisions left out)" if hidden else ""
    caption = f"{label_a} → {label_b}: {len(shown)} provisions{note}"
    if not body:
        return f'<p class="muted">{caption}: none changed.</p>'
    return (
        f'<table class="sbs"><caption>{caption}</caption><thead><tr>'
        f'<th scope="col">Provision</th><th scope="col">{label_a} (reference)</th>'
        f'<th scope="col">{label_b}</th></tr></thead><tbody>\n{lines(body)}\n</tbody></table>'
    )


def matrix_table(comparison: Comparison, anchors: Anchors) -> str:
    """Provisions × versions: each version's clauses and its change against its reference."""
    head = "".join(f'<th scope="col">{esc(p.label)}</th>' for p in comparison.plans)
    body = []
    for row in comparison.rows:
        cells = []
        for plan in comparison.plans:
            entry = c.matrix_cell(comparison, row, plan.id)
            ids = c.addresses(plan.id, entry.clause_ids)
            text = anchors.mark(ids) + (
                ", ".join(f'<span class="addr">{esc(cid)}</span>' for cid in entry.clause_ids)
                or '<span class="muted">—</span>'
            )
            diff = next((d for d in row.pairs if d.b == plan.id), None)
            if diff is not None and diff.change == "unchanged":
                text += f" {badge(diff.change)}"
            elif diff is not None:
                target = esc(pair_row_id(diff, row))
                text += f' <a href="#{target}">{badge(diff.change)}</a>'
            cells.append(f"<td>{text}</td>")
        changes = " ".join(dict.fromkeys(d.change for d in row.pairs))
        body.append(
            f'<tr data-row="{row.index}" data-changes="{esc(changes)}" '
            f'data-topics="{esc(" ".join(row.topics))}">'
            f'<td class="num">{row.index + 1}</td><th scope="row">'
            f'<span class="title">{esc(row.title)}</span> {topics(row.topics)}</th>'
            f"{''.join(cells)}</tr>"
        )
    caption = (
        f"Provision matrix: {len(comparison.rows)} provisions × {len(comparison.plans)} versions; "
        "each badge is the change against the version's reference and links to its details"
    )
    return (
        f'<table class="matrix"><caption>{caption}</caption><thead><tr>'
        f'<th scope="col" class="num">#</th><th scope="col">Provision</th>{head}</tr></thead>'
        f"<tbody>\n{lines(body)}\n</tbody></table>"
    )


def figures_table(comparison: Comparison) -> str:
    """Every figure change, pair by pair."""
    body = []
    for row in comparison.rows:
        for diff in row.pairs:
            for figure in diff.figures:
                change = c.relative_change(figure)
                old = f"<del>{esc(figure.old)}</del>" if figure.old is not None else "—"
                new = f"<ins>{esc(figure.new)}</ins>" if figure.new is not None else "—"
                body.append(
                    f'<tr><td><a class="addr" href="#{esc(pair_row_id(diff, row))}">'
                    f"{esc(row.anchor)}</a></td>"
                    f"<td>{esc(c.pair_title(comparison, diff.a, diff.b))}</td>"
                    f"<td>{esc(c.figure_name(figure))}</td><td>{old}</td><td>{new}</td>"
                    f'<td class="num">{esc(change)}</td><td>{esc(figure.source)}</td></tr>'
                )
    if not body:
        return '<p class="muted">No figure changed.</p>'
    return (
        '<table class="figure-table"><caption>Figure changes (terms compared by name, and numbers '
        'found in the word diff)</caption><thead><tr><th scope="col">Provision</th>'
        '<th scope="col">Versions</th><th scope="col">Figure</th><th scope="col">Old</th>'
        '<th scope="col">New</th><th scope="col" class="num">Change</th>'
        f'<th scope="col">Found in</th></tr></thead><tbody>\n{lines(body)}\n</tbody></table>'
    )
