"""Make text from data files safe to show: control characters become visible, never active.

Clause texts may contain terminal escape sequences, carriage returns, bidirectional overrides
or other invisible controls. Every renderer passes data through `visible()` so such characters
show as `\\x1b`-style escapes instead of moving the cursor, changing colours or reordering text.
"""

from __future__ import annotations

import re

# C0 controls except tab and newline, DEL, C1 controls, and the bidi embedding/override/isolate
# characters that can make text read differently from how it is stored.
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_SAFE_URL = re.compile(r"^https?://[^\s\"'<>\\\x00-\x1f\x7f]+$", re.IGNORECASE)


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def visible(text: str) -> str:
    """`text` with every control character shown as an escape (tab and newline kept)."""
    return _UNSAFE.sub(_escape, text)


def one_line(text: str) -> str:
    """`visible(text)` folded onto one line (newlines and tabs become spaces)."""
    return " ".join(visible(text).split())


def is_safe_url(url: str) -> bool:
    """True for a plain http(s) address that can become a live link."""
    return bool(_SAFE_URL.match(url))
