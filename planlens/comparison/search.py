"""Corpus-wide search: every clause title, text, note and term, and every omission note.

Matching is case- and accent-insensitive: both the query and the text are folded character by
character (Unicode NFKD, combining marks dropped, casefold, and Ukrainian/Russian Cyrillic
transliterated to Latin as Ukraine's national standard does; a run of whitespace, a line break
too, as one space), so `zaporizhzhia` finds
"Zaporizhzhia", "ZAPORIZHZHIA" and "Запоріжжя". Each fold keeps the index of the character it
came from, so a hit's snippet is cut from the original text with the match located exactly.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Literal

from planlens.comparison.figures import show_term
from planlens.corpus.load import Corpus
from planlens.corpus.model import Clause, PlanFile
from planlens.corpus.names import UnknownTopicError

Field = Literal["title", "text", "note", "terms", "omission"]
FIELDS: tuple[Field, ...] = ("title", "text", "note", "terms", "omission")
"""The fields searched, in the order a clause's hits are listed."""

SNIPPET_CONTEXT = 40
"""Characters of context kept on each side of a match in a snippet."""

_CYRILLIC = {
    "а": "a", "б": "b", "в": "v", "г": "h", "ґ": "g", "д": "d", "е": "e", "є": "ie",
    "ж": "zh", "з": "z", "и": "y", "і": "i", "ї": "i", "й": "i", "к": "k", "л": "l",
    "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u",
    "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ь": "", "ю": "iu",
    "я": "ia", "ы": "y", "э": "e", "ё": "e", "ъ": "", "'": "'",
}  # fmt: skip
"""Cyrillic letters in Latin (Ukraine's 2010 standard; Russian letters it lacks added)."""


_SPACES = re.compile(r"\s+")
"""A run of whitespace: the pattern matches exactly the characters `str.isspace()` calls space."""


@functools.lru_cache(maxsize=8192)
def _fold_char(char: str) -> str:
    """One character folded (a text has few distinct characters: each is folded once)."""
    lower = char.casefold()
    if lower in _CYRILLIC:
        return _CYRILLIC[lower]
    decomposed = unicodedata.normalize("NFKD", lower)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def fold(text: str) -> str:
    """`text` folded for matching: no case, no accents, Cyrillic in Latin letters, and each
    run of whitespace (a line break too) as one space."""
    if text.isascii():  # the common case, without a step per character: the same result
        return _SPACES.sub(" ", text.lower())
    return fold_with_positions(text)[0]


def fold_with_positions(text: str) -> tuple[str, list[int]]:
    """`fold(text)` and, for each folded character, the index of the original it came from."""
    folded: list[str] = []
    origin: list[int] = []
    space = False
    for index, char in enumerate(text):
        if char.isspace():
            if not space:  # a phrase matches across a line break or a double space
                folded.append(" ")
                origin.append(index)
            space = True
            continue
        space = False
        part = _fold_char(char)
        folded.append(part)
        origin.extend([index] * len(part))
    return "".join(folded), origin


@dataclass(frozen=True)
class Snippet:
    """Part of a field's text around a match: `before` + `match` + `after`, as written."""

    before: str
    """Text before the match (with "…" when cut)."""
    match: str
    """The matched text, as written in the file."""
    after: str
    """Text after the match (with "…" when cut)."""

    @property
    def text(self) -> str:
        """The snippet as one string."""
        return self.before + self.match + self.after


def find_in(text: str, query: str, context: int = SNIPPET_CONTEXT) -> Snippet | None:
    """The first match of `query` in `text` (both folded), as a snippet; None if none."""
    needle = fold(query.strip())
    if not needle:
        return None
    folded, origin = fold_with_positions(text)
    start = folded.find(needle)
    if start < 0:
        return None
    return _snippet(text, origin, start, len(needle), context)


def _snippet(
    text: str, origin: list[int], start: int, length: int, context: int = SNIPPET_CONTEXT
) -> Snippet:
    """The snippet of `text` around the folded match at `start` (`length` folded characters)."""
    first, last = origin[start], origin[start + length - 1] + 1
    left, right = _word_bounds(text, max(0, first - context), min(len(text), last + context))
    left, right = min(left, first), max(right, last)
    before = ("…" if left > 0 else "") + text[left:first]
    after = text[last:right] + ("…" if right < len(text) else "")
    return Snippet(_flat(before), _flat(text[first:last]), _flat(after))


def _word_bounds(text: str, left: int, right: int) -> tuple[int, int]:
    """`left` and `right` moved inwards to whitespace, so that a snippet never starts or ends
    inside a word ("…ork contains" read as a word of its own)."""
    if 0 < left < len(text) and not text[left - 1].isspace():
        space = next((i for i in range(left, right) if text[i].isspace()), None)
        left = space + 1 if space is not None else left
    if 0 < right < len(text) and not text[right].isspace():
        space = next((i for i in range(right - 1, left - 1, -1) if text[i].isspace()), None)
        right = space if space is not None else right
    return left, right


def _flat(text: str) -> str:
    """Runs of whitespace (newlines included) as one space, so a snippet is one line."""
    return re.sub(r"\s+", " ", text)


@dataclass(frozen=True)
class SearchHit:
    """One field of one clause (or omission) that matches the query."""

    plan: str
    """The version the clause or omission belongs to."""
    date: str
    """The version's date, ISO."""
    clause: str
    """The clause's address; for an omission, the address of the provision dropped."""
    field: Field
    """Where the match is: title, text, note, terms or omission (an omission's note)."""
    snippet: Snippet
    """The match in its context."""
    title: str
    """What the clause is called (`Clause.name`: its title, else its first words); for an
    omission, what the dropped provision is called, if known."""

    def to_json(self) -> dict[str, object]:
        """The hit as JSON: the snippet as text, with the match's offsets in it."""
        start = len(self.snippet.before)
        return {
            "plan": self.plan,
            "date": self.date,
            "clause": self.clause,
            "field": self.field,
            "title": self.title,
            "snippet": self.snippet.text,
            "match": [start, start + len(self.snippet.match)],
        }


def _clause_fields(clause: Clause) -> Iterator[tuple[Field, str]]:
    yield "title", clause.title
    yield "text", clause.text
    if clause.note:
        yield "note", clause.note
    if clause.terms:
        yield "terms", "; ".join(f"{k} = {show_term(v, k)}" for k, v in clause.terms.items())


@dataclass(frozen=True)
class _Entry:
    """One searchable field, folded once (where each folded character came from is worked out
    again for the few fields that match)."""

    plan: str
    date: str
    address: str
    field: Field
    text: str
    title: str
    topics: tuple[str, ...]
    folded: str


class SearchIndex:
    """Every searchable field of a corpus, folded once, so each query is one scan.

    Built in time linear in the corpus's text; a query costs one substring scan per field.
    """

    def __init__(self, corpus: Corpus) -> None:
        self.entries: list[_Entry] = []
        """The fields, in date order, then document order."""
        clauses = {p.address(c): c for p in corpus.plans for c in p.clauses}
        for plan in corpus.plans:
            self._add_plan(plan, clauses)

    def _add(
        self, plan: PlanFile, address: str, field: Field, text: str, clause: Clause | None
    ) -> None:
        self.entries.append(
            _Entry(
                plan.id,
                plan.plan.date.isoformat(),
                address,
                field,
                text,
                clause.name if clause is not None else "",
                tuple(clause.topics) if clause is not None else (),
                fold(text),
            )
        )

    def _add_plan(self, plan: PlanFile, clauses: dict[str, Clause]) -> None:
        for clause in plan.clauses:
            for field, text in _clause_fields(clause):
                self._add(plan, plan.address(clause), field, text, clause)
        for omission in plan.omission:
            self._add(plan, omission.ref, "omission", omission.note, clauses.get(omission.ref))

    def search(
        self, query: str, *, plans: Sequence[str] | None = None, topic: str | None = None
    ) -> list[SearchHit]:
        """Every field that matches `query`; `plans` and `topic` as in `search()`."""
        needle = fold(query.strip())
        if not needle:
            return []
        hits: list[SearchHit] = []
        for entry in self.entries:
            if plans is not None and entry.plan not in plans:
                continue
            if topic is not None and topic not in entry.topics:
                continue
            start = entry.folded.find(needle)
            if start >= 0:
                origin = fold_with_positions(entry.text)[1]
                snippet = _snippet(entry.text, origin, start, len(needle))
                hits.append(
                    SearchHit(entry.plan, entry.date, entry.address, entry.field, snippet,
                              entry.title)
                )  # fmt: skip
        return hits


def search(
    corpus: Corpus,
    query: str,
    *,
    plans: Sequence[str] | None = None,
    topic: str | None = None,
) -> list[SearchHit]:
    """Every field of the corpus that matches `query`, in date order, then document order.

    `plans` keeps only those versions (named by id or label, `corpus.resolve`); `topic` only
    clauses about it (and omissions of a provision about it). An unknown version or topic is
    an error that names the closest ones.
    """
    ids = [corpus.resolve(name) for name in plans] if plans is not None else None
    if topic is not None and topic not in corpus.topics:
        raise UnknownTopicError(topic, {t: corpus.topics[t].label for t in corpus.topics})
    return SearchIndex(corpus).search(query, plans=ids, topic=topic)


def ranked(hits: Sequence[SearchHit], first: Sequence[str]) -> list[SearchHit]:
    """`hits` with those in the versions `first` ahead (in that order), the rest after."""
    order = {plan_id: n for n, plan_id in enumerate(first)}
    return sorted(hits, key=lambda hit: order.get(hit.plan, len(order)))


__all__ = ["FIELDS", "SearchHit", "SearchIndex", "Snippet", "find_in", "fold", "ranked", "search"]
