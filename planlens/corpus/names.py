"""What a user may call a version: its id or its `short` label, in any case.

The labels shown as column headers (GEN-19, LDN-APR, BERLIN) are what people read, so they are
accepted wherever an id is: the CLI, the TUI's jump and its palette all resolve names here. An
id wins over a label; a label that two versions share is refused, naming both; a name that fits
nothing is refused with the closest names (difflib) or, failing those, every known id. Topic
ids get the same help.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from planlens.corpus.model import PlanFile
from planlens.errors import PlanlensError

CLOSE_MATCHES = 3
"""How many close names an error suggests."""
CLOSE_CUTOFF = 0.6
"""difflib's similarity ratio below which a name is not offered as a close match."""


def describe(plan: PlanFile) -> str:
    """`geneva-19 (GEN-19)`, or just the id when its label is the id in upper case."""
    label = plan.plan.label
    return plan.id if label.casefold() == plan.id.casefold() else f"{plan.id} ({label})"


class UnknownPlanError(PlanlensError):
    """A name that is neither the id nor the label of a plan in the corpus."""

    def __init__(self, plan_id: str, known: Sequence[str], close: Sequence[str] = ()) -> None:
        """`known` and `close` name plans as `describe` does: `geneva-19 (GEN-19)`."""
        self.plan_id = plan_id
        self.close = list(close)
        """The closest names, described as `id (LABEL)`."""
        if close:
            super().__init__(
                f"no plan with id or label {plan_id!r}; did you mean {_either(close)}?"
            )
        else:
            listing = ", ".join(known) or "none"
            super().__init__(f"no plan with id {plan_id!r} (known: {listing})")


class AmbiguousPlanError(PlanlensError):
    """A label that more than one version carries."""

    def __init__(self, name: str, candidates: Sequence[str]) -> None:
        self.name = name
        self.candidates = list(candidates)
        """The versions it could mean, described as `id (LABEL)`."""
        super().__init__(
            f"{name!r} is the label of {len(candidates)} versions: {', '.join(candidates)}; "
            "give the id"
        )


def resolve_name(plans: Sequence[PlanFile], name: str) -> str:
    """The id of the plan called `name`: its id (exact, else in any case), else its label.

    Raises `AmbiguousPlanError` when a label fits several plans and `UnknownPlanError`, with
    the closest ids and labels, when nothing fits.
    """
    wanted = name.strip()
    for plan in plans:
        if plan.id == wanted:
            return plan.id
    folded = wanted.casefold()
    by_id = [plan for plan in plans if plan.id.casefold() == folded]
    if by_id:
        return by_id[0].id
    by_label = [plan for plan in plans if plan.plan.label.casefold() == folded]
    if len(by_label) == 1:
        return by_label[0].id
    if by_label:
        raise AmbiguousPlanError(wanted, [describe(plan) for plan in by_label])
    raise UnknownPlanError(name, [describe(plan) for plan in plans], close_names(plans, wanted))


def close_names(plans: Sequence[PlanFile], name: str) -> list[str]:
    """The plans whose id or label is nearest `name` (difflib), described as `id (LABEL)`."""
    named: dict[str, PlanFile] = {}
    for plan in plans:
        named.setdefault(plan.id.casefold(), plan)
        named.setdefault(plan.plan.label.casefold(), plan)
    import difflib  # only for a name that is not known

    matches = difflib.get_close_matches(
        name.casefold(), list(named), n=CLOSE_MATCHES * 2, cutoff=CLOSE_CUTOFF
    )
    described = dict.fromkeys(describe(named[match]) for match in matches)
    return list(described)[:CLOSE_MATCHES]


class UnknownTopicError(PlanlensError):
    """A topic id that is not in the taxonomy: the error names the closest ids, not all."""

    def __init__(self, topic: str, labels: Mapping[str, str]) -> None:
        self.topic = topic
        self.close = close_topics(topic, labels)
        """The topic ids nearest the one given, by id or by label."""
        if self.close:
            super().__init__(f"unknown topic {topic!r}; did you mean {_either(self.close)}?")
        else:
            listing = ", ".join(sorted(labels)) or "none"
            super().__init__(f"unknown topic {topic!r} (known: {listing})")


def close_topics(topic: str, labels: Mapping[str, str]) -> list[str]:
    """The topic ids whose id or label is nearest `topic` (difflib), closest first."""
    named: dict[str, str] = {}
    for topic_id, label in labels.items():
        named.setdefault(topic_id.casefold(), topic_id)
        named.setdefault(label.casefold(), topic_id)
    import difflib  # only for a name that is not known

    matches = difflib.get_close_matches(
        topic.casefold(), list(named), n=CLOSE_MATCHES * 2, cutoff=CLOSE_CUTOFF
    )
    return list(dict.fromkeys(named[match] for match in matches))[:CLOSE_MATCHES]


def _either(options: Sequence[str]) -> str:
    if len(options) == 1:
        return options[0]
    return ", ".join(options[:-1]) + " or " + options[-1]
