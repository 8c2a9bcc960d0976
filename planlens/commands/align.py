"""`planlens align`: the provision matrix of N versions, as a table or JSON."""

from __future__ import annotations

from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING

import click
from rich.text import Text

from planlens.commands.common import (
    format_option,
    open_corpus,
    plans_option,
    print_table,
    reference_option,
    resolve_ids,
    stdout,
)
from planlens.gc_pause import gc_paused
from planlens.safe import json_document, one_line

if TYPE_CHECKING:
    from rich.table import Table

    from planlens.comparison.model import Comparison, Row
    from planlens.comparison.suggest import Suggestion
    from planlens.corpus.load import Corpus


@click.command("align")
@click.argument("plan_ids", nargs=-1, required=True, metavar="PLAN PLAN [PLAN ...]")
@click.option("--ignore-links", is_flag=True, help="Do not use the links asserted in the files.")
@click.option(
    "--suggest",
    is_flag=True,
    help="Also list possible counterparts of the clauses left without one (not links: for an "
    "editor to review).",
)
@reference_option
@click.option(
    "--review",
    is_flag=True,
    help="Ask about each suggested pair in turn: y links it, n rejects it (recorded in the "
    "plan file, never suggested again), s skips it, q stops. Edits the later version's file.",
)
@click.option(
    "--accept-all-above",
    type=click.FloatRange(0, 1),
    metavar="SCORE",
    help="Link each clause left alone to its best candidate when that scores SCORE or more. "
    "Edits the later version's file.",
)
@plans_option
@format_option("table", "json")
def align_command(
    plan_ids: tuple[str, ...],
    ignore_links: bool,
    suggest: bool,
    reference: str | None,
    review: bool,
    accept_all_above: float | None,
    plans: tuple[Path, ...],
    fmt: str,
) -> None:
    """Align the provisions of two or more versions and print the provision matrix.

    Each row is one provision: the clause of each version that says it. JSON rows give, per
    version, the list of clause ids in the row (empty where the version has none), the change
    class of each compared pair, and the links with the pass that found them and their score.

    With --suggest, each clause that no other version's clause was matched with gets up to
    three candidates: clauses of the other versions sharing a topic with it and scoring best,
    though below the score the aligner pairs at. They are not links: --review asks about each
    (and writes the answer into the plan file), --accept-all-above links the best ones.
    """
    from planlens.comparison.build import compare
    from planlens.comparison.labels import CHANGE_LABELS, CHANGE_MARKS

    if len(plan_ids) < 2:
        raise click.UsageError("give at least two plan ids")
    corpus = open_corpus(plans)
    if review or accept_all_above is not None:
        if review and accept_all_above is not None:
            raise click.UsageError("give --review or --accept-all-above, not both")
        if ignore_links or fmt != "table":
            raise click.UsageError("--review and --accept-all-above work on the table output")
        from planlens.commands.links import run_review

        run_review(corpus, resolve_ids(corpus, plan_ids), accept_all_above)
        return
    comparison = compare(
        corpus, resolve_ids(corpus, plan_ids), ignore_links=ignore_links, reference=reference
    )
    suggestions = _suggestions(corpus, comparison) if suggest else None
    if fmt == "json":
        data = matrix_json(comparison)
        if suggestions is not None:
            data["suggestions"] = [asdict(s) for s in suggestions]
        click.echo(json_document(data))
        return
    console = stdout()
    print_table(console, matrix_table(comparison))
    legend = "  ".join(f"{mark} {CHANGE_LABELS[name]}" for name, mark in CHANGE_MARKS.items())
    console.print(Text(legend, style="dim"))
    if suggestions is not None:
        console.print()
        console.print(Text("Possible counterparts (not links: for review)", style="bold"))
        if suggestions:
            print_table(console, suggestions_table(suggestions))
        else:
            console.print("none: every clause has a counterpart, or no candidate shares a topic")


def _suggestions(corpus: Corpus, comparison: Comparison) -> list[Suggestion]:
    from planlens.comparison.suggest import suggest

    return suggest([corpus.plan(plan.id) for plan in comparison.plans], comparison)


def suggestions_table(suggestions: list[Suggestion]) -> Table:
    """Each lone clause with its candidates, best first, and their scores."""
    from rich.table import Table  # only the commands that print a table load it

    table = Table(header_style="bold", box=None, pad_edge=False)
    table.add_column("clause", no_wrap=True)
    table.add_column("title", max_width=40, overflow="ellipsis", no_wrap=True)
    table.add_column("candidates (score)")
    width = max(len(c.address) for s in suggestions for c in s.candidates)
    for suggestion in suggestions:
        candidates = "\n".join(
            f"{c.address:<{width}}  {one_line(c.title)} ({c.score:.2f})"
            for c in suggestion.candidates
        )
        table.add_row(suggestion.address, one_line(suggestion.title), Text(candidates))
    return table


@gc_paused()
def matrix_json(comparison: Comparison) -> dict[str, object]:
    """The provision matrix as plain JSON data."""
    return {
        "plans": [plan.id for plan in comparison.plans],
        "pairs": [list(pair) for pair in comparison.pairs],
        "ignore_links": comparison.options.ignore_links,
        "rows": [_row_json(row) for row in comparison.rows],
    }


def _row_json(row: Row) -> dict[str, object]:
    links = {(link.a, link.b): link.model_dump() for diff in row.pairs for link in diff.links}
    links.update({(link.a, link.b): link.model_dump() for link in row.secondary})
    return {
        "title": row.title,
        "topics": row.topics,
        "clauses": row.clauses,
        "changes": {f"{d.a}→{d.b}": d.change for d in row.pairs},
        "links": list(links.values()),
    }


def matrix_table(comparison: Comparison) -> Table:
    """The provision matrix as a Rich table: a column per version, a row per provision."""
    from rich.table import Table  # only the commands that print a table load it

    from planlens.comparison.labels import CHANGE_MARKS

    table = Table(header_style="bold", show_lines=False, box=None, pad_edge=False)
    table.add_column("#", justify="right", style="dim", no_wrap=True)
    table.add_column("provision", max_width=36, overflow="ellipsis", no_wrap=True)
    for plan in comparison.plans:
        table.add_column(Text(one_line(plan.label)), no_wrap=True, min_width=6)
    for row in comparison.rows:
        changes = {d.b: d.change for d in row.pairs}
        cells = [Text(str(row.index + 1)), Text(one_line(row.title))]
        for plan in comparison.plans:
            ids = row.clauses.get(plan.id, [])
            change = changes.get(plan.id)
            label = "+".join(ids) if ids else "·"
            if change and change != "unchanged":
                label += f" {CHANGE_MARKS[change]}"
            cells.append(Text(label, style=_style(change, bool(ids))))
        table.add_row(*cells)
    return table


def _style(change: str | None, present: bool) -> str:
    if change in ("removed", "removed-reported"):
        return "red"
    if change == "unknown":
        return "yellow"
    if change in ("added", "split", "merged"):
        return "green"
    if change in ("modified", "reworded"):
        return "cyan"
    return "" if present else "dim"
