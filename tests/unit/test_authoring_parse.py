"""The plain-text parser: numbering styles, wrapped lines, preambles, odd numbering."""

from __future__ import annotations

from pathlib import Path

import pytest

from planlens.authoring.parse import ParsedText, join_lines, normalise_lines, parse_text
from tests.conftest import DATA

UA_20_LIKE = DATA / "import" / "ua-20-like.txt"


def ids(parsed: ParsedText) -> list[str]:
    return [clause.id for clause in parsed.clauses]


def texts(parsed: ParsedText) -> dict[str, str]:
    return {clause.id: clause.text for clause in parsed.clauses}


@pytest.mark.parametrize(
    "lines",
    [
        ["1. First point.", "2. Second point.", "3. Third point."],
        ["1) First point.", "2) Second point.", "3) Third point."],
        ["(1) First point.", "(2) Second point.", "(3) Third point."],
        ["Point 1: First point.", "Point 2: Second point.", "Point 3: Third point."],
        ["Point 1. First point.", "Point 2. Second point.", "Point 3. Third point."],
        ["Point 1 — First point.", "Point 2 — Second point.", "Point 3 — Third point."],
        ["POINT 1 - First point.", "point 2 – Second point.", "Point 3 Third point."],
        ["Пункт 1. First point.", "Пункт 2. Second point.", "Пункт 3. Third point."],
        ["## 1. First point.", "## 2. Second point.", "## 3. Third point."],
    ],
    ids=["dot", "paren", "enclosed", "point-colon", "point-dot", "point-dash", "point-case",
         "punkt", "markdown"],
)  # fmt: skip
def test_point_styles(lines: list[str]) -> None:
    parsed = parse_text("\n".join(lines))
    assert texts(parsed) == {"1": "First point.", "2": "Second point.", "3": "Third point."}
    assert parsed.warnings == ()
    assert [clause.line for clause in parsed.clauses] == [1, 2, 3]


@pytest.mark.parametrize("separator", [" — ", ": ", ". ", " – ", " "])
def test_article_heading_gives_title_and_the_next_lines_give_text(separator: str) -> None:
    parsed = parse_text(
        f"Article 1{separator}Ceasefire\nThe parties stop firing.\n\n"
        f"Article 2{separator}Monitoring\nA mission watches\nthe line of contact.\n"
    )
    assert [(c.id, c.title, c.text) for c in parsed.clauses] == [
        ("1", "Ceasefire", "The parties stop firing."),
        ("2", "Monitoring", "A mission watches the line of contact."),
    ]


def test_article_without_body_keeps_its_line_as_text() -> None:
    parsed = parse_text("Article 1. The parties agree to a ceasefire.\nArticle 2. They talk.\n")
    assert [(c.id, c.title, c.text) for c in parsed.clauses] == [
        ("1", "", "The parties agree to a ceasefire."),
        ("2", "", "They talk."),
    ]


def test_article_line_wrapped_into_the_next_is_text_not_title() -> None:
    parsed = parse_text("Section 1: The parties agree\nto a ceasefire.\nSection 2: Talks.\n")
    assert parsed.clauses[0].title == ""
    assert parsed.clauses[0].text == "The parties agree to a ceasefire."


@pytest.mark.parametrize(
    "subs",
    [["a. one", "b. two", "c. three"], ["a) one", "b) two", "c) three"],
     ["(a) one", "(b) two", "(c) three"]],
    ids=["dot", "paren", "enclosed"],
)  # fmt: skip
def test_lettered_sub_points(subs: list[str]) -> None:
    parsed = parse_text("\n".join(["1. Intro.", "2. The lead-in:", *subs, "3. After."]))
    assert texts(parsed) == {
        "1": "Intro.",
        "2": "The lead-in:",
        "2.a": "one",
        "2.b": "two",
        "2.c": "three",
        "3": "After.",
    }


def test_sub_points_without_lead_in_leave_no_empty_clause() -> None:
    parsed = parse_text("1. Intro.\n2.\na) one\nb) two\n3. After.\n")
    assert ids(parsed) == ["1", "2.a", "2.b", "3"]
    assert parsed.warnings == ()


def test_a_point_with_no_text_is_left_out_with_a_warning() -> None:
    parsed = parse_text("1. Intro.\n2.\n3. After.\n")
    assert ids(parsed) == ["1", "3"]
    assert parsed.warnings == ("line 2: 2 has no text; it is left out",)


def test_nested_numbered_list_and_decimals_become_sub_points() -> None:
    parsed = parse_text(
        "Article 1 — Scope\n(1) The first rule.\n(2) The second rule.\n"
        "Article 2 — Monitoring\n2.1 A mission is set up.\n2.2 It reports monthly.\n"
    )
    assert ids(parsed) == ["1", "1.1", "1.2", "2", "2.1", "2.2"]
    assert parsed.clauses[0].text == "Scope"
    assert parsed.warnings == ()


def test_wrapped_lines_join_with_a_space_and_a_hyphen_at_the_break_joins_without() -> None:
    parsed = parse_text(
        "1. The parties rebuild the war-\n   damaged regions along the line of\ncontact.\n"
        "2. Next.\n"
    )
    assert (
        texts(parsed)["1"]
        == "The parties rebuild the war-damaged regions along the line of contact."
    )


def test_bullets_inside_a_point_keep_their_lines() -> None:
    parsed = parse_text("1. Covers:\n• roads;\n- bridges;\n* ports.\n2. Next.\n")
    assert texts(parsed)["1"] == "Covers:\n• roads;\n- bridges;\n* ports."


def test_blank_line_inside_a_point_separates_paragraphs() -> None:
    parsed = parse_text("1. First paragraph.\n\nSecond paragraph.\n\n2. Next.\n")
    assert texts(parsed)["1"] == "First paragraph.\n\nSecond paragraph."


def test_sentences_starting_with_a_number_are_not_points() -> None:
    parsed = parse_text(
        "1. Elections are held no later than\n"
        "100 days after the signature.\n"
        "2. The board sits until the end of\n"
        "2026. Its decisions are binding.\n"
        "2025 was a year of talks.\n"
        "3. The army is capped at\n"
        "1.5 million troops.\n"
        "45. Not a point either: far from 3, and no 46 follows.\n"
        "4. Last.\n"
    )
    assert ids(parsed) == ["1", "2", "3", "4"]
    assert texts(parsed)["2"] == (
        "The board sits until the end of 2026. Its decisions are binding. 2025 was a year of talks."
    )
    assert texts(parsed)["3"].startswith("The army is capped at 1.5 million troops. 45. Not")


def test_keywords_running_into_a_sentence_are_not_points() -> None:
    parsed = parse_text(
        "1. The guarantee follows\nArticle 5 of the treaty.\n"
        "2. This replaces\nPoint 3 of the earlier plan.\n"
        "Point 3: not a point in a list numbered 1., 2.\n"
        "3) A sloppy but real point three.\n"
    )
    assert texts(parsed) == {
        "1": "The guarantee follows Article 5 of the treaty.",
        "2": "This replaces Point 3 of the earlier plan. Point 3: not a point in a list "
        "numbered 1., 2.",
        "3": "A sloppy but real point three.",
    }


def test_preamble_numbers_are_not_points() -> None:
    parsed = parse_text("In 2025 the talks began.\n2025. A hard year.\n1. First.\n2. Second.\n")
    assert ids(parsed) == ["1", "2"]
    assert parsed.preamble == ("In 2025 the talks began. 2025. A hard year.",)


def test_repeated_numbers_get_a_suffix_and_a_warning() -> None:
    parsed = parse_text("6. Six.\n7. Seven.\n7. Seven again.\n7. And again.\n8. Eight.\n")
    assert ids(parsed) == ["6", "7", "7-2", "7-3", "8"]
    assert parsed.warnings == (
        "line 3: point 7 appears again; this one gets the id 7-2",
        "line 4: point 7 appears again; this one gets the id 7-3",
    )


def test_repeated_sub_point_letter_gets_a_suffix() -> None:
    parsed = parse_text("1. Lead:\na) one\nb) two\nb) two again\n2. Next.\n")
    assert ids(parsed) == ["1", "1.a", "1.b", "1.b-2", "2"]
    assert "sub-point 1.b appears again" in parsed.warnings[0]


def test_skipped_numbers_are_points_with_a_warning() -> None:
    parsed = parse_text("1. One.\n2. Two.\n5. Five.\n6. Six.\n")
    assert ids(parsed) == ["1", "2", "5", "6"]
    assert parsed.warnings == ("line 3: point 5 follows point 2: numbers are skipped",)


def test_a_long_skip_needs_the_next_number_to_confirm_it() -> None:
    parsed = parse_text("1. One.\n2. Two.\n11. Eleven.\n12. Twelve.\n")
    assert ids(parsed) == ["1", "2", "11", "12"]


def test_an_excerpt_may_start_at_a_later_point() -> None:
    parsed = parse_text("11. Eleven.\n12. Twelve.\n13. Thirteen.\n")
    assert ids(parsed) == ["11", "12", "13"]
    assert parsed.warnings == ()


def test_a_restarted_list_gets_suffixes() -> None:
    parsed = parse_text("1. One.\n2. Two.\n3. Three.\n1. Again one.\n2. Again two.\n")
    assert ids(parsed) == ["1", "2", "3", "1-2", "2-2"]
    assert "line 4: the numbering goes back from 3 to 1" in parsed.warnings


def test_windows_line_endings_bom_and_odd_spaces() -> None:
    parsed = parse_text("\ufeff1.\tFirst\u00a0 point\r\nwrapped.\r\n\r\n2.  Second.\r")
    assert texts(parsed) == {"1": "First point wrapped.", "2": "Second."}


def test_cyrillic_plan_with_cyrillic_sub_points() -> None:
    parsed = parse_text(
        "Рамкова угода\n"
        "1. Суверенітет держави підтверджується.\n"
        "2. Гарантії безпеки включають:\n"
        "а) зобов'язання партнерів;\n"
        "б) спільні навчання;\n"
        "в) постачання систем\n"
        "протиповітряної оборони.\n"
        "3. Вибори проводяться якнайшвидше.\n"
    )
    assert parsed.heading == "Рамкова угода"
    assert texts(parsed) == {
        "1": "Суверенітет держави підтверджується.",
        "2": "Гарантії безпеки включають:",
        "2.a": "зобов'язання партнерів;",
        "2.b": "спільні навчання;",
        "2.c": "постачання систем протиповітряної оборони.",
        "3": "Вибори проводяться якнайшвидше.",
    }


def test_letters_out_of_sequence_are_text() -> None:
    parsed = parse_text("1. Lead:\nd) not a first sub-point\n2. Next.\n")
    assert ids(parsed) == ["1", "2"]
    assert texts(parsed)["1"] == "Lead: d) not a first sub-point"


def test_heading_and_preamble() -> None:
    parsed = parse_text("\n\nThe framework\nAn intro sentence.\nIt wraps.\n\n1. One.\n")
    assert parsed.heading == "The framework"
    assert parsed.preamble == ("An intro sentence. It wraps.",)


def test_a_sentence_is_not_a_heading() -> None:
    parsed = parse_text("The parties agreed on the following.\n1. One.\n")
    assert parsed.heading == ""
    assert parsed.preamble == ("The parties agreed on the following.",)


def test_unnumbered_text_is_all_preamble() -> None:
    parsed = parse_text("First paragraph.\n\nSecond paragraph.\n")
    assert parsed.clauses == ()
    assert parsed.preamble == ("First paragraph.", "Second paragraph.")


def test_several_paragraphs_in_the_last_point_are_flagged() -> None:
    parsed = parse_text("1. One.\n2. Two.\n\nThis plan was handed over on Friday.\n")
    assert "the last clause (2) has several paragraphs" in parsed.warnings[-1]


def test_empty_text() -> None:
    parsed = parse_text(" \n\t\n")
    assert parsed == ParsedText((), (), (), "")


def test_line_separator_vt_and_ff_are_kept_word_for_word() -> None:
    parsed = parse_text("1. One\u2028line, a\x0bvertical tab\x0cand a form feed.\n2. Two.")
    assert texts(parsed) == {
        "1": "One\u2028line, a\x0bvertical tab\x0cand a form feed.",
        "2": "Two.",
    }


def test_helpers() -> None:
    assert normalise_lines("a\r\nb\rc\u2028d") == ["a", "b", "c\u2028d"]
    assert join_lines(["one", "two", "", "three"]) == "one two\n\nthree"


def test_twenty_point_plan_from_a_news_page() -> None:
    parsed = parse_text(UA_20_LIKE.read_text(encoding="utf-8"))
    points = [str(n) for n in range(1, 21)]
    subs = {"5": ["5.a", "5.b", "5.c"], "12": ["12.a", "12.b"]}
    assert ids(parsed) == [cid for n in points for cid in [n, *subs.get(n, [])]]
    assert parsed.warnings == ()
    assert parsed.heading == "Framework for a settlement: 20 points (draft)"
    assert len(parsed.preamble) == 1 and parsed.preamble[0].startswith("Placeholder text")
    found = texts(parsed)
    assert found["5.c"] == (
        "the supply of air-defence systems, under a schedule agreed by the guarantors "
        "within six months."
    )
    assert found["11"].endswith("no later than 100 days after the ceasefire begins.")
    assert "end of 2026. Its decisions" in found["18"]
    assert found["16"].splitlines()[1:] == [
        "- energy and transport infrastructure;",
        "- trade and investment;",
        "- the removal of mines from farmland.",
    ]


def test_fixture_is_plain_text(tmp_path: Path) -> None:
    raw = UA_20_LIKE.read_bytes()
    assert b"\r" not in raw and raw.decode("utf-8")
