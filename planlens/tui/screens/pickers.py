"""The pickers the compare view opens: versions, a topic, change classes."""

from __future__ import annotations

from collections.abc import Collection, Sequence

from textual.content import Content

from planlens.comparison.model import CHANGE_CLASSES, Comparison
from planlens.corpus.load import Corpus
from planlens.safe import one_line, visible
from planlens.tui import palette
from planlens.tui.screens.checklist import ChecklistScreen
from planlens.tui.screens.choice import ChoiceScreen
from planlens.tui.state import class_counts, topic_counts


def _rows(count: int) -> str:
    return f"{count} row" if count == 1 else f"{count} rows"


def version_prompt(corpus: Corpus, plan_id: str) -> Content:
    """A version as a list entry: label, date, badges, clause count and title."""
    plan_file = corpus.plan(plan_id)
    plan = plan_file.plan
    parts: list[str | tuple[str, str]] = [
        (f"{visible(plan.label):<10} ", "bold"),  # a space even after a long label
        (f"{plan.date.isoformat()}  ", palette.MUTED),
    ]
    for (badge, style), width in zip(palette.badges(plan), (10, 11, 9), strict=False):
        parts.append((f"{badge:<{width}}", style))
    parts.append((f" {len(plan_file.clauses):>3} clauses  ", palette.MUTED))
    parts.append(one_line(plan.title))
    return Content.assemble(*parts)


def version_picker(corpus: Corpus, shown: Sequence[str], minimum: int) -> ChecklistScreen:
    """Checkboxes for every version; two are shown side by side, more as the matrix."""
    items = [(pid, version_prompt(corpus, pid), pid in shown) for pid in corpus.ids]
    return ChecklistScreen(
        "Versions to compare",
        items,
        minimum=minimum,
        hint="2 versions: side by side; 3 or more: the provision matrix.  ",
    )


def reference_picker(corpus: Corpus, shown: Sequence[str], current: str | None) -> ChoiceScreen:
    """The versions shown, to compare every other one with; the first entry is the default."""
    options = [
        (
            "",
            Content.assemble(
                ("By lineage", "bold"),
                (
                    "  each version against its nearest ancestor shown, else the first",
                    palette.MUTED,
                ),
            ),
        )
    ]
    options += [(pid, version_prompt(corpus, pid)) for pid in shown]
    return ChoiceScreen("Compare every version with", options, current or "")


def topic_picker(corpus: Corpus, comparison: Comparison, current: str | None) -> ChoiceScreen:
    """Every topic of the compared rows, with its row count; the first entry clears the filter."""
    counts = topic_counts(comparison)
    options = [
        (
            "",
            Content.assemble(
                ("All topics", "bold"), (f"  {_rows(len(comparison.rows))}", palette.MUTED)
            ),
        )
    ]
    for topic_id in sorted(
        counts, key=lambda t: (corpus.topics[t].label if t in corpus.topics else t).casefold()
    ):
        label = corpus.topics[topic_id].label if topic_id in corpus.topics else topic_id
        options.append(
            (
                topic_id,
                Content.assemble(visible(label), (f"  {_rows(counts[topic_id])}", palette.MUTED)),
            )
        )
    return ChoiceScreen("Show provisions about", options, current or "", type_ahead=True)


def class_picker(comparison: Comparison, current: Collection[str]) -> ChecklistScreen:
    """Checkboxes for the change classes present, with their row counts; none checked: all."""
    counts = class_counts(comparison)
    items = []
    for change in CHANGE_CLASSES:
        if change not in counts:
            continue
        style = palette.CLASS_STYLES[change]
        prompt = Content.assemble(
            (f"{palette.mark(change):<3}", style),
            (f"{palette.word(change):<20}", style),
            (f"{_rows(counts[change]):>9}", palette.MUTED),
        )
        items.append((change, prompt, change in current))
    return ChecklistScreen(
        "Show rows with these changes", items, hint="None checked: every class.  "
    )
