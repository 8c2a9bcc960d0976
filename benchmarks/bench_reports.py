"""Time every pairwise report of the bundled corpus, compare() and rendering apart.

Run: /work/venv/bin/python benchmarks/bench_reports.py [--runs N]

For each pair of bundled versions, `compare()` is timed (median over the runs), then each
registered format renders that one comparison (median over the runs). Printed: per format the
median, 90th percentile and maximum time of one report over all pairs, and the total for the
whole corpus; file writing is left out (it is the same for every format).
"""

from __future__ import annotations

import argparse
import itertools
import statistics
import time
from collections.abc import Callable
from functools import partial

from planlens.comparison.build import compare
from planlens.corpus.load import load_corpus
from planlens.report import FORMATS, RenderOptions, render


def _median_seconds(action: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def _line(name: str, seconds: list[float]) -> str:
    ordered = sorted(seconds)
    p90 = ordered[min(len(ordered) - 1, int(0.9 * len(ordered)))]
    return (
        f"{name:<14} median {statistics.median(ordered) * 1000:8.2f} ms   "
        f"p90 {p90 * 1000:8.2f} ms   max {ordered[-1] * 1000:8.2f} ms   "
        f"all pairs {sum(ordered):7.2f} s"
    )


def main() -> None:
    """Run the benchmark and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="runs per measurement (median)")
    args = parser.parse_args()
    corpus = load_corpus()
    pairs = list(itertools.combinations(corpus.ids, 2))
    options = RenderOptions(width=100)
    compare_times: list[float] = []
    render_times: dict[str, list[float]] = {name: [] for name in sorted(FORMATS)}
    sizes: dict[str, list[int]] = {name: [] for name in sorted(FORMATS)}
    for a, b in pairs:
        compare_times.append(_median_seconds(partial(compare, corpus, [a, b]), args.runs))
        comparison = compare(corpus, [a, b])
        for name in render_times:
            render_times[name].append(
                _median_seconds(partial(render, comparison, name, options), args.runs)
            )
            sizes[name].append(len(render(comparison, name, options).encode("utf-8")))
    print(f"{len(corpus.ids)} bundled versions, {len(pairs)} pairwise reports, "
          f"median of {args.runs} runs each\n")  # fmt: skip
    print(_line("compare()", compare_times))
    for name, seconds in render_times.items():
        print(
            _line(f"render {name}", seconds)
            + f"   median size {statistics.median(sizes[name]) / 1024:6.1f} KiB"
        )
    print()
    for name, seconds in render_times.items():
        per_report = [c + r for c, r in zip(compare_times, seconds, strict=True)]
        print(_line(f"total {name}", per_report))


if __name__ == "__main__":
    main()
