"""A synthetic corpus with known truth: a base version and mutated versions of it.

Mutations are the ones real drafts go through — rewording, moves, insertions, deletions,
splits, merges and renumbering — and every mutated version comes with the truth: which base
clauses each of its clauses descends from. Deterministic for a given seed.
"""

from __future__ import annotations

import datetime as dt
import random
import re
from dataclasses import dataclass, field
from pathlib import Path

from planlens.corpus.model import Clause, Plan, PlanFile

PLANS_DIR = Path(__file__).resolve().parent.parent / "plans"
TOPICS = (
    "sovereignty", "non-aggression", "nato", "security-guarantees", "military-limits",
    "territory", "ceasefire", "sanctions", "frozen-assets", "reconstruction", "economy",
    "eu-membership", "elections", "amnesty", "humanitarian", "prisoners", "children",
    "language-religion", "nuclear", "zaporizhzhia-npp", "monitoring", "implementation",
    "accountability", "energy", "other",
)  # fmt: skip


def vocabulary() -> list[str]:
    """Words of the bundled corpus plus generated ones, most frequent first."""
    counts: dict[str, int] = {}
    for path in sorted(PLANS_DIR.glob("*.toml")):
        for word in re.findall(r"[a-z]{3,}", path.read_text(encoding="utf-8").lower()):
            counts[word] = counts.get(word, 0) + 1
    words = sorted(counts, key=lambda w: (-counts[w], w))
    syllables = ["ka", "ro", "mi", "tel", "san", "dor", "vek", "lu", "pra", "ost", "ni", "gem"]
    rng = random.Random(7)
    extra = {"".join(rng.choice(syllables) for _ in range(rng.randint(2, 4))) for _ in range(6000)}
    return words + sorted(extra - set(words))


@dataclass
class Truth:
    """Which base clauses each clause of a mutated version descends from."""

    pairs: set[frozenset[str]] = field(default_factory=set)
    """Unordered (base address, new address) pairs that correspond."""


class Generator:
    """Makes base versions and mutated copies from one seeded random source."""

    def __init__(self, seed: int = 1) -> None:
        self.rng = random.Random(seed)
        self.words = vocabulary()
        # Zipf-like weights: common words common, rare words rare, as in real text.
        self.weights = [1.0 / (rank + 1) ** 0.9 for rank in range(len(self.words))]

    def sentence(self, count: int) -> str:
        chosen = self.rng.choices(self.words, weights=self.weights, k=count)
        return " ".join(chosen).capitalize() + "."

    def clause(self, clause_id: str, topics: list[str] | None = None) -> Clause:
        text = self.sentence(self.rng.randint(14, 40))
        title_words = text.rstrip(".").split()
        start = self.rng.randrange(max(1, len(title_words) - 4))
        title = " ".join(title_words[start : start + self.rng.randint(2, 4)]).capitalize()
        return Clause(
            id=clause_id,
            title=title,
            text=text,
            topics=topics or self.rng.sample(TOPICS, self.rng.randint(1, 2)),
            confidence="confirmed",
        )

    def base(self, plan_id: str, size: int) -> PlanFile:
        clauses = [self.clause(str(n + 1)) for n in range(size)]
        return PlanFile(plan=_plan(plan_id, []), clause=clauses)

    def reword(self, text: str, share: float) -> str:
        """Replace, insert or delete about `share` of the words."""
        words = text.rstrip(".").split()
        for _ in range(max(1, round(len(words) * share))):
            action = self.rng.random()
            position = self.rng.randrange(len(words))
            new_word = self.rng.choices(self.words, weights=self.weights, k=1)[0]
            if action < 0.6 or len(words) < 4:
                words[position] = new_word
            elif action < 0.8:
                words.insert(position, new_word)
            else:
                del words[position]
        return self.join(words)

    def join(self, words: list[str]) -> str:
        """Words as a sentence: capitalised, with a full stop."""
        return " ".join(words).capitalize() + "."

    def mutate(
        self,
        base: PlanFile,
        plan_id: str,
        *,
        reword: float = 0.3,
        reword_share: float = 0.25,
        heavy: float = 0.0,
        heavy_share: float = 0.6,
        move: float = 0.05,
        insert: float = 0.05,
        delete: float = 0.05,
        split: float = 0.02,
        merge: float = 0.02,
        renumber: bool = True,
    ) -> tuple[PlanFile, Truth]:
        """A new version of `base`, and the truth about which clauses correspond."""
        rng = self.rng
        items: list[tuple[list[str], Clause]] = []  # (base ids it descends from, clause)
        pending_merge: tuple[str, Clause] | None = None
        for clause in base.clauses:
            if rng.random() < delete:
                continue
            text = clause.text
            roll = rng.random()
            if roll < reword:
                text = self.reword(text, reword_share)
            elif roll < reword + heavy:
                text = self.reword(text, heavy_share)
            current = clause.model_copy(update={"text": text})
            if pending_merge is not None:
                first_id, first = pending_merge
                joined = first.text.rstrip(".") + "; " + current.text[0].lower() + current.text[1:]
                items.append(([first_id, clause.id], first.model_copy(update={"text": joined})))
                pending_merge = None
                continue
            roll = rng.random()
            if roll < split:
                words = text.rstrip(".").split()
                cut = len(words) // 2
                head, tail = self.join(words[:cut]), self.join(words[cut:])
                items.append(([clause.id], current.model_copy(update={"text": head})))
                items.append(([clause.id], current.model_copy(update={"text": tail})))
            elif roll < split + merge:
                pending_merge = (clause.id, current)
            else:
                items.append(([clause.id], current))
            if rng.random() < insert:
                items.append(([], self.clause("new")))
        if pending_merge is not None:
            items.append(([pending_merge[0]], pending_merge[1]))
        for _ in range(round(len(items) * move)):
            item = items.pop(rng.randrange(len(items)))
            items.insert(rng.randrange(len(items) + 1), item)
        clauses: list[Clause] = []
        used: set[str] = set()
        truth = Truth()
        for number, (origins, clause) in enumerate(items, start=1):
            new_id = str(number) if renumber or clause.id == "new" else clause.id
            if new_id in used:
                new_id = f"{new_id}-{number}"
            used.add(new_id)
            clauses.append(clause.model_copy(update={"id": new_id, "links": []}))
            truth.pairs.update(
                frozenset((f"{base.id}:{origin}", f"{plan_id}:{new_id}")) for origin in origins
            )
        return PlanFile(plan=_plan(plan_id, [base.id]), clause=clauses), truth


def _plan(plan_id: str, based_on: list[str]) -> Plan:
    return Plan(
        id=plan_id,
        title=f"Synthetic {plan_id}",
        date=dt.date(2025, 1, 1),
        kind="plan",
        status="reconstructed",
        fidelity="paraphrase",
        based_on=based_on,
    )
