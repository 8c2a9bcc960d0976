"""The TOML writer: any plan written by `emit_plan` reads back as the same `PlanFile`."""

from __future__ import annotations

import datetime as dt
import tomllib

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planlens.authoring import tomlfmt
from planlens.authoring.emit import PROPOSED_LINKS, SCHEMA_LINE, Comments, emit_plan
from planlens.corpus.load import load_corpus
from planlens.corpus.model import (
    ADDRESS_PATTERN,
    CLAUSE_ID_PATTERN,
    CONFIDENCES,
    FIDELITIES,
    KINDS,
    PLAN_ID_PATTERN,
    STATUSES,
    TERM_NAME_PATTERN,
    PlanFile,
)
from tests.conftest import BUNDLED, MINI

# Any Unicode scalar value: controls, quotes, backslashes, bidi marks, emoji, Cyrillic.
TEXT = st.text(st.characters(codec="utf-8"), max_size=60)
NON_EMPTY = st.text(st.characters(codec="utf-8"), min_size=1, max_size=60)
NON_BLANK = NON_EMPTY.filter(lambda text: text.strip() != "")
URL = st.builds(
    lambda scheme, rest: f"{scheme}://{rest}",
    st.sampled_from(["http", "https"]),
    st.text(st.characters(categories=("L", "N", "P", "S")), min_size=1, max_size=30),
)


def slug(pattern: str) -> st.SearchStrategy[str]:
    return st.from_regex(pattern, fullmatch=True).filter(lambda text: len(text) <= 64)


TERM = st.one_of(
    st.booleans(),
    st.integers(min_value=-(2**63), max_value=2**63 - 1),
    st.floats(allow_nan=False, allow_infinity=False),  # inf and nan are validation errors
    st.dates(),
    TEXT,
)
SOURCE = st.fixed_dictionaries(
    {"publisher": NON_EMPTY, "title": NON_EMPTY, "url": URL},
    optional={"date": st.dates(), "note": TEXT},
)
CLAUSE = st.fixed_dictionaries(
    {
        "id": slug(CLAUSE_ID_PATTERN),
        "title": TEXT,
        "text": NON_BLANK,
        "topics": st.lists(TEXT, max_size=3),
        "terms": st.dictionaries(slug(TERM_NAME_PATTERN), TERM, max_size=3),
        "links": st.lists(slug(ADDRESS_PATTERN), max_size=2),
        "confidence": st.sampled_from(CONFIDENCES),
        "bracketed": st.booleans(),
    },
    optional={"note": TEXT},
)
OMISSION = st.fixed_dictionaries(
    {"ref": slug(ADDRESS_PATTERN), "note": NON_EMPTY, "confidence": st.sampled_from(CONFIDENCES)},
    optional={"source": URL},
)
PLAN = st.fixed_dictionaries(
    {
        "id": slug(PLAN_ID_PATTERN),
        "title": NON_EMPTY,
        "short": TEXT,
        "date": st.dates(),
        "origin": TEXT,
        "kind": st.sampled_from(KINDS),
        "status": st.sampled_from(STATUSES),
        "fidelity": st.sampled_from(FIDELITIES),
        "based_on": st.lists(slug(PLAN_ID_PATTERN), max_size=2),
        "complete": st.just(False),
        "summary": TEXT,
        "sources": st.lists(SOURCE, max_size=2),
    }
)
PLAN_FILES = st.builds(
    lambda plan, clauses, omissions: PlanFile.model_validate(
        {"plan": plan, "clause": clauses, "omission": omissions}
    ),
    PLAN,
    st.lists(CLAUSE, max_size=4),
    st.lists(OMISSION, max_size=2),
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(PLAN_FILES)
def test_emit_then_load_gives_the_same_plan(plan_file: PlanFile) -> None:
    text = emit_plan(plan_file)
    assert text.startswith(SCHEMA_LINE + "\n")
    assert PlanFile.model_validate(tomllib.loads(text)) == plan_file


@given(TEXT)
def test_any_string_round_trips_in_both_forms(text: str) -> None:
    for written in (tomlfmt.basic_string(text), tomlfmt.multiline_string(text)):
        assert tomllib.loads(f"value = {written}")["value"] == text


@pytest.mark.parametrize(
    "text",
    [
        'He said "stop"',
        'ends with a quote"',
        '""',
        '"""',
        'a """ b """" c',
        "back\\slash\\",
        "tab\there",
        "\x1b[31mred\x1b[0m",
        "line\r\nbreaks\rand\u2028separators",
        "Київ і Харків 🕊️",
        "\u202eevil\u202c",
        "\nleading newline",
        "[bold]markup[/]",
    ],
)
def test_awkward_strings_round_trip(text: str) -> None:
    for written in (tomlfmt.string(text), tomlfmt.basic_string(text)):
        assert tomllib.loads(f"value = {written}")["value"] == text


def test_invisible_characters_are_escaped() -> None:
    assert tomlfmt.basic_string("a\x1bb\u202ec") == '"a\\u001bb\\u202ec"'
    assert tomlfmt.multiline_string("a\nb\x00") == '"""\na\nb\\u0000"""'


def test_multiline_strings_are_used_for_paragraphs() -> None:
    assert tomlfmt.string("one\n\ntwo") == '"""\none\n\ntwo"""'
    assert tomlfmt.string("one line") == '"one line"'


def test_scalars_and_keys() -> None:
    assert tomlfmt.scalar(True) == "true"
    assert tomlfmt.scalar(600000) == "600000"
    assert tomlfmt.scalar(1e16) == "1e+16"
    assert tomlfmt.scalar(float("-inf")) == "-inf"
    assert tomlfmt.scalar(dt.date(2025, 11, 20)) == "2025-11-20"
    assert tomlfmt.key("army_cap") == "army_cap"
    assert tomlfmt.key("with space") == '"with space"'
    assert tomlfmt.inline_table({"army_cap": 600000, "ok": False}) == (
        "{ army_cap = 600000, ok = false }"
    )


def test_unwritable_values_are_refused() -> None:
    with pytest.raises(ValueError, match="surrogate"):
        tomlfmt.basic_string("\ud800")
    with pytest.raises(ValueError, match="date-times"):
        tomlfmt.scalar(dt.datetime(2025, 1, 1))


def test_comments_do_not_change_the_data() -> None:
    plan_file = load_corpus([MINI]).plan("beta")
    comments = Comments(header=["A note.", ""], clause_keys={("1", "links"): PROPOSED_LINKS})
    text = emit_plan(plan_file, comments)
    assert "# A note.\n#\n[plan]" in text
    assert f'links = ["alpha:1"]  # {PROPOSED_LINKS}' in text
    assert PlanFile.model_validate(tomllib.loads(text)) == plan_file


def test_every_bundled_plan_round_trips() -> None:
    corpus = load_corpus([BUNDLED])
    assert len(corpus.plans) > 5
    for plan_file in corpus.plans:
        assert PlanFile.model_validate(tomllib.loads(emit_plan(plan_file))) == plan_file
