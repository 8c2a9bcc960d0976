"""Hostile and huge input, as a table of cases: each gets a clear problem or message, a
non-zero exit where it is an error, and never an internal error, a hang or a traceback.

The huge cases are sized to run in well under a minute together, yet large enough that the
quadratic or exponential versions of the code they guard (`locate()` per warning, cycle
enumeration) would not finish in CI time; the timings are measured in
benchmarks/bench_hostile.py, not asserted here.
"""

from __future__ import annotations

import codecs
import os
import stat
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planlens.corpus.load import load_corpus
from tests.conftest import MINI, CliResult
from tests.helpers import plan_text

Run = Callable[..., CliResult]


@dataclass(frozen=True)
class Case:
    """One hostile plan file: its text, and what the problem about it must say and where."""

    name: str
    text: str | bytes
    message: str
    line: int | None


def _term(value: str) -> str:
    return plan_text("bad") + f"terms = {{ army_cap = {value} }}\n"


def _deep(levels: int) -> str:
    return plan_text("bad") + "terms = { x = " + "[" * levels + "]" * levels + " }\n"


CASES = [
    Case("5000-digit integer", _term("9" * 5000), "a number of 5,000 digits", 20),
    Case("integer beyond a float", _term("1" + "0" * 400), "not a finite number", 20),
    Case("term above 1.8e308", _term("1e309"), "not a finite number", 20),
    Case("inf term", _term("inf"), "not a finite number", 20),
    Case("-inf term", _term("-inf"), "not a finite number", 20),
    Case("nan term", _term("nan"), "not a finite number", 20),
    Case("500-deep nesting", _deep(500), "nested too deeply", 20),
    Case(
        "UTF-16 with BOM", plan_text("bad").encode("utf-16"), "UTF-16 text; save it as UTF-8", None
    ),
    Case(
        "UTF-16 without BOM",
        plan_text("bad").encode("utf-16-le"),
        "UTF-16 text; save it as UTF-8",
        None,
    ),
    Case(
        "UTF-16 big-endian",
        codecs.BOM_UTF16_BE + plan_text("bad").encode("utf-16-be"),
        "UTF-16 text; save it as UTF-8",
        None,
    ),
    Case(
        "a time of day",
        plan_text("bad").replace("date = 2025-01-01", "date = 10:30:00"),
        "has the wrong type (a time of day)",
        4,
    ),
    Case(
        "a date with a time",
        plan_text("bad").replace("date = 2025-01-01", "date = 2025-01-01T10:30:00"),
        "has the wrong type (a date with a time of day)",
        4,
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_a_hostile_file_is_a_problem_with_its_line(case: Case, tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    if isinstance(case.text, bytes):
        bad.write_bytes(case.text)
    else:
        bad.write_text(case.text, encoding="utf-8")
    (tmp_path / "good.toml").write_text(plan_text("good"), encoding="utf-8")
    corpus = load_corpus([tmp_path])
    assert corpus.ids == ["good"], "the other plans still load"
    [problem] = corpus.errors
    assert problem.path == bad
    assert case.message in problem.message
    assert problem.line == case.line
    assert "str" not in problem.message.split() and "datetime" not in problem.message


@pytest.mark.parametrize("case", CASES[:7], ids=[case.name for case in CASES[:7]])
def test_validate_reports_a_hostile_file_cleanly(case: Case, tmp_path: Path, run_cli: Run) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text(str(case.text), encoding="utf-8")
    result = run_cli("validate", bad)
    assert result.code == 1
    assert case.message in result.out
    assert "internal error" not in result.err


def _broken_link(path: Path) -> None:
    path.symlink_to(path.parent / "nowhere")


def _loop(path: Path) -> None:
    path.symlink_to(path)


SPECIAL: dict[str, tuple[Callable[[Path], None], str]] = {
    "broken symlink": (_broken_link, "a broken symlink"),
    "symlink loop": (_loop, "a symlink loop"),
    "directory": (Path.mkdir, "a directory, not a plan file"),
    "fifo": (os.mkfifo, "a named pipe (FIFO), not a plan file"),
}


@pytest.mark.parametrize("kind", sorted(SPECIAL))
def test_special_files_named_toml_are_reported(kind: str, tmp_path: Path) -> None:
    make, message = SPECIAL[kind]
    make(tmp_path / "odd.toml")
    (tmp_path / "good.toml").write_text(plan_text("good"), encoding="utf-8")
    corpus = load_corpus([tmp_path])
    assert corpus.ids == ["good"]
    [problem] = corpus.errors
    assert problem.path == tmp_path / "odd.toml"
    assert message in problem.message


@pytest.mark.skipif(os.geteuid() != 0, reason="making a device node needs root")
def test_a_device_named_toml_is_reported(tmp_path: Path) -> None:
    os.mknod(tmp_path / "dev.toml", 0o600 | stat.S_IFCHR, os.makedev(1, 3))
    [problem] = load_corpus([tmp_path]).errors
    assert "a device, not a plan file" in problem.message


def test_validate_given_a_symlink_loop(tmp_path: Path, run_cli: Run) -> None:
    loop = tmp_path / "loop.toml"
    loop.symlink_to(loop)
    result = run_cli("validate", loop)
    assert result.code == 1
    assert "a symlink loop" in result.out
    assert "internal error" not in result.err


@pytest.mark.parametrize("where", ["missing", "file", "/dev/null", ""])
def test_plans_not_a_directory_is_said_plainly(where: str, tmp_path: Path, run_cli: Run) -> None:
    if where == "missing":
        where = str(tmp_path / "absent")
    elif where == "file":
        where = str(tmp_path / "notes.txt")
        Path(where).write_text("hello", encoding="utf-8")
    result = run_cli("list", "--plans", where)
    assert result.code == 2
    assert f"no plans directory at {where or repr('')}" in result.err
    assert result.out == ""


def test_stdout_on_a_full_disk_is_a_clean_error(run_cli: Run) -> None:
    full = Path("/dev/full")
    if not full.exists():
        pytest.skip("no /dev/full here")
    import subprocess
    import sys

    with full.open("w") as sink:
        done = subprocess.run(
            [sys.executable, "-m", "planlens", "list", "--plans", str(MINI)],
            stdout=sink,
            stderr=subprocess.PIPE,
            text=True,
            timeout=60,
            check=False,
        )
    assert done.returncode == 1
    assert "planlens: error: cannot write the output: No space left on device" in done.stderr
    assert "Traceback" not in done.stderr


def test_ten_thousand_clauses_without_topics_load(tmp_path: Path) -> None:
    """10,000 warnings in one file: quadratic before (204 s); linear now (about a second)."""
    clause = '[[clause]]\nid = "{n}"\ntext = "Point {n}."\nconfidence = "confirmed"\n\n'
    body = "".join(clause.format(n=n) for n in range(1, 10_001))
    head = plan_text("big").split("[[clause]]")[0]
    (tmp_path / "big.toml").write_text(head + body, encoding="utf-8")
    corpus = load_corpus([tmp_path])
    warnings = [p for p in corpus.problems if p.message == "the clause has no topics"]
    assert len(warnings) == 10_000
    last_header = len(head.splitlines()) + 5 * 9_999 + 1
    assert (warnings[0].line, warnings[-1].line) == (len(head.splitlines()) + 1, last_header)


def test_eleven_plans_based_on_each_other_report_one_cycle_group(tmp_path: Path) -> None:
    """Every plan based on every other: exponential before (> 150 s); linear now."""
    ids = [f"p{n:02d}" for n in range(11)]
    for plan_id in ids:
        others = ", ".join(f'"{other}"' for other in ids if other != plan_id)
        text = plan_text(plan_id).replace(
            "[[plan.sources]]", f"based_on = [{others}]\n\n[[plan.sources]]"
        )
        (tmp_path / f"{plan_id}.toml").write_text(text, encoding="utf-8")
    cycles = [p for p in load_corpus([tmp_path]).errors if "cycle" in p.message]
    assert [p.path for p in cycles] == [tmp_path / "p00.toml"]
    assert "p00 → p01 → p00" in cycles[0].message
    assert "11 versions are caught in cycles" in cycles[0].message


def test_import_keeps_odd_separators_word_for_word(tmp_path: Path, run_cli: Run) -> None:
    source = tmp_path / "odd.txt"
    source.write_text("1. Ar\u200bmy\u2028cap\x0bat\x0c600,000.\n2. Two.\n", encoding="utf-8")
    target = tmp_path / "odd.toml"
    result = run_cli("import", source, "--id", "odd", "--plans", MINI, "-o", target)
    assert result.code == 0, result.err
    plan = load_corpus([target]).plan("odd")
    assert plan.clauses[0].text == "Ar\u200bmy\u2028cap\x0bat\x0c600,000."


def test_import_accepts_point_numbers_past_9999() -> None:
    """They were folded into point 9999 (a 1.1 MB clause) when markers had at most 4 digits."""
    from planlens.authoring import import_text

    text = "\n".join(f"{n}. Point {n}." for n in range(1, 10_003))
    plan = import_text(text, "many")
    assert [c.id for c in plan.clauses[-4:]] == ["9999", "10000", "10001", "10002"]
    assert plan.clauses[-4].text == "Point 9999."


# -- properties: whatever the bytes, the loader answers with problems, never an exception -----

TOML_PIECES = st.sampled_from(
    [
        "[plan]\n",
        "[[clause]]\n",
        'id = "x"\n',
        "date = 2025-01-01\n",
        "terms = { a = 1e999 }\n",
        "a = " + "[" * 300,
        "n = " + "9" * 4400 + "\n",
        'text = "\\u202e"\n',
        "= \n",
        '"""\n',
        "\x00",
        "\ufeff",
    ]
)


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    pieces=st.lists(st.one_of(TOML_PIECES, st.text(max_size=40)), max_size=12),
    encoding=st.sampled_from(["utf-8", "utf-16", "latin-1"]),
)
def test_any_file_gives_problems_not_exceptions(
    pieces: list[str], encoding: str, tmp_path: Path
) -> None:
    path = tmp_path / "fuzz.toml"
    path.write_bytes(("".join(pieces)).encode(encoding, errors="replace"))
    corpus = load_corpus([path])
    for problem in corpus.problems:
        assert problem.path == path
        assert problem.message
