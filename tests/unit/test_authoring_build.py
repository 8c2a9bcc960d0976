"""Building new versions: import from text, new from a base, proposed links and topics."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from planlens.authoring import (
    emit_plan,
    import_draft,
    import_text,
    lexical_links,
    new_draft,
    new_from,
    propose_links,
    write_plan_file,
)
from planlens.authoring.build import PREAMBLE_SUMMARY_LIMIT
from planlens.authoring.emit import PROPOSED_LINKS, PROPOSED_TOPICS
from planlens.authoring.links import aligner_links, default_proposer, similarity
from planlens.authoring.topics import propose_topics
from planlens.corpus.load import load_corpus
from planlens.corpus.model import PlanFile, Status
from planlens.errors import PlanlensError
from tests.conftest import DATA, MINI, REPO

DAY = dt.date(2025, 12, 24)
UA_20_LIKE = (DATA / "import" / "ua-20-like.txt").read_text(encoding="utf-8")


def alpha() -> PlanFile:
    return load_corpus([MINI]).plan("alpha")


def test_import_sets_verbatim_confirmed_and_the_given_metadata() -> None:
    plan_file = import_text("1. One.\n2. Two.\n", "new-plan", title="New plan", date=DAY)
    plan = plan_file.plan
    assert (plan.id, plan.title, plan.date, plan.fidelity) == (
        "new-plan",
        "New plan",
        DAY,
        "verbatim",
    )
    assert (plan.kind, plan.status, plan.based_on, plan.sources) == ("plan", "leaked", [], [])
    assert [(c.id, c.text, c.confidence) for c in plan_file.clauses] == [
        ("1", "One.", "confirmed"),
        ("2", "Two.", "confirmed"),
    ]


@pytest.mark.parametrize(
    ("status", "confidence"),
    [
        ("official", "confirmed"),
        ("leaked", "confirmed"),
        ("reported", "reported"),
        ("reconstructed", "reported"),
    ],
)
def test_an_imported_clause_is_as_sure_as_the_versions_status(
    status: Status, confidence: str
) -> None:
    # A text known only from reports is not confirmed because it was pasted in.
    draft = import_draft("1. One.\n2. Two.\n", "new-plan", date=DAY, status=status)
    assert [c.confidence for c in draft.plan.clauses] == [confidence, confidence]


def test_import_then_load_gives_the_same_clauses(tmp_path: Path) -> None:
    draft = import_draft(
        UA_20_LIKE, "ua-20-like", date=DAY, known_topics=load_corpus([MINI]).topics
    )
    (tmp_path / "ua-20-like.toml").write_text(emit_plan(draft.plan, draft.comments), "utf-8")
    corpus = load_corpus([tmp_path])
    assert corpus.errors == ()
    loaded = corpus.plan("ua-20-like")
    assert loaded == draft.plan
    assert len(loaded.clauses) == 25
    assert loaded.plan.title == "Framework for a settlement: 20 points (draft)"
    assert loaded.plan.summary.startswith("Placeholder text written for the planlens tests")
    warnings = sorted({p.message for p in corpus.problems})
    assert warnings == ["the clause has no topics", "the plan lists no sources"]


def test_a_given_title_keeps_the_heading_in_the_summary() -> None:
    plan = import_text(UA_20_LIKE, "x", title="Mine", date=DAY).plan
    assert plan.title == "Mine"
    assert plan.summary.startswith("Framework for a settlement: 20 points (draft)\nPlaceholder")


def test_short_preamble_is_the_summary_long_one_becomes_p_clauses() -> None:
    short = import_text("Agreed in Geneva.\n1. One.\n", "x", date=DAY)
    assert short.plan.summary == "Agreed in Geneva."
    assert [c.id for c in short.clauses] == ["1"]
    paragraph = "The parties, recalling their obligations, agree as follows. " * 6
    long_text = f"{paragraph}\n\n{paragraph}\n\n1. One.\n"
    assert len(paragraph) * 2 > PREAMBLE_SUMMARY_LIMIT
    draft = import_draft(long_text, "x", date=DAY)
    assert draft.plan.plan.summary == ""
    assert [c.id for c in draft.plan.clauses] == ["p1", "p2", "1"]
    assert draft.plan.clauses[0].text == paragraph.strip()
    assert any("p1, p2" in warning for warning in draft.warnings)


def test_unnumbered_text_becomes_paragraph_clauses() -> None:
    draft = import_draft("We, the leaders, met.\n\nWe agreed.\n", "x", date=DAY)
    assert [(c.id, c.text) for c in draft.plan.clauses] == [
        ("p1", "We, the leaders, met."),
        ("p2", "We agreed."),
    ]
    assert "no numbered points were found" in draft.warnings[0]


@pytest.mark.parametrize("text", ["", "   \n\n", "\ufeff"])
def test_empty_text_is_an_error(text: str) -> None:
    with pytest.raises(PlanlensError, match="no text to import"):
        import_text(text, "x")


@pytest.mark.parametrize("plan_id", ["US-28", "us 28", "-x", "", "ü", "a" * 65])
def test_bad_plan_ids_are_refused(plan_id: str) -> None:
    with pytest.raises(PlanlensError, match="not a valid plan id"):
        import_text("1. One.", plan_id)
    with pytest.raises(PlanlensError, match="not a valid plan id"):
        new_from(alpha(), plan_id)


def test_warnings_are_written_into_the_file_header() -> None:
    draft = import_draft("1. One.\n1. Again.\n", "x", date=DAY)
    assert draft.warnings == ("line 2: point 1 appears again; this one gets the id 1-2",)
    assert "# Check: line 2: point 1 appears again" in emit_plan(draft.plan, draft.comments)


def test_topics_are_proposed_from_keywords_and_marked() -> None:
    draft = import_draft(
        "1. NATO does not expand.\n2. Elections follow.\n3. Nothing to see.\n", "x", date=DAY
    )
    assert [c.topics for c in draft.plan.clauses] == [["nato"], ["elections"], []]
    text = emit_plan(draft.plan, draft.comments)
    assert f'topics = ["nato"]  # {PROPOSED_TOPICS}' in text
    assert "topics = []\n" in text


def test_topic_proposals_are_cautious_and_limited_to_known_topics() -> None:
    assert propose_topics("Вибори проводяться; НАТО не розширюється.") == ["nato", "elections"]
    assert propose_topics("a frozen conflict") == []
    assert propose_topics("An amnesty and elections.", known={"elections"}) == ["elections"]


def test_import_based_on_proposes_links_with_a_given_proposer() -> None:
    base = alpha()
    draft = import_draft(
        "1. Army.\n2. Votes.\n3. Nothing.\n",
        "x",
        date=DAY,
        based_on=base,
        proposer=lambda b, n: {"1": "1", "2": "2", "9": "1", "3": "nope"},
    )
    assert draft.plan.plan.based_on == ["alpha"]
    assert [c.links for c in draft.plan.clauses] == [["alpha:1"], ["alpha:2"], []]
    text = emit_plan(draft.plan, draft.comments)
    assert f'links = ["alpha:1"]  # {PROPOSED_LINKS}' in text


def test_the_default_proposer_is_the_aligner() -> None:
    assert default_proposer() is aligner_links


@pytest.mark.parametrize("proposer", [aligner_links, lexical_links], ids=["aligner", "lexical"])
def test_proposers_link_a_reworded_copy_to_its_base(proposer: object) -> None:
    base = alpha()
    text = (
        "1. The armed forces of the country are limited to 800,000 personnel in peacetime.\n"
        "2. A ceasefire begins as soon as both sides accept the agreement.\n"
        "3. Elections are held within 100 days after the agreement is signed.\n"
        "4. A reconstruction fund is created for the war-damaged regions.\n"
    )
    new = import_text(text, "x", date=DAY, based_on=base, proposer=lambda b, n: {})
    links = propose_links(base, new, proposer)  # type: ignore[arg-type]
    assert links["1"] == "1"
    assert links["3"] == "2"
    assert links["4"] == "4"
    assert "2" not in links, "the ceasefire has no counterpart in alpha"


def test_lexical_links_are_one_to_one() -> None:
    base = alpha()
    new = import_text(
        "1. Elections are held within 100 days after the agreement is signed.\n"
        "2. Elections are held within 100 days after the agreement is signed.\n",
        "x",
        date=DAY,
    )
    assert lexical_links(base, new) == {"2": "2"}, "same id first, then each base clause once"
    assert similarity("The  Army!", "the army") == 1.0


def test_new_from_copies_clauses_and_links_each_to_the_base() -> None:
    base = load_corpus([MINI]).plan("beta")
    draft = new_draft(base, "delta", date=DAY)
    new = draft.plan
    assert new.plan.based_on == ["beta"]
    assert (new.plan.fidelity, new.plan.status, new.plan.date) == ("paraphrase", "reported", DAY)
    assert new.plan.sources == [] and new.omission == []
    assert [c.links for c in new.clauses] == [[f"beta:{c.id}"] for c in base.clauses]
    for copied, original in zip(new.clauses, base.clauses, strict=True):
        assert copied.model_dump(exclude={"links"}) == original.model_dump(exclude={"links"})
    assert "add this version's sources" in draft.todo


def test_new_from_and_import_need_their_own_id() -> None:
    with pytest.raises(PlanlensError, match="id of its own"):
        new_from(alpha(), "alpha")
    with pytest.raises(PlanlensError, match="id of its own"):
        import_text("1. One.", "alpha", based_on=alpha())


def test_new_from_validates_against_the_corpus(mini_dir: Path) -> None:
    corpus = load_corpus([mini_dir])
    draft = new_draft(corpus.plan("alpha"), "delta", date=DAY)
    target = mini_dir / "delta.toml"
    problems = write_plan_file(emit_plan(draft.plan, draft.comments), target, corpus)
    assert [p.message for p in problems] == ["the plan lists no sources"]
    reloaded = load_corpus([mini_dir])
    assert reloaded.errors == ()
    assert reloaded.plan("delta") == draft.plan


def test_new_from_compares_as_all_unchanged() -> None:
    compare = pytest.importorskip("planlens.comparison.build")
    base = alpha()
    comparison = compare.compare([base, new_from(base, "delta", date=DAY)])
    changes = comparison.summary[0].changes
    assert changes["unchanged"] == len(base.clauses)
    assert sum(changes.values()) == len(base.clauses)


def test_authoring_never_imports_textual() -> None:
    code = (
        "import sys\n"
        "import planlens.authoring, planlens.commands.authoring\n"
        "assert 'textual' not in sys.modules, sorted(m for m in sys.modules if 'textual' in m)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, check=False
    )
    assert done.returncode == 0, done.stderr


LINE = st.one_of(
    st.text(st.characters(codec="utf-8"), max_size=30),
    st.sampled_from(["1.", "2)", "(3)", "a)", "(b)", "Point 4:", "Article 5 — T", "2.1", "• x"]),
)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(LINE, LINE), max_size=12))
def test_import_never_crashes_and_always_writes_a_loadable_plan(
    pairs: list[tuple[str, str]],
) -> None:
    text = "\n".join(f"{a} {b}" for a, b in pairs)
    try:
        draft = import_draft(text, "fuzz", date=DAY)
    except PlanlensError as exc:
        assert "there is no text to import" in str(exc)
        return
    ids = [clause.id for clause in draft.plan.clauses]
    assert len(ids) == len(set(ids))
    emitted = emit_plan(draft.plan, draft.comments)
    assert PlanFile.model_validate(tomllib.loads(emitted)) == draft.plan
