"""Word diff spans: they rebuild both texts, stay word-aligned, and never hang."""

from __future__ import annotations

import itertools
import time

from hypothesis import given, settings
from hypothesis import strategies as st

from planlens.align.tokens import tokens
from planlens.comparison.diff import change_ratio, new_text, old_text, word_diff
from planlens.comparison.model import SpanInfo, SpanOp, new_span

texts = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=300)
wordy = st.lists(
    st.sampled_from(["army", "cap", "600,000", "800,000", "peace", "Київ", "🕊️", "the", ",", " "]),
    max_size=60,
).map("".join)


@given(texts)
def test_tokens_rebuild_the_text(text: str) -> None:
    assert "".join(tokens(text)) == text


@given(st.one_of(texts, wordy), st.one_of(texts, wordy))
@settings(max_examples=300)
def test_spans_rebuild_both_texts(old: str, new: str) -> None:
    spans = word_diff(old, new)
    assert old_text(spans) == old
    assert new_text(spans) == new
    assert all(span.text for span in spans)
    assert all(a.op != b.op for a, b in itertools.pairwise(spans))


def test_changed_figure_is_one_word_swap() -> None:
    spans = word_diff(
        "The army is capped at 600,000 personnel.", "The army is capped at 800,000 personnel."
    )
    assert spans == [
        SpanInfo(op="equal", text="The army is capped at "),
        SpanInfo(op="delete", text="600,000"),
        SpanInfo(op="insert", text="800,000"),
        SpanInfo(op="equal", text=" personnel."),
    ]


def test_equal_and_empty_texts() -> None:
    assert word_diff("same", "same") == [SpanInfo(op="equal", text="same")]
    assert word_diff("", "") == []
    assert word_diff("", "new") == [SpanInfo(op="insert", text="new")]


def test_change_ratio() -> None:
    assert change_ratio(word_diff("a b c d", "a b c d")) == 0.0
    assert change_ratio(word_diff("one two", "three four")) == 1.0
    assert 0.0 < change_ratio(word_diff("a b c d", "a b x d")) < 0.5


def test_pathological_input_finishes_quickly() -> None:
    old = " ".join(f"w{i % 977}" for i in range(40_000))
    new = " ".join(f"w{(i * 7) % 983}" for i in range(40_000))
    start = time.perf_counter()
    spans = word_diff(old, new)
    # The diff timeout bounds the work; the generous bound only guards against a hang.
    assert time.perf_counter() - start < 20
    assert old_text(spans) == old and new_text(spans) == new


@given(st.sampled_from(["equal", "delete", "insert"]), st.text())
def test_a_span_made_fast_is_the_span_model_construct_makes(op: SpanOp, text: str) -> None:
    fast, slow = new_span(op, text), SpanInfo.model_construct(op=op, text=text)
    assert fast == slow and hash(fast) == hash(slow)
    assert repr(fast) == repr(slow) and fast.model_dump() == slow.model_dump()
    assert fast.model_fields_set == slow.model_fields_set
    assert fast.model_dump_json() == slow.model_dump_json()
