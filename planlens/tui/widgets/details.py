"""The details pane: everything known about the selected provision, in every compared version.

Text from plan files goes through `visible()` into `Content` pieces, never into markup, so a
clause that contains `[bold]` or an escape sequence is shown exactly as written.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import ClassVar

from textual import events
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.strip import Strip

from planlens.comparison.model import Comparison, FigureInfo, PairDiff, Row
from planlens.comparison.wording import absence, absent_ends, figure_label, provenance
from planlens.corpus.address import format_address
from planlens.report.terminal import format_term
from planlens.safe import one_line, visible
from planlens.tui import palette

Part = str | tuple[str, str]


def _pair_parts(comparison: Comparison, pair: PairDiff) -> list[Part]:
    a, b = comparison.plan(pair.a).label, comparison.plan(pair.b).label
    style = palette.CLASS_STYLES[pair.change]
    parts: list[Part] = [
        (f"{visible(a)} → {visible(b)}  ", palette.HEADING),
        (f"{palette.mark(pair.change)} {palette.word(pair.change)}", style),
    ]
    facts = []
    if pair.similarity is not None:
        facts.append(f"{pair.similarity:.0%} of words kept")
    if pair.moved and pair.change != "moved":
        facts.append("moved")
    if pair.renumbered and pair.change != "renumbered":
        facts.append("renumbered")
    if facts:
        parts.append(("  · " + " · ".join(facts), palette.MUTED))
    parts.append("\n")
    parts += _figure_parts([f for f in pair.figures if f.alternative is None])
    for alt in pair.alternatives:
        parts += [
            ("  alternative ", palette.MUTED),
            (visible(alt.address), "bold"),
            ("  " + one_line(alt.title or ""), palette.TITLE),
            ("  ⟦bracketed⟧  ", palette.BRACKETED),
            (
                f"{palette.mark(alt.change)} {palette.word(alt.change)}",
                palette.CLASS_STYLES[alt.change],
            ),
            (f"  · {alt.similarity:.0%} of words kept\n", palette.MUTED),
        ]
        parts += _figure_parts([f for f in pair.figures if f.alternative == alt.address], "    ")
    for link in pair.links:
        parts += [
            ("  link    ", palette.MUTED),
            f"{link.a} ↔ {link.b}  ",
            (provenance(link), palette.MUTED),
            "\n",
        ]
    if pair.note:
        parts += [("  note    ", palette.MUTED), (visible(pair.note), palette.WARNING), "\n"]
    return parts


def _figure_parts(figures: list[FigureInfo], indent: str = "  ") -> list[Part]:
    """Each figure change on its own line: name, old → new, and where it was found."""
    parts: list[Part] = []
    for figure in figures:
        old = (
            (visible(figure.old), palette.SPAN_STYLES["delete"])
            if figure.old
            else ("—", palette.MUTED)
        )
        new = (
            (visible(figure.new), palette.SPAN_STYLES["insert"])
            if figure.new
            else ("—", palette.MUTED)
        )
        parts += [
            (f"{indent}figure  ", palette.MUTED),
            (one_line(figure_label(figure)) + "  ", "bold"),
            old,
            " → ",
            new,
            (f"  ({figure.source})\n", palette.MUTED),
        ]
    return parts


def _version_parts(
    comparison: Comparison, row: Row, plan_id: str, topics: Mapping[str, str]
) -> list[Part]:
    plan = comparison.plan(plan_id)
    ids = row.clauses.get(plan_id, [])
    head: list[Part] = [(visible(plan.label), palette.HEADING)]
    for badge, style in palette.badges(plan):
        head += [(" · ", palette.MUTED), (badge, style)]
    if not ids:
        return [*head, ("  —  ", palette.MUTED), *_absence(comparison, row, plan_id), "\n"]
    parts: list[Part] = [*head, "\n"]
    for clause_id in ids:
        clause = comparison.clause(plan_id, clause_id)
        parts += [("  ", ""), (format_address(plan_id, clause_id), "bold"), "  "]
        parts.append((one_line(clause.title), palette.TITLE) if clause.title else "")
        parts.append(
            (
                f"  [{clause.confidence_label}]",
                palette.MUTED if clause.confidence == "confirmed" else palette.WARNING,
            )
        )
        if clause.bracketed:
            parts.append(("  ⟦bracketed: an unagreed alternative⟧", palette.BRACKETED))
        parts += ["\n", (_indent(visible(clause.text)), ""), "\n"]
        if clause.topics:
            labels = ", ".join(visible(topics.get(t, t)) for t in clause.topics)
            parts += [("    topics  ", palette.MUTED), labels, "\n"]
        if clause.terms:
            figures = ", ".join(format_term(k, v) for k, v in clause.terms.items())
            parts += [("    figures ", palette.MUTED), figures, "\n"]
        if clause.links:
            parts += [("    links   ", palette.MUTED), ", ".join(clause.links), "\n"]
        if clause.note:
            parts += [("    note    ", palette.MUTED), (visible(clause.note), "italic"), "\n"]
    return parts


def _absence(comparison: Comparison, row: Row, plan_id: str) -> list[Part]:
    """Why a version has no clause in the row: removed, reported removed, unknown, or absent."""
    label = visible(comparison.plan(plan_id).label)
    for pair in row.pairs:
        if pair.b == plan_id or (pair.a == plan_id and pair.change == "unknown"):
            text = absence(pair.change, label, where=absent_ends(pair, plan_id))
            return [(text, palette.CLASS_STYLES[pair.change])]
        if pair.a == plan_id:
            later = visible(comparison.plan(pair.b).label)
            return [
                (f"{absence(None, label)} ({palette.word(pair.change)} in {later})", palette.MUTED)
            ]
    return [(absence(None, label), palette.MUTED)]


def _indent(text: str) -> str:
    return "\n".join("    " + line for line in text.splitlines() or [""])


def details_content(
    comparison: Comparison, row_index: int | None, topics: Mapping[str, str]
) -> Content:
    """The details of one row of `comparison` as styled, literal text."""
    if row_index is None or row_index >= len(comparison.rows):
        return Content("No provision selected.")
    row = comparison.rows[row_index]
    parts: list[Part] = [
        (one_line(row.title), "bold $text-primary"),
        ("   " + row.anchor, palette.MUTED),
    ]
    if row.topics:
        parts.append(
            ("   " + ", ".join(visible(topics.get(t, t)) for t in row.topics), palette.MUTED)
        )
    parts.append("\n\n")
    for pair in row.pairs:
        parts += _pair_parts(comparison, pair)
    parts.append("\n")
    for plan in comparison.plans:
        parts += _version_parts(comparison, row, plan.id, topics)
    if row.omissions:
        parts.append(("\nReported omissions\n", palette.HEADING))
        for omission in row.omissions:
            label = visible(comparison.plan(omission.plan).label)
            parts += [
                ("  ", ""),
                (
                    f"{label} dropped {visible(omission.ref)}: ",
                    palette.CLASS_STYLES["removed-reported"],
                ),
                visible(omission.note),
                (f" [{omission.confidence}]", palette.MUTED),
            ]
            if omission.source:
                parts += [("  source: ", palette.MUTED), visible(omission.source)]
            parts.append("\n")
    if row.secondary:
        parts.append(("\nSplit and merge links to other rows\n", palette.HEADING))
        for link in row.secondary:
            parts += [
                f"  {link.a} → {link.b}  ",
                (provenance(link), palette.MUTED),
                "\n",
            ]
    parts += _sources(comparison, row)
    return Content.assemble(*parts)


def _sources(comparison: Comparison, row: Row) -> list[Part]:
    """Each version's sources under its label: publisher, title and date, a space, the URL."""
    parts: list[Part] = [("\nSources\n", palette.HEADING)]
    for plan in comparison.plans:
        if not row.clauses.get(plan.id) or not plan.sources:
            continue
        parts += [(f"  {visible(plan.label)}", "bold"), "\n"]
        for source in plan.sources:
            when = f" ({source.date.isoformat()})" if source.date else ""
            parts += [
                "    " + one_line(f"{source.publisher}, {source.title}{when}") + " ",
                (visible(source.url), "underline $text-muted"),
                "\n",
            ]
    return parts


def hanging_wrap(content: Content, width: int) -> list[Content]:
    """`content` word-wrapped to `width`, each line's continuation indented like its start."""
    lines: list[Content] = []
    for logical in content.split("\n"):
        plain = logical.plain
        indent = min(len(plain) - len(plain.lstrip(" ")), width // 2)
        if not indent:
            lines += logical.wrap(width) or [logical]
            continue
        pad = Content(" " * indent)
        lines += [pad + line for line in logical[indent:].wrap(width - indent)] or [logical]
    return lines


class DetailsPane(ScrollView, can_focus=True):
    """A scrollable pane with the selected provision's details.

    A line-API widget: showing another provision wraps its text and redraws the pane, without
    a layout pass of the screen, so moving the cursor stays fast.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up", "scroll_up", "Scroll up", show=False),
        Binding("down", "scroll_down", "Scroll down", show=False),
    ]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.content = Content("Comparing…")
        """What the pane shows."""
        self._lines: list[Content] = []
        self._width = 0

    def show(
        self, comparison: Comparison | None, row: int | None, topics: Mapping[str, str]
    ) -> None:
        """Show the details of `row` (or a hint when there is nothing to show)."""
        if comparison is None:
            self.content = Content("Comparing…")
        else:
            self.content = details_content(comparison, row, topics)
        self._width = 0
        if self.scroll_offset.y:
            self.scroll_to(0, 0, animate=False, immediate=True)
        self._wrap()
        self.refresh()

    @property
    def text(self) -> str:
        """The details as plain text."""
        return self.content.plain

    @property
    def wrapped_lines(self) -> list[str]:
        """The lines as the pane draws them at its width, as plain text."""
        self._wrap()
        return [line.plain for line in self._lines]

    def _wrap(self) -> None:
        width = self.scrollable_content_region.width
        if width <= 0 or width == self._width:
            return
        self._width = width
        self._lines = hanging_wrap(self.content, width)
        size = Size(width, len(self._lines))
        if size != self.virtual_size:
            self.virtual_size = size

    def on_resize(self, event: events.Resize) -> None:
        self._wrap()

    def render_line(self, y: int) -> Strip:
        self._wrap()
        base = self.visual_style
        index = round(self.scroll_offset.y) + y
        width = self.scrollable_content_region.width
        if index >= len(self._lines):
            return Strip.blank(width, base.rich_style)
        segments = self._lines[index].render_segments(base)
        return Strip(segments).extend_cell_length(width, base.rich_style).crop(0, width)
