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
