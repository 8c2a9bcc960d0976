"""The overview: the versions and their badges, their lineage, how alike they are, their topics.

The similarity of every pair needs a comparison per pair, so a thread worker computes them
one by one and the heat map fills in as they arrive; results are kept for the session.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, cast

from rich.text import Text
from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, HorizontalScroll, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Static
from textual.worker import get_current_worker

from planlens.comparison.overview import (
    LineageNode,
    Similarity,
    lineage,
    pair_similarity,
    similarity_pairs,
    topic_coverage,
)
from planlens.corpus.load import Corpus
from planlens.safe import one_line, visible
from planlens.tui import palette
from planlens.tui.failures import internal_error
from planlens.tui.messages import ComparisonFailed, SimilarityComputed
from planlens.tui.plain import tell
from planlens.tui.widgets.heatmap import heatmap_content, heatmap_legend

if TYPE_CHECKING:
    from planlens.tui.app import PlanlensApp

NARROW = 140
"""Below this width the lineage and the heat map are stacked instead of side by side."""


def lineage_content(corpus: Corpus) -> Content:
    """The `based_on` forest drawn with box characters, one version per line."""
    parts: list[str | tuple[str, str]] = []

    def draw(node: LineageNode, prefix: str, last: bool, root: bool) -> None:
        plan = corpus.plan(node.plan_id).plan
        branch = "" if root else ("└─ " if last else "├─ ")
        parts.append((prefix + branch, palette.MUTED))
        parts.append((visible(plan.label), "bold"))
        parts.append((f"  {plan.date.isoformat()} {plan.status}", palette.MUTED))
        if node.other_parents:
            parts.append(("  also based on " + ", ".join(node.other_parents), palette.MUTED))
        parts.append("\n")
        child_prefix = prefix + ("" if root else ("   " if last else "│  "))
        for n, child in enumerate(node.children):
            draw(child, child_prefix, n == len(node.children) - 1, False)

    for node in lineage(corpus):
        draw(node, "", True, True)
    return Content.assemble(*parts)


class OverviewScreen(Screen[None]):
    """The versions at a glance."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape,o", "close", "Back to compare")]

    @property
    def planlens(self) -> PlanlensApp:
        """The app, typed."""
        return cast("PlanlensApp", self.app)

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="overview"):
            yield Static(Content("Versions"), classes="section-title")
            yield DataTable(id="versions", cursor_type="row", zebra_stripes=True)
            with Horizontal(id="overview-middle"):
                with Vertical(id="lineage-box"):
                    yield Static(Content("Lineage (based on)"), classes="section-title")
                    yield Static(lineage_content(self.planlens.corpus), id="lineage")
                with Vertical(id="heatmap-box"):
                    yield Static(Content("Similarity"), classes="section-title")
                    with HorizontalScroll(id="heatmap-scroll"):
                        yield Static(id="heatmap")
                    yield Static(heatmap_legend(), id="heatmap-legend")
                    yield Static(id="heatmap-progress")
            yield Static(Content("Topic coverage: clauses per topic"), classes="section-title")
            yield DataTable(id="coverage", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        corpus = self.planlens.corpus
        colours = self.app.theme_variables
        versions = self.query_one("#versions", DataTable)
        versions.add_columns(
            "#",
            "version",
            "date",
            "kind",
            "status",
            "fidelity",
            "known",
            "clauses",
            "omissions",
            "based on",
        )
        for n, plan_file in enumerate(corpus.plans, start=1):
            plan = plan_file.plan
            warn = colours.get("text-warning", "")
            versions.add_row(
                str(n),
                Text(one_line(plan.label), style="bold"),
                plan.date.isoformat(),
                plan.kind,
                Text(plan.status, style=warn if plan.status == "reported" else ""),
                plan.fidelity,
                Text(
                    "complete" if plan.complete else "partial", style="" if plan.complete else warn
                ),
                str(len(plan_file.clauses)),
                str(len(plan_file.omission)),
                Text(one_line(", ".join(plan.based_on))),
            )
        coverage = self.query_one("#coverage", DataTable)
        coverage.add_columns("topic", *[Text(one_line(p.plan.label)) for p in corpus.plans])
        for topic in topic_coverage(corpus):
            coverage.add_row(
                Text(one_line(topic.label)),
                *[str(topic.counts[p.id] or "·") for p in corpus.plans],
            )
        self._draw_heatmap()
        missing = [
            pair for pair in similarity_pairs(corpus.ids) if pair not in self.planlens.similarities
        ]
        if missing:
            self.compute_similarities(missing)

    def on_resize(self, event: events.Resize) -> None:
        self.set_class(event.size.width < NARROW, "-narrow")

    def _draw_heatmap(self, done: int | None = None, total: int | None = None) -> None:
        corpus = self.planlens.corpus
        labels = {p.id: p.plan.label for p in corpus.plans}
        pending = done is not None and total is not None and done < total
        self.query_one("#heatmap", Static).update(
            heatmap_content(corpus.ids, labels, self.planlens.similarities, pending or done is None)
        )
        progress = "" if not pending else f"comparing pairs: {done} of {total}…"
        self.query_one("#heatmap-progress", Static).update(Content.styled(progress, palette.MUTED))

    @work(exclusive=True, thread=True, group="similarity", exit_on_error=False)
    def compute_similarities(self, pairs: list[tuple[str, str]]) -> None:
        """Compare each pair and post its similarity, one by one, off the UI thread."""
        from planlens.comparison.build import compare

        corpus = self.planlens.corpus
        worker = get_current_worker()
        for done, (a, b) in enumerate(pairs, start=1):
            if worker.is_cancelled:
                return
            if not corpus.plan(a).clauses or not corpus.plan(b).clauses:
                similarity = Similarity(a, b, 0, 0, 0, 0)
            else:
                try:
                    similarity = pair_similarity(compare(corpus, [a, b]))
                except Exception as exc:  # logged with its traceback, shown to the user
                    message = internal_error(self.app, exc, f"comparing {a} and {b}")
                    self.post_message(ComparisonFailed((a, b), message))
                    continue
            self.post_message(SimilarityComputed(similarity, done, len(pairs)))

    @on(SimilarityComputed)
    def add_similarity(self, message: SimilarityComputed) -> None:
        similarity = message.similarity
        self.planlens.similarities[(similarity.a, similarity.b)] = similarity
        self._draw_heatmap(message.done, message.total)

    @on(ComparisonFailed)
    def similarity_failed(self, message: ComparisonFailed) -> None:
        tell(
            self,
            message.error[:300],
            title=f"Could not compare {' and '.join(message.plan_ids)}",
            severity="error",
        )

    def action_close(self) -> None:
        self.dismiss(None)
