"""Hostile data stays inert in every report format.

tests/data/hostile/ holds a plan whose every field carries markup of some renderer (`<script>`,
`</td>`, Rich `[bold]`, Markdown syntax, pipes), terminal escapes, BEL, bidi overrides,
Cyrillic, emoji and a very long word; a `javascript:` source address is injected on top (plan
files cannot hold one). Each format must show all of it literally and let none of it act.
"""

from __future__ import annotations

import json
import re

import pytest

from planlens.comparison.build import compare
from planlens.comparison.model import Comparison
from planlens.corpus.load import load_corpus
from planlens.report import FORMATS, RenderOptions, render
from planlens.report.html_css import SCRIPT
from planlens.safe import is_safe_url
from tests.conftest import DATA
from tests.unit.report_checks import (
    HTML_TAGS,
    RAW_CONTROLS,
    SGR,
    markdown_cells,
    markdown_tables,
    parse_html,
)

HOSTILE = DATA / "hostile"
OWN_MARKDOWN_TAGS = re.compile(r'<a id="[^"<>]*">|</a>|</?(?:del|ins|strong)>|<https?://[^<>\s]*>')
"""The only raw HTML the Markdown report writes: anchors, redline fallbacks, link targets."""
JAVASCRIPT_URL = "javascript:alert(document.cookie)"


@pytest.fixture(scope="module")
def hostile() -> Comparison:
    """calm → hostile, with a `javascript:` address added to the hostile plan's sources."""
    corpus = load_corpus([HOSTILE])
    assert not corpus.errors, corpus.errors
    comparison = compare(corpus, ["calm", "hostile"])
    plans = []
    for plan in comparison.plans:
        if plan.id == "hostile":
            bad = plan.sources[0].model_copy(update={"url": JAVASCRIPT_URL, "title": "JS"})
            plan = plan.model_copy(update={"sources": [*plan.sources, bad]})
        plans.append(plan)
    return comparison.model_copy(update={"plans": plans})


def test_the_fixture_is_hostile(hostile: Comparison) -> None:
    text = hostile.clause("hostile", "1").text
    for needle in ("<script>", "</td>", "[bold]", "|", "\x1b[31m", "\x07", "\u202e", "Україна"):
        assert needle in text
    assert any(s.url == JAVASCRIPT_URL for s in hostile.plan("hostile").sources)


@pytest.mark.parametrize("fmt", sorted(FORMATS))
@pytest.mark.parametrize("color", [False, True])
def test_no_raw_control_characters(hostile: Comparison, fmt: str, color: bool) -> None:
    output = render(hostile, fmt, RenderOptions(color=color))
    if color:
        output = SGR.sub("", output)
    found = sorted({f"U+{ord(ch):04X}" for ch in RAW_CONTROLS.findall(output)})
    assert not found, f"{fmt}: raw control characters {found}"


def test_html_runs_nothing_from_the_data(hostile: Comparison) -> None:
    page = render(hostile, "html")
    parts = parse_html(page)
    assert {tag for tag, _ in parts.tags} <= HTML_TAGS
    assert len(re.findall("<script", page, re.IGNORECASE)) == 1
    assert parts.scripts == [SCRIPT]
    for tag, attrs in parts.tags:
        for name, value in attrs:
            assert not name.startswith("on"), (tag, name, value)
            if name == "href":
                assert value is not None
                assert value.startswith("#") or is_safe_url(value), value
            if name == "src":
                pytest.fail(f"{tag} loads {value}")
    text = "".join(parts.text)
    # Shown, literally, as text: the markup, the script and the JS address.
    assert "<script>alert('text')</script>" in text
    assert "[bold]not bold[/bold]" in text
    assert JAVASCRIPT_URL in text
    assert "\\x1b[31mRED\\x1b[0m" in text
    assert "Україна 🕊️" in text


def test_html_ids_are_unique(hostile: Comparison) -> None:
    ids = [
        v for _, attrs in parse_html(render(hostile, "html")).tags for k, v in attrs if k == "id"
    ]
    assert len(ids) == len(set(ids))
    assert "hostile:1" in ids and "calm:1" in ids


def test_markdown_stays_text(hostile: Comparison) -> None:
    document = render(hostile, "md")
    for table in markdown_tables(document):
        widths = {len(markdown_cells(line)) for line in table}
        assert len(widths) == 1, f"a table row has a different number of cells: {table}"
    # No raw HTML from the data: every unescaped `<` opens one of the report's own tags.
    for match in re.finditer(r"(?<!\\)<", document):
        assert OWN_MARKDOWN_TAGS.match(document, match.start()), document[match.start() :][:40]
    # Links only to http(s) addresses or to anchors of the document.
    for destination in re.findall(r"(?<!\\)\]\((<[^>]*>|[^)\s]*)\)", document):
        target = destination.strip("<>")
        assert target.startswith("#") or is_safe_url(target), target
    assert "\\[bold\\]not bold\\[/bold\\]" in document
    assert "\\<script\\>alert('text')\\</script\\>" in document
    assert f"{JAVASCRIPT_URL}; not a web address, not linked" in document
    # Line-start syntax in the data never becomes a heading, list, quote or link definition.
    for line in document.splitlines():
        assert not re.match(r"#+ Not|\d+[.)] not a|[-+*] not a|> not a|\[x\]:", line), line


@pytest.mark.parametrize("layout", ["redline", "side-by-side"])
@pytest.mark.parametrize("color", [False, True])
def test_text_shows_markup_literally(hostile: Comparison, layout: str, color: bool) -> None:
    options = RenderOptions(color=color, width=100, layout=layout)  # type: ignore[arg-type]
    output = SGR.sub("", render(hostile, "text", options))
    assert "\x1b" not in output and "\x07" not in output
    flat = re.sub(r"\s+", " ", output)
    assert "[bold]not bold[/bold] [/]" in flat
    assert "\\x1b[31mRED\\x1b[0m" in flat
    assert "<script>alert('text')</script>" in flat
    assert "\\u202edesrever\\u202c" in flat
    assert "javascript:alert(document.cookie)" in flat


def test_json_keeps_every_string_exactly(hostile: Comparison) -> None:
    document = render(hostile, "json")
    assert json.loads(document) == json.loads(hostile.model_dump_json())
    assert "\\u202e" in document and "\\u001b" in document
