"""Clause addresses (`us-28:10.b`): the one place that builds, splits and orders them.

An address names a clause in every output, so a report line can be cited; it is written
`PLAN:CLAUSE`, where the plan id never contains a colon and the clause id may.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from typing import NamedTuple

_NUMBER = re.compile(r"(\d+)")


class Address(NamedTuple):
    """A clause address: the version's id and the clause's id within it."""

    plan: str
    """The plan id (`us-28`)."""
    clause: str
    """The clause id (`10.b`)."""

    def __str__(self) -> str:
        return format_address(self.plan, self.clause)

    @property
    def sort_key(self) -> tuple[str, tuple[tuple[int, str], ...]]:
        """Orders addresses as people read them: `us-28:2` before `us-28:10`."""
        return self.plan, natural_key(self.clause)


def natural_key(clause_id: str) -> tuple[tuple[int, str], ...]:
    """Orders clause ids as people read them: `2` before `10`, `p2` before `p10`."""
    parts = _NUMBER.split(clause_id)
    return tuple((int(part), "") if part.isdigit() else (-1, part) for part in parts if part)


def format_address(plan_id: str, clause_id: str) -> str:
    """The address of clause `clause_id` of plan `plan_id`."""
    return f"{plan_id}:{clause_id}"


def parse_address(text: str) -> Address:
    """Split `PLAN:CLAUSE` into its parts; ValueError when `text` is not of that form."""
    plan_id, clause_id = split_address(text)
    if ":" not in text or not plan_id or not clause_id:
        raise ValueError(f"{text!r} is not a clause address (expected PLAN:CLAUSE, e.g. us-28:6)")
    return Address(plan_id, clause_id)


def split_address(text: str) -> Address:
    """`text` split at its first colon, unchecked: either part may be empty (typed input that
    is checked later, with a message about what is wrong)."""
    plan_id, _, clause_id = text.partition(":")
    return Address(plan_id, clause_id)


def plan_of(address: str) -> str:
    """The plan id of an address (the text before its first colon)."""
    return split_address(address).plan


def addresses(plan_id: str, clause_ids: Iterable[str]) -> list[str]:
    """The addresses of `clause_ids`, all in plan `plan_id`, in the order given."""
    return [format_address(plan_id, clause_id) for clause_id in clause_ids]


def row_addresses(clauses: Mapping[str, Sequence[str]]) -> list[str]:
    """The addresses of a provision row's clauses (plan id → clause ids), version by version."""
    return [format_address(pid, cid) for pid, ids in clauses.items() for cid in ids]
