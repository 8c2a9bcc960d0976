"""Where plan files are and what they say, before any of it is parsed: the directories read
by default, the files in them, each file's text (refused when too large, binary or not UTF-8)
and a digest of it.

Nothing here parses or validates (no TOML parser, no pydantic), so a screen can tell whether it
has seen these exact files before (`planlens.cache`) before the models are even imported.
"""

from __future__ import annotations

import codecs
import errno
import hashlib
import os
import stat
from collections.abc import Mapping, Sequence
from pathlib import Path

from planlens.corpus.problems import Problem
from planlens.errors import PlanlensError

TOPICS_FILE = "topics.toml"
MAX_FILE_BYTES = 16 * 1024 * 1024
ENV_PLANS = "PLANLENS_PLANS"


def bundled_plans_dir() -> Path:
    """The corpus shipped with planlens: `plans/` beside a checkout, or the copy in the wheel."""
    package = Path(__file__).resolve().parent.parent
    checkout = package.parent / "plans"
    if (checkout / TOPICS_FILE).is_file():
        return checkout
    return package / "_bundled_plans"


def default_plan_dirs(
    environ: Mapping[str, str] | None = None, cwd: Path | None = None
) -> list[Path]:
    """Where plans come from when no `--plans` is given.

    `PLANLENS_PLANS` (paths separated by the OS path separator), else `./plans` when it exists,
    else the bundled corpus.
    """
    env = os.environ if environ is None else environ
    if env.get(ENV_PLANS):
        dirs = [Path(part) for part in env[ENV_PLANS].split(os.pathsep) if part]
        if not dirs:
            raise PlanlensError(
                f"{ENV_PLANS}={env[ENV_PLANS]!r} names no plans directory; "
                f"give directories separated by {os.pathsep!r}, or unset it"
            )
        return dirs
    local = (cwd or Path.cwd()) / "plans"
    if local.is_dir():
        return [local]
    return [bundled_plans_dir()]


def text_digest(text: str) -> str:
    """A digest of a plan file's text: it changes whenever the text does."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def read_text(path: Path) -> str | Problem:
    """The text of a file (UTF-8, at most `MAX_FILE_BYTES`), or what keeps it from being read."""
    raw = _read_bytes(path)
    if isinstance(raw, Problem):
        return raw
    return _decode(path, raw)


def _read_bytes(path: Path) -> bytes | Problem:
    """The bytes of a plan file not larger than `MAX_FILE_BYTES`, or the problem."""
    try:
        size = path.stat().st_size
    except OSError as exc:
        return Problem(path, f"cannot read the file: {exc.strerror or exc}")
    if size > MAX_FILE_BYTES:
        return Problem(
            path,
            f"the file is too large ({size / 1_048_576:.1f} MiB)",
            expected=f"a plan file under {MAX_FILE_BYTES // 1_048_576} MiB",
        )
    try:
        return path.read_bytes()
    except OSError as exc:
        return Problem(path, f"cannot read the file: {exc.strerror or exc}")


def _decode(path: Path, raw: bytes) -> str | Problem:
    """The UTF-8 text of a file (a BOM dropped), or the problem in words a user can act on."""
    if _is_utf16(raw):
        return Problem(
            path,
            "the file is UTF-16 text; save it as UTF-8",
            expected="a UTF-8 text file (in most editors: Save as… → Encoding: UTF-8)",
        )
    if b"\x00" in raw:
        return Problem(path, "this looks like a binary file, not TOML text")
    try:
        return raw.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as exc:
        return Problem(
            path,
            f"the file is not UTF-8 text (byte 0x{raw[exc.start]:02x} at offset {exc.start})",
            expected="a UTF-8 text file",
        )


def _is_utf16(raw: bytes) -> bool:
    """A UTF-16 byte-order mark, or mostly-ASCII text with every other byte zero."""
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return True
    head = raw[:200]
    if len(head) < 4 or b"\x00" not in head:
        return False
    return not any(head[1::2]) or not any(head[0::2])


def plan_files(paths: Sequence[Path]) -> tuple[list[Path], list[Problem]]:
    """The plan files named by `paths` (files, or directories of `*.toml` files).

    Anything named `*.toml` that cannot be a plan file (a broken symlink, a directory, a pipe,
    a device) is reported rather than skipped, and never opened: reading a FIFO would block.
    """
    files: list[Path] = []
    problems: list[Problem] = []
    for path in paths:
        if path.is_dir():
            for entry in sorted(path.glob("*.toml")):
                if entry.name == TOPICS_FILE:
                    continue
                unusable = not_a_file(entry)
                if unusable is None:
                    files.append(entry)
                else:
                    problems.append(Problem(entry, unusable))
        else:
            unusable = not_a_file(path)
            if unusable is not None:
                problems.append(Problem(path, unusable))
            elif path.name != TOPICS_FILE:
                files.append(path)
    unique = list(dict.fromkeys(files))
    return unique, problems


def not_a_file(path: Path) -> str | None:
    """Why `path` cannot be read as a plan file (None when it is a regular file)."""
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        if path.is_symlink():
            return f"a broken symlink (it points to {path.readlink()}, which does not exist)"
        return "no such file or directory"
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return "a symlink loop (the link points, in the end, back to itself)"
        return f"cannot read the file: {exc.strerror or exc}"
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "a directory, not a plan file"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO), not a plan file"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device, not a plan file"
    return "not a regular file"
