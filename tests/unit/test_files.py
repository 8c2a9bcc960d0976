"""Every written file goes through `planlens.files`: atomic for files, through symlinks, never
over a device or pipe, never over an existing file without --force, and no stale temporaries."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from planlens.errors import PlanlensError
from planlens.files import remove_leftovers, write_text
from tests.conftest import DATA, MINI, CliResult

Run = Callable[..., CliResult]
UA_20_LIKE = DATA / "import" / "ua-20-like.txt"


@pytest.fixture(autouse=True)
def _no_plans_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("PLANLENS_PLANS", raising=False)


def dead_pid() -> int:
    """The id of a process that has finished."""
    child = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        check=True,
        capture_output=True,
        text=True,
    )
    return int(child.stdout)


def test_report_refuses_to_overwrite_without_force(tmp_path: Path, run_cli: Run) -> None:
    target = tmp_path / "r.md"
    target.write_text("keep me", encoding="utf-8")
    result = run_cli("report", "alpha", "beta", "--plans", MINI, "-o", target)
    assert result.code == 1
    assert f"{target} already exists; use --force to overwrite it" in result.err
    assert target.read_text(encoding="utf-8") == "keep me"
    forced = run_cli("report", "alpha", "beta", "--plans", MINI, "-o", target, "--force")
    assert forced.code == 0, forced.err
    assert target.read_text(encoding="utf-8").startswith("# planlens report")


def test_report_through_a_symlink_writes_its_target(tmp_path: Path, run_cli: Run) -> None:
    real = tmp_path / "real.md"
    real.write_text("old", encoding="utf-8")
    link = tmp_path / "link.md"
    link.symlink_to(real)
    result = run_cli("report", "alpha", "beta", "--plans", MINI, "-o", link, "--force")
    assert result.code == 0, result.err
    assert link.is_symlink()
    assert real.read_text(encoding="utf-8").startswith("# planlens report")


def test_a_dangling_symlink_creates_its_target(tmp_path: Path) -> None:
    link = tmp_path / "link.md"
    link.symlink_to(tmp_path / "new.md")
    write_text(link, "text")
    assert link.is_symlink()
    assert (tmp_path / "new.md").read_text(encoding="utf-8") == "text"


def test_report_into_a_fifo_writes_to_it_and_keeps_it(tmp_path: Path, run_cli: Run) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    reader = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)
    try:
        result = run_cli("report", "alpha", "beta", "--plans", MINI, "-o", fifo)
        assert result.code == 0, result.err
        assert stat.S_ISFIFO(fifo.lstat().st_mode), "the pipe was replaced by a file"
        assert os.read(reader, 1 << 16).startswith(b"# planlens report")
    finally:
        os.close(reader)


def test_import_refuses_a_fifo(tmp_path: Path, run_cli: Run) -> None:
    fifo = tmp_path / "pipe.toml"
    os.mkfifo(fifo)
    result = run_cli("import", UA_20_LIKE, "--id", "x", "--plans", MINI, "-o", fifo, "--force")
    assert result.code == 1
    assert "is a named pipe (FIFO), not a file" in result.err
    assert stat.S_ISFIFO(fifo.lstat().st_mode)


@pytest.mark.skipif(os.geteuid() != 0, reason="making a device node needs root")
def test_a_device_is_written_to_not_replaced(tmp_path: Path) -> None:
    null = tmp_path / "null"
    os.mknod(null, 0o666 | stat.S_IFCHR, os.makedev(1, 3))
    write_text(null, "into the void", force=True)
    assert stat.S_ISCHR(null.lstat().st_mode)
    with pytest.raises(PlanlensError, match="is a device, not a file"):
        write_text(null, "x", regular_only=True)


def test_a_symlink_loop_is_a_clear_error(tmp_path: Path, run_cli: Run) -> None:
    loop = tmp_path / "loop.md"
    loop.symlink_to(loop)
    result = run_cli("report", "alpha", "beta", "--plans", MINI, "-o", loop)
    assert result.code == 1
    assert "symlink loop" in result.err
    assert "Traceback" not in result.err


def test_a_directory_is_refused(tmp_path: Path) -> None:
    with pytest.raises(PlanlensError, match="is a directory, not a file"):
        write_text(tmp_path, "x", force=True)


@pytest.mark.parametrize("command", ["report", "import"])
def test_a_trailing_slash_names_a_directory(tmp_path: Path, run_cli: Run, command: str) -> None:
    missing = f"{tmp_path / 'newdir'}/"
    args = (
        ("report", "alpha", "beta", "--plans", MINI)
        if command == "report"
        else ("import", UA_20_LIKE, "--id", "x", "--plans", MINI)
    )
    result = run_cli(*args, "-o", missing)
    assert result.code == 2
    assert "ends with a slash" in result.err
    assert list(tmp_path.iterdir()) == []


def test_leftovers_of_a_killed_write_are_removed_by_the_next(tmp_path: Path) -> None:
    target = tmp_path / "r.md"
    stale = tmp_path / f".r.md.{dead_pid()}.k1ll3d.tmp"
    stale.write_text("half a report", encoding="utf-8")
    live = tmp_path / f".r.md.{os.getppid()}.wr1t1ng.tmp"
    live.write_text("another write in progress", encoding="utf-8")
    other = tmp_path / f".other.md.{dead_pid()}.x.tmp"
    other.write_text("", encoding="utf-8")
    write_text(target, "complete")
    assert not stale.exists()
    assert live.exists(), "a running writer's temporary file is not touched"
    assert other.exists(), "only the target's own leftovers are removed"
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([live.name, other.name, "r.md"])
    assert remove_leftovers(target) == []


def test_a_new_file_gets_the_usual_permissions(tmp_path: Path) -> None:
    umask = os.umask(0o022)
    try:
        write_text(tmp_path / "new.md", "x")
    finally:
        os.umask(umask)
    assert stat.S_IMODE((tmp_path / "new.md").stat().st_mode) == 0o644


@pytest.mark.skipif(not Path("/dev/stdout").exists(), reason="no /dev/stdout here")
@pytest.mark.parametrize("stdout", ["pipe", "file"])
def test_report_to_dev_stdout_goes_to_stdout(stdout: str, tmp_path: Path) -> None:
    """/dev/stdout is a symlink to a pipe or to the redirected file: written, never replaced."""
    args = [sys.executable, "-m", "planlens", "report", "alpha", "beta", "--plans", str(MINI)]
    sink = tmp_path / "out.md"
    with sink.open("w") as redirected:
        done = subprocess.run(
            [*args, "-o", "/dev/stdout"],
            stdout=subprocess.PIPE if stdout == "pipe" else redirected,
            stderr=subprocess.PIPE,
            text=True,
            timeout=60,
            check=False,
        )
    assert done.returncode == 0, done.stderr
    shown = done.stdout if stdout == "pipe" else sink.read_text(encoding="utf-8")
    assert shown.startswith("# planlens report: ALPHA → BETA")


def test_a_plan_file_is_never_written_to_a_stream() -> None:
    with pytest.raises(PlanlensError, match="not a file"):
        write_text(Path("/dev/stdout"), "x", regular_only=True)
