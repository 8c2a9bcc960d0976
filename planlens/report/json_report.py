"""The JSON report: the `Comparison` itself, serialised; the canonical, versioned format."""

from __future__ import annotations

from planlens.comparison.model import Comparison
from planlens.report import RenderOptions
from planlens.safe import json_text


def render_json(comparison: Comparison, options: RenderOptions) -> str:
    """`comparison` as indented JSON (field order fixed by the model), with a final newline.

    Control and bidi characters in the data are written as `\\uXXXX` escapes, so the file shows
    inertly in a terminal and loads back to the same strings; `schema_version` says which
    version of the format this is.
    """
    return json_text(comparison.model_dump_json(indent=2)) + "\n"
