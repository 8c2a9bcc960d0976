"""The sections a report opens with: the key changes, and (with `--by topic`) provisions by topic.

Both read what the core computed (`comparison.key_changes`: `key_changes`, `topic_groups`) and
are rendered here once per format — HTML, Markdown and Rich text — so the report modules only
place them. Every value from a plan file is escaped by the format's own escaping.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import groupby

from rich.console import RenderableType
from rich.padding import Padding
from rich.text import Text

from planlens.comparison.key_changes import (
    KEY_KINDS,
    KeyChange,
    KeyKind,
    key_changes,
    topic_groups,
)
from planlens.comparison.model import Comparison, FigureInfo
from planlens.comparison.wording import figure_label
from planlens.corpus.address import format_address
from planlens.report import common as c
from planlens.report.markdown_escape import code, escape
from planlens.safe import one_line

KIND_HEADINGS: dict[KeyKind, str] = {
    "figure": "Figures that moved",
    "added": "Provisions added",
    "removed": "Provisions removed",
    "removed-reported": "Provisions reported removed",
}
"""The heading of each kind of key change."""
NO_KEY_CHANGES = "No figure moved and no provision was added or dropped."


@dataclass(frozen=True)
class _Item:
    """One line of the section: a provision in one pair, with all its figure changes."""

    addresses: tuple[str, ...]
    """The clauses concerned."""
    title: str
    """The provision's title, after the pair's labels when the report has several pairs."""
    figures: str
    """The figure changes, `army_cap 600,000 → 800,000 (+33%); …`; empty for the others."""
    note: str | None
    """The clause's or the omission's note."""
    bracketed: str = ""
    """`(bracketed alternative)` or `(bracketed alternatives)` when the clauses are; else empty."""


def _by_kind(comparison: Comparison) -> list[tuple[KeyKind, list[_Item]]]:
    """The key changes by kind; a provision's figure changes in one pair make one item."""
    found = key_changes(comparison)
    out: list[tuple[KeyKind, list[_Item]]] = []
    for kind in KEY_KINDS:
        items: list[_Item] = []
        changes = [k for k in found if k.kind == kind]
        for _, same in groupby(changes, key=lambda k: (k.a, k.b, k.row)):
            group = list(same)
            figures = "; ".join(_figure(k.figure) for k in group if k.figure is not None)
            title = _title(comparison, group[0])
            bracketed = _bracketed(comparison, group[0].addresses)
            items.append(_Item(group[0].addresses, title, figures, group[0].note, bracketed))
        if items:
            out.append((kind, items))
    return out


def _title(comparison: Comparison, change: KeyChange) -> str:
    """The provision's title, after the pair (`US-28 → UA-20: Army cap`) when there are several."""
    if len(comparison.pairs) > 1:
        return f"{c.pair_title(comparison, change.a, change.b)}: {change.title}"
    return change.title


def _bracketed(comparison: Comparison, addresses: tuple[str, ...]) -> str:
    """The label of bracketed (unagreed) clauses among `addresses`; empty when none is."""
    count = sum(1 for a in addresses if a in comparison.clauses and comparison.clauses[a].bracketed)
    if not count:
        return ""
    return "(bracketed alternatives)" if count > 1 else "(bracketed alternative)"


def _clause_label(comparison: Comparison, plan_id: str, clause_id: str) -> str:
    """` (bracketed alternative)` after a bracketed clause's address in the by-topic lists."""
    return " (bracketed alternative)" if comparison.clause(plan_id, clause_id).bracketed else ""


def _figure(figure: FigureInfo) -> str:
    """`army_cap 600,000 → 800,000 (+33%)` (`in the text: 100 days → —`), after its
    alternative's address when it has one."""
    name = figure_label(figure) + (":" if figure.source == "text" else "")
    line = f"{name} {c.figure_value(figure.old)} → {c.figure_value(figure.new)}"
    if figure.alternative:
        line = f"{figure.alternative}: {line}"
    change = c.relative_change(figure)
    return f"{line} ({change})" if change else line


# -- HTML ------------------------------------------------------------------------------------


def key_changes_html(comparison: Comparison) -> str:
    """The key changes as HTML lists, one per kind."""
    from planlens.report.html_parts import address_link, esc  # HTML only: text loads none

    groups = _by_kind(comparison)
    if not groups:
        return f'<p class="muted">{esc(NO_KEY_CHANGES)}</p>'
    out = []
    for kind, changes in groups:
        items = []
        for item in changes:
            where = " ".join(address_link(a) for a in item.addresses)
            if item.bracketed:
                where += f' <span class="muted">{esc(item.bracketed)}</span>'
            figures = f" — {esc(item.figures)}" if item.figures else ""
            note = f'<br><span class="muted">{esc(item.note)}</span>' if item.note else ""
            items.append(f"<li>{where} <strong>{esc(item.title)}</strong>{figures}{note}</li>")
        out.append(f'<h3>{esc(KIND_HEADINGS[kind])}</h3><ul class="key">{"".join(items)}</ul>')
    return "".join(out)


def by_topic_html(comparison: Comparison) -> str:
    """The provisions grouped by topic: per topic, a row per provision, a column per version."""
    from planlens.report.html_parts import esc  # HTML only: a text report loads none of it

    head = "".join(f'<th scope="col">{esc(p.label)}</th>' for p in comparison.plans)
    out = []
    for group in topic_groups(comparison):
        body = []
        for index in group.rows:
            row = comparison.rows[index]
            cells = []
            for plan in comparison.plans:
                ids = row.clauses.get(plan.id, [])
                texts = [
                    f"{esc(f'{plan.id}:{cid}')}{esc(_clause_label(comparison, plan.id, cid))} "
                    f"{esc(comparison.clause(plan.id, cid).text)}"
                    for cid in ids
                ]
                cells.append(f"<td>{'<br>'.join(texts) or '—'}</td>")
            body.append(f'<tr><th scope="row">{esc(row.title)}</th>{"".join(cells)}</tr>')
        out.append(
            f'<h3>{esc(group.label)}</h3><table class="by-topic"><thead><tr>'
            f'<th scope="col">Provision</th>{head}</tr></thead><tbody>{"".join(body)}'
            "</tbody></table>"
        )
    return "".join(out)


# -- Markdown --------------------------------------------------------------------------------


def key_changes_markdown(comparison: Comparison) -> list[str]:
    """The key changes as a Markdown section."""
    lines = ["## Key changes", ""]
    groups = _by_kind(comparison)
    if not groups:
        return [*lines, escape(NO_KEY_CHANGES), ""]
    for kind, changes in groups:
        lines += [f"### {escape(KIND_HEADINGS[kind])}", ""]
        for item in changes:
            where = ", ".join(code(a) for a in item.addresses)
            if item.bracketed:
                where += f" *{escape(item.bracketed)}*"
            figures = f" — {escape(item.figures)}" if item.figures else ""
            note = f" — *{escape(item.note)}*" if item.note else ""
            lines.append(f"- {where} **{escape(item.title)}**{figures}{note}")
        lines.append("")
    return lines


def by_topic_markdown(comparison: Comparison) -> list[str]:
    """The provisions grouped by topic, each version's clauses under the provision."""
    lines = ["## Provisions by topic", ""]
    for group in topic_groups(comparison):
        lines += [f"### {escape(group.label)}", ""]
        for index in group.rows:
            row = comparison.rows[index]
            lines.append(f"- **{escape(row.title)}**")
            for plan in comparison.plans:
                for cid in row.clauses.get(plan.id, []):
                    text = comparison.clause(plan.id, cid).text
                    label = escape(_clause_label(comparison, plan.id, cid))
                    lines.append(f"  - {code(f'{plan.id}:{cid}')}{label} {escape(text)}")
        lines.append("")
    return lines


# -- Rich text -------------------------------------------------------------------------------


def key_changes_text(comparison: Comparison) -> list[RenderableType]:
    """The key changes as Rich text, every value inert."""
    out: list[RenderableType] = [Text("Key changes", style="bold underline")]
    groups = _by_kind(comparison)
    if not groups:
        return [*out, Text(NO_KEY_CHANGES)]
    for kind, changes in groups:
        out.append(Text(KIND_HEADINGS[kind], style="bold"))
        for item in changes:
            line = Text("- ")
            line.append(c.fold(", ".join(item.addresses)), style="cyan")
            if item.bracketed:
                line.append(f" {item.bracketed}", style="dim")
            line.append(" " + c.fold(item.title), style="bold")
            if item.figures:
                line.append(" — " + c.fold(item.figures))
            if item.note:
                line.append(f" — {c.fold(item.note)}", style="dim")
            out.append(Padding(line, (0, 0, 0, 2)))
    return out


def by_topic_text(comparison: Comparison) -> list[RenderableType]:
    """The provisions grouped by topic, as Rich text."""
    out: list[RenderableType] = [Text(""), Text("Provisions by topic", style="bold underline")]
    for group in topic_groups(comparison):
        out.append(Text(one_line(group.label), style="bold"))
        for index in group.rows:
            row = comparison.rows[index]
            out.append(Padding(Text(c.fold(row.title), style="italic"), (0, 0, 0, 2)))
            for plan in comparison.plans:
                for cid in row.clauses.get(plan.id, []):
                    line = Text(format_address(plan.id, cid), style="cyan")
                    line.append(_clause_label(comparison, plan.id, cid) + " ", style="dim")
                    line.append(c.fold(comparison.clause(plan.id, cid).text))
                    out.append(Padding(line, (0, 0, 0, 4)))
    return out


__all__ = [
    "by_topic_html",
    "by_topic_markdown",
    "by_topic_text",
    "key_changes_html",
    "key_changes_markdown",
    "key_changes_text",
]
