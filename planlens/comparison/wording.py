"""The words for why a version has no clause in a row, how a link was found, and what a
figure is called beside its provision.

The TUI and every report take these sentences from here, so they say the same thing the same
way; each view escapes what it passes in (a label, a note) for its own medium and styles the
result. The fixed words contain nothing any medium would read as markup.
"""

from __future__ import annotations

from collections.abc import Sequence

from planlens.align.model import Link
from planlens.comparison.model import ChangeClass, FigureInfo, PairDiff
from planlens.corpus.address import plan_of


def absence(
    change: ChangeClass | None, label: str, note: str | None = None, where: Sequence[str] = ()
) -> str:
    """Why version `label` has no clause in a row whose pair with it is classed `change` (None
    when no pair compares it): `not known: X is known only in part`, `reported dropped from X`,
    `merged into us-28:5: no separate clause in X`, `not in X`. `where` names the clauses the
    provision was merged into or split from; a `note` (the report's) follows after a colon."""
    if change == "unknown":
        text = f"not known: {label} is known only in part"
    elif change == "removed-reported":
        text = f"reported dropped from {label}"
    elif change in ("merged", "split"):
        verb = "merged into" if change == "merged" else "split from"
        text = f"{verb} {', '.join(where) or label}: no separate clause in {label}"
    else:
        text = f"not in {label}"
    return f"{text}: {note}" if note else text


def absent_ends(diff: PairDiff, plan_id: str) -> list[str]:
    """The addresses in version `plan_id` at the ends of the pair's links, each once: where a
    merged provision went, or where a split one came from."""
    ends = [end for link in diff.links for end in (link.a, link.b) if plan_of(end) == plan_id]
    return list(dict.fromkeys(ends))


def provenance(link: Link) -> str:
    """How the aligner found a link: `asserted in the files, score 1.00`, or `matched by the
    similar pass, score 0.62, split` (the kind named unless it is a plain match)."""
    how = "asserted in the files" if link.via == "asserted" else f"matched by the {link.via} pass"
    kind = "" if link.kind == "match" else f", {link.kind}"
    return f"{how}, score {link.score:.2f}{kind}"


TEXT_FIGURE = "in the text"
"""What a quantity found in the changed words is called beside its provision's title."""


def figure_label(figure: FigureInfo) -> str:
    """A figure's name where its provision is already named (a row, a key change): the term's
    name (`army_cap`), or `in the text` for a quantity found in the words, whose own name is
    the provision's title and would only repeat it."""
    return TEXT_FIGURE if figure.source == "text" else figure.name
