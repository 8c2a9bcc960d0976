"""JSON Schemas of the files planlens reads and writes, generated from the pydantic models.

`plans/plan.schema.json` is the output of `schema_json("plan")`; a test keeps it current, and
plan files may start with `#:schema ./plan.schema.json` so editors validate them as they type.
"""

from __future__ import annotations

import ast
import inspect
import json
import typing
from collections.abc import Callable, Iterator
from itertools import pairwise
from typing import Any

from pydantic import BaseModel
from pydantic.json_schema import GenerateJsonSchema, JsonSchemaMode

from planlens.comparison.model import Comparison
from planlens.corpus.model import PlanFile, TopicsFile

JSON_SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"


def _model_schema(
    model: type[BaseModel], title: str, mode: JsonSchemaMode = "validation"
) -> Callable[[], dict[str, Any]]:
    def build() -> dict[str, Any]:
        schema = model.model_json_schema(mode=mode)
        described = GenerateJsonSchema().sort(_with_field_docstrings(model, schema))
        return {"$schema": JSON_SCHEMA_DIALECT, **described, "title": title}

    return build


def _with_field_docstrings(model: type[BaseModel], schema: dict[str, Any]) -> dict[str, Any]:
    """`schema` with the docstring under each field of each model as the field's description.

    The models do not collect these docstrings themselves (pydantic's `use_attribute_docstrings`
    parses each class's source when the class is created: 13 ms of every command's start for
    text only a schema shows), so they are read here, where a schema is made.
    """
    definitions = schema.get("$defs", {})
    for cls in _models(model):
        target = schema if cls is model else definitions.get(cls.__name__)
        properties = target.get("properties", {}) if target else {}
        for name, doc in field_docstrings(cls).items():
            if name in properties and "description" not in properties[name]:
                properties[name]["description"] = doc
    return schema


def _models(model: type[BaseModel], seen: set[type[BaseModel]] | None = None) -> Iterator[type]:
    """`model` and every model its fields hold, each once."""
    seen = set() if seen is None else seen
    if model in seen:
        return
    seen.add(model)
    yield model
    for field in model.model_fields.values():
        for held in _types_in(field.annotation):
            if isinstance(held, type) and issubclass(held, BaseModel):
                yield from _models(held, seen)


def _types_in(annotation: Any) -> Iterator[Any]:
    """`annotation` and every type argument inside it (`list[X] | None` gives X)."""
    yield annotation
    for argument in typing.get_args(annotation):
        yield from _types_in(argument)


def field_docstrings(cls: type) -> dict[str, str]:
    """The docstring under each annotated attribute of `cls` and its bases (the nearest wins)."""
    docs: dict[str, str] = {}
    for klass in reversed(cls.__mro__):
        if klass.__module__.startswith("planlens."):
            docs.update(_own_field_docstrings(klass))
    return docs


def _own_field_docstrings(cls: type) -> dict[str, str]:
    try:
        source = inspect.getsource(cls)
    except (OSError, TypeError):  # no source shipped (a frozen build): no descriptions
        return {}
    tree = ast.parse(inspect.cleandoc("\n" + source))
    body = tree.body[0].body if tree.body and isinstance(tree.body[0], ast.ClassDef) else []
    docs: dict[str, str] = {}
    for field, after in pairwise(body):
        if (
            isinstance(field, ast.AnnAssign)
            and isinstance(field.target, ast.Name)
            and isinstance(after, ast.Expr)
            and isinstance(after.value, ast.Constant)
            and isinstance(after.value.value, str)
        ):
            docs[field.target.id] = inspect.cleandoc(after.value.value)
    return docs


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
