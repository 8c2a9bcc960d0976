"""The JSON report: the Comparison itself, valid against `planlens schema report`."""

from __future__ import annotations

import itertools
import json
from typing import Any

import jsonschema
import pytest

from planlens.comparison.build import compare
from planlens.comparison.model import SCHEMA_VERSION, Comparison
from planlens.corpus.load import Corpus, load_corpus
from planlens.report import render
from planlens.report.schemas import SCHEMAS
from tests.conftest import BUNDLED, MINI


@pytest.fixture(scope="module")
def validator() -> jsonschema.Draft202012Validator:
    schema = SCHEMAS["report"]()
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())


@pytest.fixture(scope="module")
def bundled() -> Corpus:
    return load_corpus([BUNDLED])


def _report(comparison: Comparison) -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(render(comparison, "json"))
    return loaded


def test_every_pair_of_the_bundled_corpus_is_valid(
    bundled: Corpus, validator: jsonschema.Draft202012Validator
) -> None:
    for a, b in itertools.combinations(bundled.ids, 2):
        validator.validate(_report(compare(bundled, [a, b])))


def test_n_version_and_filtered_reports_are_valid(
    bundled: Corpus, validator: jsonschema.Draft202012Validator
) -> None:
    ids = ["us-28", "e3-28", "eu-24", "geneva-19", "ua-20"]
    validator.validate(_report(compare(bundled, ids)))
    validator.validate(_report(compare(bundled, ids, topic="territory", changed_only=True)))
    validator.validate(_report(compare(bundled, ids[:2], ignore_links=True)))


def test_json_is_the_comparison_and_round_trips() -> None:
    comparison = compare(load_corpus([MINI]), ["alpha", "beta", "gamma"])
    text = render(comparison, "json")
    assert text.endswith("}\n")
    data = json.loads(text)
    assert data["schema_version"] == SCHEMA_VERSION
    assert Comparison.model_validate_json(text) == comparison


def test_invalid_reports_are_rejected(validator: jsonschema.Draft202012Validator) -> None:
    data = _report(compare(load_corpus([MINI]), ["alpha", "beta"]))
    data["rows"][0]["pairs"][0]["change"] = "vanished"
    with pytest.raises(jsonschema.ValidationError):
        validator.validate(data)
