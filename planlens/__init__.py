"""planlens: compare versions of a negotiated text, provision by provision.

The library is the product; the CLI and the terminal UI are thin over it:

    from planlens.corpus.load import load_corpus
    from planlens.comparison.build import compare
    from planlens.report import write_report

    corpus = load_corpus()                      # the bundled plans, or load_corpus(["mydir"])
    comparison = compare(corpus, ["us-28", "e3-28"])
    write_report(comparison, "html", Path("us28-vs-e3.html"))

`align` and `compare` are imported from their modules rather than re-exported here: a package
attribute and a submodule cannot share a name, and importing this package stays cheap so the
CLI starts fast.
"""

from __future__ import annotations

__version__ = "0.1.0"
