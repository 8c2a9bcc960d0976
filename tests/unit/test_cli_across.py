"""`planlens figures`, `history` and `search`: one command per question across the corpus."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from tests.conftest import BUNDLED, MINI, CliResult
from tests.helpers import plan_text

Run = Callable[..., CliResult]


def test_figures_json_has_every_state_in_date_order(run_cli: Run) -> None:
    result = run_cli("figures", "army_cap", "--plans", BUNDLED, "-f", "json")
    assert result.code == 0, result.err
    entries = json.loads(result.out)["terms"]["army_cap"]
    assert {"plan", "date", "clause", "value", "state", "confidence", "note"} <= set(entries[0])
    states = {e["plan"]: (e["state"], e["value"], e["clause"]) for e in entries}
    assert states["us-28"] == ("set", 600000, "us-28:6")
    assert states["eu-24"] == ("none", None, "eu-24:11")
    assert states["london-apr"] == ("silent", None, None)
    assert states["ep-res"][0] == "unknown"
    assert [e["date"] for e in entries] == sorted(e["date"] for e in entries)


def test_figures_table_writes_sums_as_people_do(run_cli: Run) -> None:
    result = run_cli("figures", "--plans", BUNDLED)
    assert result.code == 0, result.err
    assert "$100 billion" in result.out and "50:50" in result.out and "800,000" in result.out
    assert "none (explicitly)" in result.out and "100,000,000,000" not in result.out
    assert "army_cap" in result.out and "recovery_fund_usd" in result.out
    alternatives = [line for line in result.out.splitlines() if "ua-20:12.alt" in line]
    assert len(alternatives) >= 2 and all("bracketed alternative" in a for a in alternatives)


def test_figures_of_an_unknown_term_suggest_one(run_cli: Run) -> None:
    result = run_cli("figures", "army_cpa", "--plans", MINI)
    assert result.code == 1 and "did you mean army_cap?" in result.err
    assert "Traceback" not in result.err


def test_figures_match_a_term_name_in_any_case(run_cli: Run) -> None:
    result = run_cli("figures", "ARMY_CAP", "--plans", MINI)
    assert result.code == 0, result.err
    assert "army_cap" in result.out and "ARMY_CAP" not in result.out


def test_history_json_keeps_alternatives_apart(run_cli: Run) -> None:
    result = run_cli("history", "us-28:19", "--plans", BUNDLED, "-f", "json")
    assert result.code == 0, result.err
    story = json.loads(result.out)
    assert story["address"] == "us-28:19"
    versions = {v["plan"]: v for v in story["versions"]}
    assert [c["id"] for c in versions["ua-20"]["clauses"]] == ["12.alt-a", "12.alt-b"]
    clause = versions["us-28"]["clauses"][0]
    assert {"id", "text", "confidence", "bracketed", "note"} <= set(clause)
    assert {"plan", "date", "state", "clauses"} <= set(versions["ep-res"])
    assert versions["ep-res"]["state"] == "unknown"


def test_history_text_shows_a_reported_removal_with_its_note(run_cli: Run) -> None:
    result = run_cli("history", "alpha:3", "--plans", MINI)
    assert result.code == 0, result.err
    assert "removed (reported)" in result.out
    assert "The amnesty is reported to have been dropped." in result.out
    assert "https://example.org/beta-amnesty" in result.out


def test_history_needs_an_address(run_cli: Run) -> None:
    assert "clause address" in run_cli("history", "alpha", "--plans", MINI).err
    missing = run_cli("history", "alpha:9", "--plans", MINI)
    assert missing.code == 1 and "no clause" in missing.err


def test_search_finds_the_plant_however_it_is_written(run_cli: Run) -> None:
    result = run_cli("search", "ZAPORÍZHZHIA", "--plans", BUNDLED, "-f", "json")
    assert result.code == 0, result.err
    hits = json.loads(result.out)["hits"]
    assert {"plan", "clause", "field", "snippet"} <= set(hits[0])
    assert ("us-28", "us-28:19", "text") in {(h["plan"], h["clause"], h["field"]) for h in hits}
    start, end = hits[0]["match"]
    assert hits[0]["snippet"][start:end].casefold() == "zaporizhzhia"


def test_search_table_marks_the_match_and_filters(run_cli: Run) -> None:
    result = run_cli("search", "amnesty", "--plans", MINI, "--plan", "beta")
    assert result.code == 0, result.err
    assert "alpha:3" in result.out and "omission" in result.out and "«amnesty»" in result.out
    assert all(line.split()[0] == "beta" for line in result.out.splitlines()[1:] if line.strip())
    assert run_cli("search", "army", "--plans", MINI, "--topic", "nope").code == 1
    assert run_cli("search", "army", "--plans", MINI, "--plan", "nope").code == 1


def test_search_output_never_carries_markup_or_escapes(run_cli: Run, mini_dir: Path) -> None:
    beta = mini_dir / "beta.toml"
    text = beta.read_text(encoding="utf-8")
    beta.write_text(
        text.replace('title = "Ceasefire"', 'title = "Ceasefire [bold]x[/] \\u001b[31m"'),
        encoding="utf-8",
    )
    result = run_cli("search", "ceasefire", "--plans", mini_dir)
    assert result.code == 0, result.err
    assert "[bold]x[/]" in result.out and "\x1b" not in result.out and "\\x1b" in result.out


def test_search_takes_a_version_by_its_label_in_any_case(run_cli: Run) -> None:
    by_id = run_cli("search", "amnesty", "--plans", MINI, "--plan", "beta", "-f", "json")
    by_label = run_cli("search", "amnesty", "--plans", MINI, "--plan", "Beta", "-f", "json")
    assert by_label.code == 0, by_label.err
    hits = json.loads(by_label.out)["hits"]
    assert hits and hits == json.loads(by_id.out)["hits"]  # the label found nothing before


def test_search_with_a_mistyped_topic_suggests_the_closest(run_cli: Run) -> None:
    result = run_cli("search", "army", "--plans", BUNDLED, "--topic", "zaporizhzia")
    assert result.code == 1
    assert "did you mean zaporizhzhia-npp?" in result.err
    assert "accountability" not in result.err  # not the whole list


def test_figures_and_history_show_a_label_and_figure_escapes_literally(
    run_cli: Run, mini_dir: Path
) -> None:
    beta = mini_dir / "beta.toml"
    text = beta.read_text(encoding="utf-8")
    text = text.replace('short = "BETA"', 'short = "BETA\\u001b[2J"')
    text = text.replace("army_cap = 800000", 'army_cap = "800k \\u001b[31m\\u202e"')
    beta.write_text(text, encoding="utf-8")
    for args in (("figures", "army_cap"), ("history", "alpha:1")):
        result = run_cli(*args, "--plans", mini_dir)
        assert result.code == 0, result.err
        assert "\x1b" not in result.out and "\u202e" not in result.out, args
        assert "BETA\\x1b[2J" in result.out, args
    history = run_cli("history", "alpha:1", "--plans", mini_dir).out
    assert "army_cap 800k \\x1b[31m\\u202e" in history


def test_piped_output_has_no_trailing_spaces(run_cli: Run) -> None:
    for args in (("figures", "army_cap"), ("history", "alpha:1"), ("search", "army")):
        result = run_cli(*args, "--plans", MINI)
        assert result.code == 0, result.err
        lines = result.out.splitlines()
        assert len(lines) > 3, args
        assert [line for line in lines if line != line.rstrip()] == [], args


def test_figures_of_a_corpus_without_any_say_so(run_cli: Run, tmp_path: Path) -> None:
    (tmp_path / "solo.toml").write_text(plan_text("solo"), encoding="utf-8")
    result = run_cli("figures", "--plans", tmp_path)
    assert result.code == 0 and result.out == ""
    assert "No version has typed figures" in result.err


def test_one_search_hit_is_one_hit(run_cli: Run) -> None:
    result = run_cli("search", "amnesty is reported", "--plans", MINI)
    assert result.code == 0, result.err
    assert result.err.splitlines()[-1] == "1 hit."


def test_the_figures_command_says_removed_with_the_omission_note(run_cli: Run) -> None:
    result = run_cli("--plans", BUNDLED, "figures", "frozen_assets_usd")
    assert result.code == 0
    [line] = [line for line in result.out.splitlines() if line.lstrip().startswith("UA-20")]
    assert "us-28:14" in line and "removed (reported)" in line and "Not in the 20 points" in line


def test_history_text_shows_the_clause_a_provision_was_merged_into(run_cli: Run) -> None:
    result = run_cli("history", "us-28:21.d", "--plans", BUNDLED)
    assert result.code == 0, result.err
    e3 = result.out[result.out.index("E3-28 (e3-28)") : result.out.index("EU-24 (eu-24)")]
    assert "holds other provisions too" in e3 and "e3-28:21" in e3
    assert "unknown" not in e3
