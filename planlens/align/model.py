"""What an alignment is: provision rows, and the links that built them with the pass that
made each. Frozen data with no numeric dependencies, so the Comparison model and the views
can name these types without loading the aligner; the Comparison carries the links as they
are (`Link` is a pydantic model, built without validation by the aligner)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Literal

from pydantic import BaseModel, ConfigDict

from planlens.corpus.address import format_address

PassName = Literal["asserted", "exact", "similar", "split", "merged"]
"""The alignment pass that made a link."""
LinkKind = Literal["match", "split", "merge"]
"""match: one-to-one; split: a further part; merge: an absorbed provision."""


class Link(BaseModel):
    """A correspondence between two clauses, with how the aligner found it."""

    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)

    a: str
    """Address in the earlier version of the alignment order."""
    b: str
    """Address in the later version."""
    via: PassName
    """The pass that made the link: asserted, exact, similar, split or merged."""
    score: float
    """Similarity score of the two clauses, 0–1 (reported for every pass)."""
    kind: LinkKind
    """match (one-to-one), split (b is a further part of a), merge (b also absorbs a)."""


@dataclass(frozen=True)
class AlignedRow:
    """One provision: the clauses of each version that say it (none, one, or a split's parts)."""

    clauses: Mapping[str, tuple[str, ...]]
    """Plan id → clause ids in that version's document order; only versions present."""

    def ids(self, plan_id: str) -> tuple[str, ...]:
        """The clause ids of `plan_id` in this row (empty when it has none)."""
        return self.clauses.get(plan_id, ())


@dataclass(frozen=True)
class Alignment:
    """The provision rows of N versions and every link that built them."""

    plan_ids: tuple[str, ...]
    """The versions, in alignment order (the first is the base of the row order)."""
    rows: tuple[AlignedRow, ...]
    """The provisions, in display order."""
    links: tuple[Link, ...]
    """Every correspondence found, primary and secondary."""
    ignore_links: bool = False
    """True when the asserted links were not used."""
    _row_index: dict[str, int] = field(default_factory=dict, repr=False, compare=False)
    _link_index: dict[str, list[int]] = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        for index, row in enumerate(self.rows):
            for plan_id, ids in row.clauses.items():
                for clause_id in ids:
                    self._row_index[format_address(plan_id, clause_id)] = index
        for index, link in enumerate(self.links):
            self._link_index.setdefault(link.a, []).append(index)
            self._link_index.setdefault(link.b, []).append(index)

    def links_touching(self, addresses: Iterable[str]) -> list[Link]:
        """The links with an end at one of `addresses`, each once, in the order they were made."""
        found = sorted({i for address in addresses for i in self._link_index.get(address, ())})
        return [self.links[i] for i in found]

    def row_of(self, address: str) -> int | None:
        """The index of the row holding `address`, or None if it is not aligned here."""
        return self._row_index.get(address)
