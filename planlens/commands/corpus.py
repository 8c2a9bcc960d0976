"""Commands about the corpus itself: validate, list, show, schema."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

import click

from planlens.commands.common import (
    LazyChoice,
    format_option,
    open_corpus,
    plans_option,
    print_table,
    stdout,
)
from planlens.safe import json_text, one_line

if TYPE_CHECKING:
    from planlens.corpus.problems import Problem


@click.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@plans_option
@format_option("text", "json")
@click.pass_context
def validate(
    ctx: click.Context, paths: tuple[Path, ...], plans: tuple[Path, ...], fmt: str
) -> None:
    """Check plan files (or directories of them) and print every problem.

    Exits 1 if any error is found. A single file is checked together with the other plans in
    its directory, so its links to them resolve; only its own problems are printed.
    """
    from planlens.corpus.load import load_corpus

    targets = [*paths] or [*plans]
    roots = list(dict.fromkeys(p.parent if p.is_file() else p for p in targets))
    corpus = load_corpus(roots or None)
    problems = [problem for problem in corpus.problems if _asked_about(problem, targets)]
    errors = [p for p in problems if p.severity == "error"]
    if fmt == "json":
        click.echo(
            json.dumps(
                {
                    "ok": not errors,
                    "plans": corpus.ids,
                    "problems": [p.to_dict() for p in problems],
                },
                indent=2,
            )
        )
    else:
        for problem in problems:
            click.echo(str(problem))
        warnings = len(problems) - len(errors)
        verdict = "FAILED" if errors else "OK"
        click.echo(
            f"{verdict}: {len(corpus.plans)} plans loaded; "
            f"{_count(len(errors), 'error')}, {_count(warnings, 'warning')}."
        )
    ctx.exit(1 if errors else 0)


@click.command("list")
@plans_option
@format_option("table", "json")
def list_plans(plans: tuple[Path, ...], fmt: str) -> None:
    """List the versions: id, label, date, status, number of clauses, lineage and title.

    Either the id or the label (`GEN-19`, any case) names a version in every other command.
    """
    from rich.table import Table
    from rich.text import Text

    from planlens.report.terminal import plan_rows

    corpus = open_corpus(plans)
    rows = plan_rows(corpus)
    if fmt == "json":
        click.echo(json_text(json.dumps(rows, indent=2, ensure_ascii=False)))
        return
    table = Table(header_style="bold", box=None, pad_edge=False)
    for name in ("id", "label", "date", "status", "clauses", "known", "based on"):
        table.add_column(name, no_wrap=True, justify="right" if name == "clauses" else "left")
    table.add_column("title", no_wrap=True, overflow="ellipsis", min_width=10)
    for row in rows:
        based_on = row["based_on"] if isinstance(row["based_on"], list) else []
        table.add_row(
            Text(str(row["id"])),
            Text(one_line(str(row["short"]))),
            Text(str(row["date"])),
            Text(str(row["status"])),
            Text(str(row["clauses"])),
            Text("complete" if row["complete"] else "partial"),
            Text(", ".join(based_on) or "·"),
            Text(one_line(str(row["title"]))),
        )
    print_table(stdout(), table)


@click.command()
@click.argument("address", metavar="PLAN[:CLAUSE]")
@plans_option
@format_option("text", "json")
def show(address: str, plans: tuple[Path, ...], fmt: str) -> None:
    """Show one version, or one clause (`planlens show us-28:6`)."""
    from planlens.report.terminal import clause_block, plan_header

    corpus = open_corpus(plans)
    console = stdout()
    if ":" in address:
        plan, clause = corpus.clause(address)
        if fmt == "json":
            payload = clause.model_dump(mode="json")
            canonical = plan.address(clause)
            click.echo(
                json_text(
                    json.dumps({"address": canonical, **payload}, indent=2, ensure_ascii=False)
                )
            )
            return
        console.print(clause_block(plan, clause, corpus), crop=False)
        return
    plan = corpus.plan(address)
    if fmt == "json":
        click.echo(
            json_text(json.dumps(plan.model_dump(mode="json"), indent=2, ensure_ascii=False))
        )
        return
    console.print(plan_header(plan, corpus), crop=False)
    for clause in plan.clauses:
        console.print(clause_block(plan, clause, corpus), crop=False)


def _schema_names() -> list[str]:
    from planlens.report.schemas import SCHEMAS

    return sorted(SCHEMAS)


@click.command()
@click.argument("name", type=LazyChoice(_schema_names), default="plan")
def schema(name: str) -> None:
    """Print the JSON Schema of plan files (`plan`), topics files or reports."""
    from planlens.report.schemas import schema_json

    click.echo(schema_json(name), nl=False)


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


def _asked_about(problem: Problem, targets: list[Path]) -> bool:
    """Whether a problem concerns one of the files or directories the user named."""
    if not targets or problem.path is None:
        return True
    path = _resolved(problem.path)
    return any(path in (_resolved(target), _resolved(target) / path.name) for target in targets)


def _resolved(path: Path) -> Path:
    """`path` with symlinks resolved; a symlink loop stays as it is (made absolute)."""
    try:
        return path.resolve()
    except (OSError, RuntimeError):  # RuntimeError: a symlink loop (Python < 3.13)
        return path.absolute()
