"""The HTML report: one self-contained page to send, cite and print.

Inline CSS and one small constant script (topic and change filters; the page is complete
without it), a Content-Security-Policy that forbids every network request, light and dark
colours, a print style sheet. Every clause address is an anchor (`#us-28:6`). All data goes
through `html_parts.esc`; only http(s) sources become links.
"""

from __future__ import annotations

from planlens.comparison.model import CHANGE_CLASSES, Comparison, PairSummary
from planlens.report import RenderOptions
from planlens.report import common as c
from planlens.report.html_css import CONTENT_SECURITY_POLICY, CSS, SCRIPT
from planlens.report.html_parts import Anchors, badge, esc, link, tag
from planlens.report.html_rows import figures_table, lines, matrix_table, pair_table
from planlens.report.labels import LABELS, completeness
from planlens.report.leading import by_topic_html, key_changes_html

SECTIONS = (
    ("key", "Key changes"),
    ("summary", "Summary"),
    ("versions", "Versions"),
    ("by-topic", "Provisions by topic"),
    ("provisions", "Provisions"),
    ("figures", "Figure changes"),
    ("unknown", "Unknown and reported"),
    ("sources", "Sources"),
    ("legend", "Legend"),
)


def _bar(summary: PairSummary) -> str:
    total = sum(summary.changes.values()) or 1
    pieces = "".join(
        f'<span class="b-{k}" style="width:{100 * v / total:.2f}%" '
        f'title="{v} {esc(LABELS[k].label)}"></span>'
        for k, v in summary.changes.items()
        if v
    )
    return f'<div class="bar" aria-hidden="true">{pieces}</div>'


def _summary(comparison: Comparison) -> str:
    classes = [k for k in CHANGE_CLASSES if any(s.changes[k] for s in comparison.summary)]
    head = "".join(f'<th scope="col" class="num">{badge(k)}</th>' for k in classes)
    rows = "\n".join(
        f'<tr><th scope="row">{esc(c.pair_title(comparison, s.a, s.b))}</th>'
        + "".join(f'<td class="num">{s.changes[k] or ""}</td>' for k in classes)
        + f'<td class="num">{s.figures}</td><td>{_bar(s)}</td></tr>'
        for s in comparison.summary
    )
    out = [
        '<table class="counts"><caption>Provisions per change class, for each compared pair'
        "</caption><thead>"
        f'<tr><th scope="col">Versions</th>{head}<th scope="col" class="num">figures</th>'
        f'<th scope="col">share</th></tr></thead><tbody>\n{rows}\n</tbody></table>'
    ]
    if len(comparison.summary) == 1:
        out.append(_topic_table(comparison, comparison.summary[0]))
    else:
        out.append(_topic_matrix(comparison))
    return "".join(out)


def _topic_matrix(comparison: Comparison) -> str:
    """Topics × pairs, each cell the pair's counts for the topic as compact marks."""
    topic_ids = sorted({t for s in comparison.summary for t in s.topics})
    if not topic_ids:
        return ""
    head = "".join(
        f'<th scope="col">{esc(c.pair_title(comparison, s.a, s.b))}</th>'
        for s in comparison.summary
    )
    rows = []
    for topic in topic_ids:
        cells = []
        for summary in comparison.summary:
            counts = summary.topics.get(topic, {})
            marks = " ".join(
                f'<span class="c-{k}" title="{esc(LABELS[k].label)}">{esc(LABELS[k].glyph)}'
                f"&#8239;{counts[k]}</span>"
                for k in CHANGE_CLASSES
                if counts.get(k)
            )
            cells.append(f"<td>{marks}</td>")
        rows.append(
            f'<tr><th scope="row"><span class="topic" title="{esc(topic)}">'
            f"{esc(c.topic_label(comparison, topic))}</span></th>{''.join(cells)}</tr>"
        )
    key = " · ".join(
        f'<span class="c-{k}">{esc(LABELS[k].glyph)}</span> {esc(LABELS[k].label)}'
        for k in CHANGE_CLASSES
        if any(k in s.topics.get(t, {}) for s in comparison.summary for t in topic_ids)
    )
    return (
        '<table class="topic-matrix"><caption>Per topic and pair: provisions per change class. '
        "Each entry is a change mark and a count (<code>*&#8239;2</code>: 2 provisions "
        f'modified).<br><span class="key">{key}</span></caption><thead><tr>'
        f'<th scope="col">Topic</th>{head}</tr></thead><tbody>\n{lines(rows)}\n</tbody></table>'
    )


def _topic_table(comparison: Comparison, summary: PairSummary) -> str:
    if not summary.topics:
        return ""
    columns = c.topic_columns(comparison, summary.a, summary.b)
    head = "".join(f'<th scope="col" class="num">{badge(k)}</th>' for k in columns)
    rows = "\n".join(
        f'<tr><th scope="row"><span class="topic" title="{esc(topic)}">'
        f"{esc(c.topic_label(comparison, topic))}</span></th>"
        + "".join(f'<td class="num">{counts.get(k, "")}</td>' for k in columns)
        + "</tr>"
        for topic, counts in summary.topics.items()
    )
    caption = f"Per topic: {esc(c.pair_title(comparison, summary.a, summary.b))}"
    return (
        f'<table class="topics"><caption>{caption}</caption><thead>'
        f'<tr><th scope="col">Topic</th>{head}</tr></thead><tbody>\n{rows}\n</tbody></table>'
    )


def _versions(comparison: Comparison) -> str:
    cards = []
    for plan in comparison.plans:
        hint = "" if plan.complete else "a provision it lacks is unknown, not removed"
        known = tag(completeness(plan.complete), "complete" if plan.complete else "partial", hint)
        badges = " ".join(
            [tag(plan.status, "status", "how its text is known"),
             tag(plan.fidelity, "fidelity", "how the clause texts relate to the original"),
             known]
        )  # fmt: skip
        based = f" · based on {esc(', '.join(plan.based_on))}" if plan.based_on else ""
        origin = f" · {esc(plan.origin)}" if plan.origin else ""
        sources = len(plan.sources)
        cards.append(
            f'<article class="card"><h3>{esc(plan.label)} '
            f'<span class="addr muted">{esc(plan.id)}</span></h3>'
            f"<p><strong>{esc(plan.title)}</strong></p><p>{badges}</p>"
            f'<p class="muted">{esc(plan.date.isoformat())} · {esc(plan.kind)}{origin}{based} · '
            f'<a href="#sources-{esc(plan.id)}">{sources} source{"" if sources == 1 else "s"}'
            f"</a></p>" + (f"<p>{esc(plan.summary)}</p>" if plan.summary else "") + "</article>"
        )
    return f'<div class="cards">{"".join(cards)}</div>'


def _filters(comparison: Comparison) -> str:
    topic_ids = sorted({t for row in comparison.rows for t in row.topics})
    topic_options = "".join(f'<option value="{esc(t)}">{esc(t)}</option>' for t in topic_ids)
    change_options = "".join(
        f'<option value="{k}">{esc(LABELS[k].label)}</option>' for k in CHANGE_CLASSES
    )
    return (
        '<form id="filters" class="filters" hidden aria-label="filter provisions">'
        f'<label>Topic <select name="topic"><option value="">all</option>{topic_options}'
        "</select></label>"
        f'<label>Change <select name="change"><option value="">all</option>{change_options}'
        "</select></label>"
        '<label><input type="checkbox" name="changed"> hide unchanged</label>'
        '<output id="filter-count" aria-live="polite"></output></form>'
    )


def _provisions(comparison: Comparison, anchors: Anchors) -> str:
    if len(comparison.plans) == 2:
        (a, b) = comparison.pairs[0]
        return _filters(comparison) + pair_table(comparison, a, b, anchors)
    out = [_filters(comparison), matrix_table(comparison, anchors)]
    for a, b in comparison.pairs:
        out.append(f"<h3>Changes: {esc(c.pair_title(comparison, a, b))}</h3>")
        out.append(pair_table(comparison, a, b, anchors, changed_only=True))
    notes = c.notes_elsewhere(comparison, lambda d: d.change != "unchanged")
    if notes:
        items = "".join(f"<li>{esc(note)}</li>" for note in notes)
        out.append(
            f'<h3>Editors\' notes on unchanged provisions</h3><ul class="editor-notes">{items}</ul>'
        )
    return "".join(out)


def _unknown(comparison: Comparison) -> str:
    items = []
    for plan in c.partial_versions(comparison):
        items.append(
            f"<li>{tag('partly known', 'partial')} <strong>{esc(plan.label)}</strong> is known "
            "only in part: a provision it lacks is marked <em>unknown</em>, not removed.</li>"
        )
    for omission in comparison.omissions:
        where = (
            f'<a class="addr" href="#{esc(omission.ref)}">{esc(omission.ref)}</a>'
            if omission.row is not None
            else f'<span class="addr">{esc(omission.ref)}</span> (not shown)'
        )
        source = f" {link('source', omission.source)}" if omission.source else ""
        items.append(
            f"<li>{badge('removed-reported')} <strong>"
            f"{esc(c.plan_label(comparison, omission.plan))}</strong> is reported to have "
            f"dropped {where} ({esc(omission.confidence)}): {esc(omission.note)}{source}</li>"
        )
    if not items:
        return (
            '<p class="muted">Every version is fully known; none is reported to have dropped '
            "a provision.</p>"
        )
    return f"<ul>{''.join(items)}</ul>"


def _sources(comparison: Comparison) -> str:
    out = []
    for plan in comparison.plans:
        entries = "".join(
            f"<li>{link(s.title, s.url)}, {esc(s.publisher)}"
            + (f", {esc(s.date.isoformat())}" if s.date else "")
            + (f'<br><span class="muted">{esc(s.note)}</span>' if s.note else "")
            + "</li>"
            for s in plan.sources
        )
        out.append(
            f'<h3 id="sources-{esc(plan.id)}">{esc(plan.label)}: {esc(plan.title)}</h3>'
            + (f'<ul class="sources">{entries}</ul>' if entries else "<p>No source recorded.</p>")
        )
    return "".join(out)


def _legend() -> str:
    items = "".join(
        f"<div><dt>{badge(k)}</dt><dd>{esc(v.meaning)}</dd></div>" for k, v in LABELS.items()
    )
    return f'<dl class="legend">{items}</dl>'


def render_html(comparison: Comparison, options: RenderOptions) -> str:
    """The HTML report of `comparison`: one page, no external resources."""
    anchors = Anchors()
    title = esc(f"planlens report: {c.title(comparison)}")
    about = (
        f"Generated by {esc(comparison.generator)} · report format {esc(comparison.schema_version)}"
    )
    if c.options_line(comparison):
        about += f" · {esc(c.options_line(comparison))}"
    bodies = {
        "key": key_changes_html(comparison),
        "by-topic": by_topic_html(comparison) if options.by_topic else "",
        "summary": _summary(comparison),
        "versions": _versions(comparison),
        "provisions": _provisions(comparison, anchors),
        "figures": figures_table(comparison),
        "unknown": _unknown(comparison),
        "sources": _sources(comparison),
        "legend": _legend(),
    }
    shown = [(key, name) for key, name in SECTIONS if bodies[key]]
    toc = "".join(f'<a href="#{key}">{name}</a>' for key, name in shown)
    sections = "\n".join(
        f'<section id="{key}" aria-labelledby="h-{key}"><h2 id="h-{key}">{name}</h2>\n'
        f"{bodies[key]}\n</section>"
        for key, name in shown
    )
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{CONTENT_SECURITY_POLICY}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f'<meta name="generator" content="{esc(comparison.generator)}">\n'
        f"<title>{title}</title>\n<style>\n{CSS}\n</style>\n</head>\n<body>\n"
        f'<header><h1>{title}</h1><p class="meta">{about}</p>'
        f'<nav class="toc" aria-label="contents">{toc}</nav></header>\n'
        f"<main>\n{sections}\n</main>\n"
        "<footer>Clause addresses (plan:clause) are stable: cite them, or link to "
        "<code>#plan:clause</code> in this page.</footer>\n"
        f"<script>{SCRIPT}</script>\n</body>\n</html>\n"
    )
