"""planlens's cache on disk: validated plan files and alignments are reused only for the same
texts, the same options and the same planlens, and a cache that cannot be trusted is not read."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import pytest

from planlens import cache
from planlens.align import passes, stored
from planlens.align.model import Alignment
from planlens.align.stored import align_stored
from planlens.comparison.build import compare
from planlens.corpus.load import load_corpus
from planlens.corpus.model import PlanFile
from tests.conftest import BUNDLED, MINI, CliResult


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty private cache for one test."""
    directory = tmp_path / "cache"
    monkeypatch.setenv(cache.ENV_CACHE, str(directory))
    return directory


def entries(directory: Path, kind: str = "") -> list[Path]:
    return sorted(directory.glob(f"{kind}*{cache.SUFFIX}"))


def test_a_value_put_is_got_back_under_its_key_only(cache_dir: Path) -> None:
    key = cache.key("a digest")
    cache.put("Thing", key, {"rows": [1, 2]})
    assert cache.get("Thing", key) == {"rows": [1, 2]}
    assert cache.get("Thing", cache.key("another digest")) is None
    assert cache.get("Other", key) is None
    assert (cache_dir.stat().st_mode & 0o777) == 0o700


def test_keys_differ_by_every_part_and_their_order() -> None:
    keys = {cache.key("a", "b"), cache.key("b", "a"), cache.key("ab"), cache.key("a", "b", "")}
    assert len(keys) == 4


def test_the_key_changes_with_planlens_own_code(tmp_path: Path) -> None:
    module = Path(cache.__file__)
    before = cache.key("x")
    cache._fingerprint.cache_clear()
    stat = module.stat()
    try:
        os.utime(module, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))
        assert cache.key("x") != before
    finally:
        os.utime(module, ns=(stat.st_atime_ns, stat.st_mtime_ns))
        cache._fingerprint.cache_clear()
    assert cache.key("x") == before


def test_off_switches_it_off(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv(cache.ENV_CACHE, "off")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    cache.put("Thing", cache.key("x"), 1)
    assert cache.get("Thing", cache.key("x")) is None
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("value", ["off", "OFF", "0", "false", "No", " none "])
def test_words_that_mean_off_switch_it_off(value: str) -> None:
    assert cache.cache_dir({"PLANLENS_CACHE_DIR": value}) is None


def test_a_directory_named_from_home_is_expanded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HOME", "/home/someone")
    assert cache.cache_dir({"PLANLENS_CACHE_DIR": "~/c"}) == Path("/home/someone/c")


def test_the_default_directory_follows_xdg() -> None:
    assert cache.cache_dir({"XDG_CACHE_HOME": "/c"}) == Path("/c/planlens")
    assert cache.cache_dir({"PLANLENS_CACHE_DIR": "/d", "XDG_CACHE_HOME": "/c"}) == Path("/d")
    assert cache.cache_dir({"PLANLENS_CACHE_DIR": "OFF"}) is None


@pytest.mark.parametrize("damage", [b"", b"\x80\x05garbage", b"not a pickle at all"])
def test_a_corrupt_entry_is_a_miss_and_is_removed(cache_dir: Path, damage: bytes) -> None:
    key = cache.key("x")
    cache.put("Thing", key, [1, 2, 3])
    (path,) = entries(cache_dir)
    path.write_bytes(damage)
    assert cache.get("Thing", key) is None
    assert not path.exists()


def test_a_directory_others_can_write_to_is_never_read(cache_dir: Path) -> None:
    key = cache.key("x")
    cache.put("Thing", key, "value")
    cache_dir.chmod(0o777)
    try:
        assert cache.get("Thing", key) is None
        cache.put("Thing", cache.key("y"), "other")
        assert len(entries(cache_dir)) == 1
    finally:
        cache_dir.chmod(0o700)
    assert cache.get("Thing", key) == "value"


def test_a_directory_that_cannot_be_made_is_a_miss(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory", encoding="utf-8")
    monkeypatch.setenv(cache.ENV_CACHE, str(blocker / "cache"))
    cache.put("Thing", cache.key("x"), 1)
    assert cache.get("Thing", cache.key("x")) is None


def test_what_cannot_be_pickled_is_not_stored(cache_dir: Path) -> None:
    cache.put("Thing", cache.key("x"), lambda: None)
    assert entries(cache_dir) == []
    assert [p.name for p in cache_dir.iterdir()] == []  # no temporary file left either


def test_a_failed_write_leaves_nothing_behind(
    cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache.put("Thing", cache.key("first"), 1)

    def full_disk(self: Path, target: Path) -> Path:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(Path, "replace", full_disk)
    cache.put("Thing", cache.key("x"), list(range(1000)))
    assert [p.name for p in cache_dir.iterdir()] == [f"Thing-{cache.key('first')}{cache.SUFFIX}"]
    assert cache.get("Thing", cache.key("x")) is None


def test_another_release_of_a_library_is_another_fingerprint(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    before = cache.key("x")
    real = cache._library_stamp
    monkeypatch.setattr(
        cache, "_library_stamp", lambda name: real(name) + ("+1" if name == "numpy" else "")
    )
    cache._fingerprint.cache_clear()
    try:
        assert cache.key("x") != before
    finally:
        monkeypatch.undo()
        cache._fingerprint.cache_clear()
    assert cache.key("x") == before


def test_the_oldest_entries_beyond_the_limit_are_removed(
    cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cache, "MAX_ENTRIES", 3)
    keys = [cache.key(str(n)) for n in range(5)]
    for n, key in enumerate(keys):
        cache.put("Thing", key, n)
        path = cache_dir / f"Thing-{key}{cache.SUFFIX}"
        os.utime(path, ns=(n * 10**9, n * 10**9))
    assert len(entries(cache_dir)) == 3
    assert [cache.get("Thing", key) for key in keys] == [None, None, 2, 3, 4]


def test_the_oldest_entries_beyond_the_size_budget_are_removed(
    cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    keys = [cache.key(str(n)) for n in range(4)]
    for n, key in enumerate(keys):
        cache.put("Thing", key, "x" * 1000)
        path = cache_dir / f"Thing-{key}{cache.SUFFIX}"
        os.utime(path, ns=(n * 10**9, n * 10**9))
    size = (cache_dir / f"Thing-{keys[0]}{cache.SUFFIX}").stat().st_size
    monkeypatch.setattr(cache, "MAX_BYTES", 2 * size + 10)
    cache.put("Thing", cache.key("new"), "x" * 1000)
    assert [cache.get("Thing", key) is not None for key in keys] == [False, False, False, True]
    assert cache.get("Thing", cache.key("new")) is not None


def test_a_plan_file_is_validated_once_per_text(
    cache_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    plans = tmp_path / "plans"
    shutil.copytree(MINI, plans)
    first = load_corpus([plans])
    assert len(entries(cache_dir, "PlanFile")) == len(first.plans)

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("validated again")

    monkeypatch.setattr(PlanFile, "model_validate", refuse)
    again = load_corpus([plans])
    assert again.plans == first.plans
    assert again.problems == first.problems
    # An edited file is a new text: it misses, and is validated.
    edited = next(plans.glob("*.toml"))
    edited.write_text(edited.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    with pytest.raises(AssertionError, match="validated again"):
        load_corpus([plans])


def test_a_file_that_fails_validation_is_checked_anew_each_time(
    cache_dir: Path, tmp_path: Path
) -> None:
    (tmp_path / "bad.toml").write_text('[plan]\nid = "bad"\ntitle = 5\n', encoding="utf-8")
    first = load_corpus([tmp_path / "bad.toml"])
    assert first.errors
    assert entries(cache_dir, "PlanFile") == []
    assert load_corpus([tmp_path / "bad.toml"]).problems == first.problems


def test_an_alignment_is_stored_per_texts_and_options(
    cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus = load_corpus([BUNDLED])
    plans = [corpus.plan("us-28"), corpus.plan("e3-28")]
    fresh = passes.align(plans)
    assert align_stored(plans, corpus.digests) == fresh
    calls: list[int] = []
    real = passes.align

    def counted(plans: Sequence[PlanFile], *, ignore_links: bool = False) -> Alignment:
        calls.append(1)
        return real(plans, ignore_links=ignore_links)

    monkeypatch.setattr(passes, "align", counted)
    assert align_stored(plans, corpus.digests) == fresh
    assert calls == []
    # Other options, another order, other texts: each aligned anew.
    assert align_stored(plans, corpus.digests, ignore_links=True) == real(plans, ignore_links=True)
    assert align_stored(plans[::-1], corpus.digests) == real(plans[::-1])
    changed = {**corpus.digests, "e3-28": "another text"}
    align_stored(plans, changed)
    assert calls == [1, 1, 1]


def test_plans_built_in_memory_are_always_aligned(
    cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus = load_corpus([BUNDLED])
    plans = [corpus.plan("us-28"), corpus.plan("e3-28")]
    align_stored(plans, {})
    assert entries(cache_dir, stored.KIND) == []


def test_a_comparison_from_the_cache_equals_one_computed(cache_dir: Path) -> None:
    computed = compare(load_corpus([BUNDLED]), ["us-28", "e3-28", "ua-20"])
    again = compare(load_corpus([BUNDLED]), ["us-28", "e3-28", "ua-20"])
    assert entries(cache_dir, stored.KIND)
    assert again.model_dump() == computed.model_dump()


def test_a_repeated_small_diff_imports_neither_numpy_nor_the_validators(
    tmp_path: Path,
) -> None:
    code = (
        "import json, sys\n"
        "from planlens.cli import main\n"
        "code = main(['diff', 'us-28', 'e3-28'])\n"
        "assert code == 0, code\n"
        "from planlens.corpus.model import PlanFile\n"
        "print(json.dumps(['numpy' in sys.modules, PlanFile.__pydantic_complete__]))\n"
    )
    env = {**os.environ, cache.ENV_CACHE: str(tmp_path / "cache")}
    env.pop("PLANLENS_PLANS", None)
    seen = []
    for _ in range(2):
        done = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True
        )
        seen.append(json.loads(done.stdout.strip().splitlines()[-1]))
    assert seen == [[True, True], [False, False]]


def _no_home() -> Path:
    raise RuntimeError("Could not determine home directory.")  # as Path.home() without one


def test_no_home_directory_is_no_cache_not_an_error(
    monkeypatch: pytest.MonkeyPatch, run_cli: Callable[..., CliResult]
) -> None:
    """A container's user often has neither $HOME nor a passwd entry: Path.home() raises."""
    monkeypatch.delenv(cache.ENV_CACHE)
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    monkeypatch.setattr(Path, "home", _no_home)
    assert cache.cache_dir() is None
    result = run_cli("diff", "alpha", "beta", "--plans", MINI)
    assert result.code == 0, result.err
    assert "alpha:1" in result.out and result.err == ""


def test_a_relative_xdg_cache_home_is_ignored_as_the_xdg_spec_says() -> None:
    """Else each working directory would get a cache of its own, made among the user's files."""
    default = Path.home() / ".cache" / "planlens"
    assert cache.cache_dir({"XDG_CACHE_HOME": "cache"}) == default
    assert cache.cache_dir({"XDG_CACHE_HOME": "./.cache"}) == default


def test_an_entry_others_may_write_to_is_never_read(cache_dir: Path) -> None:
    """As ssh treats a key file: the directory being private is not enough on its own."""
    key = cache.key("x")
    cache.put("Thing", key, "value")
    (path,) = entries(cache_dir)
    path.chmod(0o666)
    assert cache.get("Thing", key) is None
    cache.put("Thing", key, "value")  # stored again, privately
    assert cache.get("Thing", key) == "value"


@pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() != 0, reason="giving a file away needs root"
)
def test_an_entry_another_user_owns_is_never_read(cache_dir: Path) -> None:
    """Planted while the directory was open to others, or swapped in between the directory's
    check and the entry's opening (a parent others can write to)."""
    key = cache.key("x")
    cache.put("Thing", key, "value")
    (path,) = entries(cache_dir)
    os.chown(path, 65534, 65534)
    assert cache.get("Thing", key) is None


def test_an_entry_that_is_not_a_file_is_a_miss_not_a_hang(cache_dir: Path) -> None:
    key = cache.key("x")
    cache.put("Thing", key, "value")
    (path,) = entries(cache_dir)
    path.unlink()
    os.mkfifo(path)  # opening it for reading would wait for a writer forever
    result: list[object] = []
    reader = threading.Thread(target=lambda: result.append(cache.get("Thing", key)), daemon=True)
    reader.start()
    reader.join(timeout=10)
    assert result == [None]


def test_only_its_own_entries_are_ever_removed(
    cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """PLANLENS_CACHE_DIR may name a directory of the user's own files, pickles among them."""
    cache_dir.mkdir(mode=0o700)
    mine = cache_dir / "experiment.pickle"
    mine.write_bytes(b"x" * 5000)
    os.utime(mine, ns=(0, 0))  # the oldest file there
    monkeypatch.setattr(cache, "MAX_ENTRIES", 1)
    monkeypatch.setattr(cache, "MAX_BYTES", 1000)
    cache.put("Thing", cache.key("x"), "value")
    assert mine.read_bytes() == b"x" * 5000
    assert cache.get("Thing", cache.key("x")) == "value"


def test_a_module_that_cannot_be_stat_ed_does_not_stop_planlens() -> None:
    """Emacs marks a file it is editing with a dangling symbolic link, `.#name.py`, beside it."""
    lock = Path(cache.__file__).parent / ".#qa-lock.py"
    lock.symlink_to("user@host.12345:1701650000")
    cache._fingerprint.cache_clear()
    try:
        assert len(cache.key("x")) == 64
    finally:
        lock.unlink()
        cache._fingerprint.cache_clear()


def test_an_interrupted_write_leaves_nothing_behind(
    cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Ctrl-C while a large alignment is written: the temporary file goes too."""
    cache.put("Thing", cache.key("first"), 1)

    def interrupted(self: Path, target: Path) -> Path:
        raise KeyboardInterrupt

    monkeypatch.setattr(Path, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        cache.put("Thing", cache.key("x"), list(range(1000)))
    assert [p.name for p in cache_dir.iterdir()] == [f"Thing-{cache.key('first')}{cache.SUFFIX}"]


def test_a_temporary_file_a_killed_process_left_is_removed_later(cache_dir: Path) -> None:
    cache.put("Thing", cache.key("a"), 1)
    old = cache_dir / ".abc_123.part"
    recent = cache_dir / ".def_456.part"
    mine = cache_dir / "notes.part"  # not a name planlens writes
    for path in (old, recent, mine):
        path.write_bytes(b"half a pickle")
    hours_ago = time.time() - 2 * cache.STALE_PART_SECONDS
    os.utime(old, (hours_ago, hours_ago))
    os.utime(mine, (hours_ago, hours_ago))
    cache.put("Thing", cache.key("b"), 2)
    assert not old.exists() and recent.exists() and mine.exists()
