"""The editorial rules the bundled plan files keep (plans/README.md, "How to read these files").

test_corpus.py guards ids, dates, key figures and the terms vocabulary; this module guards the
writing rules: enough sources, honest confidence, no long quotations, and derived versions that
copy their base exactly or not at all. Each rule is a pure function over the loaded corpus, so a
test can show it failing on a deliberately broken clause as well as passing on the real files.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest

from planlens.corpus.load import Corpus, load_corpus
from planlens.corpus.model import Clause, PlanFile
from tests.conftest import BUNDLED

MAX_QUOTED_WORDS = 10
"""A quoted phrase is allowed only where its wording is itself the fact; longer is a copy."""

# Straight double quotes pair up in order; curly ones open and close explicitly. Single quotes
# are left out: the same character serves as an apostrophe.
_QUOTED = re.compile(r'"([^"]*)"|\u201c([^\u201d]*)\u201d|\u00ab([^\u00bb]*)\u00bb')
_WORD = re.compile(r"[^\W_]+(?:[-'\u2019][^\W_]+)*")


@pytest.fixture(scope="module")
def corpus() -> Corpus:
    return load_corpus([BUNDLED])


def _plan_ids() -> list[str]:
    return sorted(p.stem for p in BUNDLED.glob("*.toml") if p.stem != "topics")


# --- The rules, as functions returning what breaks them.


def source_problems(plan: PlanFile) -> list[str]:
    """Fewer than two distinct http(s) sources, or an omission whose source is not http(s)."""
    urls = {s.url for s in plan.plan.sources if s.url.startswith(("http://", "https://"))}
    found = []
    if len(urls) < 2:
        found.append(f"{plan.id}: {len(urls)} distinct http(s) source(s), need 2")
    if len(urls) != len(plan.plan.sources):
        found.append(f"{plan.id}: a source is listed twice or is not http(s)")
    for omission in plan.omission:
        if omission.source is not None and not omission.source.startswith(("http://", "https://")):
            found.append(f"{plan.id}: omission of {omission.ref} has a non-http source")
    return found


def confidence_problems(plan: PlanFile) -> list[str]:
    """Clauses without topics or a valid confidence; 'confirmed' where no wording is known.

    *confirmed* means the point's wording was seen in two or more copies. A version known only
    from reports (status "reported") has no wording to see. A summary of a text that was seen
    (fidelity "summary", as for eu-core, whose key phrases several outlets quote) may still
    confirm a point.
    """
    wording_unknown = plan.plan.status == "reported"
    found = []
    for clause in plan.clauses:
        address = plan.address(clause)
        if not clause.topics or len(set(clause.topics)) != len(clause.topics):
            found.append(f"{address}: needs at least one topic, each once")
        if clause.confidence not in ("confirmed", "reported", "uncertain"):
            found.append(f"{address}: unknown confidence {clause.confidence!r}")
        if wording_unknown and clause.confidence == "confirmed":
            found.append(f"{address}: confirmed, but the version's wording is not known")
    return found


def _quoted_segments(text: str) -> Iterator[str]:
    for match in _QUOTED.finditer(text):
        yield next(group for group in match.groups() if group is not None)


def long_quotations(plan: PlanFile) -> list[str]:
    """Quoted runs of more than MAX_QUOTED_WORDS words in clause texts, titles and notes,
    omission notes and the plan summary."""
    fields: list[tuple[str, str]] = [(f"{plan.id} summary", plan.plan.summary)]
    for clause in plan.clauses:
        address = plan.address(clause)
        fields += [
            (f"{address} title", clause.title),
            (f"{address} text", clause.text),
            (f"{address} note", clause.note or ""),
        ]
    fields += [(f"{plan.id} omission {o.ref}", o.note) for o in plan.omission]
    found = []
    for where, text in fields:
        for segment in _quoted_segments(text):
            words = _WORD.findall(segment)
            if len(words) > MAX_QUOTED_WORDS:
                found.append(f"{where}: {len(words)} quoted words: {segment[:60]}...")
    return found


def _normalised(text: str) -> str:
    return " ".join(_WORD.findall(text.casefold().replace("\u2019", "'")))


def near_copies(corpus: Corpus, plan: PlanFile) -> list[str]:
    """Clauses of a derived version whose text differs from the linked base clause only in
    whitespace, case or punctuation: an accidental near-copy, which a diff would show as a
    change that is not one. Either copy the base exactly or word the change for real."""
    found = []
    for clause in plan.clauses:
        for link in clause.links:
            base_id, _, _ = link.partition(":")
            if base_id not in plan.plan.based_on:
                continue
            _, base = corpus.clause(link)
            if base.text != clause.text and _normalised(base.text) == _normalised(clause.text):
                found.append(f"{plan.address(clause)}: near-copy of {link}")
    return found


def copies_keep_the_title(corpus: Corpus, plan: PlanFile) -> list[str]:
    """Where a derived clause copies its base clause's text, it copies the title too."""
    found = []
    for clause in plan.clauses:
        for link in clause.links:
            if link.partition(":")[0] not in plan.plan.based_on:
                continue
            _, base = corpus.clause(link)
            if base.text == clause.text and base.title != clause.title:
                found.append(f"{plan.address(clause)}: same text as {link}, other title")
    return found


def omission_problems(plan: PlanFile) -> list[str]:
    """An omission must point into a version this one revises, once, and a provision cannot be
    both reported dropped and asserted as a counterpart of one of this version's clauses."""
    linked = {link for clause in plan.clauses for link in clause.links}
    refs = [o.ref for o in plan.omission]
    found = []
    for ref in refs:
        if ref.partition(":")[0] not in plan.plan.based_on:
            found.append(f"{plan.id}: omission {ref} is not in a version it is based on")
        if ref in linked:
            found.append(f"{plan.id}: {ref} is both omitted and linked")
        if refs.count(ref) > 1:
            found.append(f"{plan.id}: omission {ref} listed twice")
    return sorted(set(found))


# --- The rules hold for every bundled plan.


@pytest.mark.parametrize("plan_id", _plan_ids())
def test_sources_are_enough_and_reachable(corpus: Corpus, plan_id: str) -> None:
    assert source_problems(corpus.plan(plan_id)) == []


@pytest.mark.parametrize("plan_id", _plan_ids())
def test_clauses_have_topics_and_honest_confidence(corpus: Corpus, plan_id: str) -> None:
    assert confidence_problems(corpus.plan(plan_id)) == []


@pytest.mark.parametrize("plan_id", _plan_ids())
def test_no_long_quotations(corpus: Corpus, plan_id: str) -> None:
    assert long_quotations(corpus.plan(plan_id)) == []


@pytest.mark.parametrize("plan_id", _plan_ids())
def test_derived_versions_copy_exactly_or_reword(corpus: Corpus, plan_id: str) -> None:
    plan = corpus.plan(plan_id)
    assert near_copies(corpus, plan) == []
    assert copies_keep_the_title(corpus, plan) == []


@pytest.mark.parametrize("plan_id", _plan_ids())
def test_omissions_are_consistent(corpus: Corpus, plan_id: str) -> None:
    assert omission_problems(corpus.plan(plan_id)) == []


def test_derived_versions_exist_to_check(corpus: Corpus) -> None:
    # The near-copy rule is only meaningful while some version copies its base.
    copied = [
        c
        for c in corpus.plan("e3-28").clauses
        for link in c.links
        if corpus.clause(link)[1].text == c.text
    ]
    assert len(copied) >= 10


# --- Each rule can fail: broken copies of real plans.


def _with_clause(plan: PlanFile, index: int, **changes: object) -> PlanFile:
    clauses = list(plan.clauses)
    clauses[index] = clauses[index].model_copy(update=changes)
    return plan.model_copy(update={"clause": clauses})


def _clause_index(plan: PlanFile, clause_id: str) -> int:
    return next(i for i, c in enumerate(plan.clauses) if c.id == clause_id)


def test_a_single_source_is_caught(corpus: Corpus) -> None:
    plan = corpus.plan("us-28")
    meta = plan.plan.model_copy(update={"sources": plan.plan.sources[:1]})
    assert source_problems(plan.model_copy(update={"plan": meta}))


def test_confirmed_in_a_reported_version_is_caught(corpus: Corpus) -> None:
    plan = corpus.plan("geneva-19")
    assert confidence_problems(_with_clause(plan, 0, confidence="confirmed"))
    assert confidence_problems(_with_clause(plan, 0, topics=[]))


def test_a_long_quotation_is_caught(corpus: Corpus) -> None:
    plan = corpus.plan("us-28")
    eleven = "one two three four five six seven eight nine ten eleven"
    assert long_quotations(_with_clause(plan, 0, note=f'It says "{eleven}".'))
    assert long_quotations(_with_clause(plan, 0, text=f"It says \u201c{eleven}\u201d."))
    ten = eleven.rsplit(" ", 1)[0]
    assert long_quotations(_with_clause(plan, 0, note=f'It says "{ten}".')) == []


def test_a_near_copy_is_caught(corpus: Corpus) -> None:
    plan = corpus.plan("e3-28")
    index = _clause_index(plan, "5")
    base_text = corpus.clause("us-28:5")[1].text
    near = base_text.rstrip(".").upper()
    assert near_copies(corpus, _with_clause(plan, index, text=near))
    assert copies_keep_the_title(corpus, _with_clause(plan, index, title="Another title"))


def test_an_omitted_and_linked_provision_is_caught(corpus: Corpus) -> None:
    plan = corpus.plan("e3-28")
    index = _clause_index(plan, "2")
    clause: Clause = plan.clauses[index]
    broken = _with_clause(plan, index, links=[*clause.links, "us-28:3"])
    assert omission_problems(broken)
