"""Checks that span files: duplicate clause ids, links, omissions, lineage and topics.

A plan that passes the schema can still point at things that do not exist. These checks find
each such reference and say where it is; they never drop the plan (except for duplicate clause
ids, which make addresses ambiguous, so the loader leaves that file out).
"""

from __future__ import annotations

import difflib
from collections import deque
from collections.abc import Callable, Mapping
from functools import partial
from pathlib import Path

from planlens.corpus.address import addresses, natural_key, parse_address
from planlens.corpus.locate import Locator
from planlens.corpus.model import PlanFile, Topic
from planlens.corpus.problems import Problem

Loaded = Mapping[str, tuple[PlanFile, Path | None]]
MAX_LISTED = 30
"""At most this many known names are listed when nothing close to a wrong name is known."""


def duplicate_clause_problems(plan: PlanFile, path: Path | None, text: str = "") -> list[Problem]:
    """One problem for every clause whose id repeats an earlier clause's id."""
    seen: dict[str, int] = {}
    problems: list[Problem] = []
    locator: Locator | None = None  # indexed at the first duplicate: most files have none
    for index, clause in enumerate(plan.clauses):
        if clause.id in seen:
            locator = locator or (Locator(text) if text else None)
            problems.append(
                Problem(
                    path,
                    f"duplicate clause id {clause.id!r} (also clause number {seen[clause.id] + 1} "
                    "in this file); this file is not loaded",
                    clause=clause.id,
                    line=locator.line(("clause", index, "id")) if locator else None,
                    expected="a unique id per clause, e.g. 10.a, 10.b",
                )
            )
        else:
            seen[clause.id] = index
    return problems


def check_references(
    loaded: Loaded, topics: Mapping[str, Topic], texts: Mapping[Path, str] | None = None
) -> list[Problem]:
    """Every broken reference across the loaded plans, plus warnings for missing metadata."""
    texts = texts or {}
    clause_ids = {pid: {c.id for c in plan.clauses} for pid, (plan, _) in loaded.items()}
    problems: list[Problem] = []
    for pid, (plan, path) in loaded.items():
        text = texts.get(path, "") if path is not None else ""
        locator = Locator(text) if text else None

        def line(*loc: str | int, _locator: Locator | None = locator) -> int | None:
            return _locator.line(loc) if _locator else None

        for base in plan.plan.based_on:
            if base == pid:
                problems.append(
                    Problem(path, "based_on names the plan itself", line=line("plan", "based_on"))
                )
            elif base not in loaded:
                problems.append(
                    Problem(
                        path,
                        f"based_on names an unknown plan {base!r}",
                        line=line("plan", "based_on"),
                        expected=_one_of(base, loaded, what="a loaded plan"),
                    )
                )
        if not plan.plan.sources:
            problems.append(
                Problem(
                    path,
                    "the plan lists no sources",
                    severity="warning",
                    line=line("plan"),
                    expected="[[plan.sources]] entries",
                )
            )
        for index, clause in enumerate(plan.clauses):
            for topic in clause.topics:
                if topic not in topics:
                    problems.append(
                        Problem(
                            path,
                            f"unknown topic {topic!r}",
                            clause=clause.id,
                            line=line("clause", index, "topics"),
                            expected=_one_of(topic, topics, what="a topic id from topics.toml"),
                        )
                    )
            if not clause.topics:
                problems.append(
                    Problem(
                        path,
                        "the clause has no topics",
                        clause=clause.id,
                        severity="warning",
                        line=line("clause", index),
                        expected="topics from topics.toml",
                    )
                )
            for key in ("links", "not_links"):
                problems += _address_problems(
                    getattr(clause, key),
                    key,
                    pid,
                    clause.id,
                    path,
                    clause_ids,
                    partial(line, "clause", index, key),
                )
            for both in sorted(set(clause.links) & set(clause.not_links)):
                problems.append(
                    Problem(
                        path,
                        f"{both!r} is both in links and in not_links",
                        clause=clause.id,
                        line=line("clause", index, "not_links"),
                        expected="each address in one of the two lists",
                    )
                )
        for index, omission in enumerate(plan.omission):
            message = _reference_problem(omission.ref, pid, clause_ids)
            if message:
                problems.append(
                    Problem(
                        path,
                        f"omission ref {omission.ref!r}: {message}",
                        line=line("omission", index, "ref"),
                        expected=_address_hint(omission.ref, pid, clause_ids),
                    )
                )
    problems += _cycle_problems(loaded)
    problems += _label_problems(loaded, texts)
    return problems


def _label_problems(loaded: Loaded, texts: Mapping[Path, str]) -> list[Problem]:
    """A warning for each label that names another version too, in any case.

    A version may be named by its label wherever an id is taken (`planlens.corpus.names`): a
    label that is another version's id never reaches its own version, and a label two versions
    share names neither. Both read as one column header for two versions.
    """
    ids = {pid.casefold(): pid for pid in loaded}
    labels: dict[str, list[str]] = {}
    for pid, (plan, _) in loaded.items():
        labels.setdefault(plan.plan.label.casefold(), []).append(pid)
    problems: list[Problem] = []
    for pid, (plan, path) in loaded.items():
        label = plan.plan.label
        other_id = ids.get(label.casefold())
        # A label that is this version's own id: the others that share it are warned instead.
        own = label.casefold() == pid.casefold()
        sharing = [] if own else [other for other in labels[label.casefold()] if other != pid]
        if other_id is not None and other_id != pid:
            message = (
                f"the label {label!r} is the id of {other_id} (in any case): the name means "
                f"{other_id}, never this version"
            )
        elif sharing:
            message = f"the label {label!r} is also the label of {', '.join(sorted(sharing))}"
        else:
            continue
        text = texts.get(path, "") if path is not None else ""
        locator = Locator(text) if text else None
        problems.append(
            Problem(
                path,
                message,
                severity="warning",
                line=(locator.line(("plan", "short")) or locator.line(("plan",)))
                if locator
                else None,
                expected="a short label no other version has as its id or label",
            )
        )
    return problems


def _address_problems(
    addresses: list[str],
    key: str,
    own: str,
    clause_id: str,
    path: Path | None,
    clause_ids: Mapping[str, set[str]],
    line: Callable[[], int | None],
) -> list[Problem]:
    """A problem for each address of a clause's `links` or `not_links` that names no clause
    (`line()` finds the line of the list, only when there is a problem to place)."""
    what = "link" if key == "links" else "not_links entry"
    problems = []
    for address in addresses:
        message = _reference_problem(address, own, clause_ids)
        if message:
            problems.append(
                Problem(
                    path,
                    f"{what} {address!r}: {message}",
                    clause=clause_id,
                    line=line(),
                    expected=_address_hint(address, own, clause_ids),
                )
            )
    return problems


def _reference_problem(address: str, own: str, clause_ids: Mapping[str, set[str]]) -> str | None:
    plan_id, clause_id = parse_address(address)
    if plan_id == own:
        return "points into the same plan; links and omissions name other versions"
    if plan_id not in clause_ids:
        return f"no plan with id {plan_id!r} is loaded"
    if clause_id not in clause_ids[plan_id]:
        return f"plan {plan_id!r} has no clause {clause_id!r}"
    return None


def _address_hint(address: str, own: str, clause_ids: Mapping[str, set[str]]) -> str | None:
    plan_id, clause_id = parse_address(address)
    if plan_id == own:
        return f"the address (plan:clause) of a clause in another version than {own}"
    if plan_id in clause_ids:
        known = sorted(clause_ids[plan_id], key=natural_key)
        close = difflib.get_close_matches(clause_id, known, n=3)
        if close:
            return "one of " + ", ".join(addresses(plan_id, close))
        if not known:
            return None
        return f"an existing clause of {plan_id}, such as " + ", ".join(
            addresses(plan_id, known[:5])
        )
    return _one_of(plan_id, clause_ids, what="a loaded plan") + (
        f"; if {plan_id} is in another directory, name that directory too: "
        "planlens validate THIS-FILE OTHER-DIR"
    )


def _one_of(name: str, known: Mapping[str, object], what: str = "one of") -> str:
    """The known names closest to `name`, or else a listing of the known names."""
    close = difflib.get_close_matches(name, sorted(known), n=3)
    if close:
        return "one of " + ", ".join(close)
    listing = sorted(known)
    shown = ", ".join(listing[:MAX_LISTED]) + (", …" if len(listing) > MAX_LISTED else "")
    return f"{what}: {shown}" if listing else "none is defined"


def _cycle_problems(loaded: Loaded) -> list[Problem]:
    """One problem per group of plans caught in `based_on` cycles, on its first plan by id.

    Linear in plans and `based_on` entries: the groups are the graph's strongly connected
    components, and the cycle shown is a shortest one through the group's first plan.
    """
    graph = {
        pid: [b for b in plan.plan.based_on if b in loaded and b != pid]
        for pid, (plan, _) in loaded.items()
    }
    problems: list[Problem] = []
    for group in sorted(sorted(g) for g in _strongly_connected(graph) if len(g) > 1):
        start = group[0]
        cycle = _shortest_cycle(graph, start, set(group))
        message = f"based_on forms a cycle: {' → '.join(cycle)}"
        if len(group) > len(cycle) - 1:
            message += f" ({len(group)} versions are caught in cycles: {', '.join(group)})"
        problems.append(
            Problem(
                loaded[start][1],
                message,
                expected="a lineage in which no version is its own ancestor",
            )
        )
    return problems


def _strongly_connected(graph: Mapping[str, list[str]]) -> list[list[str]]:
    """The strongly connected components of `graph` (Tarjan's algorithm, without recursion)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    components: list[list[str]] = []
    for root in graph:
        if root in index:
            continue
        work: list[tuple[str, int]] = [(root, 0)]
        while work:
            node, child = work.pop()
            if child == 0:
                index[node] = low[node] = len(index)
                stack.append(node)
                on_stack.add(node)
            edges = graph[node]
            if child < len(edges):
                work.append((node, child + 1))
                nxt = edges[child]
                if nxt not in index:
                    work.append((nxt, 0))
                elif nxt in on_stack:
                    low[node] = min(low[node], index[nxt])
                continue
            for nxt in edges:
                if nxt in on_stack:
                    low[node] = min(low[node], low[nxt])
            if low[node] == index[node]:
                component: list[str] = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                components.append(component)
    return components


def _shortest_cycle(graph: Mapping[str, list[str]], start: str, group: set[str]) -> list[str]:
    """A shortest path from `start` back to itself inside `group`, as plan ids."""
    parent: dict[str, str] = {start: start}
    queue = deque([start])
    while queue:
        node = queue.popleft()
        for nxt in graph[node]:
            if nxt == start:
                path = [node]
                while path[-1] != start:
                    path.append(parent[path[-1]])
                return [*reversed(path), start]
            if nxt in group and nxt not in parent:
                parent[nxt] = node
                queue.append(nxt)
    return [start, start]
