"""Commands that add a version: `import` (a plan pasted as plain text) and `new --from BASE`."""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from planlens.commands.common import LazyChoice, OutputPath, plans_option
from planlens.errors import PlanlensError

if TYPE_CHECKING:
    from planlens.authoring.build import Draft
    from planlens.corpus.load import Corpus
    from planlens.corpus.model import Kind, Status
    from planlens.corpus.problems import Problem

F = TypeVar("F", bound=Callable[..., Any])


def _kinds() -> tuple[str, ...]:
    from planlens.corpus.model import KINDS

    return KINDS


def _statuses() -> tuple[str, ...]:
    from planlens.corpus.model import STATUSES

    return STATUSES


def _output_option(command: F) -> F:
    return click.option(
        "-o",
        "--output",
        type=OutputPath(),
        metavar="OUT",
        help="The plan file to write. Default: ID.toml in the first plans directory in use "
        "(--plans, $PLANLENS_PLANS or ./plans), else in the current directory.",
    )(command)


_date_option = click.option(
    "--date",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    metavar="YYYY-MM-DD",
    help="The version's date. Default: today (edit it in the file).",
)
_force_option = click.option("--force", is_flag=True, help="Overwrite OUT if it exists.")


@click.command("import")
@click.argument("source", metavar="FILE|-")
@click.option("--id", "plan_id", required=True, metavar="ID", help="The new plan's id (ua-20).")
@_output_option
@click.option("--title", help="The version's full name. Default: its id (edit it in the file).")
@_date_option
@click.option(
    "--based-on",
    "based_on",
    metavar="BASE",
    help="The version it revises: sets based_on and proposes links to BASE's clauses.",
)
@click.option("--kind", type=LazyChoice(_kinds), default="plan", show_default=True)
@click.option("--status", type=LazyChoice(_statuses), default="leaked", show_default=True)
@click.option(
    "--complete",
    is_flag=True,
    help="The text is the whole version (complete = true). Default: complete = false, so a "
    "provision it lacks is unknown, not removed.",
)
@_force_option
@plans_option
def import_plan(
    source: str,
    plan_id: str,
    output: Path | None,
    title: str | None,
    date: dt.datetime | None,
    based_on: str | None,
    kind: Kind,
    status: Status,
    complete: bool,
    force: bool,
    plans: tuple[Path, ...],
) -> None:
    """Turn a plan pasted as plain text (FILE, or - for stdin) into a plan file.

    Numbered points (`1.`, `1)`, `(1)`, `Point 1:`, `Article 1 — Title`) become clauses,
    lettered sub-points (`a)`, `(a)`) become clauses `3.a`, lines wrapped inside a point are
    joined, and a short text before point 1 becomes the summary. Texts are kept verbatim.
    """
    from planlens.authoring import import_draft, read_text_file
    from planlens.authoring.build import check_plan_id
    from planlens.authoring.files import check_target, decode_text
    from planlens.corpus.load import load_corpus

    check_plan_id(plan_id)
    target = output or default_output(plans, plan_id)
    check_target(target, force=force)
    if source == "-":
        text = decode_text(sys.stdin.buffer.read(), "standard input")
    else:
        text = read_text_file(Path(source))
    corpus = load_corpus(list(plans) or None)
    base = corpus.plan(based_on) if based_on else None
    draft = import_draft(
        text,
        plan_id,
        title=title,
        date=date.date() if date else None,
        based_on=base,
        kind=kind,
        status=status,
        complete=complete,
        known_topics=corpus.topics,
    )
    for warning in draft.warnings:
        click.echo(f"planlens: check: {warning}", err=True)
    _write(draft, target, corpus, plans, force=force, base_id=base.id if base else None)


@click.command("new")
@click.argument("plan_id", metavar="ID")
@click.option(
    "--from", "base_id", required=True, metavar="BASE", help="The version to start from (us-28)."
)
@_output_option
@click.option("--title", help="The version's full name. Default: 'New version of …'.")
@_date_option
@click.option("--status", type=LazyChoice(_statuses), default="reported", show_default=True)
@_force_option
@plans_option
def new_plan(
    plan_id: str,
    base_id: str,
    output: Path | None,
    title: str | None,
    date: dt.datetime | None,
    status: Status,
    force: bool,
    plans: tuple[Path, ...],
) -> None:
    """Start a new version as a copy of BASE, every clause linked to its original.

    Then edit what changed. The new file has no sources (add the new version's own) and no
    omissions; its date defaults to today and its status to reported.
    """
    from planlens.authoring import new_draft
    from planlens.authoring.build import check_plan_id
    from planlens.authoring.files import check_target
    from planlens.corpus.load import load_corpus

    check_plan_id(plan_id)
    target = output or default_output(plans, plan_id)
    check_target(target, force=force)
    corpus = load_corpus(list(plans) or None)
    base = corpus.plan(base_id)
    draft = new_draft(base, plan_id, title=title, date=date.date() if date else None, status=status)
    _write(draft, target, corpus, plans, force=force, base_id=base.id)


def default_output(plans: tuple[Path, ...], plan_id: str, cwd: Path | None = None) -> Path:
    """Where a new plan goes: the first plans directory in use, else the current directory.

    The bundled corpus inside an installed package is never a default target.
    """
    from planlens.corpus.reading import bundled_plans_dir, default_plan_dirs

    here = cwd or Path.cwd()
    name = f"{plan_id}.toml"
    if plans:
        first = plans[0]
        if not first.exists():
            raise PlanlensError(f"the plans directory {first} does not exist")
        return (first if first.is_dir() else first.parent) / name
    first = default_plan_dirs(cwd=here)[0]
    if first.resolve() == bundled_plans_dir().resolve() and not (here / "plans").is_dir():
        return here / name
    return first / name if first.is_dir() else here / name


def _write(
    draft: Draft,
    target: Path,
    corpus: Corpus,
    plans: tuple[Path, ...],
    *,
    force: bool,
    base_id: str | None,
) -> None:
    from planlens.authoring import emit_plan, write_plan_file

    problems = write_plan_file(emit_plan(draft.plan, draft.comments), target, corpus, force=force)
    plan = draft.plan
    subs = sum(1 for clause in plan.clauses if "." in clause.id)
    click.echo(
        f"Wrote {_shown(target)}: plan {plan.id}, {_count(len(plan.clauses), 'clause')} "
        f"({_count(len(plan.clauses) - subs, 'point')}, {_count(subs, 'sub-point')})."
    )
    for line in next_steps(draft, target, corpus, plans, problems, base_id):
        click.echo(line)


def next_steps(
    draft: Draft,
    target: Path,
    corpus: Corpus,
    plans: tuple[Path, ...],
    problems: list[Problem],
    base_id: str | None,
) -> list[str]:
    """What the user does next: edit, validate, compare — with the paths that make it work."""
    from planlens.corpus.reading import default_plan_dirs

    shown = _shown(target)
    dirs = [p if p.is_dir() else p.parent for p in plans] or default_plan_dirs()
    in_corpus = target.parent.resolve() in {d.resolve() for d in dirs}
    plans_args = "".join(f" --plans {_shown(d)}" for d in plans)
    validate_args = shown
    if not in_corpus:
        plans_args = "".join(f" --plans {_shown(d)}" for d in [*dirs, target.parent])
        validate_args = " ".join([shown, *(_shown(d) for d in dirs)])
    warnings = sum(1 for problem in problems if problem.severity == "warning")
    check = f"  2. Check it:   planlens validate {validate_args}"
    if warnings:
        check += f"   ({_count(warnings, 'warning')} until then: missing topics or sources)"
    steps = ["Next steps:", f"  1. Edit {shown}: {draft.todo}.", check]
    if not draft.plan.plan.complete:
        steps[1:1] = [
            "  Note: complete = false, so a provision this text lacks shows as unknown, not",
            "  removed; set complete = true once the text is known to be the whole version",
            "  (or import with --complete).",
        ]
    if base_id:
        steps.append(f"  3. Compare it: planlens diff {base_id} {draft.plan.id}{plans_args}")
    if not (target.parent / "plan.schema.json").is_file():
        steps.append(
            "  For checking as you type (Taplo / Even Better TOML): "
            f"planlens schema plan > {_shown(target.parent / 'plan.schema.json')}"
        )
    return steps


def _shown(path: Path) -> str:
    """`path` relative to the current directory when it is inside it."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"
