"""Bracketed alternatives stay apart and editors' notes reach every format (issue 14, 1–2)."""

from __future__ import annotations

import html
import re

import pytest

from planlens.comparison.build import compare
from planlens.comparison.model import Comparison
from planlens.corpus.load import load_corpus
from planlens.report import FORMATS, RenderOptions, render
from planlens.tui.widgets.details import details_content
from tests.conftest import BUNDLED


@pytest.fixture(scope="module")
def znpp() -> Comparison:
    """US-28 against UA-20 on the Zaporizhzhia plant: UA-20 has two bracketed options."""
    return compare(load_corpus([BUNDLED]), ["us-28", "ua-20"], topic="zaporizhzhia-npp")


def test_each_alternative_is_diffed_on_its_own(znpp: Comparison) -> None:
    (diff,) = znpp.rows[0].pairs
    assert [alt.address for alt in diff.alternatives] == ["ua-20:12.alt-a", "ua-20:12.alt-b"]
    assert diff.spans == []
    assert diff.change != "split"
    alt_a, alt_b = diff.alternatives
    inserted_a = "".join(s.text for s in alt_a.spans if s.op == "insert")
    assert "chief operator" in inserted_a and "joint venture" not in inserted_a
    inserted_b = "".join(s.text for s in alt_b.spans if s.op == "insert")
    assert "joint venture" in inserted_b and "chief operator" not in inserted_b


def test_each_alternative_keeps_its_own_figures(znpp: Comparison) -> None:
    (diff,) = znpp.rows[0].pairs
    split = {f.alternative: f.new for f in diff.figures if f.name == "znpp_power_split"}
    assert split == {
        "ua-20:12.alt-a": "equal thirds: Ukraine, US, Russia",
        "ua-20:12.alt-b": "50:50 Ukraine, US",
    }


@pytest.mark.parametrize("name", sorted(FORMATS))
def test_every_format_labels_both_alternatives_and_their_figures(
    znpp: Comparison, name: str
) -> None:
    output = render(znpp, name, RenderOptions(width=200))
    for expected in (
        "12.alt-a",
        "12.alt-b",
        "equal thirds: Ukraine, US, Russia",
        "United States (chief operator)",
        "50:50 Ukraine, US",
    ):
        assert expected in output, (name, expected)


def test_text_report_shows_each_alternative_as_its_own_redline(znpp: Comparison) -> None:
    output = render(znpp, "text", RenderOptions(width=200))
    heading_a = output.index("alternative ua-20:12.alt-a (bracketed)")
    heading_b = output.index("alternative ua-20:12.alt-b (bracketed)")
    between = output[heading_a:heading_b]
    assert "{+run jointly by Ukraine" in between and "joint venture" not in between
    assert "equal thirds" in between


def test_details_pane_shows_each_alternative_with_its_figures(znpp: Comparison) -> None:
    text = details_content(znpp, 0, {}).plain
    first, second = (
        text.index("alternative ua-20:12.alt-a"),
        text.index("alternative ua-20:12.alt-b"),
    )
    assert "equal thirds: Ukraine, US, Russia" in text[first:second]
    assert "50:50 Ukraine, US" in text[second:]


def _readable(output: str) -> str:
    """A report's words as a reader sees them: entities and Markdown escapes undone, spaces
    folded."""
    return " ".join(re.sub(r"\\(.)", r"\1", html.unescape(output)).split())


@pytest.fixture(scope="module")
def geneva() -> Comparison:
    """US-28 against Geneva-19: the army cap's note says reports conflict."""
    return compare(load_corpus([BUNDLED]), ["us-28", "geneva-19"])


@pytest.mark.parametrize("name", ["html", "md", "text"])
def test_clause_notes_reach_every_format(geneva: Comparison, name: str) -> None:
    output = _readable(render(geneva, name, RenderOptions(width=400)))
    notes = {
        clause.note
        for row in geneva.rows
        for diff in row.pairs
        for address in [f"{diff.b}:{cid}" for cid in diff.b_clauses]
        if diff.change != "unchanged" and (clause := geneva.clauses[address]).note
    }
    assert notes
    for note in notes:
        assert " ".join(note.split())[:60] in output, (name, note)


@pytest.mark.parametrize("name", ["html", "md", "text"])
def test_omission_notes_reach_every_format(geneva: Comparison, name: str) -> None:
    output = _readable(render(geneva, name, RenderOptions(width=400)))
    notes = [o.note for o in geneva.omissions]
    assert notes
    for note in notes:
        assert " ".join(note.split())[:60] in output, (name, note)


@pytest.mark.parametrize("name", ["html", "md", "text"])
@pytest.mark.parametrize("versions", [["us-28", "e3-28"], ["us-28", "e3-28", "ua-20"]])
def test_every_clause_note_reaches_every_format(name: str, versions: list[str]) -> None:
    comparison = compare(load_corpus([BUNDLED]), versions)
    output = _readable(render(comparison, name, RenderOptions(width=400)))
    notes = [clause.note for clause in comparison.clauses.values() if clause.note]
    assert len(notes) > 10
    missing = [n for n in notes if " ".join(n.split())[:60] not in output]
    assert missing == [], (name, missing[:3])
