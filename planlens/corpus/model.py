"""Pydantic models of the data files: a plan version, its sources, clauses and omissions; topics.

These models are the plan-file format (DESIGN.md, "The plan file"). They are strict: unknown
keys are errors, values keep the types TOML gave them, and every field carries a one-line
docstring that becomes its description in `plans/plan.schema.json`.
"""

from __future__ import annotations

import datetime as dt
import math
import sys
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ModelWrapValidatorHandler,
    PrivateAttr,
    field_validator,
    model_validator,
)

from planlens.corpus.address import format_address

PLAN_ID_PATTERN = r"^[a-z0-9][a-z0-9-]*$"
CLAUSE_ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9._-]*$"
ADDRESS_PATTERN = r"^[a-z0-9][a-z0-9-]*:[A-Za-z0-9][A-Za-z0-9._-]*$"
TERM_NAME_PATTERN = r"^[a-z][a-z0-9_]*$"
URL_PATTERN = r"^https?://\S+$"

Kind = Literal["plan", "counter-proposal", "framework", "resolution", "statement"]
Status = Literal["official", "leaked", "reported", "reconstructed"]
Fidelity = Literal["verbatim", "paraphrase", "summary"]
Confidence = Literal["confirmed", "reported", "uncertain"]

PlanId = Annotated[str, Field(pattern=PLAN_ID_PATTERN, max_length=64)]
ClauseId = Annotated[str, Field(pattern=CLAUSE_ID_PATTERN, max_length=64)]
Address = Annotated[str, Field(pattern=ADDRESS_PATTERN, max_length=129)]
Url = Annotated[str, Field(pattern=URL_PATTERN, max_length=2048)]
TermValue = bool | int | float | dt.date | str
"""A typed figure: TOML gives it its type (integer, float, string, boolean, date)."""
NO_FIGURE = "none"
"""A term's value when the text explicitly sets no such figure (`army_cap = "none"`: no cap)."""

KINDS: tuple[Kind, ...] = ("plan", "counter-proposal", "framework", "resolution", "statement")
STATUSES: tuple[Status, ...] = ("official", "leaked", "reported", "reconstructed")
FIDELITIES: tuple[Fidelity, ...] = ("verbatim", "paraphrase", "summary")
CONFIDENCES: tuple[Confidence, ...] = ("confirmed", "reported", "uncertain")
DEFAULT_CONFIDENCE: dict[str, Confidence] = {
    "official": "confirmed",
    "leaked": "confirmed",
    "reported": "reported",
    "reconstructed": "reported",
}
"""A clause's confidence when its file leaves it out, by its plan's status: text seen is
confirmed, text known from reports is reported."""


class _Strict(BaseModel):
    """Shared configuration: unknown keys forbidden, no type coercion, immutable; validators
    built when the first file is validated (a command whose files all come from
    `planlens.cache` never builds them)."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True, defer_build=True)


class Source(_Strict):
    """Where the text of a version, or a claim about it, can be checked."""

    publisher: str = Field(min_length=1)
    """Who published it (outlet, institution or person)."""
    title: str = Field(min_length=1)
    """The title of the page or document."""
    url: Url
    """Its address; only http(s) addresses are accepted."""
    date: dt.date | None = None
    """The date it was published, if known."""
    note: str | None = None
    """What this source supports, or how reliable it is."""


class Plan(_Strict):
    """One version of the negotiated text: its identity, provenance and how its text is known."""

    id: PlanId
    """Unique lowercase slug, used in every clause address (`us-28:6`)."""
    title: str = Field(min_length=1)
    """Full name of the version."""
    short: str = ""
    """Short label for column headers; defaults to the id in upper case."""
    date: dt.date
    """The version's date (TOML date, e.g. 2025-11-20)."""
    origin: str = ""
    """Who drafted or issued it."""
    kind: Kind
    """plan | counter-proposal | framework | resolution | statement."""
    status: Status
    """How its text is known: official | leaked | reported | reconstructed."""
    fidelity: Fidelity
    """How the clause texts relate to the original: verbatim | paraphrase | summary."""
    based_on: list[PlanId] = Field(default_factory=list)
    """Ids of the versions this one revises (its lineage)."""
    complete: bool = True
    """False when only part of this version is known: a missing counterpart is then unknown."""
    summary: str = ""
    """One to three sentences on what this version is."""
    sources: list[Source] = Field(default_factory=list)
    """Where its text, or the reports of it, can be checked."""

    @property
    def label(self) -> str:
        """The column header: `short`, or the id in upper case."""
        return self.short or self.id.upper()


def _confidence_optional(schema: dict[str, Any]) -> None:
    """In the file format a clause may leave `confidence` out (its plan's status decides)."""
    required = schema.get("required")
    if isinstance(required, list) and "confidence" in required:
        required.remove("confidence")


def first_words(text: str, count: int = 10) -> str:
    """The first `count` words of `text`, with an ellipsis when there are more."""
    words = text.split()
    return " ".join(words[:count]) + ("…" if len(words) > count else "")


class Clause(_Strict):
    """One provision of a version, addressed as `plan-id:clause-id`."""

    model_config = ConfigDict(**_Strict.model_config, json_schema_extra=_confidence_optional)

    id: ClauseId
    """The document's own number: "6", sub-points "10.a", unnumbered paragraphs "p1"."""
    title: str = ""
    """A short title for the provision."""
    text: str = Field(min_length=1)
    """The provision, in the project's own words unless the plan's fidelity is verbatim."""
    topics: list[str] = Field(default_factory=list)
    """Topic ids from topics.toml."""
    terms: dict[Annotated[str, Field(pattern=TERM_NAME_PATTERN)], TermValue] = Field(
        default_factory=dict
    )
    """Typed figures, named with the shared vocabulary (army_cap = 600000); the value "none"
    says the text explicitly sets no such figure (army_cap = "none": no cap at all)."""
    links: list[Address] = Field(default_factory=list)
    """Asserted counterparts in other versions, as clause addresses ("us-28:6")."""
    not_links: list[Address] = Field(
        default_factory=list, exclude_if=lambda addresses: not addresses
    )
    """Suggested counterparts an editor rejected ("us-28:7"): never suggested again."""
    confidence: Confidence
    """How sure we are of it: confirmed | reported | uncertain (default: from the plan's status)."""
    bracketed: bool = False
    """True for unagreed alternative text (a draft's square brackets)."""
    note: str | None = None
    """Editor's note: variants between sources, provisional numbering, caveats."""

    _confidence_by_default: bool = PrivateAttr(default=False)

    @property
    def name(self) -> str:
        """What the clause is called: its title, or enough of its first words to tell what it
        is about when it has none (a fresh import has no titles)."""
        return self.title or first_words(self.text)

    @property
    def confidence_by_default(self) -> bool:
        """True when the file left `confidence` out and the plan's status gave it."""
        return self._confidence_by_default

    @property
    def confidence_label(self) -> str:
        """The confidence as shown to readers: `confirmed`, or `confirmed (default)`."""
        return f"{self.confidence} (default)" if self._confidence_by_default else self.confidence

    @field_validator("text")
    @classmethod
    def _text_not_blank(cls, text: str) -> str:
        if not text.strip():
            raise ValueError("clause text is blank")
        return text

    @field_validator("terms")
    @classmethod
    def _terms_finite(cls, terms: dict[str, TermValue]) -> dict[str, TermValue]:
        for name, value in terms.items():
            if isinstance(value, bool) or not isinstance(value, int | float):
                continue
            if abs(value) > sys.float_info.max or not math.isfinite(value):
                raise ValueError(
                    f"term {name!r} is not a finite number of a usable size "
                    f"(inf, nan, or beyond ±{sys.float_info.max:.1e})"
                )
        return terms


class Omission(_Strict):
    """A provision of another version that this version is reported to have dropped."""

    ref: Address
    """The dropped provision's address, e.g. "us-28:26"."""
    note: str = Field(min_length=1)
    """What was reported, and by whom."""
    source: Url | None = None
    """Where the report can be checked."""
    confidence: Confidence = "reported"
    """How sure we are that it was dropped: confirmed | reported | uncertain."""


class PlanFile(_Strict):
    """A whole plan file: `[plan]`, its `[[clause]]` entries and its `[[omission]]` entries."""

    plan: Plan
    """The version's metadata."""
    clause: list[Clause] = Field(default_factory=list)
    """The provisions, in the document's order."""
    omission: list[Omission] = Field(default_factory=list)
    """Provisions of other versions this one is reported to have dropped."""

    @model_validator(mode="wrap")
    @classmethod
    def _default_confidence(
        cls, data: Any, handler: ModelWrapValidatorHandler[PlanFile]
    ) -> PlanFile:
        """Give each clause without `confidence` the one its plan's status implies."""
        data, defaulted = _fill_confidence(data)
        plan_file = handler(data)
        for index in defaulted:
            plan_file.clause[index]._confidence_by_default = True
        return plan_file

    @model_validator(mode="after")
    def _clauses_or_incomplete(self) -> PlanFile:
        if not self.clause and self.plan.complete:
            raise ValueError(
                "a plan with no clauses must say so with complete = false "
                "(only part of the version is known)"
            )
        return self

    @property
    def id(self) -> str:
        """The plan's id."""
        return self.plan.id

    @property
    def clauses(self) -> list[Clause]:
        """The clauses, in document order."""
        return self.clause

    def address(self, clause: Clause) -> str:
        """The citable address of one of this plan's clauses."""
        return format_address(self.plan.id, clause.id)


def _fill_confidence(data: Any) -> tuple[Any, list[int]]:
    """Plan-file data with each clause's missing `confidence` filled in, and their positions."""
    if not isinstance(data, dict) or not isinstance(data.get("clause"), list):
        return data, []
    plan = data.get("plan")
    status = plan.get("status") if isinstance(plan, dict) else None
    default = DEFAULT_CONFIDENCE.get(status, "reported") if isinstance(status, str) else "reported"
    clauses: list[Any] = []
    defaulted: list[int] = []
    for index, entry in enumerate(data["clause"]):
        if isinstance(entry, dict) and "confidence" not in entry:
            entry = {**entry, "confidence": default}
            defaulted.append(index)
        clauses.append(entry)
    return {**data, "clause": clauses}, defaulted


class Topic(_Strict):
    """One entry of the topic taxonomy (plans/topics.toml)."""

    id: str = Field(pattern=r"^[a-z][a-z0-9-]*$")
    """Slug used in clause `topics`."""
    label: str = Field(min_length=1)
    """Human-readable name."""
    group: str = ""
    """The wider area it belongs to (after the PA-X categories)."""
    description: str = ""
    """What provisions it covers."""


class TopicsFile(_Strict):
    """plans/topics.toml: the list of `[[topic]]` entries."""

    topic: list[Topic]
    """The topics."""
