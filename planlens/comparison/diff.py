"""Word-level diff spans between two texts, via diff-match-patch (its C++ build).

Each word (and each run of spaces or punctuation mark) is mapped to one character, the
character strings are diffed, semantically cleaned up, and mapped back. The result is a
UI-neutral list of the Comparison's own `SpanInfo`s: joining the `equal` and `delete` spans
gives the old text back, `equal` and `insert` the new one. A fixed timeout means no input can
hang the diff.
"""

from __future__ import annotations

from fast_diff_match_patch import diff

from planlens.align.tokens import tokens, word_count
from planlens.comparison.model import SpanInfo, SpanOp, new_span

DIFF_TIMEOUT_SECONDS = 0.5
"""diff-match-patch gives up refining after this long and returns a coarser, still valid diff."""

_OPS: dict[str, SpanOp] = {"=": "equal", "-": "delete", "+": "insert"}
_FIRST_CODE = 0x100
_SURROGATES = range(0xD800, 0xE000)


def _encode(words: list[str], table: dict[str, str], alphabet: list[str]) -> str:
    """`words` as one character each: a word seen before keeps its character, a new one takes
    the next free one (in order of first use)."""
    for word in dict.fromkeys(words):
        if word not in table:
            number = _FIRST_CODE + len(alphabet)
            if number >= _SURROGATES.start:
                number += len(_SURROGATES)
            table[word] = chr(number)
            alphabet.append(word)
    return "".join(map(table.__getitem__, words))


def word_diff(old: str, new: str) -> list[SpanInfo]:
    """The word-level difference between `old` and `new`, adjacent spans of one op merged."""
    if old == new:
        return [new_span("equal", old)] if old else []
    table: dict[str, str] = {}
    alphabet: list[str] = []
    encoded_old = _encode(tokens(old), table, alphabet)
    encoded_new = _encode(tokens(new), table, alphabet)
    diffs = diff(
        encoded_old,
        encoded_new,
        timelimit=DIFF_TIMEOUT_SECONDS,
        checklines=False,
        cleanup="Semantic",
        counts_only=False,
    )
    decode = {code: word for word, code in table.items()}.__getitem__
    merged: list[tuple[SpanOp, str]] = []
    for op, chars in diffs:
        text = "".join(map(decode, chars))
        if not text:
            continue
        kind = _OPS[op]
        if merged and merged[-1][0] == kind:
            merged[-1] = (kind, merged[-1][1] + text)
        else:
            merged.append((kind, text))
    return [new_span(kind, text) for kind, text in merged]


def old_text(spans: list[SpanInfo]) -> str:
    """The old text rebuilt from spans."""
    return "".join(s.text for s in spans if s.op != "insert")


def new_text(spans: list[SpanInfo]) -> str:
    """The new text rebuilt from spans."""
    return "".join(s.text for s in spans if s.op != "delete")


def change_ratio(spans: list[SpanInfo]) -> float:
    """Share of words touched by the change: 0 for equal texts, 1 for nothing in common."""
    if all(span.op == "equal" for span in spans):
        return 0.0
    changed = total = 0
    for span in spans:
        count = word_count(span.text)
        total += count
        if span.op != "equal":
            changed += count
    return changed / total if total else 0.0
