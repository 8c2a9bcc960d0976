"""JSON Schemas of the files planlens reads and writes, generated from the pydantic models.

`plans/plan.schema.json` is the output of `schema_json("plan")`; a test keeps it current, and
plan files may start with `#:schema ./plan.schema.json` so editors validate them as they type.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from pydantic import BaseModel
from pydantic.json_schema import JsonSchemaMode

from planlens.comparison.model import Comparison
from planlens.corpus.model import PlanFile, TopicsFile

JSON_SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"


def _model_schema(
    model: type[BaseModel], title: str, mode: JsonSchemaMode = "validation"
) -> Callable[[], dict[str, Any]]:
    def build() -> dict[str, Any]:
        schema = model.model_json_schema(mode=mode)
        return {"$schema": JSON_SCHEMA_DIALECT, **schema, "title": title}

    return build


SCHEMAS: dict[str, Callable[[], dict[str, Any]]] = {
    "plan": _model_schema(PlanFile, "planlens plan file"),
    "topics": _model_schema(TopicsFile, "planlens topics file"),
    "report": _model_schema(Comparison, "planlens report (JSON)", "serialization"),
}
"""Schema name → builder. Other modules add theirs (the report schema) with `register_schema`."""


def register_schema(name: str, build: Callable[[], dict[str, Any]]) -> None:
    """Make a schema available to `planlens schema NAME`."""
    SCHEMAS[name] = build


def schema_json(name: str) -> str:
    """The named schema as indented JSON text, with a trailing newline."""
    return json.dumps(SCHEMAS[name](), indent=2, ensure_ascii=False) + "\n"
