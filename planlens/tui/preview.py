"""The rows bare `planlens` opened on last time, drawn in its first frame while the plans load.

Loading the plans needs pydantic's models and comparing them the engine: about a tenth of a
second after the first frame, however fast the work itself. When the same plan files (every
file's text, the topics included), the same versions asked for and the same width were shown
before, the start screen draws the status line, headings and rows the compare view showed
then (kept in `planlens.cache`), and the compare view takes over with the same rows once the
plans are loaded. Reading the files and the entry imports no model: pure (no Textual widget).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from textual.content import Content

from planlens import cache
from planlens.corpus.problems import Problem
from planlens.corpus.reading import (
    TOPICS_FILE,
    bundled_plans_dir,
    default_plan_dirs,
    plan_files,
    read_text,
    text_digest,
)
from planlens.tui.table_model import TableLayout

KIND = "Preview"


@dataclass(frozen=True)
class Preview:
    """What the compare view showed on opening: enough to draw it again without the plans."""

    status: Content
    """The status line."""
    table_layout: TableLayout
    """The table laid out (its headings included)."""
    rows: tuple[int, ...]
    """The rows shown, in order."""


MAX_READ_BYTES = 8 * 1024 * 1024
"""Plan files larger than this in all are not read before the first frame (a tenth of a second
of reading and hashing): such a corpus opens on the start screen, as a first opening does."""


def preview_key(plan_dirs: Sequence[Path], plan_ids: Sequence[str], width: int) -> str | None:
    """The key of what opening on `plan_dirs` (empty: the default places) shows for the versions
    `plan_ids` (empty: the default pair) on a screen `width` cells wide: it changes with the text
    of any plan or topics file read, with the files themselves, and with planlens. None when
    the files are too large to read before the first frame (`MAX_READ_BYTES`)."""
    roots = list(plan_dirs) or default_plan_dirs()
    files, problems = plan_files(roots)
    if sum(_size(path) for path in files) > MAX_READ_BYTES:
        return None
    topics = [d / TOPICS_FILE for d in roots if (d / TOPICS_FILE).is_file()]
    parts = [f"width={width}", "versions=" + ",".join(plan_ids)]
    parts += [f"root={root}" for root in roots]
    for path in [*files, *topics, bundled_plans_dir() / TOPICS_FILE]:
        text = read_text(path)
        state = text.message if isinstance(text, Problem) else text_digest(text)
        parts.append(f"{path}={state}")
    parts += [f"problem={problem.path}: {problem.message}" for problem in problems]
    return cache.key(KIND, *parts)


def stored_preview(key: str) -> Preview | None:
    """The preview kept under `key`, if any."""
    stored = cache.get(KIND, key)
    return stored if isinstance(stored, Preview) else None


def store_preview(key: str, preview: Preview) -> None:
    """Keep `preview` for the next opening on the same files, versions and width."""
    cache.put(KIND, key, preview)


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:  # gone meanwhile: reading it says so
        return 0
