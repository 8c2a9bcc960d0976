"""Words of a clause: tokenising, normalising and light stemming shared by alignment and diff."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from itertools import pairwise

# Words (letters/digits with inner apostrophes, hyphens, and thousands separators), runs of
# whitespace, and single other characters: joining the tokens gives the text back exactly.
_WORDLIKE = r"\d[\d,.]*\d|\w+(?:['’\-]\w+)*"
TOKEN = re.compile(rf"{_WORDLIKE}|\s+|[^\w\s]", re.UNICODE)
_WORD_TOKEN = re.compile(_WORDLIKE, re.UNICODE)
WORD = re.compile(r"\w", re.UNICODE)

STOPWORDS = frozenset(
    """
    a about above after again all also am an and any are as at be because been before being
    both but by can could did do does doing down during each few for from further had has have
    having he her here hers him his how i if in into is it its itself just me more most my no
    nor not now of off on once only or other our ours out over own same she should so some such
    than that the their theirs them then there these they this those through to too under until
    up very was we were what when where which while who whom why will with would you your
    shall may must upon within without between against among per via
    """.split()
)


def tokens(text: str) -> list[str]:
    """Every token of `text`, whitespace and punctuation included; `"".join` rebuilds it."""
    return TOKEN.findall(text)


def word_count(text: str) -> int:
    """How many of `tokens(text)` are words or numbers (begin with a letter or a digit).

    The same tokens, found without the runs of spaces and punctuation between them: a word
    token begins at a word character, which no other token holds.
    """
    words = _WORD_TOKEN.findall(text)
    return len(words) if "_" not in text else sum(1 for word in words if word[0].isalnum())


@lru_cache(maxsize=65536)
def normalise(text: str) -> str:
    """Text folded for exact comparison: case, quotes, dashes and whitespace ignored."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    folded = folded.translate(_FOLD)
    return " ".join(re.findall(r"\w+", folded))


_FOLD = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-", "\u00a0": " "})


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A light English stem: enough to meet "guarantees"/"guaranteed", not a full Porter."""
    for suffix, keep in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= keep:
            return word[: len(word) - len(suffix)]
    return word


_SUFFIXES = (
    ("ations", 3),
    ("ation", 3),
    ("ments", 3),
    ("ment", 3),
    ("ness", 3),
    ("ities", 3),
    ("ity", 3),
    ("ings", 3),
    ("ing", 3),
    ("ies", 3),
    ("ied", 3),
    ("ed", 3),
    ("es", 3),
    ("ly", 3),
    ("s", 3),
)


@lru_cache(maxsize=65536)
def content_words(text: str) -> tuple[str, ...]:
    """Lower-cased, stemmed words without stopwords; numbers keep their digits only.

    Cached: derived versions repeat most of their base's texts.
    """
    out: list[str] = []
    for word in re.findall(r"\w+(?:[,.]\d+)*", unicodedata.normalize("NFKC", text).casefold()):
        if word[0].isdigit():
            out.append(re.sub(r"[,.]", "", word))
        elif word not in STOPWORDS and len(word) > 1:
            out.append(stem(word))
    return tuple(out)


def word_pairs(words: tuple[str, ...]) -> list[str]:
    """Adjacent pairs of `words` (content words): evidence of word order a shared vocabulary
    alone does not give."""
    return [f"{first} {second}" for first, second in pairwise(words)]


_NAMED = re.compile(r"(?<![\w.])(\d[\d,.]*\d|\d)(?![\w])|\b([A-Z][\w'’-]*)")
_SENTENCE_START = re.compile(r"(?:^|[.!?;:]\s+|\n\s*)$")


_PREVIOUS_WORD = re.compile(r"(\w+)[^\w]*$")


@lru_cache(maxsize=65536)
def named_tokens(text: str) -> tuple[str, ...]:
    """Figures and capitalised names in `text` (not a sentence's first word), folded.

    "withdraw from Kherson within 30 days" gives ("kherson", "30"): what tells apart two
    clauses made from one sentence with other figures and places.
    """
    return tuple(name for _, name in named_slots(text))


@lru_cache(maxsize=65536)
def named_slots(text: str) -> tuple[tuple[str, str], ...]:
    """The figures and names of `named_tokens`, each with the word before it (its slot; empty
    when that word is an article, a conjunction or a name).

    "withdraw from Kherson within 30 days" gives (("from", "kherson"), ("within", "30")):
    two sentences that put another place in the same slot speak of another place, even when
    the place appears elsewhere in both ("prisoners held in Sevastopol ... observers from
    Kinburn" against "held in Berdiansk ... from Sevastopol").
    """
    out: list[tuple[str, str]] = []
    for match in _NAMED.finditer(text):
        number, name = match.groups()
        before = text[max(0, match.start() - 40) : match.start()]
        if number:
            token = re.sub(r"[,.]", "", number)
        elif name and not _SENTENCE_START.search(before[-3:]):
            token = unicodedata.normalize("NFKC", name).casefold()
        else:
            continue
        previous = _PREVIOUS_WORD.search(before)
        slot = previous.group(1) if previous else ""
        # "the", "and" or another name ("United States") give a name no role of its own.
        out.append(
            ("" if slot[:1].isupper() or slot.casefold() in _NO_SLOT else slot.casefold(), token)
        )
    return tuple(out)


_NO_SLOT = frozenset("a an the and or nor but its their his her this that these those".split())
"""Words before a figure or a name that say nothing of the role it plays in the sentence."""
