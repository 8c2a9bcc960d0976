"""Alignment speed and memory at scale, and compute time on two real versions.

Each measurement runs in a fresh interpreter pinned to one core (BLAS threads set to one), so
its peak resident memory is its own. Times are medians over several runs of `align()` alone
(the corpus is generated before the clock starts).

    python benchmarks/bench_align_speed.py [--runs 3] [--quick]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

_CHILD = r"""
import json, resource, sys, time
from benchmarks.synthetic import Generator
from planlens.align.passes import align
versions, size, runs = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
generator = Generator(11)
plans = [generator.base("v1", size)]
for n in range(2, versions + 1):
    plans.append(generator.mutate(plans[-1], f"v{n}")[0])
times = []
for _ in range(runs):
    start = time.perf_counter()
    alignment = align(plans, ignore_links=True)
    times.append(time.perf_counter() - start)
peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"times": times, "peak_mib": peak_mib, "rows": len(alignment.rows)}))
"""

_REAL = r"""
import json, sys, time
from planlens.corpus.load import load_corpus
from planlens.align.passes import align
from planlens.comparison.build import compare
corpus = load_corpus()
pairs = [tuple(p.split(",")) for p in sys.argv[1:]]
out = {}
for a, b in pairs:
    compare(corpus, [a, b])  # warm caches and imports
    align_times, compare_times = [], []
    for _ in range(15):
        start = time.perf_counter(); align([corpus.plan(a), corpus.plan(b)])
        align_times.append(time.perf_counter() - start)
        start = time.perf_counter(); compare(corpus, [a, b])
        compare_times.append(time.perf_counter() - start)
    out[f"{a} vs {b}"] = (align_times, compare_times)
print(json.dumps(out))
"""


def _run(code: str, *args: str) -> dict[str, object]:
    env = {
        **os.environ,
        "OMP_NUM_THREADS": "1",
        "OPENBLAS_NUM_THREADS": "1",
        "MKL_NUM_THREADS": "1",
        "PYTHONPATH": str(ROOT),
    }
    command = [sys.executable, "-c", code, *args]
    if shutil.which("taskset"):
        command = ["taskset", "-c", "0", *command]
    done = subprocess.run(command, capture_output=True, text=True, env=env, cwd=ROOT, check=True)
    result: dict[str, object] = json.loads(done.stdout)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="timed runs per measurement")
    parser.add_argument("--quick", action="store_true", help="skip the 4,000-clause point")
    args = parser.parse_args()

    print("align(), synthetic versions, one core; median of", args.runs, "runs")
    print(f"{'versions':>8} {'clauses/version':>15} {'median s':>9} {'peak MiB':>9} {'rows':>6}")
    sizes = [(10, 1000), (2, 250), (2, 500), (2, 1000), (2, 2000)]
    sizes += [] if args.quick else [(2, 4000), (10, 250), (10, 500), (10, 2000)]
    for versions, size in sizes:
        result = _run(_CHILD, str(versions), str(size), str(args.runs))
        times = result["times"]
        assert isinstance(times, list)
        print(
            f"{versions:>8} {size:>15,} {statistics.median(times):>9.3f} "
            f"{result['peak_mib']:>9.0f} {result['rows']:>6}"
        )

    print("\nTwo real versions (median of 15, milliseconds of compute):")
    real = _run(_REAL, "us-28,e3-28", "us-28,eu-24", "us-28,ua-20", "eu-24,ua-20")
    for name, value in real.items():
        assert isinstance(value, list)
        align_times, compare_times = value
        print(
            f"  {name:<18} align {statistics.median(align_times) * 1000:6.1f} ms   "
            f"compare (align + diffs + classes) {statistics.median(compare_times) * 1000:6.1f} ms"
        )


if __name__ == "__main__":
    main()
