"""Find, parse and validate plan files into a `Corpus`, collecting every problem on the way.

Nothing here stops at the first problem: every file is read, every error is recorded with its
file, clause and line, and every file that can be loaded is loaded. A file that cannot be read
or fails the schema is left out; a file whose references are broken (links, topics, lineage)
is kept, and the problem is reported.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Generic, TypeVar

from pydantic import BaseModel, ValidationError

from planlens import cache
from planlens.corpus.address import format_address, split_address
from planlens.corpus.model import Clause, PlanFile, Topic, TopicsFile
from planlens.corpus.names import AmbiguousPlanError as AmbiguousPlanError  # re-exported
from planlens.corpus.names import UnknownPlanError as UnknownPlanError  # re-exported
from planlens.corpus.names import resolve_name
from planlens.corpus.problems import Problem
from planlens.corpus.reading import (
    TOPICS_FILE,
    bundled_plans_dir,
    default_plan_dirs,
    plan_files,
    read_text,
    text_digest,
)
from planlens.corpus.references import check_references, duplicate_clause_problems
from planlens.corpus.validation import problems_from_validation, syntax_problem, unparsable_problem
from planlens.errors import PlanlensError
from planlens.gc_pause import gc_paused

M = TypeVar("M", bound=BaseModel)


@dataclass(frozen=True)
class Corpus:
    """The loaded versions, the topic taxonomy, and every problem found while loading."""

    plans: tuple[PlanFile, ...]
    """The loaded versions, ordered by date and then id."""
    topics: Mapping[str, Topic]
    """The topic taxonomy by id."""
    problems: tuple[Problem, ...] = ()
    """Everything wrong with the files, errors and warnings."""
    paths: Mapping[str, Path] = field(default_factory=dict)
    """The file each plan was read from, by plan id."""
    digests: Mapping[str, str] = field(default_factory=dict)
    """A digest of each plan file's text as it was read (`text_digest`), by plan id."""
    roots: tuple[Path, ...] = ()
    """The files and directories the plans were read from."""
    fallback: bool = False
    """True when no plan directory was named or found, so the bundled plans were read."""

    @property
    def errors(self) -> tuple[Problem, ...]:
        """The problems of severity error."""
        return tuple(p for p in self.problems if p.severity == "error")

    @property
    def ids(self) -> list[str]:
        """The plan ids, in corpus order."""
        return [plan.id for plan in self.plans]

    def resolve(self, name: str) -> str:
        """The id of the plan called `name`: its id or its `short` label, in any case.

        Raises `UnknownPlanError` naming the closest names, or `AmbiguousPlanError` when a
        label fits several plans (see `planlens.corpus.names`).
        """
        return resolve_name(self.plans, name)

    def plan(self, name: str) -> PlanFile:
        """The plan with this id or label (`resolve`); raises `UnknownPlanError` if none."""
        plan_id = self.resolve(name)
        return next(plan for plan in self.plans if plan.id == plan_id)

    def clause(self, address: str) -> tuple[PlanFile, Clause]:
        """The plan and clause at `plan:clause-id`, the plan named by its id or label."""
        plan_name, clause_id = split_address(address)
        plan = self.plan(plan_name)
        plan_id = plan.id
        if not clause_id:
            example = format_address(plan_id, plan.clauses[0].id if plan.clauses else "1")
            raise PlanlensError(
                f"{address!r} is not a clause address (expected PLAN:CLAUSE, e.g. {example})"
            )
        for clause in plan.clauses:
            if clause.id == clause_id:
                return plan, clause
        known = ", ".join(c.id for c in plan.clauses) or "none"
        raise PlanlensError(f"{plan_id} has no clause {clause_id!r} (its clauses: {known})")

    @classmethod
    def from_plans(
        cls, plans: Iterable[PlanFile], topics: Mapping[str, Topic] | None = None
    ) -> Corpus:
        """A corpus built in memory (tests, benchmarks), checked like one read from files."""
        plan_list = sorted(plans, key=lambda p: (p.plan.date, p.id))
        topic_map = dict(topics) if topics is not None else load_topics([bundled_plans_dir()])[0]
        problems = check_references({p.id: (p, None) for p in plan_list}, topic_map)
        return cls(tuple(plan_list), topic_map, tuple(problems), {})


def read_toml(path: Path) -> tuple[dict[str, Any] | None, str, list[Problem]]:
    """Read one TOML file: its data (None when unreadable), its text, and what went wrong."""
    text = read_text(path)
    if isinstance(text, Problem):
        return None, "", [text]
    data, problems = parse_toml(path, text)
    return data, text, problems


@dataclass(frozen=True)
class Validated(Generic[M]):
    """One file read and validated (`read_validated`)."""

    model: M | None
    """The validated contents; None when the file cannot be loaded."""
    text: str
    """The file's text ("" when it could not be read)."""
    digest: str
    """`text_digest` of the text ("" when it could not be read)."""
    problems: list[Problem]
    """What went wrong."""


def read_validated(path: Path, model: type[M]) -> Validated[M]:
    """Read one file and validate it as `model`.

    A text validated once is taken from `planlens.cache` the next time, without parsing it or
    building the validators: a command reading the bundled corpus starts tens of milliseconds
    sooner. Only files that validate are kept there; the problems of the others are found anew.
    """
    text = read_text(path)
    if isinstance(text, Problem):
        return Validated(None, "", "", [text])
    digest = text_digest(text)
    entry = cache.key(model.__name__, digest)
    stored = cache.get(model.__name__, entry)
    if isinstance(stored, model):
        return Validated(stored, text, digest, [])
    data, problems = parse_toml(path, text)
    if data is None:
        return Validated(None, text, digest, problems)
    validated, problems = validate(path, model, data, text)
    if validated is not None:
        cache.put(model.__name__, entry, validated)
    return Validated(validated, text, digest, problems)


def parse_toml(path: Path, text: str) -> tuple[dict[str, Any] | None, list[Problem]]:
    """The TOML data of a file's text (None when it does not parse), and what went wrong."""
    if not text.strip():
        return None, [Problem(path, "the file is empty", expected="a [plan] table")]
    import tomli  # a text read before is validated already (`read_validated`): no parser

    try:
        return tomli.loads(text), []
    except tomli.TOMLDecodeError as exc:
        return None, [syntax_problem(path, exc)]
    except (ValueError, RecursionError) as exc:  # a 5,000-digit number; lists nested 500 deep
        return None, [unparsable_problem(path, text, exc)]


def parse_plan(
    path: Path, data: dict[str, Any], text: str
) -> tuple[PlanFile | None, list[Problem]]:
    """Validate one file's data against the plan model."""
    return validate(path, PlanFile, data, text)


def validate(
    path: Path, model: type[M], data: dict[str, Any], text: str
) -> tuple[M | None, list[Problem]]:
    """Validate one file's data as `model`: the model, or None and every problem found."""
    try:
        return model.model_validate(data), []
    except ValidationError as exc:
        return None, problems_from_validation(path, exc, data, text)


def load_topics(dirs: Sequence[Path]) -> tuple[dict[str, Topic], list[Problem]]:
    """The union of the `topics.toml` files in `dirs`, or the bundled taxonomy when none exist."""
    topics: dict[str, Topic] = {}
    problems: list[Problem] = []
    for directory in dirs:
        path = directory / TOPICS_FILE
        if not path.is_file():
            continue
        read = read_validated(path, TopicsFile)
        problems += read.problems
        topics_file = read.model
        if topics_file is None:
            continue
        for topic in topics_file.topic:
            if topic.id in topics and topics[topic.id] != topic:
                problems.append(Problem(path, f"topic {topic.id!r} is defined twice, differently"))
            topics[topic.id] = topic
    if not topics:
        bundled = bundled_plans_dir().resolve()
        if all(directory.resolve() != bundled for directory in dirs):
            topics = load_topics([bundled])[0]
    return topics, problems


@gc_paused()
def load_corpus(paths: Sequence[Path | str] | None = None) -> Corpus:
    """Load every plan under `paths` (default: `default_plan_dirs()`), collecting every problem."""
    roots = [Path(p) for p in paths] if paths else default_plan_dirs()
    fallback = not paths and roots == [bundled_plans_dir()]
    files, problems = plan_files(roots)
    topic_dirs = [p if p.is_dir() else p.parent for p in roots]
    topics, topic_problems = load_topics(list(dict.fromkeys(topic_dirs)))
    problems += topic_problems

    loaded: dict[str, tuple[PlanFile, Path | None]] = {}
    texts: dict[Path, str] = {}
    digests: dict[Path, str] = {}
    for path in files:
        read = read_validated(path, PlanFile)
        problems += read.problems
        plan = read.model
        if plan is None:
            continue
        texts[path], digests[path] = read.text, read.digest
        duplicates = duplicate_clause_problems(plan, path, read.text)
        if duplicates:
            problems += duplicates
            continue
        if plan.id in loaded:
            first = loaded[plan.id][1]
            problems.append(
                Problem(
                    path,
                    f"plan id {plan.id!r} is already used by {first}; this file is not loaded",
                    expected="a unique id per plan",
                )
            )
            continue
        loaded[plan.id] = (plan, path)

    problems += check_references(loaded, topics, texts)
    plans = sorted((plan for plan, _ in loaded.values()), key=lambda p: (p.plan.date, p.id))
    paths_by_id = {pid: path for pid, (_, path) in loaded.items() if path is not None}
    digest_by_id = {pid: digests[path] for pid, path in paths_by_id.items()}
    ordered = sorted(problems, key=_problem_order)
    return Corpus(
        tuple(plans), topics, tuple(ordered), paths_by_id, digest_by_id, tuple(roots), fallback
    )


def _problem_order(problem: Problem) -> tuple[str, int, int, str]:
    return (str(problem.path or ""), problem.line or 0, problem.column or 0, problem.message)
