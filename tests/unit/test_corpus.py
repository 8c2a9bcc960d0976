"""Guards on the bundled corpus: ids, dates, sources, topics, honesty flags and key figures."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from planlens.comparison.build import compare
from planlens.corpus.load import Corpus, load_corpus
from tests.conftest import BUNDLED

REQUIRED = {
    "us-28": {dt.date(2025, 11, 20)},
    "e3-28": {dt.date(2025, 11, 23)},
    "eu-24": {dt.date(2025, 11, 23)},
    "geneva-19": {dt.date(2025, 11, 23), dt.date(2025, 11, 24)},
    "us-22": {dt.date(2025, 11, 25)},
    "ep-res": {dt.date(2025, 11, 27)},
    "ua-20": {dt.date(2025, 12, 23), dt.date(2025, 12, 24)},
    "ru-27": {dt.date(2025, 12, 2)},
    "eu-core": {dt.date(2026, 2, 17)},
    "ep-res-26": {dt.date(2026, 2, 24)},
    "geneva-restore": {dt.date(2026, 2, 26)},
}


@pytest.fixture(scope="module")
def corpus() -> Corpus:
    return load_corpus([BUNDLED])


def test_every_plan_loads_without_problems(corpus: Corpus) -> None:
    assert corpus.problems == ()
    files = {p.stem for p in BUNDLED.glob("*.toml")} - {"topics"}
    assert set(corpus.ids) == files


@pytest.mark.parametrize(("plan_id", "dates"), sorted(REQUIRED.items()))
def test_required_versions_and_dates(corpus: Corpus, plan_id: str, dates: set[dt.date]) -> None:
    assert corpus.plan(plan_id).plan.date in dates


def test_every_plan_has_two_dated_sources(corpus: Corpus) -> None:
    for plan in corpus.plans:
        sources = plan.plan.sources
        assert len(sources) >= 2, plan.id
        assert all(s.url.startswith(("https://", "http://")) and s.publisher for s in sources)
        assert sum(1 for s in sources if s.date is not None) >= 2, plan.id


def test_every_clause_has_topics_and_a_title(corpus: Corpus) -> None:
    for plan in corpus.plans:
        for clause in plan.clauses:
            assert clause.topics, plan.address(clause)
            assert clause.title, plan.address(clause)


def test_versions_known_in_part_say_so(corpus: Corpus) -> None:
    for plan_id in ("e3-28", "eu-24", "geneva-19", "us-22", "ru-27", "eu-core", "geneva-restore"):
        assert corpus.plan(plan_id).plan.complete is False
    # Versions known only from reports of their existence carry no invented clauses.
    for plan_id in ("us-22", "ru-27", "geneva-restore"):
        assert corpus.plan(plan_id).clauses == []
        assert corpus.plan(plan_id).plan.status == "reported"
    assert corpus.plan("geneva-19").plan.status == "reported"
    assert corpus.plan("us-28").plan.complete is True


def test_us28_has_all_points_and_sub_points(corpus: Corpus) -> None:
    ids = [c.id for c in corpus.plan("us-28").clauses]
    points = {i.split(".")[0] for i in ids}
    assert points == {str(n) for n in range(1, 29)}
    subs = {i for i in ids if "." in i}
    expected = {
        f"{n}.{letter}"
        for n, letters in {
            "10": "abcd",
            "12": "abcdef",
            "13": "abc",
            "20": "abc",
            "21": "abcd",
            "24": "abcd",
        }.items()
        for letter in letters
    }
    assert subs == expected


@pytest.mark.parametrize(
    ("address", "term", "value"),
    [
        ("us-28:6", "army_cap", 600000),
        ("us-28:25", "elections_within_days", 100),
        ("us-28:14", "frozen_assets_usd", 100_000_000_000),
        ("us-28:14", "us_profit_share_pct", 50),
        ("us-28:14", "europe_contribution_usd", 100_000_000_000),
        ("us-28:19", "znpp_power_split", "50:50"),
        ("e3-28:6", "army_cap", 800000),
        ("e3-28:6", "army_cap_applies", "peacetime"),
        ("e3-28:2", "non_aggression_parties", "Russia, Ukraine, NATO"),
        ("ua-20:4", "army_cap", 800000),
        ("ua-20:9", "recovery_fund_usd", 800_000_000_000),
        ("eu-12:p1", "ceasefire_hours", 24),
    ],
)
def test_spot_check_figures(corpus: Corpus, address: str, term: str, value: object) -> None:
    _, clause = corpus.clause(address)
    assert clause.terms[term] == value


def test_resolution_vote_is_recorded(corpus: Corpus) -> None:
    summary = corpus.plan("ep-res").plan.summary
    assert re.search(r"401\D+70\D+90", summary)
    summary = corpus.plan("ep-res-26").plan.summary
    assert re.search(r"437\D+82\D+70", summary)


def test_reported_removals_are_omissions(corpus: Corpus) -> None:
    refs = {o.ref for o in corpus.plan("geneva-19").omission}
    assert {"us-28:26", "us-28:14"} <= refs
    assert "us-28:3" in {o.ref for o in corpus.plan("e3-28").omission}


def test_unagreed_points_are_bracketed(corpus: Corpus) -> None:
    bracketed = {c.id for c in corpus.plan("ua-20").clauses if c.bracketed}
    assert {i.split(".")[0] for i in bracketed} == {"12", "14"}


def test_derived_version_reuses_the_base_wording(corpus: Corpus) -> None:
    comparison = compare(corpus, ["us-28", "e3-28"])
    unchanged = comparison.summary[0].changes["unchanged"]
    assert unchanged >= 15, "e3-28 must copy the us-28 text where the mark-up kept a point"


def test_every_term_is_documented() -> None:
    readme = (BUNDLED / "README.md").read_text(encoding="utf-8")
    used = set(
        re.findall(
            r"\b([a-z][a-z0-9_]*) = ",
            "\n".join(
                line
                for p in BUNDLED.glob("*.toml")
                for line in p.read_text(encoding="utf-8").splitlines()
                if line.startswith("terms = ")
            ),
        )
    )
    missing = sorted(term for term in used if f"`{term}`" not in readme)
    assert missing == []


def test_valid_links_cost_no_line_lookups(monkeypatch: pytest.MonkeyPatch) -> None:
    """Lines are found for problems only: a corpus of valid links looks up none for them."""
    from planlens.corpus.locate import Locator

    looked_up: list[tuple[str | int, ...]] = []
    line = Locator.line

    def recording(self: Locator, loc: tuple[str | int, ...]) -> int | None:
        looked_up.append(tuple(loc))
        return line(self, loc)

    monkeypatch.setattr(Locator, "line", recording)
    load_corpus([BUNDLED])
    assert not [loc for loc in looked_up if loc[-1] in ("links", "not_links")]


def test_each_plan_file_is_indexed_for_lines_once(monkeypatch: pytest.MonkeyPatch) -> None:
    from planlens.corpus.locate import Locator

    indexed: list[str] = []
    init = Locator.__init__

    def recording(self: Locator, text: str) -> None:
        indexed.append(text)
        init(self, text)

    monkeypatch.setattr(Locator, "__init__", recording)
    corpus = load_corpus([BUNDLED])
    assert len(indexed) == len(set(indexed)) == len(corpus.plans)
