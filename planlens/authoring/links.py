"""Propose links from a new version's clauses to their counterparts in its base version.

`propose_links` is the one seam: it takes a `LinkProposer` (base plan, new plan → new clause id
→ base clause id). By default that is `aligner_links`, which runs the real aligner
(`planlens.align.passes.align`, imported lazily, asserted links ignored) and keeps its one-to-one
matches. `lexical_links` is the stand-in used when the aligner is not available: the same clause
id with similar text, or else the most similar base clause, one-to-one, above `MIN_SIMILARITY`.
"""

from __future__ import annotations

import difflib
import importlib
import re
from collections.abc import Callable, Mapping

from planlens.corpus.model import PlanFile

LinkProposer = Callable[[PlanFile, PlanFile], Mapping[str, str]]
"""(base plan, new plan) → {new clause id: base clause id} for the pairs that correspond."""

MIN_SIMILARITY = 0.5
"""The least `difflib` word similarity for the fallback to propose a link."""
_WORD = re.compile(r"\w+")


def default_proposer() -> LinkProposer:
    """`aligner_links` when `planlens.align.passes` can be imported, else `lexical_links`."""
    try:
        importlib.import_module("planlens.align.passes")
    except ImportError:
        return lexical_links
    return aligner_links


def aligner_links(base: PlanFile, new: PlanFile) -> dict[str, str]:
    """The aligner's one-to-one matches between `base` and `new`, written links ignored."""
    from planlens.align.passes import align

    alignment = align([base, new], ignore_links=True)
    base_prefix, new_prefix = f"{base.id}:", f"{new.id}:"
    return {
        link.b.removeprefix(new_prefix): link.a.removeprefix(base_prefix)
        for link in alignment.links
        if link.kind == "match" and link.a.startswith(base_prefix) and link.b.startswith(new_prefix)
    }


def propose_links(
    base: PlanFile, new: PlanFile, proposer: LinkProposer | None = None
) -> dict[str, str]:
    """{new clause id: base clause id}, keeping only ids that exist on both sides."""
    pairs = (proposer or default_proposer())(base, new)
    base_ids = {clause.id for clause in base.clauses}
    new_ids = {clause.id for clause in new.clauses}
    return {
        new_id: base_id
        for new_id, base_id in pairs.items()
        if new_id in new_ids and base_id in base_ids
    }


def similarity(left: str, right: str) -> float:
    """Word-level `difflib` ratio of two texts, case-insensitive (0 to 1)."""
    matcher = difflib.SequenceMatcher(
        None, _WORD.findall(left.lower()), _WORD.findall(right.lower()), autojunk=False
    )
    return matcher.ratio()


def lexical_links(base: PlanFile, new: PlanFile) -> dict[str, str]:
    """The fallback proposer: same id and similar text first, then best matches, one-to-one."""
    base_texts = {clause.id: clause.text for clause in base.clauses}
    links: dict[str, str] = {}
    for clause in new.clauses:
        base_text = base_texts.get(clause.id)
        if base_text is not None and similarity(clause.text, base_text) >= MIN_SIMILARITY:
            links[clause.id] = clause.id
    taken = set(links.values())
    scored = sorted(
        (
            (score, index, new_clause.id, base_clause.id)
            for index, new_clause in enumerate(new.clauses)
            if new_clause.id not in links
            for base_clause in base.clauses
            if base_clause.id not in taken
            and (score := similarity(new_clause.text, base_clause.text)) >= MIN_SIMILARITY
        ),
        key=lambda item: (-item[0], item[1]),
    )
    for _, _, new_id, base_id in scored:
        if new_id not in links and base_id not in taken:
            links[new_id] = base_id
            taken.add(base_id)
    return links
