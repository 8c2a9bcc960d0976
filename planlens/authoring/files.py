"""Read pasted text safely, and write a plan file only once the real loader accepts it.

A new file is written through `planlens.files.write_text` (a temporary file beside its target,
moved into place atomically), checked with the loader's own functions against the corpus in use
before it replaces anything; nothing is overwritten without `force`.
"""

from __future__ import annotations

import codecs
import dataclasses
from pathlib import Path

from planlens import files
from planlens.corpus.load import Corpus, parse_plan, read_toml
from planlens.corpus.model import PlanFile
from planlens.corpus.problems import Problem
from planlens.corpus.reading import MAX_FILE_BYTES
from planlens.corpus.references import check_references, duplicate_clause_problems
from planlens.errors import PlanlensError

_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


def decode_text(raw: bytes, name: str) -> str:
    """The text of a pasted plan: UTF-8 (with or without BOM) or UTF-16 with a BOM."""
    _check_size(len(raw), name)
    if raw.startswith(_UTF16_BOMS):
        try:
            return raw.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise PlanlensError(f"{name} is not valid UTF-16 text: {exc.reason}") from exc
    if b"\x00" in raw:
        raise PlanlensError(f"{name} looks like a binary file, not plain text")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise PlanlensError(
            f"{name} is not UTF-8 text (byte 0x{raw[exc.start]:02x} at offset {exc.start}); "
            "save it as UTF-8 and try again"
        ) from exc


def read_text_file(path: Path) -> str:
    """The text of the file at `path`, decoded by `decode_text`."""
    try:
        _check_size(path.stat().st_size, str(path))
        raw = path.read_bytes()
    except IsADirectoryError as exc:
        raise PlanlensError(f"{path} is a directory; give the text file to import") from exc
    except OSError as exc:
        raise PlanlensError(f"cannot read {path}: {exc.strerror or exc}") from exc
    return decode_text(raw, str(path))


def _check_size(size: int, name: str) -> None:
    if size > MAX_FILE_BYTES:
        raise PlanlensError(
            f"{name} is too large ({size / 1_048_576:.1f} MiB); "
            f"a plan's text should be under {MAX_FILE_BYTES // 1_048_576} MiB"
        )


def check_target(target: Path, *, force: bool) -> None:
    """Refuse a plan-file target that exists (unless `force`), is no file, or has no directory."""
    files.check_target(target, force=force, regular_only=True)


def validate_plan_text(path: Path, corpus: Corpus, target: Path) -> list[Problem]:
    """Every problem the loader finds in the plan file at `path`, checked against `corpus`.

    The plan that `target` holds today (if it is in the corpus) is left out, since the new file
    replaces it. Problems name `target`, where the file will be, not the temporary `path`.
    """
    data, text, problems = read_toml(path)
    plan: PlanFile | None = None
    if data is not None:
        plan, plan_problems = parse_plan(path, data, text)
        problems += plan_problems
    if plan is not None:
        problems += duplicate_clause_problems(plan, path, text)
        replaced = _resolved(target)
        loaded = {
            other.id: (other, corpus.paths.get(other.id))
            for other in corpus.plans
            if _resolved(corpus.paths.get(other.id)) != replaced
        }
        if plan.id in loaded:
            problems.append(
                Problem(
                    path,
                    f"plan id {plan.id!r} is already used by {loaded[plan.id][1] or 'the corpus'}",
                    line=2,
                    expected="a new, unique id",
                )
            )
        loaded[plan.id] = (plan, path)
        problems += [
            problem
            for problem in check_references(loaded, corpus.topics, {path: text})
            if problem.path == path
        ]
    return [dataclasses.replace(problem, path=target) for problem in problems]


def write_plan_file(
    text: str, target: Path, corpus: Corpus, *, force: bool = False
) -> list[Problem]:
    """Write `text` to `target` atomically once it validates; return its warnings.

    Raises `PlanlensError` (and leaves every file as it was) when the target exists and `force`
    is not given, or when the loader finds errors in the new file.
    """
    found: list[Problem] = []

    def validate(temporary: Path) -> None:
        found.extend(validate_plan_text(temporary, corpus, target))
        errors = [problem for problem in found if problem.severity == "error"]
        if errors:
            listing = "\n".join(f"  {problem}" for problem in errors)
            raise PlanlensError(f"the new plan file is not valid, nothing was written:\n{listing}")

    files.write_text(target, text, force=force, check=validate)
    return found


def _resolved(path: Path | None) -> Path | None:
    return path.resolve() if path is not None else None
