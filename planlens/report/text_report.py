"""The terminal report: a Rich rendering, redline or side by side, coloured or plain.

Every value from a plan file goes into a `rich.text.Text` through `visible()`, never into a
markup string, so `[bold]` in a clause is printed as written and escape sequences cannot act.
In plain mode (no colours) deletions and insertions are marked `[-old-]` and `{+new+}`.
`planlens diff` prints `text_report` directly; `render_text` captures it for files and tests.
"""

from __future__ import annotations

import io
from collections.abc import Mapping, Sequence

from rich.cells import cell_len, set_cell_size
from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.text import Text

from planlens.comparison.model import (
    AlternativeDiff,
    ChangeClass,
    Comparison,
    FigureInfo,
    PairDiff,
    Row,
    SpanInfo,
)
from planlens.report import Layout, RenderOptions
from planlens.report import common as c
from planlens.report.labels import DELETE_MARKS, INSERT_MARKS, LABELS, glyph, label
from planlens.report.leading import by_topic_text, key_changes_text
from planlens.report.rich_layout import Trimmed, url_line
from planlens.safe import one_line, visible

DELETE_STYLE = "red strike"
INSERT_STYLE = "green underline"
INDENT = 4
PROVISION_MIN_WIDTH = 16
"""The matrix's provision column is never narrower, however many versions share the width."""


def _data(text: str, style: str = "") -> Text:
    """Data from a plan file as literal, inert text."""
    return Text(visible(text), style=style, overflow="ellipsis")


def redline(spans: Sequence[SpanInfo], color: bool, *, keep: str = "both") -> Text:
    """A word diff as one text; `keep` = old, new or both sides.

    Spaces at the edges of a change stay outside its marks (`[-old-] text`, not `[-old -]text`).
    """
    out = Text(overflow="ellipsis")
    for span in spans:
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


def _change_label(change: ChangeClass) -> Text:
    info = LABELS[change]
    return Text(f"{info.glyph} {info.label}", style=f"bold {info.style}")


def _row_header(comparison: Comparison, row: Row, diff: PairDiff) -> Text:
    head = Text("── ", style="dim")
    head.append(visible(c.heading(diff)), style="bold cyan")
    head.append("  ")
    head.append(visible(row.title), style="bold")
    head.append("  ")
    head.append_text(_change_label(diff.change))
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


def _diff_text(
    comparison: Comparison, diff: PairDiff, spans: Sequence[SpanInfo], layout: Layout, color: bool
) -> RenderableType:
    """A word diff inline, or old and new side by side."""
    if layout == "side-by-side" and any(span.op != "equal" for span in spans):
        from rich.table import Table  # the redline, the default, needs no table

        grid = Table.grid(expand=True, padding=(0, 2))
        grid.add_column(ratio=1)
        grid.add_column(ratio=1)
        grid.add_row(
            Text(visible(c.plan_label(comparison, diff.a)), style="bold"),
            Text(visible(c.plan_label(comparison, diff.b)), style="bold"),
        )
        grid.add_row(redline(spans, color, keep="old"), redline(spans, color, keep="new"))
        return grid
    return redline(spans, color)


def _figures_and_notes(figures: Sequence[FigureInfo], notes: Sequence[str]) -> list[Text]:
    out = [_data("figure: " + c.fold(c.figure_line(f)), style="bold yellow") for f in figures]
    return out + [_data("note: " + c.fold(note), style="italic") for note in notes]


def _alternative(
    comparison: Comparison, diff: PairDiff, alt: AlternativeDiff, layout: Layout, color: bool
) -> list[RenderableType]:
    head = Text(visible(c.alternative_heading(alt)), style="bold magenta")
    head.append("  ")
    head.append_text(_change_label(alt.change))
    note = c.alternative_note(comparison, alt)
    parts: list[RenderableType] = [head, _diff_text(comparison, diff, alt.spans, layout, color)]
    parts += _figures_and_notes(c.alternative_figures(diff, alt), [note] if note else [])
    return parts


def _pair_body(
    comparison: Comparison, row: Row, diff: PairDiff, layout: Layout, color: bool
) -> list[RenderableType]:
    notes = [diff.note] if diff.note else []
    notes += c.pair_notes(comparison, diff) + c.omission_notes(row, diff)
    shared = _figures_and_notes(c.pair_figures(diff), notes)
    parts: list[RenderableType] = []
    if diff.alternatives:
        parts += shared
        for alt in diff.alternatives:
            parts += _alternative(comparison, diff, alt, layout, color)
        shared = []
    elif diff.a_clauses and diff.b_clauses:
        parts.append(_diff_text(comparison, diff, diff.spans, layout, color))
    else:
        present, ids = (diff.a, diff.a_clauses) if diff.a_clauses else (diff.b, diff.b_clauses)
        lead = Text(f"only in {visible(c.plan_label(comparison, present))}: ", style="bold")
        lead.append_text(_data(c.fold(c.side_text(comparison, present, ids))))
        parts.append(lead)
    parts += shared
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
        out.append(Trimmed(_data(c.fold(c.plan_facts(plan)), style="dim"), INDENT))
        if not plan.complete:
            out.append(Trimmed(Text(
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
        rows = [(c.topic_label(comparison, t), counts) for t, counts in summary.topics.items()]
        out.append(Trimmed(_TopicCounts(columns, rows), 2))
    return out


TOPIC_ROOM = 32
"""Columns of topic label the per-topic counts keep before they give up their whole headings."""


class _TopicCounts:
    """A pair's changes per topic: a column per change class, headed by its glyph and label when
    the width allows, else by its glyph with a legend below. Laid out here, not by a Rich table:
    every number is short and every column is as wide as its widest entry, and measuring each
    cell made this table half of the time `planlens diff` took to print a report."""

    def __init__(
        self, columns: Sequence[ChangeClass], rows: Sequence[tuple[str, Mapping[ChangeClass, int]]]
    ) -> None:
        self.columns = list(columns)
        """The change classes counted, in summary order."""
        self.rows = [(one_line(topic), counts) for topic, counts in rows]
        """Each topic's label on one line (control characters made visible, tabs and line
        breaks folded to spaces: one row per topic) and its counts by class."""

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        counts = [[str(n.get(ch, "")) for ch in self.columns] for _, n in self.rows]
        named = [f"{glyph(ch)} {label(ch)}" for ch in self.columns]
        numbers = [
            max(len(glyph(ch)), *(len(r[i]) for r in counts)) for i, ch in enumerate(self.columns)
        ]
        topic_width = max(len("topic"), *(cell_len(topic) for topic, _ in self.rows))
        full = [max(w, cell_len(n)) for w, n in zip(numbers, named, strict=True)]
        # One label longer than TOPIC_ROOM is cut rather than turning every heading to glyphs.
        legend = min(topic_width, TOPIC_ROOM) + sum(w + 2 for w in full) > options.max_width
        widths = numbers if legend else full
        room = options.max_width - sum(w + 2 for w in widths)
        topic_width = max(min(topic_width, room), 1)
        heads = [glyph(ch) for ch in self.columns] if legend else named
        yield self._line("topic", heads, topic_width, widths, "dim")
        for (topic, _), cells in zip(self.rows, counts, strict=True):
            yield self._line(topic, cells, topic_width, widths, "")
        if legend:  # entries packed into lines, never one broken between two
            lines = [""]
            for entry in named:
                joined = f"{lines[-1]}  {entry}" if lines[-1] else entry
                if lines[-1] and cell_len(joined) > options.max_width:
                    lines.append(entry)
                else:
                    lines[-1] = joined
            yield from (Text(line, style="dim", no_wrap=True, overflow="ignore") for line in lines)

    @staticmethod
    def _line(
        first: str, cells: Sequence[str], first_width: int, widths: Sequence[int], style: str
    ) -> Text:
        """One line: `first` cut or padded to its width, each cell right-aligned in its own."""
        if cell_len(first) > first_width:
            first = set_cell_size(first, first_width - 1) + "…"
        line = set_cell_size(first, first_width) + "".join(
            "  " + " " * (width - cell_len(cell)) + cell
            for cell, width in zip(cells, widths, strict=True)
        )
        return Text(line, style=style, no_wrap=True, overflow="ignore")


class _Matrix:
    """Provisions × versions, split into as many tables as the width needs: each version's
    column is as wide as its widest entry, so clause numbers and labels are never cut."""

    def __init__(self, comparison: Comparison) -> None:
        self.comparison = comparison
        """What is shown."""

    def _cells(self, plan_id: str) -> list[Text]:
        cells = []
        for row in self.comparison.rows:
            cell = c.matrix_cell(self.comparison, row, plan_id)
            text = Text()
            if cell.change is not None:
                text.append(glyph(cell.change) + " ", style=LABELS[cell.change].style)
            text.append(visible(", ".join(cell.clause_ids)) or "—")
            cells.append(text)
        return cells

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        plans = self.comparison.plans
        columns = [(plan, self._cells(plan.id)) for plan in plans]
        widths = [max(cell_len(visible(p.label)), *(t.cell_len for t in cs)) for p, cs in columns]
        room = max(options.max_width - PROVISION_MIN_WIDTH - 4, 1)
        groups: list[list[int]] = [[]]
        used = 0
        for index, width in enumerate(widths):
            if groups[-1] and used + width + 3 > room:
                groups.append([])
                used = 0
            groups[-1].append(index)
            used += width + 3
        for group in groups:
            if len(groups) > 1:
                yield Text(f"versions {group[0] + 1}–{group[-1] + 1} of {len(plans)}", style="dim")
            from rich.table import Table  # only a comparison of three or more has a matrix

            table = Table(header_style="bold", show_lines=False, expand=False)
            table.add_column("provision", overflow="ellipsis", min_width=PROVISION_MIN_WIDTH)
            for index in group:
                label_text = Text(visible(plans[index].label))
                table.add_column(label_text, no_wrap=True, min_width=widths[index])
            for n, row in enumerate(self.comparison.rows):
                title = _data(f"{row.anchor} {c.fold(row.title)}")
                table.add_row(title, *(columns[index][1][n] for index in group))
            yield table


def _matrix(comparison: Comparison) -> list[RenderableType]:
    legend = Text("  ".join(f"{v.glyph} {v.label}" for v in LABELS.values()), style="dim")
    return [Text(""), Text("Provisions", style="bold underline"), _Matrix(comparison), legend]


def _other_notes(comparison: Comparison) -> list[RenderableType]:
    """Editors' notes of clauses in provisions the report does not show in detail."""
    detailed = len(comparison.plans) == 2
    notes = c.notes_elsewhere(comparison, lambda d: detailed or d.change != "unchanged")
    if not notes:
        return []
    head = Text("Editors' notes on unchanged provisions", style="bold underline")
    return [Text(""), head, *(Trimmed(_data("note: " + c.fold(n), "italic"), 2) for n in notes)]


def _sources(comparison: Comparison) -> list[RenderableType]:
    out: list[RenderableType] = [Text(""), Text("Sources", style="bold underline")]
    for plan in comparison.plans:
        out.append(Text(visible(plan.label), style="bold"))
        for source in plan.sources:
            when = f" ({source.date.isoformat()})" if source.date else ""
            out.append(Trimmed(_data(c.fold(f"{source.publisher}, {source.title}{when}")), 2))
            out.append(url_line(source.url, 4))
    return out


def text_report(
    comparison: Comparison,
    layout: Layout = "redline",
    color: bool = True,
    *,
    by_topic: bool = False,
) -> Group:
    """The whole report as one Rich renderable: key changes, versions, summary, rows, sources.

    Words are never broken: a word longer than its line or column is cut with an ellipsis,
    and a source's web address stands whole on its own line (print it with `crop=False`).
    """
    head = Text("planlens report: ", style="bold")
    head.append(visible(c.title(comparison)), style="bold")
    parts: list[RenderableType] = [head, Text("")]
    if c.options_line(comparison):
        parts.append(Text(c.options_line(comparison), style="dim"))
    parts += [*key_changes_text(comparison), Text("")]
    parts += _versions(comparison) + _summary(comparison)
    if by_topic:
        parts += by_topic_text(comparison)
    if len(comparison.plans) > 2:
        parts += _matrix(comparison)
    for a, b in comparison.pairs:
        parts += [Text(""), Text("Changes " + visible(c.pair_title(comparison, a, b)),
                                  style="bold underline")]  # fmt: skip
        for row, diff in c.pair_rows(comparison, a, b):
            if len(comparison.plans) > 2 and diff.change == "unchanged":
                continue  # the matrix shows them
            parts.append(_row_header(comparison, row, diff))
            body = _pair_body(comparison, row, diff, layout, color)
            parts += [Trimmed(part, INDENT) for part in body]
    parts += _other_notes(comparison)
    parts += _sources(comparison)
    return Group(*(p if _laid_out(p) else Trimmed(p) for p in parts))


def _laid_out(part: RenderableType) -> bool:
    """True when `part` needs no trimming: an unbroken line, or a part trimmed already (trimming
    it again would lay every line of the report out twice)."""
    return isinstance(part, Trimmed) or (isinstance(part, Text) and part.no_wrap is True)


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
    report = text_report(comparison, options.layout, options.color, by_topic=options.by_topic)
    console.print(report, crop=False)
    if options.color:
        return buffer.getvalue()
    return "".join(line.rstrip() + "\n" for line in buffer.getvalue().splitlines())
