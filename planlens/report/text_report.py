"""The terminal report: a Rich rendering, redline or side by side, coloured or plain.

Every value from a plan file goes into a `rich.text.Text` through `visible()`, never into a
markup string, so `[bold]` in a clause is printed as written and escape sequences cannot act.
In plain mode (no colours) deletions and insertions are marked `[-old-]` and `{+new+}`.
`planlens diff` prints `text_report` directly; `render_text` captures it for files and tests.
"""

from __future__ import annotations

import io

from rich.console import Console, Group, RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from planlens.comparison.model import Comparison, PairDiff, Row
from planlens.report import Layout, RenderOptions
from planlens.report import common as c
from planlens.report.labels import DELETE_MARKS, INSERT_MARKS, LABELS, glyph, label
from planlens.safe import visible

DELETE_STYLE = "red strike"
INSERT_STYLE = "green underline"
INDENT = (0, 0, 0, 4)


def _data(text: str, style: str = "") -> Text:
    """Data from a plan file as literal, inert text."""
    return Text(visible(text), style=style, overflow="fold")


def redline(diff: PairDiff, color: bool, *, keep: str = "both") -> Text:
    """The pair's word diff as one text; `keep` = old, new or both sides.

    Spaces at the edges of a change stay outside its marks (`[-old-] text`, not `[-old -]text`).
    """
    out = Text(overflow="fold")
    for span in diff.spans:
        text = c.fold(span.text)
        if span.op == "equal":
            out.append(text)
            continue
        if (span.op == "delete" and keep == "new") or (span.op == "insert" and keep == "old"):
            continue
        marks, style = (
            (DELETE_MARKS, DELETE_STYLE) if span.op == "delete" else (INSERT_MARKS, INSERT_STYLE)
        )
        core = text.strip()
        lead, trail = text[: len(text) - len(text.lstrip())], text[len(text.rstrip()) :]
        if not core:
            out.append(text)
            continue
        out.append(lead)
        out.append(core if color else f"{marks[0]}{core}{marks[1]}", style=style)
        out.append(trail)
    return out


def _change(diff: PairDiff) -> Text:
    info = LABELS[diff.change]
    return Text(f"{info.glyph} {info.label}", style=f"bold {info.style}")


def _row_header(comparison: Comparison, row: Row, diff: PairDiff) -> Text:
    head = Text("── ", style="dim")
    head.append(visible(c.heading(diff)), style="bold cyan")
    head.append("  ")
    head.append(visible(row.title), style="bold")
    head.append("  ")
    head.append_text(_change(diff))
    if row.topics:
        head.append("  " + visible(", ".join(row.topics)), style="dim")
    return head


def _caveats(comparison: Comparison, diff: PairDiff) -> Text:
    out = Text(style="italic")
    for plan_id, ids in ((diff.a, diff.a_clauses), (diff.b, diff.b_clauses)):
        if c.bracket_caveat(comparison, diff, plan_id, ids):
            out.append(f"[{plan_id}: bracketed alternative] ", style="magenta")
        level = c.confidence(comparison, plan_id, ids) if ids else None
        if level:
            out.append(f"({plan_id} clause confidence: {level}) ", style="yellow")
    links = c.link_line(diff)
    if links:
        out.append(f"link: {links}", style="dim")
    return out


def _pair_body(
    comparison: Comparison, diff: PairDiff, layout: Layout, color: bool
) -> list[RenderableType]:
    parts: list[RenderableType] = []
    if diff.a_clauses and diff.b_clauses:
        if layout == "side-by-side" and any(span.op != "equal" for span in diff.spans):
            grid = Table.grid(expand=True, padding=(0, 2))
            grid.add_column(ratio=1)
            grid.add_column(ratio=1)
            grid.add_row(
                Text(visible(c.plan_label(comparison, diff.a)), style="bold"),
                Text(visible(c.plan_label(comparison, diff.b)), style="bold"),
            )
            grid.add_row(redline(diff, color, keep="old"), redline(diff, color, keep="new"))
            parts.append(grid)
        else:
            parts.append(redline(diff, color))
    else:
        present, ids = (diff.a, diff.a_clauses) if diff.a_clauses else (diff.b, diff.b_clauses)
        lead = Text(f"only in {visible(c.plan_label(comparison, present))}: ", style="bold")
        lead.append_text(_data(c.fold(c.side_text(comparison, present, ids))))
        parts.append(lead)
    for figure in diff.figures:
        parts.append(_data("figure: " + c.fold(c.figure_line(figure)), style="bold yellow"))
    if diff.note:
        parts.append(_data("note: " + c.fold(diff.note), style="italic"))
    caveats = _caveats(comparison, diff)
    if caveats.plain:
        parts.append(caveats)
    return parts


def _versions(comparison: Comparison) -> list[RenderableType]:
    out: list[RenderableType] = [Text("Versions", style="bold underline")]
    for plan in comparison.plans:
        line = Text(visible(plan.label), style="bold")
        line.append(f"  {plan.id}  ", style="dim")
        line.append_text(_data(c.fold(plan.title)))
        out.append(line)
        out.append(Padding(_data(c.fold(c.plan_facts(plan)), style="dim"), INDENT))
        if not plan.complete:
            out.append(Padding(Text(
                "partly known: a provision it lacks is unknown, not removed", style="yellow"
            ), INDENT))  # fmt: skip
    return out


def _summary(comparison: Comparison) -> list[RenderableType]:
    out: list[RenderableType] = [Text(""), Text("Summary", style="bold underline")]
    for summary in comparison.summary:
        line = Text(visible(c.pair_title(comparison, summary.a, summary.b)) + ": ", style="bold")
        line.append(c.counts_line(summary.changes))
        line.append(f"; {summary.figures} figure change{'' if summary.figures == 1 else 's'}")
        out.append(line)
        columns = c.topic_columns(comparison, summary.a, summary.b)
        if not summary.topics:
            continue
        table = Table(box=None, padding=(0, 1), show_edge=False, header_style="dim")
        table.add_column("topic")
        for change in columns:
            table.add_column(f"{glyph(change)} {label(change)}", justify="right")
        for topic, counts in summary.topics.items():
            table.add_row(_data(topic), *(str(counts.get(ch, "")) for ch in columns))
        out.append(Padding(table, (0, 0, 0, 2)))
    return out


def _matrix(comparison: Comparison) -> list[RenderableType]:
    table = Table(title=None, header_style="bold", show_lines=False, expand=False)
    table.add_column("provision", overflow="fold")
    for plan in comparison.plans:
        table.add_column(Text(visible(plan.label)), overflow="fold")
    for row in comparison.rows:
        cells: list[RenderableType] = [_data(f"{row.anchor} {c.fold(row.title)}")]
        for plan in comparison.plans:
            cell = c.matrix_cell(comparison, row, plan.id)
            text = Text()
            if cell.change is not None:
                text.append(glyph(cell.change) + " ", style=LABELS[cell.change].style)
            text.append(visible(", ".join(cell.clause_ids)) or "—")
            cells.append(text)
        table.add_row(*cells)
    legend = Text("  ".join(f"{v.glyph} {v.label}" for v in LABELS.values()), style="dim")
    return [Text(""), Text("Provisions", style="bold underline"), table, legend]


def _sources(comparison: Comparison) -> list[RenderableType]:
    out: list[RenderableType] = [Text(""), Text("Sources", style="bold underline")]
    for plan in comparison.plans:
        out.append(Text(visible(plan.label), style="bold"))
        for source in plan.sources:
            when = f" ({source.date.isoformat()})" if source.date else ""
            entry = _data(c.fold(f"{source.publisher}, {source.title}{when} "))
            entry.append(visible(source.url), style="underline")
            out.append(Padding(entry, (0, 0, 0, 2)))
    return out


def text_report(comparison: Comparison, layout: Layout = "redline", color: bool = True) -> Group:
    """The whole report as one Rich renderable: versions, summary, rows, sources."""
    head = Text("planlens report: ", style="bold")
    head.append(visible(c.title(comparison)), style="bold")
    parts: list[RenderableType] = [head, Text("")]
    if c.options_line(comparison):
        parts.append(Text(c.options_line(comparison), style="dim"))
    parts += _versions(comparison) + _summary(comparison)
    if len(comparison.plans) > 2:
        parts += _matrix(comparison)
    for a, b in comparison.pairs:
        parts += [Text(""), Text("Changes " + visible(c.pair_title(comparison, a, b)),
                                  style="bold underline")]  # fmt: skip
        for row, diff in c.pair_rows(comparison, a, b):
            if len(comparison.plans) > 2 and diff.change == "unchanged":
                continue  # the matrix shows them
            parts.append(_row_header(comparison, row, diff))
            parts += [Padding(part, INDENT) for part in _pair_body(comparison, diff, layout, color)]
    parts += _sources(comparison)
    return Group(*parts)


def render_text(comparison: Comparison, options: RenderOptions) -> str:
    """The terminal report as a string, at `options.width`, with ANSI colours if asked."""
    buffer = io.StringIO()
    console = Console(
        file=buffer,
        width=options.width,
        color_system="standard" if options.color else None,
        force_terminal=options.color,
        force_interactive=False,
        highlight=False,
        emoji=False,
        markup=False,
        legacy_windows=False,
        _environ={},
    )
    console.print(text_report(comparison, options.layout, options.color))
    if options.color:
        return buffer.getvalue()
    return "".join(line.rstrip() + "\n" for line in buffer.getvalue().splitlines())
