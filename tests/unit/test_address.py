"""Clause addresses: built, split and ordered in one place."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from planlens.corpus.address import (
    Address,
    addresses,
    format_address,
    natural_key,
    parse_address,
    plan_of,
    row_addresses,
    split_address,
)

plan_ids = st.from_regex(r"[a-z][a-z0-9-]{0,12}", fullmatch=True)
clause_ids = st.from_regex(r"[0-9a-z][0-9a-z.:-]{0,10}", fullmatch=True)


@given(plan_ids, clause_ids)
def test_format_and_parse_round_trip(plan_id: str, clause_id: str) -> None:
    text = format_address(plan_id, clause_id)
    assert parse_address(text) == Address(plan_id, clause_id)
    assert str(parse_address(text)) == text
    assert plan_of(text) == plan_id


@pytest.mark.parametrize("text", ["us-28", ":6", "us-28:", ""])
def test_what_is_not_an_address(text: str) -> None:
    with pytest.raises(ValueError, match="not a clause address"):
        parse_address(text)


def test_addresses_sort_as_people_read_them() -> None:
    texts = ["us-28:10.b", "us-28:2", "us-28:10", "e3-28:1", "us-28:10.a", "us-28:p1"]
    ordered = sorted(texts, key=lambda t: parse_address(t).sort_key)
    assert ordered == ["e3-28:1", "us-28:p1", "us-28:2", "us-28:10", "us-28:10.a", "us-28:10.b"]


def test_addresses_of_a_row() -> None:
    assert addresses("a", ["1", "2.b"]) == ["a:1", "a:2.b"]
    assert row_addresses({"a": ["1"], "b": [], "c": ["3", "4"]}) == ["a:1", "c:3", "c:4"]


def test_clause_ids_sort_by_their_numbers_wherever_they_stand() -> None:
    ids = ["p10", "p2", "10.b", "2", "10.a", "10"]
    assert sorted(ids, key=natural_key) == ["p2", "p10", "2", "10", "10.a", "10.b"]


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        ("us-28:6", ("us-28", "6")),
        ("us-28", ("us-28", "")),
        (":6", ("", "6")),
        ("a:b:c", ("a", "b:c")),
    ],
)
def test_split_address_never_refuses(text: str, parts: tuple[str, str]) -> None:
    assert split_address(text) == Address(*parts)
