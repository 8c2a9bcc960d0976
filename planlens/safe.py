"""Make text from data files safe to show: control characters become visible, never active.

Clause texts may contain terminal escape sequences, carriage returns, bidirectional overrides
or other invisible controls. Every renderer passes data through `visible()` so such characters
show as `\\x1b`-style escapes instead of moving the cursor, changing colours or reordering text.
"""

from __future__ import annotations

import re

# Characters that act on a terminal, reorder text, or cannot be seen, so that two texts that look
# the same can differ (`army` and `ar\u200bmy`): DEL and the C1 controls, the soft hyphen, the
# Arabic letter mark, the Mongolian vowel separator, the zero-width spaces, joiners and marks,
# the line and paragraph separators, the bidi embeddings/overrides/isolates, the invisible
# operators and the zero-width no-break space (BOM).
_INVISIBLE = (
    "\x7f-\x9f\xad\u061c\u180e\u200b-\u200f\u2028\u2029\u202a-\u202e"
    "\u2060-\u2064\u2066-\u2069\ufeff"
)
# ... and the C0 controls except tab and newline.
_UNSAFE = re.compile(f"[\x00-\x08\x0b-\x1f{_INVISIBLE}]")
# In JSON text the C0 controls are already escaped by the encoder; the rest may be raw.
_JSON_UNSAFE = re.compile(f"[{_INVISIBLE}]")
_SAFE_URL = re.compile(r"^https?://[^\s\"'<>\\\x00-\x1f\x7f]+$", re.IGNORECASE)


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def visible(text: str) -> str:
    """`text` with every control or invisible character shown as an escape (tab and newline
    kept): `\\x1b`, `\\u202e`, `\\u200b`."""
    return _UNSAFE.sub(_escape, text)


def json_text(document: str) -> str:
    """A JSON document with every invisible or terminal-acting character written as `\\uXXXX`.

    JSON allows these raw inside strings; escaped, the document shows inertly in a terminal and
    loads back to the same strings. Structural JSON is ASCII, so only strings are touched.
    """
    return _JSON_UNSAFE.sub(_json_escape, document)


def json_document(data: object) -> str:
    """`data` (JSON types; floats as the aligner rounds them) as indented JSON text, made safe
    by `json_text`.

    The same text as `json.dumps(data, indent=2, ensure_ascii=False)` (a property test holds
    them equal), written by pydantic-core's encoder: `json` indents only in pure Python, which
    took 84 ms of `planlens align --format json` on ten versions of 1,000 clauses, against 27.
    """
    from pydantic_core import to_json  # loaded with pydantic already; not needed for --help

    return json_text(to_json(data, indent=2).decode())


def _json_escape(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group()):04x}"


def one_line(text: str) -> str:
    """`visible(text)` folded onto one line (newlines and tabs become spaces)."""
    return " ".join(visible(text).split())


def is_safe_url(url: str) -> bool:
    """True for a plain http(s) address that can become a live link (nothing invisible in it)."""
    return bool(_SAFE_URL.match(url)) and not _UNSAFE.search(url)
