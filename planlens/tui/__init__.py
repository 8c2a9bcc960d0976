"""The planlens terminal UI (Textual). The only package that imports Textual.

`make_app` is the one factory shared by the CLI and the tests, so tests run what users run.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from planlens.corpus.load import Corpus
    from planlens.tui.app import PlanlensApp


def make_app(
    corpus: Corpus | None = None,
    plan_ids: Sequence[str] | None = None,
    plan_dirs: Sequence[Path] = (),
) -> PlanlensApp:
    """The app on `corpus`, or on the plans in `plan_dirs`, showing `plan_ids`.

    Without a corpus the app paints at once and loads the plans from `plan_dirs` (default: the
    usual places) in a worker; an unknown id then closes it with `startup_error` set. With a
    corpus, an unknown id raises `UnknownPlanError` (a `PlanlensError`) here. `plan_ids`
    defaults to `default_plan_ids`.
    """
    from planlens.tui.app import PlanlensApp

    if corpus is None:
        return PlanlensApp(None, plan_ids or (), plan_dirs)
    from planlens.tui.state import resolve_plan_ids

    return PlanlensApp(corpus, resolve_plan_ids(corpus, plan_ids), plan_dirs)
