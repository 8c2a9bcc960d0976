"""The HTML report's inline style sheet and filter script (constants: no data ever goes in)."""

from __future__ import annotations

import base64
import hashlib

CSS = """
:root {
  color-scheme: light dark;
  --bg: #ffffff; --fg: #1b1f24; --muted: #57606a; --line: #d0d7de; --panel: #f6f8fa;
  --accent: #0b57d0; --del-bg: #ffe4e4; --del-fg: #8b0000; --ins-bg: #dcf5e3; --ins-fg: #0a4f22;
  --fig-bg: #fff3c4; --mark: #fff7d6;
  --c-unchanged: #6e7781; --c-reworded: #0969da; --c-modified: #9a6700; --c-moved: #5a32a3;
  --c-renumbered: #5a32a3; --c-split: #8250df; --c-merged: #8250df; --c-added: #1a7f37;
  --c-removed: #cf222e; --c-removed-reported: #a40e26; --c-unknown: #57606a;
}
@media (prefers-color-scheme: dark) {
  :root {
    --bg: #0d1117; --fg: #e6edf3; --muted: #9da7b3; --line: #30363d; --panel: #161b22;
    --accent: #6cb6ff; --del-bg: #4a1618; --del-fg: #ffc1c0; --ins-bg: #12361f; --ins-fg: #b4f1c4;
    --fig-bg: #3d3000; --mark: #2b2600;
    --c-unchanged: #9da7b3; --c-reworded: #6cb6ff; --c-modified: #e3b341; --c-moved: #c297ff;
    --c-renumbered: #c297ff; --c-split: #d2a8ff; --c-merged: #d2a8ff; --c-added: #56d364;
    --c-removed: #ff7b72; --c-removed-reported: #ffa198; --c-unknown: #9da7b3;
  }
}
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 1400px; padding: 1rem 1.5rem 3rem; background: var(--bg);
  color: var(--fg); font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
h1 { font-size: 1.6em; margin: .5rem 0 .25rem; }
h2 { font-size: 1.3em; margin: 2rem 0 .5rem; border-bottom: 1px solid var(--line); }
h3 { font-size: 1.1em; margin: 1.5rem 0 .5rem; }
a { color: var(--accent); }
.meta, .muted { color: var(--muted); }
nav.toc { display: flex; flex-wrap: wrap; gap: .25rem 1rem; padding: .5rem 0;
  border-bottom: 1px solid var(--line); }
table { border-collapse: collapse; margin: .5rem 0 1rem; }
table.sbs, table.matrix, table.figure-table { width: 100%; }
caption { text-align: left; font-weight: 600; padding: .25rem 0; }
th, td { border: 1px solid var(--line); padding: .35rem .5rem; vertical-align: top;
  text-align: left; overflow-wrap: anywhere; }
thead th { background: var(--panel); position: sticky; top: 0; z-index: 1; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.addr { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: .9em;
  white-space: nowrap; }
.badge { display: inline-block; padding: 0 .45rem; border: 1px solid currentColor;
  border-radius: 1rem; font-size: .8em; font-weight: 600; white-space: nowrap; }
.c-unchanged { color: var(--c-unchanged); } .c-reworded { color: var(--c-reworded); }
.c-modified { color: var(--c-modified); } .c-moved { color: var(--c-moved); }
.c-renumbered { color: var(--c-renumbered); } .c-split { color: var(--c-split); }
.c-merged { color: var(--c-merged); } .c-added { color: var(--c-added); }
.c-removed { color: var(--c-removed); }
.c-removed-reported { color: var(--c-removed-reported); }
.c-unknown { color: var(--c-unknown); font-style: italic; }
.badge.c-removed-reported { border-style: double; border-width: 3px; }
.badge.c-unknown { border-style: dashed; }
.badge.status, .badge.fidelity { color: var(--muted); }
.badge.partial { color: var(--c-unknown); border-style: dashed; }
.badge.complete { color: var(--c-added); }
.badge.bracketed { color: var(--c-split); border-style: dotted; }
.badge.confidence { color: var(--c-modified); border-style: dotted; }
.topic { display: inline-block; font-size: .78em; padding: 0 .35rem; margin: .1rem .15rem 0 0;
  border-radius: .25rem; background: var(--panel); border: 1px solid var(--line); }
del { background: var(--del-bg); color: var(--del-fg); text-decoration: line-through; }
ins { background: var(--ins-bg); color: var(--ins-fg); text-decoration: underline; }
.absent { color: var(--muted); font-style: italic; }
.absent.unknown { border-left: 3px dashed var(--c-unknown); padding-left: .5rem; }
.absent.removed { border-left: 3px solid var(--c-removed); padding-left: .5rem; }
.absent.removed-reported { border-left: 3px double var(--c-removed-reported);
  padding-left: .5rem; }
.bracketed-text { border: 1px dashed var(--c-split); padding: 0 .25rem; }
.bracketed-text::before { content: "[ "; color: var(--c-split); font-weight: 700; }
.bracketed-text::after { content: " ]"; color: var(--c-split); font-weight: 700; }
.figures { margin: .35rem 0 0; padding: .25rem .5rem; list-style: none; background: var(--fig-bg);
  border-radius: .25rem; font-size: .88em; }
.note { font-size: .85em; color: var(--muted); margin: .25rem 0 0; }
.alternative { margin: 0 0 .6rem; }
.alternative + .alternative { border-top: 1px solid var(--line); padding-top: .4rem; }
.alt-head { margin: 0 0 .2rem; font-size: .9em; }
table.sbs td { width: 40%; }
table.sbs th[scope=row] { font-weight: normal; width: 20%; }
table.sbs th[scope=row] .title { font-weight: 600; display: block; }
tr.c-row-unchanged td { color: var(--muted); }
table.matrix td, table.matrix thead th { white-space: nowrap; overflow-wrap: normal; }
table.matrix th[scope=row] { font-weight: normal; }
table.counts th[scope=row] { white-space: nowrap; }
table.counts th, table.counts td { overflow-wrap: normal; }
table.counts th .badge { white-space: normal; text-align: center; }
table.topic-matrix td { white-space: nowrap; font-weight: 600; }
table.topic-matrix td span { margin-right: .5rem; }
.bar { display: flex; height: .9rem; min-width: 10rem; border: 1px solid var(--line); }
.bar span { display: block; height: 100%; }
.bar .b-unchanged { background: var(--c-unchanged); }
.bar .b-reworded { background: var(--c-reworded); }
.bar .b-modified { background: var(--c-modified); }
.bar .b-moved { background: var(--c-moved); }
.bar .b-renumbered { background: var(--c-renumbered); }
.bar .b-split { background: var(--c-split); }
.bar .b-merged { background: var(--c-merged); }
.bar .b-added { background: var(--c-added); }
.bar .b-removed { background: var(--c-removed); }
.bar .b-removed-reported { background: var(--c-removed-reported); }
.bar .b-unknown { background: repeating-linear-gradient(45deg, var(--c-unknown) 0 3px,
  transparent 3px 6px); }
.cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(22rem, 1fr)); gap: 1rem; }
.card { border: 1px solid var(--line); border-radius: .5rem; padding: .75rem 1rem;
  background: var(--panel); }
.card h3 { margin: 0 0 .35rem; }
.card p { margin: .35rem 0; }
ul.sources { padding-left: 1.1rem; margin: .25rem 0; font-size: .9em; }
.unsafe-url { font-family: ui-monospace, monospace; color: var(--muted); }
:target:not(section), tr:target > * { background: var(--mark); }
span.anchor { scroll-margin-top: 3rem; }
form.filters { display: flex; flex-wrap: wrap; gap: .5rem 1rem; align-items: center;
  padding: .5rem; margin: .5rem 0; background: var(--panel); border: 1px solid var(--line);
  border-radius: .25rem; }
form.filters[hidden] { display: none; }
.legend dt { display: inline; } .legend dd { display: inline; margin: 0 1rem 0 .25rem; }
.legend div { margin: .15rem 0; }
footer { margin-top: 3rem; font-size: .85em; color: var(--muted); }
@media print {
  :root { --bg: #fff; --fg: #000; --muted: #333; --line: #999; --panel: #fff; }
  @page { margin: 14mm 12mm; }
  body { max-width: none; padding: 0; font-size: 9pt; line-height: 1.35; }
  th, td { padding: .2rem .3rem; }
  table.sbs th[scope=row] { width: 24%; }
  table.sbs td { width: 38%; }
  .topic, .badge { font-size: 7.5pt; }
  nav.toc, form.filters { display: none; }
  thead th { position: static; }
  tr, .card, .figures { break-inside: avoid; }
  h2, h3 { break-after: avoid; }
  del { background: none; color: #000; text-decoration: line-through 2px; }
  ins { background: none; color: #000; text-decoration: underline 2px; font-weight: 600; }
  .figures { background: none; border: 1px solid #999; }
  ul.sources a[href]::after { content: " <" attr(href) ">"; font-size: 8pt; color: #333;
    overflow-wrap: anywhere; }
  tr[hidden] { display: table-row; }
}
""".strip()

SCRIPT = """
(function () {
  var form = document.getElementById("filters");
  if (!form) { return; }
  var rows = document.querySelectorAll("tr[data-changes]");
  var provisions = {};
  rows.forEach(function (row) { provisions[row.dataset.row] = true; });
  var total = Object.keys(provisions).length;
  function apply() {
    var topic = form.elements.topic.value, change = form.elements.change.value;
    var hideUnchanged = form.elements.changed.checked, shown = {};
    rows.forEach(function (row) {
      var topics = row.dataset.topics.split(" "), changes = row.dataset.changes.split(" ");
      var ok = (!topic || topics.indexOf(topic) >= 0) && (!change || changes.indexOf(change) >= 0)
        && (!hideUnchanged || changes.some(function (c) { return c !== "unchanged"; }));
      row.hidden = !ok;
      if (ok) { shown[row.dataset.row] = true; }
    });
    document.getElementById("filter-count").textContent =
      Object.keys(shown).length + " of " + total + " provisions shown";
  }
  form.addEventListener("change", apply);
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  form.hidden = false;
  apply();
})();
""".strip()


def script_hash() -> str:
    """The CSP source allowing exactly `SCRIPT` (and so no script injected by data)."""
    digest = hashlib.sha256(SCRIPT.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


CONTENT_SECURITY_POLICY = (
    f"default-src 'none'; style-src 'unsafe-inline'; script-src {script_hash()}; "
    "img-src 'none'; form-action 'none'; base-uri 'none'"
)
"""No network access at all: no fetches, fonts, images or scripts beyond `SCRIPT`."""
