"""Write an output file the way a careful user would: atomically, through symlinks, never over
a device, and never over an existing file without being told to.

Every file planlens writes (reports, imported and new plan files) goes through `write_text`:

- an absent target or a regular file is written to a temporary file beside it and moved into
  place with `os.replace`, so the target is always either the old file or the complete new one;
- a symlink is resolved and the file it points to is written (the link stays a link);
- a character or block device or a FIFO (`/dev/null`, a named pipe), or a stream path such as
  `/dev/stdout`, is written to directly, as stdout would be, and is never replaced; a caller
  that needs a real file (`regular_only`) gets a clear refusal instead; a socket or a
  directory is always refused;
- an existing file is replaced only with `force`;
- temporary files left behind by a write that was killed (`.NAME.PID.XXXX.tmp`, PID no longer
  running) are removed by the next write to the same target.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import stat
from collections.abc import Callable
from pathlib import Path

from planlens.errors import PlanlensError

Check = Callable[[Path], None]
"""Called with the complete temporary file before it replaces the target; raises to refuse."""


def write_text(
    target: Path,
    text: str,
    *,
    force: bool = False,
    check: Check | None = None,
    regular_only: bool = False,
) -> Path:
    """Write `text` (UTF-8, LF line ends) to `target`; return the path actually written.

    `check` runs on the finished temporary file before it is moved into place (a plan file is
    validated there). `regular_only` refuses devices and FIFOs (a plan file must be a file).
    Raises `PlanlensError` with a message a user can act on; nothing is left half-written.
    """
    path, direct = _destination(
        Path(target), force=force, regular_only=regular_only or check is not None
    )
    if direct:
        _write_directly(path, text, target)
        return path
    remove_leftovers(path)
    _replace_atomically(path, text, check, target)
    return path


def check_target(target: Path, *, force: bool = False, regular_only: bool = False) -> Path:
    """The path `write_text` would write for `target`, or a `PlanlensError` saying why not.

    Lets a command refuse a bad output path before it does any work.
    """
    return _destination(Path(target), force=force, regular_only=regular_only)[0]


STREAM_DIRS = ("/dev/", "/proc/")
"""Paths here (`/dev/stdout`, `/dev/fd/1`, `/proc/self/fd/1`) are streams: written directly."""


def _destination(target: Path, *, force: bool, regular_only: bool) -> tuple[Path, bool]:
    """Where to write `target`, and whether to write it directly (a device, pipe or stream)."""
    kind = _kind(target)
    if kind in ("device", "fifo") or (kind != "directory" and str(target).startswith(STREAM_DIRS)):
        if regular_only:
            what = _KIND_WORDS.get(kind or "", "") or "stream"
            raise PlanlensError(f"{target} is a {what}, not a file; give the path of a file")
        return target, True
    path = resolve_target(target)
    if kind is not None and kind != "file":
        article = "an" if _KIND_WORDS[kind][0] in "aeiou" else "a"
        raise PlanlensError(
            f"{target} is {article} {_KIND_WORDS[kind]}, not a file; "
            "give the path of a file to write"
        )
    if not path.parent.is_dir():
        raise PlanlensError(f"cannot write {target}: the directory {path.parent} does not exist")
    if kind == "file" and not force:
        raise PlanlensError(f"{target} already exists; use --force to overwrite it")
    return path, False


def resolve_target(target: Path) -> Path:
    """`target` with symlinks resolved (a dangling link names the file it would create)."""
    if not target.is_symlink():
        return target
    try:
        return target.resolve(strict=False)
    except (OSError, RuntimeError) as exc:  # RuntimeError: a symlink loop on Python < 3.13
        raise PlanlensError(f"cannot write {target}: it is a symlink loop") from exc


_KIND_WORDS = {
    "device": "device",
    "fifo": "named pipe (FIFO)",
    "socket": "socket",
    "directory": "directory",
    "other": "special file",
    "file": "file",
}


def _kind(path: Path) -> str | None:
    """What is at `path` (after symlinks): None when nothing is."""
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        return None
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise PlanlensError(f"cannot write {path}: it is a symlink loop") from exc
        raise PlanlensError(f"cannot write {path}: {exc.strerror or exc}") from exc
    if stat.S_ISREG(mode):
        return "file"
    if stat.S_ISDIR(mode):
        return "directory"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "device"
    if stat.S_ISFIFO(mode):
        return "fifo"
    if stat.S_ISSOCK(mode):
        return "socket"
    return "other"


def _write_directly(path: Path, text: str, shown: Path) -> None:
    """Write to a device or FIFO as to stdout: open it, write, close; never replace it."""
    try:
        with path.open("w", encoding="utf-8", newline="\n") as stream:
            stream.write(text)
    except OSError as exc:
        raise PlanlensError(f"cannot write {shown}: {exc.strerror or exc}") from exc


def _replace_atomically(path: Path, text: str, check: Check | None, shown: Path) -> None:
    import tempfile  # only a command that writes a file needs it, not one that prints

    mode = _file_mode(path)
    try:
        handle, name = tempfile.mkstemp(
            prefix=f".{path.name}.{os.getpid()}.", suffix=".tmp", dir=path.parent
        )
    except OSError as exc:
        raise PlanlensError(f"cannot write in {path.parent}: {exc.strerror or exc}") from exc
    temporary = Path(name)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
            stream.write(text)
            stream.flush()
            os.fsync(stream.fileno())
        if check is not None:
            check(temporary)
        temporary.chmod(mode)
        temporary.replace(path)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            temporary.unlink()
        if isinstance(exc, OSError):
            raise PlanlensError(f"cannot write {shown}: {exc.strerror or exc}") from exc
        raise


def _file_mode(path: Path) -> int:
    """An existing file keeps its permissions; a new one gets 0o666 less the umask, as `open`
    would give it (`mkstemp` alone would leave a shared file readable by its owner only)."""
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def remove_leftovers(path: Path) -> list[Path]:
    """Remove the temporary files of killed writes to `path`; return what was removed.

    A temporary file names its writer's process id; one whose writer is still running is
    another write in progress and is left alone.
    """
    pattern = re.compile(rf"^\.{re.escape(path.name)}\.(\d+)\.[^.]+\.tmp$")
    removed: list[Path] = []
    try:
        entries = list(os.scandir(path.parent))
    except OSError:
        return removed
    for entry in entries:
        match = pattern.match(entry.name)
        if (
            match is None
            or _running(int(match.group(1)))
            or not entry.is_file(follow_symlinks=False)
        ):
            continue
        with contextlib.suppress(OSError):
            Path(entry.path).unlink()
            removed.append(Path(entry.path))
    return removed


def _running(pid: int) -> bool:
    """True when a process with this id exists (it may belong to another user)."""
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OverflowError:
        return False
    except PermissionError:
        return True
    return True
