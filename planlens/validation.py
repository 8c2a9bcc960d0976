"""Turn TOML and pydantic errors into problems a non-programmer can act on.

Each pydantic error becomes one sentence naming the key, the clause and the line, and saying
what would be accepted. Lines are found by scanning the file's text for the table headers and
keys, since `tomllib` does not report positions of valid values.
"""

from __future__ import annotations

import difflib
import re
import tomllib
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from planlens.model import Clause, Omission, Plan, PlanFile, Source, Topic
from planlens.problems import Problem

_POSITION = re.compile(r"\(at line (\d+), column (\d+)\)")
_TABLES: dict[tuple[str, ...], type[BaseModel]] = {
    (): PlanFile,
    ("plan",): Plan,
    ("plan", "sources"): Source,
    ("clause",): Clause,
    ("omission",): Omission,
    ("topic",): Topic,
}
_TYPE_WORDS = {
    "string_type": "a string in double quotes",
    "int_type": "a whole number such as 600000",
    "float_type": "a number",
    "bool_type": "true or false",
    "date_type": "a TOML date such as 2025-11-20 (no quotes)",
    "list_type": 'a list such as ["a", "b"]',
    "dict_type": "a table",
    "model_type": "a table",
}
_PATTERN_WORDS = {
    "id": "lowercase letters, digits and hyphens, such as us-28",
    "based_on": "plan ids: lowercase letters, digits and hyphens",
    "links": 'clause addresses such as "us-28:6" or "us-28:10.a"',
    "ref": 'a clause address such as "us-28:26"',
    "url": "an address starting with http:// or https://",
    "source": "an address starting with http:// or https://",
    "terms": "a snake_case name such as army_cap",
}


def syntax_problem(path: Path, exc: tomllib.TOMLDecodeError) -> Problem:
    """A TOML syntax error, with the line and column the parser gave."""
    message = str(exc)
    match = _POSITION.search(message)
    line = column = None
    if match:
        line, column = int(match.group(1)), int(match.group(2))
        message = _POSITION.sub("", message).strip()
    return Problem(path, f"TOML syntax error: {message}", line=line, column=column)


def problems_from_validation(
    path: Path, exc: ValidationError, data: dict[str, Any], text: str
) -> list[Problem]:
    """One problem per distinct pydantic error, in the order of the file."""
    problems: list[Problem] = []
    seen: set[tuple[tuple[str | int, ...], str]] = set()
    for error in exc.errors():
        loc = _collapse_union(error["loc"])
        message, expected = _describe(error, loc)
        key = (loc, message)
        if key in seen:
            continue
        seen.add(key)
        clause = _clause_id(loc, data)
        line = locate(text, loc)
        problems.append(Problem(path, message, clause=clause, line=line, expected=expected))
    return problems


def _collapse_union(loc: tuple[str | int, ...]) -> tuple[str | int, ...]:
    """Drop the union-branch names pydantic appends to a term's location."""
    if "terms" in loc:
        index = loc.index("terms")
        return loc[: index + 2]
    return loc


def _describe(error: ErrorDetails, loc: tuple[str | int, ...]) -> tuple[str, str | None]:
    kind = error["type"]
    key = _key_name(loc)
    where = _dotted(loc)
    if kind == "extra_forbidden":
        allowed = _allowed_keys(loc[:-1])
        hint = ""
        close = difflib.get_close_matches(str(loc[-1]), allowed, n=1)
        if close:
            hint = f"; did you mean {close[0]!r}?"
        table = _dotted(loc[:-1]) or "the top level"
        return (
            f"unknown key {loc[-1]!r} in {table}{hint}",
            "one of: " + ", ".join(allowed) if allowed else None,
        )
    if kind == "missing":
        return f"missing required key {where!r}", None
    if kind == "literal_error":
        expected = error.get("ctx", {}).get("expected")
        return f"{where} = {error['input']!r} is not an accepted value", expected
    if kind == "string_pattern_mismatch":
        return f"{where} = {error['input']!r} is not well-formed", _PATTERN_WORDS.get(key)
    if kind in ("string_too_short", "too_short"):
        return f"{where} is empty", "a non-empty value"
    if kind == "string_too_long":
        return f"{where} is too long", error["msg"].lower()
    if "terms" in loc and kind.endswith("_type"):
        return (
            f"term {where} has a value of the wrong type ({type(error['input']).__name__})",
            "a number, string, true/false or a date (no lists or tables)",
        )
    if kind in _TYPE_WORDS:
        got = type(error["input"]).__name__
        return f"{where} has the wrong type ({got})", _TYPE_WORDS[kind]
    if kind == "value_error":
        return f"{where + ': ' if where else ''}{error['msg'].removeprefix('Value error, ')}", None
    return f"{where}: {error['msg']}" if where else error["msg"], None


def _key_name(loc: Sequence[str | int]) -> str:
    names = [part for part in loc if isinstance(part, str)]
    if "terms" in names:
        return "terms"
    return names[-1] if names else ""


def _dotted(loc: Sequence[str | int]) -> str:
    """`clause[3].topics` style, with 1-based positions."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part + 1}]"
        else:
            out += ("." if out else "") + part
    return out


def _allowed_keys(table_loc: Sequence[str | int]) -> list[str]:
    model = _TABLES.get(tuple(part for part in table_loc if isinstance(part, str)))
    return list(model.model_fields) if model is not None else []


def _clause_id(loc: Sequence[str | int], data: dict[str, Any]) -> str | None:
    if len(loc) >= 2 and loc[0] == "clause" and isinstance(loc[1], int):
        clauses = data.get("clause")
        if isinstance(clauses, list) and loc[1] < len(clauses):
            entry = clauses[loc[1]]
            clause_id = entry.get("id") if isinstance(entry, dict) else None
            if isinstance(clause_id, str):
                return clause_id
        return f"#{loc[1] + 1}"
    return None


def locate(text: str, loc: Sequence[str | int]) -> int | None:
    """The 1-based line of the key at `loc` in a plan or topics file, or None if not found.

    Walks the location's tables (`[plan]`, the Nth `[[clause]]`, `[[plan.sources]]`) by their
    headers, then looks for the key inside the innermost table; when the key is absent (a
    missing key) the table's header line is the answer.
    """
    lines = text.splitlines()
    start, end = 0, len(lines)
    header_line: int | None = None
    table: list[str] = []
    parts = list(loc)
    while parts:
        name = parts.pop(0)
        if not isinstance(name, str):
            break
        index: int | None = None
        if parts and isinstance(parts[0], int):
            index = parts[0]
            parts.pop(0)
        found = _find_table(lines, ".".join([*table, name]), index)
        if found is None:
            return _find_key(lines, name, start, end) or header_line
        header_line, end = found
        start = header_line
        table.append(name)
    return header_line


def _find_table(lines: list[str], dotted: str, index: int | None) -> tuple[int, int] | None:
    """The header line (1-based) and end (0-based, exclusive) of a table or its Nth entry."""
    pattern = re.compile(rf"^\s*\[\[?\s*{re.escape(dotted)}\s*\]\]?\s*(#.*)?$")
    hits = [i for i, line in enumerate(lines) if pattern.match(line)]
    if not hits:
        return None
    pick = hits[index] if index is not None and index < len(hits) else hits[0]
    header = re.compile(r"^\s*\[")
    stop = next((i for i in range(pick + 1, len(lines)) if header.match(lines[i])), len(lines))
    return pick + 1, stop


def _find_key(lines: list[str], key: str, start: int, end: int) -> int | None:
    pattern = re.compile(rf"^\s*\"?{re.escape(key)}\"?\s*=")
    for i in range(start, end):
        if pattern.match(lines[i]):
            return i + 1
    return None
