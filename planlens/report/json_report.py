"""The JSON report: the `Comparison` itself, serialised; the canonical, versioned format."""

from __future__ import annotations

import re

from planlens.comparison.model import Comparison
from planlens.report import RenderOptions

# Characters JSON allows raw inside strings but that act on a terminal or reorder text: DEL,
# the C1 controls, bidi embeddings/overrides/isolates and the Unicode line separators.
# Structural JSON is ASCII, so these can only occur inside strings, where `\uXXXX` is lossless.
_RAW_UNSAFE = re.compile("[\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def _json_escape(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group()):04x}"


def render_json(comparison: Comparison, options: RenderOptions) -> str:
    """`comparison` as indented JSON (field order fixed by the model), with a final newline.

    Control and bidi characters in the data are written as `\\uXXXX` escapes, so the file shows
    inertly in a terminal and loads back to the same strings; `schema_version` says which
    version of the format this is.
    """
    return _RAW_UNSAFE.sub(_json_escape, comparison.model_dump_json(indent=2)) + "\n"
