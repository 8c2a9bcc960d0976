"""A cache on disk for results that depend only on file contents and planlens's own code.

Starting a command costs more than most commands do: validating plan files needs the pydantic
validators built (tens of milliseconds) and aligning needs numpy imported (more again), while a
diff of two 28-clause versions takes a few milliseconds. What is kept here is keyed by a digest
of everything it was computed from plus a fingerprint of this planlens (its version, Python's,
the size and modification time of every module of the package, and the installed release of each
library whose results are kept), so an entry is reused only where recomputing would give the
same result; an edited plan file, another planlens, an edited module or an upgraded library
simply misses.

Entries are pickles, read only from a directory the current user owns and nobody else can write
to, and only when the entry itself is such a file (as ssh treats its keys): a plan file from a
stranger never reaches this cache except as the validated model built from it. Every failure (no
such directory, a full disk, a corrupt or truncated entry) is a miss, never an error: the cache
only ever saves time.

`PLANLENS_CACHE_DIR` names the directory (default `$XDG_CACHE_HOME/planlens`, else
`~/.cache/planlens`); `off` switches the cache off.
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
import pickle
import re
import stat
import sys
import time
from collections.abc import Mapping
from contextlib import suppress
from functools import cache
from pathlib import Path
from typing import BinaryIO

ENV_CACHE = "PLANLENS_CACHE_DIR"
MAX_ENTRIES = 512
"""Entries kept; the least recently written beyond it are removed."""
MAX_BYTES = 256 * 1024 * 1024
"""Bytes kept (the alignment of ten versions of 1,000 clauses takes 1.6 MB); the least
recently written entries beyond it are removed."""
SUFFIX = ".pickle"
SWITCHED_OFF = frozenset({"off", "0", "false", "no", "none"})
"""Values of `PLANLENS_CACHE_DIR` that switch the cache off (in any case), not directories."""
_ENTRY_NAME = re.compile(rf"[A-Za-z]+-[0-9a-f]{{64}}{re.escape(SUFFIX)}")
"""The name of an entry as `put` writes it: the only files trimming removes, for the directory
may be one of the user's own, with other pickles in it."""


_PART_NAME = re.compile(r"\.[A-Za-z0-9_]+\.part")
"""The name of a temporary file `put` writes before moving it in place (`tempfile.mkstemp`)."""
STALE_PART_SECONDS = 3600
"""A temporary file this old was left by a process that died writing it (a write takes
milliseconds)."""


def cache_dir(environ: Mapping[str, str] | None = None) -> Path | None:
    """The cache directory, or None when the cache is switched off (or there is no home
    directory to keep it in)."""
    env = os.environ if environ is None else environ
    named = env.get(ENV_CACHE, "").strip()
    if named.lower() in SWITCHED_OFF:
        return None
    if named:
        return Path(named).expanduser()
    xdg = Path(env.get("XDG_CACHE_HOME", ""))
    if xdg.is_absolute():  # the XDG spec: a relative path is invalid and is ignored
        return xdg / "planlens"
    try:
        home = Path.home()
    except RuntimeError:  # no $HOME and no passwd entry (a container's user): no cache
        return None
    return home / ".cache" / "planlens"


def key(*parts: str) -> str:
    """A cache key for a result computed from `parts` (digests, options) by this planlens."""
    digest = hashlib.sha256(_fingerprint().encode())
    for part in parts:
        digest.update(b"\0" + part.encode())
    return digest.hexdigest()


def get(kind: str, entry_key: str) -> object | None:
    """The value stored under `kind` and `entry_key`, or None (a miss, whatever the reason)."""
    directory = _usable_dir()
    if directory is None:
        return None
    path = directory / f"{kind}-{entry_key}{SUFFIX}"
    try:
        handle = _open_entry(path)
        if handle is None:
            return None
        with handle:
            value: object = pickle.load(handle)
    except FileNotFoundError:
        return None
    except Exception:  # a corrupt, truncated or stale entry is a miss, whatever it raised
        with suppress(OSError):
            path.unlink(missing_ok=True)
        return None
    return value


def put(kind: str, entry_key: str, value: object) -> None:
    """Store `value` under `kind` and `entry_key`, atomically; a failure is silently a miss."""
    directory = _usable_dir(create=True)
    if directory is None:
        return
    try:
        data = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
    except (pickle.PicklingError, TypeError, AttributeError, RecursionError):
        return
    import tempfile  # only when storing: a command that finds its entries never needs it

    try:
        handle, name = tempfile.mkstemp(dir=directory, prefix=".", suffix=".part")
    except OSError:
        return
    temporary = Path(name)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        temporary.replace(directory / f"{kind}-{entry_key}{SUFFIX}")
    except OSError:  # a full disk, a quota
        return
    finally:  # that, or Ctrl-C: nothing half-written is left behind (once moved, it is gone)
        with suppress(OSError):
            temporary.unlink(missing_ok=True)
    _trim(directory)


def _usable_dir(create: bool = False) -> Path | None:
    """The cache directory when it is safe to read pickles from (or None)."""
    directory = cache_dir()
    if directory is None:
        return None
    try:
        if create:
            directory.mkdir(mode=0o700, parents=True, exist_ok=True)
        info = directory.stat()
    except OSError:
        return None
    return directory if stat.S_ISDIR(info.st_mode) and _private(info) else None


def _open_entry(path: Path) -> BinaryIO | None:
    """The entry at `path` open for reading when it is a file of this user's that nobody else
    can write to, else None: the directory's check alone would trust a pickle planted while it
    was open to others, or swapped in between that check and this open. Never follows a
    symbolic link, and never waits on a named pipe."""
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    descriptor = os.open(path, flags)
    info = os.fstat(descriptor)
    if stat.S_ISREG(info.st_mode) and _private(info):
        return os.fdopen(descriptor, "rb")
    os.close(descriptor)
    return None


def _private(info: os.stat_result) -> bool:
    """True when the current user owns the file or directory and nobody else may write to it."""
    shared = info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)
    mine = not hasattr(os, "getuid") or info.st_uid == os.getuid()
    return not shared and mine


def _trim(directory: Path) -> None:
    """Remove the least recently written entries beyond `MAX_ENTRIES` or `MAX_BYTES`, and
    temporary files a killed process left (older than `STALE_PART_SECONDS`)."""
    try:
        found = list(os.scandir(directory))
        stale = time.time() - STALE_PART_SECONDS
        for part in found:
            if _PART_NAME.fullmatch(part.name) and part.stat().st_mtime < stale:
                Path(part.path).unlink(missing_ok=True)
        entries = [e for e in found if _ENTRY_NAME.fullmatch(e.name)]
        entries.sort(key=lambda e: e.stat().st_mtime_ns, reverse=True)
        size = 0
        for kept, entry in enumerate(entries, start=1):
            size += entry.stat().st_size
            if kept > MAX_ENTRIES or size > MAX_BYTES:
                Path(entry.path).unlink(missing_ok=True)
    except OSError:
        return


LIBRARIES = ("pydantic", "pydantic_core", "tomli", "numpy", "scipy", "textual", "rich")
"""The libraries whose results are kept (validation, parsing, scores, the opening view's styled
text): another release of one is another fingerprint."""


@cache
def _fingerprint() -> str:
    """This planlens: its version, Python's, the state of its modules and of `LIBRARIES`."""
    from planlens import __version__

    package = Path(__file__).resolve().parent
    parts = [__version__, sys.version, *(_library_stamp(name) for name in LIBRARIES)]
    for root, dirs, files in os.walk(package):  # a tenth of rglob's time: no Path per file
        dirs[:] = sorted(d for d in dirs if d != "__pycache__")
        parts += (_stamp(f"{root}/{name}") for name in sorted(files) if name.endswith(".py"))
    return "\n".join(parts)


def _library_stamp(name: str) -> str:
    """Where library `name` is installed and the size and time of its `__init__` (another
    release differs in both), found without importing it."""
    spec = importlib.util.find_spec(name)
    if spec is None or spec.origin is None:
        return f"{name}: absent"
    return _stamp(spec.origin)


def _stamp(path: str) -> str:
    """`path` with its size and modification time, or with a dash when it cannot be read: an
    editor's lock beside a module being edited (Emacs's `.#name.py` is a dangling symbolic
    link) or a file removed meanwhile must not stop every command."""
    try:
        info = os.stat(path)  # noqa: PTH116 - a path string: no Path per file (see above)
    except OSError:
        return f"{path}:-"
    return f"{path}:{info.st_size}:{info.st_mtime_ns}"
