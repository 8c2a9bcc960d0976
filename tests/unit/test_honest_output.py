"""`list`, `show`, `align -f json` and the reports show invisible and terminal-acting
characters visibly: C1 controls, DEL, bidi overrides and isolates, line separators and the
zero-width characters that make `ar\u200bmy` look like `army`."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from planlens.comparison.build import compare
from planlens.corpus.load import load_corpus
from planlens.report import render
from planlens.safe import is_safe_url, visible
from tests.conftest import CliResult
from tests.helpers import plan_text

Run = Callable[..., CliResult]
RAW = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\xad\u200b-\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]"
)
"""What must never reach stdout raw."""
HOSTILE_TEXT = (
    "ar\\u200bmy \\u009b31m csi \\u007f del \\u202eevil\\u202c \\u2066iso\\u2069 a\\u2028b"
)
"""TOML escapes of each kind of character, inside a clause text."""


@pytest.fixture
def plans(tmp_path: Path) -> Path:
    text = plan_text("odd", HOSTILE_TEXT).replace(
        'title = "A test plan"', 'title = "Ti\\u200btle \\u009b \\u202eright\\u202c"'
    )
    text = text.replace('title = "First"', 'title = "Fi\\u200brst \\u0085 \\u2067x\\u2069"')
    text = text.replace(
        'url = "https://example.org/"', 'url = "https://example.org/\\u202egpj.exe"'
    )
    (tmp_path / "odd.toml").write_text(text, encoding="utf-8")
    (tmp_path / "base.toml").write_text(
        plan_text("base", "army and more").replace("2025-01-01", "2024-01-01"), encoding="utf-8"
    )
    return tmp_path


@pytest.mark.parametrize(
    "args",
    [
        ("list",),
        ("list", "-f", "json"),
        ("show", "odd"),
        ("show", "odd:1"),
        ("show", "odd:1", "-f", "json"),
        ("show", "odd", "-f", "json"),
        ("align", "base", "odd", "-f", "json"),
        ("align", "base", "odd"),
    ],
)
def test_nothing_invisible_reaches_stdout(args: tuple[str, ...], plans: Path, run_cli: Run) -> None:
    result = run_cli(*args, "--plans", plans)
    assert result.code == 0, result.err
    found = sorted({f"U+{ord(c):04X}" for c in RAW.findall(result.out)})
    assert not found, found


def test_json_output_loads_back_to_the_same_text(plans: Path, run_cli: Run) -> None:
    result = run_cli("show", "odd:1", "-f", "json", "--plans", plans)
    assert "\\u200b" in result.out and "\\u202e" in result.out and "\\u2028" in result.out
    text = json.loads(result.out)["text"]
    assert text == load_corpus([plans]).plan("odd").clauses[0].text


def test_zero_width_characters_inside_words_are_shown(plans: Path, run_cli: Run) -> None:
    assert visible("ar\u200bmy") == "ar\\u200bmy"
    result = run_cli("show", "odd:1", "--plans", plans)
    assert "ar\\u200bmy" in result.out


@pytest.mark.parametrize("url", ["https://example.org/\u202egpj.exe", "https://e.org/a\u200bb"])
def test_an_address_with_invisible_characters_is_never_a_link(url: str) -> None:
    assert not is_safe_url(url)


def test_markdown_does_not_link_an_address_with_a_bidi_override(plans: Path) -> None:
    corpus = load_corpus([plans])
    output = render(compare(corpus, ["base", "odd"]), "md")
    assert "\u202e" not in output
    assert "gpj.exe>)" not in output
    assert "(https://example.org/\\\\u202egpj.exe; not a web address, not linked)" in output
