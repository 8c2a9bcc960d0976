"""A harder synthetic corpus: a small shared vocabulary, template families, heavy rewording.

Negotiation texts share their words ("the parties", "forces", "guarantees", "sanctions"
everywhere), so unrelated clauses overlap far more than in `synthetic.py`, whose generator
draws from thousands of words. Here every clause draws from about 150 words; a quarter of the
clauses come from a few templates that differ only in their figures and places (the same
withdrawal sentence for each region); clauses carry no titles or topics, as a plain-text
import has none. Rewording never touches a figure or a place: those are what tell template
siblings apart. Mutations and truth are `synthetic.Generator`'s.
"""

from __future__ import annotations

from benchmarks.synthetic import Generator, Truth
from planlens.corpus.model import Clause, PlanFile

SHARED_WORDS = """
the parties shall forces guarantees sanctions security agreement peace ceasefire line contact
troops military withdrawal territory territories border borders monitoring mission international
observers implementation council commission within days months years after before all any each
both sides will must may not no be to of in on for with by from and or as under upon this that
such other further full immediate gradual lifting relief economic reconstruction fund funds
assets frozen release prisoners exchange civilians humanitarian access aid corridors elections
referendum constitution amendment status recognition sovereignty integrity nuclear plant power
energy supply grain exports ports shipping sea navigation membership alliance neutrality
guarantor states mechanism violation violations dispute resolution arbitration court amnesty
crimes accountability compensation damages language religion minority rights education media
cooperation trade investment loans reserves bank europe union talks summit negotiation
delegation signature ratification parliament review period phase zone demilitarised buffer
""".split()
"""About 150 words every clause draws from (some repeat the commonest ones, as texts do)."""

PLACES = """
Kherson Zaporizhzhia Donetsk Luhansk Kharkiv Sumy Odesa Mykolaiv Crimea Sevastopol Mariupol
Berdiansk Melitopol Enerhodar Kinburn Avdiivka Bakhmut Kramatorsk Sloviansk Pokrovsk Izium
Kupiansk Chernihiv Dnipro
""".split()
"""Named places the templates take."""

TEMPLATES = (
    "The parties shall withdraw all forces from {place} within {n} days and the monitoring "
    "mission shall verify the withdrawal from {place}.",
    "A demilitarised zone of {n} kilometres shall be established around {place} under "
    "international observers.",
    "The reconstruction fund shall allocate {n} million for {place} and the energy supply of "
    "{other}.",
    "Prisoners held in {place} shall be exchanged within {n} days, all for all, with access "
    "for humanitarian observers from {other}.",
)
"""Sentences that recur with other figures and places, as drafts repeat a provision per region."""

TEMPLATE_SHARE = 0.25
"""Share of the clauses made from a template."""

HARD_OPTIONS: dict[str, float | bool] = {
    "reword": 0.30,
    "reword_share": 0.25,
    "heavy": 0.08,
    "heavy_share": 0.60,
    "delete": 0.06,
    "insert": 0.06,
    "split": 0.03,
    "merge": 0.03,
    "move": 0.08,
    "renumber": True,
}
"""The mutation the harder benchmark applies (issue 12): 30 % lightly and 8 % heavily
reworded, 6 % deleted and inserted, 3 % split and merged, 8 % moved, renumbered."""


def is_named(word: str) -> bool:
    """A figure or a place: what rewording keeps and template siblings differ in."""
    return word[:1].isdigit() or word.rstrip(".,;") in PLACES


class HardGenerator(Generator):
    """`Generator` over the shared vocabulary, with template families and no titles."""

    def __init__(self, seed: int = 1) -> None:
        super().__init__(seed)
        self.words = SHARED_WORDS
        # Zipf-like: "the", "parties", "shall" are everywhere, "arbitration" rarely.
        self.weights = [1.0 / (rank + 1) ** 0.6 for rank in range(len(self.words))]
        self.template_of: dict[str, int] = {}
        """Clause text → the template it was made from (for sibling accuracy)."""
        self._used: set[str] = set()

    def join(self, words: list[str]) -> str:
        """Words as a sentence; unlike the base, places keep their capitals."""
        text = " ".join(words)
        return text[:1].upper() + text[1:] + ("" if text.endswith(".") else ".")

    def clause(self, clause_id: str, topics: list[str] | None = None) -> Clause:
        """A free sentence over the shared words, or (a quarter) a template instance."""
        if self.rng.random() < TEMPLATE_SHARE:
            text = self._instance()
        else:
            words = self.rng.choices(self.words, weights=self.weights, k=self.rng.randint(14, 40))
            text = self.join(words)
        return Clause(id=clause_id, text=text, topics=topics or [], confidence="confirmed")

    def _instance(self) -> str:
        """A template sentence with figures and places no earlier instance has: two templates
        take no second place, so the text, not the draw, must be new (an inserted copy of an
        existing clause is not a clause without a counterpart)."""
        while True:
            template = self.rng.randrange(len(TEMPLATES))
            place, other = self.rng.sample(PLACES, 2)
            n = self.rng.choice((5, 7, 10, 14, 15, 20, 30, 45, 60, 90, 100, 120, 180, 250, 500))
            text = TEMPLATES[template].format(place=place, other=other, n=n)
            if text not in self._used:
                self._used.add(text)
                break
        self.template_of[text] = template
        return text

    def reword(self, text: str, share: float) -> str:
        """Replace, insert or delete about `share` of the words, never a figure or a place."""
        words = text.rstrip(".").split()
        for _ in range(max(1, round(len(words) * share))):
            action = self.rng.random()
            position = self.rng.randrange(len(words))
            new_word = self.rng.choices(self.words, weights=self.weights, k=1)[0]
            if is_named(words[position]):
                if action >= 0.6:
                    words.insert(position + 1, new_word)
            elif action < 0.6 or len(words) < 4:
                words[position] = new_word
            elif action < 0.8:
                words.insert(position, new_word)
            else:
                del words[position]
        rewritten = self.join(words)
        if text in self.template_of:
            self.template_of[rewritten] = self.template_of[text]
        return rewritten

    def mutate_hard(self, base: PlanFile, plan_id: str, **rates: float) -> tuple[PlanFile, Truth]:
        """A new version of `base` under `HARD_OPTIONS` (`rates` override some), and its
        truth."""
        return self.mutate(base, plan_id, **{**HARD_OPTIONS, **rates})  # type: ignore[arg-type]

    def siblings(self, plan: PlanFile) -> set[str]:
        """Addresses of the clauses of `plan` that come from a template (whole, not split)."""
        return {f"{plan.id}:{c.id}" for c in plan.clauses if c.text in self.template_of}
