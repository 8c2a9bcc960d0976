"""App-wide messages: what workers post when their work is done (or failed).

Workers only compute and post one of these; `@on` handlers on the screens change widgets.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from textual.message import Message

if TYPE_CHECKING:
    from planlens.comparison.history import History
    from planlens.comparison.model import Comparison
    from planlens.comparison.overview import Similarity
    from planlens.corpus.load import Corpus
    from planlens.tui.opening import FirstView
    from planlens.tui.table_model import TableLayout


@dataclass
class CorpusLoaded(Message):
    """The plans the app opens on, loaded by its worker after the first frame."""

    corpus: Corpus
    """The valid plans and every problem found."""
    plan_dirs: Sequence[Path]
    """Where they were read from."""
    first: FirstView | None = None
    """The versions shown first, already compared and laid out (None: the view compares)."""


@dataclass
class CorpusFailed(Message):
    """Loading the plans failed outright (an internal error: problems in files do not)."""

    error: Exception
    """What was raised."""


@dataclass
class ComparisonReady(Message):
    """A comparison of the versions asked for, laid out for the table."""

    plan_ids: tuple[str, ...]
    """The versions compared, in order."""
    comparison: Comparison
    """What `compare()` returned."""
    table_layout: TableLayout
    """Its rows laid out for the table's width."""


@dataclass
class ComparisonFailed(Message):
    """Comparing the versions failed."""

    plan_ids: tuple[str, ...]
    """The versions asked for."""
    error: str
    """What went wrong, for the user."""


@dataclass
class LayoutReady(Message):
    """The current comparison laid out again for a new table width."""

    plan_ids: tuple[str, ...]
    """The versions of the comparison laid out."""
    table_layout: TableLayout
    """The new layout."""


@dataclass
class SimilarityComputed(Message):
    """One cell of the overview's similarity heat map."""

    similarity: Similarity
    """How alike the two versions are."""
    done: int
    """Pairs computed so far."""
    total: int
    """Pairs to compute."""


@dataclass
class ReportWritten(Message):
    """The export wrote a report."""

    path: Path
    """Where it was written."""


@dataclass
class ReportFailed(Message):
    """The export could not write the report."""

    error: str
    """What went wrong, for the user."""


@dataclass
class HistoryReady(Message):
    """A provision's history across every version, computed by the history view's worker."""

    history: History
    """What `comparison.history.history()` returned."""


@dataclass
class HistoryFailed(Message):
    """The provision's history could not be computed."""

    error: str
    """What went wrong, for the user."""
