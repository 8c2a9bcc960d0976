"""Small builders shared by the tests."""

from __future__ import annotations

VALID_PLAN = """\
[plan]
id = "{id}"
title = "A test plan"
date = 2025-01-01
kind = "plan"
status = "official"
fidelity = "paraphrase"

[[plan.sources]]
publisher = "Example"
title = "Example source"
url = "https://example.org/"

[[clause]]
id = "1"
title = "First"
text = "{text}"
topics = ["elections"]
confidence = "confirmed"
"""


def plan_text(plan_id: str = "solo", text: str = "Elections are held soon.") -> str:
    """The text of a small valid plan file."""
    return VALID_PLAN.format(id=plan_id, text=text)


OTHER_PROVISIONS = [
    "elections are held within one hundred days of the signature",
    "grain ships pass freely on the black sea and the river",
    "frozen assets finance a reconstruction fund",
    "the army is capped at a fixed number of troops",
    "a council of guarantors reviews every violation",
    "sanctions are lifted in stages and case by case",
]
"""Provisions of words of their own: beside them, the words a test's clauses share are rare
enough to count as evidence, and versions share little vocabulary."""
