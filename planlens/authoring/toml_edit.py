"""Add or remove one address in a clause's `links` or `not_links`, touching nothing else.

The file is edited with tomlkit, which keeps comments, key order, spacing and quoting, so the
text that comes back differs from the text that went in only on the edited line (or, for a
list written over several lines, the lines of that list). A list that gains its first entry is
written where the plan format puts it (after `text`, `topics` and `terms`); a list that loses
its last entry is removed, so adding and then removing an address gives the same bytes back.
"""

from __future__ import annotations

from typing import Literal

import tomlkit
from tomlkit.exceptions import TOMLKitError
from tomlkit.items import AoT, Array, Table

from planlens.errors import PlanlensError

ListKey = Literal["links", "not_links"]
KEY_ORDER = ("id", "title", "text", "topics", "terms", "links", "not_links")
"""The keys that come before (and including) the edited lists, in the plan format's order."""


def edit_address_list(text: str, clause_id: str, key: ListKey, address: str, add: bool) -> str:
    """`text` with `address` added to (or removed from) the `key` list of clause `clause_id`.

    Raises `PlanlensError` when the text is not TOML, has no such clause, or already has (or,
    when removing, lacks) the address.
    """
    try:
        document = tomlkit.parse(text)
    except TOMLKitError as exc:
        raise PlanlensError(f"the file is not valid TOML: {exc}") from exc
    table = _clause_table(document, clause_id)
    current = table.get(key)
    if current is not None and not isinstance(current, Array):
        raise PlanlensError(f"clause {clause_id}: {key} is not a list")
    present = current is not None and address in current
    if add and present:
        raise PlanlensError(f"clause {clause_id} already has {address} in {key}")
    if not add and not present:
        raise PlanlensError(f"clause {clause_id} has no {address} in {key}")
    if add:
        _append(table, key, current, address)
    else:
        assert current is not None
        current.remove(address)
        if not current:
            del table[key]
    edited = tomlkit.dumps(document)
    if "\r\n" in text and text.count("\n") == text.count("\r\n"):
        # A new line is written with "\n": keep a file with Windows line ends consistent.
        edited = edited.replace("\r\n", "\n").replace("\n", "\r\n")
    return edited


def _clause_table(document: tomlkit.TOMLDocument, clause_id: str) -> Table:
    clauses = document.get("clause")
    if isinstance(clauses, AoT):
        for table in clauses.body:
            if table.get("id") == clause_id:
                return table
    raise PlanlensError(f"the file has no [[clause]] with id = {clause_id!r}")


def _append(table: Table, key: ListKey, current: Array | None, address: str) -> None:
    if current is not None:
        current.append(address)
        return
    entries = tomlkit.array()
    entries.append(address)
    body = table.value.body
    earlier = KEY_ORDER[: KEY_ORDER.index(key)]
    after = [i for i, (name, _) in enumerate(body) if name is not None and name.key in earlier]
    place = after[-1] + 1 if after else None
    if place is None or place >= len(body):
        table.append(key, entries)
    else:
        # tomlkit has no public way to insert a key at a position; this keeps the format's order.
        table.value._insert_at(place, key, entries)
