"""Figure detection on clauses full of numbers: linear in the clause's length, or not.

Run: .venv/bin/python benchmarks/bench_figures.py [--runs N] [--sizes 2000 4000 ...]

For clauses of N numbers ("point 1 raises 10 troops, 11 troops, …"), the median time of
`quantities()` and of `text_changes()` over a diff that deletes one such clause and inserts
another is printed next to a floor measured in the same run (one bare `finditer` of the
quantity pattern over the same text), with the time per number: flat per-number times mean
linear. Last, the worst case of issue 13: `compare()` of two linked one-clause plans of
50,000 numbers each (one run; the word diff's own timeout bounds it).
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable
from functools import partial

from benchmarks.synthetic import _plan
from planlens.comparison.build import compare
from planlens.comparison.figures import QUANTITY, quantities, text_changes
from planlens.comparison.model import SpanInfo
from planlens.corpus.model import Clause, PlanFile


def numbers_text(count: int, offset: int = 0) -> str:
    """A clause of `count` quantities, with words and references between them."""
    return "point 1 raises " + ", ".join(
        f"{n + offset} troops" if n % 3 else f"Article {n} and {n + offset}" for n in range(count)
    )


def _scan(text: str) -> int:
    """The floor: one pass of the quantity pattern over the text, nothing else."""
    return sum(1 for _ in QUANTITY.finditer(text))


def _median(action: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def _linked_plans(count: int) -> list[PlanFile]:
    first = PlanFile(
        plan=_plan("a", []),
        clause=[Clause(id="1", text=numbers_text(count), topics=["other"], confidence="confirmed")],
    )
    second = PlanFile(
        plan=_plan("b", ["a"]),
        clause=[
            Clause(
                id="1",
                text=numbers_text(count, 1),
                topics=["other"],
                links=["a:1"],
                confidence="confirmed",
            )
        ],
    )
    return [first, second]


def main() -> None:
    """Run the benchmark and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="runs per measurement (median)")
    parser.add_argument("--sizes", type=int, nargs="+", default=[2000, 4000, 8000, 16000, 32000])
    parser.add_argument("--worst", type=int, default=50000, help="numbers per clause, compare()")
    args = parser.parse_args()
    print(f"{'numbers':>8} {'floor':>9} {'quantities':>11} {'text_changes':>13} {'µs/number':>10}")
    for size in args.sizes:
        text = numbers_text(size)
        spans = [
            SpanInfo(op="delete", text=text),
            SpanInfo(op="insert", text=numbers_text(size, 1)),
        ]
        floor = _median(partial(_scan, text), args.runs)
        found = _median(partial(quantities, text), args.runs)
        changes = _median(partial(text_changes, spans), args.runs)
        print(
            f"{size:>8} {floor * 1000:>7.1f}ms {found * 1000:>9.1f}ms {changes * 1000:>11.1f}ms "
            f"{found / size * 1e6:>10.2f}"
        )
    plans = _linked_plans(args.worst)
    start = time.perf_counter()
    comparison = compare(plans)
    seconds = time.perf_counter() - start
    figures = sum(len(d.figures) for row in comparison.rows for d in row.pairs)
    print(
        f"compare() of two linked {args.worst:,}-number clauses: {seconds:.1f} s, "
        f"{figures} figure change(s)"
    )


if __name__ == "__main__":
    main()
