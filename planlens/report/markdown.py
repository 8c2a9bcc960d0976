"""The Markdown report: GitHub-flavoured Markdown to read on a code host, paste or cite.

Sections: versions, summary, the provision table (rows × versions), the word-level changes of
each changed row (`~~old~~ **new**`), figure changes, unknown and reported items, sources.
Every value from a plan file is escaped by `markdown_text`, so data never becomes Markdown
syntax and never breaks a table; each changed row carries an anchor named by its address.
"""

from __future__ import annotations

import html

from planlens.comparison.model import AlternativeDiff, ChangeClass, Comparison, PairDiff, Row
from planlens.report import RenderOptions
from planlens.report import common as c
from planlens.report.labels import LABELS, completeness, glyph, label
from planlens.report.leading import by_topic_markdown, key_changes_markdown
from planlens.report.markdown_escape import block, cell, code, escape, redline, strong, table
from planlens.safe import is_safe_url


def _badge(change: ChangeClass) -> str:
    """`* modified`: the change class's mark and word, escaped (marks include `*`, `<`, `>`)."""
    return escape(f"{glyph(change)} {label(change)}")


def _link(text: str, url: str) -> str:
    """A Markdown link for an http(s) address; anything else is shown, inert, as text."""
    if is_safe_url(url):
        return f"[{escape(text)}](<{url}>)"
    return f"{escape(text)} ({escape(url)}; not a web address, not linked)"


def _anchor(address: str) -> str:
    return f'<a id="{html.escape(address, quote=True)}"></a>'


def _versions(comparison: Comparison) -> list[str]:
    rows = [
        [
            strong(cell(plan.label)),
            code(plan.id),
            cell(plan.title),
            plan.date.isoformat(),
            cell(plan.kind),
            cell(plan.status),
            cell(plan.fidelity),
            completeness(plan.complete),
            str(len(plan.sources)),
        ]
        for plan in comparison.plans
    ]
    header = ["Version", "Id", "Title", "Date", "Kind", "Status", "Fidelity", "Known", "Sources"]
    out = ["## Versions", "", *table(header, rows, "llllllllr"), ""]
    for plan in comparison.plans:
        if plan.summary:
            out += [f"{strong(cell(plan.label))}: {escape(plan.summary)}", ""]
    return out


def _summary(comparison: Comparison) -> list[str]:
    out = ["## Summary", ""]
    for summary in comparison.summary:
        if len(comparison.summary) > 1:
            out += [f"### {escape(c.pair_title(comparison, summary.a, summary.b))}", ""]
        figures = f"{summary.figures} figure change{'' if summary.figures == 1 else 's'}"
        out += [f"{escape(c.counts_line(summary.changes))}; {figures}.", ""]
        counts = [[_badge(k), str(v)] for k, v in summary.changes.items() if v]
        out += [*table(["Change", "Provisions"], counts, "lr"), ""]
        columns = c.topic_columns(comparison, summary.a, summary.b)
        if summary.topics:
            rows = [
                [
                    escape(c.topic_label(comparison, topic)),
                    *(str(per.get(k, "")) or "·" for k in columns),
                ]
                for topic, per in summary.topics.items()
            ]
            header = ["Topic", *(_badge(k) for k in columns)]
            out += [*table(header, rows, "l" + "r" * len(columns)), ""]
    return out


def _provisions(comparison: Comparison) -> list[str]:
    plans = comparison.plans
    rows: list[list[str]] = []
    for row in comparison.rows:
        address = code(row.anchor)
        changed = next((d for d in row.pairs if d.change != "unchanged"), None)
        if changed is not None:  # link to the anchor of its first change, under Changes
            target = (
                c.addresses(changed.a, changed.a_clauses)
                + c.addresses(changed.b, changed.b_clauses)
            )[0]
            address = f"[{address}](#{target})"
        first = [str(row.index + 1), f"{address} {cell(row.title)}"]
        cells = []
        for plan in plans:
            entry = c.matrix_cell(comparison, row, plan.id)
            ids = ", ".join(entry.clause_ids) or "—"
            if len(plans) > 2 and entry.change is not None:
                ids = f"{glyph(entry.change)} {ids}"
            cells.append(cell(ids))
        if len(plans) == 2:
            cells.append(_badge(row.pairs[0].change) if row.pairs else "—")
        rows.append(first + cells)
    header = ["#", "Provision", *(cell(p.label) for p in plans)]
    header += ["Change"] if len(plans) == 2 else []
    legend = " · ".join(escape(f"{v.glyph} {v.label}") for v in LABELS.values())
    intro = (
        "Each row is one provision; each column gives the version's clause numbers, marked "
        "with the change against its reference version."
        if len(plans) > 2
        else "Each row is one provision: the clause numbers of each version, and the change."
    )
    return ["## Provisions", "", intro, "", *table(header, rows, "r"), "", f"Legend: {legend}", ""]


def _clause_caveats(comparison: Comparison, diff: PairDiff) -> list[str]:
    out = []
    for plan_id, ids in ((diff.a, diff.a_clauses), (diff.b, diff.b_clauses)):
        if c.bracket_caveat(comparison, diff, plan_id, ids):
            out.append(f"- {code(plan_id)} text is **bracketed**: an unagreed alternative")
        level = c.confidence(comparison, plan_id, ids) if ids else None
        if level:
            out.append(f"- {code(plan_id)} clause confidence: {level}")
    return out


def _row_change(comparison: Comparison, row: Row, diff: PairDiff, seen: set[str]) -> list[str]:
    """One changed row of a pair; anchors for the addresses not anchored yet (ids stay unique)."""
    addresses = c.addresses(diff.a, diff.a_clauses) + c.addresses(diff.b, diff.b_clauses)
    anchors = "".join(_anchor(address) for address in addresses if address not in seen)
    seen.update(addresses)
    head = f"#### {escape(c.heading(diff))} · {escape(row.title)}"
    facts = [strong(_badge(diff.change))]
    if row.topics:
        facts.append("topics: " + ", ".join(code(t) for t in row.topics))
    if c.link_line(diff):
        facts.append("link: " + escape(c.link_line(diff)))
    out = (
        [anchors, head, "", " · ".join(facts), ""] if anchors else [head, "", " · ".join(facts), ""]
    )
    details = [f"- note: {escape(diff.note)}"] if diff.note else []
    details += [f"- note: {escape(n)}" for n in c.omission_notes(row, diff)]
    details += [f"- note: {escape(n)}" for n in c.pair_notes(comparison, diff)]
    details += [f"- figure: {escape(c.figure_line(f))}" for f in c.pair_figures(diff)]
    details += _clause_caveats(comparison, diff)
    if diff.alternatives:
        out += [*details, ""] if details else []
        for alt in diff.alternatives:
            out += _alternative(comparison, diff, alt)
        return out
    if diff.a_clauses and diff.b_clauses:
        out += [redline([(s.op, s.text) for s in diff.spans]), ""]
    else:
        present, ids = (diff.a, diff.a_clauses) if diff.a_clauses else (diff.b, diff.b_clauses)
        text = c.side_text(comparison, present, ids)
        out += [f"*Only in {escape(c.plan_label(comparison, present))}:* {escape(text)}", ""]
    return out + ([*details, ""] if details else [])


def _alternative(comparison: Comparison, diff: PairDiff, alt: AlternativeDiff) -> list[str]:
    """One bracketed alternative: labelled, with its own diff, figures and editor's note."""
    out = [f"{strong(escape(c.alternative_heading(alt)))} · {_badge(alt.change)}", ""]
    out += [redline([(s.op, s.text) for s in alt.spans]), ""]
    details = [f"- figure: {escape(c.figure_line(f))}" for f in c.alternative_figures(diff, alt)]
    note = c.alternative_note(comparison, alt)
    details += [f"- note: {escape(note)}"] if note else []
    return out + ([*details, ""] if details else [])


def _changes(comparison: Comparison) -> list[str]:
    out = ["## Changes", ""]
    seen: set[str] = set()
    for a, b in comparison.pairs:
        out += [f"### {escape(c.pair_title(comparison, a, b))}", ""]
        changed = [(r, d) for r, d in c.pair_rows(comparison, a, b) if d.change != "unchanged"]
        if not changed:
            out += ["No provision changed.", ""]
        for row, diff in changed:
            out += _row_change(comparison, row, diff, seen)
    return out


def _other_notes(comparison: Comparison) -> list[str]:
    notes = c.notes_elsewhere(comparison, lambda d: d.change != "unchanged")
    if not notes:
        return []
    intro = "Notes on clauses of provisions not changed (so not shown above):"
    return ["### Editors' notes on unchanged provisions", "", intro, "",
            *(f"- {escape(note)}" for note in notes), ""]  # fmt: skip


def _figures(comparison: Comparison) -> list[str]:
    rows = [
        [code(row.anchor), cell(c.pair_title(comparison, diff.a, diff.b)),
         cell(c.figure_name(figure)),
         cell(c.figure_value(figure.old)), cell(c.figure_value(figure.new)),
         c.relative_change(figure) or "·", figure.source]
        for row in comparison.rows
        for diff in row.pairs
        for figure in diff.figures
    ]  # fmt: skip
    if not rows:
        return ["## Figure changes", "", "No figure changed.", ""]
    header = ["Provision", "Versions", "Figure", "Old", "New", "Change", "Found in"]
    return ["## Figure changes", "", *table(header, rows, "lllllrl"), ""]


def _unknowns(comparison: Comparison) -> list[str]:
    out = ["## Unknown and reported", ""]
    partial = c.partial_versions(comparison)
    for plan in partial:
        # A row counts once, for the version that lacks a clause there (a pair is unknown
        # when either side is partial and lacks it).
        unknown = sum(
            1 for row in comparison.rows if not row.clauses.get(plan.id)
            and any(d.change == "unknown" and plan.id in (d.a, d.b) for d in row.pairs)
        )  # fmt: skip
        if unknown:
            out.append(
                f"- {strong(cell(plan.label))} is known only in part: {unknown} provision(s) it "
                "lacks are *unknown*, not removed."
            )
        else:
            out.append(
                f"- {strong(cell(plan.label))} is known only in part; no provision shown here is "
                "*unknown*."
            )
    for omission in comparison.omissions:
        where = f"provision {omission.row + 1}" if omission.row is not None else "not shown"
        source = f" Source: {_link('report', omission.source)}." if omission.source else ""
        out.append(
            f"- {strong(cell(c.plan_label(comparison, omission.plan)))} is reported to have "
            f"dropped {code(omission.ref)} ({where}; confidence: {omission.confidence}): "
            f"{escape(omission.note)}{source}"
        )
    if len(out) == 2:
        out.append("Every compared version is fully known and none is reported to have dropped "
                   "a provision.")  # fmt: skip
    return [*out, ""]


def _sources(comparison: Comparison) -> list[str]:
    out = ["## Sources", ""]
    for plan in comparison.plans:
        out += [f"### {escape(plan.label)}: {escape(plan.title)}", ""]
        for source in plan.sources:
            when = f", {source.date.isoformat()}" if source.date else ""
            note = f". {escape(source.note)}" if source.note else ""
            out.append(f"- {_link(source.title, source.url)}: {escape(source.publisher)}{when}"
                       f"{note}")  # fmt: skip
        out.append("" if plan.sources else "No source recorded.\n")
    return out


def render_markdown(comparison: Comparison, options: RenderOptions) -> str:
    """The Markdown report of `comparison`."""
    lines = [f"# planlens report: {block(c.title(comparison))}", ""]
    about = (
        f"Generated by {escape(comparison.generator)}; report format {comparison.schema_version}."
    )
    if c.options_line(comparison):
        about += f" Options: {escape(c.options_line(comparison))}."
    lines += [f"*{about}*", ""]
    lines += key_changes_markdown(comparison)
    lines += _versions(comparison) + _summary(comparison)
    lines += by_topic_markdown(comparison) if options.by_topic else []
    lines += _provisions(comparison)
    lines += _changes(comparison) + _other_notes(comparison)
    lines += _figures(comparison) + _unknowns(comparison)
    lines += _sources(comparison)
    while lines and not lines[-1]:
        lines.pop()
    return "\n".join(lines) + "\n"
