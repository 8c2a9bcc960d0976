"""Small HTML pieces of the report: escaping, badges, links, anchors; data always escaped.

`esc` is the only way data enters the page: `visible()` first (control and bidi characters
shown as escapes), then HTML-escaped with quotes, so it is safe in text and in attributes.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass, field

from planlens.comparison.model import ChangeClass, Comparison, PairDiff, SpanInfo
from planlens.comparison.wording import absence, absent_ends
from planlens.report import common as c
from planlens.report.labels import LABELS
from planlens.safe import is_safe_url


def esc(text: str) -> str:
    """Data as inert HTML text or attribute value: made visible, folded, escaped."""
    return html.escape(c.fold(text), quote=True)


def badge(change: ChangeClass) -> str:
    """A change-class badge; its title says what the class means."""
    info = LABELS[change]
    return (
        f'<span class="badge c-{change}" title="{esc(info.meaning)}">'
        f"{esc(info.glyph)} {esc(info.label)}</span>"
    )


def tag(text: str, kind: str, title: str = "") -> str:
    """A neutral badge (status, fidelity, completeness, bracketed, confidence)."""
    hint = f' title="{esc(title)}"' if title else ""
    return f'<span class="badge {kind}"{hint}>{esc(text)}</span>'


def topics(topic_ids: list[str]) -> str:
    """Topic chips."""
    return "".join(f'<span class="topic">{esc(t)}</span>' for t in topic_ids)


def link(text: str, url: str) -> str:
    """A live link for http(s) addresses only; anything else is shown as inert text."""
    if is_safe_url(url):
        return f'<a href="{esc(url)}" rel="noopener noreferrer">{esc(text)}</a>'
    return (
        f'{esc(text)} <span class="unsafe-url" title="not a web address: not linked">'
        f"({esc(url)})</span>"
    )


def address_link(address: str) -> str:
    """A clause address linking to its anchor in this page."""
    return f'<a class="addr" href="#{esc(address)}">{esc(address)}</a>'


@dataclass
class Anchors:
    """The ids used so far: each clause address becomes an id exactly once per page."""

    used: set[str] = field(default_factory=set)
    """Ids already in the page."""

    def mark(self, addresses: list[str]) -> str:
        """Anchor spans for the addresses not anchored yet."""
        fresh = [a for a in addresses if a not in self.used]
        self.used.update(fresh)
        return "".join(f'<span class="anchor" id="{esc(a)}"></span>' for a in fresh)


def side(comparison: Comparison, diff: PairDiff, which: str) -> str:
    """One side of a pair as HTML: shared words plain, its own changes in `<del>` or `<ins>`.

    `which` is "old" or "new". A side with no clause says why: unknown, removed, reported.
    """
    plan_id, ids = (diff.a, diff.a_clauses) if which == "old" else (diff.b, diff.b_clauses)
    if not ids:
        return _absent(comparison, diff, plan_id)
    if diff.spans and diff.a_clauses and diff.b_clauses:
        body = spans_html(diff.spans, which)
    else:
        body = esc(c.side_text(comparison, plan_id, ids))
    marks = ""
    if c.bracketed(comparison, plan_id, ids):
        marks += tag("bracketed alternative", "bracketed", "unagreed alternative text") + " "
        body = f'<span class="bracketed-text">{body}</span>'
    level = c.confidence(comparison, plan_id, ids)
    if level:
        marks += tag(f"confidence: {level}", "confidence", "how sure this clause's text is") + " "
    return marks + body


def spans_html(spans: Sequence[SpanInfo], which: str) -> str:
    """One side of a word diff: shared words plain, its own in `<del>` (old) or `<ins>` (new)."""
    own, element = ("delete", "del") if which == "old" else ("insert", "ins")
    return "".join(
        esc(span.text) if span.op == "equal" else f"<{element}>{esc(span.text)}</{element}>"
        for span in spans
        if span.op in ("equal", own)
    )


def _absent(comparison: Comparison, diff: PairDiff, plan_id: str) -> str:
    label = esc(c.plan_label(comparison, plan_id))
    where = [address_link(end) for end in absent_ends(diff, plan_id)]
    text = absence(diff.change, label, where=where)
    kinds = {"unknown": "unknown", "removed-reported": "removed-reported", "removed": "removed"}
    kind = "merged" if diff.change in ("merged", "split") else kinds.get(diff.change, "added")
    return f'<p class="absent {kind}">{text[:1].upper()}{text[1:]}.</p>'
