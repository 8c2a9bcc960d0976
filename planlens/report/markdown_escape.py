"""Markdown escaping: data from a plan file becomes literal GitHub-flavoured Markdown text.

Every value is made visible (`planlens.safe.visible`), folded onto one line, and its Markdown
punctuation backslash-escaped, so a clause can never open a table cell, a link, raw HTML, an
emphasis or a heading. Intraword underscores stay as they are (GFM ignores them), so
`army_cap` stays readable.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

from planlens.report.common import fold

_SPECIAL = re.compile(r"[\\`*~\[\]<>|#$]|(?<![0-9A-Za-z])_|_(?![0-9A-Za-z])|&(?=#?\w+;)")
_BLOCK_START = re.compile(r"^(\s*)([-+=]|\d+(?=[.)]))")
_CODE_SAFE = re.compile(r"^[A-Za-z0-9][\w.:-]*$")


def escape(text: str) -> str:
    """`text` as literal inline Markdown: visible, on one line, punctuation escaped."""
    return _SPECIAL.sub(lambda m: "\\" + m.group(), fold(text))


def block(text: str) -> str:
    """`escape(text)` safe at the start of a line too (no list, heading or rule marker)."""
    return guard_start(escape(text))


def guard_start(line: str) -> str:
    """Escape a list or rule marker (`- `, `+`, `=`, `1.`) at the start of an escaped line."""
    match = _BLOCK_START.match(line)
    if match is None:
        return line
    if match.group(2).isdigit():
        return line[: match.end()] + "\\" + line[match.end() :]
    return line[: match.start(2)] + "\\" + line[match.start(2) :]


def code(text: str) -> str:
    """A code span for identifiers (addresses, term names); other text is escaped instead."""
    return f"`{text}`" if _CODE_SAFE.match(text) else escape(text)


def cell(text: str) -> str:
    """A table cell's content: escaped (pipes too), never empty."""
    return escape(text).strip() or "—"


def table(header: Sequence[str], rows: Sequence[Sequence[str]], align: str = "") -> list[str]:
    """A GFM table from cells already escaped; `align` has one l/r/c letter per column."""
    marks = {"l": "---", "r": "--:", "c": ":-:"}
    rule = [marks.get(align[n] if n < len(align) else "l", "---") for n in range(len(header))]
    lines = ["| " + " | ".join(header) + " |", "| " + " | ".join(rule) + " |"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return lines


def strong(inner: str) -> str:
    """Bold text (already escaped), with `<strong>` where `**` could not open or close."""
    return mark(inner, "**", "strong", "", "") if inner else inner


def _punct(char: str) -> bool:
    return unicodedata.category(char).startswith(("P", "S"))


def _opens(before: str, inner: str) -> bool:
    """Whether a delimiter run before `inner` is left-flanking (CommonMark rules)."""
    first = inner[0]
    return not first.isspace() and (not _punct(first) or not before or before.isspace()
                                    or _punct(before))  # fmt: skip


def _closes(inner: str, after: str) -> bool:
    """Whether a delimiter run after `inner` is right-flanking."""
    last = inner[-1]
    return not last.isspace() and (not _punct(last) or not after or after.isspace()
                                   or _punct(after))  # fmt: skip


def mark(inner: str, delimiter: str, tag: str, before: str, after: str) -> str:
    """`inner` wrapped in `delimiter` (`~~`, `**`), or in `<tag>` where the run cannot open
    or close there, e.g. `word~~,~~` (GitHub renders `<del>` and `<ins>`)."""
    if _opens(before, inner) and _closes(inner, after):
        return f"{delimiter}{inner}{delimiter}"
    return f"<{tag}>{inner}</{tag}>"


def redline(spans: Sequence[tuple[str, str]]) -> str:
    """Word diff spans `(op, text)` as Markdown: `~~old~~ **new**`, data escaped."""
    pieces: list[tuple[str, str]] = []
    for op, text in spans:
        escaped = escape(text)
        if op == "equal" or not escaped.strip():
            pieces.append(("equal", escaped))
            continue
        lead = escaped[: len(escaped) - len(escaped.lstrip())]
        trail = escaped[len(escaped.rstrip()) :]
        if lead:
            pieces.append(("equal", lead))
        if pieces and pieces[-1][0] != "equal":
            pieces.append(("equal", " "))  # `~~old~~ **new**` reads better than `~~old~~**new**`
        pieces.append((op, escaped.strip()))
        if trail:
            pieces.append(("equal", trail))
    out: list[str] = []
    for n, (op, text) in enumerate(pieces):
        if op == "equal":
            out.append(text)
            continue
        before = out[-1][-1] if out and out[-1] else ""
        after = pieces[n + 1][1][:1] if n + 1 < len(pieces) else ""
        if op == "delete":
            out.append(mark(text, "~~", "del", before, after))
        else:
            out.append(mark(text, "**", "ins", before, after))
    return guard_start("".join(out))
