"""Authoring: add a new version as a plan file — imported from plain text, or copied from a base.

The public functions: `import_text` and `new_from` build a `PlanFile`; `import_draft` and
`new_draft` also return the comments and warnings the file should carry; `emit_plan` writes it
as TOML; `write_plan_file` writes it atomically once the loader accepts it. `edit_links` pins,
unpins and rejects links in existing plan files in place, and `review` walks the suggestions.
This package never imports Textual.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection

from planlens.authoring.build import Draft, import_draft, new_draft
from planlens.authoring.emit import Comments, emit_plan
from planlens.authoring.files import read_text_file, write_plan_file
from planlens.authoring.links import LinkProposer, lexical_links, propose_links
from planlens.authoring.parse import ParsedClause, ParsedText, parse_text
from planlens.corpus.model import Kind, PlanFile, Status

__all__ = [
    "Comments",
    "Draft",
    "LinkProposer",
    "ParsedClause",
    "ParsedText",
    "emit_plan",
    "import_draft",
    "import_text",
    "lexical_links",
    "new_draft",
    "new_from",
    "parse_text",
    "propose_links",
    "read_text_file",
    "write_plan_file",
]


def import_text(
    text: str,
    plan_id: str,
    *,
    title: str | None = None,
    date: dt.date | None = None,
    based_on: PlanFile | None = None,
    kind: Kind = "plan",
    status: Status = "leaked",
    known_topics: Collection[str] | None = None,
    proposer: LinkProposer | None = None,
) -> PlanFile:
    """The plan of a numbered plain-text document (see `import_draft`)."""
    return import_draft(
        text,
        plan_id,
        title=title,
        date=date,
        based_on=based_on,
        kind=kind,
        status=status,
        known_topics=known_topics,
        proposer=proposer,
    ).plan


def new_from(
    base: PlanFile,
    new_id: str,
    *,
    title: str | None = None,
    date: dt.date | None = None,
    status: Status = "reported",
) -> PlanFile:
    """A new version pre-filled from `base` (see `new_draft`)."""
    return new_draft(base, new_id, title=title, date=date, status=status).plan
