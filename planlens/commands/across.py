"""Commands across every version of the corpus: `figures`, `history` and `search`."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import click
from rich.console import Console

from planlens.commands.common import format_option, open_corpus, plans_option, print_table, stdout


@contextmanager
def piped(console: Console) -> Iterator[None]:
    """Print through `console`; when piped, without the padding that ends each line in spaces.

    Rich pads every line of a table or a wrapped text to the console's width: on a terminal
    that is invisible, in a file or a pipe it is trailing whitespace on every line.
    """
    if console.is_terminal:
        yield
        return
    with console.capture() as captured:
        yield
    for line in captured.get().splitlines():
        click.echo(line.rstrip())


@click.command()
@click.argument("terms", nargs=-1, metavar="[TERM ...]")
@plans_option
@format_option("table", "json")
def figures(terms: tuple[str, ...], plans: tuple[Path, ...], fmt: str) -> None:
    """Every typed figure across every version, in date order (`planlens figures army_cap`).

    Each version is `set` (a value), `none` (the text explicitly sets no such figure),
    `removed` (reported to have dropped the clause that set it), `silent` (fully known, says
    nothing) or `unknown` (known only in part). Without TERM, all terms, grouped by term.
    """
    from planlens.comparison.timeline import figure_timeline

    timeline = figure_timeline(open_corpus(plans), list(terms) or None)
    if fmt == "json":
        payload = {
            "terms": {
                name: [entry.model_dump(mode="json") for entry in entries]
                for name, entries in timeline.items()
            }
        }
        click.echo(json.dumps(payload, indent=2, ensure_ascii=False))
        return
    from planlens.report.corpus_views import figures_tables

    if not timeline:
        click.echo("No version has typed figures (terms).", err=True)
        return
    console = stdout()
    with piped(console):
        for table in figures_tables(timeline):
            print_table(console, table)
            console.print()


@click.command()
@click.argument("address", metavar="PLAN:CLAUSE")
@click.option("--ignore-links", is_flag=True, help="Align without the links asserted in the files.")
@plans_option
@format_option("text", "json")
def history(address: str, ignore_links: bool, plans: tuple[Path, ...], fmt: str) -> None:
    """One provision through every version, in date order (`planlens history us-28:19`).

    Every version is aligned at once; each shows its clause(s) in the provision's row with the
    word diff against the previous version that has it, or says why it has none: removed
    (reported), unknown (known only in part) or absent.
    """
    from planlens.comparison.history import history as provision_history

    if ":" not in address:
        raise click.UsageError(f"give a clause address such as us-28:19, not {address!r}")
    story = provision_history(open_corpus(plans), address, ignore_links=ignore_links)
    if fmt == "json":
        click.echo(json.dumps(story.model_dump(mode="json"), indent=2, ensure_ascii=False))
        return
    from planlens.report.corpus_views import history_text

    console = stdout()
    with piped(console):
        console.print(history_text(story, console.is_terminal))


@click.command()
@click.argument("query")
@click.option(
    "--plan",
    "plan_ids",
    multiple=True,
    metavar="ID",
    help="Only this version, by id or label (repeatable).",
)
@click.option("--topic", metavar="TOPIC", help="Only clauses about this topic.")
@plans_option
@format_option("table", "json")
def search(
    query: str,
    plan_ids: tuple[str, ...],
    topic: str | None,
    plans: tuple[Path, ...],
    fmt: str,
) -> None:
    """Search every clause's title, text, note and terms, and every omission note.

    Case- and accent-insensitive; Cyrillic matches its Latin transliteration
    (`planlens search zaporizhzhia`).
    """
    from planlens.comparison.search import search as corpus_search

    if not query.strip():
        raise click.UsageError("the query is empty")
    corpus = open_corpus(plans)
    hits = corpus_search(corpus, query, plans=list(plan_ids) or None, topic=topic)
    if fmt == "json":
        payload = {"query": query, "hits": [hit.to_json() for hit in hits]}
        click.echo(json.dumps(payload, indent=2, ensure_ascii=False))
        return
    from planlens.report.corpus_views import search_table

    console = stdout()
    if not hits:
        click.echo(f"No clause matches {query!r}.", err=True)
        return
    with piped(console):
        print_table(console, search_table(hits, console.is_terminal))
    click.echo(f"{len(hits)} hit{'' if len(hits) == 1 else 's'}.", err=True)
