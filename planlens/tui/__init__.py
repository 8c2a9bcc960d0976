"""The planlens terminal UI (Textual). The only package that imports Textual.

`make_app` is the one factory shared by the CLI and the tests, so tests run what users run.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from planlens.load import Corpus

if TYPE_CHECKING:
    from planlens.tui.app import PlanlensApp


def make_app(
    corpus: Corpus, plan_ids: Sequence[str] | None = None, plan_dirs: Sequence[Path] = ()
) -> PlanlensApp:
    """The app on `corpus`, showing `plan_ids` (default: `default_plan_ids`).

    Raises `UnknownPlanError` (a `PlanlensError`) for an id the corpus does not have.
    """
    from planlens.tui.app import PlanlensApp
    from planlens.tui.state import default_plan_ids, in_corpus_order

    if plan_ids:
        for plan_id in plan_ids:
            corpus.plan(plan_id)
        chosen = tuple(dict.fromkeys(plan_ids))
        shown = chosen if len(chosen) <= 2 else in_corpus_order(corpus, chosen)
    else:
        shown = default_plan_ids(corpus)
    return PlanlensApp(corpus, shown, plan_dirs)
