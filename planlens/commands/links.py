"""`planlens link` / `unlink`, and the review behind `align --review` / `--accept-all-above`.

Each edits the later version's plan file in place (`planlens.authoring.edit_links`) and prints
what it changed: the file, the clause, the link added or removed.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import click

from planlens.commands.common import open_corpus, plans_option
from planlens.safe import one_line

if TYPE_CHECKING:
    from planlens.authoring.edit_links import Applied
    from planlens.authoring.review import Answer
    from planlens.comparison.suggest import Candidate, Suggestion
    from planlens.corpus.load import Corpus

ANSWERS: dict[str, Answer] = {"y": "yes", "n": "no", "s": "skip", "q": "quit"}


def echo_applied(applied: Iterable[Applied]) -> int:
    """Print each change written; return how many there were."""
    count = 0
    for entry in applied:
        click.echo(f"{entry.path}: {entry.change.plan}:{entry.change.clause}: {_what(entry)}")
        count += 1
    return count


def _what(entry: Applied) -> str:
    change = entry.change
    if change.key == "links":
        return f"link {'added' if change.add else 'removed'}: {change.address}"
    return f"rejected suggestion {'recorded' if change.add else 'withdrawn'}: {change.address}"


@click.command("link")
@click.argument("first", metavar="A:CLAUSE")
@click.argument("second", metavar="B:CLAUSE")
@plans_option
def link(first: str, second: str, plans: tuple[Path, ...]) -> None:
    """Pin a link between two clauses of different versions (an asserted counterpart).

    The link is written into the `links` of the clause of the later version (by date, else by
    lineage), in its plan file; comments and formatting stay as they were. The file is checked
    before it is replaced, and a file changed since it was read is never overwritten. The plans
    bundled with planlens are never edited: copy them and use --plans DIR.
    """
    from planlens.authoring.edit_links import apply, link_changes

    corpus = open_corpus(plans)
    echo_applied(apply(corpus, link_changes(corpus, first, second)))


@click.command("unlink")
@click.argument("first", metavar="A:CLAUSE")
@click.argument("second", metavar="B:CLAUSE")
@plans_option
def unlink(first: str, second: str, plans: tuple[Path, ...]) -> None:
    """Remove the link between two clauses from the plan file that asserts it.

    The aligner may still find the pair on its own; `planlens align` shows what it finds.
    """
    from planlens.authoring.edit_links import apply, unlink_changes

    corpus = open_corpus(plans)
    echo_applied(apply(corpus, unlink_changes(corpus, first, second)))


def ask(suggestion: Suggestion, candidate: Candidate) -> Answer:
    """Show one suggested pair and ask whether to link it (y), reject it (n), skip or quit."""
    shared = ", ".join(candidate.topics) or "none"
    click.echo(
        f"\n{suggestion.address}  {one_line(suggestion.title)}\n"
        f"  ↔ {candidate.address}  {one_line(candidate.title)}\n"
        f"  score {candidate.score:.2f}, shared topics: {shared}"
    )
    choice = click.prompt(
        "Link them? y = link, n = reject (not suggested again), s = skip, q = quit",
        type=click.Choice(list(ANSWERS)),
        show_choices=False,
    )
    return ANSWERS[choice]


def run_review(corpus: Corpus, plan_ids: Sequence[str], accept_above: float | None) -> None:
    """Review the suggestions of `plan_ids`: by asking, or accepting those above a score."""
    from planlens.authoring.edit_links import writable_path
    from planlens.authoring.review import accept_above as above
    from planlens.authoring.review import review

    if corpus.fallback:  # say so before the first question, not after it
        writable_path(corpus, plan_ids[-1])
    decide = ask if accept_above is None else above(accept_above)
    written = 0
    for applied in review(corpus, plan_ids, decide):
        written += echo_applied(applied)
    noun = "change" if written == 1 else "changes"
    click.echo(f"{written} {noun} written." if written else "Nothing was changed.")
