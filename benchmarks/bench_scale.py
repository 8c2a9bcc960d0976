"""Whole-process scale of `planlens align`, and the aligner's memory on huge versions.

A script that prints figures, not a test:

    python benchmarks/bench_scale.py [--runs 3] [--quick] [--huge 20000]

1. `planlens align` of every version with `--format json`, as a user runs it (the console
   script, a fresh process, output to a pipe), on synthetic corpora written as plan files to a
   temporary plans directory: `synthetic_hard` versions (a shared vocabulary of about 150
   words, template families, heavy rewording), each a mutation of the one before. Wall time
   and peak resident memory of the whole process, medians of `--runs` runs, beside the floor
   measured in the same run (`python -c "import pydantic, click, rich"`): 10 versions × 1,000
   clauses, then two versions growing from 250 to 4,000 clauses, then ten.
2. `--huge N`: `align()` of two versions of N clauses each, in a fresh process: its time and
   the peak resident memory of that whole process (issue 13.9: 20,000 × 20,000 took 22.7 GB).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks.synthetic_hard import HardGenerator  # noqa: E402
from planlens.authoring.emit import emit_plan  # noqa: E402

FLOOR = [sys.executable, "-c", "import pydantic, click, rich"]


def planlens_command() -> list[str]:
    """The `planlens` console script of this interpreter, else `python -m planlens`."""
    script = Path(sys.executable).parent / "planlens"
    return [str(script)] if script.is_file() else [sys.executable, "-m", "planlens"]


def write_corpus(directory: Path, versions: int, size: int, seed: int = 7) -> list[str]:
    """Write `versions` hard synthetic versions of `size` clauses as plan files; their ids."""
    generator = HardGenerator(seed)
    plans = [generator.base("v01", size)]
    for n in range(2, versions + 1):
        plans.append(generator.mutate_hard(plans[-1], f"v{n:02d}")[0])
    directory.mkdir(parents=True, exist_ok=True)
    for plan in plans:
        (directory / f"{plan.id}.toml").write_text(emit_plan(plan), encoding="utf-8")
    return [plan.id for plan in plans]


_BYTECODE = Path(tempfile.mkdtemp(prefix="planlens-bench-pyc-"))
"""Where the children write their bytecode caches, so the warm-up run compiles each module."""


def measure(command: Sequence[str]) -> tuple[float, float, float]:
    """Wall seconds, CPU seconds (user and system) and peak resident MiB of one run of
    `command` (its output discarded). CPU time says what the run costs when other processes
    share the machine; wall time is what a user waits."""
    env = {**os.environ, "PYTHONPYCACHEPREFIX": str(_BYTECODE)}
    env.pop("PLANLENS_PLANS", None)
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # a user's Python compiles each module once
    with tempfile.TemporaryDirectory(prefix="planlens-bench-cache-") as cache:
        # An empty cache each run: the first look at new files (what a new leak costs),
        # storing its results included; a second look takes them from the cache.
        env["PLANLENS_CACHE_DIR"] = cache
        started = time.perf_counter()
        child = subprocess.Popen(list(command), stdout=subprocess.DEVNULL, env=env, cwd=ROOT)
        _, status, usage = os.wait4(child.pid, 0)
        elapsed = time.perf_counter() - started
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode:
        raise RuntimeError(f"{command[:3]}… exited {child.returncode}")
    return elapsed, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def bench_align(cases: Sequence[tuple[int, int]], runs: int) -> None:
    print(f"planlens align <every id> --format json, whole process, median of {runs} runs")
    floors_seen: list[str] = []
    print("  (synthetic_hard corpora as plan files; the floor runs alternately in the same run)")
    header = ("versions", "clauses", "seconds", "x floor", "CPU s", "x floor", "peak MiB")
    print(" ".join(f"{name:>9}" for name in header))
    workspace = Path(tempfile.mkdtemp(prefix="planlens-bench-scale-"))
    try:
        for versions, size in cases:
            directory = workspace / f"{versions}x{size}"
            ids = write_corpus(directory, versions, size)
            command = [*planlens_command(), "align", *ids, "--plans", str(directory)]
            command += ["--format", "json"]
            measure(command)  # warm the file cache and bytecode
            floors, runs_ = [], []
            for _ in range(runs):
                floors.append(measure(FLOOR))
                runs_.append(measure(command))
            wall, cpu, peak = (statistics.median(r[k] for r in runs_) for k in range(3))
            floor_wall, floor_cpu = (statistics.median(f[k] for f in floors) for k in range(2))
            print(
                f"{versions:>9} {size:>9,} {wall:>9.2f} {wall / floor_wall:>9.1f} "
                f"{cpu:>9.2f} {cpu / floor_cpu:>9.1f} {peak:>9.0f}"
            )
            floors_seen.append(f"{floor_wall:.3f}/{floor_cpu:.3f}")
    finally:
        shutil.rmtree(workspace, ignore_errors=True)
    print("  floor (python -c 'import pydantic, click, rich'), wall/CPU s per case:")
    print("  " + "  ".join(floors_seen))


_HUGE = r"""
import json, resource, sys, time
from benchmarks.synthetic_hard import HardGenerator
from planlens.align.passes import align
size = int(sys.argv[1])
generator = HardGenerator(3)
base = generator.base("v1", size)
plans = [base, generator.mutate_hard(base, "v2")[0]]
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
started = time.perf_counter()
alignment = align(plans, ignore_links=True)
elapsed = time.perf_counter() - started
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"seconds": elapsed, "peak_mib": peak, "before_mib": before,
                  "rows": len(alignment.rows)}))
"""


def bench_huge(size: int) -> None:
    print(f"\nalign() of two hard synthetic versions of {size:,} clauses (issue 13.9), one process")
    done = subprocess.run(
        [sys.executable, "-c", _HUGE, str(size)],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    result = json.loads(done.stdout)
    print(
        f"  {result['seconds']:.1f} s; peak resident memory of the whole process "
        f"{result['peak_mib']:,.0f} MiB (of which {result['before_mib']:,.0f} MiB before aligning: "
        f"interpreter and the generated versions); {result['rows']:,} rows"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--runs", type=int, default=3, help="timed runs per case")
    parser.add_argument("--quick", action="store_true", help="skip the 4,000-clause cases")
    parser.add_argument("--huge", type=int, default=0, help="also align two versions of N")
    args = parser.parse_args(argv)
    sizes = [250, 500, 1000, 2000] + ([] if args.quick else [4000])
    cases = [(10, 1000), *((2, size) for size in sizes), (10, 250), (10, 500), (10, 2000)]
    bench_align(cases, args.runs)
    if args.huge:
        bench_huge(args.huge)
    print(f"\n(load average at the end: {', '.join(f'{x:.1f}' for x in os.getloadavg())})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
