"""Write a `PlanFile` as a plan file people can edit: the layout of `plans/us-28.toml`, with hints.

`emit_plan` writes every field `tomllib` + `PlanFile.model_validate` need to give the same plan
back, and adds comments that never change the data: the accepted values of `kind`, `status`,
`fidelity` and `confidence`, where the sources go, and which values were proposed by planlens.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from planlens.authoring import tomlfmt
from planlens.corpus.model import FIDELITIES, KINDS, STATUSES, Clause, Omission, PlanFile

SCHEMA_LINE = "#:schema ./plan.schema.json"
PROPOSED_LINKS = "links proposed automatically: confirm or delete"
PROPOSED_TOPICS = "topics proposed from keywords: confirm or change"
PROPOSED_TERMS = "terms proposed from the figures in the text: confirm or change"
SOURCES_HINT = (
    "# Sources: add one [[plan.sources]] table per place the text can be checked, e.g.\n"
    "# [[plan.sources]]\n"
    '# publisher = "Example News"\n'
    '# title = "Full text of the draft"\n'
    '# url = "https://example.org/draft"\n'
    "# date = 2025-12-24"
)


@dataclass(frozen=True)
class Comments:
    """Comments to write into a plan file; they never change its data."""

    header: Sequence[str] = ()
    """Lines written at the top, after the schema line (without the `# `)."""
    clause_keys: Mapping[tuple[str, str], str] = field(default_factory=dict)
    """(clause id, key) → a comment written at the end of that key's line."""
    schema: str = SCHEMA_LINE
    """The first line, telling editors where the JSON Schema is."""


def _choices(values: Sequence[str]) -> str:
    return " | ".join(values)


def emit_plan(plan_file: PlanFile, comments: Comments | None = None) -> str:
    """The text of a plan file holding exactly `plan_file`, with `comments` added."""
    notes = comments or Comments()
    lines = [notes.schema, *(f"# {line}".rstrip() for line in notes.header)]
    lines += _plan_table(plan_file)
    for clause in plan_file.clause:
        lines += ["", *_clause_table(clause, notes.clause_keys)]
    for omission in plan_file.omission:
        lines += ["", *_omission_table(omission)]
    return "\n".join(lines) + "\n"


def _line(name: str, value: str, comment: str | None = None) -> str:
    text = f"{tomlfmt.key(name)} = {value}"
    return f"{text}  # {comment}" if comment else text


def _plan_table(plan_file: PlanFile) -> list[str]:
    plan = plan_file.plan
    lines = [
        "[plan]",
        _line("id", tomlfmt.string(plan.id)),
        _line("title", tomlfmt.string(plan.title)),
    ]
    if plan.short:
        lines.append(_line("short", tomlfmt.string(plan.short)))
    lines.append(_line("date", tomlfmt.scalar(plan.date), "the version's date, no quotes"))
    if plan.origin:
        lines.append(_line("origin", tomlfmt.string(plan.origin)))
    lines += [
        _line("kind", tomlfmt.string(plan.kind), _choices(KINDS)),
        _line("status", tomlfmt.string(plan.status), _choices(STATUSES)),
        _line("fidelity", tomlfmt.string(plan.fidelity), _choices(FIDELITIES)),
        _line("based_on", tomlfmt.array(plan.based_on)),
        _line("complete", tomlfmt.scalar(plan.complete), "false if only part of it is known"),
    ]
    if plan.summary:
        lines.append(_line("summary", tomlfmt.string(plan.summary)))
    if not plan.sources:
        lines += ["", SOURCES_HINT]
    for source in plan.sources:
        lines += ["", "[[plan.sources]]"]
        lines.append(_line("publisher", tomlfmt.string(source.publisher)))
        lines.append(_line("title", tomlfmt.string(source.title)))
        lines.append(_line("url", tomlfmt.string(source.url)))
        if source.date is not None:
            lines.append(_line("date", tomlfmt.scalar(source.date)))
        if source.note is not None:
            lines.append(_line("note", tomlfmt.string(source.note)))
    return lines


def _clause_table(clause: Clause, key_comments: Mapping[tuple[str, str], str]) -> list[str]:
    def comment(name: str) -> str | None:
        return key_comments.get((clause.id, name))

    lines = [
        "[[clause]]",
        _line("id", tomlfmt.string(clause.id)),
        _line("title", tomlfmt.string(clause.title), comment("title")),
        _line("text", tomlfmt.string(clause.text), comment("text")),
        _line("topics", tomlfmt.array(clause.topics), comment("topics")),
    ]
    if clause.terms:
        lines.append(_line("terms", tomlfmt.inline_table(clause.terms), comment("terms")))
    if clause.links:
        lines.append(_line("links", tomlfmt.array(clause.links), comment("links")))
    lines.append(_line("confidence", tomlfmt.string(clause.confidence), comment("confidence")))
    if clause.bracketed:
        lines.append(_line("bracketed", "true"))
    if clause.note is not None:
        lines.append(_line("note", tomlfmt.string(clause.note)))
    return lines


def _omission_table(omission: Omission) -> list[str]:
    lines = [
        "[[omission]]",
        _line("ref", tomlfmt.string(omission.ref)),
        _line("note", tomlfmt.string(omission.note)),
    ]
    if omission.source is not None:
        lines.append(_line("source", tomlfmt.string(omission.source)))
    lines.append(_line("confidence", tomlfmt.string(omission.confidence)))
    return lines
