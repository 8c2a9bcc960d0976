"""`--topic`: an unknown topic gets the closest ids; a topic keeps only the drops about it."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from planlens.comparison.build import compare
from planlens.corpus.load import Corpus, load_corpus
from planlens.corpus.names import UnknownTopicError
from tests.conftest import BUNDLED, CliResult

Run = Callable[..., CliResult]


@pytest.fixture(scope="module")
def bundled() -> Corpus:
    return load_corpus([BUNDLED])


def test_a_topic_keeps_only_the_reported_drops_about_it(bundled: Corpus) -> None:
    everything = compare(bundled, ["us-28", "ua-20"])
    assert len(everything.omissions) == 15
    npp = compare(bundled, ["us-28", "ua-20"], topic="zaporizhzhia-npp")
    assert npp.omissions == []
    nato = compare(bundled, ["us-28", "ua-20"], topic="nato")
    assert [(o.ref, o.row) for o in nato.omissions] == [
        ("us-28:3", 0),
        ("us-28:4", 1),
        ("us-28:7", 2),
        ("us-28:8", 3),
        ("us-28:9", 4),
    ]


def test_a_drop_from_a_version_not_compared_is_judged_by_its_clause(bundled: Corpus) -> None:
    # us-28 is not compared: its clause 26 (amnesty) decides whether the drops of it are kept.
    amnesty = compare(bundled, ["geneva-19", "ua-20"], topic="amnesty")
    assert [(o.plan, o.ref, o.row) for o in amnesty.omissions] == [
        ("geneva-19", "us-28:26", None),
        ("ua-20", "us-28:26", None),
    ]


def test_an_unknown_topic_suggests_the_closest_ids(bundled: Corpus) -> None:
    with pytest.raises(UnknownTopicError) as caught:
        compare(bundled, ["us-28", "ua-20"], topic="zaporizhia")
    assert str(caught.value) == "unknown topic 'zaporizhia'; did you mean zaporizhzhia-npp?"


def test_a_topic_label_typed_as_an_id_points_to_its_id(bundled: Corpus) -> None:
    with pytest.raises(UnknownTopicError) as caught:
        compare(bundled, ["us-28", "ua-20"], topic="Frozen assets")
    assert caught.value.close[0] == "frozen-assets"


def test_the_cli_says_did_you_mean_and_does_not_list_every_topic(run_cli: Run) -> None:
    result = run_cli("report", "us-28", "ua-20", "--topic", "natto", "--plans", BUNDLED)
    assert result.code == 1
    assert result.err == "planlens: error: unknown topic 'natto'; did you mean nato?\n"


def test_a_topic_near_nothing_still_lists_the_known_ids(run_cli: Run) -> None:
    result = run_cli("diff", "us-28", "ua-20", "--topic", "qqqq", "--plans", BUNDLED)
    assert result.code == 1
    assert "unknown topic 'qqqq' (known: accountability, amnesty," in result.err
