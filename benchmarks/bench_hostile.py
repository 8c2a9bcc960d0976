"""The worst cases of issue 13 that used to be quadratic or exponential, timed at growing sizes.

Each row times one operation at size n and at 2n (medians of several runs), so a linear cost
shows a ratio near 2, a quadratic one near 4; the floor is the same load with no warnings.

- loading a plan whose clauses have no topics: one warning per clause (was quadratic:
  `locate()` rescanned the file for every warning; 10,000 clauses took 204 s);
- `based_on` cycles among plans that are all based on each other (was exponential: every
  path was enumerated; 11 plans took over 150 s);
- importing a plain text with more than 9,999 points (points 10,000 and on were folded into
  point 9999).

    python benchmarks/bench_hostile.py [--runs 5]
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

from planlens.authoring import import_text
from planlens.corpus.load import load_corpus

HEAD = """\
[plan]
id = "{id}"
title = "A benchmark plan"
date = 2025-01-01
kind = "plan"
status = "official"
fidelity = "paraphrase"
{based_on}
[[plan.sources]]
publisher = "Example"
title = "Example source"
url = "https://example.org/"

"""
CLAUSE = (
    '[[clause]]\nid = "{n}"\ntext = "Point {n} of the plan."\n{topics}confidence = "confirmed"\n\n'
)


def median_seconds(run: Callable[[], object], runs: int) -> float:
    """The median wall time of `run()` over `runs` runs."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def clauses_file(directory: Path, count: int, *, topics: bool) -> Path:
    """A plan of `count` clauses, with topics (no warnings) or without (one warning each)."""
    line = 'topics = ["elections"]\n' if topics else ""
    body = "".join(CLAUSE.format(n=n, topics=line) for n in range(1, count + 1))
    path = directory / ("with" if topics else "without") / f"c{count}.toml"
    path.parent.mkdir(exist_ok=True)
    path.write_text(HEAD.format(id=f"c{count}", based_on="") + body, encoding="utf-8")
    return path


def cycle_dir(directory: Path, count: int) -> Path:
    """`count` plans, each based on every other one."""
    target = directory / f"cycle{count}"
    target.mkdir()
    ids = [f"p{n:03d}" for n in range(count)]
    for plan_id in ids:
        others = ", ".join(f'"{o}"' for o in ids if o != plan_id)
        text = HEAD.format(id=plan_id, based_on=f"based_on = [{others}]\n")
        text += CLAUSE.format(n=1, topics='topics = ["elections"]\n')
        (target / f"{plan_id}.toml").write_text(text, encoding="utf-8")
    return target


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        print("item 7: load a plan of N clauses without topics (one warning each)")
        print(f"{'N':>7} {'floor s':>9} {'warnings s':>11} {'ratio to N/2':>13}")
        previous = None
        for count in (2_500, 5_000, 10_000, 20_000):
            floor_path = clauses_file(root, count, topics=True)
            warn_path = clauses_file(root, count, topics=False)
            floor = median_seconds(partial(load_corpus, [floor_path]), args.runs)
            warned = median_seconds(partial(load_corpus, [warn_path]), args.runs)
            ratio = f"{warned / previous:.2f}" if previous else "-"
            print(f"{count:>7} {floor:>9.3f} {warned:>11.3f} {ratio:>13}")
            previous = warned

        print("\nitem 10: plans all based on each other (cycle detection in the loader)")
        print(f"{'plans':>7} {'load s':>9} {'based_on edges':>15}")
        for count in (11, 22, 44, 88):
            directory = cycle_dir(root, count)
            seconds = median_seconds(partial(load_corpus, [directory]), args.runs)
            print(f"{count:>7} {seconds:>9.3f} {count * (count - 1):>15}")

        print("\nitem 11: import a text of N numbered points")
        print(f"{'N':>7} {'import s':>9} {'clauses':>8} {'last id':>8}")
        for count in (5_000, 10_050, 20_000):
            text = "\n".join(f"{n}. Point {n} of the plan." for n in range(1, count + 1))
            plan = import_text(text, "many")
            seconds = median_seconds(partial(import_text, text, "many"), args.runs)
            print(f"{count:>7} {seconds:>9.3f} {len(plan.clauses):>8} {plan.clauses[-1].id:>8}")


if __name__ == "__main__":
    main()
