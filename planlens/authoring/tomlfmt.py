"""Write TOML values: strings escaped so any text reads back unchanged, numbers, dates, arrays.

Only what plan files need, written by hand so planlens adds no dependency. Invisible and
control characters are always escaped (`\\u001b`), so a file never hides text from its reader.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Mapping, Sequence

TomlScalar = bool | int | float | dt.date | str
"""The values a plan file holds outside its tables."""

_BARE_KEY = re.compile(r"^[A-Za-z0-9_-]+$")
_SHORT_ESCAPES = {"\b": "\\b", "\t": "\\t", "\n": "\\n", "\f": "\\f", "\r": "\\r"}
# C0 controls, DEL, C1 controls, bidi overrides and isolates, line/paragraph separators,
# and BOMs: escaped so nothing in a file is invisible or reorders the text around it.
_ESCAPE_ALWAYS = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]")
_ESCAPE_MULTILINE = re.compile(
    "[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]"
)


def _escape_char(char: str) -> str:
    return _SHORT_ESCAPES.get(char) or f"\\u{ord(char):04x}"


def _check_scalar_values(text: str) -> None:
    for char in text:
        if "\ud800" <= char <= "\udfff":
            raise ValueError(f"lone surrogate U+{ord(char):04X} cannot be written to a UTF-8 file")


def basic_string(text: str) -> str:
    """`text` as a one-line TOML basic string: `"…"` with every special character escaped."""
    _check_scalar_values(text)
    escaped = text.replace("\\", "\\\\").replace('"', '\\"')
    return '"' + _ESCAPE_ALWAYS.sub(lambda m: _escape_char(m.group()), escaped) + '"'


def multiline_string(text: str) -> str:
    """`text` as a TOML multi-line basic string, its newlines kept as real line breaks."""
    _check_scalar_values(text)
    out: list[str] = []
    quotes = 0
    for index, char in enumerate(text):
        if char == '"':
            # Never three quotes in a row, and never a quote just before the closing `"""`.
            if quotes == 2 or index == len(text) - 1:
                out.append('\\"')
                quotes = 0
            else:
                out.append('"')
                quotes += 1
            continue
        quotes = 0
        if char == "\\":
            out.append("\\\\")
        elif _ESCAPE_MULTILINE.match(char):
            out.append(_escape_char(char))
        else:
            out.append(char)
    return '"""\n' + "".join(out) + '"""'


def string(text: str) -> str:
    """A multi-line string when `text` has line breaks, else a one-line string."""
    return multiline_string(text) if "\n" in text else basic_string(text)


def key(name: str) -> str:
    """A key, bare when TOML allows it, quoted otherwise."""
    return name if _BARE_KEY.match(name) else basic_string(name)


def scalar(value: TomlScalar) -> str:
    """A boolean, integer, float, date or string as TOML (strings on one line)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if math.isnan(value):
            return "nan"
        if math.isinf(value):
            return "inf" if value > 0 else "-inf"
        return repr(value)
    if isinstance(value, dt.datetime):
        raise ValueError("plan files hold dates, not date-times")
    if isinstance(value, dt.date):
        return value.isoformat()
    return basic_string(value)


def array(values: Sequence[TomlScalar]) -> str:
    """An inline array on one line: `["a", "b"]`."""
    return "[" + ", ".join(scalar(value) for value in values) + "]"


def inline_table(values: Mapping[str, TomlScalar]) -> str:
    """An inline table on one line: `{ army_cap = 600000 }`."""
    if not values:
        return "{}"
    return "{ " + ", ".join(f"{key(k)} = {scalar(v)}" for k, v in values.items()) + " }"
