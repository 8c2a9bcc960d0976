"""Turn TOML and pydantic errors into problems a non-programmer can act on.

Each pydantic error becomes one sentence naming the key, the clause and the line, and saying
what would be accepted. Lines are found by scanning the file's text for the table headers and
keys, since the TOML parser does not report positions of valid values.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from planlens.corpus.locate import Locator
from planlens.corpus.model import (
    CONFIDENCES,
    FIDELITIES,
    KINDS,
    STATUSES,
    Clause,
    Omission,
    Plan,
    PlanFile,
    Source,
    Topic,
)
from planlens.corpus.problems import Problem

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
    "string_type": "text in double quotes",
    "int_type": "a whole number such as 600000",
    "float_type": "a number",
    "bool_type": "true or false",
    "date_type": "a date without quotes, such as 2025-11-20",
    "list_type": 'a list such as ["a", "b"]',
    "dict_type": "a table",
    "model_type": "a table",
}
_INPUT_WORDS = {
    "str": "text in quotes",
    "int": "a whole number",
    "float": "a decimal number",
    "bool": "true/false",
    "date": "a date",
    "datetime": "a date with a time of day",
    "time": "a time of day",
    "list": "a list",
    "dict": "a table",
}
_DATE_TEXT = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_PATTERN_WORDS = {
    "id": "lowercase letters, digits and hyphens, such as us-28",
    "clause.id": "the document's own number: letters, digits, dots and hyphens, such as 6 or 10.a",
    "based_on": "plan ids: lowercase letters, digits and hyphens",
    "links": 'clause addresses such as "us-28:6" or "us-28:10.a"',
    "not_links": 'clause addresses such as "us-28:6" or "us-28:10.a"',
    "ref": 'a clause address such as "us-28:26"',
    "url": "an address starting with http:// or https://",
    "source": "an address starting with http:// or https://",
    "terms": "a snake_case name such as army_cap",
}
_MISSING_WORDS = {
    "id": 'id = "…" (lowercase letters, digits and hyphens, such as us-28)',
    "clause.id": 'id = "…" (the document\'s own number, such as "6" or "10.a")',
    "title": 'title = "…"',
    "text": 'text = "…" (the clause\'s text)',
    "date": "date = 2025-11-20 (a date, no quotes)",
    "kind": "kind = " + " | ".join(f'"{k}"' for k in KINDS),
    "status": "status = " + " | ".join(f'"{s}"' for s in STATUSES),
    "fidelity": "fidelity = " + " | ".join(f'"{f}"' for f in FIDELITIES),
    "confidence": "confidence = " + " | ".join(f'"{c}"' for c in CONFIDENCES),
    "publisher": 'publisher = "…" (who published it)',
    "url": 'url = "https://…"',
    "ref": 'ref = "plan-id:clause-id"',
    "note": 'note = "…"',
    "plan": "a [plan] table at the top of the file",
    "topic": "[[topic]] entries",
}
_ARRAY_TABLES = {"clause": "clause", "omission": "omission", "sources": "plan.sources"}


def syntax_problem(path: Path, exc: ValueError, text: str | None = None) -> Problem:
    """A TOML syntax error (a `TOMLDecodeError`), with the parser's line and column, in plain words.

    `text` is the file's text (read from `path` when not given); it lets the message look at
    the offending line, e.g. to name a key given twice, which the parser does not locate.
    """
    message = str(exc)
    match = _POSITION.search(message)
    line = column = None
    if match:
        line, column = int(match.group(1)), int(match.group(2))
    raw = _POSITION.sub("", message).removesuffix("(at end of document)").strip()
    lines = (_read_text(path) if text is None else text).splitlines()
    plain, expected, found_line = _syntax_hint(raw, lines, line, column)
    if found_line is not None and found_line != line:
        line, column = found_line, None
    wording = plain or raw
    return Problem(
        path, f"TOML syntax error: {wording}", line=line, column=column, expected=expected
    )


DEEPEST = 100
"""Nesting (lists, inline tables) deeper than this is where a too-deep file is reported."""
_LONG_NUMBER = re.compile(r"[0-9][0-9_]{4000,}")


def unparsable_problem(path: Path, text: str, exc: Exception) -> Problem:
    """A file the TOML parser gave up on without a syntax error: a huge number or deep nesting."""
    if isinstance(exc, RecursionError):
        return Problem(
            path,
            "the lists or tables are nested too deeply to read",
            line=_deep_line(text),
            expected=f"fewer than {DEEPEST} levels of [ ] and {{ }}",
        )
    match = _LONG_NUMBER.search(text)
    if match is not None:
        digits = sum(ch.isdigit() for ch in match.group())
        return Problem(
            path,
            f"a number of {digits:,} digits is too long to read",
            line=text.count("\n", 0, match.start()) + 1,
            expected="a figure of at most 308 digits",
        )
    return Problem(path, f"the file cannot be read as TOML: {exc}")


def _deep_line(text: str) -> int | None:
    """The line where brackets and braces first nest deeper than `DEEPEST`."""
    depth = 0
    line = 1
    for char in text:
        if char == "\n":
            line += 1
        elif char in "[{":
            depth += 1
            if depth > DEEPEST:
                return line
        elif char in "]}":
            depth = max(depth - 1, 0)
    return None


def _read_text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8", errors="replace").removeprefix("\ufeff")
    except OSError:
        return ""


def _syntax_hint(
    raw: str, lines: list[str], line: int | None, column: int | None
) -> tuple[str | None, str | None, int | None]:
    """What a parser message means for a person editing a plan file, and the line if found."""
    here = lines[line - 1] if line is not None and 0 < line <= len(lines) else ""
    at = here[column - 1 :].strip() if column is not None else ""
    if raw in ("Illegal character '\\n'", "Unterminated string") or raw.startswith("Unterminated"):
        return (
            "a text in quotes is not closed before the end of the line",
            'a closing " on the same line, or """triple quotes""" around text of several lines',
            None,
        )
    if raw == "Invalid value":
        if at[:1] in "“”„«»‘’":
            return "curly quotes are not TOML quotes", 'straight double quotes: "…"', None
        if not at:
            return "there is no value after =", 'a value: key = "text", a number, true/false', None
        if at[:1].isalpha() and not at.startswith(("true", "false", "inf", "nan")):
            return "a text value is not in quotes", 'text in double quotes: key = "text"', None
        return "the value after = is not valid TOML", None, None
    if raw == "Invalid date or datetime":
        return (
            "this date does not exist",
            "a real date written YYYY-MM-DD, such as 2025-11-20",
            None,
        )
    if raw == "Cannot overwrite a value":
        repeated, found = _repeated_key(lines)
        what = f"the key {repeated!r} is given twice" if repeated else "a key is given twice"
        return (
            f"{what} in the same table",
            "one value per key; if a new clause starts here, put a [[clause]] line before it",
            found,
        )
    if raw.startswith("Cannot declare"):
        return (
            "this table header appears twice",
            "one [plan] table per file, and [[clause]] (double brackets) before each clause",
            None,
        )
    if raw.startswith("Expected '=' after a key"):
        return "this line is not key = value", 'key = value, such as title = "Ceasefire"', None
    if raw.startswith("Expected newline or end of document"):
        if re.match(r"^\s*[\w-]+\s*=\s*\d{4}-\d{1,2}-\d{1,2}", here):
            return "a date is not written YYYY-MM-DD", "a date such as 2025-11-20", None
        return (
            "something follows the value on this line",
            "one key = value per line; a comment starts with #",
            None,
        )
    if raw.startswith(("Unclosed array", "Unclosed inline table")):
        return (
            "a list or inline table is not closed",
            'a list such as ["a", "b"] or a table such as { army_cap = 600000 }',
            _unclosed_line(lines, line),
        )
    if raw.startswith("Expected ']]'"):
        return "a table header is not closed", "[[clause]] or [[plan.sources]]", None
    return None, None, None


def _unclosed_line(lines: list[str], line: int | None) -> int | None:
    """The line that opens the list the parser found unclosed further down, if one does."""
    last = len(lines) if line is None else min(line, len(lines))
    for number in range(last, 0, -1):
        text = lines[number - 1].split("#", 1)[0]
        if re.search(r"=\s*[\[{]", text):
            opened = text.count("[") + text.count("{")
            closed = text.count("]") + text.count("}")
            return number if opened > closed else None
    return None


def _repeated_key(lines: list[str]) -> tuple[str | None, int | None]:
    """The first key given twice within one table, and the 1-based line of its second use."""
    key_line = re.compile(r"^\s*\"?([A-Za-z0-9_-]+)\"?\s*=")
    seen: set[str] = set()
    for number, text in enumerate(lines, 1):
        if text.lstrip().startswith("["):
            seen = set()
            continue
        match = key_line.match(text)
        if match:
            if match.group(1) in seen:
                return match.group(1), number
            seen.add(match.group(1))
    return None, None


def problems_from_validation(
    path: Path, exc: ValidationError, data: dict[str, Any], text: str
) -> list[Problem]:
    """One problem per distinct pydantic error, in the order of the file."""
    problems: list[Problem] = []
    seen: set[tuple[tuple[str | int, ...], str]] = set()
    locator = Locator(text)
    for error in exc.errors():
        loc = _collapse_union(error["loc"])
        clause = _clause_id(loc, data)
        message, expected = _describe(error, loc, in_clause=clause is not None)
        key = (loc, message)
        if key in seen:
            continue
        seen.add(key)
        line = locator.line(loc)
        problems.append(Problem(path, message, clause=clause, line=line, expected=expected))
    return problems


def _collapse_union(loc: tuple[str | int, ...]) -> tuple[str | int, ...]:
    """Drop the union-branch names pydantic appends to a term's location."""
    if "terms" in loc:
        index = loc.index("terms")
        return loc[: index + 2]
    return loc


@dataclass(frozen=True)
class _Error:
    """One pydantic error, with the names a message about it needs."""

    details: ErrorDetails
    loc: tuple[str | int, ...]
    in_clause: bool

    @property
    def kind(self) -> str:
        return self.details["type"]

    @property
    def value(self) -> object:
        return self.details.get("input")

    @property
    def key(self) -> str:
        return _key_name(self.loc)

    @property
    def table(self) -> tuple[str, ...]:
        return tuple(part for part in self.loc[:-1] if isinstance(part, str))

    @property
    def where(self) -> str:
        loc = self.loc
        return _dotted(loc[2:] if self.in_clause and len(loc) > 2 else loc)

    def words(self, table: dict[str, str]) -> str | None:
        """The entry of `table` for this key (`clause.id` before `id`)."""
        return table.get(".".join([*self.table[-1:], self.key])) or table.get(self.key)


Description = tuple[str, str | None]


def _describe(
    error: ErrorDetails, loc: tuple[str | int, ...], *, in_clause: bool = False
) -> Description:
    """The message and the expected value for one pydantic error.

    Inside a clause the problem already names the clause, so keys are named within it
    (`confidence`, `terms.caps`) rather than by position (`clause[14].confidence`).
    """
    found = _Error(error, loc, in_clause)
    for describe in _DESCRIBERS:
        description = describe(found)
        if description is not None:
            return description
    where = found.where
    return f"{where}: {error['msg']}" if where else error["msg"], None


def _unknown_key(error: _Error) -> Description | None:
    if error.kind != "extra_forbidden":
        return None
    loc = error.loc
    allowed = _allowed_keys(loc[:-1])
    close = difflib.get_close_matches(str(loc[-1]), allowed, n=1)
    hint = f"; did you mean {close[0]!r}?" if close else ""
    inside = (
        "" if error.in_clause and len(loc) == 3 else f" in {_dotted(loc[:-1]) or 'the top level'}"
    )
    return (
        f"unknown key {loc[-1]!r}{inside}{hint}",
        "one of: " + ", ".join(allowed) if allowed else None,
    )


def _missing(error: _Error) -> Description | None:
    if error.kind != "missing":
        return None
    return f"missing required key {error.where!r}", error.words(_MISSING_WORDS)


def _not_accepted(error: _Error) -> Description | None:
    if error.kind != "literal_error":
        return None
    value = error.value
    expected = error.details.get("ctx", {}).get("expected")
    message = f"{error.where} = {_toml(value)} is not an accepted value"
    if isinstance(value, str) and expected and f"'{value.strip().lower()}'" in expected:
        message += f"; did you mean {_toml(value.strip().lower())}?"
    return message, expected


def _malformed(error: _Error) -> Description | None:
    if error.kind != "string_pattern_mismatch":
        return None
    return f"{error.where} = {_toml(error.value)} is not well-formed", error.words(_PATTERN_WORDS)


def _length(error: _Error) -> Description | None:
    if error.kind in ("string_too_short", "too_short"):
        return f"{error.where} is empty", "a non-empty value"
    if error.kind == "string_too_long":
        return f"{error.where} is too long", error.details["msg"].lower()
    return None


def _term_type(error: _Error) -> Description | None:
    if "terms" not in error.loc or not error.kind.endswith("_type"):
        return None
    return (
        f"term {str(error.loc[-1])!r} has a value of the wrong type ({_input_words(error.value)})",
        "a number, text in quotes, true/false or a date (no lists or tables)",
    )


def _quoted_date(error: _Error) -> Description | None:
    value = error.value
    if (
        error.kind != "date_type"
        or not isinstance(value, str)
        or not _DATE_TEXT.match(value.strip())
    ):
        return None
    return (
        f"{error.where} = {_toml(value)} is in quotes, so it is text, not a date",
        f"the date without quotes: {error.key} = {value.strip()}",
    )


def _single_brackets(error: _Error) -> Description | None:
    if error.kind != "list_type" or not isinstance(error.value, dict):
        return None
    header = _ARRAY_TABLES.get(error.key)
    if header is None:
        return None
    return (
        f"[{header}] is written with single brackets",
        f"[[{header}]] (double brackets) at the start of each entry",
    )


def _wrong_type(error: _Error) -> Description | None:
    if error.kind not in _TYPE_WORDS:
        return None
    return f"{error.where} has the wrong type ({_input_words(error.value)})", _TYPE_WORDS[
        error.kind
    ]


def _value_error(error: _Error) -> Description | None:
    if error.kind != "value_error":
        return None
    where = error.where
    return (
        f"{where + ': ' if where else ''}{error.details['msg'].removeprefix('Value error, ')}",
        None,
    )


_DESCRIBERS: tuple[Callable[[_Error], Description | None], ...] = (
    _unknown_key,
    _missing,
    _not_accepted,
    _malformed,
    _length,
    _term_type,
    _quoted_date,
    _single_brackets,
    _wrong_type,
    _value_error,
)
"""Each turns the errors it knows into words; the first that answers is used."""


def _input_words(value: object) -> str:
    """What a value is, in TOML's words rather than Python's (`text in quotes`, not `str`)."""
    return _INPUT_WORDS.get(type(value).__name__, "a value of another kind")


def _toml(value: object) -> str:
    """A short rendering of a value as it looks in the file: strings in double quotes."""
    if isinstance(value, str):
        shown = value if len(value) <= 60 else value[:57] + "..."
        return '"' + shown.replace("\\", "\\\\").replace('"', '\\"') + '"'
    if isinstance(value, bool):
        return "true" if value else "false"
    return repr(value)


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
