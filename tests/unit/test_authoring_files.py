"""Safe writing: no overwrite without force, validation first, atomic, no temp files left."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from planlens.authoring import emit_plan, import_text, write_plan_file
from planlens.authoring.files import decode_text, read_text_file
from planlens.corpus.load import load_corpus
from planlens.errors import PlanlensError
from tests.conftest import MINI
from tests.helpers import plan_text


def new_plan_text(plan_id: str = "delta", body: str = "1. One.\n") -> str:
    return emit_plan(import_text(body, plan_id, title="Delta"))


def listing(directory: Path) -> list[str]:
    return sorted(path.name for path in directory.iterdir())


def test_writes_a_new_file_and_returns_its_warnings(tmp_path: Path) -> None:
    corpus = load_corpus([MINI])
    target = tmp_path / "delta.toml"
    problems = write_plan_file(new_plan_text(), target, corpus)
    assert target.read_text(encoding="utf-8") == new_plan_text()
    assert {p.severity for p in problems} == {"warning"}
    assert all(p.path == target for p in problems)
    assert listing(tmp_path) == ["delta.toml"]
    assert target.stat().st_mode & 0o777 == 0o644


def test_refuses_to_overwrite_without_force(tmp_path: Path) -> None:
    target = tmp_path / "delta.toml"
    target.write_text("precious", encoding="utf-8")
    with pytest.raises(PlanlensError, match="already exists; use --force to overwrite it"):
        write_plan_file(new_plan_text(), target, load_corpus([MINI]))
    assert target.read_text(encoding="utf-8") == "precious"
    assert listing(tmp_path) == ["delta.toml"]


def test_overwrites_with_force_and_keeps_the_mode(tmp_path: Path) -> None:
    target = tmp_path / "delta.toml"
    target.write_text("old", encoding="utf-8")
    target.chmod(0o600)
    write_plan_file(new_plan_text(), target, load_corpus([MINI]), force=True)
    assert target.read_text(encoding="utf-8") == new_plan_text()
    assert target.stat().st_mode & 0o777 == 0o600


def test_replacing_a_plan_of_the_corpus_is_not_a_duplicate_id(mini_dir: Path) -> None:
    corpus = load_corpus([mini_dir])
    target = mini_dir / "gamma.toml"
    write_plan_file(new_plan_text("gamma"), target, corpus, force=True)
    assert load_corpus([mini_dir]).plan("gamma").plan.title == "Delta"


def test_an_id_used_by_another_file_is_refused(mini_dir: Path) -> None:
    corpus = load_corpus([mini_dir])
    before = listing(mini_dir)
    with pytest.raises(PlanlensError, match="plan id 'alpha' is already used by"):
        write_plan_file(new_plan_text("alpha"), mini_dir / "other.toml", corpus)
    assert listing(mini_dir) == before


def test_invalid_text_is_not_written_and_leaves_no_temp_file(tmp_path: Path) -> None:
    broken = plan_text("bad").replace('topics = ["elections"]', 'topics = ["nope"]')
    with pytest.raises(PlanlensError, match="not valid, nothing was written") as caught:
        write_plan_file(broken, tmp_path / "bad.toml", load_corpus([MINI]))
    assert "unknown topic 'nope'" in str(caught.value)
    assert f"{tmp_path / 'bad.toml'}:" in str(caught.value)
    assert listing(tmp_path) == []


def test_a_failing_replace_leaves_the_old_file_and_no_temp_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "delta.toml"
    target.write_text("old", encoding="utf-8")

    def fail(self: Path, other: Path) -> Path:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(Path, "replace", fail)
    with pytest.raises(PlanlensError, match=r"cannot write .*No space left on device"):
        write_plan_file(new_plan_text(), target, load_corpus([MINI]), force=True)
    assert target.read_text(encoding="utf-8") == "old"
    assert listing(tmp_path) == ["delta.toml"]


def test_an_interrupt_leaves_no_temp_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def interrupt(*args: object) -> list[object]:
        raise KeyboardInterrupt

    monkeypatch.setattr("planlens.authoring.files.validate_plan_text", interrupt)
    with pytest.raises(KeyboardInterrupt):
        write_plan_file(new_plan_text(), tmp_path / "delta.toml", load_corpus([MINI]))
    assert listing(tmp_path) == []


def test_missing_directory_and_directory_target(tmp_path: Path) -> None:
    corpus = load_corpus([MINI])
    with pytest.raises(PlanlensError, match="does not exist"):
        write_plan_file(new_plan_text(), tmp_path / "nowhere" / "x.toml", corpus)
    with pytest.raises(PlanlensError, match="is a directory"):
        write_plan_file(new_plan_text(), tmp_path, corpus)


@pytest.mark.parametrize(
    ("raw", "text"),
    [
        (b"1. One.", "1. One."),
        (codecs.BOM_UTF8 + "1. Один.".encode(), "1. Один."),
        ("1. Один.".encode("utf-16"), "1. Один."),
    ],
)
def test_decoding_pasted_text(raw: bytes, text: str) -> None:
    assert decode_text(raw, "in") == text


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        (b"1. caf\xe9", r"not UTF-8 text \(byte 0xe9 at offset 6\)"),
        (b"\x89PNG\x00\x00", "binary file"),
    ],
)
def test_undecodable_text_is_a_clean_error(raw: bytes, message: str) -> None:
    with pytest.raises(PlanlensError, match=message):
        decode_text(raw, "in")


def test_reading_missing_and_huge_files(tmp_path: Path) -> None:
    with pytest.raises(PlanlensError, match="cannot read"):
        read_text_file(tmp_path / "absent.txt")
    with pytest.raises(PlanlensError, match="is a directory"):
        read_text_file(tmp_path)
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as handle:
        handle.truncate(17 * 1024 * 1024)
    with pytest.raises(PlanlensError, match="too large"):
        read_text_file(huge)
