"""Alignment quality on the harder synthetic corpus: a shared vocabulary and template families.

Each case mutates a base version of `synthetic_hard` (30 % lightly and 8 % heavily reworded,
6 % deleted and inserted, 3 % split and merged, 8 % moved, renumbered) and aligns the two
versions without links. Printed, as means over seeds:

- pair precision, recall and F1 (a predicted pair: one row, or a split/merge link);
- added: of the later version's clauses left without a counterpart, the share truly inserted
  (precision), and of the inserted clauses, the share left alone (recall); removed likewise
  for the base version's clauses;
- siblings: of the clauses made from a template, the share whose counterparts are exactly the
  true ones (the right sibling, or none when the truth has none).

With --verbose, every wrong pair and every missed pair is listed with its score and the pass
that made it, and what the truth says of each of its clauses (inserted, deleted, its true
counterpart), so the causes of the remaining errors can be read off.

    python -m benchmarks.bench_align_hard [--size 300] [--seeds 5] [--verbose]
    python -m benchmarks.bench_align_hard --sizes 100,300,500,1000 --seeds 10 --first-seed 101
    python -m benchmarks.bench_align_hard --set insert=0.12 --set delete=0.12

--sizes runs several sizes in turn; --first-seed starts the seeds elsewhere than 1 (seeds the
rules were never tuned on); --set overrides one of the generator's mutation rates
(`synthetic_hard.HARD_OPTIONS`).
"""

from __future__ import annotations

import argparse
import statistics
from dataclasses import dataclass

from benchmarks.synthetic import Truth
from benchmarks.synthetic_hard import HARD_OPTIONS, HardGenerator
from planlens.align.model import Alignment
from planlens.align.passes import align, pairs_of
from planlens.corpus.model import PlanFile


def _share(right: int, made: int) -> float:
    return right / made if made else 1.0


@dataclass
class HardResult:
    """One corpus: pair figures, added/removed precision and recall, sibling accuracy."""

    precision: float
    recall: float
    f1: float
    added: tuple[int, int, int]
    """(called added, truly inserted among them, inserted in all)."""
    removed: tuple[int, int, int]
    """(called removed, truly deleted among them, deleted in all)."""
    siblings: tuple[int, int]
    """(template clauses, paired exactly as the truth says)."""
    errors: list[str]
    """A line per wrong or missed pair (see `_errors`)."""


Pair = frozenset[str]


def _partners(pairs: set[frozenset[str]], address: str) -> set[str]:
    return {other for pair in pairs if address in pair for other in pair if other != address}


def evaluate(base: PlanFile, mutated: PlanFile, truth: Truth, templated: set[str]) -> HardResult:
    """Align the two versions without links and score the result against the truth."""
    alignment = align([base, mutated], ignore_links=True)
    predicted = pairs_of(alignment, base.id, mutated.id)
    hits = len(predicted & truth.pairs)
    precision = _share(hits, len(predicted))
    recall = _share(hits, len(truth.pairs))
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    matched_pred = {a for pair in predicted for a in pair}
    matched_true = {a for pair in truth.pairs for a in pair}

    def lone(plan: PlanFile) -> tuple[int, int, int]:
        addresses = {f"{plan.id}:{c.id}" for c in plan.clauses}
        called = addresses - matched_pred
        really = addresses - matched_true
        return len(called), len(called & really), len(really)

    siblings = sum(
        _partners(predicted, address) == _partners(truth.pairs, address) for address in templated
    )
    return HardResult(
        precision,
        recall,
        f1,
        lone(mutated),
        lone(base),
        (len(templated), siblings),
        _errors(alignment, predicted, truth, templated),
    )


def _errors(
    alignment: Alignment, predicted: set[Pair], truth: Truth, templated: set[str]
) -> list[str]:
    """A line per wrong pair (with the link's pass and score, and each clause's true fate) and
    per missed pair."""
    links = {frozenset((link.a, link.b)): link for link in alignment.links}

    def fate(address: str) -> str:
        partners = sorted(_partners(truth.pairs, address))
        mark = "*" if address in templated else ""
        if not partners:
            return (
                f"{address}{mark} (inserted)"
                if address.startswith("next:")
                else (f"{address}{mark} (deleted)")
            )
        return f"{address}{mark} (truly ~ {', '.join(partners)})"

    lines = []
    for pair in sorted(predicted - truth.pairs, key=sorted):
        link = links.get(pair)
        how = f"{link.via} {link.score:.3f}" if link else "row"
        lines.append(f"wrong  [{how}] " + " ~ ".join(fate(a) for a in sorted(pair)))
    for pair in sorted(truth.pairs - predicted, key=sorted):
        lines.append("missed " + " ~ ".join(fate(a) for a in sorted(pair)))
    return lines


def run(size: int, seed: int, options: dict[str, float] | None = None) -> HardResult:
    """One seeded corpus of `size` base clauses (`options` override `HARD_OPTIONS`)."""
    generator = HardGenerator(seed)
    base = generator.base("base", size)
    mutated, truth = generator.mutate_hard(base, "next", **(options or {}))
    templated = generator.siblings(base) | generator.siblings(mutated)
    return evaluate(base, mutated, truth, templated)


def _option(text: str) -> tuple[str, float]:
    name, _, value = text.partition("=")
    if name not in HARD_OPTIONS or name == "renumber":
        raise argparse.ArgumentTypeError(f"not a mutation rate: {name}")
    return name, float(value)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=300, help="clauses per version")
    parser.add_argument("--sizes", help="several sizes, comma-separated (instead of --size)")
    parser.add_argument("--seeds", type=int, default=5, help="random corpora")
    parser.add_argument("--first-seed", type=int, default=1, help="the first seed")
    parser.add_argument(
        "--set", type=_option, action="append", default=[], help="a mutation rate, name=value"
    )
    parser.add_argument("--verbose", action="store_true", help="list wrong and missed pairs")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")] if args.sizes else [args.size]
    for size in sizes:
        report(size, range(args.first_seed, args.first_seed + args.seeds), dict(args.set), args)


def report(size: int, seeds: range, options: dict[str, float], args: argparse.Namespace) -> None:
    """Print the figures of `size`-clause corpora over `seeds`."""
    results = [run(size, seed, options) for seed in seeds]
    print(
        f"{size} clauses per version, seeds {seeds.start}-{seeds.stop - 1}"
        f"{' ' + str(options) if options else ''} (pair figures: mean over seeds)"
    )

    def total(get: str, index: int) -> int:
        return sum(getattr(r, get)[index] for r in results)

    rows = [
        ("pair precision", statistics.mean(r.precision for r in results), ""),
        ("pair recall", statistics.mean(r.recall for r in results), ""),
        (
            "pair F1",
            statistics.mean(r.f1 for r in results),
            f"min {min(x.f1 for x in results):.3f}",
        ),
        (
            "added precision",
            _share(total("added", 1), total("added", 0)),
            f"{total('added', 1)} of {total('added', 0)} called added are inserted",
        ),
        (
            "added recall",
            _share(total("added", 1), total("added", 2)),
            f"{total('added', 1)} of {total('added', 2)} inserted left alone",
        ),
        (
            "removed precision",
            _share(total("removed", 1), total("removed", 0)),
            f"{total('removed', 1)} of {total('removed', 0)} called removed are deleted",
        ),
        (
            "removed recall",
            _share(total("removed", 1), total("removed", 2)),
            f"{total('removed', 1)} of {total('removed', 2)} deleted left alone",
        ),
        (
            "sibling accuracy",
            _share(total("siblings", 1), total("siblings", 0)),
            f"{total('siblings', 1)} of {total('siblings', 0)} template clauses paired right",
        ),
    ]
    for name, value, note in rows:
        print(f"  {name:<18} {value:6.3f}   {note}")
    if args.verbose:
        for seed, result in zip(seeds, results, strict=True):
            print(f"seed {seed}: {len(result.errors)} wrong or missed pairs (* template clause)")
            for line in result.errors:
                print(f"  {line}")


if __name__ == "__main__":
    main()
