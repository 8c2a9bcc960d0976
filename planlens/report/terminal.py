"""Terminal renderings of plans and clauses (Rich renderables, data always shown literally).

Every string from a data file goes into a `rich.text.Text` through `visible()`, so Rich markup
such as `[bold]` in a clause is printed as written and escape sequences cannot act.
"""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.text import Text

from planlens.comparison.figures import show_term
from planlens.corpus.load import Corpus
from planlens.corpus.model import Clause, PlanFile, TermValue
from planlens.report.rich_layout import Trimmed, url_line
from planlens.safe import visible

JsonRow = dict[str, str | int | bool | list[str] | None]


def plan_rows(corpus: Corpus) -> list[JsonRow]:
    """One summary row per plan, as shown by `planlens list`."""
    rows: list[JsonRow] = []
    for plan_file in corpus.plans:
        plan = plan_file.plan
        path = corpus.paths.get(plan.id)
        rows.append(
            {
                "id": plan.id,
                "title": plan.title,
                "short": plan.label,
                "date": plan.date.isoformat(),
                "kind": plan.kind,
                "status": plan.status,
                "fidelity": plan.fidelity,
                "complete": plan.complete,
                "based_on": list(plan.based_on),
                "clauses": len(plan_file.clauses),
                "omissions": len(plan_file.omission),
                "path": str(path) if path else None,
            }
        )
    return rows


def format_term(name: str, value: TermValue) -> str:
    """A term as `name = value` for the terminal (the figures module's formatting, made safe)."""
    return f"{visible(name)} = {visible(show_term(value, name))}"


def _field(label: str, value: str, style: str = "") -> Trimmed:
    line = Text(f"{label}: ", style="bold", overflow="ellipsis")
    line.append(visible(value), style=style)
    return Trimmed(line)


def plan_header(plan_file: PlanFile, corpus: Corpus | None = None) -> RenderableType:
    """The metadata of a version: identity, provenance, completeness, sources, omissions."""
    plan = plan_file.plan
    title = Text(visible(plan.title), style="bold underline")
    title.append(f"  [{plan.id}]", style="dim")
    lines: list[RenderableType] = [Trimmed(title)]
    facts = (
        f"{plan.date.isoformat()} · {plan.kind} · {plan.status} · fidelity {plan.fidelity}"
        f" · {'complete' if plan.complete else 'partly known'} · {len(plan_file.clauses)} clauses"
    )
    lines.append(Trimmed(Text(visible(facts))))
    if plan.origin:
        lines.append(_field("origin", plan.origin))
    if plan.based_on:
        lines.append(_field("based on", ", ".join(plan.based_on)))
    if plan.summary:
        lines.append(Trimmed(Text(visible(plan.summary.strip()), overflow="ellipsis"), 2))
    if not plan.complete:
        lines.append(
            Trimmed(
                Text(
                    "Only part of this version is known: a provision it lacks is unknown, "
                    "not removed.",
                    style="yellow",
                )
            )
        )
    for source in plan.sources:
        when = f" ({source.date.isoformat()})" if source.date else ""
        entry = Text("source: ", style="dim", overflow="ellipsis")
        entry.append(visible(f"{source.publisher}, {source.title}{when}"))
        lines += [Trimmed(entry, 2), url_line(source.url, 4)]
    for omission in plan_file.omission:
        entry = Text("reported dropped: ", style="red", overflow="ellipsis")
        entry.append(visible(f"{omission.ref} — {omission.note} [{omission.confidence}]"))
        lines.append(Trimmed(entry, 2))
    lines.append(Text(""))
    return Group(*lines)


def clause_block(
    plan_file: PlanFile, clause: Clause, corpus: Corpus | None = None
) -> RenderableType:
    """One clause: address and title, its text, and its topics, figures, links and caveats."""
    head = Text(plan_file.address(clause), style="bold cyan")
    if clause.title:
        head.append("  " + visible(clause.title), style="bold")
    if clause.bracketed:
        head.append("  [bracketed: unagreed alternative]", style="magenta")
    if clause.confidence != "confirmed" or clause.confidence_by_default:
        head.append(f"  ({clause.confidence_label})", style="yellow")
    lines: list[RenderableType] = [
        Trimmed(head),
        Trimmed(Text(visible(clause.text), overflow="ellipsis"), 2),
    ]
    details = Text(style="dim", overflow="ellipsis")
    if clause.topics:
        details.append("topics: " + ", ".join(visible(t) for t in clause.topics))
    if clause.terms:
        figures = ", ".join(format_term(k, v) for k, v in clause.terms.items())
        details.append(("  " if details else "") + "figures: " + figures)
    if clause.links:
        details.append(("  " if details else "") + "links: " + ", ".join(clause.links))
    if details:
        lines.append(Trimmed(details, 2))
    if clause.note:
        note = Text("note: " + visible(clause.note), style="italic dim", overflow="ellipsis")
        lines.append(Trimmed(note, 2))
    lines.append(Text(""))
    return Group(*lines)
