"""Heavy libraries load only when a problem needs them: a small diff never imports scipy, and
a command loads only the report renderers it uses."""

from __future__ import annotations

import importlib
import json
import os
import subprocess
import sys

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from planlens.align import matching
from planlens.report import FORMATS


def test_a_small_diff_does_not_import_scipy() -> None:
    code = (
        "import sys\n"
        "from planlens.cli import main\n"
        "code = main(['diff', 'us-28', 'e3-28'])\n"
        "assert code == 0, code\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'scipy'))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip().splitlines()[-1] == "[]"


def _renderers_loaded(argv: list[str]) -> set[str]:
    """The report modules a fresh interpreter has imported after running `planlens argv`."""
    code = (
        "import json, sys\n"
        "from planlens.cli import main\n"
        f"code = main({argv!r})\n"
        "assert code == 0, code\n"
        "print(json.dumps([m for m in sys.modules if m.startswith('planlens.report.')]))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    loaded: list[str] = json.loads(done.stdout.strip().splitlines()[-1])
    return set(loaded)


RENDERERS = {"planlens.report.html", "planlens.report.markdown", "planlens.report.json_report"}


def test_a_text_diff_loads_the_text_renderer_only() -> None:
    loaded = _renderers_loaded(["diff", "us-28", "e3-28"])
    assert "planlens.report.text_report" in loaded
    assert not (RENDERERS | {"planlens.report.html_parts"}) & loaded


def test_list_and_show_load_no_report_renderer() -> None:
    assert not (RENDERERS | {"planlens.report.text_report"}) & _renderers_loaded(["list"])
    loaded = _renderers_loaded(["show", "us-28:1"])
    assert not (RENDERERS | {"planlens.report.text_report"}) & loaded


def test_every_format_names_a_renderer_that_exists() -> None:
    assert sorted(FORMATS) == ["html", "json", "md", "text"]
    for fmt in FORMATS.values():
        module, _, function = fmt.renderer.partition(":")
        assert callable(getattr(importlib.import_module(module), function))


@given(
    st.integers(1, 9),
    st.integers(1, 9),
    st.lists(st.sampled_from([0.0, 0.0, 0.2, 0.5, 0.7, 0.9, 1.0]), min_size=81, max_size=81),
)
@settings(max_examples=150, deadline=None)
def test_the_numpy_matching_weighs_as_much_as_scipys(
    count: int, width: int, values: list[float]
) -> None:
    weights = np.array(values[: count * width]).reshape(count, width)
    small = matching.best_matching(weights)
    limit = matching.SMALL_MATCHING
    try:
        matching.SMALL_MATCHING = 0
        large = matching.best_matching(weights)
    finally:
        matching.SMALL_MATCHING = limit
    assert abs(sum(weights[r, c] for r, c in small) - sum(weights[r, c] for r, c in large)) < 1e-9
    assert len({c for _, c in small}) == len(small)


def test_a_text_diff_builds_no_comparison_schema() -> None:
    # The Comparison's models are built without validation and their schemas deferred: a
    # text diff never pays for building them.
    code = (
        "import io, contextlib\n"
        "from planlens.cli import main\n"
        "from planlens.comparison import model\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    assert main(['diff', 'us-28', 'e3-28']) == 0\n"
        "built = [name for name, value in vars(model).items()\n"
        "         if getattr(value, '__module__', '') == model.__name__\n"
        "         and getattr(value, '__pydantic_complete__', False)]\n"
        "print(len([v for v in vars(model).values() if hasattr(v, 'model_fields')]), built)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    models, built = done.stdout.strip().splitlines()[-1].split(" ", 1)
    assert int(models) >= 8
    assert built == "[]"


def _blas_threads(env_value: str | None) -> str:
    """OPENBLAS_NUM_THREADS as the CLI's process sees it once `planlens.cli` is imported."""
    env = {key: value for key, value in os.environ.items() if key != "OPENBLAS_NUM_THREADS"}
    if env_value is not None:
        env["OPENBLAS_NUM_THREADS"] = env_value
    code = "import os, planlens.cli\nprint(os.environ.get('OPENBLAS_NUM_THREADS'))\n"
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env
    )
    return done.stdout.strip()


def test_the_cli_runs_blas_on_one_thread_unless_told_otherwise() -> None:
    assert _blas_threads(None) == "1"
    assert _blas_threads("4") == "4"


@pytest.mark.parametrize(
    "argv", [["search", "zaporizhzhia"], ["figures", "army_cap"]], ids=["search", "figures"]
)
def test_questions_that_need_no_alignment_load_no_aligner(argv: list[str]) -> None:
    # Searching the corpus and listing its figures read the plans only: neither the aligner
    # nor numpy belongs on their start-up path.
    code = (
        "import io, contextlib, json, sys\n"
        "from planlens.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    assert main({argv!r}) == 0\n"
        "print(json.dumps(sorted(m for m in sys.modules\n"
        "    if m.split('.')[0] in ('numpy', 'scipy') or m == 'planlens.align.passes')))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert json.loads(done.stdout.strip().splitlines()[-1]) == []
