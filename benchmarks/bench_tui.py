"""How fast the terminal UI starts and answers keys. A script that prints figures, not a test.

    python benchmarks/bench_tui.py [--runs N] [--provisions N] [--no-bytecode-cache]

1. What a user sees on typing bare `planlens` (the console script, on the plans in ./plans),
   against a minimal Textual app (one `Static`) in the same run: from the process start to the
   first painted frame, and to the first rows of the compare view. Each app runs in its own
   process on a pseudo-terminal of 160×48; runs alternate between the apps, after one warm-up
   run each. Children may write bytecode caches (to a temporary directory), as a user's Python
   does; `--no-bytecode-cache` runs them as the environment says instead.
   Then where the time between them goes: each phase of what bare `planlens` does (imports,
   loading, comparing, laying out), timed in a fresh process.
2. Median latency of `n`, `j` and a version switch on a synthetic comparison of N provisions
   (two revisions of a 1,000-clause plan with modest rewording): a key typed on the
   pseudo-terminal to the end of the repaint it causes.
"""

from __future__ import annotations

import argparse
import datetime as dt
import fcntl
import os
import pty
import select
import shutil
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import time
from collections.abc import Mapping, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from planlens.corpus.load import Corpus  # noqa: E402
from planlens.corpus.model import Clause, Plan, PlanFile  # noqa: E402

SIZE = (160, 48)
READY = "BENCH-READY"
ALT_SCREEN = "\x1b[?1049h"
"""Textual switches to the alternate screen just before painting its first frame."""

MINIMAL_CHILD = """
from textual.app import App
from textual.widgets import Static
class Minimal(App[None]):
    def compose(self):
        yield Static("minimal app painted")
Minimal().run()
"""

FIRST_ROW = "Sovereignty"
"""A word of the first row of the default comparison of the bundled plans (us-28 ⇄ ua-20)."""


def planlens_command() -> list[str]:
    """The `planlens` console script of this interpreter, else `python -m planlens`."""
    script = Path(sys.executable).parent / "planlens"
    return [str(script)] if script.is_file() else [sys.executable, "-m", "planlens"]


_CACHE = Path(tempfile.mkdtemp(prefix="planlens-bench-cache-"))
"""The children's `PLANLENS_CACHE_DIR`: validated plans and alignments, as a user's second run."""


def child_env(bytecode_cache: Path | None) -> dict[str, str]:
    """The environment of a benchmarked child: the terminal size, no plans directory set."""
    env = {**os.environ, "TERM": "xterm-256color", "COLUMNS": str(SIZE[0]), "LINES": str(SIZE[1])}
    env["PLANLENS_CACHE_DIR"] = str(_CACHE)  # planlens's own cache, warmed by the first run
    env.pop("PLANLENS_PLANS", None)
    if bytecode_cache is not None:
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = str(bytecode_cache)
    return env


def painted(
    command: Sequence[str], markers: Sequence[str], env: Mapping[str, str], timeout: float = 60.0
) -> dict[str, float]:
    """Run `command` on a pseudo-terminal; seconds from its start until each marker is shown.

    Only output after the switch to the alternate screen counts, so nothing printed before the
    app's first frame can be mistaken for it.
    """
    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", SIZE[1], SIZE[0], 0, 0))
    started = time.perf_counter()
    child = subprocess.Popen(
        list(command),
        stdin=follower,
        stdout=follower,
        stderr=follower,
        env=dict(env),
        cwd=ROOT,
        close_fds=True,
    )
    os.close(follower)
    seen = ""
    on_screen = False
    times: dict[str, float] = {}
    try:
        while len(times) < len(markers) and time.perf_counter() - started < timeout:
            if not select.select([leader], [], [], 0.05)[0]:
                continue
            try:
                chunk = os.read(leader, 65536).decode("utf-8", "replace")
            except OSError:
                break
            now = time.perf_counter()
            seen += chunk
            if not on_screen and ALT_SCREEN in seen:
                on_screen = True
                seen = seen[seen.index(ALT_SCREEN) :]
            if not on_screen:
                continue
            for marker in markers:
                if marker not in times and marker in seen:
                    times[marker] = now - started
    finally:
        child.kill()
        child.wait()
        os.close(leader)
    if len(times) < len(markers):
        raise RuntimeError(f"{command}: not shown: {sorted(set(markers) - set(times))}")
    return times


def bench_startup(runs: int, bytecode_cache: bool) -> None:
    cache_dir = Path(tempfile.mkdtemp(prefix="planlens-bench-pyc-")) if bytecode_cache else None
    env = child_env(cache_dir)
    mode = "bytecode cached" if cache_dir else "as the environment says (PYTHONDONTWRITEBYTECODE"
    if not cache_dir:
        mode += f"={os.environ.get('PYTHONDONTWRITEBYTECODE', '')!r})"
    print(f"Start-up, {SIZE[0]}×{SIZE[1]} pseudo-terminal, median of {runs} alternating runs")
    print(f"  (children: {mode})")
    cases: dict[str, tuple[list[str], tuple[str, ...]]] = {
        "python -c pass": ([sys.executable, "-c", "pass"], ()),
        "minimal Textual app": ([sys.executable, "-c", MINIMAL_CHILD], ("minimal app painted",)),
        "bare planlens": (planlens_command(), ("planlens", FIRST_ROW)),
    }
    samples: dict[str, list[dict[str, float]]] = {name: [] for name in cases}
    try:
        for run in range(runs + 1):
            for name, (command, markers) in cases.items():
                if markers:
                    times = painted(command, markers, env)
                else:
                    begun = time.perf_counter()
                    subprocess.run(command, env=env, check=True)
                    times = {"exit": time.perf_counter() - begun}
                if run:  # the first run of each only warms caches
                    samples[name].append(times)
    finally:
        if cache_dir is not None:
            shutil.rmtree(cache_dir, ignore_errors=True)
    medians = {
        name: {key: statistics.median(s[key] for s in runs_) for key in runs_[0]}
        for name, runs_ in samples.items()
    }
    python = medians["python -c pass"]["exit"]
    minimal = medians["minimal Textual app"]["minimal app painted"]
    first_frame = medians["bare planlens"]["planlens"]
    first_rows = medians["bare planlens"][FIRST_ROW]
    print(f"  Python start and exit (python -c pass)          {python * 1000:8.0f} ms")
    print(f"  minimal Textual app: process start → frame      {minimal * 1000:8.0f} ms")
    print(f"  bare planlens: process start → first frame      {first_frame * 1000:8.0f} ms")
    print(f"  bare planlens: process start → first rows       {first_rows * 1000:8.0f} ms")
    print(
        f"  ratio, process start to first frame (bare planlens, goal <= 1.3): "
        f"{first_frame / minimal:.2f}"
    )
    ratio = first_rows / minimal
    print(
        f"  ratio, process start to first rows (bare planlens, goal <= 1.5): {ratio:.2f}"
        f"  ({'ok' if ratio <= 1.5 else 'MISSED'})"
    )


PHASES_CHILD = """
import json, os, sys, time
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")  # as the CLI sets it
phases = {}
def phase(name, started):
    phases[name] = (time.perf_counter() - started) * 1000
    return time.perf_counter()
t = time.perf_counter()
import planlens.cli
t = phase("CLI modules (click, commands)", t)
import planlens.tui.app, planlens.tui.screens.start
t = phase("Textual and the app shell", t)
from planlens.tui.preview import preview_key, stored_preview
import planlens.tui.widgets.provision_table, planlens.tui.widgets.table_heading
stored_preview(preview_key([], [], WIDTH))
t = phase("the rows of the last opening (files read, kept rows)", t)
from planlens.corpus.load import load_corpus
t = phase("import the corpus loader (pydantic models)", t)
corpus = load_corpus(None)
t = phase("load and check the bundled plans (cached)", t)
from planlens.comparison.build import compare
t = phase("import the comparison (no aligner: cached)", t)
from planlens.tui.state import resolve_plan_ids
comparison = compare(corpus, list(resolve_plan_ids(corpus, ())))
t = phase("compare the default pair (first call)", t)
from planlens.tui.layout import layout
from planlens.tui.opening import table_width
layout(comparison, table_width(WIDTH))
t = phase("lay its rows out", t)
import planlens.tui.screens.compare
t = phase("import the compare view", t)
import planlens.authoring.review, planlens.align.passes
t = phase("after the rows: the link review's core, the aligner", t)
print(json.dumps(phases))
"""

BEFORE_FRAME = 3
"""The first phases of `PHASES_CHILD` come before the first frame (which, on a second opening,
already shows the rows: `tui.preview`); the rest after it."""


def bench_phases(runs: int) -> None:
    """Where bare `planlens` spends its time, phase by phase, in a fresh process each run."""
    import json

    env = child_env(None)
    samples: list[dict[str, float]] = []
    for run in range(runs + 1):
        done = subprocess.run(
            [sys.executable, "-c", f"WIDTH = {SIZE[0]}\n{PHASES_CHILD}"],
            capture_output=True,
            text=True,
            env=env,
            cwd=ROOT,
            check=True,
        )
        if run:  # the first run only warms caches
            samples.append(json.loads(done.stdout))
    medians = {name: statistics.median(s[name] for s in samples) for name in samples[0]}
    print(f"\nBare planlens phase by phase, in process order, median of {runs} fresh processes")
    for n, (name, ms) in enumerate(medians.items()):
        if n == BEFORE_FRAME:
            print("  -- first frame (with the kept rows); then loading, the compare view:")
        print(f"  {name:<48} {ms:7.0f} ms")
    between = list(medians.values())[BEFORE_FRAME:-1]
    print(f"  {'sum from the first frame to the compare view':<48} {sum(between):7.0f} ms")


def synthetic_corpus(provisions: int) -> Corpus:
    """A base plan of `provisions` clauses and two revisions with modest rewording."""
    topics = ["military-limits", "elections", "territory", "sanctions", "ceasefire"]

    def plan(plan_id: str, day: int, based_on: list[str]) -> Plan:
        return Plan(
            id=plan_id,
            title=f"Synthetic {plan_id}",
            date=dt.date(2025, 1, day),
            kind="plan",
            status="official",
            fidelity="paraphrase",
            based_on=based_on,
        )

    def text(n: int, variant: int) -> str:
        words = [
            "The parties agree that provision",
            str(n),
            "limits the forces of the country to",
            f"{(n % 50 + 1) * 1000:,}",
            "personnel and that monitoring starts within",
            str(30 + n % 60),
            "days after signature, under the supervision of a joint commission.",
        ]
        if variant and n % 5 == variant:
            words[2] = "caps the armed forces of the state at"
        if variant and n % 17 == variant:
            words[3] = f"{(n % 50 + 2) * 1000:,}"
        return " ".join(words)

    def clauses(variant: int, base: str | None) -> list[Clause]:
        return [
            Clause(
                id=str(n),
                title=f"Provision {n}",
                text=text(n, variant),
                topics=[topics[n % len(topics)]],
                confidence="confirmed",
                links=[f"{base}:{n}"] if base else [],
            )
            for n in range(1, provisions + 1)
        ]

    files = [
        PlanFile(plan=plan("syn-a", 1, []), clause=clauses(0, None)),
        PlanFile(plan=plan("syn-b", 2, ["syn-a"]), clause=clauses(1, "syn-a")),
        PlanFile(plan=plan("syn-c", 3, ["syn-a"]), clause=clauses(2, "syn-a")),
    ]
    return Corpus.from_plans(files)


KEYS_CHILD = f"""
import sys
sys.path.insert(0, {str(ROOT)!r})
from benchmarks.bench_tui import synthetic_corpus
from planlens.tui import make_app
app = make_app(synthetic_corpus(int(sys.argv[1])), ["syn-a", "syn-b"])
print("{READY}", flush=True)
app.run()
"""

QUIET = 0.05
"""Output quiet for this long ends a repaint."""


class Terminal:
    """A child process on a pseudo-terminal: type keys, time until the screen is repainted."""

    def __init__(self, code: str, *args: str) -> None:
        self.leader, follower = pty.openpty()
        size = struct.pack("HHHH", SIZE[1], SIZE[0], 0, 0)
        fcntl.ioctl(follower, termios.TIOCSWINSZ, size)
        env = {**os.environ, "TERM": "xterm-256color"}
        self.child = subprocess.Popen(
            [sys.executable, "-c", code, *args],
            stdin=follower,
            stdout=follower,
            stderr=follower,
            env=env,
            cwd=ROOT,
            close_fds=True,
        )
        os.close(follower)
        self.seen = ""

    def read_until(self, marker: str, timeout: float = 120.0) -> None:
        """Read output until `marker` has been printed."""
        deadline = time.perf_counter() + timeout
        while marker not in self.seen:
            if time.perf_counter() > deadline:
                raise RuntimeError(f"{marker!r} never appeared")
            if select.select([self.leader], [], [], 0.05)[0]:
                self.seen += os.read(self.leader, 65536).decode("utf-8", "replace")

    def drain(self, quiet: float = QUIET) -> float | None:
        """Read until the output is quiet; the time of the last output, or None if none came."""
        last = None
        while select.select([self.leader], [], [], quiet)[0]:
            self.seen += os.read(self.leader, 65536).decode("utf-8", "replace")
            last = time.perf_counter()
        return last

    def press(self, key: bytes) -> tuple[float, float]:
        """Seconds from typing `key` to the first output it causes, and to the end of it."""
        self.drain()
        begun = time.perf_counter()
        os.write(self.leader, key)
        deadline = begun + 10
        while not select.select([self.leader], [], [], 0.002)[0]:
            if time.perf_counter() > deadline:
                raise RuntimeError(f"no repaint after {key!r}")
        first = time.perf_counter()
        last = self.drain() or first
        return first - begun, last - begun

    def close(self) -> None:
        self.child.kill()
        self.child.wait()
        os.close(self.leader)


def bench_keys(provisions: int, presses: int) -> None:
    from planlens.comparison.build import compare

    corpus = synthetic_corpus(provisions)
    started = time.perf_counter()
    comparison = compare(corpus, ["syn-a", "syn-b"])
    elapsed = (time.perf_counter() - started) * 1000
    print(f"\nSynthetic comparison: {len(comparison.rows)} provisions")
    print(f"  compare() of syn-a and syn-b, in process        {elapsed:8.0f} ms")
    terminal = Terminal(KEYS_CHILD, str(provisions))
    try:
        terminal.read_until(READY)
        terminal.read_until("Provision 1")
        terminal.drain(0.5)
        results: dict[str, list[tuple[float, float]]] = {
            "j": [],
            "n": [],
            "version switch (cached)": [],
        }
        for _ in range(presses):
            results["j"].append(terminal.press(b"j"))
        for _ in range(presses):
            results["n"].append(terminal.press(b"n"))
        terminal.drain(0.5)
        terminal.seen = ""
        begun = time.perf_counter()
        os.write(terminal.leader, b"]")
        terminal.read_until("comparing")
        acknowledged = time.perf_counter() - begun
        terminal.seen = ""
        terminal.read_until("SYN-C")
        cold = time.perf_counter() - begun
        terminal.drain(0.5)
        for _ in range(max(presses // 2, 4)):
            results["version switch (cached)"].append(terminal.press(b"]"))
    finally:
        terminal.close()
    print(f"  version switch, first time: 'comparing…' shown  {acknowledged * 1000:8.0f} ms")
    print(f"  version switch, first time: rows shown           {cold * 1000:8.0f} ms")
    print("  Key typed on the pseudo-terminal to the first output it causes (response) and to")
    print(f"  the end of the repaint (output quiet for {QUIET * 1000:.0f} ms); medians:")
    for name, samples in results.items():
        response = statistics.median(first for first, _ in samples) * 1000
        complete = statistics.median(last for _, last in samples) * 1000
        verdict = "ok" if complete <= 50 else "MISSED"
        print(
            f"    {name:<26} response {response:6.1f} ms   repaint done {complete:6.1f} ms"
            f"  (goal <= 50 ms: {verdict})"
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--runs", type=int, default=5, help="start-up runs per app")
    parser.add_argument("--provisions", type=int, default=1000, help="synthetic plan size")
    parser.add_argument("--presses", type=int, default=30, help="key presses per measure")
    parser.add_argument("--skip-startup", action="store_true", help="only the key latencies")
    parser.add_argument("--skip-keys", action="store_true", help="only the start-up figures")
    parser.add_argument(
        "--no-bytecode-cache",
        action="store_true",
        help="run the start-up children as the environment says (they may compile every module)",
    )
    args = parser.parse_args(argv)
    if not args.skip_startup:
        bench_startup(args.runs, bytecode_cache=not args.no_bytecode_cache)
        bench_phases(args.runs)
    if not args.skip_keys:
        bench_keys(args.provisions, args.presses)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
