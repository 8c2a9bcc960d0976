"""Shared fixtures: the hand-made mini corpus, a plan-file writer, and a CLI runner."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from planlens.cli import main

DATA = Path(__file__).parent / "data"
MINI = DATA / "mini"
REPO = Path(__file__).parent.parent
BUNDLED = REPO / "plans"


@dataclass(frozen=True)
class CliResult:
    """What a CLI run returned and printed."""

    code: int
    out: str
    err: str


@pytest.fixture(autouse=True, scope="session")
def _no_cache() -> Iterator[None]:
    """planlens's cache (`planlens.cache`) off: a test sees what planlens computes, never what
    an earlier test (or a test that changed the engine's settings) left; tests of the cache
    name a directory of their own."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("PLANLENS_CACHE_DIR", "off")
        yield


@pytest.fixture
def mini_dir(tmp_path: Path) -> Path:
    """A writable copy of the mini corpus (alpha, beta, gamma and their topics)."""
    target = tmp_path / "mini"
    shutil.copytree(MINI, target)
    return target


@pytest.fixture
def run_cli(capsys: pytest.CaptureFixture[str]) -> Callable[..., CliResult]:
    """Run `planlens ARGS` in-process through `main()`, as the console script does."""

    def run(*args: str | Path) -> CliResult:
        code = main([str(a) for a in args])
        captured = capsys.readouterr()
        return CliResult(code, captured.out, captured.err)

    return run
