"""`align()` once per set of plan texts: an alignment is a pure function of the plans' texts.

Aligning imports numpy and builds the scoring matrices, which costs more than comparing two
small versions does; a command that compares versions aligned before (the same files, the
same options, the same planlens) takes their alignment from `planlens.cache` instead, and the
aligner is not even imported. Plans built in memory (no file digest) are always aligned.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from planlens import cache
from planlens.align.model import Alignment
from planlens.corpus.model import PlanFile

KIND = "Alignment"


def align_stored(
    plans: Sequence[PlanFile], digests: Mapping[str, str], *, ignore_links: bool = False
) -> Alignment:
    """`align(plans, ignore_links=...)`, from the cache when `digests` (a digest of each plan
    file's text by plan id, as `Corpus.digests`) names every plan and it was aligned before."""
    if not all(plan.id in digests for plan in plans):
        return _align(plans, ignore_links)
    texts = [f"{plan.id}:{digests[plan.id]}" for plan in plans]
    entry = cache.key(KIND, f"ignore_links={ignore_links}", *texts)
    stored = cache.get(KIND, entry)
    if isinstance(stored, Alignment) and stored.plan_ids == tuple(p.id for p in plans):
        return stored
    alignment = _align(plans, ignore_links)
    cache.put(KIND, entry, alignment)
    return alignment


def _align(plans: Sequence[PlanFile], ignore_links: bool) -> Alignment:
    from planlens.align.passes import align  # numpy and the scorer: only when aligning

    return align(plans, ignore_links=ignore_links)
