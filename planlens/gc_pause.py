"""Pausing Python's cyclic garbage collector while a large result is built."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def gc_paused() -> Iterator[None]:
    """Run the block with the cyclic garbage collector off, then switch it back on.

    Aligning and comparing versions allocates hundreds of thousands of small objects (links,
    spans, pair diffs) that form no reference cycles, yet each few hundred allocations set
    the collector traversing the live objects again: 12 % of the CPU time of `planlens align`
    on 10 × 1,000 clauses went there. Reference counting still frees whatever is dropped;
    a cycle made meanwhile waits for the first collection after the block. A nested block, or
    one entered with the collector already off, leaves it as it found it.
    """
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()
