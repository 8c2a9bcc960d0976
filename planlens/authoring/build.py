"""Build a new version as a `Draft`: from a plan pasted as plain text, or from a base version.

A draft is the plan plus what the file should tell its editor: which values were proposed by
planlens, what the parser found odd, and what to fill in next.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass

from pydantic import ValidationError

from planlens.authoring.emit import PROPOSED_LINKS, PROPOSED_TERMS, PROPOSED_TOPICS, Comments
from planlens.authoring.links import LinkProposer, propose_links
from planlens.authoring.parse import ParsedText, parse_text
from planlens.authoring.terms import propose_terms
from planlens.authoring.topics import propose_topics
from planlens.corpus.address import format_address
from planlens.corpus.model import (
    DEFAULT_CONFIDENCE,
    PLAN_ID_PATTERN,
    Clause,
    Kind,
    Plan,
    PlanFile,
    Status,
)
from planlens.errors import PlanlensError

PREAMBLE_SUMMARY_LIMIT = 600
"""Text before point 1 of at most this many characters becomes the plan's `summary`; longer
text is part of the document, so each of its paragraphs becomes a clause `p1`, `p2`…"""


@dataclass(frozen=True)
class Draft:
    """A new plan and the comments its file should carry for the person who edits it."""

    plan: PlanFile
    """The new version, valid against the model."""
    comments: Comments
    """Header lines and per-key notes (proposed links and topics) for the file."""
    warnings: tuple[str, ...] = ()
    """What the importer found odd in the numbering, for the user to check."""
    todo: str = ""
    """What the user should edit next, in a few words."""


def import_draft(
    text: str,
    plan_id: str,
    *,
    title: str | None = None,
    date: dt.date | None = None,
    based_on: PlanFile | None = None,
    kind: Kind = "plan",
    status: Status = "leaked",
    complete: bool = False,
    known_topics: Collection[str] | None = None,
    proposer: LinkProposer | None = None,
) -> Draft:
    """A plan of the numbered points in `text`, its texts verbatim.

    Each clause is as sure as the version's `status` makes it: the text of an official or
    leaked version is confirmed, that of a reported or reconstructed one only reported.

    Topics are proposed from keywords (limited to `known_topics` when given) and terms from
    the figures each clause states; with `based_on`, links to the base are proposed by
    `proposer` (the aligner by default). The plan is `complete` only when the caller says so:
    an import cannot know whether the text is all of the version. Raises `PlanlensError`
    when the id is malformed or the text is empty.
    """
    check_plan_id(plan_id)
    if based_on is not None and based_on.id == plan_id:
        raise PlanlensError(f"the new version needs an id of its own, not {plan_id!r}")
    parsed = parse_text(text)
    if parsed.heading and title:
        parsed = dataclasses.replace(parsed, preamble=(parsed.heading, *parsed.preamble))
    summary, preamble_clauses, notes = _preamble(parsed)
    entries = preamble_clauses + [(c.id, c.title, c.text) for c in parsed.clauses]
    if not entries:
        found_only = f" ({'; '.join(parsed.warnings)})" if parsed.warnings else ""
        raise PlanlensError(f"there is no text to import{found_only}")
    clauses = [
        Clause(
            id=cid,
            title=heading,
            text=body,
            topics=propose_topics(body, known_topics),
            terms=propose_terms(body),
            confidence=DEFAULT_CONFIDENCE[status],
        )
        for cid, heading, body in entries
    ]
    plan = Plan(
        id=plan_id,
        title=title or parsed.heading or plan_id,
        date=date or dt.date.today(),
        kind=kind,
        status=status,
        fidelity="verbatim",
        based_on=[based_on.id] if based_on is not None else [],
        complete=complete,
        summary=summary,
    )
    plan_file = _plan_file(plan, clauses)
    key_comments = _proposed(clauses)
    if based_on is not None:
        links = propose_links(based_on, plan_file, proposer)
        plan_file = _with_links(
            plan_file, {cid: [format_address(based_on.id, bid)] for cid, bid in links.items()}
        )
        key_comments |= {(cid, "links"): PROPOSED_LINKS for cid in links}
    warnings = (*notes, *parsed.warnings)
    header = _import_header(based_on, complete, warnings)
    todo = "give clauses short titles, check topics and the proposed terms, add this version's "
    todo += "sources" + (", confirm or delete the proposed links" if based_on else "")
    return Draft(plan_file, Comments(header=header, clause_keys=key_comments), warnings, todo)


def _proposed(clauses: Sequence[Clause]) -> dict[tuple[str, str], str]:
    """Comments on the topics and terms planlens proposed, for the editor to check."""
    comments = {(c.id, "topics"): PROPOSED_TOPICS for c in clauses if c.topics}
    return comments | {(c.id, "terms"): PROPOSED_TERMS for c in clauses if c.terms}


def _import_header(based_on: PlanFile | None, complete: bool, warnings: Sequence[str]) -> list[str]:
    """The lines at the top of an imported file: what planlens did and what to check."""
    header = [
        "Imported by `planlens import`: the clause texts are the document's own words.",
        "To do: give each clause a short title, check its topics and the terms proposed from",
        "its figures, add the sources below; then run `planlens validate`.",
    ]
    if not complete:
        header += [
            "complete = false: a provision this text lacks is *unknown*, not removed; set it",
            "to true once the text is known to be the whole version.",
        ]
    if based_on is not None:
        header.append(
            f"Links to {based_on.id} were proposed automatically: confirm or delete each."
        )
    return header + [f"Check: {warning}" for warning in warnings]


def new_draft(
    base: PlanFile,
    new_id: str,
    *,
    title: str | None = None,
    date: dt.date | None = None,
    status: Status = "reported",
) -> Draft:
    """A new version pre-filled from `base`: its clauses copied and each linked to its original.

    `based_on` is the base; sources are left empty (a new version lists its own) and omissions
    are not copied (they are the base's). Raises `PlanlensError` for a malformed or reused id.
    """
    check_plan_id(new_id)
    if new_id == base.id:
        raise PlanlensError(f"the new version needs an id of its own, not {base.id!r}")
    clauses = [
        clause.model_copy(update={"links": [base.address(clause)]}) for clause in base.clauses
    ]
    plan = Plan(
        id=new_id,
        title=title or f"New version of {base.plan.title}",
        date=date or dt.date.today(),
        origin=base.plan.origin,
        kind=base.plan.kind,
        status=status,
        fidelity=base.plan.fidelity,
        based_on=[base.id],
        complete=base.plan.complete,
    )
    header = [
        f"A new version based on {base.id}: each clause is a copy of {base.id}'s, linked to it.",
        "To do: set the title, date and status above and add this version's own sources;",
        "edit the clauses that changed, delete the ones it dropped (or record them as",
        "[[omission]]), add new ones; then run `planlens validate`.",
    ]
    todo = "set the title, date and status, add this version's sources, edit what changed"
    return Draft(_plan_file(plan, clauses), Comments(header=header), todo=todo)


def check_plan_id(plan_id: str) -> None:
    """Raise `PlanlensError` unless `plan_id` is a valid plan id."""
    if not re.fullmatch(PLAN_ID_PATTERN, plan_id) or len(plan_id) > 64:
        raise PlanlensError(
            f"{plan_id!r} is not a valid plan id: use lowercase letters, digits and hyphens, "
            "starting with a letter or digit (e.g. ua-20)"
        )


def _preamble(parsed: ParsedText) -> tuple[str, list[tuple[str, str, str]], list[str]]:
    """The summary, the `p` clauses and a note, from the text before the first point."""
    paragraphs = list(parsed.preamble)
    if not paragraphs:
        return "", [], []
    if not parsed.clauses:
        note = "no numbered points were found: each paragraph became a clause p1, p2…"
        return "", _paragraph_clauses(paragraphs), [note]
    if sum(len(p) for p in paragraphs) <= PREAMBLE_SUMMARY_LIMIT:
        return "\n".join(paragraphs), [], []
    note = "the text before point 1 is long: its paragraphs became clauses p1, p2…"
    return "", _paragraph_clauses(paragraphs), [note]


def _paragraph_clauses(paragraphs: Sequence[str]) -> list[tuple[str, str, str]]:
    return [(f"p{number}", "", text) for number, text in enumerate(paragraphs, 1)]


def _plan_file(plan: Plan, clauses: list[Clause]) -> PlanFile:
    try:
        return PlanFile(plan=plan, clause=clauses)
    except ValidationError as exc:
        raise PlanlensError(f"cannot build the plan: {exc.errors()[0]['msg']}") from exc


def _with_links(plan_file: PlanFile, links: dict[str, list[str]]) -> PlanFile:
    clauses = [
        clause.model_copy(update={"links": links[clause.id]}) if clause.id in links else clause
        for clause in plan_file.clause
    ]
    return plan_file.model_copy(update={"clause": clauses})
