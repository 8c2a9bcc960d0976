"""The HTML report: self-contained, anchored, escaped; a property over random clause texts."""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planlens.comparison.build import compare
from planlens.corpus.load import load_corpus
from planlens.corpus.model import PlanFile
from planlens.report import render
from planlens.report.html_css import CONTENT_SECURITY_POLICY
from tests.conftest import MINI
from tests.unit.report_checks import HTML_TAGS, parse_html


def _plan(plan_id: str, texts: list[str], based_on: list[str]) -> PlanFile:
    return PlanFile.model_validate(
        {
            "plan": {
                "id": plan_id,
                "title": f"Plan {plan_id}",
                "date": dt.date(2025, 1, 1 + len(based_on)),
                "kind": "plan",
                "status": "official",
                "fidelity": "paraphrase",
                "based_on": based_on,
            },
            "clause": [
                {"id": str(n + 1), "text": text, "confidence": "confirmed"}
                for n, text in enumerate(texts)
            ],
        }
    )


def test_page_is_self_contained() -> None:
    page = render(compare(load_corpus([MINI]), ["alpha", "beta", "gamma"]), "html")
    assert page.startswith('<!DOCTYPE html>\n<html lang="en">')
    assert f'content="{CONTENT_SECURITY_POLICY}"' in page
    assert "default-src 'none'" in CONTENT_SECURITY_POLICY
    assert "@media print" in page and "prefers-color-scheme: dark" in page
    parts = parse_html(page)
    for tag, attrs in parts.tags:
        assert tag in HTML_TAGS
        for name, value in attrs:
            assert name not in ("src", "srcset", "poster", "data")
            if name == "href":
                assert value is not None and (value.startswith(("#", "https://"))), value
    assert not re.search(r"url\(|@import|@font-face", page)


def test_every_clause_address_is_a_unique_anchor() -> None:
    comparison = compare(load_corpus([MINI]), ["alpha", "beta", "gamma"])
    ids = [
        v for _, attrs in parse_html(render(comparison, "html")).tags for k, v in attrs if k == "id"
    ]
    assert len(ids) == len(set(ids))
    addresses = set(comparison.clauses)
    assert addresses <= set(ids)
    links = {v[1:] for _, attrs in parse_html(render(comparison, "html")).tags for k, v in attrs
             if k == "href" and v and v.startswith("#")}  # fmt: skip
    assert links <= set(ids), links - set(ids)


def test_pairwise_rows_mark_deletions_and_insertions() -> None:
    page = render(compare(load_corpus([MINI]), ["alpha", "beta"]), "html")
    assert "limited to <del>600,000</del> personnel" in page
    assert "limited to <ins>800,000</ins> personnel" in page
    assert 'class="absent removed-reported"' in page
    assert "<caption>" in page


def test_unknown_is_not_drawn_like_removed() -> None:
    page = render(compare(load_corpus([MINI]), ["beta", "gamma"]), "html")
    assert 'class="absent unknown"' in page and "Not known: GAMMA is known only in part." in page
    assert 'class="absent removed"' not in page


WORDS = st.text(alphabet="ab<>&\"'/=x ", min_size=1, max_size=12)
TEXTS = st.lists(WORDS, min_size=1, max_size=6).map(" ".join).filter(lambda t: t.strip() != "")
ATTRIBUTES = frozenset(
    "id class href title lang charset name content http-equiv scope hidden aria-label aria-hidden "
    "aria-labelledby aria-live style type value rel data-changes data-topics data-row".split()
)
"""Every attribute the HTML report writes."""


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(old=st.lists(TEXTS, min_size=1, max_size=3), new=st.lists(TEXTS, min_size=1, max_size=3))
def test_no_markup_from_random_clause_texts(old: list[str], new: list[str]) -> None:
    """Texts made of `<`, `>`, quotes, `=`, `/` and the letters of `a`/`b` tags never open an
    element or an attribute: every element and attribute is one the report writes itself, and
    each `<` in the page body opens one of those elements."""
    page = render(compare([_plan("old", old, []), _plan("new", new, ["old"])]), "html")
    parts = parse_html(page)
    assert {tag for tag, _ in parts.tags} <= HTML_TAGS
    for tag, attrs in parts.tags:
        names = {name for name, _ in attrs}
        assert names <= ATTRIBUTES, names - ATTRIBUTES
        if tag == "a":  # the report's links always say where they go
            assert "href" in names or "id" in names
    body = page[page.index("<main>") : page.index("</main>")]
    own = "|".join(sorted(HTML_TAGS))
    assert not re.search(rf"<(?!/?(?:{own})[\s>])", body)
    assert "".join(parts.text).count("<") >= sum(text.count("<") for text in old + new)


def test_the_policy_allows_exactly_the_page_script() -> None:
    """A CSP hash that does not match the script would silently switch the filters off."""
    page = render(compare(load_corpus([MINI]), ["alpha", "beta"]), "html")
    (script,) = parse_html(page).scripts
    digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")
    assert f"script-src 'sha256-{digest}'" in CONTENT_SECURITY_POLICY
    assert '<form id="filters" class="filters" hidden' in page  # shown only by the script
