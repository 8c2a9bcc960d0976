"""How fast planlens starts: CLI commands against their floor, and the terminal UI's first rows.

A script that prints figures, not a test:

    python benchmarks/bench_startup.py [--runs 7] [--skip-tui]

1. Whole-process wall time of `planlens diff us-28 e3-28`, `planlens list`, `planlens show
   us-28:1` and `planlens --help` (the console script, on the bundled plans, output to a pipe)
   against the floor `python -c "import pydantic, click, rich"` (the libraries any such CLI
   loads), runs alternating, after one warm-up run each; medians and the ratio to the floor
   (issue 12.4's goal for `diff`: at most 3×), with planlens's cache (`planlens.cache`, warmed
   by the warm-up run) and without it (a first diff of new files); and the libraries `diff`
   needs before any planlens code runs, so what is planlens's own share of the time is plain.
2. Bare `planlens` on a pseudo-terminal: process start to the first rows of the bundled plans,
   against a minimal Textual app's first frame, as `bench_tui.py` measures them (goal: at most
   1.5×), and where the time between its first frame and its first rows goes, phase by phase.
3. Where the time of `diff` goes: `-X importtime`'s largest imports.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks import bench_tui  # noqa: E402

FLOOR = [sys.executable, "-c", "import pydantic, click, rich"]
LIBRARIES = [
    sys.executable,
    "-c",
    "import os\n"
    "os.environ['OPENBLAS_NUM_THREADS'] = '1'\n"  # as planlens's CLI sets it
    "import click, numpy, rich.console, rich.table\n"
    "from pydantic import BaseModel\n"
    "class One(BaseModel):\n    x: int",
]
"""What a first `diff` of two files cannot start without, before any planlens code runs: one
pydantic model built (pydantic imports its schema machinery on the first), numpy (the aligner's
scores), Rich's console and tables (the terminal report)."""
LIBRARIES_AGAIN = [
    sys.executable,
    "-c",
    "import click, rich.console, rich.table\nfrom pydantic import BaseModel",
]
"""What `diff` of files compared before needs (validated plans and their alignment come from
`planlens.cache`: no model is built, numpy is not imported)."""


_BYTECODE = Path(tempfile.mkdtemp(prefix="planlens-bench-pyc-"))
"""Where the children write their bytecode caches: a user's Python compiles each module once,
so a run under `PYTHONDONTWRITEBYTECODE=1` (as some shells set it) would time the compiler."""


_CACHE = Path(tempfile.mkdtemp(prefix="planlens-bench-cache-"))
"""planlens's own cache for the children (`planlens.cache`), warmed by the first run of each."""


def _env(cache: bool = True) -> dict[str, str]:
    env = {**os.environ, "PYTHONPYCACHEPREFIX": str(_BYTECODE)}
    env["PLANLENS_CACHE_DIR"] = str(_CACHE) if cache else "off"
    env.pop("PLANLENS_PLANS", None)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def timed(command: list[str]) -> tuple[float, float]:
    """Wall seconds and CPU seconds (user + system) of one run of `command`, its output to a
    pipe that is read and dropped; a command ending in `--no-cache` runs (without that word)
    with planlens's cache off.

    CPU time is what the process itself spent: on a machine shared with other work it drifts
    far less than the wall time, which also counts the time the process waited for a core.
    """
    cache = command[-1] != "--no-cache"
    command = command if cache else command[:-1]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run(command, capture_output=True, env=_env(cache), cwd=ROOT, check=True)
    elapsed = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return elapsed, cpu


def bench_cli(runs: int) -> None:
    planlens = bench_tui.planlens_command()
    cases = {
        "floor: import pydantic, click, rich": FLOOR,
        "python -c pass": [sys.executable, "-c", "pass"],
        "libraries a first diff needs (no planlens)": LIBRARIES,
        "libraries a repeated diff needs": LIBRARIES_AGAIN,
        "planlens diff us-28 e3-28": [*planlens, "diff", "us-28", "e3-28"],
        "  the same, cache off (new files)": [*planlens, "diff", "us-28", "e3-28", "--no-cache"],
        "planlens list": [*planlens, "list"],
        "planlens show us-28:1": [*planlens, "show", "us-28:1"],
        "planlens --help": [*planlens, "--help"],
    }
    samples: dict[str, list[float]] = {name: [] for name in cases}
    cpu_samples: dict[str, list[float]] = {name: [] for name in cases}
    for run in range(runs + 1):
        for name, command in cases.items():
            seconds, spent = timed(command)
            if run:  # the first run of each only warms caches
                samples[name].append(seconds)
                cpu_samples[name].append(spent)
    medians = {name: statistics.median(values) for name, values in samples.items()}
    cpu = {name: statistics.median(values) for name, values in cpu_samples.items()}
    floor_name = "floor: import pydantic, click, rich"
    floor, cpu_floor = medians[floor_name], cpu[floor_name]
    print(f"CLI start-up, whole process, median of {runs} alternating runs (bytecode cached)")
    print(f"  {'':<42} {'wall':>7}  {'× floor':>7}   {'CPU':>6}  {'× floor':>7}")
    for name, seconds in medians.items():
        print(
            f"  {name:<42} {seconds * 1000:4.0f} ms  {seconds / floor:7.2f}   "
            f"{cpu[name] * 1000:3.0f} ms  {cpu[name] / cpu_floor:7.2f}"
        )
    diff = "planlens diff us-28 e3-28"
    ratio, cpu_ratio = medians[diff] / floor, cpu[diff] / cpu_floor
    verdict = "ok" if ratio <= 3 else "MISSED"
    print(f"  goal for diff: <= 3 × floor: {verdict} ({ratio:.2f}; in CPU time {cpu_ratio:.2f})")
    cold = medians["  the same, cache off (new files)"] / floor
    print(f"  the first diff of new files: {cold:.2f} × floor")
    own = medians["planlens diff us-28 e3-28"] - medians["libraries a repeated diff needs"]
    print(f"  planlens's own share of diff (its code, the plans, the work): {own * 1000:.0f} ms")


def bench_imports() -> None:
    command = [*bench_tui.planlens_command()[:1], "diff", "us-28", "e3-28"]
    script = Path(command[0])
    if script.name == "planlens":
        command = [sys.executable, "-X", "importtime", "-m", "planlens", *command[1:]]
    done = subprocess.run(command, capture_output=True, text=True, env=_env(), cwd=ROOT)
    rows: list[tuple[int, int, str]] = []
    for line in done.stderr.splitlines():
        if line.startswith("import time:") and "|" in line and "self" not in line:
            own, total, name = line.removeprefix("import time:").split("|")
            rows.append((int(total), int(own), name.rstrip()))
    top = [row for row in rows if not row[2].startswith("   ")]
    print("\nplanlens diff us-28 e3-28: top-level imports (-X importtime, one run, ms)")
    for cumulative, _, module in sorted(top, reverse=True)[:12]:
        print(f"  {cumulative / 1000:7.1f}  {module.strip()}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--runs", type=int, default=7, help="timed runs per command")
    parser.add_argument("--skip-tui", action="store_true", help="only the CLI figures")
    args = parser.parse_args(argv)
    bench_cli(args.runs)
    if not args.skip_tui:
        print()
        bench_tui.bench_startup(args.runs, bytecode_cache=True)
        bench_tui.bench_phases(args.runs)
    bench_imports()
    print(f"\n(load average at the end: {', '.join(f'{x:.1f}' for x in os.getloadavg())})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
