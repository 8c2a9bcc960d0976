"""Terminal renderings of the corpus-wide views: figure timelines, a history, search hits.

Like the text report, every value from a plan file goes into a `rich.text.Text` through
`visible()`, never into markup. Without colours, a search match is marked `«…»`, and word
diffs use the text report's `[-old-]` / `{+new+}` marks.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from planlens.comparison.history import History, HistoryEntry
from planlens.comparison.model import SpanInfo
from planlens.comparison.search import SearchHit
from planlens.comparison.timeline import FigureEntry, FigureState
from planlens.report.text_report import redline
from planlens.safe import one_line, visible

STATE_WORDS: dict[FigureState, str] = {
    "set": "",
    "none": "none (explicitly)",
    "removed": "removed (reported)",
    "silent": "— (says nothing)",
    "unknown": "? (text known only in part)",
}
"""How a version without a value reads in a timeline."""
STATE_STYLES: dict[FigureState, str] = {
    "set": "bold",
    "none": "magenta",
    "removed": "red",
    "silent": "dim",
    "unknown": "yellow",
}
"""The terminal style of each figure state."""
MATCH_MARKS = ("«", "»")
"""How a search match is marked in plain text."""
MATCH_STYLE = "bold reverse"
HISTORY_STATES = {
    "merged": "in a clause that holds other provisions too (split or merged)",
    "absent": "not in this version (the version is fully known)",
    "unknown": "unknown: the version is known only in part",
    "removed-reported": "removed (reported)",
}


def figure_value(entry: FigureEntry) -> Text:
    """An entry's value, or what its state means, styled by state."""
    return Text(visible(entry.shown or STATE_WORDS[entry.state]), style=STATE_STYLES[entry.state])


def figures_tables(timeline: Mapping[str, Sequence[FigureEntry]]) -> list[Table]:
    """One table per term: a line per version (per clause), in date order."""
    tables = []
    for term, entries in timeline.items():
        table = Table(title=Text(term, style="bold"), title_justify="left", box=None)
        for name in ("version", "date", "clause", "value", "state", "confidence"):
            table.add_column(name, no_wrap=True)
        table.add_column("note", overflow="fold", min_width=20)
        for entry in entries:
            table.add_row(
                Text(visible(entry.label)),
                Text(entry.date),
                Text(entry.clause or "·"),
                figure_value(entry),
                Text(
                    entry.state + (" (bracketed alternative)" if entry.bracketed else ""),
                    style=STATE_STYLES[entry.state],
                ),
                Text(entry.confidence or "·"),
                Text(one_line(entry.note or "")),
            )
        tables.append(table)
    return tables


def history_entry(entry: HistoryEntry, color: bool) -> list[RenderableType]:
    """One version's part of a provision's history."""
    head = Text(f"{visible(entry.label)} ({entry.plan}) · {entry.date}", style="bold")
    if entry.state not in ("present", "merged"):
        head.append(f" · {HISTORY_STATES[entry.state]}", style="yellow")
        out: list[RenderableType] = [head]
        if entry.omission is not None:
            reported = Text(visible(entry.omission.note))
            reported.append(f" ({entry.omission.confidence}")
            reported.append(
                f"; {visible(entry.omission.source)})" if entry.omission.source else ")"
            )
            out.append(Padding(reported, (0, 0, 0, 4)))
        return out
    if entry.state == "merged":
        head.append(f" · {HISTORY_STATES[entry.state]}", style="yellow")
    out = [head]
    for clause in entry.clauses:
        line = Text(clause.address, style="cyan")
        line.append(f" · {clause.confidence}")
        if clause.bracketed:
            line.append(" · [bracketed alternative]", style="yellow")
        if clause.title:
            line.append(f" · {one_line(clause.title)}")
        body: list[RenderableType] = [line]
        if clause.spans and all(span.op == "equal" for span in clause.spans):
            body.append(Text(f"unchanged from {entry.compared_with}:", style="dim"))
            body.append(Text(visible(clause.text)))
        elif clause.spans:
            body.append(Text(f"changes from {entry.compared_with}:", style="dim"))
            body.append(spans_text(clause.spans, color))
        else:
            body.append(Text(visible(clause.text)))
        if clause.terms:
            figures = "; ".join(f"{k} {v}" for k, v in clause.terms.items())
            body.append(Text("figures: " + visible(figures)))
        if clause.note:
            body.append(Text(f"note: {visible(clause.note)}", style="italic"))
        out.append(Padding(Group(*body), (0, 0, 0, 4)))
    return out


def spans_text(spans: list[SpanInfo], color: bool) -> Text:
    """A word diff as one text, marked like the text report's redline."""
    return redline(spans, color)


def history_text(story: History, color: bool) -> Group:
    """A provision's history: a heading, then each version in date order."""
    parts: list[RenderableType] = [
        Text(f"History of {story.address}: {one_line(story.title)}", style="bold underline"),
        Text(f"topics: {', '.join(story.topics) or '·'}", style="dim"),
        Text(""),
    ]
    for entry in story.versions:
        parts += history_entry(entry, color)
        parts.append(Text(""))
    return Group(*parts)


def snippet_text(hit: SearchHit, color: bool) -> Text:
    """A hit's snippet with its match marked (a style with colours, «…» without)."""
    out = Text(visible(hit.snippet.before))
    match = visible(hit.snippet.match)
    if color:
        out.append(match, style=MATCH_STYLE)
    else:
        out.append(f"{MATCH_MARKS[0]}{match}{MATCH_MARKS[1]}")
    out.append(visible(hit.snippet.after))
    return out


def search_table(hits: Sequence[SearchHit], color: bool) -> Table:
    """The hits: version, date, address, field and snippet."""
    table = Table(box=None, header_style="bold")
    for name in ("version", "date", "clause", "field"):
        table.add_column(name, no_wrap=True)
    table.add_column("snippet", overflow="fold")
    for hit in hits:
        table.add_row(
            Text(hit.plan), Text(hit.date), Text(hit.clause), Text(hit.field),
            snippet_text(hit, color),
        )  # fmt: skip
    return table


__all__ = ["figures_tables", "history_text", "search_table", "snippet_text", "spans_text"]
