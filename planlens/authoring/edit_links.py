"""Pin, unpin and reject links between clauses by editing plan files in place, safely.

A link between two versions is written into the clause of the *later* one (the later date; on
the same date, the one whose `based_on` lineage includes the other; else the later in corpus
order), like the links an editor types. Each edit is a list of `Change`s; `apply` writes them
into the files with `toml_edit` (comments and formatting untouched), refuses a file that
changed on disk since the corpus was read (its digest differs), checks the new text with the
loader's own validation, and replaces the file atomically. `Change.inverse` undoes a change.

Plan files bundled inside the installed package are never written. In a checkout the bundled
directory is the repository's `plans/`: it is edited only when it was chosen (`--plans`,
`$PLANLENS_PLANS` or the `./plans` of the working directory), not when planlens fell back to it.
"""

from __future__ import annotations

import dataclasses
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from planlens.authoring.toml_edit import ListKey, edit_address_list
from planlens.corpus.address import format_address, plan_of, split_address
from planlens.corpus.load import Corpus, load_corpus, parse_plan
from planlens.corpus.problems import Problem
from planlens.corpus.reading import text_digest
from planlens.corpus.references import check_references, duplicate_clause_problems
from planlens.errors import PlanlensError
from planlens.files import write_text

PACKAGE_DIR = Path(__file__).resolve().parent.parent
"""The installed package: files below it are never written."""


@dataclass(frozen=True)
class Change:
    """One address added to, or removed from, one clause's `links` or `not_links`."""

    plan: str
    """The plan whose file is edited."""
    clause: str
    """The clause edited."""
    key: ListKey
    """links (asserted counterparts) or not_links (rejected suggestions)."""
    address: str
    """The other clause, `plan:clause`."""
    add: bool
    """True to add the address, False to remove it."""

    def inverse(self) -> Change:
        """The change that undoes this one."""
        return Change(self.plan, self.clause, self.key, self.address, not self.add)

    def __str__(self) -> str:
        verb = {
            ("links", True): "link added",
            ("links", False): "link removed",
            ("not_links", True): "rejection recorded",
            ("not_links", False): "rejection withdrawn",
        }[(self.key, self.add)]
        return f"{format_address(self.plan, self.clause)}: {verb} → {self.address} ({self.key})"


@dataclass(frozen=True)
class Applied:
    """A change written into a file."""

    change: Change
    """What was changed."""
    path: Path
    """The file it was written to."""

    def __str__(self) -> str:
        return f"{self.path}: {self.change}"


def later(corpus: Corpus, first: str, second: str) -> str:
    """Of two plan ids, the later version: the one whose file gets the link."""
    plan_a, plan_b = corpus.plan(first), corpus.plan(second)
    if plan_a.plan.date != plan_b.plan.date:
        return first if plan_a.plan.date > plan_b.plan.date else second
    if first in _lineage(corpus, second):
        return second
    if second in _lineage(corpus, first):
        return first
    return first if corpus.ids.index(first) > corpus.ids.index(second) else second


def _lineage(corpus: Corpus, plan_id: str) -> set[str]:
    """Every version `plan_id` is based on, directly or not."""
    known = set(corpus.ids)
    seen: set[str] = set()
    stack = [plan_id]
    while stack:
        for base in corpus.plan(stack.pop()).plan.based_on:
            if base in known and base not in seen:
                seen.add(base)
                stack.append(base)
    return seen


def _ends(corpus: Corpus, a: str, b: str) -> tuple[str, str]:
    """(owner, other): the address in the later version, and the other one; both checked."""
    corpus.clause(a)
    corpus.clause(b)
    plan_a, plan_b = plan_of(a), plan_of(b)
    if plan_a == plan_b:
        raise PlanlensError(f"{a} and {b} are in the same version; links join two versions")
    return (a, b) if later(corpus, plan_a, plan_b) == plan_a else (b, a)


def _change(owner: str, key: ListKey, other: str, add: bool) -> Change:
    plan_id, clause_id = split_address(owner)
    return Change(plan_id, clause_id, key, other, add)


def link_changes(corpus: Corpus, a: str, b: str) -> list[Change]:
    """The changes that pin `a` ↔ `b` as an asserted link (withdrawing a rejection of it)."""
    owner, other = _ends(corpus, a, b)
    if other in corpus.clause(owner)[1].links or owner in corpus.clause(other)[1].links:
        raise PlanlensError(f"{owner} and {other} are already linked")
    changes = [
        _change(end, "not_links", far, add=False)
        for end, far in ((owner, other), (other, owner))
        if far in corpus.clause(end)[1].not_links
    ]
    return [*changes, _change(owner, "links", other, add=True)]


def unlink_changes(corpus: Corpus, a: str, b: str) -> list[Change]:
    """The changes that remove the asserted link `a` ↔ `b`, from whichever file holds it."""
    owner, other = _ends(corpus, a, b)
    changes = [
        _change(end, "links", far, add=False)
        for end, far in ((owner, other), (other, owner))
        if far in corpus.clause(end)[1].links
    ]
    if not changes:
        raise PlanlensError(f"no link between {owner} and {other} is written in the files")
    return changes


def reject_changes(corpus: Corpus, a: str, b: str) -> list[Change]:
    """The change that records `a` ↔ `b` as a rejected suggestion (`not_links`)."""
    owner, other = _ends(corpus, a, b)
    if other in corpus.clause(owner)[1].links or owner in corpus.clause(other)[1].links:
        raise PlanlensError(f"{owner} and {other} are linked; unlink them first")
    if other in corpus.clause(owner)[1].not_links or owner in corpus.clause(other)[1].not_links:
        raise PlanlensError(f"the pair {owner} ↔ {other} is already rejected")
    return [_change(owner, "not_links", other, add=True)]


def writable_path(corpus: Corpus, plan_id: str) -> Path:
    """The file of `plan_id`, resolved through symlinks; refuses the bundled plans."""
    path = corpus.paths.get(plan_id)
    if path is None:
        raise PlanlensError(f"plan {plan_id} was not read from a file, so it cannot be edited")
    resolved = path.resolve()
    bundled_fallback = corpus.fallback and any(
        resolved.is_relative_to(root.resolve()) for root in corpus.roots
    )
    if resolved.is_relative_to(PACKAGE_DIR) or bundled_fallback:
        raise PlanlensError(
            f"{path} is one of the plans bundled with planlens, which are never edited; copy "
            f"them first (cp -r {path.parent} my-plans) and work on the copy with --plans my-plans"
        )
    if not resolved.is_file():
        raise PlanlensError(f"cannot edit {path}: it is not a regular file")
    return resolved


def apply(corpus: Corpus, changes: Sequence[Change]) -> list[Applied]:
    """Write `changes` into the plan files of `corpus`, one file at a time, each atomically.

    Every file is checked before it is written: it must be the text the corpus was read from,
    and the edited text must load without new errors. Raises `PlanlensError` (leaving that
    file as it was) otherwise.
    """
    applied: list[Applied] = []
    for plan_id in dict.fromkeys(change.plan for change in changes):
        mine = [change for change in changes if change.plan == plan_id]
        path = writable_path(corpus, plan_id)
        bom, text = _current_text(corpus, plan_id, path)
        new_text = text
        for change in mine:
            new_text = edit_address_list(
                new_text, change.clause, change.key, change.address, change.add
            )
        _check(corpus, plan_id, path, text, new_text)
        write_text(path, bom + new_text, force=True, regular_only=True)
        applied += [Applied(change, corpus.paths[plan_id]) for change in mine]
    return applied


def _current_text(corpus: Corpus, plan_id: str, path: Path) -> tuple[str, str]:
    """The file's byte-order mark (if any) and text, when it is still the text loaded."""
    try:
        raw = path.read_bytes().decode("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise PlanlensError(f"cannot read {path}: {exc}") from exc
    text = raw.removeprefix("\ufeff")
    if text_digest(text) != corpus.digests.get(plan_id):
        raise PlanlensError(
            f"{corpus.paths[plan_id]} changed on disk since it was loaded; nothing was written. "
            "Load the plans again (run the command again, or reopen the app) and retry."
        )
    return raw[: len(raw) - len(text)], text


def _check(corpus: Corpus, plan_id: str, path: Path, old_text: str, new_text: str) -> None:
    """Refuse `new_text` if it has an error that `old_text` does not have."""
    before = {_key(p) for p in _errors(corpus, plan_id, path, old_text)}
    new_errors = [p for p in _errors(corpus, plan_id, path, new_text) if _key(p) not in before]
    if new_errors:
        listing = "\n".join(f"  {problem}" for problem in new_errors)
        raise PlanlensError(f"the edited file would not be valid, nothing was written:\n{listing}")


def _key(problem: Problem) -> tuple[str, str | None]:
    return problem.message, problem.clause


def _errors(corpus: Corpus, plan_id: str, path: Path, text: str) -> list[Problem]:
    """The loader's errors for `text` as the file of `plan_id`, checked against `corpus`."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        return [Problem(path, f"not valid TOML: {exc}")]
    plan, problems = parse_plan(path, data, text)
    if plan is None:
        return problems
    if plan.id != plan_id:
        return [Problem(path, f"the plan id changed from {plan_id!r} to {plan.id!r}")]
    problems += duplicate_clause_problems(plan, path, text)
    loaded = {
        other.id: (other, corpus.paths.get(other.id))
        for other in corpus.plans
        if other.id != plan_id
    }
    loaded[plan_id] = (plan, path)
    problems += [p for p in check_references(loaded, corpus.topics, {path: text}) if p.path == path]
    return [p for p in problems if p.severity == "error"]


def reload_corpus(corpus: Corpus) -> Corpus:
    """The plans of `corpus` read again from where they were read (after an edit)."""
    fresh = load_corpus(list(corpus.roots) or None)
    return dataclasses.replace(fresh, fallback=corpus.fallback)
